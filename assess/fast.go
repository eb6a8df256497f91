package assess

import (
	"bytes"
	"encoding/binary"
	"sort"
	"sync/atomic"
	"unicode/utf8"
)

// The fast CSV path. A wide CSV export is mostly short unquoted cells
// drawn from a handful of values ("4", "Agree", a team name), so once the
// header is matched the rows can be split at commas without encoding/csv,
// each distinct cell resolved once per question and remembered, and each
// attribute value interned to its group. Only rows that need nothing more
// take this path: any quote sends the rest of the input back to
// encoding/csv (fast_split.go), and so does any layout rule or recoding.
// It gives exactly what Scorer.Add gives for the same rows: the same
// counts, the same invalid cells with the same positions, the same first
// error.

// maxQCache bounds the distinct cells remembered per question; free-text
// or numeric columns with more values are resolved cell by cell.
const maxQCache = 64

// fastState is one scorer's view of the input's columns and its caches.
type fastState struct {
	name    string
	comma   byte
	segCols [][]int // per segment: the columns feeding it, in the order Add picks them
	qc      []qcache
	spill   []qent                 // per question: a cell past maxQCache, resolved for this row only
	spillA  []answer               // the spill entries' answers
	slab    []qent                 // where lookup puts new entries, next to each other
	segVal  []map[string]*group    // per segment: trimmed cell → its group
	cellHot [][cellHotSize]cellEnt // per segment: cells as they stand → group
	epoch   int32                  // counts resetChunk's calls, from 1
	touched [][]*group             // per segment: groups met in the current chunk, in order
	qcol    []int                  // per question: its column (fastOK allows one), -1 if none
	colQ    []int32                // per column: its question, colCheck or colUnused
	// inOrder: the question columns come in the rubric's question order,
	// so that scoreRow adds a respondent's weighted answers up in the
	// order tally does, and gets the same bits.
	inOrder bool
	ascii   bool    // the lines being scored are all ASCII, so valid UTF-8
	flagQ   []bool  // per question: a flag's condition reads its answer
	qs      []int32 // inOrder: the questions with a column, in column order
	row     []*qent // scoreRow: the cell of each of those in this row
	// qrun: per column, the number of question columns from it on
	qrun []int
	// ones: per column, its question's qcache.one, or noOnes until
	// that is made or for a column of no question
	ones []*[256]*qent
	// empty is every empty cell: missing and counted nowhere
	empty    qent
	commas   uint64  // the delimiter in the odd bytes of a word (splitRow)
	commaAll uint64  // the delimiter in every byte of a word
	starts   []int   // field starts of the current line
	ends     []int   // field ends of the current line
	slow     []int32 // scoreRow: the questions group.answer counts for this row
	// flagK: the indexes in qs of the questions a flag's condition reads
	// (flagQ), whose answers scoreRow points s.ap at
	flagK []int32
	runs  []dimRun // inOrder: qs cut where the dimension changes
	kpos  []int    // inOrder: per question, its index in qs, or -1
	relK  [][]int  // inOrder: per reliability sum (Scorer.m.rel), its questions' indexes in qs; nil if one has no column
	// relRun: per reliability sum, the run (in runs) whose cells are its
	// questions, in order, or -1; scoreRow adds their qent.vi up as it
	// adds the run's, into dimRun.tv, for measureRow
	relRun []int
	// xrel: the reliability sums counted (relStat.exact) from a run of
	// columns, in order; xall: all of them are, so measureRow takes a
	// full row through xrel alone
	xrel []xrel
	xall bool
	// radd: per row, what a cell adds to its word in relStat.pk
	// (qent.pk), by qent.rx: xrel[rx-1]'s tb | 1<<32 when measureRow
	// counts the row in it, else 0; radd[0] is always 0. scoreRow adds
	// the words as it counts the cells, which it loads anyway.
	radd []uint64 // 256 words
	// xn: the respondents measureRow has counted through radd since the
	// words were last settled for maxPacked (relStat.cn)
	xn int
	// pkNone: per question, the word that its cells not counted in
	// relStat.pk add 0 to, and last the empty cell's: one word for all
	// would make each such cell's addition wait for the one before.
	pkNone []uint64
	// relOf, relJ: per question, its reliability sum and item there, or -1
	relOf, relJ []int
	// xOf: per reliability sum, its index in xrel plus one, or 0 (qent.rx)
	xOf []uint8
	// scaleK: the indexes in qs of the scale questions (Scorer.m.scaleQs)
	// that have a column, in order; straightRow compares their cells'
	// sraw
	scaleK []int32
	// raws: the raw points of scale answers met, by qent.sraw - 1; past
	// 255 of them (rawOver) straightRow reads the answers' raw instead
	raws    map[float64]uint8
	rawOver bool
	idCol   int // the respondent id's column, -1 if none (noteID)
	// idsFull is the main scorer's idCheck.full (its own, or a
	// worker's main scorer's), read
	// into idsOff for each chunk: no id is checked once the table is full
	idsFull *atomic.Bool
	idsOff  bool
}

