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
		Answers: answers, AnswersName: "people-first-demo.csv",
		Segments: &segments, Comments: &comments, MinGroupSize: &minGroup,
		Title: &title, Client: &client, Consultancy: &consultancy, Date: &date, Lang: lang}
}
