package pdf

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// method is the appendix: which rubric, how answers become scores, how
// privacy is kept, every question, and how clean the data was.
func (d *doc) method() {
	r, res := d.rep.Rubric, d.rep.Result
	d.text(d.t("report.method_intro"), d.body())
	d.y += 2

	d.sub(d.t("report.rubric"))
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{32, d.cw - 32}}
	kv := func(k string, v span) {
		t.rows = append(t.rows, []cell{textCell(k, sized(d.small(), 8.5)), {spans: []span{v}}})
	}
	kv(d.t("report.rubric_name"), span{r.Title, st})
	kv(d.t("report.identifier"), span{r.ID, st})
	kv(d.t("report.version"), span{r.Version, st})
	kv("SHA-256", span{r.SHA256, style{size: 7.5, mono: true, color: ink}})
	kv(d.t("report.language"), span{r.Language, st})
	d.drawTable(t)
	d.y += 2
	d.text(d.t("report.rubric_note"), d.small())
	d.y += 2
	d.markdown(r.Description, d.body())

	d.sub(d.t("report.how_scores"))
	d.markdown(view.ScoringRules(d.p, r), d.body())

	d.sub(d.t("report.levels"))
	hs := bold(sized(d.small(), 8))
	t = &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{48, 22, d.cw - 70}, header: []cell{
		textCell(d.t("report.col.level"), hs), {spans: []span{{d.t("report.col.from_score"), hs}}, align: 'R'}, textCell(d.t("report.col.meaning"), hs)}}
	for _, lv := range r.Levels {
		t.rows = append(t.rows, []cell{textCell(lv.Title, bold(st)),
			{spans: []span{{d.num(lv.Min), st}}, align: 'R'},
			{spans: d.inlineMarkdown(lv.Description, sized(d.body(), 8.5))}})
	}
	d.drawTable(t)

	d.sub(d.t("report.privacy"))
	d.markdown(view.PrivacyRules(d.p, d.rep.MinGroup()), d.body())

	d.sub(d.t("report.scales"))
	t = &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{24, d.cw - 64, 40}, header: []cell{
		textCell(d.t("report.col.scale"), hs), textCell(d.t("report.col.scale_answers"), hs), textCell(d.t("report.col.unanswered"), hs)}}
	for _, s := range r.Scales {
		var ans []string
		for i, l := range s.Labels {
			ans = append(ans, fmt.Sprintf("%s = %s", d.num(s.Points[i]), l))
		}
		t.rows = append(t.rows, []cell{textCell(s.ID, style{size: 8.5, mono: true, color: ink}),
			textCell(strings.Join(ans, "; "), st), textCell(strings.Join(s.Skip, "; "), st)})
	}
	d.drawTable(t)

	d.sub(d.t("report.questions"))
	for _, dm := range r.Dimensions {
		d.heading(d.t("report.dim_weight", dm.Title, d.num(dm.Weight)), 10.5, 16)
		t = &table{x: d.left, w: d.cw, pad: 1.3, widths: []float64{12, d.cw - 76, 48, 16}, header: []cell{
			textCell(d.t("report.col.id"), hs), textCell(d.t("report.col.question"), hs), textCell(d.t("report.col.answers"), hs),
			{spans: []span{{d.t("report.col.weight"), hs}}, align: 'R'}}}
		for _, q := range dm.Questions {
			t.rows = append(t.rows, []cell{textCell(q.ID, style{size: 8, mono: true, color: ink}),
				textCell(q.Text, sized(d.body(), 8.5)), textCell(view.Answers(d.p, q), sized(d.small(), 8)),
				{spans: []span{{d.weight(q), sized(d.body(), 8.5)}}, align: 'R'}})
		}
		d.drawTable(t)
	}

	d.sub(d.t("report.flags_checked"))
	t = &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{50, d.cw - 72, 22}, header: []cell{
		textCell(d.t("report.col.flag"), hs), textCell(d.t("report.col.raised_when"), hs), {spans: []span{{d.t("report.col.share"), hs}}, align: 'R'}}}
	for _, f := range r.Flags {
		t.rows = append(t.rows, []cell{textCell(f.Title, bold(sized(d.body(), 8.5))),
			textCell(view.Conditions(d.p, r, f), sized(d.body(), 8.5)),
			{spans: []span{{"≥ " + view.SettingPct(d.p, f.Share), sized(d.body(), 8.5)}}, align: 'R'}})
	}
	d.drawTable(t)

	d.sub(d.t("report.data"))
	q := res.DataQuality
	var b strings.Builder
	// The catalogue's sentences are Markdown; only the data in them is escaped.
	fmt.Fprintf(&b, "- %s\n", d.t("report.data_rows", q.Rows, res.Respondents))
	fmt.Fprintf(&b, "- %s\n", d.t("report.data_invalid", q.InvalidCells))
	if len(q.UnmatchedColumns) > 0 {
		fmt.Fprintf(&b, "- %s\n", d.t("report.data_unused", escapeMD(strings.Join(d.quoteAll(q.UnmatchedColumns), ", "))))
	}
	if q.RepeatedIDs > 0 {
		fmt.Fprintf(&b, "- %s\n", d.t("report.data_repeated", q.RepeatedIDs))
	}
	if len(d.rep.Unanswered) > 0 {
		fmt.Fprintf(&b, "- %s\n", d.t("report.data_unanswered", escapeMD(strings.Join(d.rep.Unanswered, "; "))))
	}
	if len(res.SegmentAttributes) > 0 {
		fmt.Fprintf(&b, "- %s\n", d.t("report.data_by", escapeMD(strings.Join(res.SegmentAttributes, ", "))))
	}
	if s := d.rep.Measure.Quality; s != "" {
		fmt.Fprintf(&b, "- %s\n", escapeMD(s))
	}
	d.markdown(b.String(), d.body())
}

func (d *doc) weight(q *assess.Question) string {
	if !q.Scored() {
		return "–"
	}
	return d.num(q.Weight)
}

func (d *doc) quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = d.t("report.quote", s)
	}
	return out
}

// escapeMD makes data text (column names, attributes) literal in Markdown.
func escapeMD(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
