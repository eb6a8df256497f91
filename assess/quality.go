package assess

import (
	"math"
	"slices"
)

// Response quality (SPEC "Response quality"): straight-liners and
// speeders, counted while scoring and, with Options.ExcludeFlagged, left
// out of every figure. A speeder took less than a third of the median
// duration; the median needs every duration, so they are counted in a
// map of whole seconds (as many entries as distinct durations, not
// respondents), and leaving speeders out takes a second pass over the
// inputs once the median is known (Plan.Score).

// MinStraightLine is the fewest scale answers, all with the same point,
// that make a straight-liner.
const MinStraightLine = 8

// measures are what a Scorer keeps for reliability, drivers and response
// quality.
type measures struct {
	rel     []relStat
	drv     *drvStat // nil without an outcome
	scaleQs []int    // the scale questions, for straight-lining
	// straight counts straight-liners, excluded the respondents left out;
	// durs counts the respondents' durations by whole seconds.
	straight, excluded int
	durs               map[int64]int
}

func newMeasures(r *Rubric) measures {
	m := measures{rel: newRelStats(r), drv: newDrvStat(r)}
	for _, q := range r.Questions {
		if q.Type == TypeScale {
			m.scaleQs = append(m.scaleQs, q.Index)
		}
	}
	return m
}

// screen looks at the respondent at hand (answers in s.ap, duration in
// s.secs): it counts a straight-liner and the duration, and tells whether
// the respondent is left out (Options.ExcludeFlagged), in which case the
// row is counted and nothing else.
func (s *Scorer) screen() bool { return s.screenAs(s.straightLiner()) }

// screenAs is screen for a respondent who is a straight-liner or not.
func (s *Scorer) screenAs(sl bool) bool {
	m := &s.m
	if sl {
		m.straight++
	}
	sp := false
	if s.timed {
		d := int64(s.secs)
		if m.durs == nil {
			m.durs = map[int64]int{}
		}
		m.durs[d]++
		sp = s.opt.speedBelow > 0 && float64(d) < s.opt.speedBelow
		s.timed = false
	}
	if s.opt.ExcludeFlagged && (sl || sp) {
		m.excluded++
		s.rows++
		return true
	}
	return false
}

// straightLiner tells whether the respondent answered at least
// MinStraightLine scale questions, all with the same raw point.
func (s *Scorer) straightLiner() bool {
	// Most respondents differ within the first few answers.
	n := 0
	var first float64
	for _, q := range s.m.scaleQs {
		if a := s.ap[q]; a.state == answerOK {
			if n > 0 && a.raw != first {
				return false
			}
			first = a.raw
			n++
		}
	}
	return n >= MinStraightLine
}

// straightRow is straightLiner for the row of the fast path (fast_row.go),
// whose cells are row, those of the questions f.qs: their raw points
// compared by number (qent.sraw), without a look at the answers.
func (s *Scorer) straightRow(f *fastState, row []*qent) bool {
	if f.rawOver {
		return s.straightRowRaw(f, row)
	}
	n, first := 0, uint8(0)
	for _, k := range f.scaleK {
		if int(k) >= len(row) {
			continue
		}
		c := row[k].sraw
		if c == 0 {
			continue
		}
		if c != first && n > 0 {
			return false
		}
		first = c
		n++
	}
	return n >= MinStraightLine
}

// straightRowRaw is straightRow reading the answers' raw points, for
// rubrics with more distinct points than sraw numbers.
func (s *Scorer) straightRowRaw(f *fastState, row []*qent) bool {
	n := 0
	var first float64
	for _, k := range f.scaleK {
		if int(k) >= len(row) {
			continue
		}
		if e := row[k]; e.ok {
			if n > 0 && e.a.raw != first {
				return false
			}
			first = e.a.raw
			n++
		}
	}
	return n >= MinStraightLine
}

// measureRow is measure for the row of the fast path: the same values
// added in the same order, read from the row's cells.
func (s *Scorer) measureRow(f *fastState, row []*qent) {
	m := &s.m
	radd := f.radd
	if f.xall && len(row) == len(f.qs) {
		// The usual rubric and row: every reliability sum is counted
		// (relStat.exact) from one run of columns, whose values scoreRow
		// has added up by their numbers (dimRun.tv). A respondent counts
		// in nothing but each cell's word in relStat.pk, which scoreRow's
		// loop over the cells adds to after this, through radd.
		if f.xn++; f.xn == maxPacked {
			for i := range f.xrel {
				f.xrel[i].st.settle()
			}
			f.xn = 0
		}
		// Whether a respondent is complete is a coin toss that no branch
		// predictor foresees: add is worked out without a branch, and
		// odd gathers the totals of a value that cannot be counted
		// (between nb and missVI) in one comparison.
		xs, odd := f.xrel, uint8(0)
		radd := radd[1 : len(xs)+1]
		for i := range xs {
			x := &xs[i]
			tb := *x.tv
			radd[i] = (uint64(tb) | 1<<32) & -uint64(b2u(uint(tb) < uint(x.nb)))
			odd |= b2u(uint(tb-x.nb) < uint(missVI-x.nb))
		}
		if odd != 0 {
			// A value that cannot be counted: measureRel settles the
			// sum and adds this respondent and the rest one by one.
			for i := range xs {
				if tb := *xs[i].tv; tb >= xs[i].nb && tb < missVI {
					s.measureRel(f, row, xs[i].k)
				}
			}
		}
	} else {
		clear(radd[1 : len(f.xrel)+1]) // radd[0] is always 0
		for k := range m.rel {
			s.measureRel(f, row, k)
		}
	}
	if d := m.drv; d != nil {
		if i := f.kpos[d.q]; i >= 0 && i < len(row) && row[i].ok {
			d.add(s.rd, row[i].u)
		}
	}
}

