package assess

import (
	"reflect"
	"testing"
	"time"
)

func planIDs(res *Result) []string {
	var ids []string
	for _, rr := range res.Recommendations {
		ids = append(ids, rr.ID)
	}
	return ids
}

func workedResult(t *testing.T) *Result {
	r := loadTestRubric(t, "small.toml")
	s := NewScorer(r, Options{})
	for _, a := range []map[string]string{
		{"a1": "5", "a2": "Agree", "b1": "Cut", "b2": "y; p, q"},
		{"a1": "Don't know", "a2": "1", "b1": "Service"},
		{"a1": "disagree", "b1": "Maybe", "b2": "x"},
		{"a1": "neither", "a2": "3", "b1": "speed", "b2": "x;y"},
	} {
		_ = s.Add(resp(r, nil, a))
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestApplyOverrides(t *testing.T) {
	res := workedResult(t) // plan: f-rec, g-rec, a-mid, b-low
	ApplyOverrides(res, []Override{
		{Recommendation: "a-mid", Action: "drop", Reason: "Already under way."},
		{Recommendation: "b-low", Action: "pin", Reason: "The board asked for it first."},
		{Recommendation: "a-low", Action: "pin", Reason: "Not proposed at this level, but needed."},
		{Recommendation: "own-1", Action: "add", Reason: "Seen in interviews.", Title: "Meet the unions", Horizon: 30, Body: "**First step:** call."},
	}, []Note{{Dimension: "a", Body: "Context."}})
	if want := []string{"b-low", "a-low", "own-1", "f-rec", "g-rec"}; !reflect.DeepEqual(planIDs(res), want) {
		t.Errorf("plan %v, want %v", planIDs(res), want)
	}
	if len(res.Overrides) != 4 || res.Overrides[0].Reason != "Already under way." {
		t.Errorf("overrides %+v", res.Overrides)
	}
	if rc := res.Recommendation("own-1"); rc == nil || rc.Title != "Meet the unions" {
		t.Errorf("added recommendation %+v", rc)
	}
	if o := res.Override("b-low"); o == nil || o.Action != "pin" {
		t.Errorf("override of b-low: %+v", o)
	}
	if len(res.Notes) != 1 {
		t.Errorf("notes %v", res.Notes)
	}
}

func TestCompare(t *testing.T) {
	res := workedResult(t)
	prev := `{"format": 1, "date": "2026-05-20", "rubric": {"id": "small", "version": "0.1.0", "sha256": "` + res.Rubric.SHA256 + `"},
		"overall": {"score": 50}, "dimensions": [{"id": "a", "score": 60}, {"id": "b", "score": null}]}`
	s, err := ReadSnapshot("prev.json", []byte(prev), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	Compare(res, s)
	p := res.Previous
	if p.RubricChanged || p.Date != "2026-05-20" || !near(*p.OverallDelta, *res.Overall.Score-50) {
		t.Fatalf("previous %+v", p)
	}
	if !near(*p.Dimensions[0].Delta, *res.Dimensions[0].Score-60) || p.Dimensions[1].Delta != nil {
		t.Errorf("dimension deltas %+v %+v", p.Dimensions[0], p.Dimensions[1])
	}
	// A changed method shows no deltas.
	s.Rubric.Version = "0.2.0"
	Compare(res, s)
	if !res.Previous.RubricChanged || res.Previous.OverallDelta != nil || len(res.Previous.Dimensions) != 0 {
		t.Errorf("rubric changed: %+v", res.Previous)
	}
}

func TestReadSnapshotErrors(t *testing.T) {
	for in, want := range map[string]string{
		`{"format": 2, "rubric": {}}`: "p.json:1:1: results.json format 2 is not supported; this aiready reads format 1",
		`{"overall": {"score": 1}}`:   `p.json:1:1: not a results.json: it has no "format" and "rubric"`,
		"{\n  \"format\": 1,\n  x":    "p.json:3:3: not a results.json: invalid character 'x' looking for beginning of object key string",
		`{"format": "1"}`:             "p.json:1:14: not a results.json: format is a JSON string where results.json has another type",
	} {
		if _, err := ReadSnapshot("p.json", []byte(in), time.Time{}); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", in, err, want)
		}
	}
}
