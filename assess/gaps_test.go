package assess

import (
	"math"
	"strings"
	"testing"
)

// meanVar is the mean and sample variance (n-1 divisor) of xs, worked out
// here from the raw values, independently of the scorer's running sums.
func meanVar(xs []float64) (float64, float64) {
	var m float64
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return m, ss / float64(len(xs)-1)
}

// tTwoSided is the two-sided tail probability of Student's t with nu
// degrees of freedom beyond |t|, by Simpson's rule on the density from 0
// to |t|: an independent check of gonum's incomplete-beta CDF.
func tTwoSided(t, nu float64) float64 {
	lg1, _ := math.Lgamma((nu + 1) / 2)
	lg2, _ := math.Lgamma(nu / 2)
	c := math.Exp(lg1-lg2) / math.Sqrt(nu*math.Pi)
	f := func(x float64) float64 { return c * math.Pow(1+x*x/nu, -(nu+1)/2) }
	const n = 20000
	a := math.Abs(t)
	h := a / n
	sum := f(0) + f(a)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		sum += w * f(float64(i)*h)
	}
	return 1 - 2*sum*h/3
}

// Student's sleep data (Cushny and Peebles, 1905), as in R's datasets::sleep.
// R's documented `t.test(extra ~ group, data = sleep)` (Welch Two Sample
// t-test) prints t = -1.8608, df = 17.776, p-value = 0.07939.
var (
	sleep1 = []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	sleep2 = []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
)

func TestWelchSleep(t *testing.T) {
	m1, v1 := meanVar(sleep1)
	m2, v2 := meanVar(sleep2)
	tt, df, ok := WelchT(m1, v1, 10, m2, v2, 10)
	if !ok || math.Abs(tt-(-1.8608)) > 5e-5 || math.Abs(df-17.776) > 5e-4 {
		t.Errorf("t = %v, df = %v; R prints t = -1.8608, df = 17.776", tt, df)
	}
	p, ok := WelchP(m1, v1, 10, m2, v2, 10)
	if !ok || math.Abs(p-0.07939) > 5e-6 {
		t.Errorf("p = %v; R prints 0.07939", p)
	}
	// The same p from t and df worked out by hand here and the density
	// integrated numerically.
	se := math.Sqrt(v1/10 + v2/10)
	hand := (m1 - m2) / se
	handDF := math.Pow(v1/10+v2/10, 2) / (math.Pow(v1/10, 2)/9 + math.Pow(v2/10, 2)/9)
	if q := tTwoSided(hand, handDF); math.Abs(p-q) > 1e-9 {
		t.Errorf("p = %v, numeric integration %v", p, q)
	}
	// The order of the groups changes only t's sign.
	if p2, _ := WelchP(m2, v2, 10, m1, v1, 10); math.Abs(p2-p) > 1e-15 {
		t.Errorf("swapped p = %v, want %v", p2, p)
	}
}

func TestWelchPAgainstIntegration(t *testing.T) {
	// Fractional df and tails from moderate to tiny.
	for _, c := range []struct{ m1, v1, n1, m2, v2, n2 float64 }{
		{70, 100, 12, 60, 400, 7},
		{55, 225, 40, 50, 144, 35},
		{80, 50, 5, 40, 80, 6},
		{50, 300, 3, 49, 10, 30},
	} {
		p, ok := WelchP(c.m1, c.v1, int(c.n1), c.m2, c.v2, int(c.n2))
		a, b := c.v1/c.n1, c.v2/c.n2
		tt := (c.m1 - c.m2) / math.Sqrt(a+b)
		df := (a + b) * (a + b) / (a*a/(c.n1-1) + b*b/(c.n2-1))
		if q := tTwoSided(tt, df); !ok || math.Abs(p-q) > 1e-8*max(1, q/p) {
			t.Errorf("%+v: p = %v, integration %v", c, p, q)
		}
	}
	if _, ok := WelchP(50, 0, 5, 40, 0, 5); ok {
		t.Error("two groups without spread: p should not be computable")
	}
	if _, ok := WelchP(50, 10, 1, 40, 10, 5); ok {
		t.Error("a group of one: p should not be computable")
	}
}

// Holm's adjustment on the worked example of Wikipedia's "Holm–Bonferroni
// method": p = 0.01, 0.04, 0.03, 0.005 at alpha 0.05 rejects H1 and H4
// only. Adjusted by hand: sorted 0.005, 0.01, 0.03, 0.04 give 4(0.005),
// 3(0.01), 2(0.03), max(0.06, 0.04).
func TestHolmWikipedia(t *testing.T) {
	got := Holm([]float64{0.01, 0.04, 0.03, 0.005})
	want := []float64{0.03, 0.06, 0.06, 0.02}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("Holm = %v, want %v", got, want)
		}
	}
	rejected := []bool{true, false, false, true}
	for i := range got {
		if (got[i] < 0.05) != rejected[i] {
			t.Errorf("H%d rejected = %v, Wikipedia says %v", i+1, got[i] < 0.05, rejected[i])
		}
	}
	// Capped at 1, monotone; ties keep their order.
	if got := Holm([]float64{0.6, 0.5, 0.5}); got[0] != 1 || got[1] != 1 || got[2] != 1 {
		t.Errorf("Holm capped = %v", got)
	}
	if got := Holm(nil); len(got) != 0 {
		t.Errorf("Holm(nil) = %v", got)
	}
}

