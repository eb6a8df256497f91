package assess

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// GapResult compares, for one segment attribute and one dimension, the
// highest- and lowest-scoring of the attribute's shown groups whose
// dimension cell is not suppressed (SPEC "Gaps between groups").
//
// P is the two-sided p-value of Welch's t-test on the two groups'
// respondent dimension scores, PAdjusted Holm's adjustment of it over every
// gap of the report, HedgesG the bias-corrected standardised difference.
// Each is nil where it cannot be computed (a group of one respondent, or
// two groups without any spread). Significant is PAdjusted < 0.05.
type GapResult struct {
	Attribute   string   `json:"attribute"`
	Dimension   string   `json:"dimension"`
	High        string   `json:"high"`
	Low         string   `json:"low"`
	Gap         float64  `json:"gap"`
	P           *float64 `json:"p"`
	PAdjusted   *float64 `json:"p_adjusted"`
	HedgesG     *float64 `json:"hedges_g"`
	Significant bool     `json:"significant"`
}

// SignificanceLevel is the adjusted p-value below which a gap is called
// significant.
const SignificanceLevel = 0.05

// gapResults works out the gaps from the segments, which are ordered by
// attribute (case-folded) then value, with suppression applied. It needs
// of each group only n, mean and SD (sufficient statistics the scorer
// keeps per group and dimension), never the respondents' rows; and it
// never looks at a suppressed group or cell.
func gapResults(r *Rubric, segs []SegmentResult) []GapResult {
	out := []GapResult{}
	for i := 0; i < len(segs); {
		j := i
		for j < len(segs) && segs[j].Attribute == segs[i].Attribute {
			j++
		}
		for d := range r.Dimensions {
			var cells []*SegmentResult
			for k := i; k < j; k++ {
				sr := &segs[k]
				if sr.Suppressed || d >= len(sr.Dimensions) {
					continue
				}
				if c := sr.Dimensions[d]; c.Suppressed || c.Score == nil {
					continue
				}
				cells = append(cells, sr)
			}
			if len(cells) < 2 {
				continue
			}
			// The first group in value order wins a tie; should every
			// group score the same, the first two are compared.
			hi, lo := 0, 0
			for k, c := range cells {
				if *c.Dimensions[d].Score > *cells[hi].Dimensions[d].Score {
					hi = k
				}
				if *c.Dimensions[d].Score < *cells[lo].Dimensions[d].Score {
					lo = k
				}
			}
			if hi == lo {
				lo = 1
			}
			h, l := cells[hi].Dimensions[d], cells[lo].Dimensions[d]
			g := GapResult{
				Attribute: segs[i].Attribute, Dimension: r.Dimensions[d].ID,
				High: cells[hi].Value, Low: cells[lo].Value,
				Gap: *h.Score - *l.Score,
			}
			if p, ok := WelchP(*h.Score, h.SD*h.SD, h.N, *l.Score, l.SD*l.SD, l.N); ok {
				g.P = &p
			}
			if es, ok := HedgesG(*h.Score, h.SD*h.SD, h.N, *l.Score, l.SD*l.SD, l.N); ok {
				g.HedgesG = &es
			}
			out = append(out, g)
		}
		i = j
	}
	var ps []float64
	for _, g := range out {
		if g.P != nil {
			ps = append(ps, *g.P)
		}
	}
	adj := Holm(ps)
	k := 0
	for i := range out {
		if out[i].P != nil {
			a := adj[k]
			k++
			out[i].PAdjusted = &a
			out[i].Significant = a < SignificanceLevel
		}
	}
	return out
}

// WelchT is Welch's t statistic and its Welch-Satterthwaite degrees of
// freedom for two groups given by mean, sample variance (n-1 divisor) and
// size. ok is false when a group has fewer than two members or neither
// group has any spread.
func WelchT(m1, v1 float64, n1 int, m2, v2 float64, n2 int) (t, df float64, ok bool) {
	if n1 < 2 || n2 < 2 {
		return 0, 0, false
	}
	a, b := v1/float64(n1), v2/float64(n2)
	se2 := a + b
	if !(se2 > 0) || math.IsInf(se2, 0) {
		return 0, 0, false
	}
	t = (m1 - m2) / math.Sqrt(se2)
	df = se2 * se2 / (a*a/float64(n1-1) + b*b/float64(n2-1))
	return t, df, true
}

// WelchP is the two-sided p-value of Welch's t-test (see WelchT), from
// the exact Student t distribution with fractional degrees of freedom.
func WelchP(m1, v1 float64, n1 int, m2, v2 float64, n2 int) (float64, bool) {
	t, df, ok := WelchT(m1, v1, n1, m2, v2, n2)
	if !ok {
		return 0, false
	}
	st := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	// 2 * lower tail of -|t|: no cancellation for a tiny p.
	p := 2 * st.CDF(-math.Abs(t))
	return min(p, 1), true
}

// HedgesG is (m1 - m2) over the pooled SD, times the small-sample
// correction 1 - 3 / (4 (n1 + n2) - 9). ok is false when a group has
// fewer than two members or the pooled SD is zero.
func HedgesG(m1, v1 float64, n1 int, m2, v2 float64, n2 int) (float64, bool) {
	if n1 < 2 || n2 < 2 {
		return 0, false
	}
	pooled := math.Sqrt((float64(n1-1)*v1 + float64(n2-1)*v2) / float64(n1+n2-2))
	if !(pooled > 0) {
		return 0, false
	}
	return (m1 - m2) / pooled * (1 - 3/(4*float64(n1+n2)-9)), true
}

// Holm adjusts the p-values ps for multiple comparisons (Holm, 1979):
// with the p sorted ascending, p_adj(i) = max over j <= i of
// min(1, (m - j + 1) p(j)); returned in the order of ps.
func Holm(ps []float64) []float64 {
	m := len(ps)
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ps[idx[a]] < ps[idx[b]] })
	out := make([]float64, m)
	run := 0.0
	for rank, i := range idx {
		run = max(run, min(1, float64(m-rank)*ps[i]))
		out[i] = run
	}
	return out
}