// measureRel adds the row's values to reliability sum k, if the
// respondent answered each of its items.
func (s *Scorer) measureRel(f *fastState, row []*qent, k int) {
	st := &s.m.rel[k]
	if ri := f.relRun[k]; ri >= 0 && st.exact {
		// Its questions are one run of columns, whose values scoreRow has
		// added up by their numbers.
		run := &f.runs[ri]
		if run.hi > len(row) {
			return // a short row: not complete
		}
		tb := run.tv
		if tb < st.nb {
			st.countExact(row[run.lo:run.hi], tb)
			return
		}
		if tb >= missVI {
			return // not complete
		}
		// A value that cannot be counted (a multi answer's): the sums so
		// far are exact, and this scorer adds the rest one by one from
		// here.
		st.settle()
		st.exact = false
		f.xall = false
	}
	x := st.x[:len(st.qs)]
	var t float64
	if ks := f.relK[k]; len(row) == len(f.qs) && ks != nil && len(ks) == len(x) {
		// Every column there; no branch per cell.
		miss := uint8(0)
		for j, i := range ks {
			e := row[i]
			miss |= b2u(!e.ok)
			x[j] = e.u
			t += e.u
		}
		if miss == 0 {
			st.count(x, t)
		}
		return
	}
	for j, q := range st.qs {
		i := f.kpos[q]
		if i < 0 || i >= len(row) || !row[i].ok {
			return
		}
		u := row[i].u
		x[j] = u
		t += u
	}
	st.count(x, t)
}

// measure adds the respondent at hand (answers in s.ap, dimension scores
// in s.rd) to the reliability and drivers sums.
func (s *Scorer) measure() {
	m := &s.m
	for k := range m.rel {
		m.rel[k].add(s.ap)
	}
	if d := m.drv; d != nil {
		if a := s.ap[d.q]; a.state == answerOK {
			d.add(s.rd, a.v-0.5)
		}
	}
}

func (m *measures) flush() {
	for k := range m.rel {
		m.rel[k].flush()
	}
	if m.drv != nil {
		m.drv.flush()
	}
}

// merge adds a worker's measures for one chunk (after Scorer.enterChunk).
func (m *measures) merge(w *measures) {
	for k := range m.rel {
		m.rel[k].merge(&w.rel[k])
	}
	if m.drv != nil {
		m.drv.merge(&w.drv.msums)
	}
	m.straight += w.straight
	m.excluded += w.excluded
	for d, c := range w.durs {
		if m.durs == nil {
			m.durs = map[int64]int{}
		}
		m.durs[d] += c
	}
}

func (m *measures) reset() {
	for k := range m.rel {
		m.rel[k].reset()
	}
	if m.drv != nil {
		m.drv.reset()
	}
	m.straight, m.excluded = 0, 0
	clear(m.durs)
}

// speedLimit is a third of the median duration: a respondent who took
// less is a speeder. 0 without durations.
func (m *measures) speedLimit() float64 {
	total := 0
	for _, c := range m.durs {
		total += c
	}
	if total == 0 {
		return 0
	}
	keys := make([]int64, 0, len(m.durs))
	for d := range m.durs {
		keys = append(keys, d)
	}
	slices.Sort(keys)
	// nth is the duration at position i (0-based) in sorted order.
	nth := func(i int) float64 {
		for _, d := range keys {
			if i < m.durs[d] {
				return float64(d)
			}
			i -= m.durs[d]
		}
		return math.NaN()
	}
	med := nth(total / 2)
	if total%2 == 0 {
		med = (nth(total/2-1) + med) / 2
	}
	return med / 3
}

// speeders counts the durations below speedLimit.
func (m *measures) speeders() int {
	lim, n := m.speedLimit(), 0
	for d, c := range m.durs {
		if float64(d) < lim {
			n += c
		}
	}
	return n
}

// results fills the figures of the measures into res.
func (s *Scorer) measureResults(res *Result) {
	m := &s.m
	res.Reliability = []ReliabilityResult{}
	for k := range m.rel {
		res.Reliability = append(res.Reliability, m.rel[k].result(s.r))
	}
	if m.drv != nil {
		res.Drivers = m.drv.result(s.r)
	}
	res.DataQuality.StraightLiners = m.straight
	res.DataQuality.Speeders = m.speeders()
	res.DataQuality.Excluded = m.excluded
}

// SpeedLimit is the duration in seconds below which a respondent of the
// result's inputs is a speeder (a third of the median), 0 without
// durations: what a second pass that leaves speeders out needs.
func (s *Scorer) SpeedLimit() float64 { return s.m.speedLimit() }
