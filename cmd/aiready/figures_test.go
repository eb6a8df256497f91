package main

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"
)

// figuresRubric has two dimensions of one five-point question each and a
// red flag on the first question's weakest answer.
const figuresRubric = `format = 1
id = "figures"
title = "Figures test"
version = "1"
target = 70
[scales.a5]
points = [1, 2, 3, 4, 5]
labels = ["SD", "D", "N", "A", "SA"]
[[dimension]]
id = "svc"
title = "Service first"
[[dimension]]
id = "hum"
title = "Humans kept"
[[question]]
id = "qa"
dimension = "svc"
scale = "a5"
text = "Question about service"
[[question]]
id = "qb"
dimension = "hum"
scale = "a5"
text = "Question about humans"
[[level]]
id = "low"
title = "Low"
min = 0
[[level]]
id = "high"
title = "High"
min = 60
[[flag]]
id = "cuts"
title = "Cuts come first"
severity = "high"
share = 0.1
[[flag.when]]
question = "qa"
max = 1
`

// The answers, and the figures by hand. On a 1-5 scale v = (p - 1) / 4.
//
//	qa: 5 5 4 4 3 2 2 1 -> v 1, 1, .75, .75, .5, .25, .25, 0; sum 4.5
//	    Service first = 100 * 4.5 / 8 = 56.25 -> "56.3" (half away from zero)
//	qb: 2 2 2 2 2 2 3 3 -> v .25 x 6, .5 x 2; sum 2.5
//	    Humans kept = 100 * 2.5 / 8 = 31.25 -> "31.3"
//	overall = (56.25 + 31.25) / 2 = 43.75 -> "43.8"
//	flag "cuts" (qa <= 1): R8 alone, 1 of 8 = 12.5% -> "12.5%" (>= 10%: raised)
//
// The last assessment (figuresPrevious) had overall 42.5, Service first
// 55 and Humans kept 32.5, so the changes are
//
//	overall 43.75 - 42.5 = +1.25 -> "up 1.3"
//	Service first 56.25 - 55 = +1.25 -> "+1.3"
//	Humans kept 31.25 - 32.5 = -1.25 -> "−1.3" (a true minus)
//
// and the dates are 20 November 2026 (this one) and 20 May 2026 (the last).
const figuresAnswers = `id,qa,qb
R1,5,2
R2,5,2
R3,4,2
R4,4,2
R5,3,2
R6,2,2
R7,2,3
R8,1,3
`

func figuresPrevious(rubricSHA string) string {
	return `{"format": 1, "date": "2026-05-20",
 "rubric": {"id": "figures", "version": "1", "sha256": "` + rubricSHA + `"},
 "respondents": 8,
 "overall": {"score": 42.5, "level": "low"},
 "dimensions": [{"id": "svc", "score": 55, "level": "low", "n": 8}, {"id": "hum", "score": 32.5, "level": "low", "n": 8}]}
`
}

// TestFiguresSameEverywhere: each figure reads the same in `aiready
// score`, the site, the PDF and report.md: scores with one decimal, halves
// away from zero; a flag's share with one decimal; a change signed.
func TestFiguresSameEverywhere(t *testing.T) {
	dir := t.TempDir()
	sum := sha256.Sum256([]byte(figuresRubric))
	files := map[string]string{
		"rubric.toml":   figuresRubric,
		"answers.csv":   figuresAnswers,
		"previous.json": figuresPrevious(hex.EncodeToString(sum[:])),
		"assessment.toml": "title = \"Figures\"\ndate = 2026-11-20\nrubric = \"rubric.toml\"\n" +
			"inputs = [\"answers.csv\"]\nprevious = \"previous.json\"\nmin_group_size = 5\n",
	}
	writeFiles(t, dir, files)
	out := filepath.Join(dir, "out")
	runOut(t, "build", "-q", "-o", out, dir)
	score := runOut(t, "score", "-q", "-r", filepath.Join(dir, "rubric.toml"), "--previous", filepath.Join(dir, "previous.json"),
		"--date", "2026-11-20", filepath.Join(dir, "answers.csv"))
	outputs := readerOutputs(t, out, []string{"site/index.html", "site/plan.html"}, nil, "-layout")
	outputs["score"] = string(score)

	all := []string{"score", "site/index.html", "report.md", "report.pdf"}
	flag := append([]string{"site/plan.html"}, all...)
	reports := all
	for _, c := range []struct {
		what, want string
		in         []string
	}{
		{"the score of Service first", "56.3", all},
		{"the score of Humans kept", "31.3", all},
		{"the overall score", "43.8", all},
		{"the share of the raised flag", "12.5%", flag},
		{"the change of Service first", "+1.3", reports},
		{"the change of Humans kept", "−1.3", reports},
		{"the change of the overall score", "up 1.3", reports},
		{"the assessment's date", "20 November 2026", reports},
		{"the last assessment's date", "20 May 2026", reports},
	} {
		for _, name := range c.in {
			if s := outputs[name]; !strings.Contains(s, c.want) {
				t.Errorf("%s: %s is not %q", name, c.what, c.want)
			}
		}
	}
	// The same figures, written another way, appear nowhere.
	// (A share of answers is a whole percentage: "13%" is SD's 1 of 8 on
	// the dimension pages, not the flag.)
	for _, wrong := range []string{"56.2", "31.2", "12% of", "13% of", "+1.2", "−1.2", "-1.3", "up 1.2"} {
		for name, s := range outputs {
			if strings.Contains(s, wrong) {
				t.Errorf("%s shows %q", name, wrong)
			}
		}
	}
	if t.Failed() {
		for name, s := range outputs {
			t.Logf("%s:\n%s", name, truncateForLog(s))
		}
	}
}
