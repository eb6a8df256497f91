package assess

import (
	"bytes"
	"sort"
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
	plans   []colPlan
	segCols [][]int // per segment: the columns feeding it, in the order Add picks them
	qc      []qcache
	segVal  []map[string]*group // per segment: trimmed cell → group
	touched [][]*group          // per segment: groups met in the current chunk, in order
	qcol    []int               // per question: its column (fastOK allows one), -1 if none
	colQ    []int32             // per column: its question, colCheck or colUnused
	starts  []int               // field starts of the current line
	ends    []int               // field ends of the current line
}

// Column kinds in fastState.colQ besides question indexes.
const (
	colCheck  = -1 // an attribute or id: only checked to be UTF-8
	colUnused = -2
)

// qcache is allocated as it fills, since a rubric may have thousands of
// questions and every worker has its own.
type qcache struct {
	one  *[256]uint8 // one-byte cells: index+1 into ents
	ents []qent
}

type qent struct {
	key string
	a   answer
}

// fastOK tells whether ts can be scored by the fast path.
func (s *Scorer) fastOK(ts *tableSource) bool {
	cr, ok := ts.rr.(*csvRows)
	if !ok || ts.closed || ts.rec != nil || s.opt.Comments || cr.t.mac || !cr.t.keep {
		return false
	}
	if ts.rules != (rowRules{status: -1, channel: -1, finished: -1, submit: -1, responseType: -1}) {
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
	f := &fastState{name: ts.name, comma: comma, plans: ts.plans,
		segCols: make([][]int, len(s.segs)), qc: make([]qcache, len(s.r.Questions)),
		segVal: make([]map[string]*group, len(s.segs)), touched: make([][]*group, len(s.segs)),
		qcol: make([]int, len(s.r.Questions))}
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
		f.colQ = append(f.colQ, k)
		if p.attr != "" {
			if i := s.segmentOf(p.attr); i >= 0 {
				f.segCols[i] = append(f.segCols[i], j)
			}
		}
	}
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
func (s *Scorer) lookup(i int, b []byte) *answer {
	c := &s.fast.qc[i]
	if len(b) == 1 {
		if c.one != nil && c.one[b[0]] > 0 {
			return &c.ents[c.one[b[0]]-1].a
		}
	} else {
		for k := range c.ents {
			if string(b) == c.ents[k].key {
				return &c.ents[k].a
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
	if len(c.ents) == maxQCache {
		s.ans[i] = a
		return &s.ans[i]
	}
	// Growing ents moves its answers: only this question's pointer, taken
	// below, is in use for this row.
	c.ents = append(c.ents, qent{key: key, a: a})
	if len(b) == 1 {
		if c.one == nil {
			c.one = new([256]uint8)
		}
		c.one[b[0]] = uint8(len(c.ents))
	}
	return &c.ents[len(c.ents)-1].a
}

var missingAnswer = answer{state: answerMissing}

// scoreLines scores whole lines of a quote-free CSV, the first of which is
// line number first, as tableSource.Next and Add would.
func (s *Scorer) scoreLines(data []byte, first int) error {
	f := s.fast
	for i, j := range f.qcol {
		if j < 0 {
			s.ap[i] = &missingAnswer
		}
	}
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
			if err := s.scoreLine(f, l, line); err != nil {
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
	// A row with no text in any cell is skipped, as tableSource does.
	blank := true
	for j := range ends {
		if hasText(l[starts[j]:ends[j]]) {
			blank = false
			break
		}
	}
	if blank {
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
		case len(v) == 1 && c.one != nil && c.one[v[0]] > 0:
			a = &c.ents[c.one[v[0]]-1].a
			invalid = invalid || a.state == answerInvalid
		default:
			if a = s.lookup(int(q), v); a == nil {
				return checkUTF8(pos(j), string(v))
			}
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
	for i, a := range s.ap {
		if invalid && a.state == answerInvalid {
			j := f.qcol[i]
			v := l[starts[j]:ends[j]]
			e := s.invalidAnswer(s.r.Questions[i], Cell{Values: []string{string(v)}, Pos: pos(j)}, a.bad)
			if s.opt.Strict {
				return e
			}
		}
	}
	s.groups = append(s.groups[:0], s.all)
	for i, sg := range s.segs {
		var t []byte
		for _, j := range f.segCols[i] {
			if j < len(ends) {
				if t = bytes.TrimSpace(l[starts[j]:ends[j]]); len(t) > 0 {
					break
				}
			}
		}
		if len(t) == 0 {
			t = notStated
		}
		g := f.segVal[i][string(t)]
		if g == nil {
			v := string(t)
			g = sg.group(s, v, Normalize(v))
			f.segVal[i][v] = g
		}
		if g.n == 0 {
			f.touched[i] = append(f.touched[i], g)
		}
		s.groups = append(s.groups, g)
	}
	s.tally()
	return nil
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
	for i := range s.fast.touched {
		for _, g := range s.fast.touched[i] {
			g.reset()
		}
		s.fast.touched[i] = s.fast.touched[i][:0]
	}
	s.chunk = -1
}
