package site

import (
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// The consultant's judgement (notes and overrides) and the trend against
// the last assessment are read from the result here, as the view does not
// carry them (yet): these helpers could move to site/view.

// notesFor returns the consultant's notes on a dimension id, or on
// "overall".
func notesFor(rep *view.Report, target string) []assess.Note {
	var out []assess.Note
	for _, n := range rep.Result.Notes {
		if n.Dimension == target {
			out = append(out, n)
		}
	}
	return out
}

// overrideOf returns a person's override of a recommendation, or nil.
func overrideOf(rep *view.Report, id string) *assess.OverrideResult {
	for i := range rep.Result.Overrides {
		if o := &rep.Result.Overrides[i]; o.Recommendation == id {
			return o
		}
	}
	return nil
}

// droppedItem is a recommendation the consultant took out of the plan.
type droppedItem struct {
	Title, Reason string
}

func dropped(rep *view.Report) []droppedItem {
	var out []droppedItem
	for _, o := range rep.Result.Overrides {
		if o.Action != "drop" {
			continue
		}
		title := o.Recommendation
		if rc := rep.Rubric.Recommendation(o.Recommendation); rc != nil {
			title = rc.Title
		}
		out = append(out, droppedItem{Title: title, Reason: o.Reason})
	}
	return out
}

// trend is what a page shows of the change since the last assessment.
type trend struct {
	Date    string
	Changed bool     // the method changed: no change is shown
	Delta   *float64 // nil when either score is missing
}

// trendOf returns the change of a dimension ("" for overall) since the
// last assessment, or nil when there was none.
func (l loc) trendOf(rep *view.Report, dim string) *trend {
	p := rep.Result.Previous
	if p == nil {
		return nil
	}
	t := &trend{Date: p.Date, Changed: p.RubricChanged}
	if d, err := time.Parse("2006-01-02", p.Date); err == nil {
		t.Date = l.p.Date(d)
	}
	if dim == "" {
		t.Delta = p.OverallDelta
		return t
	}
	for _, d := range p.Dimensions {
		if d.ID == dim {
			t.Delta = d.Delta
		}
	}
	return t
}

// change says a difference in words and figures, so that neither a colour
// nor an arrow carries it alone.
func (l loc) change(d float64) string {
	switch s := l.signed(d); {
	case s == l.num1(0):
		return l.p.T("site.trend.none")
	case d > 0:
		return l.p.T("site.trend.up", l.num1(d))
	default:
		return l.p.T("site.trend.down", l.num1(-d))
	}
}
