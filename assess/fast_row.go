package assess

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// scoreRow is scoreLine and tally in one, for inputs whose question
// columns come in question order (fastState.inOrder). splitRow splits the
// line and looks each question's cell up in its cache; one loop adds the
// cells up, each weighted value to its dimension in the order tally adds
// it, and another counts them. The figures are the same bits as
// scoreLine's; only the work is less: the counting is worked out once per
// cached cell (qent), and each loop has few enough variables to live in
// registers.
func (s *Scorer) scoreRow(f *fastState, l []byte, line int) error {
	comma := f.comma
	// A row with no text in any cell is skipped, as tableSource does; a
	// first cell starting with a letter or digit settles it at once.
	if c := l[0]; c <= ' ' || c >= utf8.RuneSelf || c == comma {
		if blankRow(l, comma) {
			return nil
		}
	}
	nf, nq, err := s.splitRow(f, l, line)
	if err != nil {
		return err
	}
	s.enterChunk(chunkOf(line))
	ap, qs, row := s.ap, f.qs, f.row[:nq]
	// The dimension sums in s.rd are zero here: respondentDims, or the
	// ways out of this function before it, leave them so.
	anySlow := sumRuns(f.runs, nq)
	// s.ap is read for the questions of flags (flag) and the slow cells
	// (group.answer, reportInvalid) only.
	for _, k := range f.flagK {
		if int(k) < len(row) {
			ap[qs[k]] = row[k].a
		}
	}
	slow, ns, invalid := f.slow[:len(row)], 0, false
	if anySlow {
		for k, e := range row {
			if e.slow {
				ap[qs[k]] = e.a
				slow[ns] = qs[k]
				ns++
				invalid = invalid || e.a.state == answerInvalid
			}
		}
	}
	slow = slow[:ns]
	// A short row leaves the questions of its missing columns unanswered.
	for _, q := range qs[nq:] {
		ap[q] = &missingAnswer
	}
	if invalid {
		// Only the answers of flags and of the slow kinds were put in
		// s.ap above; reportInvalid reads them all.
		fieldBounds(l, comma, f.starts, f.ends)
		for k, e := range row {
			ap[qs[k]] = e.a
		}
		if err := s.reportInvalid(f, l, line); err != nil {
			clearDims(s.rd)
			return err
		}
	}
	if s.screenAs(s.straightRow(f, row)) {
		clearDims(s.rd)
		s.noteID(f, l, nf, line)
		return nil
	}
	s.rowGroups(f, l, nf)
	s.rows++
	s.respondentDims()
	s.measureRow(f, row)
	// The counts of the row's groups in one pass over its answers. The
	// whole group's are left out when there are segments: every row is in
	// one group of the first segment, whose counts add up to the whole
	// group's at the chunk's end (Scorer.countAll).
	gs := s.groups
	if len(gs) > 1 {
		gs = gs[1:]
	}
	// Every cell adds one to its count; a cell that is counted otherwise
	// or not at all adds it to the bin past the counts (qent.k), which
	// nothing reads: no branch to guess. Every cell adds its row's word
	// of radd to its word in relStat.pk too (measureRow set radd): 0 to
	// fastState.pkNone, for a cell counted in no reliability sum or a
	// respondent not counted in its dimension's.
	if len(gs) == 2 {
		gs[0].cdirty, gs[1].cdirty = true, true
		countTwo(row, gs[0].cflat, gs[1].cflat, f.radd)
	} else {
		gs[0].cdirty = true
		countOne(row, gs[0].cflat, f.radd)
		for _, g := range gs[1:] {
			g.cdirty = true
			flat := g.cflat
			for _, e := range row {
				flat[e.k]++
			}
		}
	}
	for _, q := range slow {
		qi, a := &s.qi[q], s.ap[q]
		for _, g := range s.groups {
			g.answer(int(q), qi, a)
		}
	}
	s.flag()
	s.noteID(f, l, nf, line)
	return nil
}

// sumRuns adds up a respondent's dimension sums, run by run (runs: the
// questions of one dimension next to each other in the columns), so that
// a run's sums stay in registers: the same additions in the same order as
// tally's. A cell that is not scored adds zero, which leaves a sum's bits
// as they are (a sum that starts at +0 never becomes -0).
//
// A run's qent.vi are added up too, into its tv: a dimension whose
// reliability sums are counted (relStat.exact) and take the questions of
// one run (fastState.relRun) needs nothing more of the row before
// measureRow. The slowVI in a slow cell's vi tells whether the row has
// any (the result): no branch and no list per cell, which kept the sums
// out of registers.
//
// It is a function of its own, with each run's cells (of the first nq in
// fastState.row) and rd[dim] at hand in the run, so that its few
// variables stay in registers; inside scoreRow they went to the stack and
// back for every cell.
func sumRuns(runs []dimRun, nq int) bool {
	slow := 0
	for i := range runs {
		run := &runs[i]
		cells := run.cells
		if run.hi > nq { // a short row: nq cells in all
			if run.lo >= nq {
				break
			}
			cells = cells[:nq-run.lo]
		}
		r := run.r
		acc, accW, tv := r.sum, r.w, 0
		for _, e := range cells {
			acc += e.wv
			accW += e.w
			tv += e.vi
		}
		r.sum, r.w = acc, accW
		run.tv = tv & (slowVI - 1)
		slow |= tv
	}
	return slow >= slowVI
}

