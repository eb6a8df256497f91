package view

import (
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
)

// Action is one of the project's actions as every output shows it: who
// owns it, by when, how far it has got and, when done, whether what it
// answers moved since the previous assessment.
type Action struct {
	Result assess.ActionResult
	Title  string // the recommendation's title
	Item   *Item  // its item in the plan; nil when it is not in the plan now
	// Owner, Due and Status are the words to show; Verdict says whether a
	// done action moved what it answers, "" without a verdict.
	Owner, Due, Status, Verdict string
	Overdue                     bool
	Dropped                     bool
}

// actions lays out the result's actions, each beside its plan item.
func (rep *Report) actions() {
	p := rep.P()
	byID := map[string]*Item{}
	for _, it := range rep.Plan {
		byID[it.Rec.ID] = it
	}
	for _, ar := range rep.Result.Actions {
		a := &Action{Result: ar, Title: ar.Recommendation, Item: byID[ar.Recommendation], Overdue: ar.Overdue,
			Dropped: ar.Status == assess.StatusDropped}
		if rc := rep.Result.Recommendation(ar.Recommendation); rc != nil {
			a.Title = rc.Title
		}
		a.Owner = p.T("report.follow.no_owner")
		if ar.Owner != "" {
			a.Owner = ar.Owner
		}
		a.Due = p.T("report.follow.no_due")
		if d, err := time.Parse("2006-01-02", ar.Due); err == nil {
			a.Due = p.Date(d)
		}
		a.Status = StatusWord(p, ar.Status)
		a.Verdict = VerdictWords(p, rep.Rubric, ar)
		if a.Item != nil && a.Item.Action == nil {
			a.Item.Action = a
		}
		rep.Actions = append(rep.Actions, a)
	}
}

// StatusWord is an action's status in the report's language.
func StatusWord(p *i18n.Printer, status string) string {
	switch status {
	case assess.StatusStarted:
		return p.T("report.follow.started")
	case assess.StatusDone:
		return p.T("report.follow.done")
	case assess.StatusDropped:
		return p.T("report.follow.dropped")
	}
	return p.T("report.follow.planned")
}

// VerdictWords says whether a done action moved what it answers: "moved
// +8.1, beyond its interval", "no measurable change yet", a red flag
// cleared, a check no longer contradicted; "" without a verdict.
func VerdictWords(p *i18n.Printer, r *assess.Rubric, a assess.ActionResult) string {
	if a.Verdict == nil {
		return ""
	}
	moved := a.Moved()
	switch {
	case a.Check != "":
		title := a.Check
		if c := r.Check(a.Check); c != nil {
			title = c.Title
		}
		if moved {
			return p.T("report.follow.check_cleared", title)
		}
		return p.T("report.follow.check_still", title)
	case a.Flag != "":
		title := a.Flag
		if f := r.Flag(a.Flag); f != nil {
			title = f.Title
		}
		if moved {
			return p.T("report.follow.flag_cleared", title)
		}
		return p.T("report.follow.flag_still", title)
	}
	d := 0.0
	if a.Delta != nil {
		d = *a.Delta
	}
	if moved {
		return p.T("report.follow.moved", Signed(p, d))
	}
	return p.T("report.follow.not_moved", Signed(p, d))
}

// Lead is the start of the action's line, as a plan item shows it:
// "Owner: Head of People · due 1 October 2026 · started"; "Overdue", when
// it is, and the verdict, when there is one, follow it, each after " · ".
func (a *Action) Lead(p *i18n.Printer) string {
	return p.T("report.follow.owner", a.Owner) + " · " + p.T("report.follow.due", a.Due) + " · " + a.Status
}

// ActionsIntro says what the actions table shows, and how many actions
// are overdue by the report's date.
func (rep *Report) ActionsIntro() string {
	p := rep.P()
	overdue := 0
	for _, a := range rep.Actions {
		if a.Overdue {
			overdue++
		}
	}
	s := p.N("report.follow.intro", len(rep.Actions))
	if overdue > 0 {
		s += " " + p.N("report.follow.overdue_count", overdue)
	}
	return s
}
