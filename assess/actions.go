package assess

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Actions are the follow-through of the plan (issue 20): who owns a
// recommendation, by when, and how far it has got. They come from
// [[action]] tables of assessment.toml, or from the CSV that
// `aiready plan export` writes (actions = "actions.csv"), or both; a
// recommendation has at most one action. In the next round, with a
// previous assessment, a done action says whether what it answers moved.

// The statuses of an action.
const (
	StatusPlanned = "planned"
	StatusStarted = "started"
	StatusDone    = "done"
	StatusDropped = "dropped"
)

// Statuses are the statuses an action may have, in their order.
var Statuses = []string{StatusPlanned, StatusStarted, StatusDone, StatusDropped}

// The verdicts of a done action, as results.json writes them.
const (
	VerdictMoved    = "moved"
	VerdictNotMoved = "not_moved"
)

// Bounds on actions: a plan has tens of recommendations, an owner is a
// role and a note a sentence or two.
const (
	maxActions        = 1000
	maxActionOwner    = 200
	maxActionNote     = 2000
	maxActionRecID    = 200
	MaxActionsCSVSize = 4 << 20
)

// Action is one recommendation's owner, due date and status.
type Action struct {
	Recommendation string
	Owner          string    // a role; "" only from a CSV row not yet assigned
	Due            time.Time // zero only from a CSV row without a date
	Status         string    // one of Statuses
	Note           string
	// Pos is where the action is written (its [[action]] table or CSV
	// row); RecommendationPos where its recommendation is.
	Pos, RecommendationPos Position
}

// ActionResult is an action as results.json lists it, with what the
// renderers need to say of it beside.
type ActionResult struct {
	Recommendation string `json:"recommendation"`
	Owner          string `json:"owner"`
	// Due is YYYY-MM-DD, or "" when the action has no date.
	Due    string `json:"due"`
	Status string `json:"status"`
	// Overdue: due before the assessment's date, and planned or started.
	Overdue bool `json:"overdue"`
	// Verdict is VerdictMoved, VerdictNotMoved or nil: only a done action,
	// with a previous assessment of the same rubric, gets one.
	Verdict *string `json:"verdict"`

	Note string `json:"-"`
	// Dimension, Flag and Check are what the recommendation answers (one
	// of them, or none for an added recommendation without a dimension).
	Dimension string `json:"-"`
	Flag      string `json:"-"`
	Check     string `json:"-"`
	// Delta is the dimension's change since the previous assessment, for
	// a dimension's verdict.
	Delta *float64 `json:"-"`
}

// Moved reports whether the action's verdict says it moved.
func (a ActionResult) Moved() bool { return a.Verdict != nil && *a.Verdict == VerdictMoved }

// validStatus reports whether s is a status.
func validStatus(s string) bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// loadActions reads the [[action]] tables of assessment.toml.
func loadActions(t *tomlTable, tables []map[string]any, vals *valueFinder) []Action {
	var out []Action
	for i, m := range tables {
		at := t.child(m, tomlPath("action", i), "action")
		for _, k := range []string{"recommendation", "owner", "due"} {
			at.required(k)
		}
		a := Action{Recommendation: at.str("recommendation"), Owner: strings.TrimSpace(at.str("owner")), Status: at.str("status"),
			Note: strings.TrimSpace(at.str("note")),
			Pos:  at.pos(), RecommendationPos: vals.at(at, "recommendation")}
		a.Due = at.date("due", "2026-12-20")
		if !at.has("status") {
			a.Status = StatusPlanned
		}
		if at.has("owner") && a.Owner == "" {
			at.errorf(at.pos("owner"), "owner is empty: name a role, such as \"Head of Customer Service\"")
		}
		for _, p := range actionProblems(&a) {
			at.errorf(at.pos(p.key), "%s", p.msg)
		}
		at.done()
		out = append(out, a)
	}
	return out
}

type actionProblem struct{ key, msg string }

// actionProblems checks what the two sources of actions share: the
// status, and the lengths of the texts.
func actionProblems(a *Action) []actionProblem {
	var ps []actionProblem
	if a.Recommendation == "" {
		ps = append(ps, actionProblem{"recommendation", "recommendation is empty: name a recommendation id of the plan"})
	} else if utf8.RuneCountInString(a.Recommendation) > maxActionRecID {
		ps = append(ps, actionProblem{"recommendation", fmt.Sprintf("recommendation is longer than %d characters; no recommendation id is", maxActionRecID)})
	}
	if !validStatus(a.Status) {
		ps = append(ps, actionProblem{"status", fmt.Sprintf("status %q: use %s", truncate(a.Status, 40), strings.Join(Statuses, ", "))})
	}
	if utf8.RuneCountInString(a.Owner) > maxActionOwner {
		ps = append(ps, actionProblem{"owner", fmt.Sprintf("owner is longer than %d characters; name a role, such as \"Head of Customer Service\"", maxActionOwner)})
	}
	if utf8.RuneCountInString(a.Note) > maxActionNote {
		ps = append(ps, actionProblem{"note", fmt.Sprintf("note is longer than %d characters; keep the detail in your tracker", maxActionNote)})
	}
	return ps
}

