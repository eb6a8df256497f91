package assess

import (
	"errors"
	"testing"
	"time"
)

func f64(v float64) *float64 { return &v }

// TestCompareMore: the change of each group shown now and then, of each
// question and of each red flag; none for a group suppressed now or then,
// or for a cell suppressed now; none at all when the rubric changed.
func TestCompareMore(t *testing.T) {
	ref := RubricRef{ID: "r", Version: "1", SHA256: "ab"}
	n := 6
	res := &Result{Rubric: ref, Overall: Overall{Score: f64(50)},
		Dimensions: []DimensionResult{{ID: "d", Score: f64(50)}},
		Questions:  []QuestionResult{{ID: "q1", MeanValue: f64(0.6)}, {ID: "q2", MeanValue: f64(0.5)}, {ID: "t"}},
		Segments: []SegmentResult{
			{Attribute: "Team", Value: "A", N: &n, Overall: &Overall{Score: f64(70)}, Dimensions: []DimensionResult{{ID: "d", Score: f64(70)}, {ID: "e", Suppressed: true}}},
			{Attribute: "Team", Value: "B", Suppressed: true},                         // suppressed now, shown then
			{Attribute: "Team", Value: "C", N: &n, Overall: &Overall{Score: f64(40)}}, // suppressed then
			{Attribute: "Team", Value: "D", N: &n, Overall: &Overall{Score: f64(40)}}, // not there then
		},
		Flags: []FlagResult{{ID: "f", Share: 0.1}, {ID: "g", Share: 0.5, Raised: true}, {ID: "h", Share: 0.3, Raised: true}},
	}
	prev := `{"format": 1, "date": "2026-05-20", "rubric": {"id": "r", "version": "1", "sha256": "ab"},
	 "overall": {"score": 40}, "dimensions": [{"id": "d", "score": 45}],
	 "questions": [{"id": "q1", "mean_value": 0.5}, {"id": "q2"}],
	 "segments": [
	  {"attribute": "Team", "value": "A", "n": 6, "suppressed": false, "overall": {"score": 60},
	   "dimensions": [{"id": "d", "score": 65}, {"id": "e", "score": 30}]},
	  {"attribute": "Team", "value": "B", "n": 6, "suppressed": false, "overall": {"score": 10}},
	  {"attribute": "Team", "value": "C", "suppressed": true}],
	 "flags": [{"id": "f", "share": 0.4, "raised": true}, {"id": "g", "share": 0.1, "raised": false}]}`
	s, err := ReadSnapshot("prev.json", []byte(prev), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	Compare(res, s)
	p := res.Previous
	if *p.OverallDelta != 10 || *p.Dimensions[0].Delta != 5 {
		t.Errorf("SPEC's deltas changed: %+v", p)
	}
	if len(p.Segments) != 1 || p.Segments[0].Value != "A" || *p.Segments[0].OverallDelta != 10 ||
		*p.Segments[0].Dimensions[0].Delta != 5 || p.Segments[0].Dimensions[1].Delta != nil {
		t.Errorf("segments %+v", p.Segments)
	}
	if len(p.Questions) != 2 || !near(*p.Questions[0].Delta, 0.1) || p.Questions[1].Delta != nil {
		t.Errorf("questions %+v", p.Questions)
	}
	if len(p.Flags) != 2 || !p.Flags[0].Cleared() || !p.Flags[1].New() || !near(p.Flags[0].ShareDelta, -0.3) {
		t.Errorf("flags %+v", p.Flags)
	}
	s.Rubric.Version = "2"
	Compare(res, s)
	if p := res.Previous; p.Segments != nil || p.Questions != nil || p.Flags != nil {
		t.Errorf("a changed rubric shows changes: %+v", p)
	}
}

// TestReadSnapshotMoreLimits: a group's score, a mean value and a share
// outside their ranges, and a group listed twice, are refused.
func TestReadSnapshotMoreLimits(t *testing.T) {
	head := `{"format": 1, "rubric": {"id": "r", "version": "1", "sha256": "ab"}, "overall": {"score": 40}, "dimensions": [], `
	for _, body := range []string{
		`"segments": [{"attribute": "Team", "value": "A", "overall": {"score": 101}}]}`,
		`"segments": [{"attribute": "Team", "value": "A", "dimensions": [{"id": "d", "score": -1}]}]}`,
		`"segments": [{"attribute": "Team", "value": "A"}, {"attribute": "Team", "value": "A"}]}`,
		`"questions": [{"id": "q", "mean_value": 1.5}]}`,
		`"flags": [{"id": "f", "share": 2, "raised": true}]}`,
	} {
		if _, err := ReadSnapshot("prev.json", []byte(head+body), time.Time{}); !errors.Is(err, ErrEarlier) {
			t.Errorf("%s: %v", body, err)
		}
	}
}
