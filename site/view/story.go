package view

import (
	"math"
	"strings"
)

// Story is the executive summary told from the figures, a sentence each:
// the strongest and the weakest dimension against the target, the widest
// gap between shown groups, the raised red flags, the claims the evidence
// contradicts, and what changed since
// the last assessment. Every output leads its summary with it; a level's
// description is the same for every organisation at that level, and may
// contradict what this one's figures say.
func (rep *Report) Story() []string {
	p := rep.P()
	var s []string
	if line := rep.storyRange(); line != "" {
		s = append(s, line)
	}
	if line := rep.storyGap(); line != "" {
		s = append(s, line)
	}
	if n := len(rep.Raised); n > 0 {
		titles := make([]string, n)
		for i, f := range rep.Raised {
			titles[i] = p.T("report.quote", f.Def.Title)
		}
		s = append(s, p.N("report.story_flags", n, strings.Join(titles, p.T("report.story_list_sep"))))
	} else if len(rep.Flags) > 0 {
		s = append(s, p.T("report.story_no_flags"))
	}
	if n := len(rep.Contradicted); n > 0 {
		titles := make([]string, n)
		for i, c := range rep.Contradicted {
			titles[i] = p.T("report.quote", c.Def.Title)
		}
		s = append(s, p.N("report.story_checks", n, strings.Join(titles, p.T("report.story_list_sep"))))
	}
	if line := rep.storyChange(); line != "" {
		s = append(s, line)
	}
	if line := rep.storyLimits(); line != "" {
		s = append(s, line)
	}
	return s
}

// storyRange names the strongest and the weakest scored dimension.
func (rep *Report) storyRange() string {
	p := rep.P()
	var hi, lo *Dimension
	for _, d := range rep.Dimensions {
		sc := d.Result.Score
		if sc == nil {
			continue
		}
		if hi == nil || *sc > *hi.Result.Score {
			hi = d
		}
		if lo == nil || *sc < *lo.Result.Score {
			lo = d
		}
	}
	if hi == nil || hi == lo {
		return ""
	}
	target := rep.Rubric.Target
	hs, ls := *hi.Result.Score, *lo.Result.Score
	if ls >= target {
		return p.T("report.story_all_at_target", Setting(p, target), hi.Def.Title, Score(p, hs), lo.Def.Title, Score(p, ls))
	}
	return p.T("report.story_range", hi.Def.Title, Score(p, hs), lo.Def.Title, Score(p, ls), Score(p, target-ls), Setting(p, target))
}

// storyGap names the widest gap between two shown groups of one
// attribute on one dimension; suppressed groups are never compared.
func (rep *Report) storyGap() string {
	p := rep.P()
	var best float64
	var dim *Dimension
	var high, low SegmentScore
	for _, d := range rep.Dimensions {
		byAttr := map[string][]SegmentScore{}
		var attrs []string
		for _, sg := range d.Segments {
			if sg.Suppressed || sg.Score == nil {
				continue
			}
			if _, ok := byAttr[sg.Attribute]; !ok {
				attrs = append(attrs, sg.Attribute)
			}
			byAttr[sg.Attribute] = append(byAttr[sg.Attribute], sg)
		}
		for _, a := range attrs {
			gs := byAttr[a]
			if len(gs) < 2 {
				continue
			}
			h, l := gs[0], gs[0]
			for _, g := range gs[1:] {
				if *g.Score > *h.Score {
					h = g
				}
				if *g.Score < *l.Score {
					l = g
				}
			}
			if gap := *h.Score - *l.Score; gap > best {
				best, dim, high, low = gap, d, h, l
			}
		}
	}
	// A gap that rounds to nothing is no story.
	if dim == nil || math.Abs(best) < 0.05 {
		return ""
	}
	s := p.T("report.story_gap", dim.Def.Title, high.Attribute, high.Value, Score(p, *high.Score), low.Value, Score(p, *low.Score), Score(p, best))
	for _, g := range rep.Result.Gaps {
		if g.Attribute != high.Attribute || g.Dimension != dim.Def.ID || g.High != high.Value || g.Low != low.Value || g.PAdjusted == nil {
			continue
		}
		adj := PValue(p, *g.PAdjusted)
		switch {
		case g.Significant && g.HedgesG != nil:
			s += " " + p.T("report.story_gap_significant", adj, EffectWords(p, *g.HedgesG))
		case g.Significant:
			s += " " + p.T("report.story_gap_significant_only", adj)
		default:
			s += " " + p.T("report.story_gap_chance", adj)
		}
	}
	return s
}

// storyChange says what changed since the last assessment: the overall
// score, and the dimension that moved most.
func (rep *Report) storyChange() string {
	p := rep.P()
	c := rep.ChangeOf("")
	if c == nil {
		return ""
	}
	if c.Changed {
		return p.T("report.story_method_changed", c.Since)
	}
	var most *Dimension
	var moved float64
	for _, d := range rep.Dimensions {
		dc := rep.ChangeOf(d.Def.ID)
		if dc == nil || dc.Delta == nil {
			continue
		}
		if most == nil || math.Abs(*dc.Delta) > math.Abs(moved) {
			most, moved = d, *dc.Delta
		}
	}
	switch {
	case c.Delta != nil && most != nil:
		return p.T("report.story_change", c.Since, ChangeWords(p, *c.Delta), most.Def.Title, Signed(p, moved))
	case c.Delta != nil:
		return p.T("report.story_change_overall", c.Since, ChangeWords(p, *c.Delta))
	case most != nil:
		return p.T("report.story_change_dimension", c.Since, most.Def.Title, Signed(p, moved))
	}
	return ""
}
