package assess

import (
	"fmt"
	"math"
)

// Cronbach's alpha per dimension (SPEC "Reliability of each dimension"),
// from sums kept while scoring. With T the sum of a respondent's item
// values, alpha, every item-rest correlation and every alpha-if-deleted
// need only each item's sum, sum of squares and sum of products with T,
// and T's sum and sum of squares: 3m+2 sums for m items, never the rows.
// Values are kept shifted by one half (u = v - 0.5), which changes no
// variance or covariance and keeps the sums of squares small.

// msums are the sums of a measure (relStat, drvStat): n respondents
// counted, sum over the chunks flushed and psum over the chunk at hand
// (chunk.go), of one length.
type msums struct {
	n         int
	sum, psum []float64
}

func newMSums(size int) msums {
	return msums{sum: make([]float64, size), psum: make([]float64, size)}
}

// flush adds the chunk's sums to the sums.
func (p *msums) flush() {
	for k, v := range p.psum {
		p.sum[k] += v
		p.psum[k] = 0
	}
}

// merge adds a worker's chunk (w's n and psum).
func (p *msums) merge(w *msums) {
	p.n += w.n
	for k, v := range w.psum {
		p.psum[k] += v
	}
}

func (p *msums) reset() {
	p.n = 0
	clear(p.sum)
	clear(p.psum)
}

// relStat is one dimension's sums over its complete respondents.
type relStat struct {
	dim int
	qs  []int // its scored questions, in rubric order
	// n: the respondents, but for those in pk not yet settled; sum and
	// psum: Σu_i, Σu_i², Σu_i·T for each item i in turn (3m), then ΣT,
	// ΣT²: a respondent's item adds to three sums next to each other
	msums
	x []float64 // scratch: the respondent's u
	// Counting (countExact), when every value of the items is a multiple
	// of 1/scale (exact; 2, 4 or 8) between -1/2 and 1/2: item j's value
	// u = (vi-half)/scale, the respondent's T = (tb - m·half)/scale, tb
	// below nb. pk[j·nv+vi] holds, packed in one word, the number of
	// respondents whose item j has value vi (high 32 bits) and the sum of
	// their tb (low 32 bits): one addition per item and nothing else, since
	// the number of respondents, ΣT and ΣT² follow from the words too
	// (settle). Every sum of such values over a chunk's respondents is
	// exact, whatever the order of the additions, so settle's sums from
	// the counts are the bits count's additions give. cn counts the
	// respondents countExact added since the last settle, and
	// fastState.xn those of measureRow: the packed sums of tb stay below
	// 2^32 with fewer than maxPacked of each.
	exact  bool
	scale  float64
	half   int
	nv, nb int
	cn     int
	pk     *[maxRelItems]uint64
}

// maxRelCounts bounds a dimension's counts (nb by m·nv): beyond it the
// fast path adds the sums for every respondent.
const maxRelCounts = 8192

// maxRelItems bounds a counted dimension's m·nv (relStat.pk);
// maxRelCounts keeps m·nv within 108.
const maxRelItems = 128

// maxPacked is the number of respondents after which the words of
// relStat.pk are settled, by either path that adds to them: with twice
// as many, each below nb (at most maxRelCounts), the sums of tb stay
// below 2^32. (A chunk's settle comes much sooner.)
const maxPacked = 1 << 16

func newRelStats(r *Rubric) []relStat {
	var out []relStat
	for _, d := range r.Dimensions {
		var qs []int
		for _, q := range d.Questions {
			if q.Scored() {
				qs = append(qs, q.Index)
			}
		}
		if len(qs) < 2 {
			continue
		}
		m := len(qs)
		st := relStat{dim: d.Index, qs: qs, msums: newMSums(3*m + 2), x: make([]float64, m)}
		st.countable(r)
		out = append(out, st)
	}
	return out
}