// Column kinds in fastState.colQ besides question indexes.
const (
	colCheck  = -1 // an attribute or id: only checked to be UTF-8
	colUnused = -2
)

// dimRun is the questions qs[lo:hi] of dimension dim (fastState.runs).
type dimRun struct {
	dim, lo, hi int
	r           *rdim   // the scorer's rd[dim]
	cells       []*qent // fastState.row[lo:hi]
	// tv: the sum of the run's cells' qent.vi in the row at hand (less
	// the slowVI in it), from sumRuns
	tv int
}

// qcache's entries are allocated as they are met, since a rubric may have
// thousands of questions and every worker has its own.
type qcache struct {
	one  *[256]*qent // one-byte cells, by their byte; nil until one is met
	ents []*qent
	keys []string // each entry's cell
}

// qent is a cell of one question, resolved once, with what counting it
// takes worked out ahead (see fill).
type qent struct {
	// What scoreRow reads of every cell, in 56 bytes; the entries of a
	// scorer lie next to each other (fastState.slab), so that a row's
	// entries stay in the nearest cache as the lines stream by.
	slow bool // counted by group.answer: skipped, invalid, multi or text
	// ok: the answer is given and valid, and u is its value less one
	// half, as reliability and drivers add it up (quality.go)
	ok bool
	// sraw: an ok answer to a scale question: its raw point's number in
	// fastState.raws, from 1, which straightRow compares; else 0
	sraw uint8
	// rx: the cell's reliability sum in fastState.xrel, plus one, or 0
	rx uint8
	// k: a scale or choice answer's index in group.flat, where it counts
	// one; else s.nflat, the bin past the counts in group.cflat
	k int32
	// vi and pk: an ok answer to an item of a dimension whose reliability
	// sums are counted (relStat.exact): u as the number vi of its value,
	// and its word in relStat.pk (else fastState.pkNone);
	// an answer whose value is not one of those has vi past any total.
	// A slow cell's vi has slowVI added, so that sumRuns tells a row
	// with slow cells from the sums it makes anyway.
	vi int
	pk *uint64
	wv float64 // a scored answer: float64(w * a.v), the product tally adds; else 0
	w  float64 // a scored answer: its question's weight, which tally adds; else 0
	u  float64
	a  *answer
}

// xrel is a reliability sum (Scorer.m.rel[k], st) whose questions are
// a run of fastState.runs, whose tv is at tv.
type xrel struct {
	tv *int
	nb int // st.nb
	st *relStat
	k  int
}

// badVI is qent.vi of a value that cannot be counted, and missVI of an
// answer that is not ok: a dimension's total of vi (at most relStat.nb
// for maxRelCounts counts) tells a complete respondent with values to
// count (below nb), one with a value that cannot be (below missVI) and one
// who is not complete. slowVI is added to a slow cell's vi: a run of at
// most maxRun cells adds up to less than slowVI with none and to less
// than 2^63 with all.
const (
	badVI  = 1 << 16
	missVI = 1 << 26
	slowVI = 1 << 48
	maxRun = 1 << 14
)

