package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// claimsRubric is figuresRubric (Service first 56.25, Humans kept 31.25,
// overall 43.75; its red flag is raised but caps nothing) with the "high"
// level from 40, so that the scores alone place it high, and four checks,
// one of each outcome of SPEC's "Evidence against perception":
//
//	svc-csat:  Service first 56.25 >= 50 while CSAT fell 78 -> 71, 7 points
//	           worse (>= 3): contradicted; it caps the level at "low".
//	hum-escal: Humans kept 31.25 >= 30, but escalations (lower is better)
//	           went 15 -> 12, better: not contradicted.
//	svc-fcr:   FCR has no baseline: cannot be evaluated.
//	two:       the answers are not split by Role: cannot be evaluated.
var claimsRubric = strings.Replace(figuresRubric, "title = \"High\"\nmin = 60\n", "title = \"High\"\nmin = 40\n", 1) + `[[check]]
id = "svc-csat"
title = "Service is claimed while CSAT fell"
dimension = "svc"
min = 50
evidence = "csat"
worsened_by = 3
severity = "high"
caps = "low"
body = "Ask the customers, not the staff."
[[check]]
id = "hum-escal"
title = "Oversight is claimed while escalations worsened"
dimension = "hum"
min = 30
evidence = "escal"
worsened_by = 2
[[check]]
id = "svc-fcr"
title = "Service is claimed while FCR fell"
dimension = "svc"
min = 50
evidence = "fcr"
worsened_by = 3
[[check]]
id = "two"
title = "Two stories about humans"
gap = "hum"
attribute = "Role"
min = 15
[[recommendation]]
id = "ask-customers"
check = "svc-csat"
title = "Survey the customers this quarter"
horizon = 30
[[recommendation]]
id = "svc-basics"
dimension = "svc"
levels = ["low", "high"]
title = "Service basics"
horizon = 60
`

const claimsAssessment = `title = "Claims"
date = 2026-11-20
rubric = "rubric.toml"
inputs = ["answers.csv"]
min_group_size = 5

[[evidence]]
id = "csat"
title = "Customer satisfaction"
value = 71
baseline = 78
unit = "%"
better = "higher"
source = "Desk export Q3"

[[evidence]]
id = "escal"
title = "Escalations per 1000 contacts"
value = 12
baseline = 15
better = "lower"

[[evidence]]
id = "fcr"
title = "First-contact resolution"
value = 64
unit = "%"
better = "higher"
`

// TestClaimsEveryOutput: the contradicted, the false and both kinds of
// null outcome, from crafted figures, in results.json, the site, the PDF
// and report.md, with the contradicted check's cap and its action first.
func TestClaimsEveryOutput(t *testing.T) {
	if !strings.Contains(claimsRubric, "title = \"High\"\nmin = 40\n") {
		t.Fatal("figuresRubric's high level is no longer at 60: adapt claimsRubric")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"rubric.toml": claimsRubric, "answers.csv": figuresAnswers, "assessment.toml": claimsAssessment})
	out := filepath.Join(dir, "out")
	runOut(t, "build", "-q", "-o", out, dir)

	var res struct {
		Overall struct {
			Level    string `json:"level"`
			CappedBy string `json:"capped_by"`
		} `json:"overall"`
		Evidence []struct {
			ID       string   `json:"id"`
			Change   *float64 `json:"change"`
			Baseline *float64 `json:"baseline"`
		} `json:"evidence"`
		Checks []struct {
			ID           string `json:"id"`
			Contradicted *bool  `json:"contradicted"`
			Severity     string `json:"severity"`
		} `json:"checks"`
		Recommendations []struct {
			ID    string `json:"id"`
			Check string `json:"check"`
		} `json:"recommendations"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "results.json"))), &res); err != nil {
		t.Fatal(err)
	}
	outcome := func(b *bool) string {
		if b == nil {
			return "null"
		}
		if *b {
			return "true"
		}
		return "false"
	}
	var got []string
	for _, c := range res.Checks {
		got = append(got, c.ID+"="+outcome(c.Contradicted)+"/"+c.Severity)
	}
	if want := "svc-csat=true/high hum-escal=false/medium svc-fcr=null/medium two=null/medium"; strings.Join(got, " ") != want {
		t.Errorf("results.json checks: %s, want %s", strings.Join(got, " "), want)
	}
	if res.Overall.Level != "low" || res.Overall.CappedBy != "svc-csat" {
		t.Errorf("overall level %q capped by %q, want low by svc-csat", res.Overall.Level, res.Overall.CappedBy)
	}
	if len(res.Evidence) != 3 || res.Evidence[0].Change == nil || *res.Evidence[0].Change != -7 ||
		*res.Evidence[1].Change != -3 || res.Evidence[2].Change != nil {
		t.Errorf("results.json evidence: %+v, want changes -7, -3 and none", res.Evidence)
	}
	if len(res.Recommendations) < 2 || res.Recommendations[0].ID != "ask-customers" || res.Recommendations[0].Check != "svc-csat" {
		t.Errorf("the contradicted check's action does not lead the plan: %+v", res.Recommendations)
	}

	outputs := readerOutputs(t, out, []string{"site/index.html"}, func(md string) string {
		return strings.Join(strings.Fields(strings.NewReplacer(`\_`, "_", `\-`, "-", `\.`, ".").Replace(md)), " ")
	})
	for name, s := range outputs {
		for _, want := range []string{
			"Claims and evidence",
			"Service is claimed while CSAT fell", "Contradicted",
			"Oversight is claimed while escalations worsened", "Not contradicted",
			"the figure “fcr” has no baseline to compare with",
			"the answers were not split by “Role”",
			"Customer satisfaction: 71%", "before: 78%", "−7 percentage points: worse",
			"Escalations per 1000 contacts: 12", "before: 15", "−3: better",
			"Source: Desk export Q3",
			"First-contact resolution: 64%", "no baseline given",
			"is contradicted the overall level is at most Low",
			"Survey the customers this quarter",
			"1 claim of the answers is contradicted by the evidence: “Service is claimed while CSAT fell”.",
		} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	if t.Failed() {
		for name, s := range outputs {
			t.Logf("%s:\n%s", name, truncateForLog(s))
		}
	}
}
