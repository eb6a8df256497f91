package view

import (
	"github.com/aiready/aiready/assess"
)

// Change is a score's change since the last assessment.
type Change struct {
	Since string // the last assessment's date in words, as "20 May 2026"
	// Changed is set when the rubric differs from the last assessment's:
	// the method changed, so no delta is shown as progress.
	Changed bool
	Delta   *float64 // nil when either score is missing
}

// ChangeOf returns the change of a dimension ("" for the overall score)
// since the last assessment, or nil when none was given.
func (rep *Report) ChangeOf(dim string) *Change {
	p := rep.Result.Previous
	if p == nil {
		return nil
	}
	c := &Change{Since: rep.LongDate(p.Date), Changed: p.RubricChanged}
	if c.Changed {
		return c
	}
	if dim == "" {
		c.Delta = p.OverallDelta
		return c
	}
	for _, d := range p.Dimensions {
		if d.ID == dim {
			c.Delta = d.Delta
		}
	}
	return c
}

// LongDate writes a YYYY-MM-DD date in words in the report's language,
// "20 May 2026" or "20. Mai 2026" (others as given).
func (rep *Report) LongDate(s string) string { return LongDate(rep.P(), s) }

// Trend is the scores of earlier assessments made with the same rubric,
// and this one, for a small chart.
type Trend struct {
	Points []TrendPoint // oldest first; the last is this assessment
	// Omitted counts earlier assessments made with another rubric (or
	// version): their scores measure something else and are left out.
	Omitted int
}

// TrendPoint is one assessment's scores.
type TrendPoint struct {
	Date    string // YYYY-MM-DD
	Overall *float64
	Dims    []*float64 // in the rubric's dimension order
}

// MinTrendPoints is how many assessments a trend chart needs: with only
// the last one and this, the change beside each score says it all.
const MinTrendPoints = 3

// Trend returns the chart's data, or nil when there are too few
// comparable assessments to draw one.
func (rep *Report) Trend() *Trend {
	res := rep.Result
	if len(res.History) == 0 {
		return nil
	}
	t := &Trend{}
	for _, s := range res.History {
		if s.Rubric != res.Rubric {
			t.Omitted++
			continue
		}
		p := TrendPoint{Date: s.Date, Overall: s.Overall}
		for _, d := range rep.Rubric.Dimensions {
			p.Dims = append(p.Dims, s.Dims[d.ID])
		}
		t.Points = append(t.Points, p)
	}
	now := TrendPoint{Date: res.Date, Overall: res.Overall.Score}
	if now.Date == "" && !rep.Meta.Date.IsZero() {
		now.Date = rep.Meta.Date.Format("2006-01-02")
	}
	for _, d := range res.Dimensions {
		now.Dims = append(now.Dims, d.Score)
	}
	t.Points = append(t.Points, now)
	if len(t.Points) < MinTrendPoints {
		return nil
	}
	return t
}

// OverrideOf returns a person's override of a recommendation, or nil
// when the rubric's rules alone placed it.
func (rep *Report) OverrideOf(id string) *assess.OverrideResult {
	return rep.Result.Override(id)
}

// Dropped is a recommendation the consultant took out of the plan.
type Dropped struct {
	Title, Reason string
}

// Dropped lists the recommendations the consultant took out of the plan.
func (rep *Report) Dropped() []Dropped {
	var out []Dropped
	for _, o := range rep.Result.Overrides {
		if o.Action != assess.ActionDrop {
			continue
		}
		title := o.Recommendation
		if rc := rep.Rubric.Recommendation(o.Recommendation); rc != nil {
			title = rc.Title
		}
		out = append(out, Dropped{Title: title, Reason: o.Reason})
	}
	return out
}

// NotesOn returns the consultant's notes on a dimension id, or "overall".
func (rep *Report) NotesOn(target string) []assess.Note {
	var out []assess.Note
	for _, n := range rep.Result.Notes {
		if n.Dimension == target {
			out = append(out, n)
		}
	}
	return out
}