// fill works out how e.a counts for question i, as tally would: an
// empty cell not at all, a scale or choice answer by one count, the rest
// by group.answer.
func (s *Scorer) fill(e *qent, i int) {
	qi := &s.qi[i]
	a := e.a
	flat := a.state == answerOK && qi.single
	e.slow = a.state != answerMissing && !flat
	e.k, e.wv, e.w = int32(s.nflat), 0, 0
	if flat {
		e.k = int32(qi.off + a.idx)
	}
	if a.state == answerOK && qi.scored && qi.w != 0 {
		e.wv, e.w = float64(qi.w*a.v), qi.w
	}
	e.ok, e.u = a.state == answerOK, a.v-0.5
	e.vi, e.pk, e.rx = missVI, &s.fast.pkNone[i], 0
	if k := s.fast.relOf[i]; k >= 0 && e.ok {
		if st := &s.m.rel[k]; st.exact {
			e.vi = badVI
			if x, in := exactValue(e.u, st.scale); in {
				vi := x + st.half
				e.vi, e.pk = vi, &st.pk[s.fast.relJ[i]*st.nv+vi]
				e.rx = s.fast.xOf[k]
			}
		}
	}
	if e.slow {
		e.vi += slowVI
	}
	e.sraw = 0
	if f := s.fast; e.ok && s.r.Questions[i].Type == TypeScale && !f.rawOver {
		c, ok := f.raws[a.raw]
		if !ok {
			if len(f.raws) == 255 {
				f.rawOver = true
				return
			}
			c = uint8(len(f.raws) + 1)
			f.raws[a.raw] = c
		}
		e.sraw = c
	}
}

// fastOK tells whether ts can be scored by the fast path.
func (s *Scorer) fastOK(ts *tableSource) bool {
	cr, ok := ts.rr.(*csvRows)
	if !ok || ts.closed || ts.rec != nil || s.opt.Comments || cr.t.mac || !cr.t.keep {
		return false
	}
	if s.th != nil && s.textColumn(ts) {
		return false // the comments' themes are counted by Add (themes_score.go)
	}
	if ts.rules != noRowRules { // durations too: the fast path reads no times
		return false
	}
	seen := map[int]bool{}
	for _, p := range ts.plans {
		if p.q >= 0 && p.opt != "" {
			return false // one column per option of a multi question
		}
		if p.q >= 0 && seen[p.q] {
			return false // two columns answer one question: the later wins
		}
		seen[p.q] = true
	}
	return true
}

