package view

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
)

// TestScalePointsWithZeros: a 0-10 scale's bars show the counts of 0 and
// 10, not of "" and 1 (the keys that trimming zeros off "0" and "10"
// gave).
func TestScalePointsWithZeros(t *testing.T) {
	const rubric = `format = 1
id = "nps"
title = "NPS"
version = "1.0.0"
target = 75

[[level]]
id = "start"
title = "Start"
min = 0

[scales.ten]
points = [0, 1, 5, 10]
labels = ["Never", "Hardly", "Maybe", "Surely"]

[[dimension]]
id = "d"
title = "D"
weight = 1

[[question]]
id = "q1"
dimension = "d"
scale = "ten"
text = "Would you recommend it?"
`
	r, err := assess.LoadRubric("nps.toml", []byte(rubric))
	if err != nil {
		t.Fatal(err)
	}
	src, err := assess.OpenAnswers("a.csv", strings.NewReader("q1\n0\n0\n0\n10\n10\n1\n5\n"), r, assess.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := assess.NewScorer(r, assess.Options{})
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	q := New(res, Meta{}).Dimensions[0].Questions[0]
	want := map[string]int{"Never": 3, "Hardly": 1, "Maybe": 1, "Surely": 2}
	for _, b := range q.Bars {
		if b.Count != want[b.Label] {
			t.Errorf("%s: count %d, want %d", b.Label, b.Count, want[b.Label])
		}
	}
	if len(q.Bars) != len(want) {
		t.Errorf("%d bars, want %d", len(q.Bars), len(want))
	}
}
