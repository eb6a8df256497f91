package assess

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// Options are the scoring settings that a project or the command line gives.
type Options struct {
	// Segments are the attributes to break figures down by, matched
	// against input attribute names after Normalize.
	Segments []string
	// MinGroupSize is the smallest group whose figures are shown; 0 means 5.
	MinGroupSize int
	// Strict makes an invalid answer, and a question that an input does
	// not answer, an error instead of a warning.
	Strict bool
	// Comments keeps free-text answers for the report.
	Comments bool
	// MinCommentGroup is the fewest comments a group needs for its
	// themes to be shown (themes.go); 0 means DefaultMinCommentGroup.
	MinCommentGroup int
	// PlainOnly turns the fast CSV path off (fast.go): the same result,
	// more slowly; for the tests that compare the two paths.
	PlainOnly bool
	// AllowSmallGroups lets MinGroupSize be below MinSafeGroupSize
	// (--allow-small-groups); CheckSmallGroups refuses it otherwise.
	AllowSmallGroups bool
	// ExcludeFlagged leaves straight-liners and speeders out of every
	// figure (--exclude-flagged, exclude_flagged = true); speeders only
	// once speedBelow is known (quality.go).
	ExcludeFlagged bool
	// speedBelow is the duration in whole seconds below which a
	// respondent is a speeder, from a first pass; 0 if not known.
	speedBelow float64
}

// MinSafeGroupSize is the least threshold aiready takes without
// --allow-small-groups: below it, a group's figures are one or two
// people's answers. Every output of such an assessment says so
// (Result.SmallGroups).
const MinSafeGroupSize = 3

// SmallGroups tells whether the assessment was made with a threshold
// below MinSafeGroupSize (--allow-small-groups), which every output says.
func (res *Result) SmallGroups() bool {
	return res.MinGroupSize > 0 && res.MinGroupSize < MinSafeGroupSize
}

// CheckSmallGroups refuses a threshold below MinSafeGroupSize unless
// AllowSmallGroups says it is meant.
func (o Options) CheckSmallGroups() error {
	if o.MinGroupSize <= 0 || o.MinGroupSize >= MinSafeGroupSize || o.AllowSmallGroups {
		return nil
	}
	return &Error{Pos: Position{File: "--min-group-size"}, Msg: fmt.Sprintf(
		"a threshold of %d shows the scores and answers of groups of %s, whom readers may well recognise; "+
			"below %d it needs --allow-small-groups, and every output then says so",
		o.MinGroupSize, map[bool]string{true: "one person", false: "one or two people"}[o.MinGroupSize == 1], MinSafeGroupSize)}
}

// NotStated is the segment value of respondents who left an attribute empty.
const NotStated = "(not stated)"

// maxReportedInvalid bounds how many invalid cells are kept with positions;
// all of them are counted.
const maxReportedInvalid = 100

// Scorer scores respondents one at a time and keeps only counts and sums,
// so memory does not grow with the number of respondents (except the
// free-text comments, kept only when asked for).
type Scorer struct {
	r   *Rubric
	opt Options

	all      *group
	segs     []*segment
	segByKey map[string]int // attribute name as written → index in segs, -1 if none
	flags    []flagCount
	conds    [][]cond // per flag: its conditions (flag)

	rows      int
	invalid   int
	reported  []*Error
	comments  []Comment
	th        *themeStats // nil unless the rubric's themes apply
	unmatched []string
	excluded  map[string]int // responses a source left out, by reason
	// unanswered: per question, whether some input does not answer it;
	// warnings: what the sources said about how they were read, and the
	// unanswered questions, in input order.
	unanswered []bool
	warnings   []*Error

	// chunk is the chunk of lines (see chunkLines) whose float sums the
	// groups' partial sums hold; -1 before the first respondent.
	chunk int
	// memo holds Add's resolved cells per question (resolve).
	memo []map[memoKey]answer
	// fast holds the fast CSV path's caches (fast.go); nil until used.
	fast *fastState
	// ids finds respondent ids given twice (repeats.go).
	ids idCheck
	// m keeps the sums of reliability and drivers and the response
	// quality counts (quality.go); timed and secs are the duration of the
	// respondent at hand, if the input has one.
	m     measures
	timed bool
	secs  float64

	// scratch for one respondent: ans holds Add's answers, ap points at
	// the answer of each question (into ans, or the fast path's caches).
	ans    []answer
	ap     []*answer
	qi     []qinfo
	nflat  int
	rd     []rdim // per dimension: the respondent's sums and score
	groups []*group
}

