package testtool

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A consultant's project, as issue 17 tried one: branding, a segment,
// notes, a pinned and an added action, and a second round with
// `previous`. Its figures are small enough to work out by hand, and the
// tests of the site, the PDF and report.md check them against the values
// below, never against the program's own output.
//
// Rubric: two dimensions of one question each, a 1-5 scale, so v = (p-1)/4.
// Team A (6): q1 = 5 5 5 5 4 4, q2 = 3 x6. Team B (5): q1 = 3 x5, q2 = 5 x5.
// Team C (2): q1 = 1 1, q2 = 5 5. C is fewer than 5, so suppressed; B,
// the next smallest, is suppressed with it (complementary suppression).
//
//	care (q1): all (4+4+4+4+3+3 + 5*2 + 0) / 4 / 13 = 8/13 = 61.538...; A 5.5/6 = 91.666...
//	skill (q2): all (6*2 + 5*4 + 2*4) / 4 / 13 = 10/13 = 76.923...; A 50
//	overall: all (61.538 + 76.923) / 2 = 69.230...; A (91.667 + 50) / 2 = 70.833...
//	flag cost-first (q1 <= 2): only C's 2 of 13 = 15.4%, below 25%: not raised.
//
// previous.json (20 May 2026): overall 60, care 50, skill 70; A 65, care 80,
// skill 50; B shown then; C suppressed; q1 mean 0.5, q2 0.7; cost-first
// raised at 40%. So now: overall +9.2, care +11.5, skill +6.9; A +5.8,
// care +11.7, skill 0.0; q1 +11.5 and q2 +6.9 on 0-100; cost-first cleared.
const (
	JudgementAddedTitle = "Meet the works council"
	JudgementAddedBody  = "Talk to the works council before any role changes."
	JudgementFlagTitle  = "Cost comes first"
	JudgementPrevDate   = "20 May 2026"
)

const judgementRubric = `format = 1
id = "judge"
title = "Judgement test rubric"
version = "1.0.0"
language = "en"
target = 75

[scales.agree5]
points = [1, 2, 3, 4, 5]
labels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]

[[dimension]]
id = "care"
title = "Care for customers"

[[dimension]]
id = "skill"
title = "Skills for staff"

[[question]]
id = "q1"
dimension = "care"
scale = "agree5"
text = "We judge AI by its effect on customers."

[[question]]
id = "q2"
dimension = "skill"
scale = "agree5"
text = "Staff are trained for the new work."

[[level]]
id = "low"
title = "Low"
min = 0

[[level]]
id = "mid"
title = "Middling"
min = 60

[[level]]
id = "high"
title = "High"
min = 80

[[recommendation]]
id = "care-rec"
dimension = "care"
levels = ["low", "mid"]
title = "Put customers on the scorecard"
horizon = 60
body = "Measure customer outcomes."

[[recommendation]]
id = "skill-rec"
dimension = "skill"
levels = ["low", "mid", "high"]
title = "Train every team"
horizon = 90
body = "Train people."

[[recommendation]]
id = "flag-rec"
flag = "cost-first"
title = "Pause the cuts"
horizon = 30
body = "Pause role cuts."

[[flag]]
id = "cost-first"
title = "Cost comes first"
severity = "high"
share = 0.25
[[flag.when]]
question = "q1"
max = 2
`

const judgementProject = `title = "Fabrikam: AI adoption readiness"
client = "Fabrikam"
date = 2026-11-20
rubric = "rubric.toml"
inputs = ["answers.json"]
segments = ["Team"]
previous = "previous.json"
out = "out"

[brand]
consultancy = "Example Advisory"
color = "#7a3e9d"

[[note]]
dimension = "overall"
body = "The interviews agree with the figures."

[[override]]
recommendation = "skill-rec"
action = "pin"
reason = "The board asked for it first."

[[override]]
recommendation = "own-1"
action = "add"
title = "Meet the works council"
horizon = 30
body = """Talk to the **works council** before any role changes.

Agree the timetable with them in writing."""
reason = "Seen in the interviews."
`

// JudgementProject writes the project into a new folder and returns it.
func JudgementProject(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	var resp []string
	add := func(team string, q1, q2 int) {
		resp = append(resp, fmt.Sprintf(`{"id": "r%d", "attributes": {"Team": %q}, "answers": {"q1": "%d", "q2": "%d"}}`, len(resp)+1, team, q1, q2))
	}
	for _, q1 := range []int{5, 5, 5, 5, 4, 4} {
		add("A", q1, 3)
	}
	for range 5 {
		add("B", 3, 5)
	}
	add("C", 1, 5)
	add("C", 1, 5)
	sum := sha256.Sum256([]byte(judgementRubric))
	prev := `{"format": 1, "date": "2026-05-20",
 "rubric": {"id": "judge", "version": "1.0.0", "sha256": "` + hex.EncodeToString(sum[:]) + `"},
 "respondents": 12,
 "overall": {"score": 60, "level": "mid"},
 "dimensions": [{"id": "care", "score": 50, "level": "low", "n": 12}, {"id": "skill", "score": 70, "level": "mid", "n": 12}],
 "questions": [{"id": "q1", "n": 12, "mean_value": 0.5}, {"id": "q2", "n": 12, "mean_value": 0.7}],
 "segments": [
  {"attribute": "Team", "value": "A", "n": 6, "suppressed": false, "overall": {"score": 65, "level": "mid"},
   "dimensions": [{"id": "care", "score": 80, "level": "high", "n": 6}, {"id": "skill", "score": 50, "level": "low", "n": 6}]},
  {"attribute": "Team", "value": "B", "n": 5, "suppressed": false, "overall": {"score": 41.5, "level": "low"},
   "dimensions": [{"id": "care", "score": 33, "level": "low", "n": 5}, {"id": "skill", "score": 50, "level": "low", "n": 5}]},
  {"attribute": "Team", "value": "C", "suppressed": true}],
 "flags": [{"id": "cost-first", "share": 0.4, "raised": true}],
 "recommendations": [],
 "data_quality": {"rows": 12, "invalid_cells": 0, "unmatched_columns": []}}
`
	files := map[string]string{
		"rubric.toml":     judgementRubric,
		"assessment.toml": judgementProject,
		"answers.json":    `{"respondents": [` + strings.Join(resp, ",\n") + "]}\n",
		"previous.json":   prev,
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
