package mdreport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/site/view"
)

// judgementMD renders testtool.JudgementProject, whose figures are worked
// out by hand there.
func judgementMD(t *testing.T) string {
	t.Helper()
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
	if err := Render(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Issue 17: every judgement and every change reaches report.md.
func TestJudgementMarkdown(t *testing.T) {
	md := judgementMD(t)
	for _, want := range []string{
		// the added action's body, labelled as the consultant's
		"### Added by the consultant\n\n#### Action 2: Meet the works council\n\n*30 days*\n\n*Consultant’s judgement: added. Why: Seen in the interviews.*\n\n" +
			"> Talk to the **works council** before any role changes.\n>\n> Agree the timetable with them in writing.\n",
		// the plan's order in words, from the plan as it is
		"Actions are numbered in the order to take them up: first those the consultant put first, then those the consultant added, then those that close the largest gaps to the target of 75",
		// the segment overview; B and C suppressed, with no n and no figure
		"## Segment overview\n",
		"| Team | n | Overall | Care for customers | Skills for staff |\n| --- | ---: | ---: | ---: | ---: |\n" +
			"| **All respondents** | 13 | 69.2 (▲ +9.2) | 61.5 (▲ +11.5) | 76.9 (▲ +6.9) |\n" +
			"| A | 6 | 70.8 (▲ +5.8) | 91.7 (▲ +11.7) | 50.0 (= 0.0) |\n" +
			"| B | *suppressed (to protect a smaller group)* | – | – | – |\n" +
			"| C | *suppressed (fewer than 5)* | – | – | – |\n",
		// a dimension's segments, with team A's change
		"| Team: A | 6 | 91.7 (▲ +11.7) | High |",
		// the cleared flag
		"### Red flags since the assessment of 20 May 2026\n\n- **“Cost comes first” is cleared: it was raised at the assessment of 20 May 2026 and is not raised now.**\n",
		"| Cost comes first | raised (40.0%) | not raised (15.4%) | cleared |",
		// a question's change
		"#### q1 We judge AI by its effect on customers.\n\nAverage answer, on the scale of 0 to 100: ▲ up 11.5 since the assessment of 20 May 2026.\n",
		// the priority column keeps its words
		"| 1 | Train every team | Skills for staff | 90 days | consultant’s judgement |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	if strings.Contains(md, "first those answering a raised red flag") {
		t.Error("the plan's introduction puts red flags first, but the consultant pinned an action")
	}
}
