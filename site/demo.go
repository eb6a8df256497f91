package site

import (
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/i18n"
)

// Demo is the plan of `aiready demo`: the built-in rubric and the answers
// of an invented client, Northwind Financial, on 20 November 2026, with
// the report's own words in lang ("" for the rubric's language).
func Demo(lang string) assess.Settings {
	answers, err := rubrics.FS.ReadFile(rubrics.DemoAnswers)
	if err != nil {
		panic(err) // embedded in the binary
	}
	date := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	title, client, consultancy := i18n.New(lang).T("demo.title"), "Northwind Financial", "aiready demo"
	segments, comments, minGroup := []string{"Role", "Team"}, true, 5
	return assess.Settings{Builtins: rubrics.Builtins, Rubric: rubrics.Default,
		Evidence: demoEvidence(i18n.New(lang)), Population: demoPopulation(),
		Answers: answers, AnswersName: "people-first-demo.csv",
		Segments: &segments, Comments: &comments, MinGroupSize: &minGroup,
		Title: &title, Client: &client, Consultancy: &consultancy, Date: &date, Lang: lang}
}

// demoEvidence are the invented client's operational figures: customer
// satisfaction fell 7 points since the AI change while the answers rate
// service at 61 (the check "service-csat" is contradicted), first-contact
// resolution improved, and escalations have no baseline (that check
// cannot be evaluated, and says why).
func demoEvidence(p *i18n.Printer) []assess.Evidence {
	num := func(f float64) *float64 { return &f }
	src := p.T("demo.source")
	return []assess.Evidence{
		{ID: "csat", Title: p.T("demo.csat"), Value: 71, Baseline: num(78), Unit: "%", Better: assess.BetterHigher, Source: src},
		{ID: "first_contact_resolution", Title: p.T("demo.fcr"), Value: 68, Baseline: num(66), Unit: "%", Better: assess.BetterHigher, Source: src},
		{ID: "escalations_to_person", Title: p.T("demo.escalations"), Value: 12, Unit: "%", Better: assess.BetterHigher, Source: src},
	}
}

// demoPopulation are the invented client's head counts: 150 of 240 people
// answered, but fewer than half of Customer Service, whose rate is named
// as a limit of the findings.
func demoPopulation() *assess.Population {
	return &assess.Population{Total: 240, Groups: []assess.PopulationGroup{
		{Attribute: "Role", Value: "Frontline staff", Count: 140},
		{Attribute: "Team", Value: "Customer Service", Count: 110},
		{Attribute: "Team", Value: "Lending Operations", Count: 48},
		{Attribute: "Team", Value: "Technology", Count: 26},
	}}
}
