package assess

// chunkLines is the number of input lines whose float sums are added up on
// their own before they join the totals. Floating-point addition is not
// associative, so a parallel scorer that splits the input and merges the
// parts gives the same bits as a single thread only if both add up the
// same parts in the same order: every scorer sums chunk k (lines
// k*chunkLines+1 to (k+1)*chunkLines, by the line where a respondent
// starts) from zero, and adds it to the totals in chunk order. An input
// shorter than this is one chunk, summed exactly as before chunks existed.
const chunkLines = 8192

func chunkOf(line int) int { return max(line-1, 0) / chunkLines }

// enterChunk flushes the partial sums when a respondent starts a new chunk.
func (s *Scorer) enterChunk(c int) {
	if c != s.chunk {
		s.flush()
		s.chunk = c
	}
}

// flushCounts adds every group's small counts to its counts (a worker's,
// before its chunk is merged).
func (s *Scorer) flushCounts() {
	s.countAll()
	s.eachGroup((*group).flushCounts)
}

// flush adds every group's partial sums to its totals.
func (s *Scorer) flush() {
	s.countAll()
	s.eachGroup((*group).flush)
	s.m.flush()
}

// eachGroup calls fn with the whole group and every segment group.
func (s *Scorer) eachGroup(fn func(*group)) {
	fn(s.all)
	for _, sg := range s.segs {
		for _, g := range sg.order {
			fn(g)
		}
	}
}

func (g *group) flush() {
	g.flushCounts()
	for d := range g.dims {
		st := &g.dims[d]
		st.sum += st.psum
		st.sumSq += st.psumSq
		st.psum, st.psumSq = 0, 0
	}
	for i := range g.qs {
		qs := &g.qs[i]
		qs.sumV += qs.psumV
		qs.psumV = 0
	}
}

// merge adds the figures of w, a scorer that scored exactly the lines of
// chunk c, after everything s has scored so far. Groups new to s are
// created in the order w first met them, with w's spelling, which is the
// first spelling in the input since s has not seen the value before.
func (s *Scorer) merge(w *Scorer, c int) {
	s.enterChunk(c)
	s.rows += w.rows
	s.invalid += w.invalid
	for _, e := range w.reported {
		if len(s.reported) >= maxReportedInvalid {
			break
		}
		s.reported = append(s.reported, e)
	}
	for i := range s.flags {
		s.flags[i].matches += w.flags[i].matches
		s.flags[i].evaluable += w.flags[i].evaluable
	}
	s.all.merge(w.all)
	s.m.merge(&w.m)
	for i, sg := range s.segs {
		sg.personal = sg.personal || w.segs[i].personal
		for _, wg := range w.fast.touched[i] {
			sg.group(s, wg.value, wg.norm).merge(wg)
		}
	}
}

// merge adds the figures of w, a worker's group for one chunk, to g.
func (g *group) merge(w *group) {
	g.n += w.n
	for d := range g.dims {
		st, ws := &g.dims[d], &w.dims[d]
		st.n += ws.n
		st.psum += ws.psum
		st.psumSq += ws.psumSq
	}
	for i := range g.qs {
		qs, wq := &g.qs[i], &w.qs[i]
		qs.n += wq.n
		qs.skipped += wq.skipped
		qs.invalid += wq.invalid
		qs.psumV += wq.psumV
		for j, c := range wq.counts {
			qs.counts[j] += c
		}
	}
}

// reset zeroes a group's figures, keeping its storage.
func (g *group) reset() {
	g.n = 0
	clear(g.dims)
	for i := range g.qs {
		qs := &g.qs[i]
		c := qs.counts
		clear(c)
		*qs = qstat{counts: c}
	}
}

// flushCounts adds the chunk's small counts (scoreRow's) to the counts.
func (g *group) flushCounts() {
	if !g.cdirty {
		return
	}
	for k, c := range g.cflat[:len(g.flat)] { // not the bin past them
		g.flat[k] += int(c)
	}
	clear(g.cflat)
	g.cdirty = false
}

// countAll adds the small counts of the first segment's groups to the
// whole group's, which scoreRow leaves out when there are segments (each
// row is in exactly one group of each segment). It must run before those
// groups' small counts are flushed.
func (s *Scorer) countAll() {
	if len(s.segs) == 0 {
		return
	}
	all := s.all.cflat
	for _, g := range s.segs[0].order {
		if !g.cdirty {
			continue
		}
		for k, c := range g.cflat {
			all[k] += c
		}
		s.all.cdirty = true
	}
}
