package mdreport

import (
	"strconv"

	"github.com/aiready/aiready/site/view"
)

// frameworks is the section of framework clauses: per framework and
// clause, the questions that bear on it, their dimension and score.
func (m *md) frameworks() {
	p := m.rep.P()
	m.h(2, m.t("report.frameworks.title"))
	m.p("%s", m.t("report.frameworks.intro"))
	m.p("%s", m.t("report.frameworks.disclaimer"))
	m.p("%s", view.FrameworksNote(p, m.rep.MinGroup()))
	for _, f := range m.rep.Frameworks {
		m.h(3, f.Def.Title)
		m.p("%s", escape(p.N("report.frameworks.clauses", len(f.Clauses))))
		for _, c := range f.Clauses {
			m.h(4, m.t("report.frameworks.clause", c.Def.ID, c.Def.Title))
			var rows [][]string
			for _, q := range c.Questions {
				rows = append(rows, []string{"`" + q.Def.ID + "`", cellText(q.Def.Text), cellText(q.Dimension.Title),
					cellText(q.ScoreText(p)), strconv.Itoa(q.N)})
			}
			m.table("lllrr", []string{m.t("report.col.id"), m.t("report.col.question"), m.t("report.col.dimension"),
				m.t("report.col.score"), m.t("report.col.answers")}, rows)
		}
	}
}
