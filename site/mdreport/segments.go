package mdreport

import (
	"strings"

	"github.com/aiready/aiready/site/view"
)

// The segment overview, the changes of red flags since the last
// assessment and the actions the consultant added, in site/view's words
// and figures, as the site and the PDF show them.

// segmentOverview tabulates every group's overall and dimension scores,
// one table per attribute. A suppressed group shows only why.
func (m *md) segmentOverview() {
	rep := m.rep
	m.h(2, m.t("report.segments.title"))
	m.p("%s", escape(m.t("report.segments.intro", rep.MinGroup())))
	if p := rep.Result.Previous; p != nil && !p.RubricChanged {
		m.p("%s", escape(m.t("report.segments.changes", rep.LongDate(p.Date))))
	}
	for _, tb := range rep.SegmentTables() {
		m.h(3, m.t("report.segments.by", tb.Attribute))
		head := []string{tb.Attribute, "n", m.t("report.col.overall")}
		align := "lrr"
		for _, dm := range rep.Dimensions {
			head = append(head, dm.Def.Title)
			align += "r"
		}
		var rows [][]string
		for _, r := range tb.Rows {
			group := cellText(r.Group)
			if r.All {
				group = "**" + group + "**"
			}
			if r.Suppressed {
				row := []string{group, "*" + cellText(r.Why) + "*"}
				for range len(rep.Dimensions) + 1 {
					row = append(row, "–")
				}
				rows = append(rows, row)
				continue
			}
			row := []string{group, r.N, segCell(r.Overall)}
			for _, c := range r.Dims {
				row = append(row, segCell(c))
			}
			rows = append(rows, row)
		}
		m.table(align, head, rows)
	}
	if ov := rep.Overall; ov.CappedBy != nil && ov.Level != nil {
		m.p("%s", escape(m.t("site.segs.capped", ov.Level.Title, ov.CappedBy.Title)))
	}
}

// segCell is one score of the overview, with its change beside it.
func segCell(c view.SegmentCell) string {
	if c.None {
		return "*" + cellText(c.Score) + "*"
	}
	if c.Change != "" {
		return c.Score + " (" + c.Change + ")"
	}
	return c.Score
}

// flagDeltas says which red flags were cleared since the last assessment,
// which are new, and which stayed as they were.
func (m *md) flagDeltas() {
	fds := m.rep.FlagDeltas()
	if len(fds) == 0 {
		return
	}
	m.h(3, m.rep.FlagDeltasTitle())
	var lines []string
	for _, fd := range fds {
		if fd.Change.Cleared() || fd.Change.New() {
			lines = append(lines, "- **"+escape(fd.Text)+"**")
		}
	}
	if len(lines) > 0 {
		m.p("%s", strings.Join(lines, "\n"))
	}
	var rows [][]string
	for _, fd := range fds {
		rows = append(rows, []string{cellText(fd.Flag.Title), cellText(fd.Then), cellText(fd.Now), cellText(fd.Status)})
	}
	m.table("llll", []string{m.t("report.col.flag"), m.t("report.delta.col_then"), m.t("report.delta.col_now"), m.t("report.delta.col_status")}, rows)
}

// added sets out in full each action the consultant added, as a block
// quote under its label, as notes are: the words are the consultant's.
func (m *md) added() {
	items := m.rep.Added()
	if len(items) == 0 {
		return
	}
	m.h(3, m.t("report.added"))
	for _, it := range items {
		m.h(4, m.t("report.action", it.Rank, it.Rec.Title))
		m.p("*%s*", escape(view.Origin(m.rep.P(), it)))
		m.judgement(it)
		body, _ := embed(it.Rec.Body, 5)
		if body == "" {
			continue
		}
		var b strings.Builder
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

// questionChange writes a question's change since the last assessment.
func (m *md) questionChange(id string) {
	if s := m.rep.QuestionChangeText(id); s != "" {
		m.p("%s", escape(s))
	}
}