// CheckActions reports the actions that name no recommendation of r or
// of an added override, and a recommendation with two actions (from the
// same source or from both).
func CheckActions(actions []Action, r *Rubric, overrides []Override) error {
	var errs ErrorList
	added := map[string]bool{}
	var ids []string
	for _, o := range overrides {
		if o.Action == ActionAdd {
			added[o.Recommendation] = true
			ids = append(ids, o.Recommendation)
		}
	}
	ids = append(recommendationIDs(r), ids...)
	first := map[string]Position{}
	for _, a := range actions {
		if a.Recommendation == "" {
			continue
		}
		if r.Recommendation(a.Recommendation) == nil && !added[a.Recommendation] {
			hint := "recommendations: " + idList(ids)
			if c := nearest(a.Recommendation, ids); c != "" {
				hint = fmt.Sprintf("did you mean %q?", c)
			}
			errs = append(errs, Errorf(a.RecommendationPos, "action: unknown recommendation %q (%s)", truncate(a.Recommendation, 80), hint))
			continue
		}
		if at, ok := first[a.Recommendation]; ok {
			errs = append(errs, Errorf(a.RecommendationPos, "action: recommendation %q already has an action, at %s; give each recommendation one action", truncate(a.Recommendation, 80), at))
			continue
		}
		first[a.Recommendation] = a.Pos
	}
	return errs.Err()
}

// ApplyActions lists the actions in res: each with whether it is overdue
// by the assessment's date and, for a done one when there is a previous
// assessment of the same rubric, whether what it answers moved.
func ApplyActions(res *Result, actions []Action, prev *Snapshot) {
	res.Actions = nil
	date, _ := time.Parse(time.DateOnly, res.Date) // zero without a date
	for _, a := range actions {
		ar := ActionResult{Recommendation: a.Recommendation, Owner: a.Owner, Status: a.Status, Note: a.Note}
		if !a.Due.IsZero() {
			ar.Due = a.Due.Format("2006-01-02")
			ar.Overdue = !date.IsZero() && a.Due.Before(date) && (a.Status == StatusPlanned || a.Status == StatusStarted)
		}
		if rc := res.Recommendation(a.Recommendation); rc != nil {
			switch {
			case rc.Check != "":
				ar.Check = rc.Check
			case rc.Flag != "":
				ar.Flag = rc.Flag
			default:
				ar.Dimension = rc.Dimension
			}
		}
		if a.Status == StatusDone {
			ar.Verdict, ar.Delta = verdict(res, ar, prev)
		}
		res.Actions = append(res.Actions, ar)
	}
}

// verdict says whether what a done action answers moved since the
// previous assessment: a dimension when the previous score lies outside
// its 95% interval now; a red flag when it is no longer raised; a check
// when it is no longer contradicted. nil without a previous assessment of
// the same rubric, or without the figures to say.
func verdict(res *Result, a ActionResult, prev *Snapshot) (*string, *float64) {
	if prev == nil || res.Previous == nil || res.Previous.RubricChanged {
		return nil, nil
	}
	say := func(moved bool) *string {
		v := VerdictNotMoved
		if moved {
			v = VerdictMoved
		}
		return &v
	}
	switch {
	case a.Check != "":
		c := res.RubricDef.Check(a.Check)
		if c == nil || c.Index >= len(res.Checks) || res.Checks[c.Index].Contradicted == nil {
			return nil, nil
		}
		return say(!*res.Checks[c.Index].Contradicted), nil
	case a.Flag != "":
		f := res.RubricDef.Flag(a.Flag)
		if f == nil || f.Index >= len(res.Flags) {
			return nil, nil
		}
		return say(!res.Flags[f.Index].Raised), nil
	case a.Dimension != "":
		then := prev.Dims[a.Dimension]
		for _, d := range res.Dimensions {
			if d.ID != a.Dimension || d.Score == nil || then == nil || d.N < 2 {
				continue
			}
			delta := *d.Score - *then
			return say(*then < d.CILow || *then > d.CIHigh), &delta
		}
	}
	return nil, nil
}
