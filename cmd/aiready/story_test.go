package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStoryNamesWhatMoved: the executive summary of a second round is
// told from the figures, and names the dimension that moved most, in the
// site, report.md and the PDF. The previous assessment is the first
// build's results.json with the dimensions' scores moved by hand: Upskill
// 8 points lower then (so up 8.0 now), the others by a point or less.
func TestStoryNamesWhatMoved(t *testing.T) {
	dir := t.TempDir()
	demo := demoAnswers(t)
	first := filepath.Join(dir, "first")
	runOut(t, "build", "-q", "--segment", "Role", "--date", "2026-05-20", "-o", first, demo)
	var res map[string]any
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(first, "results.json"))), &res); err != nil {
		t.Fatal(err)
	}
	moved := map[string]float64{"service": 1, "human": -0.5, "upskill": -8, "longterm": 0.25}
	for _, d := range res["dimensions"].([]any) {
		dm := d.(map[string]any)
		dm["score"] = dm["score"].(float64) + moved[dm["id"].(string)]
	}
	prev := filepath.Join(dir, "previous.json")
	b, _ := json.Marshal(res)
	if err := os.WriteFile(prev, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "second")
	runOut(t, "build", "-q", "--segment", "Role", "--date", "2026-11-20", "--previous", prev, "-o", out, demo)
	outputs := readerOutputs(t, out, []string{"site/index.html"}, nil, "-l", "3")
	for name, s := range outputs {
		// The summary's sentence, not the table's cell: the date, the
		// dimension and its change, as the story words them.
		for _, want := range []string{"Since 20 May 2026:", "Upskill, don't sideline moved most (+8.0)", "is the strongest dimension at", "Groups differ most on"} {
			if !strings.Contains(strings.ReplaceAll(s, "’", "'"), want) {
				t.Errorf("%s: the summary lacks %q", name, want)
			}
		}
	}
}

// TestDimensionLevelText: the demo's Upskill page describes its level as
// it looks in Upskill, not with the organisation-wide level's text (whose
// business cases led by headcount belong to Service), in the site, the
// PDF and report.md.
func TestDimensionLevelText(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo")
	runOut(t, "demo", "-q", out)
	outputs := readerOutputs(t, out, []string{"site/dimension-upskill.html"}, func(md string) string { return strings.Join(strings.Fields(md), " ") })
	// rubrics/people-first.toml, [dimension.levels] of upskill, cost-led.
	want := "Changes are announced, but late, and training arrives after go-live."
	for name, s := range outputs {
		if !strings.Contains(s, want) {
			t.Errorf("%s: Upskill's level is not described as it looks in Upskill", name)
		}
		if name == "site/dimension-upskill.html" && strings.Contains(s, "Business cases lead with headcount") {
			t.Errorf("%s: Upskill's page shows the organisation-wide level's text", name)
		}
	}
}

// TestDemoClaims: the demo's CSAT fell from 78% to 71% while its service
// dimension scores above 60 (rubrics/people-first.toml, check
// service-csat): the one contradicted check shows in the site, the PDF and
// report.md, with its action; a check without a baseline says why.
func TestDemoClaims(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo")
	runOut(t, "demo", "-q", out)
	outputs := readerOutputs(t, out, []string{"site/index.html"}, func(md string) string {
		return strings.Join(strings.Fields(strings.ReplaceAll(md, `\_`, "_")), " ")
	})
	for name, s := range outputs {
		for _, want := range []string{"Claims and evidence", "People say service comes first, but customer satisfaction fell", "−7 percentage points"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	if s := outputs["report.md"]; !strings.Contains(s, "Test the service claim with customers") || !strings.Contains(s, "has no baseline") {
		t.Error("report.md: the contradicted check's action, or why a check cannot be evaluated, is missing")
	}

	// Every segment attribute with gaps has its table of tested gaps (the
	// demo splits by Role and Team), and the summary says of the widest
	// gap whether it could be chance, as results.json tests it.
	var res struct {
		Gaps []struct {
			Attribute   string  `json:"attribute"`
			Gap         float64 `json:"gap"`
			Significant bool    `json:"significant"`
		} `json:"gaps"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "results.json"))), &res); err != nil {
		t.Fatal(err)
	}
	attrs := map[string]bool{}
	widest := -1
	for i, g := range res.Gaps {
		attrs[g.Attribute] = true
		if widest < 0 || g.Gap > res.Gaps[widest].Gap {
			widest = i
		}
	}
	if !attrs["Role"] || !attrs["Team"] {
		t.Fatalf("the demo's results.json has gaps of %v, want Role and Team", attrs)
	}
	verdict := "it may still be chance"
	if res.Gaps[widest].Significant {
		verdict = "Too wide to be chance"
	}
	if !strings.Contains(outputs["site/index.html"], verdict) {
		t.Errorf("the overview's summary does not say %q of the widest gap", verdict)
	}
	// The site's tables of gaps are on the segments page.
	delete(outputs, "site/index.html")
	outputs["site/segments.html"] = readerText(readFile(t, filepath.Join(out, "site", "segments.html")))
	for name, s := range outputs {
		for _, a := range []string{"Role", "Team"} {
			if !strings.Contains(s, "groups of “"+a+"”") && !strings.Contains(s, "groups of "+a) {
				t.Errorf("%s has no perception gap of %s", name, a)
			}
		}
	}
}
