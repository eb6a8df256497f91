package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/testtool"
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
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-q", "--segment", "Role", "--date", "2026-05-20", "-o", first, demo}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build: %s", stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(first, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res map[string]any
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	moved := map[string]float64{"service": 1, "human": -0.5, "upskill": -8, "longterm": 0.25}
	for _, d := range res["dimensions"].([]any) {
		dm := d.(map[string]any)
		dm["score"] = dm["score"].(float64) + moved[dm["id"].(string)]
	}
	prev := filepath.Join(dir, "previous.json")
	b, _ = json.Marshal(res)
	if err := os.WriteFile(prev, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "second")
	if code := run([]string{"build", "-q", "--segment", "Role", "--date", "2026-11-20", "--previous", prev, "-o", out, demo}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("second build: %s", stderr.String())
	}
	md, _ := os.ReadFile(filepath.Join(out, "report.md"))
	page, _ := os.ReadFile(filepath.Join(out, "site", "index.html"))
	outputs := map[string]string{"report.md": string(md), "site/index.html": readerText(string(page))}
	if txt, ok := pdfWords(t, filepath.Join(out, "report.pdf"), "-l", "3"); ok {
		outputs["report.pdf"] = txt
	}
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
	var stdout, stderr bytes.Buffer
	if code := run([]string{"demo", "-q", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("demo: %s", stderr.String())
	}
	page, _ := os.ReadFile(filepath.Join(out, "site", "dimension-upskill.html"))
	md, _ := os.ReadFile(filepath.Join(out, "report.md"))
	outputs := map[string]string{"site": readerText(string(page)), "report.md": strings.Join(strings.Fields(string(md)), " ")}
	if txt, ok := pdfWords(t, filepath.Join(out, "report.pdf")); ok {
		outputs["report.pdf"] = txt
	}
	// rubrics/people-first.toml, [dimension.levels] of upskill, cost-led.
	want := "Changes are announced, but late, and training arrives after go-live."
	for name, s := range outputs {
		if !strings.Contains(s, want) {
			t.Errorf("%s: Upskill's level is not described as it looks in Upskill", name)
		}
		if name == "site" && strings.Contains(s, "Business cases lead with headcount") {
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
	var stdout, stderr bytes.Buffer
	if code := run([]string{"demo", "-q", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("demo: %s", stderr.String())
	}
	page, _ := os.ReadFile(filepath.Join(out, "site", "index.html"))
	md, _ := os.ReadFile(filepath.Join(out, "report.md"))
	outputs := map[string]string{"site": readerText(string(page)), "report.md": strings.Join(strings.Fields(strings.ReplaceAll(string(md), `\_`, "_")), " ")}
	if txt, ok := pdfWords(t, filepath.Join(out, "report.pdf")); ok {
		outputs["report.pdf"] = txt
	}
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
	js, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Gaps []struct {
			Attribute   string  `json:"attribute"`
			Gap         float64 `json:"gap"`
			Significant bool    `json:"significant"`
		} `json:"gaps"`
	}
	if err := json.Unmarshal(js, &res); err != nil {
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
	segs, _ := os.ReadFile(filepath.Join(out, "site", "segments.html"))
	outputs["site"] = readerText(string(segs))
	verdict := "it may still be chance"
	if res.Gaps[widest].Significant {
		verdict = "Too wide to be chance"
	}
	summary := readerText(string(page))
	if !strings.Contains(summary, verdict) {
		t.Errorf("the overview's summary does not say %q of the widest gap", verdict)
	}
	for name, s := range outputs {
		for _, a := range []string{"Role", "Team"} {
			if !strings.Contains(s, "groups of “"+a+"”") && !strings.Contains(s, "groups of "+a) {
				t.Errorf("%s has no perception gap of %s", name, a)
			}
		}
	}
}

// pdfWords is the text of a PDF as pdftotext reads it (args before the
// file, e.g. "-l", "3"), its white space collapsed; ok is false when
// pdftotext is missing, which fails the test under AIREADY_REQUIRE_TOOLS.
func pdfWords(t *testing.T, pdf string, args ...string) (string, bool) {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		testtool.Missing(t, "pdftotext (poppler-utils) is not installed")
		return "", false
	}
	txt, err := exec.Command(pdftotext, append(args, pdf, "-")...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(txt)), " "), true
}