// countable sets the dimension up for countExact if the values its items
// can take (scale points and options; a multi answer's sums are checked
// as they are met, qentRel) are multiples of 1/2, 1/4 or 1/8, and the
// counts are few enough.
func (st *relStat) countable(r *Rubric) {
	m := len(st.qs)
	for _, sc := range []int{2, 4, 8} {
		ok := true
		for _, q := range st.qs {
			qq := r.Questions[q]
			var pts []float64
			switch qq.Type {
			case TypeScale:
				pts = qq.ScaleDef.Points
			case TypeChoice:
				for _, o := range qq.Options {
					pts = append(pts, o.Points)
				}
			}
			for _, pt := range pts {
				if _, in := exactValue(qq.value(pt)-0.5, float64(sc)); !in {
					ok = false
				}
			}
		}
		nv, nb := sc+1, m*sc+1
		if ok && m*nv*nb <= maxRelCounts && m*nv <= maxRelItems {
			st.exact, st.scale, st.half, st.nv, st.nb = true, float64(sc), sc/2, nv, nb
			st.pk = new([maxRelItems]uint64)
			return
		}
	}
}

// exactValue tells whether u is a multiple of 1/scale between -1/2 and
// 1/2, and which: u·scale.
func exactValue(u, scale float64) (int, bool) {
	x := u * scale // exact: scale is a power of two
	if !(x >= -scale/2 && x <= scale/2) || x != math.Trunc(x) {
		return 0, false
	}
	return int(x), true
}

// add counts the respondent whose answers are ap, if they answered every
// question of the dimension.
func (st *relStat) add(ap []*answer) {
	x := st.x[:len(st.qs)]
	var t float64
	for j, q := range st.qs {
		a := ap[q]
		if a.state != answerOK {
			return
		}
		u := a.v - 0.5
		x[j] = u
		t += u
	}
	st.count(x, t)
}

// count adds a complete respondent's values x (less one half), whose sum
// is t. The fast path (measureRow) counts the same values, in the same
// order, with countCells.
func (st *relStat) count(x []float64, t float64) {
	st.n++
	m := len(x)
	p := st.psum[: 3*m+2 : 3*m+2]
	for j, u := range x {
		s := (*[3]float64)(p[3*j:])
		s[0] += u
		s[1] += float64(u * u) // rounded before the sum: no fused multiply-add
		s[2] += float64(u * t)
	}
	p[3*m] += t
	p[3*m+1] += float64(t * t)
}

// countExact is countCells for a dimension whose cells' values are
// counted (exact): tb is the sum of the cells' qent.vi, below nb, and
// each cell's qent.pk its item's and value's word in pk.
func (st *relStat) countExact(cells []*qent, tb int) {
	add := uint64(tb) | 1<<32
	for _, e := range cells {
		*e.pk += add
	}
	if st.cn++; st.cn == maxPacked {
		st.settle()
	}
}

// settle adds the sums of the counted respondents to psum. They are
// exact, as psum's are (see relStat.exact), so the order does not matter:
// item j's Σu·T is Σ over its values v of u_v times the sum of T over the
// respondents who answered v, (Σtb - c·m·half)/scale, all exact. The
// respondents are those counted for the first item, whatever their value;
// ΣT is the sum of every item's Σu, and ΣT² of every item's Σu·T.
func (st *relStat) settle() {
	st.cn = 0
	m, nv := len(st.qs), st.nv
	if nv == 0 {
		return // not counted
	}
	n := 0
	for _, w := range st.pk[:nv] {
		n += int(w >> 32)
	}
	if n == 0 {
		return
	}
	st.n += n
	p := st.psum[: 3*m+2 : 3*m+2]
	for j := range m {
		s := (*[3]float64)(p[3*j:])
		for vi := range nv {
			w := st.pk[j*nv+vi]
			c, sb := int(w>>32), int(w&(1<<32-1))
			if c == 0 {
				continue
			}
			u := float64(vi-st.half) / st.scale
			su, sut := float64(c)*u, u*(float64(sb-c*m*st.half)/st.scale)
			s[0] += su
			s[1] += float64(c) * u * u
			s[2] += sut
			p[3*m] += su
			p[3*m+1] += sut
		}
	}
	*st.pk = [maxRelItems]uint64{}
}

func (st *relStat) flush() {
	st.settle()
	st.msums.flush()
}

