package pdf

import (
	"strconv"

	"github.com/aiready/aiready/site/view"
)

// frameworks is the appendix of framework clauses: per framework and
// clause, the questions that bear on it, their dimension and score.
func (d *doc) frameworks() {
	p := d.p
	d.text(d.t("report.frameworks.intro"), d.body())
	d.y += 2
	d.text(d.t("report.frameworks.disclaimer"), bold(d.body()))
	d.y += 2
	d.text(view.FrameworksNote(p, d.rep.MinGroup()), d.small())
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 8.5)
	for _, f := range d.rep.Frameworks {
		d.sub(f.Def.Title)
		d.text(p.N("report.frameworks.clauses", len(f.Clauses)), d.small())
		for _, c := range f.Clauses {
			d.heading(d.t("report.frameworks.clause", c.Def.ID, c.Def.Title), 10.5, 16)
			t := &table{x: d.left, w: d.cw, pad: 1.3, widths: []float64{12, d.cw - 90, 38, 22, 18}, header: []cell{
				textCell(d.t("report.col.id"), hs), textCell(d.t("report.col.question"), hs), textCell(d.t("report.col.dimension"), hs),
				{spans: []span{{d.t("report.col.score"), hs}}, align: 'R'}, {spans: []span{{d.t("report.col.answers"), hs}}, align: 'R'}}}
			for _, q := range c.Questions {
				sc := st
				if q.Score == nil {
					sc = sized(d.small(), 8)
				}
				t.rows = append(t.rows, []cell{textCell(q.Def.ID, style{size: 8, mono: true, color: ink}),
					textCell(q.Def.Text, st), textCell(q.Dimension.Title, sized(d.small(), 8)),
					{spans: []span{{q.ScoreText(p), sc}}, align: 'R'},
					{spans: []span{{strconv.Itoa(q.N), st}}, align: 'R'}})
			}
			d.drawTable(t)
		}
	}
}