// Borenstein, Hedges, Higgins and Rothstein (2009), Introduction to
// Meta-Analysis, ch. 4: means 103 and 100, SDs 5.5 and 4.5, n 50 each give
// S_within = 5.0249, d = 0.5970, J = 0.9923 and g = 0.5924.
func TestHedgesGBorenstein(t *testing.T) {
	g, ok := HedgesG(103, 5.5*5.5, 50, 100, 4.5*4.5, 50)
	if !ok || math.Abs(g-0.5924) > 5e-5 {
		t.Errorf("g = %v, Borenstein et al. give 0.5924", g)
	}
	// Student's sleep data: pooled SD by hand from the raw values.
	m1, v1 := meanVar(sleep2)
	m2, v2 := meanVar(sleep1)
	d := (m1 - m2) / math.Sqrt((v1+v2)/2)
	if g, _ := HedgesG(m1, v1, 10, m2, v2, 10); math.Abs(g-d*(1-3.0/71)) > 1e-12 {
		t.Errorf("sleep g = %v, want %v", g, d*(1-3.0/71))
	}
}

// The scorer's gaps: the highest and lowest shown groups, tested on their
// respondents' scores (worked out here from the answers), and never a
// small or complementary-suppressed group.
func TestGapsFromScorer(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	s := NewScorer(r, Options{Segments: []string{"team"}, MinGroupSize: 3})
	// Dimension a: a1 weight 1, a2 (= 3, reversed: 0.5) weight 3, so a
	// respondent scores 25 (v1 + 1.5) with v1 = (a1 - 1) / 4.
	score := func(a1 int) float64 { return 25 * (float64(a1-1)/4 + 1.5) }
	groups := map[string][]int{
		"X":   {1, 2, 3, 4, 5},
		"Y":   {5, 5, 4, 5, 4, 5},
		"Zed": {5, 5},       // small
		"Wee": {3, 3, 4, 1}, // complementary: the smallest shown group
	}
	for team, a1s := range groups {
		for _, a1 := range a1s {
			_ = s.Add(resp(r, map[string]string{"Team": team}, map[string]string{"a1": string(rune('0' + a1)), "a2": "3"}))
		}
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Gaps) != 1 {
		t.Fatalf("gaps %+v, want one (dimension b has no answers)", res.Gaps)
	}
	g := res.Gaps[0]
	if g.Attribute != "team" || g.Dimension != "a" || g.High != "Y" || g.Low != "X" {
		t.Fatalf("gap %+v", g)
	}
	var xs, ys []float64
	for _, a := range groups["X"] {
		xs = append(xs, score(a))
	}
	for _, a := range groups["Y"] {
		ys = append(ys, score(a))
	}
	my, vy := meanVar(ys)
	mx, vx := meanVar(xs)
	if math.Abs(g.Gap-(my-mx)) > 1e-9 {
		t.Errorf("gap %v, want %v", g.Gap, my-mx)
	}
	a, b := vy/6, vx/5
	tt := (my - mx) / math.Sqrt(a+b)
	df := (a + b) * (a + b) / (a*a/5 + b*b/4)
	if p := tTwoSided(tt, df); g.P == nil || math.Abs(*g.P-p) > 1e-8 {
		t.Errorf("p %v, integration %v", g.P, p)
	}
	if g.PAdjusted == nil || *g.PAdjusted != *g.P || g.Significant != (*g.P < 0.05) {
		t.Errorf("one gap: adjusted %v, significant %v", g.PAdjusted, g.Significant)
	}
	wantG := (my - mx) / math.Sqrt((5*vy+4*vx)/9) * (1 - 3.0/(4*11-9))
	if g.HedgesG == nil || math.Abs(*g.HedgesG-wantG) > 1e-9 {
		t.Errorf("g %v, want %v", g.HedgesG, wantG)
	}
	for _, sg := range res.Segments {
		if (sg.Value == "Zed" || sg.Value == "Wee") != sg.Suppressed {
			t.Errorf("segment %s suppressed = %v", sg.Value, sg.Suppressed)
		}
	}
	for _, g := range res.Gaps {
		if strings.Contains(g.High+g.Low, "Zed") || strings.Contains(g.High+g.Low, "Wee") {
			t.Errorf("a suppressed group is named: %+v", g)
		}
	}
}

// Holm runs over every gap of the report, in results.json order.
func TestGapsHolmAcrossAttributes(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	s := NewScorer(r, Options{Segments: []string{"team", "Role"}, MinGroupSize: 3})
	for i, a1 := range []int{1, 2, 3, 4, 5, 5, 5, 4, 5, 4, 2, 1} {
		team := []string{"A", "B"}[i/6]
		role := []string{"r1", "r2"}[i%2]
		_ = s.Add(resp(r, map[string]string{"Team": team, "Role": role}, map[string]string{"a1": string(rune('0' + a1)), "a2": "3"}))
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Gaps) != 2 || res.Gaps[0].Attribute != "Role" || res.Gaps[1].Attribute != "team" {
		t.Fatalf("gaps %+v", res.Gaps)
	}
	want := Holm([]float64{*res.Gaps[0].P, *res.Gaps[1].P})
	for i, g := range res.Gaps {
		if *g.PAdjusted != want[i] || *g.PAdjusted < *g.P {
			t.Errorf("gap %d adjusted %v, want %v", i, *g.PAdjusted, want[i])
		}
	}
}
