package assess

import "sort"

// Evidence is an operational figure of a project's assessment.toml,
// typed in by the consultant (SPEC "Evidence against perception").
type Evidence struct {
	ID, Title string
	Value     float64
	Baseline  *float64 // nil when not given
	Unit      string   // shown as given
	Better    string   // BetterHigher or BetterLower
	Source    string   // shown as given
	Pos       Position
	// IDPos is where the id's value is written, for messages about it.
	IDPos Position
}

// The directions of an evidence figure.
const (
	BetterHigher = "higher"
	BetterLower  = "lower"
)

// EvidenceResult is results.json's record of one evidence figure. Change
// is Value - Baseline, nil without a baseline.
type EvidenceResult struct {
	ID       string   `json:"id"`
	Value    float64  `json:"value"`
	Baseline *float64 `json:"baseline"`
	Change   *float64 `json:"change"`
	Better   string   `json:"better"`

	Title  string `json:"-"`
	Unit   string `json:"-"`
	Source string `json:"-"`
	// Worse is set when the figure moved the wrong way since its baseline.
	Worse bool `json:"-"`
}

// Why a check cannot be evaluated (CheckResult.Why).
const (
	WhyNoEvidence = "no-evidence" // the project gives no such figure
	WhyNoBaseline = "no-baseline" // the figure has no baseline
	WhyNoScore    = "no-score"    // the dimension has no score
	WhyNoSegment  = "no-segment"  // the answers were not split by the attribute
	WhyFewGroups  = "few-groups"  // fewer than two shown groups with a score
)

// CheckResult is whether a check of the rubric is contradicted; nil
// Contradicted means it cannot be evaluated, for the reason in Why.
type CheckResult struct {
	ID           string `json:"id"`
	Contradicted *bool  `json:"contradicted"`
	Severity     string `json:"severity"`

	Why string `json:"-"`
	// Gap is the gap the check looked at (gap checks), Evidence the
	// figure (evidence checks), when there is one.
	Gap      *GapResult      `json:"-"`
	Evidence *EvidenceResult `json:"-"`
}

// IsContradicted reports whether the check is contradicted.
func (c CheckResult) IsContradicted() bool { return c.Contradicted != nil && *c.Contradicted }

// evidenceResults records the figures in the project's order.
func evidenceResults(ev []Evidence) []EvidenceResult {
	out := make([]EvidenceResult, 0, len(ev))
	for _, e := range ev {
		er := EvidenceResult{ID: e.ID, Value: e.Value, Better: e.Better, Title: e.Title, Unit: e.Unit, Source: e.Source}
		if e.Baseline != nil {
			b := *e.Baseline
			ch := e.Value - b
			er.Baseline, er.Change = &b, &ch
			er.Worse = worsening(e.Better, ch) > 0
		}
		out = append(out, er)
	}
	return out
}

// worsening is how far a figure that changed by ch moved the wrong way
// (negative when it improved).
func worsening(better string, ch float64) float64 {
	if better == BetterLower {
		return ch
	}
	return -ch
}

// ApplyChecks records the evidence figures, evaluates the rubric's
// checks against them and the gaps, caps the overall level by the
// contradicted checks (after the raised flags) and puts the
// recommendations of contradicted checks first in the plan, with the
// raised flags'. It works from the scorer's result and may be applied
// again with other evidence: the scorer applies it without any, the plan
// with the project's (Plan.Result).
func ApplyChecks(res *Result, ev []Evidence) {
	r := res.RubricDef
	res.Evidence = evidenceResults(ev)
	byID := map[string]*EvidenceResult{}
	for i := range res.Evidence {
		if _, ok := byID[res.Evidence[i].ID]; !ok {
			byID[res.Evidence[i].ID] = &res.Evidence[i]
		}
	}
	res.Checks = make([]CheckResult, 0, len(r.Checks))
	for _, c := range r.Checks {
		res.Checks = append(res.Checks, evalCheck(res, c, byID))
	}
	capOverall(r, res)
	planChecks(r, res)
}

func evalCheck(res *Result, c *Check, byID map[string]*EvidenceResult) CheckResult {
	r := res.RubricDef
	cr := CheckResult{ID: c.ID, Severity: c.Severity}
	verdict := func(b bool) CheckResult { cr.Contradicted = &b; return cr }
	if c.Kind == CheckGap {
		segmented := false
		for _, a := range res.SegmentAttributes {
			segmented = segmented || Normalize(a) == Normalize(c.Attribute)
		}
		if !segmented {
			cr.Why = WhyNoSegment
			return cr
		}
		for i := range res.Gaps {
			g := &res.Gaps[i]
			if g.Dimension == c.Dimension && Normalize(g.Attribute) == Normalize(c.Attribute) {
				cr.Gap = g
				return verdict(g.Gap >= c.Min && g.Significant)
			}
		}
		cr.Why = WhyFewGroups
		return cr
	}
	e := byID[c.Evidence]
	switch {
	case e == nil:
		cr.Why = WhyNoEvidence
		return cr
	case e.Change == nil:
		cr.Evidence, cr.Why = e, WhyNoBaseline
		return cr
	}
	cr.Evidence = e
	d := r.Dimension(c.Dimension)
	score := res.Dimensions[d.Index].Score
	if score == nil {
		cr.Why = WhyNoScore
		return cr
	}
	return verdict(*score >= c.Min && worsening(e.Better, *e.Change) >= c.WorsenedBy)
}

// capOverall sets the overall level: the level of the score, lowered to
// the lowest level capped by a raised flag, then by a contradicted check.
// Among those capping at the same level, the first (flags before checks,
// each in rubric order) names it.
func capOverall(r *Rubric, res *Result) {
	if res.Overall.Score == nil {
		return
	}
	cur := r.Level(res.Overall.Uncapped)
	res.Overall.CappedBy = ""
	lower := func(caps, id string) {
		if c := r.Level(caps); c != nil && c.Index < cur.Index {
			cur = c
			res.Overall.CappedBy = id
		}
	}
	for i, f := range r.Flags {
		if i < len(res.Flags) && res.Flags[i].Raised && f.Caps != "" {
			lower(f.Caps, f.ID)
		}
	}
	for i, c := range r.Checks {
		if i < len(res.Checks) && res.Checks[i].IsContradicted() && c.Caps != "" {
			lower(c.Caps, c.ID)
		}
	}
	res.Overall.Level = cur.ID
}

// planChecks puts the recommendations of contradicted checks among those
// of raised flags, which lead the plan, by severity then id.
func planChecks(r *Rubric, res *Result) {
	var lead, rest []RecommendationResult
	for _, rr := range res.Recommendations {
		switch {
		case rr.Check != "":
			// an earlier application's
		case rr.Flag != "" && len(rest) == 0:
			lead = append(lead, rr)
		default:
			rest = append(rest, rr)
		}
	}
	for _, rc := range r.Recommendations {
		if c := r.Check(rc.Check); rc.Check != "" && c != nil && res.Checks[c.Index].IsContradicted() {
			lead = append(lead, RecommendationResult{ID: rc.ID, Check: rc.Check, Horizon: rc.Horizon})
		}
	}
	severity := func(rr RecommendationResult) int {
		if rr.Check != "" {
			return severityRank(r.Check(rr.Check).Severity)
		}
		return severityRank(r.Flag(rr.Flag).Severity)
	}
	sort.SliceStable(lead, func(i, j int) bool {
		if si, sj := severity(lead[i]), severity(lead[j]); si != sj {
			return si < sj
		}
		return lead[i].ID < lead[j].ID
	})
	res.Recommendations = append(append([]RecommendationResult{}, lead...), rest...)
}
