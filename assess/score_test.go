package assess

import (
	"math"
	"os"
	"reflect"
	"testing"
)

func loadTestRubric(t testing.TB, name string) *Rubric {
	t.Helper()
	data, err := os.ReadFile("testdata/rubrics/" + name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRubric(name, data)
	if err != nil {
		t.Fatalf("LoadRubric: %v", err)
	}
	return r
}

// resp builds a respondent from question id → answer ("" = empty cell).
func resp(r *Rubric, attrs map[string]string, answers map[string]string) *Respondent {
	p := &Respondent{Attributes: attrs, Answers: make([]Cell, len(r.Questions))}
	for id, a := range answers {
		q := r.Question(id)
		p.Answers[q.Index] = Cell{Values: []string{a}, Pos: Position{File: "t.csv", Line: 2, Col: q.Index + 1}}
	}
	return p
}

const eps = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) < eps }

func scoreOf(t *testing.T, p *float64, want float64, what string) {
	t.Helper()
	if p == nil {
		t.Fatalf("%s: no score, want %v", what, want)
	}
	if !near(*p, want) {
		t.Errorf("%s = %.12g, want %.12g", what, *p, want)
	}
}

// The figures below are worked out by hand; see the comments.
func TestScoreWorkedExample(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	s := NewScorer(r, Options{})
	rows := []map[string]string{
		// a: (1*1 + 3*(1-.75))/4 = 43.75; b: (0 + (3-1)/4)/2 = 25
		{"a1": "5", "a2": "Agree", "b1": "Cut", "b2": "y; p, q"},
		// a1 skipped: answered weight 3 >= 2: a = 100; b: only b1, weight 1 >= 1: 100
		{"a1": "Don't know", "a2": "1", "b1": "Service"},
		// a: weight 1 < 2, missing; b1 invalid; b: b2 alone 1/4: 25
		{"a1": "disagree", "b1": "Maybe", "b2": "x", "t": "More training, please."},
		// a: (.5 + 3*.5)/4 = 50; b: (.5 + 1)/2 = 75
		{"a1": " neither ", "a2": "3", "b1": "speed", "b2": "x;y"},
	}
	for _, a := range rows {
		if err := s.Add(resp(r, nil, a)); err != nil {
			t.Fatal(err)
		}
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if res.Respondents != 4 || res.DataQuality.Rows != 4 || res.DataQuality.InvalidCells != 1 {
		t.Errorf("respondents %d rows %d invalid %d", res.Respondents, res.DataQuality.Rows, res.DataQuality.InvalidCells)
	}
	if e := res.DataQuality.Invalid; len(e) != 1 || e[0].Pos.String() != "t.csv:2:3" {
		t.Errorf("invalid cells reported: %v", e)
	}
	a, b := (43.75+100+50)/3, (25.0+100+25+75)/4
	scoreOf(t, res.Dimensions[0].Score, a, "dimension a")
	scoreOf(t, res.Dimensions[1].Score, b, "dimension b")
	if res.Dimensions[0].N != 3 || res.Dimensions[1].N != 4 {
		t.Errorf("n = %d, %d; want 3, 4", res.Dimensions[0].N, res.Dimensions[1].N)
	}
	scoreOf(t, res.Overall.Score, (2*a+b)/3, "overall")
	// f1: 1 of 3 evaluable (the invalid b1 is not evaluable) = .333 >= .3: raised, caps at low.
	if res.Overall.Level != "low" || res.Overall.CappedBy != "f1" || res.Overall.Uncapped != "mid" {
		t.Errorf("overall level %q capped by %q (uncapped %q)", res.Overall.Level, res.Overall.CappedBy, res.Overall.Uncapped)
	}
	wantFlags := []FlagResult{{ID: "f1", Share: 1.0 / 3, Raised: true, Matches: 1, Evaluable: 3},
		{ID: "f2", Share: 1.0 / 3, Raised: true, Matches: 1, Evaluable: 3}}
	if !reflect.DeepEqual(res.Flags, wantFlags) {
		t.Errorf("flags = %+v, want %+v", res.Flags, wantFlags)
	}
	var ids []string
	for _, rc := range res.Recommendations {
		ids = append(ids, rc.ID)
	}
	// Flags by severity, then a-mid (2*(75-64.58) = 20.83) before b-low (75-56.25 = 18.75).
	if want := []string{"f-rec", "g-rec", "a-mid", "b-low"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("plan = %v, want %v", ids, want)
	}
	if p := res.Recommendations[2].Priority; !near(p, 2*(75-a)) {
		t.Errorf("a-mid priority %v", p)
	}
	if p := res.Recommendations[0].Priority; p != 0 {
		t.Errorf("flag recommendation priority %v, want 0", p)
	}
	q := res.Questions
	wantCounts := []map[string]int{
		{"2": 1, "3": 1, "5": 1},
		{"1": 1, "3": 1, "4": 1},
		{"Cut": 1, "Service": 1, "Speed": 1},
		{"x": 2, "y": 2, "p, q": 1},
	}
	wantMeans := []float64{1.75 / 3, 1.75 / 3, 0.5, 1.75 / 3}
	for i, want := range wantCounts {
		if q[i].N != 3 || !reflect.DeepEqual(q[i].Counts, want) {
			t.Errorf("%s: n %d counts %v, want 3 %v", q[i].ID, q[i].N, q[i].Counts, want)
		}
		scoreOf(t, q[i].MeanValue, wantMeans[i], q[i].ID+" mean_value")
	}
	if q[0].Skipped != 1 || q[2].Invalid != 1 {
		t.Errorf("a1 skipped %d, b1 invalid %d", q[0].Skipped, q[2].Invalid)
	}
	if q[4].N != 1 || q[4].MeanValue != nil || q[4].Counts != nil {
		t.Errorf("text question: %+v", q[4])
	}
	if res.Comments != nil {
		t.Errorf("comments without Options.Comments: %v", res.Comments)
	}
}

func TestStrictFailsOnInvalid(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	s := NewScorer(r, Options{Strict: true})
	err := s.Add(resp(r, nil, map[string]string{"b1": "Maybe"}))
	if err == nil || err.Error() != `t.csv:2:3: question "b1": answer "Maybe" is not one of its options; counted as missing` {
		t.Fatalf("err = %v", err)
	}
}

func TestMinAnsweredZeroNeedsAnAnswer(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	r.MinAnswered = 0
	s := NewScorer(r, Options{})
	_ = s.Add(resp(r, nil, map[string]string{"a1": "4"}))
	res, _ := s.Result()
	scoreOf(t, res.Dimensions[0].Score, 75, "a")
	if res.Dimensions[1].Score != nil || res.Dimensions[1].N != 0 {
		t.Errorf("b with no answers: %+v", res.Dimensions[1])
	}
	scoreOf(t, res.Overall.Score, 75, "overall of present dimensions only")
}

func TestNoRespondentsNoScores(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	res, err := NewScorer(r, Options{}).Result()
	if err != nil {
		t.Fatal(err)
	}
	if res.Overall.Score != nil || res.Overall.Level != "" || len(res.Recommendations) != 0 {
		t.Errorf("empty result: %+v", res.Overall)
	}
	for _, f := range res.Flags {
		if f.Raised || f.Share != 0 {
			t.Errorf("flag %s raised with 0 evaluable", f.ID)
		}
	}
}

func TestFlagShareBoundaryIsInclusive(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	r.Flags[0].Share = 0.5
	s := NewScorer(r, Options{})
	_ = s.Add(resp(r, nil, map[string]string{"b1": "Cut"}))
	_ = s.Add(resp(r, nil, map[string]string{"b1": "Service"}))
	res, _ := s.Result()
	if !res.Flags[0].Raised || res.Flags[0].Share != 0.5 {
		t.Errorf("share 1/2 with threshold .5: %+v", res.Flags[0])
	}
}

func TestSegmentsAndSuppression(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	s := NewScorer(r, Options{Segments: []string{"team", "Role"}, MinGroupSize: 3, Comments: true})
	add := func(team, role, a1 string, n int) {
		for i := 0; i < n; i++ {
			_ = s.Add(resp(r, map[string]string{"Team": team, "role": role}, map[string]string{"a1": a1, "a2": "3", "t": "note " + team}))
		}
	}
	add("Ops", "staff", "5", 4)   // a = (1 + 1.5)/4 = 62.5
	add(" ops ", "staff", "1", 1) // same team: a = (0 + 1.5)/4 = 37.5
	add("Sales", "exec", "3", 3)  // a = (.5 + 1.5)/4 = 50
	add("Audit", "exec", "3", 2)  // below 3: suppressed
	add("", "staff", "3", 4)      // team not stated
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]SegmentResult{}
	var order []string
	for _, sg := range res.Segments {
		got[sg.Attribute+"="+sg.Value] = sg
		order = append(order, sg.Attribute+"="+sg.Value)
	}
	// By attribute (case-folded), then value: not the order of --segment.
	wantOrder := []string{"Role=exec", "Role=staff", "team=(not stated)", "team=Audit", "team=Ops", "team=Sales"}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Fatalf("segments %v, want %v", order, wantOrder)
	}
	if a := got["team=Audit"]; !a.Suppressed || a.N != nil || a.Overall != nil || a.Dimensions != nil || a.Why != "small" {
		t.Errorf("Audit: %+v", a)
	}
	// Audit alone is suppressed, so the next smallest (Sales, 3) is too.
	if sl := got["team=Sales"]; !sl.Suppressed || sl.Why != "complementary" || sl.N != nil {
		t.Errorf("Sales: %+v", sl)
	}
	ops := got["team=Ops"]
	if ops.Suppressed || *ops.N != 5 {
		t.Fatalf("Ops: %+v", ops)
	}
	scoreOf(t, ops.Dimensions[0].Score, (4*62.5+37.5)/5, "Ops a")
	if ops.Dimensions[1].Score != nil || ops.Dimensions[1].Suppressed || ops.Dimensions[1].N != 0 {
		t.Errorf("Ops b has no answers: %+v", ops.Dimensions[1])
	}
	if ex := got["Role=exec"]; ex.Suppressed || *ex.N != 5 {
		t.Errorf("exec: %+v", ex)
	}
	if len(res.Comments) != 14 || res.Comments[0].Text != "note" {
		t.Errorf("comments: %d, first %q", len(res.Comments), res.Comments[0].Text)
	}
}

func TestUnknownSegmentIsAnError(t *testing.T) {
	r := loadTestRubric(t, "small.toml")
	s := NewScorer(r, Options{Segments: []string{"Region"}})
	_ = s.Add(resp(r, map[string]string{"Team": "Ops"}, map[string]string{"a1": "4"}))
	if _, err := s.Result(); err == nil || err.Error() != `--segment: segment "Region": no respondent has this attribute; attributes in the input: Team` {
		t.Errorf("err = %v", err)
	}
}

func TestTCritical(t *testing.T) {
	for df, want := range map[int]float64{1: 12.706, 4: 2.776, 30: 2.042, 1000: 1.96} {
		if got := tCritical(df); !near(got, want) {
			t.Errorf("t(%d) = %v, want %v", df, got, want)
		}
	}
}
