package view

import (
	"math"
	"sort"
	"strconv"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
)

// Capper is what holds the overall level down: a raised red flag or a
// contradicted check.
type Capper struct {
	ID, Title string
	Check     bool // a check, not a flag
}

// Figure is an evidence figure, in words: the same in every output.
type Figure struct {
	Result   assess.EvidenceResult
	Title    string
	Value    string // with its unit
	Baseline string // "" without a baseline
	Change   string // change since the baseline, and whether for the worse
	Source   string // "" when not given
}

// Check is a check of the rubric and its outcome.
type Check struct {
	Def    *assess.Check
	Result assess.CheckResult
	// Status says whether it is contradicted, or why it cannot be
	// evaluated.
	Status string
	Caps   *assess.Level // nil unless it caps and is contradicted
	Items  []*Item       // its recommendations in the plan
}

// Contradicted reports whether the check is contradicted.
func (c *Check) Contradicted() bool { return c.Result.IsContradicted() }

// Evaluable reports whether the check could be evaluated.
func (c *Check) Evaluable() bool { return c.Result.Contradicted != nil }

// number writes a figure as given (no rounding), with its unit.
func number(p *i18n.Printer, f float64, unit string) string {
	s := p.Dec(strconv.FormatFloat(f, 'f', -1, 64))
	switch unit {
	case "":
		return s
	case "%":
		return p.Percent(s)
	}
	return s + "\u00a0" + unit
}

func (rep *Report) claims() {
	p, r := rep.Printer, rep.Rubric
	for _, e := range rep.Result.Evidence {
		f := &Figure{Result: e, Title: e.Title, Value: number(p, e.Value, e.Unit), Source: e.Source}
		if e.Baseline != nil {
			f.Baseline = number(p, *e.Baseline, e.Unit)
			ch := *e.Change
			sign := "+"
			if ch < 0 {
				sign = "\u2212"
			}
			abs := number(p, math.Abs(ch), e.Unit)
			if e.Unit == "%" {
				// A change of a percentage is in points: 78% to 71% is
				// 7 percentage points, not 7%.
				n := 2 // any count that takes the plural
				if math.Abs(ch) == 1 {
					n = 1
				}
				abs = p.N("report.evidence.points", n, number(p, math.Abs(ch), ""))
			}
			switch {
			case ch == 0:
				f.Change = p.T("report.evidence.unchanged")
			case e.Worse:
				f.Change = p.T("report.evidence.worse", sign+abs)
			default:
				f.Change = p.T("report.evidence.better", sign+abs)
			}
		}
		rep.Evidence = append(rep.Evidence, f)
	}
	for i, c := range r.Checks {
		vc := &Check{Def: c, Result: rep.Result.Checks[i]}
		switch {
		case vc.Result.Contradicted == nil:
			vc.Status = p.T("report.check.null", rep.why(c, vc.Result.Why))
		case *vc.Result.Contradicted:
			vc.Status = p.T("report.check.contradicted")
			if c.Caps != "" {
				vc.Caps = r.Level(c.Caps)
			}
		default:
			vc.Status = p.T("report.check.holds")
		}
		rep.Checks = append(rep.Checks, vc)
	}
	sev := map[string]int{"high": 0, "medium": 1, "low": 2}
	sort.SliceStable(rep.Checks, func(i, j int) bool {
		a, b := rep.Checks[i], rep.Checks[j]
		if a.Contradicted() != b.Contradicted() {
			return a.Contradicted()
		}
		return sev[a.Def.Severity] < sev[b.Def.Severity]
	})
	for _, c := range rep.Checks {
		if c.Contradicted() {
			rep.Contradicted = append(rep.Contradicted, c)
		}
	}
}

// why says why a check cannot be evaluated.
func (rep *Report) why(c *assess.Check, why string) string {
	p := rep.Printer
	dim := c.Dimension
	if d := rep.Rubric.Dimension(c.Dimension); d != nil {
		dim = d.Title
	}
	switch why {
	case assess.WhyNoEvidence:
		return p.T("report.check.why_no_evidence", c.Evidence)
	case assess.WhyNoBaseline:
		return p.T("report.check.why_no_baseline", c.Evidence)
	case assess.WhyNoScore:
		return p.T("report.check.why_no_score", dim)
	case assess.WhyNoSegment:
		return p.T("report.check.why_no_segment", c.Attribute)
	}
	return p.T("report.check.why_few_groups", c.Attribute)
}

// CheckSeverity names a check's severity in the report's language.
func CheckSeverity(p *i18n.Printer, c *Check) string {
	return p.T("report.severity." + c.Def.Severity)
}

// HasClaims reports whether the report has a claims-and-evidence
// section: the rubric has checks, or the assessment gives figures.
func (rep *Report) HasClaims() bool { return len(rep.Checks) > 0 || len(rep.Evidence) > 0 }

// FigureParts are an evidence figure's title and value, then its
// baseline and change (or that it has none), then its source: the same
// words in every output.
func FigureParts(p *i18n.Printer, f *Figure) []string {
	parts := []string{f.Title + ": " + f.Value}
	if f.Baseline == "" {
		parts = append(parts, p.T("report.evidence_no_baseline"))
	} else {
		parts = append(parts, p.T("report.evidence_before", f.Baseline), f.Change)
	}
	if f.Source != "" {
		parts = append(parts, p.T("report.evidence_source", f.Source))
	}
	return parts
}

// CheckDetail says, of a contradicted check, what it found and what it
// does to the level: the figure or the gap, and its cap.
func CheckDetail(p *i18n.Printer, c *Check) string {
	var parts []string
	if e := c.Result.Evidence; e != nil {
		f := &Figure{Title: e.Title, Value: number(p, e.Value, e.Unit)}
		if e.Baseline != nil {
			f.Baseline = number(p, *e.Baseline, e.Unit)
		}
		parts = append(parts, f.Title+": "+f.Value)
		if f.Baseline != "" {
			parts = append(parts, p.T("report.evidence_before", f.Baseline))
		}
	}
	if g := c.Result.Gap; g != nil {
		parts = append(parts, p.T("report.check_gap", g.High, g.Low, p.One(g.Gap)))
	}
	s := ""
	for i, x := range parts {
		if i > 0 {
			s += " · "
		}
		s += x
	}
	if c.Caps != nil {
		if s != "" {
			s += ". "
		}
		s += p.T("report.check_caps", c.Caps.Title)
	}
	return s
}