func (st *relStat) merge(w *relStat) {
	w.settle()
	st.msums.merge(&w.msums)
}

func (st *relStat) reset() {
	st.msums.reset()
	if st.pk != nil {
		*st.pk = [maxRelItems]uint64{}
	}
	st.cn = 0
}

// zeroVar is the variance below which a figure is taken as constant: the
// sums of a constant leave a rounding error of this order, and a real
// variance of values in [0, 1] is far above it.
const zeroVar = 1e-12

// result works out the dimension's alpha, item-rest correlations and
// alphas if deleted from the sums (flushed).
func (st *relStat) result(r *Rubric) ReliabilityResult {
	m := len(st.qs)
	res := ReliabilityResult{Dimension: r.Dimensions[st.dim].ID, N: st.n, Items: make([]ItemReliability, m)}
	for j, q := range st.qs {
		res.Items[j].ID = r.Questions[q].ID
	}
	if st.n < MinReliabilityN {
		return res
	}
	n := float64(st.n)
	s := st.sum
	sT, sTT := s[3*m], s[3*m+1]
	varT := (sTT - sT*sT/n) / (n - 1)
	vari := make([]float64, m)
	covT := make([]float64, m)
	var sumVar float64
	for j := range m {
		si := s[3*j : 3*j+3]
		vari[j] = max((si[1]-si[0]*si[0]/n)/(n-1), 0)
		covT[j] = (si[2] - si[0]*sT/n) / (n - 1)
		sumVar += vari[j]
	}
	res.Alpha = alpha(m, sumVar, varT)
	for j := range m {
		varRest := varT - 2*covT[j] + vari[j]
		if vari[j] > zeroVar && varRest > zeroVar {
			c := (covT[j] - vari[j]) / math.Sqrt(vari[j]*varRest)
			c = max(-1, min(1, c))
			res.Items[j].ItemRest = &c
		}
		res.Items[j].AlphaIfDeleted = alpha(m-1, sumVar-vari[j], varRest)
	}
	return res
}

// alpha is Cronbach's alpha of m items whose variances add up to sumVar
// and whose total has variance varT; nil for fewer than two items or a
// constant total.
func alpha(m int, sumVar, varT float64) *float64 {
	if m < 2 || !(varT > zeroVar) {
		return nil
	}
	a := float64(m) / float64(m-1) * (1 - sumVar/varT)
	if math.IsNaN(a) || math.IsInf(a, 0) {
		return nil
	}
	return &a
}

// WeakItem is a question that weakens its dimension's reliability, with
// what it shows in plain words.
type WeakItem struct {
	ID   string
	Why  string
	Item ItemReliability
}

// Weak lists the questions that weaken the dimension, in rubric order: an
// item-rest correlation below WeakItemRest (negative: the question
// behaves as if it were reverse-keyed, which is often a reverse flag set
// the wrong way), or an alpha that would rise without the question.
func (rr ReliabilityResult) Weak() []WeakItem {
	var out []WeakItem
	for _, it := range rr.Items {
		var why string
		switch {
		case it.ItemRest != nil && *it.ItemRest < 0:
			why = fmt.Sprintf("behaves as if it were reverse-keyed (item-rest %s)", signed(*it.ItemRest))
		case it.ItemRest != nil && *it.ItemRest < WeakItemRest:
			why = fmt.Sprintf("hardly goes with the other questions of its dimension (item-rest %s)", signed(*it.ItemRest))
		case rr.Alpha != nil && it.AlphaIfDeleted != nil && *it.AlphaIfDeleted > *rr.Alpha:
			why = fmt.Sprintf("the dimension would be more reliable without it (alpha %.2f without it)", *it.AlphaIfDeleted)
		default:
			continue
		}
		out = append(out, WeakItem{ID: it.ID, Why: why, Item: it})
	}
	return out
}

// signed prints a correlation with two decimals and a true minus sign.
func signed(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	if s[0] == '-' {
		if s == "-0.00" {
			return "0.00"
		}
		return "\u2212" + s[1:]
	}
	return s
}
