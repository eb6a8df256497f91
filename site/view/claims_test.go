package view

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
)

func fp(f float64) *float64 { return &f }

// TestFigureWords: a change of a percentage is in percentage points, with
// its plural; any other unit is written as given; the direction of
// "better" decides the verdict, not the sign.
func TestFigureWords(t *testing.T) {
	figs := []assess.EvidenceResult{
		{Title: "CSAT", Value: 71, Baseline: fp(78), Change: fp(-7), Unit: "%", Worse: true},
		{Title: "FCR", Value: 63, Baseline: fp(62), Change: fp(1), Unit: "%"},
		{Title: "Wait", Value: 4.5, Baseline: fp(3), Change: fp(1.5), Unit: "min", Worse: true},
		{Title: "Complaints", Value: 120, Baseline: fp(120), Change: fp(0)},
		{Title: "Hours", Value: 12.25, Source: "HR"},
	}
	want := map[string][]string{
		"en": {
			"CSAT: 71% · before: 78% · change −7 percentage points: worse",
			"FCR: 63% · before: 62% · change +1 percentage point: better",
			"Wait: 4.5\u00a0min · before: 3\u00a0min · change +1.5\u00a0min: worse",
			"Complaints: 120 · before: 120 · unchanged",
			"Hours: 12.25 · no baseline given · Source: HR",
		},
		"de": {
			"CSAT: 71\u00a0% · vorher: 78\u00a0% · Veränderung −7 Prozentpunkte: schlechter",
			"FCR: 63\u00a0% · vorher: 62\u00a0% · Veränderung +1 Prozentpunkt: besser",
			"Wait: 4,5\u00a0min · vorher: 3\u00a0min · Veränderung +1,5\u00a0min: schlechter",
		},
	}
	for lang, lines := range want {
		rep := &Report{Printer: i18n.New(lang), Rubric: &assess.Rubric{}, Result: &assess.Result{Evidence: figs}}
		rep.claims()
		for i, w := range lines {
			if got := strings.Join(FigureParts(rep.Printer, rep.Evidence[i]), " · "); got != w {
				t.Errorf("%s: %q, want %q", lang, got, w)
			}
		}
	}
}
