package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/site/view"
)

// judgementPDF renders testtool.JudgementProject, whose figures are worked
// out by hand there, and returns pdftotext's words.
func judgementPDF(t *testing.T, args ...string) string {
	t.Helper()
	needTool(t, "pdftotext")
	p, err := assess.NewPlan(assess.Settings{Project: testtool.JudgementProject(t)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Result()
	if err != nil {
		t.Fatal(err)
	}
	rep := view.New(res, view.Meta{Title: p.Report.Title, Client: p.Report.Client, Date: p.Report.Date,
		Consultancy: p.Report.Consultancy, Color: p.Report.Color})
	var b bytes.Buffer
	if _, err := Render(&b, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return text(t, append(args, path)...)
}

// Issue 17: every judgement and every change reaches the PDF.
func TestJudgementPDF(t *testing.T) {
	all := judgementPDF(t)
	for _, want := range []string{
		// the added action's body, labelled as the consultant's
		"Added by the consultant",
		"Action 2: " + testtool.JudgementAddedTitle,
		"Consultant’s judgement: added. Why: Seen in the interviews.",
		testtool.JudgementAddedBody,
		"Agree the timetable with them in writing.",
		// the plan's order in words, from the plan as it is
		"first those the consultant put first, then those the consultant added, then those that close the largest gaps",
		// the segment overview: all respondents, then team A; B and C suppressed
		"Segment overview",
		// the cleared flag
		"Red flags since the assessment of " + testtool.JudgementPrevDate,
		"“" + testtool.JudgementFlagTitle + "” is cleared: it was raised at the assessment of 20 May 2026 and is not raised now.",
		"raised (40.0%) not raised (15.4%) cleared",
		// a question's change
		"Average answer, on the scale of 0 to 100: ▲ up 11.5 since the assessment of 20 May 2026.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	// The segment overview's rows, read in layout order: each score with
	// its change below it; B and C suppressed, with no n and no figure.
	lay := judgementPDF(t, "-layout")
	for _, want := range []string{
		"By Team Team n Overall Care for customers Skills for staff " +
			"All respondents 13 69.2 61.5 76.9 ▲ +9.2 ▲ +11.5 ▲ +6.9 " +
			"A 6 70.8 91.7 50.0 ▲ +5.8 ▲ +11.7 = 0.0 " +
			"B – – – – suppressed (to protect a smaller group) " +
			"C – – – – suppressed (fewer than 5)",
		// each dimension's segments, with the change of team A
		"Team A 6 91.7 High ▲ +11.7 B – – suppressed (to protect a smaller group)",
		"Team A 6 50.0 Low = 0.0 B",
	} {
		if !strings.Contains(lay, want) {
			t.Errorf("the PDF (-layout) lacks %q", want)
		}
	}
	if strings.Contains(all, "first those answering a raised red flag") {
		t.Error("the plan's introduction puts red flags first, but the consultant pinned an action")
	}
}

// The priority column never breaks inside a word: "consultant’s
// judgement" stays whole, read in layout order.
func TestPriorityColumnWords(t *testing.T) {
	lay := judgementPDF(t, "-layout")
	if strings.Count(lay, "consultant’s judgement") < 2 {
		t.Errorf("the priority column breaks “consultant’s judgement”:\n%s", lay)
	}
}