// rdim is one dimension of the respondent at hand.
type rdim struct {
	sum, w float64 // the weighted answers and their weights, added up
	min    float64 // the answered weight a score needs
	ok     bool    // w is enough: the respondent has a score
	v, vv  float64 // ok: the score and its square
}

type flagCount struct{ matches, evaluable int }

// segment is one attribute's groups, by normal form of the value.
type segment struct {
	attr   string
	byNorm map[string]*group
	order  []*group // first-seen order; sorted at the end
	// personal: some value looked like personal data and was read as
	// not stated (identity_content.go)
	personal bool
}

// group accumulates one group's figures.
type group struct {
	value string // the first spelling seen
	norm  string // its normal form
	n     int
	dims  []stat
	qs    []qstat
	flat  []int // the counts of every question, one after another
	// cflat is scoreRow's flat for the chunk at hand: a chunk has at most
	// chunkLines respondents, so 16 bits hold a count, and the counts of
	// many groups stay in the nearest cache. flush adds them to flat.
	cflat  []uint16
	cdirty bool
}

// stat and qstat keep float sums in two parts: p* sums the current chunk
// of lines from zero, and flush adds it to the total. Sums are then the
// same bits whether the chunks are scored one after another or in
// parallel and merged in order (see chunkLines).
type stat struct {
	n            int
	sum, sumSq   float64
	psum, psumSq float64
}

type qstat struct {
	n, skipped, invalid int
	sumV, psumV         float64 // multi questions only
	counts              []int   // by point index (scale) or option index
}

// NewScorer returns a Scorer for r.
func NewScorer(r *Rubric, opt Options) *Scorer {
	if opt.MinGroupSize <= 0 {
		opt.MinGroupSize = 5
	}
	if opt.MinCommentGroup <= 0 {
		opt.MinCommentGroup = DefaultMinCommentGroup
	}
	s := &Scorer{r: r, opt: opt, segByKey: map[string]int{}, flags: make([]flagCount, len(r.Flags)), chunk: -1}
	if themesApply(r) {
		s.th = newThemeStats(r)
	}
	for _, a := range opt.Segments {
		s.segs = append(s.segs, &segment{attr: a, byNorm: map[string]*group{}})
	}
	n := len(r.Dimensions)
	s.ans = make([]answer, len(r.Questions))
	s.ap = make([]*answer, len(r.Questions))
	for i, q := range r.Questions {
		s.ap[i] = &s.ans[i]
		// The outcome question (no dimension) is counted, not scored.
		qi := qinfo{w: q.Weight, scored: q.Scored() && q.Dim != nil, multi: q.Type == TypeMulti, off: s.nflat}
		qi.single = q.Scored() && !qi.multi
		if q.Dim != nil {
			qi.dim = q.Dim.Index
		}
		switch q.Type {
		case TypeScale:
			qi.nc = len(q.ScaleDef.Points)
		case TypeChoice, TypeMulti:
			qi.nc = len(q.Options)
		}
		s.nflat += qi.nc
		s.qi = append(s.qi, qi)
	}
	s.all = s.newGroup("")
	s.groups = make([]*group, 0, len(s.segs)+1)
	s.conds = newConds(r)
	s.rd = make([]rdim, n)
	s.m = newMeasures(r)
	for d, dim := range r.Dimensions {
		s.rd[d].min = r.MinAnswered * dim.TotalWeight
	}
	return s
}

func (s *Scorer) newGroup(value string) *group {
	g := &group{value: value, dims: make([]stat, len(s.r.Dimensions)), qs: make([]qstat, len(s.r.Questions))}
	// Every question's counts share one array, which tally indexes
	// directly (qinfo.off).
	g.flat = make([]int, s.nflat)
	g.cflat = make([]uint16, s.nflat+1) // and a bin for what is not counted (qent.k)
	for i := range s.r.Questions {
		qi := &s.qi[i]
		g.qs[i].counts = g.flat[qi.off : qi.off+qi.nc : qi.off+qi.nc]
	}
	return g
}