// countTwo counts the cells of a row in the counts of two groups, f0
// and f1 (group.cflat, of one length), and adds each cell's word of radd
// to its word in relStat.pk (qent.pk, qent.rx). A function of its own, as
// sumRuns, so that its variables stay in registers.
func countTwo(row []*qent, f0, f1 []uint16, radd []uint64) {
	f1 = f1[:len(f0)] // one bounds check for both
	_ = radd[255]     // none for a uint8 index
	i := 0
	for ; i+4 <= len(row); i += 4 { // four at a turn: the loop costs more than its body
		// Each cell loaded after the one before is counted, which keeps
		// the loop's variables few enough for the registers.
		c := (*[4]*qent)(row[i : i+4])
		e := c[0]
		k := e.k
		f0[k]++
		f1[k]++
		*e.pk += radd[e.rx]
		e = c[1]
		k = e.k
		f0[k]++
		f1[k]++
		*e.pk += radd[e.rx]
		e = c[2]
		k = e.k
		f0[k]++
		f1[k]++
		*e.pk += radd[e.rx]
		e = c[3]
		k = e.k
		f0[k]++
		f1[k]++
		*e.pk += radd[e.rx]
	}
	for _, e := range row[i:] {
		k := e.k
		f0[k]++
		f1[k]++
		*e.pk += radd[e.rx]
	}
}

// countOne is countTwo for one group.
func countOne(row []*qent, f0 []uint16, radd []uint64) {
	_ = radd[255]
	for _, e := range row {
		f0[e.k]++
		*e.pk += radd[e.rx]
	}
}

// splitRow splits the line at commas into f.row, the cached cell of each
// question column in turn, and f.starts and f.ends, the bounds of each
// attribute cell (rowGroups reads them). It returns the number of fields
// and of question cells it found, fewer than the columns in a short row.
func (s *Scorer) splitRow(f *fastState, l []byte, line int) (nf, nq int, err error) {
	comma, ones, row, colQ := f.comma, f.ones, f.row, f.colQ
	n, p := len(l), 0
	for j := 0; j < len(colQ); j++ {
		// The usual cells of a run of question columns: one byte each,
		// met before.
		if m := f.qrun[j]; m > 0 && p <= n {
			var k int
			p, k = splitOnes(l, p, ones[j:j+m], row[nq:nq+m], f.commas, comma, &f.empty)
			j, nq = j+k, nq+k
			if j == len(colQ) {
				return j, nq, nil
			}
		}
		if p > n {
			return j, nq, nil // a short row
		}
		q := colQ[j]
		st := p
		if q < 0 {
			// An id or attribute cell is often several bytes: look for
			// the delimiter eight bytes at a time.
			for p+8 <= n {
				x := binary.LittleEndian.Uint64(l[p:p+8]) ^ f.commaAll
				if m := (x - 0x0101010101010101) &^ x & 0x8080808080808080; m != 0 {
					p += bits.TrailingZeros64(m) / 8
					break
				}
				p += 8
			}
		}
		for p < n && l[p] != comma {
			p++
		}
		p++
		if q >= 0 {
			// A cell splitOnes left: longer than a byte, or not met yet.
			e := s.cell(int(q), l[st:p-1])
			if e == nil {
				return 0, 0, checkUTF8(Position{File: f.name, Line: line, Col: st + 1}, string(l[st:p-1]))
			}
			row[nq] = e
			nq++
		} else if q == colCheck {
			f.starts[j], f.ends[j] = st, p-1
			if !f.ascii && !validUTF8(l[st:p-1]) {
				return 0, 0, checkUTF8(Position{File: f.name, Line: line, Col: st + 1}, string(l[st:p-1]))
			}
		}
	}
	return len(colQ), nq, nil
}

// splitOnes splits the cells of a run of question columns off l from p,
// into out, while they are empty (empty) or one byte each and found in
// their column's table (ones). It returns where it stopped: the start of the next cell (past
// the end of l, by one, after the last), and the number of cells it split.
// Four cells in a row are read as one word, the usual case of a wide
// export: cells of one digit or letter. The last four cells of a line have
// no delimiter after them; the word is then read from a byte earlier and
// given one. It has a loop of its own so that its few variables stay in
// registers.
func splitOnes(l []byte, p int, ones []*[256]*qent, out []*qent, commas uint64, comma byte, empty *qent) (int, int) {
	n, k := len(l), 0
	out = out[:len(ones)] // so that out[k:k+4] needs no check of its own
	for k < len(ones) {
		for k+4 <= len(ones) {
			var w uint64
			switch {
			case p+8 <= n:
				w = binary.LittleEndian.Uint64(l[p : p+8])
			case p+7 == n && p > 0:
				w = binary.LittleEndian.Uint64(l[p-1:p+7])>>8 | uint64(comma)<<56
			}
			if w&0xff00ff00ff00ff00 != commas {
				break
			}
			t := (*[4]*[256]*qent)(ones[k : k+4])
			e0, e1, e2, e3 := t[0][byte(w)], t[1][byte(w>>16)], t[2][byte(w>>32)], t[3][byte(w>>48)]
			if e0 == nil || e1 == nil || e2 == nil || e3 == nil {
				break
			}
			r := (*[4]*qent)(out[k : k+4])
			r[0], r[1], r[2], r[3] = e0, e1, e2, e3
			k += 4
			p += 8
		}
		if k == len(ones) || p > n {
			break
		}
		if p == n || l[p] == comma {
			out[k] = empty
			k++
			p++
			continue
		}
		if p+1 < n && l[p+1] != comma {
			break
		}
		e := ones[k][l[p]]
		if e == nil {
			break
		}
		out[k] = e
		k++
		p += 2
	}
	return p, k
}

// cell is lookup with the empty cell answered at once.
func (s *Scorer) cell(q int, v []byte) *qent {
	if len(v) == 0 {
		return &s.fast.empty
	}
	return s.lookup(q, v)
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
