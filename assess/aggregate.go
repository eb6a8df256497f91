package assess

import (
	"fmt"
	"maps"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Result aggregates what was added into the assessment's figures: group
// scores and levels, caps, flags, the action plan and suppressed segments.
func (s *Scorer) Result() (*Result, error) {
	r := s.r
	s.flush()
	if err := s.checkSegments(); err != nil {
		return nil, err
	}
	if s.opt.Strict {
		if err := s.strictUnanswered(); err != nil {
			return nil, err
		}
	}
	res := &Result{
		Format:            ResultFormat,
		Rubric:            RubricRef{ID: r.ID, Version: r.Version, SHA256: r.SHA256},
		Respondents:       s.all.n,
		RubricDef:         r,
		MinGroupSize:      s.opt.MinGroupSize,
		SegmentAttributes: append([]string(nil), s.opt.Segments...),
		Segments:          []SegmentResult{},
		DataQuality: DataQuality{
			Rows:                s.rows,
			InvalidCells:        s.invalid,
			UnmatchedColumns:    append([]string{}, s.unmatched...),
			Invalid:             s.reported,
			NotResponses:        maps.Clone(s.excluded),
			UnansweredQuestions: s.unansweredIDs(),
			Warnings:            append(s.warnings[:len(s.warnings):len(s.warnings)], s.personalWarnings()...),
			PersonalValues:      s.personalSegments(),
		},
	}
	res.DataQuality.IDRepeats = s.ids.result()
	res.Dimensions = s.dimensionResults(s.all, 0)
	res.Overall = s.overall(res.Dimensions)
	res.Questions = s.questionResults(s.all)
	res.Flags = s.flagResults()
	s.cap(res)
	res.Recommendations = s.plan(res)
	res.Segments = s.segmentResults()
	res.Gaps = gapResults(r, res.Segments)
	s.measureResults(res)
	ApplyChecks(res, nil)
	s.themeResults(res)
	res.Frameworks = frameworkResults(r)
	if s.opt.Comments && s.all.n >= s.opt.MinGroupSize {
		res.Comments = s.sortedComments()
	}
	return res, nil
}

// checkSegments refuses a segment attribute that no respondent carries,
// since an all-"(not stated)" breakdown is surely a typo.
func (s *Scorer) checkSegments() error {
	errs := s.checkIdentifierSegments()
	for _, sg := range s.segs {
		if s.all.n > 0 && len(sg.order) == 1 && sg.order[0].value == NotStated {
			var known []string
			for k, i := range s.segByKey {
				if i < 0 {
					known = append(known, k)
				}
			}
			sort.Strings(known)
			msg := fmt.Sprintf("segment %q: no respondent has this attribute", sg.attr)
			if len(known) > 0 {
				msg += "; attributes in the input: " + strings.Join(known, ", ")
			}
			errs = append(errs, &Error{Pos: Position{File: "--segment"}, Msg: msg})
		}
	}
	return errs.Err()
}

// dimensionResults computes a group's dimension scores. Cells with fewer
// than minN respondents carry no score (segments pass the threshold).
func (s *Scorer) dimensionResults(g *group, minN int) []DimensionResult {
	out := make([]DimensionResult, len(s.r.Dimensions))
	for i, d := range s.r.Dimensions {
		st := g.dims[i]
		dr := DimensionResult{ID: d.ID, N: st.n}
		if st.n > 0 && st.n >= minN {
			mean := st.sum / float64(st.n)
			dr.Score = &mean
			dr.Level = s.r.LevelFor(mean).ID
			if st.n >= 2 {
				v := (st.sumSq - float64(float64(st.n)*mean*mean)) / float64(st.n-1)
				dr.SD = math.Sqrt(max(v, 0))
				dr.CILow, dr.CIHigh = interval95(mean, dr.SD, st.n, 1)
			}
		} else if st.n > 0 {
			dr.N = 0
			dr.Suppressed = true
		}
		out[i] = dr
	}
	return out
}

// interval95 is the 95% interval of a mean of n scores (t distribution),
// narrowed by fpc (the finite-population correction; 1 for none) and
// kept within 0 to 100.
func interval95(mean, sd float64, n int, fpc float64) (lo, hi float64) {
	half := tCritical(n-1) * sd / math.Sqrt(float64(n)) * fpc
	return max(mean-half, 0), min(mean+half, 100)
}

// overall is the dimension-weighted mean of the present dimension scores.
func (s *Scorer) overall(dims []DimensionResult) Overall {
	var sum, w float64
	for i, d := range s.r.Dimensions {
		if dims[i].Score != nil {
			sum += float64(d.Weight * *dims[i].Score)
			w += d.Weight
		}
	}
	if w == 0 {
		return Overall{}
	}
	score := sum / w
	lv := s.r.LevelFor(score).ID
	return Overall{Score: &score, Level: lv, Uncapped: lv}
}

func (s *Scorer) questionResults(g *group) []QuestionResult {
	out := make([]QuestionResult, len(s.r.Questions))
	for i, q := range s.r.Questions {
		qs := g.qs[i]
		qr := QuestionResult{ID: q.ID, N: qs.answered(q), Skipped: qs.skipped, Invalid: qs.invalid}
		if q.Scored() {
			qr.Counts = map[string]int{}
			for j, c := range qs.counts {
				if c > 0 {
					qr.Counts[CountKey(q, j)] = c
				}
			}
			if qr.N > 0 {
				m := qs.meanValue(q)
				qr.MeanValue = &m
			}
		}
		out[i] = qr
	}
	return out
}

// CountKey names answer j of q (a scale point or option, by index) as
// results.json's counts do: the raw point of a scale, or the option label.
// Renderers reading the counts use it too.
func CountKey(q *Question, j int) string {
	if q.Type == TypeScale {
		return strconv.FormatFloat(q.ScaleDef.Points[j], 'g', -1, 64)
	}
	return q.Options[j].Label
}

func (s *Scorer) flagResults() []FlagResult {
	out := make([]FlagResult, len(s.r.Flags))
	for i, f := range s.r.Flags {
		fc := s.flags[i]
		fr := FlagResult{ID: f.ID, Matches: fc.matches, Evaluable: fc.evaluable}
		if fc.evaluable > 0 {
			fr.Share = float64(fc.matches) / float64(fc.evaluable)
			fr.Raised = fr.Share >= f.Share
		}
		out[i] = fr
	}
	return out
}

// cap lowers the overall level to the lowest level capped by a raised flag.
// Among flags capping at the same level, the first in the rubric names it.
func (s *Scorer) cap(res *Result) {
	if res.Overall.Score == nil {
		return
	}
	cur := s.r.Level(res.Overall.Level)
	for i, f := range s.r.Flags {
		if !res.Flags[i].Raised || f.Caps == "" {
			continue
		}
		if c := s.r.Level(f.Caps); c.Index < cur.Index {
			cur = c
			res.Overall.CappedBy = f.ID
		}
	}
	res.Overall.Level = cur.ID
}

// plan orders the recommendations: those of raised flags first, by
// severity (then id), then the rest by priority, highest first, ties by id.
func (s *Scorer) plan(res *Result) []RecommendationResult {
	r := s.r
	var flagged, rest []RecommendationResult
	for _, rc := range r.Recommendations {
		if rc.Check != "" {
			continue // ApplyChecks
		}
		if rc.Flag != "" {
			if res.Flags[r.Flag(rc.Flag).Index].Raised {
				flagged = append(flagged, RecommendationResult{ID: rc.ID, Flag: rc.Flag, Horizon: rc.Horizon})
			}
			continue
		}
		d := r.Dimension(rc.Dimension)
		dr := res.Dimensions[d.Index]
		if dr.Score == nil || !contains(rc.Levels, dr.Level) {
			continue
		}
		prio := d.Weight * max(0, r.Target-*dr.Score)
		rest = append(rest, RecommendationResult{ID: rc.ID, Dimension: rc.Dimension, Priority: prio, Horizon: rc.Horizon})
	}
	sort.SliceStable(flagged, func(i, j int) bool {
		si, sj := severityRank(r.Flag(flagged[i].Flag).Severity), severityRank(r.Flag(flagged[j].Flag).Severity)
		if si != sj {
			return si < sj
		}
		return flagged[i].ID < flagged[j].ID
	})
	sort.SliceStable(rest, func(i, j int) bool {
		if rest[i].Priority != rest[j].Priority {
			return rest[i].Priority > rest[j].Priority
		}
		return rest[i].ID < rest[j].ID
	})
	return append(append([]RecommendationResult{}, flagged...), rest...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// segmentResults applies the threshold and complementary suppression.
//
// Every respondent is in exactly one group of each attribute ("(not
// stated)" included), so the total minus the shown groups gives the
// hidden ones' figures together. A value below MinGroupSize shows nothing
// but that it exists ("small"); then, while the suppressed groups of the
// attribute together hold fewer than MinGroupSize people, the smallest
// shown group is suppressed too ("complementary"), so that what
// subtraction recovers is a group at the threshold at least.
//
// The same holds for each figure of the shown groups (hideCells): a
// dimension or question cell answered by fewer than MinGroupSize people
// of a shown group carries no figure, and while the hidden cells of a
// dimension or question (those of suppressed groups and suppressed cells)
// hold fewer than MinGroupSize answers, the smallest shown cell is
// suppressed too. Subtracting the shown cells' n, score (and SD) or
// answer counts from the total's then recovers only an aggregate of
// MinGroupSize answers or more.
func (s *Scorer) segmentResults() []SegmentResult {
	out := []SegmentResult{}
	minN := s.opt.MinGroupSize
	// SPEC: segments by attribute, then value, whatever order the
	// attributes were asked for in.
	segs := append([]*segment(nil), s.segs...)
	sort.SliceStable(segs, func(i, j int) bool { return Normalize(segs[i].attr) < Normalize(segs[j].attr) })
	for _, sg := range segs {
		groups := append([]*group(nil), sg.order...)
		sort.Slice(groups, func(i, j int) bool { return groups[i].value < groups[j].value })
		why := make(map[*group]string)
		hidden := 0
		for _, g := range groups {
			if g.n < minN {
				why[g] = "small"
				hidden += g.n
			}
		}
		for hidden > 0 && hidden < minN {
			var next *group
			for _, g := range groups {
				if why[g] == "" && (next == nil || g.n < next.n) {
					next = g
				}
			}
			if next == nil {
				break
			}
			why[next] = "complementary"
			hidden += next.n
		}
		var shown []*SegmentResult
		first := len(out)
		for _, g := range groups {
			sr := SegmentResult{Attribute: sg.attr, Value: g.value}
			if why[g] != "" {
				sr.Suppressed, sr.Why = true, why[g]
			} else {
				n := g.n
				sr.N = &n
				sr.Dimensions = s.dimensionResults(g, minN)
				sr.Questions = s.questionResults(g)
				for i := range sr.Questions {
					if sr.Questions[i].N < minN {
						sr.Questions[i] = QuestionResult{ID: sr.Questions[i].ID, Suppressed: true}
					}
				}
			}
			out = append(out, sr)
		}
		for i := first; i < len(out); i++ {
			if !out[i].Suppressed {
				shown = append(shown, &out[i])
			}
		}
		s.hideCells(shown)
		for _, sr := range shown {
			o := s.overall(sr.Dimensions)
			sr.Overall = &o
		}
	}
	return out
}

// hideCells applies complementary suppression to the dimension and
// question cells of one attribute's shown groups (see segmentResults).
// Ties go to the first group in value order.
func (s *Scorer) hideCells(shown []*SegmentResult) {
	minN := s.opt.MinGroupSize
	for d := range s.r.Dimensions {
		cells := make([]*DimensionResult, len(shown))
		for i, sr := range shown {
			cells[i] = &sr.Dimensions[d]
		}
		hidden := s.all.dims[d].n
		for _, c := range cells {
			hidden -= c.N // 0 when suppressed
		}
		for hidden > 0 && hidden < minN {
			var next *DimensionResult
			for _, c := range cells {
				if !c.Suppressed && c.N > 0 && (next == nil || c.N < next.N) {
					next = c
				}
			}
			if next == nil {
				break
			}
			hidden += next.N
			*next = DimensionResult{ID: next.ID, Suppressed: true}
		}
	}
	for q, qd := range s.r.Questions {
		cells := make([]*QuestionResult, len(shown))
		for i, sr := range shown {
			cells[i] = &sr.Questions[q]
		}
		hidden := s.all.qs[q].answered(qd)
		for _, c := range cells {
			hidden -= c.N // 0 when suppressed
		}
		for hidden > 0 && hidden < minN {
			var next *QuestionResult
			for _, c := range cells {
				if !c.Suppressed && (next == nil || c.N < next.N) {
					next = c
				}
			}
			if next == nil {
				break
			}
			hidden += next.N
			*next = QuestionResult{ID: next.ID, Suppressed: true}
		}
	}
}

// sortedComments returns the comments ordered by question, then text, so
// that their order says nothing of who wrote them or when.
func (s *Scorer) sortedComments() []Comment {
	out := append([]Comment(nil), s.comments...)
	qi := func(id string) int { return s.r.Question(id).Index }
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := qi(out[i].Question), qi(out[j].Question); a != b {
			return a < b
		}
		return out[i].Text < out[j].Text
	})
	return out
}

// tCritical is the two-sided 95% critical value of Student's t with df
// degrees of freedom, so that small groups get honest, wider intervals.
func tCritical(df int) float64 {
	table := [...]float64{0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
		2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
		2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042}
	switch {
	case df < 1:
		return math.NaN()
	case df < len(table):
		return table[df]
	case df < 60:
		return 2.000 + (2.042-2.000)*float64(60-df)/30
	case df < 120:
		return 1.980 + (2.000-1.980)*float64(120-df)/60
	}
	return 1.960
}

// meanValue is the mean answer value of a question answered qs.n times.
// For scale and choice questions it is worked out from the integer
// counts, in answer order, so that it does not depend on the order the
// respondents came in (nor on how the input was split to be scored).
func (qs *qstat) meanValue(q *Question) float64 {
	if q.Type == TypeMulti {
		return qs.sumV / float64(qs.n)
	}
	var sum float64
	for j, c := range qs.counts {
		if c > 0 {
			sum += float64(float64(c) * q.value(countPoints(q, j)))
		}
	}
	return sum / float64(qs.answered(q))
}

// answered is how many answered the question: for scale and choice
// questions, the sum of the counts (tally keeps no n of its own for them).
func (qs *qstat) answered(q *Question) int {
	if q.Type == TypeScale || q.Type == TypeChoice {
		n := 0
		for _, c := range qs.counts {
			n += c
		}
		return n
	}
	return qs.n
}

func countPoints(q *Question, j int) float64 {
	if q.Type == TypeScale {
		return q.ScaleDef.Points[j]
	}
	return q.Options[j].Points
}