// newFastState prepares the column plan of ts for s (a main scorer or
// one of its workers, each with its own caches).
func (s *Scorer) newFastState(ts *tableSource, comma byte) *fastState {
	f := &fastState{name: ts.name, comma: comma,
		segCols: make([][]int, len(s.segs)), qc: make([]qcache, len(s.r.Questions)),
		segVal: make([]map[string]*group, len(s.segs)), touched: make([][]*group, len(s.segs)),
		qcol: make([]int, len(s.r.Questions)), spill: make([]qent, len(s.r.Questions)),
		spillA:  make([]answer, len(s.r.Questions)),
		cellHot: make([][cellHotSize]cellEnt, len(s.segs)), epoch: 1, idCol: -1,
		radd: make([]uint64, 256)}
	for i := range f.segVal {
		f.segVal[i] = map[string]*group{}
	}
	for i := range f.qcol {
		f.qcol[i] = -1
	}
	for j, p := range ts.plans {
		k := int32(colUnused)
		switch {
		case p.q >= 0:
			f.qcol[p.q], k = j, int32(p.q)
		case p.attr != "" || p.id:
			k = colCheck
		}
		if p.id {
			f.idCol = j
		}
		f.colQ = append(f.colQ, k)
		if p.attr != "" {
			if i := s.segmentOf(p.attr); i >= 0 {
				f.segCols[i] = append(f.segCols[i], j)
			}
		}
	}
	f.flagQ = make([]bool, len(s.r.Questions))
	for _, fl := range s.r.Flags {
		for _, c := range fl.When {
			if c.q != nil {
				f.flagQ[c.q.Index] = true
			}
		}
	}
	f.inOrder = true
	last := int32(-1)
	for _, q := range f.colQ {
		if q >= 0 {
			f.inOrder = f.inOrder && q > last
			last = q
			f.qs = append(f.qs, q)
		}
	}
	f.kpos = make([]int, len(s.r.Questions))
	for i := range f.kpos {
		f.kpos[i] = -1
	}
	for k, q := range f.qs {
		f.kpos[q] = k
	}
	f.relK = make([][]int, len(s.m.rel))
	for k, st := range s.m.rel {
		ks := make([]int, len(st.qs))
		for j, q := range st.qs {
			if ks[j] = f.kpos[q]; ks[j] < 0 {
				ks = nil
				break
			}
		}
		f.relK[k] = ks
	}
	f.row = make([]*qent, len(f.qs))
	f.slow = make([]int32, len(f.qs))
	for k, q := range f.qs {
		if f.flagQ[q] {
			f.flagK = append(f.flagK, int32(k))
		}
		if d := s.qi[q].dim; k == 0 || d != f.runs[len(f.runs)-1].dim || k-f.runs[len(f.runs)-1].lo == maxRun {
			f.runs = append(f.runs, dimRun{dim: d, lo: k, hi: k + 1, r: &s.rd[d]})
		} else {
			f.runs[len(f.runs)-1].hi = k + 1
		}
	}
	for i := range f.runs {
		run := &f.runs[i]
		run.cells = f.row[run.lo:run.hi:run.hi]
	}
	f.relOf, f.relJ = make([]int, len(s.r.Questions)), make([]int, len(s.r.Questions))
	for i := range f.relOf {
		f.relOf[i], f.relJ[i] = -1, -1
	}
	for k, st := range s.m.rel {
		for j, q := range st.qs {
			f.relOf[q], f.relJ[q] = k, j
		}
	}
	f.relRun = make([]int, len(s.m.rel))
	for k, ks := range f.relK {
		f.relRun[k] = -1
		for ri, run := range f.runs {
			if len(ks) > 0 && len(ks) == run.hi-run.lo && ks[0] == run.lo {
				same := true
				for j, i := range ks {
					same = same && i == run.lo+j
				}
				if same {
					f.relRun[k] = ri
				}
			}
		}
	}
	f.xall = true
	f.xOf = make([]uint8, len(s.m.rel))
	for k, ri := range f.relRun {
		if st := &s.m.rel[k]; ri >= 0 && st.exact && len(f.xrel) < len(f.radd)-1 {
			f.xrel = append(f.xrel, xrel{tv: &f.runs[ri].tv, nb: st.nb, st: st, k: k})
			f.xOf[k] = uint8(len(f.xrel))
		} else {
			f.xall = false
		}
	}
	for _, q := range s.m.scaleQs {
		if k := f.kpos[q]; k >= 0 {
			f.scaleK = append(f.scaleK, int32(k))
		}
	}
	f.raws = map[float64]uint8{}
	f.qrun = make([]int, len(f.colQ)+1)
	for j := len(f.colQ) - 1; j >= 0; j-- {
		if f.colQ[j] >= 0 {
			f.qrun[j] = f.qrun[j+1] + 1
		}
	}
	f.qrun = f.qrun[:len(f.colQ)]
	f.pkNone = make([]uint64, len(s.r.Questions)+1)
	f.empty = qent{a: &missingAnswer, k: int32(s.nflat), vi: missVI, pk: &f.pkNone[len(s.r.Questions)]}
	f.ones = make([]*[256]*qent, len(f.colQ))
	for j := range f.ones {
		f.ones[j] = &noOnes
	}
	f.commas = uint64(comma) * 0x0100010001000100
	f.commaAll = uint64(comma) * 0x0101010101010101
	f.starts, f.ends = make([]int, len(f.colQ)), make([]int, len(f.colQ))
	// Add takes the attribute name first in sort order that has a value;
	// of two columns with one name, the later one's value (it overwrote).
	for _, cols := range f.segCols {
		sort.Slice(cols, func(a, b int) bool {
			pa, pb := ts.plans[cols[a]].attr, ts.plans[cols[b]].attr
			if pa != pb {
				return pa < pb
			}
			return cols[a] > cols[b]
		})
	}
	return f
}