// AddSource scores every respondent of src. A wide CSV whose columns need
// no recoding is scored by the fast path (fast.go), on every core, with
// the same result.
func (s *Scorer) AddSource(src Source) error {
	s.flush()
	s.chunk = -1
	if err := s.refuseIdentitySegments(src.Columns()); err != nil {
		return err
	}
	for _, c := range src.Columns() {
		if c.Kind == ColumnQuestion {
			continue
		}
		if c.Kind == ColumnAttribute && s.segmentOf(c.Header) >= 0 {
			continue
		}
		s.unmatched = append(s.unmatched, c.Header)
	}
	name, answered := s.answeredBy(src)
	if ts, ok := src.(*tableSource); ok {
		if !s.opt.PlainOnly && s.fastOK(ts) {
			if err := s.addFast(ts); err != nil {
				return err
			}
		} else if cr, ok := ts.rr.(*csvRows); ok {
			cr.t.keep, cr.t.tail = false, nil
		}
	}
	for {
		resp, err := src.Next()
		if err == io.EOF {
			if w, ok := src.(Warner); ok {
				s.warnings = append(s.warnings, w.Warnings()...)
			}
			s.noteUnanswered(name, answered)
			if ex, ok := src.(Excluder); ok {
				for why, n := range ex.Excluded() {
					if s.excluded == nil {
						s.excluded = map[string]int{}
					}
					s.excluded[why] += n
				}
			}
			return s.refusePersonalAttrs(src)
		}
		if err != nil {
			return err
		}
		if err := s.Add(resp); err != nil {
			return err
		}
	}
}

// segmentOf returns the index of the segment an attribute name feeds, or -1.
func (s *Scorer) segmentOf(key string) int {
	if i, ok := s.segByKey[key]; ok {
		return i
	}
	i := -1
	nk := Normalize(key)
	for j, sg := range s.segs {
		if Normalize(sg.attr) == nk {
			i = j
			break
		}
	}
	s.segByKey[key] = i
	return i
}

// Add scores one respondent. It returns an error only for an invalid answer
// under Options.Strict; otherwise invalid answers are counted and kept for
// the report.
func (s *Scorer) Add(resp *Respondent) error {
	r := s.r
	s.enterChunk(chunkOf(resp.Pos.Line))
	if s.th != nil {
		s.th.pending = s.th.pending[:0]
	}
	for i, q := range r.Questions {
		var c Cell
		if i < len(resp.Answers) {
			c = resp.Answers[i]
		}
		a := s.resolve(i, q, c)
		if a.state == answerInvalid {
			e := s.invalidAnswer(q, c, a.bad)
			if s.opt.Strict {
				return e
			}
		}
		if a.state == answerOK && q.Type == TypeText && (s.opt.Comments || s.th != nil) {
			if t := strings.TrimSpace(strings.Join(c.Values, " ")); t != "" {
				if s.opt.Comments {
					s.comments = append(s.comments, Comment{Question: q.ID, Text: t})
				}
				if s.th != nil {
					s.th.pending = append(s.th.pending, pendingComment{q: i, text: t})
				}
			}
		}
		s.ans[i] = a
		s.ap[i] = &s.ans[i]
	}
	s.timed, s.secs = resp.Timed, resp.Seconds
	if s.screen() {
		return s.checkID(resp)
	}
	// The groups this respondent belongs to.
	s.groups = append(s.groups[:0], s.all)
	for i := range s.segs {
		s.groups = append(s.groups, s.segmentGroup(i, resp))
	}
	s.tally()
	if s.th != nil {
		s.themeRespondent()
	}
	return s.checkID(resp)
}

// resolve is q.resolve, remembering up to maxQCache single-value cells
// per question: answers repeat, and Normalize and the label maps are most
// of the plain path's work.
func (s *Scorer) resolve(i int, q *Question, c Cell) answer {
	// A multi answer's selection is made afresh by resolveMulti and only
	// read after, so respondents with the same cell may share it.
	if len(c.Values) != 1 || q.Type == TypeText {
		return q.resolve(c)
	}
	if s.memo == nil {
		s.memo = make([]map[memoKey]answer, len(s.r.Questions))
	}
	m := s.memo[i]
	if m == nil {
		m = map[memoKey]answer{}
		s.memo[i] = m
	}
	k := memoKey{c.Values[0], c.Numeric}
	if a, ok := m[k]; ok {
		return a
	}
	a := q.resolve(c)
	if len(m) < maxQCache {
		m[k] = a
	}
	return a
}

