package assess

import "unicode/utf8"

// scoreRow is scoreLine and tally in one pass over the line, for inputs
// whose question columns come in question order (fastState.inOrder): each
// cell is split off, looked up in its question's cache and counted at once,
// its weighted value added to its dimension in the order tally adds it.
// The figures are the same bits as scoreLine's; only the work is less: no
// second pass over the answers, and a scale answer's counts are one index
// (qent.k) added to in every group of the row.
func (s *Scorer) scoreRow(f *fastState, l []byte, line int) error {
	comma := f.comma
	// A row with no text in any cell is skipped, as tableSource does; a
	// first cell starting with a letter or digit settles it at once.
	if c := l[0]; c <= ' ' || c >= utf8.RuneSelf || c == comma {
		if blankRow(l, comma) {
			return nil
		}
	}
	s.enterChunk(chunkOf(line))
	// Locals, not fields: the loop below is the hot one, and the compiler
	// reloads a field through its pointer after every store.
	ap, qc, colQ := s.ap, f.qc, f.colQ
	dimSum, dimW := s.dimSum, s.dimW
	clear(dimSum)
	clear(dimW)
	ks, slow := f.ks[:0], f.slow[:0]
	invalid := false
	cd, acc, accW := int32(-1), 0.0, 0.0
	n, p, nf := len(l), 0, 0
	for j, q := range colQ {
		if p > n {
			break // a short row
		}
		st := p
		for p < n && l[p] != comma {
			p++
		}
		v := l[st:p]
		p++
		nf = j + 1
		if q < 0 {
			if q == colCheck { // rowGroups reads attribute cells from here
				f.starts[j], f.ends[j] = st, st+len(v)
				if !validUTF8(v) {
					return checkUTF8(Position{File: f.name, Line: line, Col: st + 1}, string(v))
				}
			}
			continue
		}
		var e *qent
		if len(v) == 1 {
			if i := qc[q].one[v[0]]; i > 0 {
				e = qc[q].ents[i-1]
			}
		}
		if e == nil {
			if len(v) == 0 {
				ap[q] = &missingAnswer
				continue
			}
			if e = s.lookup(int(q), v); e == nil {
				return checkUTF8(Position{File: f.name, Line: line, Col: st + 1}, string(v))
			}
		}
		if e.keep {
			ap[q] = &e.a
		}
		if e.cnt == cntFlat {
			ks = append(ks, e.k)
		} else if e.cnt == cntSlow {
			slow = append(slow, q)
			invalid = invalid || e.a.state == answerInvalid
		}
		if e.w != 0 {
			// The running sums of the dimension at hand stay in registers
			// until another dimension's question comes: the same additions
			// in the same order as tally's.
			if e.dim != cd {
				if cd >= 0 {
					dimSum[cd], dimW[cd] = acc, accW
				}
				cd = e.dim
				acc, accW = dimSum[cd], dimW[cd]
			}
			acc += e.wv
			accW += e.w
		}
	}
	if cd >= 0 {
		dimSum[cd], dimW[cd] = acc, accW
	}
	f.ks, f.slow = ks, slow
	// A short row leaves the questions of its missing columns unanswered.
	for _, q := range colQ[nf:] {
		if q >= 0 {
			ap[q] = &missingAnswer
		}
	}
	if invalid {
		// Only the answers of flags and of the slow kinds were kept in
		// s.ap above; reportInvalid reads them all.
		fieldBounds(l, comma, f.starts, f.ends)
		for j, q := range colQ[:nf] {
			if q >= 0 {
				if e := s.lookup(int(q), l[f.starts[j]:f.ends[j]]); e != nil {
					ap[q] = &e.a
				}
			}
		}
		if err := s.reportInvalid(f, l, line); err != nil {
			return err
		}
	}
	s.rowGroups(f, l, nf)
	s.rows++
	s.respondentDims()
	for _, g := range s.groups {
		flat := g.flat
		for _, k := range ks {
			flat[k]++
		}
	}
	for _, q := range slow {
		qi, a := &s.qi[q], s.ap[q]
		for _, g := range s.groups {
			g.answer(int(q), qi, a)
		}
	}
	s.flag()
	return nil
}

// blankRow tells whether no cell of the line holds text.
func blankRow(l []byte, comma byte) bool {
	st := 0
	for i := 0; i <= len(l); i++ {
		if i == len(l) || l[i] == comma {
			if hasText(l[st:i]) {
				return false
			}
			st = i + 1
		}
	}
	return true
}

// fieldBounds sets starts and ends to the bounds of the line's first
// len(starts) fields.
func fieldBounds(l []byte, comma byte, starts, ends []int) {
	st, j := 0, 0
	for i := 0; i <= len(l) && j < len(starts); i++ {
		if i == len(l) || l[i] == comma {
			starts[j], ends[j] = st, i
			st = i + 1
			j++
		}
	}
}
