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

// relStat is one dimension's sums over its complete respondents.
type relStat struct {
	dim  int
	qs   []int // its scored questions, in rubric order
	n    int
	sum  []float64 // Σu_i (m), Σu_i² (m), Σu_i·T (m), ΣT, ΣT²
	psum []float64 // the same for the chunk at hand (chunk.go)
	x    []float64 // scratch: the respondent's u
}

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
		out = append(out, relStat{dim: d.Index, qs: qs, sum: make([]float64, 3*m+2), psum: make([]float64, 3*m+2), x: make([]float64, m)})
	}
	return out
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
// is t. The fast path (measureRow) gathers them its own way, in the same
// order, and counts them here.
func (st *relStat) count(x []float64, t float64) {
	st.n++
	m := len(x)
	p := st.psum[: 3*m+2 : 3*m+2]
	p0, p1, p2 := p[:m:m], p[m:2*m:2*m], p[2*m:3*m:3*m]
	for j, u := range x {
		p0[j] += u
		p1[j] += float64(u * u) // rounded before the sum: no fused multiply-add
		p2[j] += float64(u * t)
	}
	p[3*m] += t
	p[3*m+1] += float64(t * t)
}

func (st *relStat) flush() {
	for k, v := range st.psum {
		st.sum[k] += v
		st.psum[k] = 0
	}
}

func (st *relStat) merge(w *relStat) {
	st.n += w.n
	for k, v := range w.psum {
		st.psum[k] += v
	}
}

func (st *relStat) reset() {
	st.n = 0
	clear(st.sum)
	clear(st.psum)
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
		vari[j] = max((s[m+j]-s[j]*s[j]/n)/(n-1), 0)
		covT[j] = (s[2*m+j] - s[j]*sT/n) / (n - 1)
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
