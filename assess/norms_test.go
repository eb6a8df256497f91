package assess

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// resultsJSON is a results.json as build writes it, cut to what norms read
// plus a segment, so that a test can see segments never reach the norms.
func resultsJSON(rubric, version string, respondents int, dims ...any) []byte {
	var ds []string
	for i := 0; i+2 < len(dims); i += 3 {
		score := "null"
		if s, ok := dims[i+1].(float64); ok {
			score = fmt.Sprint(s)
		}
		ds = append(ds, fmt.Sprintf(`{"id": %q, "score": %s, "level": "x", "n": %d}`, dims[i], score, dims[i+2]))
	}
	return fmt.Appendf(nil, `{
  "format": 1,
  "rubric": {"id": %q, "version": %q, "sha256": "ab"},
  "respondents": %d,
  "overall": {"score": 50, "level": "x"},
  "dimensions": [%s],
  "questions": [],
  "segments": [{"attribute": "Team", "value": "Ops", "n": 2, "suppressed": false, "dimensions": [{"id": "a", "score": 3.5, "level": "x", "n": 2}]}],
  "flags": [],
  "recommendations": [],
  "data_quality": {"rows": %d, "invalid_cells": 0, "unmatched_columns": []}
}
`, rubric, version, respondents, strings.Join(ds, ", "), respondents)
}