// lookup resolves a cell of question i, from the cache if it has been
// seen before. It returns nil for a cell that is not valid UTF-8.
func (s *Scorer) lookup(i int, b []byte) *qent {
	c := &s.fast.qc[i]
	if len(b) == 1 {
		if c.one != nil && c.one[b[0]] != nil {
			return c.one[b[0]]
		}
	} else {
		for k, key := range c.keys {
			if string(b) == key {
				return c.ents[k]
			}
		}
	}
	if !validUTF8(b) {
		return nil
	}
	key := string(b)
	a := missingAnswer
	if hasText(b) {
		a = s.r.Questions[i].resolve(Cell{Values: []string{key}})
	}
	f := s.fast
	e := &f.spill[i]
	e.a = &f.spillA[i]
	if len(c.ents) < maxQCache {
		if len(f.slab) == cap(f.slab) {
			f.slab = make([]qent, 0, 128)
		}
		f.slab = f.slab[:len(f.slab)+1]
		e = &f.slab[len(f.slab)-1]
		e.a = new(answer)
		c.ents, c.keys = append(c.ents, e), append(c.keys, key)
		if len(b) == 1 {
			if c.one == nil {
				c.one = new([256]*qent)
				f.ones[f.qcol[i]] = c.one
			}
			c.one[b[0]] = e
		}
	}
	*e.a = a
	s.fill(e, i)
	return e
}

var missingAnswer = answer{state: answerMissing}

// noOnes is fastState.ones' table of a column with none: never written.
var noOnes [256]*qent

// scoreLines scores whole lines of a quote-free CSV, the first of which is
// line number first, as tableSource.Next and Add would.
func (s *Scorer) scoreLines(data []byte, first int) error {
	f := s.fast
	for i, j := range f.qcol {
		if j < 0 {
			s.ap[i] = &missingAnswer
		}
	}
	f.ascii = isASCII(data)
	f.idsOff = f.idsFull != nil && f.idsFull.Load()
	line := first
	for len(data) > 0 {
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		if n := len(l); n > 0 && l[n-1] == '\r' {
			l = l[:n-1]
		}
		if len(l) > 0 {
			var err error
			if f.inOrder {
				err = s.scoreRow(f, l, line)
			} else {
				err = s.scoreLine(f, l, line)
			}
			if err != nil {
				return err
			}
		}
		line++
	}
	return nil
}

