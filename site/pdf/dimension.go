package pdf

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// dimension is one dimension's section: its score on the levels, what it
// measures, every question's answers, the segments and what to do.
func (d *doc) dimension(dm *view.Dimension) {
	r := d.rep.Rubric
	res := dm.Result
	lvl := d.t("report.no_score")
	if dm.Level != nil {
		lvl = dm.Level.Title
	}
	d.spans(span{d.score(res.Score), style{size: 26, bold: true, color: d.accent.text}},
		span{" / 100   ", colored(sized(d.body(), 12), muted)},
		span{lvl, style{size: 14, bold: true, color: ink}})
	facts := d.t("report.n_respondents", res.N)
	if res.N >= 2 && res.CIHigh > res.CILow {
		facts += d.t("report.ci", d.num1(res.CILow), d.num1(res.CIHigh))
	}
	facts += d.t("report.target", d.num(r.Target))
	if dm.Percentile != "" {
		facts += d.t("report.norms.against", dm.Percentile)
	}
	d.text(facts, d.small())
	d.y += 1
	d.change(dm.Def.ID)
	d.y += 1
	d.band(dm, r.Target)
	d.notes(dm.Def.ID)
	if text := dm.Def.LevelText(dm.Level); strings.TrimSpace(text) != "" {
		d.heading(d.t("report.level_means", dm.Level.Title), 10.5, 12)
		d.markdown(text, d.body())
	}
	if strings.TrimSpace(dm.Def.Description) != "" {
		d.sub(d.t("report.about_dimension"))
		d.markdown(dm.Def.Description, d.body())
	}
	if len(dm.Questions) > 0 {
		d.sub(d.t("report.answers"))
		d.questions(dm.Questions)
	}
	if len(dm.Segments) > 0 {
		d.sub(d.t("report.by_segment"))
		d.segments(dm)
	}
	d.sub(d.t("report.recommendations"))
	if len(dm.Recommendations) == 0 {
		d.text(d.t("report.no_recs"), d.body())
	}
	for _, it := range dm.Recommendations {
		d.heading(d.t("report.action", it.Rank, it.Rec.Title), 10.5, 16)
		d.text(view.Origin(d.p, it), d.small())
		d.judgement(it, d.left, d.cw)
		d.y += 1.5
		d.markdown(it.Rec.Body, d.body())
	}
}

// questions draws each question's answers; a legend of answer colours
// comes before every run of questions with the same answers.
func (d *doc) questions(qs []*view.Question) {
	d.text(d.t("pdf.bars_intro"), d.small())
	d.y += 3
	prev := ""
	for _, q := range qs {
		def := q.Def
		text := []span{{def.ID + "  ", colored(sized(d.body(), 8), muted)}, {def.Text, sized(d.body(), 9.5)}}
		lines := d.layout(text, d.cw)
		switch {
		case !def.Scored():
			d.need(textHeight(lines) + 6)
			d.flow(text, d.left, d.cw, 'L')
			d.text(d.t("report.free_text_n", q.Result.N), d.small())
			d.y += 3
			continue
		case def.Type == assess.TypeMulti:
			d.need(textHeight(lines) + 12)
			d.flow(text, d.left, d.cw, 'L')
			d.questionChange(def.ID)
			d.y += 1
			d.shares(q)
			d.y += 2
			prev = ""
			continue
		}
		colors := d.barColors(q.Bars)
		key := legendKey(q.Bars)
		legendH := 0.0
		if key != prev {
			legendH = 10
		}
		d.need(legendH + textHeight(lines) + 9)
		if key != prev {
			d.legend(q.Bars, colors)
			prev = key
		}
		d.flow(text, d.left, d.cw, 'L')
		d.questionChange(def.ID)
		d.y += 0.8
		d.diverging(q, colors)
		d.y += 2.5
	}
}

func legendKey(bars []view.Bar) string {
	var b strings.Builder
	for _, x := range bars {
		b.WriteString(x.Label)
		b.WriteByte(0)
	}
	return b.String()
}

// segments tabulates the dimension's score by segment. A suppressed group
// shows why, never a figure.
func (d *doc) segments(dm *view.Dimension) {
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.5, widths: []float64{d.cw - 104, 24, 18, 62}, header: []cell{
		textCell(d.t("report.col.group"), hs),
		{spans: []span{{d.t("report.col.respondents"), hs}}, align: 'R'},
		{spans: []span{{d.t("report.col.score"), hs}}, align: 'R'},
		textCell(d.t("report.col.level"), hs)}}
	prev := ""
	for _, s := range dm.Segments {
		if s.Attribute != prev {
			t.rows = append(t.rows, []cell{textCell(s.Attribute, bold(colored(st, muted)))})
			t.fills = append(t.fills, rgb{-1, 0, 0})
			prev = s.Attribute
		}
		row := []cell{textCell(s.Value, st)}
		if s.Suppressed {
			row = append(row, cell{spans: []span{{"–", st}}, align: 'R'}, cell{spans: []span{{"–", st}}, align: 'R'},
				textCell(d.rep.SuppressedText(s), italic(colored(st, muted))))
		} else {
			lvl := ""
			if s.Level != nil {
				lvl = s.Level.Title
			}
			sc := []span{{d.score(s.Score), bold(st)}}
			if ch := d.rep.ChangeNote(d.rep.SegmentChangeOf(s.Attribute, s.Value, dm.Def.ID)); ch != "" {
				sc = append(sc, span{"", style{brk: 1, size: 8}}, span{ch, colored(sized(d.small(), 7.5), muted)})
			}
			row = append(row, cell{spans: []span{{fmt.Sprint(s.N), st}}, align: 'R'},
				cell{spans: sc, align: 'R'},
				textCell(lvl, st))
		}
		t.rows = append(t.rows, row)
		t.fills = append(t.fills, rgb{-1, 0, 0})
	}
	d.drawTable(t)
	d.y += 2
	d.text(d.t("report.suppression_note", d.rep.MinGroup()), d.small())
}
