package mdreport

import (
	"fmt"

	"github.com/aiready/aiready/site/view"
)

// actions is the table of the project's actions: owner, due date, status
// (an overdue one marked in words, in bold) and, when done, the verdict.
func (m *md) actions() {
	rep := m.rep
	if len(rep.Actions) == 0 {
		return
	}
	m.h(3, m.t("report.follow.title"))
	m.p("%s", escape(rep.ActionsIntro()))
	var rows [][]string
	for _, a := range rep.Actions {
		title := cellText(a.Title)
		if a.Item != nil {
			title = fmt.Sprintf("%d. %s", a.Item.Rank, title)
		} else {
			title += " (" + m.t("report.follow.not_in_plan") + ")"
		}
		status := cellText(a.Status)
		if a.Dropped {
			status = "~~" + status + "~~"
		}
		if a.Overdue {
			status += " **" + m.t("report.follow.overdue") + "**"
		}
		rows = append(rows, []string{title, cellText(a.Owner), cellText(a.Due), status, cellText(a.Verdict)})
	}
	m.table("lllll", []string{m.t("report.follow.col_action"), m.t("report.follow.col_owner"), m.t("report.follow.col_due"),
		m.t("report.follow.col_status"), m.t("report.follow.col_verdict")}, rows)
}

// actionLine is an item's action on one line, "Overdue" in bold.
func (m *md) actionLine(a *view.Action) string {
	s := escape(a.Lead(m.rep.P()))
	if a.Overdue {
		s += " · **" + escape(m.t("report.follow.overdue")) + "**"
	}
	if a.Verdict != "" {
		s += " · " + escape(a.Verdict)
	}
	return s
}
