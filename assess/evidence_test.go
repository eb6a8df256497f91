package assess

import (
	"encoding/json"
	"strings"
	"testing"
)

// checksRubric is base with an evidence check, a gap check and a
// recommendation of each of the flag and the evidence check.
const checksRubric = base + `
[[check]]
id = "claim"
title = "C"
dimension = "d"
min = 60
evidence = "csat"
worsened_by = 3
severity = "high"
caps = "low"
body = "B"

[[check]]
id = "two"
title = "Two"
gap = "d"
attribute = "Role"
min = 15

[[recommendation]]
id = "r-flag"
flag = "f"
title = "RF"
horizon = 30

[[recommendation]]
id = "r-claim"
check = "claim"
title = "RC"
horizon = 60
`

func fp(f float64) *float64 { return &f }

func checksResult(t *testing.T, score *float64) *Result {
	t.Helper()
	r, err := LoadRubric("r.toml", []byte(checksRubric))
	if err != nil {
		t.Fatal(err)
	}
	lv := "low"
	if score != nil && *score >= 50 {
		lv = "high"
	}
	res := &Result{RubricDef: r,
		Overall:    Overall{Score: score, Level: lv, Uncapped: lv},
		Dimensions: []DimensionResult{{ID: "d", Score: score, Level: lv}},
		Flags:      []FlagResult{{ID: "f"}},
	}
	res.Recommendations = []RecommendationResult{{ID: "r1", Dimension: "d", Horizon: 30}}
	return res
}

func contradicted(c CheckResult) string {
	if c.Contradicted == nil {
		return "null:" + c.Why
	}
	if *c.Contradicted {
		return "true"
	}
	return "false"
}

func TestEvidenceCheck(t *testing.T) {
	tests := []struct {
		name     string
		score    *float64
		ev       []Evidence
		want     string
		level    string
		cappedBy string
	}{
		// 78 → 71 is 7 points worse; the score 70 claims at least 60.
		{"contradicted", fp(70), []Evidence{{ID: "csat", Value: 71, Baseline: fp(78), Better: "higher"}}, "true", "low", "claim"},
		{"claim not made", fp(59.9), []Evidence{{ID: "csat", Value: 71, Baseline: fp(78), Better: "higher"}}, "false", "high", ""},
		// Both bounds are "at least": 60 and exactly 3 worse.
		{"at the bounds", fp(60), []Evidence{{ID: "csat", Value: 75, Baseline: fp(78), Better: "higher"}}, "true", "low", "claim"},
		{"worse by too little", fp(60), []Evidence{{ID: "csat", Value: 75.1, Baseline: fp(78), Better: "higher"}}, "false", "high", ""},
		{"improved", fp(90), []Evidence{{ID: "csat", Value: 88, Baseline: fp(78), Better: "higher"}}, "false", "high", ""},
		// Lower is better: 10 → 13 is 3 worse; 10 → 7 is better.
		{"lower is better, worse", fp(70), []Evidence{{ID: "csat", Value: 13, Baseline: fp(10), Better: "lower"}}, "true", "low", "claim"},
		{"lower is better, better", fp(70), []Evidence{{ID: "csat", Value: 7, Baseline: fp(10), Better: "lower"}}, "false", "high", ""},
		{"no baseline", fp(70), []Evidence{{ID: "csat", Value: 71, Better: "higher"}}, "null:" + WhyNoBaseline, "high", ""},
		{"no such evidence", fp(70), []Evidence{{ID: "fcr", Value: 71, Baseline: fp(78), Better: "higher"}}, "null:" + WhyNoEvidence, "high", ""},
		{"no evidence at all", fp(70), nil, "null:" + WhyNoEvidence, "high", ""},
		{"no score", nil, []Evidence{{ID: "csat", Value: 71, Baseline: fp(78), Better: "higher"}}, "null:" + WhyNoScore, "low", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checksResult(t, tt.score)
			ApplyChecks(res, tt.ev)
			if got := contradicted(res.Checks[0]); got != tt.want {
				t.Errorf("claim: %s, want %s", got, tt.want)
			}
			if got := contradicted(res.Checks[1]); got != "null:"+WhyNoSegment {
				t.Errorf("two: %s, want null (no segments)", got)
			}
			if res.Overall.Level != tt.level || res.Overall.CappedBy != tt.cappedBy {
				t.Errorf("level %s capped by %q, want %s by %q", res.Overall.Level, res.Overall.CappedBy, tt.level, tt.cappedBy)
			}
			var ids []string
			for _, rr := range res.Recommendations {
				ids = append(ids, rr.ID)
			}
			want := "r1"
			if tt.want == "true" {
				want = "r-claim r1"
			}
			if got := strings.Join(ids, " "); got != want {
				t.Errorf("plan %s, want %s", got, want)
			}
		})
	}
}

