package pdf

import (
	"fmt"

	"github.com/aiready/aiready/site/view"
)

// actions is the table of the project's actions: owner, due date, status
// (an overdue one marked "Overdue" in bold, not by colour alone) and,
// when done, whether what it answers moved.
func (d *doc) actions() {
	rep := d.rep
	if len(rep.Actions) == 0 {
		return
	}
	d.y += 6
	d.heading(d.t("report.follow.title"), 12, 30)
	d.text(rep.ActionsIntro(), d.body())
	d.y += 3
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.6, header: []cell{
		textCell(d.t("report.follow.col_action"), hs), textCell(d.t("report.follow.col_owner"), hs), textCell(d.t("report.follow.col_due"), hs),
		textCell(d.t("report.follow.col_status"), hs), textCell(d.t("report.follow.col_verdict"), hs)}}
	for _, a := range rep.Actions {
		title := a.Title
		if a.Item != nil {
			title = fmt.Sprintf("%d. %s", a.Item.Rank, a.Title)
		} else {
			title += " (" + d.t("report.follow.not_in_plan") + ")"
		}
		status := []span{{a.Status, st}}
		if a.Dropped {
			status = []span{{a.Status, italic(colored(st, muted))}}
		}
		if a.Overdue {
			status = append(status, span{" " + d.t("report.follow.overdue"), bold(colored(st, weak))})
		}
		t.rows = append(t.rows, []cell{textCell(title, bold(st)), textCell(a.Owner, st), textCell(a.Due, st), {spans: status}, textCell(a.Verdict, st)})
	}
	d.drawTable(t)
}

// actionSpans is an item's action, for its cell of the plan's columns.
func (d *doc) actionSpans(a *view.Action) []span {
	st := sized(d.body(), 7.5)
	sp := []span{{a.Lead(d.p), st}}
	if a.Overdue {
		sp = append(sp, span{" · " + d.t("report.follow.overdue"), bold(colored(st, weak))})
	}
	if a.Verdict != "" {
		sp = append(sp, span{" · " + a.Verdict, bold(st)})
	}
	return sp
}