type memoKey struct {
	v       string
	numeric bool
}

func (s *Scorer) segmentGroup(idx int, resp *Respondent) *group {
	sg := s.segs[idx]
	// Two columns may spell the attribute differently; take the first
	// name in sort order so the choice does not depend on map order.
	v, key := "", ""
	for k, val := range resp.Attributes {
		if s.segmentOf(k) == idx && (key == "" || k < key) {
			v, key = strings.TrimSpace(val), k
		}
	}
	if v == "" {
		v = NotStated
	}
	return sg.group(s, v, Normalize(v))
}

// group returns the group of a value, by its normal form n, creating it
// with the spelling v when it is new.
func (sg *segment) group(s *Scorer, v, n string) *group {
	g := sg.byNorm[n]
	if g == nil && v != NotStated && personalValue(v) != "" {
		// Never a segment value: read as not stated, once per value.
		g = sg.group(s, NotStated, Normalize(NotStated))
		sg.byNorm[n], sg.personal = g, true
	}
	if g == nil {
		g = s.newGroup(v)
		g.norm = n
		sg.byNorm[n] = g
		sg.order = append(sg.order, g)
	}
	return g
}

// flag counts, for each flag, whether this respondent can be evaluated and
// whether they match every condition: a respondent is evaluable when every
// condition's dimension score or answer is there.
func (s *Scorer) flag() {
	for i, cs := range s.conds {
		// miss gathers the conditions not met without a branch: whether a
		// respondent meets them is as good as a coin toss, which no branch
		// predictor foresees.
		evaluable, miss := true, uint8(0)
		for k := range cs {
			c := &cs[k]
			var x float64
			if c.dim >= 0 {
				r := &s.rd[c.dim]
				if !r.ok {
					evaluable = false
					break
				}
				x = r.v
			} else {
				a := s.ap[c.q]
				if a.state != answerOK {
					evaluable = false
					break
				}
				x = a.raw
				if c.is != nil {
					hit := false
					if c.multi {
						for j, on := range a.sel {
							hit = hit || (on && c.is[j])
						}
					} else {
						hit = c.is[a.idx]
					}
					miss |= b2u(!hit)
				}
			}
			miss |= b2u(x < c.min) | b2u(x > c.max)
		}
		if evaluable {
			s.flags[i].evaluable++
			s.flags[i].matches += int(1 - miss)
		}
	}
}

// b2u is 1 for true and 0 for false, without a branch.
func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// cond is a flag's Condition as flag tests it for every respondent.
type cond struct {
	dim, q   int // the dimension's index, or -1 and the question's
	min, max float64
	is       []bool
	multi    bool
}

func newConds(r *Rubric) [][]cond {
	out := make([][]cond, len(r.Flags))
	for i, f := range r.Flags {
		for _, c := range f.When {
			k := cond{dim: -1, min: math.Inf(-1), max: math.Inf(1), is: c.is}
			if c.dim != nil {
				k.dim = c.dim.Index
			} else {
				k.q, k.multi = c.q.Index, c.q.Type == TypeMulti
			}
			if c.Min != nil {
				k.min = *c.Min
			}
			if c.Max != nil {
				k.max = *c.Max
			}
			out[i] = append(out[i], k)
		}
	}
	return out
}

func (s *Scorer) invalidAnswer(q *Question, c Cell, bad string) *Error {
	s.invalid++
	var what string
	switch q.Type {
	case TypeScale:
		what = fmt.Sprintf("is not a label or point of scale %q", q.Scale)
	case TypeChoice:
		what = "is not one of its options"
	case TypeMulti:
		what = "lists something that is not one of its options"
	}
	e := &Error{Pos: c.Pos, Msg: fmt.Sprintf("question %q: answer %q %s; counted as missing", q.ID, truncate(bad, 60), what), Err: ErrInvalidAnswer}
	if len(s.reported) < maxReportedInvalid {
		s.reported = append(s.reported, e)
	}
	return e
}

// MaxQuoted is how much of a header, cell or key an error line quotes.
const MaxQuoted = 80

// Short cuts s, a header, a cell or a key from the input, to the length
// an error line quotes.
func Short(s string) string { return truncate(s, MaxQuoted) }

func truncate(s string, n int) string {
	// Counts runes without converting: s may be a 200 MB cell.
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
