package pdf

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/mdreport"
)

// method is the appendix: which rubric, how answers become scores, how
// privacy is kept, every question, and how clean the data was.
func (d *doc) method() {
	r, res := d.rep.Rubric, d.rep.Result
	d.text("How this assessment was made, so that its figures can be checked and repeated.", d.body())
	d.y += 2

	d.sub("The rubric")
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{32, d.cw - 32}}
	kv := func(k string, v span) {
		t.rows = append(t.rows, []cell{textCell(k, sized(d.small(), 8.5)), {spans: []span{v}}})
	}
	kv("Rubric", span{r.Title, st})
	kv("Identifier", span{r.ID, st})
	kv("Version", span{r.Version, st})
	kv("SHA-256", span{r.SHA256, style{size: 7.5, mono: true, color: ink}})
	kv("Language", span{r.Language, st})
	d.drawTable(t)
	d.y += 2
	d.text(mdreport.RubricNote, d.small())
	d.y += 2
	d.markdown(r.Description, d.body())

	d.sub("How answers become scores")
	d.markdown(mdreport.ScoringRules(r), d.body())

	d.sub("Levels")
	hs := bold(sized(d.small(), 8))
	t = &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{48, 22, d.cw - 70}, header: []cell{
		textCell("Level", hs), {spans: []span{{"From score", hs}}, align: 'R'}, textCell("Meaning", hs)}}
	for _, lv := range r.Levels {
		t.rows = append(t.rows, []cell{textCell(lv.Title, bold(st)),
			{spans: []span{{mdreport.Num(lv.Min), st}}, align: 'R'},
			{spans: d.inlineMarkdown(lv.Description, sized(d.body(), 8.5))}})
	}
	d.drawTable(t)

	d.sub("Privacy")
	d.markdown(mdreport.PrivacyRules(mdreport.MinGroup(d.rep)), d.body())

	d.sub("Answer scales")
	t = &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{24, d.cw - 64, 40}, header: []cell{
		textCell("Scale", hs), textCell("Answers, lowest to highest", hs), textCell("Counted as unanswered", hs)}}
	for _, s := range r.Scales {
		var ans []string
		for i, l := range s.Labels {
			ans = append(ans, fmt.Sprintf("%s = %s", mdreport.Num(s.Points[i]), l))
		}
		t.rows = append(t.rows, []cell{textCell(s.ID, style{size: 8.5, mono: true, color: ink}),
			textCell(strings.Join(ans, "; "), st), textCell(strings.Join(s.Skip, "; "), st)})
	}
	d.drawTable(t)

	d.sub("Questions")
	for _, dm := range r.Dimensions {
		d.heading(fmt.Sprintf("%s (weight %s)", dm.Title, mdreport.Num(dm.Weight)), 10.5, 16)
		t = &table{x: d.left, w: d.cw, pad: 1.3, widths: []float64{12, d.cw - 76, 48, 16}, header: []cell{
			textCell("Id", hs), textCell("Question", hs), textCell("Answers", hs),
			{spans: []span{{"Weight", hs}}, align: 'R'}}}
		for _, q := range dm.Questions {
			t.rows = append(t.rows, []cell{textCell(q.ID, style{size: 8, mono: true, color: ink}),
				textCell(q.Text, sized(d.body(), 8.5)), textCell(mdreport.Answers(q), sized(d.small(), 8)),
				{spans: []span{{weight(q), sized(d.body(), 8.5)}}, align: 'R'}})
		}
		d.drawTable(t)
	}

	d.sub("Red flags checked")
	t = &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{50, d.cw - 72, 22}, header: []cell{
		textCell("Red flag", hs), textCell("Raised when", hs), {spans: []span{{"Share", hs}}, align: 'R'}}}
	for _, f := range r.Flags {
		t.rows = append(t.rows, []cell{textCell(f.Title, bold(sized(d.body(), 8.5))),
			textCell(mdreport.Conditions(r, f), sized(d.body(), 8.5)),
			{spans: []span{{"≥ " + pct(f.Share), sized(d.body(), 8.5)}}, align: 'R'}})
	}
	d.drawTable(t)

	d.sub("The data")
	q := res.DataQuality
	var b strings.Builder
	fmt.Fprintf(&b, "- %d rows read; %d respondents scored.\n", q.Rows, res.Respondents)
	fmt.Fprintf(&b, "- %d answers matched no answer of their question and were counted as missing.\n", q.InvalidCells)
	if len(q.UnmatchedColumns) > 0 {
		fmt.Fprintf(&b, "- Columns not used: %s.\n", escapeMD(strings.Join(quoteAll(q.UnmatchedColumns), ", ")))
	}
	if len(res.SegmentAttributes) > 0 {
		fmt.Fprintf(&b, "- Broken down by: %s.\n", escapeMD(strings.Join(res.SegmentAttributes, ", ")))
	}
	d.markdown(b.String(), d.body())
}

func weight(q *assess.Question) string {
	if !q.Scored() {
		return "–"
	}
	return mdreport.Num(q.Weight)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "“" + s + "”"
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