func mustSource(t *testing.T, data []byte) *NormsSource {
	t.Helper()
	s, err := ReadNormsSource("results.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fold(t *testing.T, n *Norms, data []byte) string {
	t.Helper()
	got, err := n.Fold(mustSource(t, data))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestNormsFoldOnceAndThreshold(t *testing.T) {
	n := NewNorms(5)
	a := resultsJSON("pf", "1", 20, "a", 61.3, 20, "b", 40.0, 4)
	if got := fold(t, n, a); got != FoldAdded {
		t.Fatalf("first add: %s", got)
	}
	if got := fold(t, n, a); got != FoldDuplicate {
		t.Fatalf("second add of the same file: %s", got)
	}
	// The same assessment rebuilt with another date and segment choice is
	// still the same assessment.
	rebuilt := bytes.Replace(a, []byte(`"segments": [`), []byte(`"date": "2027-01-01", "segments": [`), 1)
	rebuilt = bytes.Replace(rebuilt, []byte(`"Ops"`), []byte(`"Sales"`), 1)
	if got := fold(t, n, rebuilt); got != FoldDuplicate {
		t.Fatalf("rebuilt copy: %s", got)
	}
	if got := fold(t, n, resultsJSON("pf", "1", 4, "a", 90.0, 4, "b", 90.0, 4)); got != FoldSmall {
		t.Fatalf("assessment of 4 respondents: %s", got)
	}
	if n.Assessments() != 1 {
		t.Fatalf("assessments = %d, want 1", n.Assessments())
	}
	da, db := n.Dimension("a"), n.Dimension("b")
	if da.N != 1 || da.Counts[61] != 1 {
		t.Errorf("dimension a: n %d, counts[61] %d", da.N, da.Counts[61])
	}
	if db.N != 0 {
		t.Errorf("dimension b answered by 4 was counted: n %d", db.N)
	}
}

func TestNormsRefuseOtherRubric(t *testing.T) {
	n := NewNorms(5)
	fold(t, n, resultsJSON("pf", "1", 20, "a", 50.0, 20))
	for name, data := range map[string][]byte{
		"other id":         resultsJSON("other", "1", 20, "a", 50.0, 20),
		"other version":    resultsJSON("pf", "2", 20, "a", 50.0, 20),
		"other dimensions": resultsJSON("pf", "1", 20, "a", 50.0, 20, "z", 50.0, 20),
	} {
		_, err := n.Fold(mustSource(t, data))
		if err == nil || !strings.HasPrefix(err.Error(), "results.json:3:") {
			t.Errorf("%s: err = %v, want one at the rubric key", name, err)
		}
	}
}

func TestPercentile(t *testing.T) {
	d := &NormsDimension{N: 10}
	d.Counts[40], d.Counts[50], d.Counts[60], d.Counts[70] = 2, 3, 4, 1
	for _, c := range []struct{ score, want float64 }{
		{10, 0},       // below every one
		{40.9, 10},    // 0 below, 2 in the same point: half of them
		{55, 50},      // 2 + 3 below
		{60.2, 70},    // 5 below + 4/2
		{100, 100},    // above every one
		{69.99, 90.0}, // 9 below, none at 69
	} {
		if got := d.Percentile(c.score); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Percentile(%v) = %v, want %v", c.score, got, c.want)
		}
	}
}

func TestNormsApplySuppressedBelowTen(t *testing.T) {
	n := NewNorms(5)
	for i := range MinNormsAssessments - 1 {
		fold(t, n, resultsJSON("pf", "1", 20+i, "a", float64(10*i), 20, "b", nil, 0))
	}
	res := &Result{Rubric: RubricRef{ID: "pf", Version: "1"}, Dimensions: []DimensionResult{{ID: "a", Score: ptr(45.0)}, {ID: "b"}}}
	if err := n.Apply(res); err != nil {
		t.Fatal(err)
	}
	if !res.Norms.Suppressed || res.Norms.Dimensions != nil || res.Norms.Assessments != 9 {
		t.Fatalf("9 assessments: %+v, want suppressed without dimensions", res.Norms)
	}
	fold(t, n, resultsJSON("pf", "1", 99, "a", 95.0, 20, "b", nil, 0))
	if err := n.Apply(res); err != nil {
		t.Fatal(err)
	}
	nr := res.Norms
	if nr.Suppressed || nr.Assessments != 10 || len(nr.Dimensions) != 2 {
		t.Fatalf("10 assessments: %+v", nr)
	}
	// a: 0, 10, ..., 80, 95; 45 is above five of them.
	if p := nr.Dimensions[0].Percentile; p == nil || *p != 50 {
		t.Errorf("percentile of a = %v, want 50", p)
	}
	if nr.Dimensions[1].Percentile != nil {
		t.Errorf("dimension b without scores got a percentile")
	}
	res.Rubric.Version = "2"
	if err := n.Apply(res); err == nil || !strings.Contains(err.Error(), "cannot be compared") {
		t.Errorf("other version: %v", err)
	}
}

func ptr(f float64) *float64 { return &f }

// TestNormsNeverHoldSmallGroups folds random assessments in random order:
// the norms count exactly the dimensions of assessments that reach the
// threshold, the file reads back to the same bytes, and the order of
// adding does not change them.
func TestNormsNeverHoldSmallGroups(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const minGroup = 5
	var files [][]byte
	wantN := map[string]int{}
	for range 200 {
		resp := rng.IntN(12)
		var dims []any
		for _, id := range []string{"a", "b", "c"} {
			n := rng.IntN(resp + 1)
			dims = append(dims, id, rng.Float64()*100, n)
			if resp >= minGroup && n >= minGroup {
				wantN[id]++
			}
		}
		files = append(files, resultsJSON("pf", "1", resp, dims...))
	}
	write := func(order []int) []byte {
		n := NewNorms(minGroup)
		for _, i := range order {
			fold(t, n, files[i])
		}
		for _, d := range n.Dimensions {
			if d.N != wantN[d.ID] {
				t.Errorf("dimension %s counts %d assessments, want %d", d.ID, d.N, wantN[d.ID])
			}
		}
		var b bytes.Buffer
		if _, err := n.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	order := rng.Perm(len(files))
	first := write(order)
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	if second := write(order); !bytes.Equal(first, second) {
		t.Error("the order of adding changed the norms file")
	}
	back, err := ReadNorms("norms.toml", bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	back.WriteTo(&again)
	if !bytes.Equal(first, again.Bytes()) {
		t.Errorf("read and written again, the file changed:\n%s\n---\n%s", first, again.Bytes())
	}
	if bytes.Contains(first, []byte("Ops")) {
		t.Error("a segment reached the norms")
	}
}

func TestReadNormsErrors(t *testing.T) {
	key := strings.Repeat("a", 64)
	good := "format = 1\nrubric = \"pf\"\nversion = \"1\"\nmin_group_size = 5\nsources = [\"" + key + "\"]\n[[dimension]]\nid = \"a\"\nn = 1\ncounts = [[50, 1]]\n"
	if _, err := ReadNorms("norms.toml", strings.NewReader(good)); err != nil {
		t.Fatalf("good file: %v", err)
	}
	for _, c := range []struct{ name, from, to, want string }{
		{"format", "format = 1", "format = 2", "norms.toml:1:1: norms format 2"},
		{"unknown key", "version = \"1\"", "version = \"1\"\nextra = 1", "norms.toml:4:1: unknown key \"extra\""},
		{"bad key", key, "XYZ", "norms.toml:5:12: sources[0] is not a sha256"},
		{"score out of range", "[[50, 1]]", "[[101, 1]]", "norms.toml:9:11: counts[0] must be"},
		{"n mismatch", "n = 1", "n = 2", "norms.toml:8:1: dimension \"a\": n = 2"},
		{"syntax", "id = \"a\"", "id = ", "norms.toml:7:"},
		{"missing rubric", "rubric = \"pf\"\n", "", "norms.toml:1:1: missing required key \"rubric\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadNorms("norms.toml", strings.NewReader(strings.Replace(good, c.from, c.to, 1)))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestReadNormsSourceErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`{"format": 1,`, "results.json:1:"},
		{`{"format": 2, "rubric": {"id": "a"}, "dimensions": []}`, "format 2 is not supported"},
		{`{"respondents": 3}`, `not a results.json`},
		{"{\n\"format\": \"one\"}", "results.json:2:"},
	} {
		if _, err := ReadNormsSource("results.json", []byte(c.data)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.data, err, c.want)
		}
	}
}
