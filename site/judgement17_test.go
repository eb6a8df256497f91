package site

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
)

// buildJudgement builds testtool.JudgementProject as `aiready build`
// does and returns its output folder.
func buildJudgement(t *testing.T) string {
	t.Helper()
	dir := testtool.JudgementProject(t)
	out := filepath.Join(dir, "out")
	p, err := assess.NewPlan(assess.Settings{Project: dir, Out: &out})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return out
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Issue 17: a shared site/ offers the PDF, report.md and results.json,
// copied beside its pages (a link to ../report.pdf would point outside
// what a static host publishes), linked from the overview and every
// footer; the copies are the files of the build, listed in its marker.
func TestDownloadsInSite(t *testing.T) {
	out := buildJudgement(t)
	marker := readText(t, filepath.Join(out, ".aiready-output"))
	for _, name := range Downloads {
		if a, b := readText(t, filepath.Join(out, name)), readText(t, filepath.Join(out, "site", name)); a != b {
			t.Errorf("site/%s is not the build's %s", name, name)
		}
		if !strings.Contains(marker, "site/"+name) {
			t.Errorf("the marker does not list site/%s:\n%s", name, marker)
		}
	}
	links := `Download: <a href="report.pdf">PDF report</a> · <a href="report.md" download>Markdown (for Word)</a> · <a href="report.docx" download>Word document</a> · <a href="results.json">results.json</a>`
	pages, _ := filepath.Glob(filepath.Join(out, "site", "*.html"))
	for _, pg := range pages {
		s := readText(t, pg)
		if n := strings.Count(s, links); n < 1 || filepath.Base(pg) == "index.html" && n != 2 {
			t.Errorf("%s links the downloads %d times", filepath.Base(pg), n)
		}
	}
	// A site built on its own (no report beside it) links none.
	if s := readSite(t, build(t, smallReport(t), Options{}))["index.html"]; strings.Contains(string(s), "report.pdf") {
		t.Error("a site without the report beside it links report.pdf")
	}
}

// Issue 17 on the site: the plan's order in words, the added action's
// body, the changes of groups, questions and the cleared flag, figures
// worked out by hand in testtool.JudgementProject; and results.json's
// "previous" keeps SPEC's keys, with the additions beside them.
func TestJudgementSite(t *testing.T) {
	out := buildJudgement(t)
	page := func(name string) string {
		return regexp.MustCompile(`\s+`).ReplaceAllString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(readText(t, filepath.Join(out, "site", name)), " "), " ")
	}
	plan := page("plan.html")
	for _, want := range []string{
		"Actions are numbered in the order to take them up: first those the consultant put first, then those the consultant added, then those that close the largest gaps",
		testtool.JudgementAddedBody,
		"“Cost comes first” is cleared: it was raised at the assessment of 20 May 2026 and is not raised now.",
		"Cost comes first raised (40.0%) not raised (15.4%) cleared",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("plan.html lacks %q", want)
		}
	}
	if !strings.Contains(page("index.html"), "“Cost comes first” is cleared") {
		t.Error("the overview does not say that the red flag is cleared")
	}
	segs := page("segments.html")
	for _, want := range []string{
		"All respondents 13 69.2 , Middling ▲ &#43;9.2 61.5 , Middling ▲ &#43;11.5 76.9 , Middling ▲ &#43;6.9",
		"A 6 70.8 , Middling ▲ &#43;5.8 91.7 , High ▲ &#43;11.7 50.0 , Low = 0.0",
		"B Not shown, to protect a smaller group",
	} {
		if !strings.Contains(segs, want) {
			t.Errorf("segments.html lacks %q:\n%s", want, segs)
		}
	}
	dim := page("dimension-care.html")
	for _, want := range []string{"Average answer, on the scale of 0 to 100: ▲ up 11.5 since the assessment of 20 May 2026.", "91.7 ▲ &#43;11.7"} {
		if !strings.Contains(dim, want) {
			t.Errorf("dimension-care.html lacks %q", want)
		}
	}
	var res struct {
		Previous map[string]json.RawMessage `json:"previous"`
	}
	if err := json.Unmarshal([]byte(readText(t, filepath.Join(out, "results.json"))), &res); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"date", "overall_delta", "dimensions", "rubric_changed", "segments", "questions", "flags"} {
		if _, ok := res.Previous[k]; !ok {
			t.Errorf("results.json's previous lacks %q", k)
		}
	}
	if s := string(res.Previous["date"]); s != `"2026-05-20"` {
		t.Errorf("previous.date %s", s)
	}
	var segsPrev []struct{ Value string }
	json.Unmarshal(res.Previous["segments"], &segsPrev)
	if len(segsPrev) != 1 || segsPrev[0].Value != "A" {
		t.Errorf("previous.segments %s: only A is shown now and then", res.Previous["segments"])
	}
	if s := string(res.Previous["flags"]); !strings.Contains(s, `"raised": false`) || !strings.Contains(s, `"was_raised": true`) {
		t.Errorf("previous.flags %s", s)
	}
}

// TestJudgementPrivacy: teams B (5, hidden to protect C) and C (2) show
// no n and no figure in the new tables of any output: their rows hold no
// digit but C's threshold.
func TestJudgementPrivacy(t *testing.T) {
	out := buildJudgement(t)
	texts := map[string]string{"report.md": readText(t, filepath.Join(out, "report.md"))}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		b, err := exec.Command("pdftotext", "-layout", filepath.Join(out, "report.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		texts["report.pdf"] = string(b)
	} else if testtool.Required() {
		t.Fatal("AIREADY_REQUIRE_TOOLS=1 but pdftotext is not found")
	}
	pages, _ := filepath.Glob(filepath.Join(out, "site", "*.html"))
	for _, pg := range pages {
		s := readText(t, pg)
		for _, row := range rowRE.FindAllString(s, -1) {
			texts[filepath.Base(pg)] += regexp.MustCompile(`<[^>]*>`).ReplaceAllString(row, " ") + "\n"
		}
	}
	digits := regexp.MustCompile(`[0-9]+`)
	rows := 0
	for name, s := range texts {
		for _, ln := range strings.Split(s, "\n") {
			f := strings.Fields(strings.NewReplacer("|", " ", "*", " ", "Team:", " ").Replace(ln))
			if len(f) == 0 || f[0] != "B" && f[0] != "C" {
				continue
			}
			rows++
			d := digits.FindAllString(ln, -1)
			if f[0] == "B" && len(d) > 0 || f[0] == "C" && (len(d) > 1 || len(d) == 1 && d[0] != "5") {
				t.Errorf("%s: a hidden team's row holds a figure: %s", name, ln)
			}
		}
	}
	if rows < 6 {
		t.Errorf("found only %d rows of hidden teams: the scan is broken", rows)
	}
}
