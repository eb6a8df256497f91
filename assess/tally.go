package assess

// qinfo is what scoring needs of a question, kept together.
type qinfo struct {
	dim           int
	w             float64
	scored, multi bool
	// single: a scored scale or choice question, whose answers are
	// counted only in the counts (its n is their sum).
	single  bool
	off, nc int // its counts in group.flat
}

// tally counts one respondent, whose answers are in s.ap, into s.groups.
func (s *Scorer) tally() {
	s.rows++
	// Respondent dimension scores, from the sums in s.rd, which are zero
	// here: respondentDims leaves them so, as scoreRow expects too.
	for i := range s.qi {
		qi := &s.qi[i]
		if a := s.ap[i]; a.state == answerOK && qi.scored {
			// float64(...) rounds the product before the sum: no fused
			// multiply-add (arm64, ppc64, s390x), so every platform and the
			// questionnaire's script get the same bits.
			s.rd[qi.dim].sum += float64(qi.w * a.v)
			s.rd[qi.dim].w += qi.w
		}
	}
	s.respondentDims()
	s.measure()
	// The answers, question by question for all the groups at once; a
	// scale or choice answer, the bulk of the work, is one count.
	for i := range s.qi {
		qi := &s.qi[i]
		a := s.ap[i]
		switch {
		case a.state == answerMissing:
		case a.state == answerOK && qi.single:
			k := qi.off + a.idx
			for _, g := range s.groups {
				g.flat[k]++
			}
		default:
			for _, g := range s.groups {
				g.answer(i, qi, a)
			}
		}
	}
	s.flag()
}

// respondentDims works out the respondent's dimension scores from the
// sums in s.rd, and adds them to the respondent's groups. It leaves the
// sums at zero for the next respondent, as scoreRow expects.
func (s *Scorer) respondentDims() {
	rd := s.rd
	for d := range rd {
		r := &rd[d]
		r.ok = r.w > 0 && r.w >= r.min
		r.v, r.vv = 0, 0
		if r.ok {
			r.v = 100 * r.sum / r.w
			r.vv = float64(r.v * r.v) // rounded before the sum, as in group.add
		}
		r.sum, r.w = 0, 0
	}
	// A dimension without a score adds 0 to its counts and +0 to its sums,
	// which leaves a sum's bits as they are (a sum that starts at +0 never
	// becomes -0): no branch on a coin toss per group and dimension.
	for _, g := range s.groups {
		g.n++
		dims := g.dims[:len(rd)]
		for d := range dims {
			r, st := &rd[d], &dims[d]
			st.n += int(b2u(r.ok))
			st.psum += r.v
			st.psumSq += r.vv
		}
	}
}

// clearDims zeroes the respondent's dimension sums, for a respondent
// left before respondentDims.
func clearDims(rd []rdim) {
	for d := range rd {
		rd[d].sum, rd[d].w = 0, 0
	}
}

// answer counts a skipped, invalid, multi or text answer to question i.
func (g *group) answer(i int, qi *qinfo, a *answer) {
	qs := &g.qs[i]
	switch a.state {
	case answerSkip:
		qs.skipped++
	case answerInvalid:
		qs.invalid++
	case answerOK:
		qs.n++
		if qi.multi {
			// A multi answer's value depends on the whole selection;
			// a single answer's is its point's, so the mean of those
			// comes from the counts (questionResults).
			qs.psumV += a.v
			for j, on := range a.sel {
				if on {
					qs.counts[j]++
				}
			}
		}
	}
}