func (s *Scorer) scoreLine(f *fastState, l []byte, line int) error {
	starts, ends := append(f.starts[:0], 0), f.ends[:0]
	for i, c := range l {
		if c == f.comma {
			ends = append(ends, i)
			starts = append(starts, i+1)
		}
	}
	ends = append(ends, len(l))
	f.starts, f.ends = starts, ends
	pos := func(j int) Position { return Position{File: f.name, Line: line, Col: starts[j] + 1} }
	if blankRow(l, f.comma) { // skipped, as tableSource does
		return nil
	}
	s.enterChunk(chunkOf(line))
	// Cells in column order, as tableSource.respondent checks them; the
	// invalid answers after, in question order, as Add reports them.
	invalid := false
	for j, q := range f.colQ[:min(len(f.colQ), len(ends))] {
		if q == colUnused {
			continue
		}
		v := l[starts[j]:ends[j]]
		if q < 0 { // an attribute or the respondent id
			if !validUTF8(v) {
				return checkUTF8(pos(j), string(v))
			}
			continue
		}
		var a *answer
		switch c := &f.qc[q]; {
		case len(v) == 0:
			a = &missingAnswer
		case len(v) == 1 && c.one != nil && c.one[v[0]] != nil:
			a = c.one[v[0]].a
			invalid = invalid || a.state == answerInvalid
		default:
			e := s.lookup(int(q), v)
			if e == nil {
				return checkUTF8(pos(j), string(v))
			}
			a = e.a
			invalid = invalid || a.state == answerInvalid
		}
		s.ap[q] = a
	}
	// A short row leaves the questions of its missing columns unanswered.
	for _, q := range f.colQ[min(len(f.colQ), len(ends)):] {
		if q >= 0 {
			s.ap[q] = &missingAnswer
		}
	}
	if invalid {
		if err := s.reportInvalid(f, l, line); err != nil {
			return err
		}
	}
	if s.screen() {
		s.noteID(f, l, len(ends), line)
		return nil
	}
	s.rowGroups(f, l, len(ends))
	s.tally()
	s.noteID(f, l, len(ends), line)
	return nil
}

// reportInvalid reports the row's invalid answers in question order, as
// Add does; under Strict the first is the error.
func (s *Scorer) reportInvalid(f *fastState, l []byte, line int) error {
	for i, a := range s.ap {
		if a.state == answerInvalid {
			j := f.qcol[i]
			v := l[f.starts[j]:f.ends[j]]
			e := s.invalidAnswer(s.r.Questions[i], Cell{Values: []string{string(v)}, Pos: Position{File: f.name, Line: line, Col: f.starts[j] + 1}}, a.bad)
			if s.opt.Strict {
				return e
			}
		}
	}
	return nil
}

// rowGroups sets s.groups to the groups of the row l, whose first nf
// fields are at f.starts and f.ends.
func (s *Scorer) rowGroups(f *fastState, l []byte, nf int) {
	groups := s.groups[:len(s.segs)+1]
	groups[0] = s.all
	for i, sg := range s.segs {
		var g *group
		// The usual attribute, one column, is looked up by its cell as it
		// stands in a table of the cells met, by words of it rather than
		// through the heap; a group is checked for the chunk's list of
		// groups met once per chunk.
		if cols := f.segCols[i]; len(cols) == 1 && cols[0] < nf && f.ends[cols[0]] > f.starts[cols[0]] {
			st, end := f.starts[cols[0]], f.ends[cols[0]]
			w0, w1 := cellWords(l, st, end)
			h := &f.cellHot[i][cellSlot(w0, w1, end-st)]
			if h.w0 != w0 || h.w1 != w1 || int(h.n) != end-st || end-st > 16 && h.key != string(l[st:end]) {
				*h = cellEnt{w0: w0, w1: w1, n: int32(end - st), g: s.segGroup(f, i, sg, l[st:end])}
				if end-st > 16 {
					h.key = string(l[st:end])
				}
			}
			g = h.g
			if h.seen == f.epoch {
				groups[i+1] = g
				continue
			}
			h.seen = f.epoch
		} else {
			var t []byte
			for _, j := range f.segCols[i] {
				if j < nf {
					if t = trimSpace(l[f.starts[j]:f.ends[j]]); len(t) > 0 {
						break
					}
				}
			}
			g = s.segGroup(f, i, sg, t)
		}
		if g.n == 0 { // a group new to the chunk (see resetChunk)
			f.touched[i] = append(f.touched[i], g)
		}
		groups[i+1] = g
	}
	s.groups = groups
}

// segGroup returns the group of segment i whose value is t, trimmed
// unless it is notStated.
func (s *Scorer) segGroup(f *fastState, i int, sg *segment, t []byte) *group {
	if t = trimSpace(t); len(t) == 0 {
		t = notStated
	}
	g := f.segVal[i][string(t)]
	if g == nil {
		v := string(t)
		g = sg.group(s, v, Normalize(v))
		f.segVal[i][v] = g
	}
	return g
}

