package mdreport

import "fmt"

// drivers is what drives the outcome: importance against score as a
// table (report.md has no charts), and the dimensions to fix first.
func (m *md) drivers() {
	d := m.rep.Measure.Drivers
	m.h(2, m.t("report.measure.drivers"))
	m.p("%s", escape(d.Intro))
	var rows [][]string
	for _, r := range d.Rows {
		fix := ""
		if r.FixFirst {
			fix = "**" + m.t("report.measure.yes") + "**"
		}
		rows = append(rows, []string{cellText(r.Dimension.Def.Title), r.Importance, m.score(r.Score), fix})
	}
	m.table("lrrl", []string{m.t("report.col.dimension"), m.t("report.measure.col_importance"), m.t("report.col.score"), m.t("report.measure.col_fix")}, rows)
	m.p("%s", escape(d.Text))
}

// measure is the methodology's part on how far the figures can be
// trusted: reliability of each dimension and participation.
func (m *md) measure() {
	ms := m.rep.Measure
	if ms == nil {
		return
	}
	if len(ms.Reliability) > 0 {
		m.w.WriteString("\n")
		m.h(3, m.t("report.measure.reliability"))
		m.p("%s", escape(m.rep.ReliabilityIntro()))
		var rows [][]string
		for _, r := range ms.Reliability {
			note := cellText(r.Note)
			if r.Weak {
				note = "**" + note + "**"
			}
			rows = append(rows, []string{cellText(r.Dimension.Title), r.Alpha, fmt.Sprint(r.Result.N), note})
		}
		m.table("lrrl", []string{m.t("report.col.dimension"), m.t("report.measure.col_alpha"), "n", m.t("report.measure.col_note")}, rows)
		if len(ms.Questions) > 0 {
			m.h(4, m.t("report.measure.weak_questions"))
			for _, q := range ms.Questions {
				fmt.Fprintf(m.w, "- %s\n", escape(q.Text))
			}
			m.w.WriteString("\n")
		}
	}
	if pt := ms.Participation; pt != nil {
		m.h(3, m.t("report.measure.participation"))
		m.p("%s", escape(pt.Line))
		rows := [][]string{{m.t("report.measure.overall"), fmt.Sprint(pt.Population), fmt.Sprint(pt.Respondents), pt.Rate}}
		for _, g := range pt.Groups {
			rows = append(rows, []string{cellText(g.Attribute + ": " + g.Value), fmt.Sprint(g.Population), fmt.Sprint(g.N), g.Rate})
		}
		m.table("lrrr", []string{m.t("report.measure.col_group"), m.t("report.measure.col_asked"), m.t("report.measure.col_answered"), m.t("report.measure.col_rate")}, rows)
		for _, l := range pt.Limits {
			m.p("> %s", escape(l))
		}
	}
}
