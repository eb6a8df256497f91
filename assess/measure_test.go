package assess

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// measureRubric has three dimensions of four agree5 questions (d3's q12
// reversed) and an outcome question.
func measureRubric(t *testing.T) *Rubric {
	t.Helper()
	var b strings.Builder
	b.WriteString("format = 1\nid = \"m\"\ntitle = \"M\"\nversion = \"1\"\noutcome = \"o1\"\n[scales.agree5]\npoints = [1, 2, 3, 4, 5]\nlabels = [\"SD\", \"D\", \"N\", \"A\", \"SA\"]\n")
	for d := 1; d <= 3; d++ {
		fmt.Fprintf(&b, "[[dimension]]\nid = \"d%d\"\ntitle = \"D%d\"\n", d, d)
	}
	for q := 1; q <= 12; q++ {
		fmt.Fprintf(&b, "[[question]]\nid = \"q%02d\"\ndimension = \"d%d\"\nscale = \"agree5\"\ntext = \"Q%d\"\nweight = %d\nreverse = %v\n", q, (q-1)/4+1, q, 1+q%2, q == 12)
	}
	b.WriteString("[[question]]\nid = \"o1\"\nscale = \"agree5\"\ntext = \"Outcome\"\n[[level]]\nid = \"l\"\ntitle = \"L\"\nmin = 0\n")
	r, err := LoadRubric("m.toml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// measureRows draws n respondents' raw points (0 missing) for the 13
// questions of measureRubric: a common factor per dimension, and the
// outcome driven by d1 most, d2 less, d3 not.
func measureRows(n int, seed uint64) [][]int {
	rng := rand.New(rand.NewPCG(seed, 1))
	pt := func(x float64) int { return max(1, min(5, int(math.Round(3+x)))) }
	var rows [][]int
	for range n {
		g := rng.NormFloat64()
		f := [3]float64{g + rng.NormFloat64(), g + rng.NormFloat64(), g + rng.NormFloat64()}
		row := make([]int, 13)
		for q := range 12 {
			// q12 is drawn like the others though the rubric reverses it:
			// a reverse flag set the wrong way.
			x := f[q/4]*0.8 + rng.NormFloat64()
			if rng.IntN(40) > 0 {
				row[q] = pt(x)
			}
		}
		if rng.IntN(30) > 0 {
			row[12] = pt(0.9*f[0] + 0.4*f[1] + rng.NormFloat64())
		}
		rows = append(rows, row)
	}
	return rows
}

func measureCSV(rows [][]int) []byte {
	var b bytes.Buffer
	b.WriteString("id,q01,q02,q03,q04,q05,q06,q07,q08,q09,q10,q11,q12,o1\n")
	for i, r := range rows {
		fmt.Fprintf(&b, "r%d", i)
		for _, p := range r {
			b.WriteByte(',')
			if p > 0 {
				fmt.Fprint(&b, p)
			}
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func scoreMeasure(t *testing.T, r *Rubric, name string, data []byte, opt Options) *Result {
	t.Helper()
	src, err := OpenAnswers(name, bytes.NewReader(data), r, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := NewScorer(r, opt)
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// value is v of a raw point of agree5, reversed for q12.
func value(q, p int) float64 {
	v := float64(p-1) / 4
	if q == 11 {
		v = 1 - v
	}
	return v
}

// textbookAlpha is Cronbach's alpha by the two-pass textbook formula,
// k/(k-1) (1 - Σ var_i / var_total), over rows of item values.
func textbookAlpha(x [][]float64) float64 {
	k := len(x[0])
	tot := make([]float64, len(x))
	var sumVar float64
	for j := range k {
		col := make([]float64, len(x))
		for i := range x {
			col[i] = x[i][j]
			tot[i] += x[i][j]
		}
		sumVar += variance(col)
	}
	return float64(k) / float64(k-1) * (1 - sumVar/variance(tot))
}

func variance(x []float64) float64 {
	var m float64
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	var s float64
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return s / float64(len(x)-1)
}

func pearson(a, b []float64) float64 {
	var ma, mb float64
	for i := range a {
		ma += a[i]
		mb += b[i]
	}
	ma /= float64(len(a))
	mb /= float64(len(b))
	var sab, saa, sbb float64
	for i := range a {
		sab += (a[i] - ma) * (b[i] - mb)
		saa += (a[i] - ma) * (a[i] - ma)
		sbb += (b[i] - mb) * (b[i] - mb)
	}
	return sab / math.Sqrt(saa*sbb)
}

func TestReliabilityAgainstTextbook(t *testing.T) {
	r := measureRubric(t)
	rows := measureRows(3000, 7)
	data := measureCSV(rows)
	fast := scoreMeasure(t, r, "m.csv", data, Options{})
	plain := scoreMeasure(t, r, "m.csv", data, Options{PlainOnly: true})
	for _, res := range []*Result{fast, plain} {
		if len(res.Reliability) != 3 {
			t.Fatalf("reliability: %d dimensions, want 3", len(res.Reliability))
		}
		for d, rr := range res.Reliability {
			var x [][]float64 // complete respondents' values
			for _, row := range rows {
				var v []float64
				for q := 4 * d; q < 4*d+4; q++ {
					if row[q] == 0 {
						break
					}
					v = append(v, value(q, row[q]))
				}
				if len(v) == 4 {
					x = append(x, v)
				}
			}
			if rr.N != len(x) {
				t.Fatalf("d%d: n = %d, want %d", d+1, rr.N, len(x))
			}
			within6(t, fmt.Sprintf("d%d alpha", d+1), *rr.Alpha, textbookAlpha(x))
			for j, it := range rr.Items {
				item, rest := make([]float64, len(x)), make([]float64, len(x))
				var others [][]float64
				for i, v := range x {
					item[i] = v[j]
					for k, w := range v {
						if k != j {
							rest[i] += w
						}
					}
					others = append(others, append(append([]float64{}, v[:j]...), v[j+1:]...))
				}
				within6(t, fmt.Sprintf("d%d %s item-rest", d+1, it.ID), *it.ItemRest, pearson(item, rest))
				within6(t, fmt.Sprintf("d%d %s alpha if deleted", d+1, it.ID), *it.AlphaIfDeleted, textbookAlpha(others))
			}
		}
	}
	// q12 is reversed in the rubric but drawn the other way round: it
	// must be named as behaving like a reverse-keyed question.
	weak := fast.Reliability[2].Weak()
	if len(weak) == 0 || weak[0].ID != "q12" || !strings.Contains(weak[0].Why, "reverse-keyed") {
		t.Errorf("d3 weak items: %+v, want q12 named as reverse-keyed", weak)
	}
}

func within6(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %.9f, want %.9f", what, got, want)
	}
}

// TestReliabilityWorkedExample: the worked example of "How is cronbach
// alpha coefficient calculated" (askan.ai): three items, five
// respondents, (3,4,3) (2,3,4) (4,4,5) (3,2,3) (4,4,4); item variances
// 0.7, 0.8, 0.7, total variance 4.3, alpha = 3/2 (1 - 2.2/4.3) =
// 0.732558... Given twice, to reach the ten respondents alpha needs:
// every variance keeps its ratio, so alpha is the same.
func TestReliabilityWorkedExample(t *testing.T) {
	r, err := LoadRubric("x.toml", []byte(`format = 1
id = "x"
title = "X"
version = "1"
[scales.s]
points = [1, 2, 3, 4, 5]
labels = ["1", "2", "3", "4", "5"]
[[dimension]]
id = "d"
title = "D"
[[question]]
id = "a"
dimension = "d"
scale = "s"
text = "A"
[[question]]
id = "b"
dimension = "d"
scale = "s"
text = "B"
[[question]]
id = "c"
dimension = "d"
scale = "s"
text = "C"
[[level]]
id = "l"
title = "L"
min = 0
`))
	if err != nil {
		t.Fatal(err)
	}
	rows := "a,b,c\n3,4,3\n2,3,4\n4,4,5\n3,2,3\n4,4,4\n"
	res := scoreMeasure(t, r, "x.csv", []byte(rows+rows[6:]), Options{})
	rr := res.Reliability[0]
	if rr.N != 10 || rr.Alpha == nil {
		t.Fatalf("n = %d, alpha %v", rr.N, rr.Alpha)
	}
	within6(t, "alpha", *rr.Alpha, 1.5*(1-2.2/4.3))
	// Five respondents are too few.
	if res := scoreMeasure(t, r, "x.csv", []byte(rows), Options{}); res.Reliability[0].Alpha != nil {
		t.Errorf("alpha of 5 respondents: %v, want null", *res.Reliability[0].Alpha)
	}
}

// TestDriversAgainstSVD checks Johnson's weights against a computation
// from the rows by another route: the SVD of the standardised scores
// Z = U S Vᵀ gives the orthogonal counterparts U Vᵀ, Λ = V S Vᵀ / √(n-1),
// β the criterion's correlations with the counterparts; and R² by
// ordinary least squares.
func TestDriversAgainstSVD(t *testing.T) {
	r := measureRubric(t)
	rows := measureRows(2000, 11)
	data := measureCSV(rows)
	fast := scoreMeasure(t, r, "m.csv", data, Options{})
	plain := scoreMeasure(t, r, "m.csv", data, Options{PlainOnly: true})
	// The rows: respondent dimension scores (weighted, as scored) and outcome.
	var xs [][]float64
	var ys []float64
	for _, row := range rows {
		if row[12] == 0 {
			continue
		}
		x, ok := make([]float64, 3), true
		for d := range 3 {
			var sum, w float64
			for q := 4 * d; q < 4*d+4; q++ {
				if row[q] > 0 {
					wq := float64(1 + (q+1)%2)
					sum += wq * value(q, row[q])
					w += wq
				}
			}
			total := 4.0 + 2 // weights 1,2,1,2 or 2,1,2,1
			if w < 0.5*total {
				ok = false
			}
			x[d] = 100 * sum / w
		}
		if ok {
			xs, ys = append(xs, x), append(ys, float64(row[12]-1)/4)
		}
	}
	n := len(xs)
	z := mat.NewDense(n, 3, nil)
	for d := range 3 {
		col := make([]float64, n)
		for i := range xs {
			col[i] = xs[i][d]
		}
		m, sd := meanOf(col), math.Sqrt(variance(col))
		for i := range col {
			z.Set(i, d, (col[i]-m)/sd)
		}
	}
	var svd mat.SVD
	if !svd.Factorize(z, mat.SVDThin) {
		t.Fatal("svd")
	}
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	s := svd.Values(nil)
	var zc mat.Dense
	zc.Mul(&u, v.T())
	var lam, tmp mat.Dense
	tmp.Mul(&v, mat.NewDiagDense(3, s))
	lam.Mul(&tmp, v.T())
	lam.Scale(1/math.Sqrt(float64(n-1)), &lam)
	beta := make([]float64, 3)
	for k := range 3 {
		beta[k] = pearson(mat.Col(nil, k, &zc), ys)
	}
	want := make([]float64, 3)
	for j := range 3 {
		for k := range 3 {
			want[j] += lam.At(j, k) * lam.At(j, k) * beta[k] * beta[k]
		}
	}
	// R² by least squares on [1 x].
	a := mat.NewDense(n, 4, nil)
	for i := range xs {
		a.Set(i, 0, 1)
		for d := range 3 {
			a.Set(i, d+1, xs[i][d])
		}
	}
	var coef mat.VecDense
	if err := coef.SolveVec(a, mat.NewVecDense(n, ys)); err != nil {
		t.Fatal(err)
	}
	var fit mat.VecDense
	fit.MulVec(a, &coef)
	r2 := 1 - sse(ys, fit.RawVector().Data)/(variance(ys)*float64(n-1))
	for _, res := range []*Result{fast, plain} {
		dr := res.Drivers
		if dr == nil || dr.N != n || dr.Outcome != "o1" {
			t.Fatalf("drivers = %+v, want n %d", dr, n)
		}
		within6(t, "R²", dr.R2, r2)
		var sum float64
		for j, w := range dr.Dimensions {
			within6(t, "weight "+w.ID, w.Weight, want[j])
			sum += w.Weight
		}
		within6(t, "sum of weights", sum, dr.R2)
		if !(dr.Dimensions[0].Weight > dr.Dimensions[1].Weight && dr.Dimensions[1].Weight > dr.Dimensions[2].Weight) {
			t.Errorf("weights %+v: want d1 > d2 > d3, as drawn", dr.Dimensions)
		}
	}
	// Too few respondents: no drivers; a constant dimension: none, never NaN.
	if res := scoreMeasure(t, r, "m.csv", measureCSV(rows[:20]), Options{}); res.Drivers != nil {
		t.Errorf("drivers of 20 respondents: %+v, want null", res.Drivers)
	}
	flat := make([][]int, 100)
	for i := range flat {
		flat[i] = append([]int{3, 3, 3, 3}, rows[i][4:]...)
	}
	if res := scoreMeasure(t, r, "m.csv", measureCSV(flat), Options{}); res.Drivers != nil {
		t.Errorf("drivers with a constant dimension: %+v, want null", res.Drivers)
	}
}

func meanOf(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func sse(y, f []float64) float64 {
	var s float64
	for i := range y {
		s += (y[i] - f[i]) * (y[i] - f[i])
	}
	return s
}

// TestReliabilitySPSSTextbook: the example of Denis, Applied Univariate,
// Bivariate, and Multivariate Statistics (Wiley, 2016), section on
// Cronbach's alpha: ten people, five items scored 3 to 18, and the SPSS
// RELIABILITY output printed beside them: alpha 0.633, Item_1's corrected
// item-total correlation 0.712. The items are given on one scale of 0 to
// 20, so their values are the scores over 20: alpha and correlations do
// not change when every item is scaled alike. The published figures have
// three decimals; the exact ones, computed here from the rows, agree with
// aiready's to 1e-6 on both paths.
func TestReliabilitySPSSTextbook(t *testing.T) {
	var b strings.Builder
	b.WriteString("format = 1\nid = \"denis\"\ntitle = \"D\"\nversion = \"1\"\n[scales.s]\npoints = [")
	var labels []string
	for p := 0; p <= 20; p++ {
		if p > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d", p)
		labels = append(labels, fmt.Sprintf("%q", fmt.Sprintf("p%d", p)))
	}
	b.WriteString("]\nlabels = [" + strings.Join(labels, ", ") + "]\n[[dimension]]\nid = \"d\"\ntitle = \"D\"\n")
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&b, "[[question]]\nid = \"Item_%d\"\ndimension = \"d\"\nscale = \"s\"\ntext = \"Item %d\"\n", i, i)
	}
	b.WriteString("[[level]]\nid = \"l\"\ntitle = \"L\"\nmin = 0\n")
	r, err := LoadRubric("denis.toml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	data := [][]float64{
		{10, 12, 15, 11, 12}, {12, 18, 12, 12, 1}, {8, 16, 14, 14, 4}, {6, 8, 16, 8, 6}, {4, 7, 8, 7, 5},
		{6, 6, 3, 7, 3}, {3, 4, 6, 5, 8}, {7, 3, 7, 9, 9}, {8, 9, 4, 10, 10}, {9, 5, 6, 11, 12},
	}
	csv := "Item_1,Item_2,Item_3,Item_4,Item_5\n"
	var x [][]float64
	for _, row := range data {
		var cells []string
		var v []float64
		for _, p := range row {
			cells = append(cells, fmt.Sprint(p))
			v = append(v, p/20)
		}
		csv += strings.Join(cells, ",") + "\n"
		x = append(x, v)
	}
	for _, opt := range []Options{{}, {PlainOnly: true}} {
		rr := scoreMeasure(t, r, "denis.csv", []byte(csv), opt).Reliability[0]
		if rr.N != 10 || rr.Alpha == nil || rr.Items[0].ItemRest == nil {
			t.Fatalf("n %d, alpha %v", rr.N, rr.Alpha)
		}
		if got := fmt.Sprintf("%.3f", *rr.Alpha); got != "0.633" {
			t.Errorf("alpha %s, SPSS printed 0.633", got)
		}
		if got := fmt.Sprintf("%.3f", *rr.Items[0].ItemRest); got != "0.712" {
			t.Errorf("Item_1's item-rest correlation %s, SPSS printed 0.712", got)
		}
		within6(t, "alpha", *rr.Alpha, textbookAlpha(x))
	}
}