// cellEnt is a slot of fastState.cellHot: an attribute cell of n bytes
// as it stands, its group, and when that was last looked at for touched.
// Its first and last eight bytes (cellWords) tell a cell of up to 16 bytes
// whole; a longer one is kept whole too, in key.
type cellEnt struct {
	w0, w1 uint64
	n      int32
	seen   int32 // fastState.epoch when g was last looked at for touched
	key    string
	g      *group
}

// cellHotSize is the number of slots in a segment's cellHot.
const cellHotSize = 128

// cellWords is the cell l[st:end] (at least one byte) as two words: its
// first eight bytes and its last eight, little-endian; for a cell of up to
// eight bytes, the cell with zero bytes after it, and zero.
func cellWords(l []byte, st, end int) (w0, w1 uint64) {
	n := end - st
	if n > 8 {
		return binary.LittleEndian.Uint64(l[st : st+8]), binary.LittleEndian.Uint64(l[end-8 : end])
	}
	if st+8 <= len(l) {
		return binary.LittleEndian.Uint64(l[st:st+8]) & (^uint64(0) >> (64 - 8*n)), 0
	}
	for k := end - 1; k >= st; k-- {
		w0 = w0<<8 | uint64(l[k])
	}
	return w0, 0
}

// cellSlot is the slot of cellHot for a cell of n bytes and words w0, w1.
func cellSlot(w0, w1 uint64, n int) int {
	return int(((w0 ^ w1*0xff51afd7ed558ccd ^ uint64(n)<<59) * 0x9e3779b97f4a7c15) >> (64 - 7))
}

var notStated = []byte(NotStated)

// hasText tells whether a cell holds more than white space, as
// strings.TrimSpace sees it.
func hasText(v []byte) bool {
	if len(v) > 0 && v[0] > ' ' && v[0] < utf8.RuneSelf {
		return true
	}
	return len(bytes.TrimSpace(v)) > 0
}

// trimSpace is bytes.TrimSpace, skipped for the usual cell that starts
// and ends with a visible ASCII character.
func trimSpace(t []byte) []byte {
	if n := len(t); n > 0 && t[0] > ' ' && t[0] < utf8.RuneSelf && t[n-1] > ' ' && t[n-1] < utf8.RuneSelf {
		return t
	}
	return bytes.TrimSpace(t)
}

// isASCII tells whether b has no byte above 0x7f, eight bytes at a time.
func isASCII(b []byte) bool {
	var or uint64
	for len(b) >= 64 { // eight words a turn: a chunk is megabytes
		or |= binary.LittleEndian.Uint64(b) | binary.LittleEndian.Uint64(b[8:]) |
			binary.LittleEndian.Uint64(b[16:]) | binary.LittleEndian.Uint64(b[24:]) |
			binary.LittleEndian.Uint64(b[32:]) | binary.LittleEndian.Uint64(b[40:]) |
			binary.LittleEndian.Uint64(b[48:]) | binary.LittleEndian.Uint64(b[56:64])
		b = b[64:]
	}
	for len(b) >= 8 {
		or |= binary.LittleEndian.Uint64(b)
		b = b[8:]
	}
	for _, c := range b {
		or |= uint64(c)
	}
	return or&0x8080808080808080 == 0
}

// validUTF8 is utf8.Valid with a shortcut for the short ASCII cells that
// most answers are.
func validUTF8(v []byte) bool {
	var or byte
	for _, c := range v {
		or |= c
	}
	return or < utf8.RuneSelf || utf8.Valid(v)
}

// resetChunk readies a worker for its next chunk.
func (s *Scorer) resetChunk() {
	s.rows, s.invalid, s.reported = 0, 0, nil
	clear(s.flags)
	s.all.reset()
	s.m.reset()
	for i := range s.fast.touched {
		for _, g := range s.fast.touched[i] {
			g.reset()
		}
		s.fast.touched[i] = s.fast.touched[i][:0]
	}
	s.fast.epoch++
	s.chunk = -1
}
