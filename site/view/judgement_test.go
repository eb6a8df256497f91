package view

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
)

// judgementReport builds testtool.JudgementProject as `aiready build` reads it.
func judgementReport(t *testing.T) *Report {
	t.Helper()
	p, err := assess.NewPlan(assess.Settings{Project: testtool.JudgementProject(t)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Result()
	if err != nil {
		t.Fatal(err)
	}
	return New(res, Meta{Title: p.Report.Title, Client: p.Report.Client, Date: p.Report.Date, Consultancy: p.Report.Consultancy, Color: p.Report.Color})
}

// The figures are worked out by hand in testtool.JudgementProject.
func TestJudgementChanges(t *testing.T) {
	rep := judgementReport(t)
	ts := rep.SegmentTables()
	if len(ts) != 1 || len(ts[0].Rows) != 4 {
		t.Fatalf("segment tables %+v", ts)
	}
	all, a, b, c := ts[0].Rows[0], ts[0].Rows[1], ts[0].Rows[2], ts[0].Rows[3]
	if all.N != "13" || all.Overall.Score != "69.2" || all.Overall.Change != "▲ +9.2" ||
		all.Dims[0].Score != "61.5" || all.Dims[0].Change != "▲ +11.5" || all.Dims[1].Score != "76.9" || all.Dims[1].Change != "▲ +6.9" {
		t.Errorf("all respondents: %+v", all)
	}
	if a.Group != "A" || a.N != "6" || a.Overall.Score != "70.8" || a.Overall.Change != "▲ +5.8" ||
		a.Dims[0].Score != "91.7" || a.Dims[0].Change != "▲ +11.7" || a.Dims[1].Score != "50.0" || a.Dims[1].Change != "= 0.0" {
		t.Errorf("team A: %+v", a)
	}
	for _, r := range []SegmentRow{b, c} {
		if !r.Suppressed || r.N != "" || r.Overall.Score != "" || r.Dims != nil {
			t.Errorf("suppressed group with figures: %+v", r)
		}
	}
	if b.Why != "suppressed (to protect a smaller group)" || c.Why != "suppressed (fewer than 5)" {
		t.Errorf("why: %q, %q", b.Why, c.Why)
	}
	if rep.SegmentChangeOf("Team", "B", "") != nil || rep.SegmentChangeOf("Team", "C", "care") != nil {
		t.Error("a change for a group suppressed now")
	}
	if s := rep.QuestionChangeText("q1"); s != "Average answer, on the scale of 0 to 100: ▲ up 11.5 since the assessment of 20 May 2026." {
		t.Errorf("q1: %q", s)
	}
	fd := rep.FlagDeltas()
	if len(fd) != 1 || !fd[0].Change.Cleared() || fd[0].Status != "cleared" || fd[0].Then != "raised (40.0%)" || fd[0].Now != "not raised (15.4%)" ||
		fd[0].Text != "“Cost comes first” is cleared: it was raised at the assessment of 20 May 2026 and is not raised now." {
		t.Errorf("flag deltas %+v", fd)
	}
	intro := rep.PlanIntro()
	if !strings.Contains(intro, "first those the consultant put first, then those the consultant added, then those that close the largest gaps") ||
		strings.Contains(intro, "red flag") {
		t.Errorf("plan intro %q", intro)
	}
	if ad := rep.Added(); len(ad) != 1 || ad[0].Rec.Title != testtool.JudgementAddedTitle || ad[0].Rank != 2 {
		t.Errorf("added %+v", ad)
	}
}
