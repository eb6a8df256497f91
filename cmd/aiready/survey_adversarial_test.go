package main

// Adversarial cases of `aiready questionnaire --format google|xlsform|qsf`
// (issue 22): valid rubrics and options that once gave a survey whose
// export did not score as promised.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuestionnaireSegmentSetAside: a segment whose column `aiready score`
// sets aside in the tool's export (personal data, time stamps, the tool's
// own bookkeeping) is refused before the survey is written, with the
// words `score --segment` would say; an attribute the tool's reader keeps
// ("Score" outside Google Forms) is asked.
func TestQuestionnaireSegmentSetAside(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"google", "xlsform", "qsf"} {
		refused := []string{"Status", "Timestamp", "start", "Email", "Name", "Respondent ID"}
		if format == "google" {
			refused = append(refused, "Score") // Google Forms' quiz column
		}
		for _, seg := range refused {
			out := filepath.Join(dir, format+"-"+strings.ReplaceAll(seg, " ", "_"))
			code, _, stderr := runCLI(t, "questionnaire", "--format", format, "--segment", seg, "-o", out)
			want := `aiready: --segment: segment "` + seg + `": the attribute "` + seg + `" holds `
			if code == 0 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "which aiready never reads or shows") {
				t.Errorf("--format %s --segment %q: exit %d, stderr %q; want a refusal starting %q", format, seg, code, stderr, want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("--format %s --segment %q: the file was written", format, seg)
			}
		}
		// As values too, and from a project's segments.
		code, _, stderr := runCLI(t, "questionnaire", "--format", format, "--segment-values", "Status=Open,Closed", "-o", filepath.Join(dir, "values-"+format))
		if code == 0 || !strings.Contains(stderr, `aiready: --segment: segment "Status"`) {
			t.Errorf("--format %s --segment-values Status=...: exit %d, stderr %q", format, code, stderr)
		}
	}
	proj := filepath.Join(dir, "proj")
	if err := os.MkdirAll(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(proj, "assessment.toml"), []byte("title = \"P\"\ninputs = [\"x.csv\"]\nsegments = [\"Role\", \"E-mail\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "questionnaire", "--format", "qsf", proj, "-o", filepath.Join(dir, "proj.qsf"))
	if code == 0 || !strings.Contains(stderr, `segment "E-mail"`) {
		t.Errorf("a project's segment E-mail: exit %d, stderr %q", code, stderr)
	}
	for _, format := range []string{"xlsform", "qsf"} {
		code, _, stderr := runCLI(t, "questionnaire", "--format", format, "--segment-values", "Score=Low,High", "-q", "-o", filepath.Join(dir, "score-"+format))
		if code != 0 {
			t.Errorf("--format %s --segment Score: exit %d: %s", format, code, stderr)
		}
	}
}

// numericLabels is a valid rubric whose labels are numbers other than
// their points: a scale "1".."5" of points 0..4, and a choice question
// whose options "3" and "1" have the points 1 and 3.
const numericLabels = `format = 1
id = "numeric-labels"
title = "Numeric labels"
version = "1"
[scales.five]
points = [0, 1, 2, 3, 4]
labels = ["1", "2", "3", "4", "5"]
skip = ["Don't know"]
[[dimension]]
id = "d"
title = "D"
[[question]]
id = "q1"
dimension = "d"
scale = "five"
text = "Leaders explain AI decisions."
[[question]]
id = "q2"
dimension = "d"
type = "choice"
text = "Pick one."
options = [
  { label = "3", points = 1 },
  { label = "1", points = 3 },
  { label = "Two", points = 2 },
]
[[question]]
id = "q3"
dimension = "d"
scale = "five"
text = "People are trained in time."
reverse = true
[[level]]
id = "l"
title = "L"
min = 0
`

// TestQuestionnaireQSFNumericLabels: Qualtrics' "numeric values" export
// writes each answer's recode value; for labels that are numbers other
// than the points, a recode of the points ("1" for the label "2") read
// back as the label "1", a silent wrong answer. The export scores to the
// answers put in.
func TestQuestionnaireQSFNumericLabels(t *testing.T) {
	dir := t.TempDir()
	rubric := filepath.Join(dir, "numeric.toml")
	if err := os.WriteFile(rubric, []byte(numericLabels), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := loadRubric(rubric)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := writeQSF(t, dir, "-r", rubric)
	people := craftSurveyPeople(r, nil, 60, 3)
	var meta []string
	for _, m := range qualtricsMeta {
		meta = append(meta, m.tag)
	}
	for _, numeric := range []bool{false, true} {
		file := filepath.Join(dir, fmt.Sprintf("export-%v.csv", numeric))
		if err := os.WriteFile(file, []byte(qualtricsExport(t, f, r, people, "en", numeric)), 0o644); err != nil {
			t.Fatal(err)
		}
		res := scoreSurvey(t, file, rubric)
		checkSurveyFigures(t, filepath.Base(file), r, people, res, meta...)
	}
}