func TestGapCheck(t *testing.T) {
	gap := func(g float64, sig bool) []GapResult {
		return []GapResult{{Attribute: "role", Dimension: "d", High: "A", Low: "B", Gap: g, Significant: sig}}
	}
	tests := []struct {
		name  string
		attrs []string
		gaps  []GapResult
		want  string
	}{
		{"contradicted at the bound", []string{"role"}, gap(15, true), "true"},
		{"not significant", []string{"role"}, gap(30, false), "false"},
		{"too small", []string{"role"}, gap(14.9, true), "false"},
		{"other attribute", []string{"Team"}, nil, "null:" + WhyNoSegment},
		{"fewer than two groups", []string{"Role"}, nil, "null:" + WhyFewGroups},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checksResult(t, fp(70))
			res.SegmentAttributes, res.Gaps = tt.attrs, tt.gaps
			ApplyChecks(res, nil)
			if got := contradicted(res.Checks[1]); got != tt.want {
				t.Errorf("two: %s, want %s", got, tt.want)
			}
			if res.Checks[1].Severity != "medium" {
				t.Errorf("severity %q, want the default medium", res.Checks[1].Severity)
			}
			// No caps: the level stays.
			if res.Overall.Level != "high" || res.Overall.CappedBy != "" {
				t.Errorf("level %s capped by %q", res.Overall.Level, res.Overall.CappedBy)
			}
		})
	}
}

// A raised flag and a contradicted check: the flag caps first (both cap
// at low, the flag names it), the plan leads with the check's
// recommendation (high) before the flag's (medium), and applying the
// checks again (the plan after the scorer) changes nothing.
func TestChecksWithFlag(t *testing.T) {
	src := strings.Replace(checksRubric, "title = \"F\"\n", "title = \"F\"\ncaps = \"low\"\n", 1)
	r, err := LoadRubric("r.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res := &Result{RubricDef: r,
		Overall:         Overall{Score: fp(70), Level: "low", Uncapped: "high", CappedBy: "f"},
		Dimensions:      []DimensionResult{{ID: "d", Score: fp(70), Level: "high"}},
		Flags:           []FlagResult{{ID: "f", Raised: true}},
		Recommendations: []RecommendationResult{{ID: "r-flag", Flag: "f", Horizon: 30}},
	}
	ev := []Evidence{{ID: "csat", Value: 71, Baseline: fp(78), Better: "higher", Title: "CSAT"}}
	for i := 0; i < 2; i++ {
		ApplyChecks(res, ev)
		if res.Overall.Level != "low" || res.Overall.CappedBy != "f" {
			t.Errorf("level %s capped by %q, want low by f", res.Overall.Level, res.Overall.CappedBy)
		}
		var ids []string
		for _, rr := range res.Recommendations {
			ids = append(ids, rr.ID)
		}
		if got := strings.Join(ids, " "); got != "r-claim r-flag" {
			t.Errorf("pass %d: plan %s", i, got)
		}
	}
	b, _ := json.Marshal(struct {
		E []EvidenceResult `json:"evidence"`
		C []CheckResult    `json:"checks"`
	}{res.Evidence, res.Checks})
	want := `{"evidence":[{"id":"csat","value":71,"baseline":78,"change":-7,"better":"higher"}],` +
		`"checks":[{"id":"claim","contradicted":true,"severity":"high"},{"id":"two","contradicted":null,"severity":"medium"}]}`
	if string(b) != want {
		t.Errorf("json\n%s\nwant\n%s", b, want)
	}
}

func TestCheckLoadErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown dimension", "dimension = \"d\"\nmin = 60", "dimension = \"x\"\nmin = 60", []string{`r.toml:58:1: check "claim": unknown dimension "x"`}},
		{"unknown gap dimension", `gap = "d"`, `gap = "dd"`, []string{`r.toml:69:1: check "two": unknown dimension "dd"; did you mean "d"?`}},
		{"both kinds", `gap = "d"`, "gap = \"d\"\nevidence = \"csat\"", []string{`r.toml:69:1: check "two": a check takes either evidence`}},
		{"neither kind", "gap = \"d\"\nattribute = \"Role\"\n", "", []string{`r.toml:66:1: check "two": a check needs evidence`}},
		{"bad severity", `severity = "high"`, `severity = "grave"`, []string{`r.toml:62:1: check "claim": severity "grave": use low, medium or high`}},
		{"bad caps", `caps = "low"`, `caps = "lowest"`, []string{`r.toml:63:1: check "claim": unknown level "lowest"`}},
		{"worsened_by zero", "worsened_by = 3", "worsened_by = 0", []string{`r.toml:61:1: check "claim": worsened_by 0 must be greater than 0`}},
		{"worsened_by missing", "worsened_by = 3\n", "", []string{`r.toml:55:1: check "claim": missing required key "worsened_by"`}},
		{"min missing", "min = 15\n", "", []string{`r.toml:66:1: check "two": missing required key "min"`}},
		{"min not a number", "min = 60", `min = "sixty"`, []string{`r.toml:59:1: check "claim": min must be a number, not a string`}},
		{"duplicate id", `id = "two"`, `id = "claim"`, []string{`r.toml:67:1: check "claim": duplicate check id "claim"`}},
		{"attribute on an evidence check", "worsened_by = 3", "worsened_by = 3\nattribute = \"Role\"", []string{`r.toml:62:1: check "claim": attribute is for a gap check`}},
		{"unknown check", `check = "claim"`, `check = "claims"`, []string{`r.toml:81:1: recommendation "r-claim": unknown check "claims"; did you mean "claim"?`}},
		{"check and flag", `check = "claim"`, "check = \"claim\"\nflag = \"f\"", []string{`r.toml:81:1: recommendation "r-claim": give either check, flag`}},
		{"unknown key", `body = "B"`, `boddy = "B"`, []string{`r.toml:64:1: check "claim": unknown key "boddy"; did you mean "body"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(checksRubric, tt.old) {
				t.Fatalf("rubric lacks %q", tt.old)
			}
			_, err := LoadRubric("r.toml", []byte(strings.Replace(checksRubric, tt.old, tt.new, 1)))
			if err == nil {
				t.Fatal("loaded a broken rubric")
			}
			got := Errors(err)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i].Error(), w) {
					t.Errorf("error %d = %q, want %q", i, got[i], w)
				}
			}
		})
	}
}

func TestProjectEvidence(t *testing.T) {
	src := "[[evidence]]\nid = \"csat\"\ntitle = \"CSAT\"\nvalue = 71\nbaseline = 78\nunit = \"%\"\nbetter = \"higher\"\nsource = \"Desk\"\n" +
		"[[evidence]]\nid = \"aht\"\ntitle = \"Handling time\"\nvalue = 4.5\nbetter = \"lower\"\n"
	p, err := LoadProject("a.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Evidence) != 2 || p.Evidence[0].ID != "csat" || *p.Evidence[0].Baseline != 78 || p.Evidence[0].Unit != "%" ||
		p.Evidence[1].Baseline != nil || p.Evidence[1].Value != 4.5 || p.Evidence[1].Better != "lower" {
		t.Fatalf("evidence %+v", p.Evidence)
	}
	r, err := LoadRubric("r.toml", []byte(checksRubric))
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckProject(p, r); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"missing id", "[[evidence]]\ntitle = \"T\"\nvalue = 1\nbetter = \"higher\"\n", []string{`a.toml:1:1: evidence "": missing required key "id"`}},
		{"duplicate id", "[[evidence]]\nid = \"a\"\ntitle = \"T\"\nvalue = 1\nbetter = \"higher\"\n[[evidence]]\nid = \"a\"\ntitle = \"T\"\nvalue = 2\nbetter = \"higher\"\n",
			[]string{`a.toml:7:1: evidence "a": duplicate evidence id "a"`}},
		{"bad better", "[[evidence]]\nid = \"a\"\ntitle = \"T\"\nvalue = 1\nbetter = \"up\"\n", []string{`a.toml:5:1: evidence "a": better "up": use higher or lower`}},
		{"not a number", "[[evidence]]\nid = \"a\"\ntitle = \"T\"\nvalue = \"71%\"\nbetter = \"higher\"\n", []string{`a.toml:4:1: evidence "a": value must be a number, not a string`}},
		{"baseline not a number", "[[evidence]]\nid = \"a\"\ntitle = \"T\"\nvalue = 1\nbaseline = true\nbetter = \"higher\"\n", []string{`a.toml:5:1: evidence "a": baseline must be a number, not a boolean`}},
		{"nan, not a finite number", "[[evidence]]\nid = \"a\"\ntitle = \"T\"\nvalue = nan\nbetter = \"higher\"\n", []string{`a.toml:4:1: evidence "a": value must be a number, not a float`}},
		{"missing value and better", "[[evidence]]\nid = \"a\"\ntitle = \"T\"\n", []string{`a.toml:1:1: evidence "a": missing required key "value"`, `a.toml:1:1: evidence "a": missing required key "better"`}},
		{"unknown key", "[[evidence]]\nid = \"a\"\ntitle = \"T\"\nvalue = 1\nbetter = \"higher\"\nbaseline_value = 2\n", []string{`a.toml:6:1: evidence "a": unknown key "baseline_value"`}},
		// A typo of an id a check names, which the project does not give.
		{"typo of a checked id", "[[evidence]]\nid = \"cast\"\ntitle = \"T\"\nvalue = 1\nbetter = \"higher\"\n", []string{`a.toml:2:6: evidence: no check of rubric "t" tests "cast"; did you mean "csat"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := LoadProject("a.toml", []byte(tt.src))
			if err == nil {
				err = CheckProject(p, r)
			}
			if err == nil {
				t.Fatal("no error")
			}
			got := Errors(err)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got[i].Error() != w && !strings.HasPrefix(got[i].Error(), w) {
					t.Errorf("error %d = %q\n          want %q", i, got[i], w)
				}
			}
		})
	}
}

func TestProjectEvidenceBound(t *testing.T) {
	var b strings.Builder
	for i := 0; i <= maxEvidence; i++ {
		b.WriteString("[[evidence]]\nid = \"e\"\n")
	}
	_, err := LoadProject("a.toml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "more than 1000 evidence figures (1001)") {
		t.Fatalf("err %v", err)
	}
}
