package mdreport

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/site/view"
)

// The consultant's notes and overrides, and the change since the last
// assessment, in report.md; the words are site/view's, as in the site and
// the PDF.

// notes writes the consultant's notes on a target as block quotes,
// each labelled, so that no reader takes them for the rubric's words.
func (m *md) notes(target string) {
	for _, n := range m.rep.NotesOn(target) {
		body, _ := embed(n.Body, 4)
		var b strings.Builder
		b.WriteString("> **" + m.t("report.note") + ":**\n>\n")
		for _, ln := range strings.Split(body, "\n") {
			if ln == "" {
				b.WriteString(">\n")
				continue
			}
			b.WriteString("> " + ln + "\n")
		}
		m.w.WriteString(b.String())
		m.w.WriteString("\n")
	}
}

// change writes a score's change since the last assessment, if any.
func (m *md) change(dim string) {
	if s := view.ChangeText(m.rep.P(), m.rep.ChangeOf(dim)); s != "" {
		m.p("%s", escape(s))
	}
}

// trend writes the scores of the comparable assessments as a table.
func (m *md) trend() {
	t := m.rep.Trend()
	if t == nil {
		return
	}
	m.h(3, m.t("report.trend.title"))
	m.p("%s", escape(view.TrendIntro(m.rep.P(), t)))
	header := []string{m.t("report.col.assessment"), m.t("report.col.overall")}
	align := "lr"
	for _, d := range m.rep.Rubric.Dimensions {
		header = append(header, d.Title)
		align += "r"
	}
	var rows [][]string
	for _, p := range t.Points {
		row := []string{cellText(m.rep.LongDate(p.Date)), m.score(p.Overall)}
		for _, s := range p.Dims {
			row = append(row, m.score(s))
		}
		rows = append(rows, row)
	}
	m.table(align, header, rows)
}

// dropped lists the recommendations the consultant took out of the plan.
func (m *md) dropped() {
	ds := m.rep.Dropped()
	if len(ds) == 0 {
		return
	}
	m.h(3, m.t("report.dropped"))
	m.p("%s", escape(m.t("report.dropped_lead")))
	for _, d := range ds {
		fmt.Fprintf(m.w, "- **%s**  \n  %s\n", escape(d.Title), escape(m.t("report.judgement.drop", strings.Join(strings.Fields(d.Reason), " "))))
	}
	m.w.WriteString("\n")
}

// judgement writes how a person placed an action in the plan, if one did.
func (m *md) judgement(it *view.Item) {
	if o := m.rep.OverrideOf(it.Rec.ID); o != nil {
		m.p("*%s*", escape(view.OverrideText(m.rep.P(), o)))
	}
}
