package pdf

import (
	"testing"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/view"
)

// testClient names places in Latin, Greek and Cyrillic scripts: the Go
// fonts must draw every one of them.
const testClient = "Łódź, Ålesund, Θεσσαλονίκη, Новосибирск"

// demoReport scores the embedded demo answers as `aiready demo` does.
func demoReport(tb testing.TB) *view.Report {
	tb.Helper()
	r, err := rubrics.Load(rubrics.Default)
	if err != nil {
		tb.Fatal(err)
	}
	f, err := rubrics.FS.Open(rubrics.DemoAnswers)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	src, err := assess.OpenAnswers("people-first-demo.csv", f, r, assess.ReadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	s := assess.NewScorer(r, assess.Options{Segments: []string{"Role", "Team"}, Comments: true})
	if err := s.AddSource(src); err != nil {
		tb.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		tb.Fatal(err)
	}
	return view.New(res, view.Meta{
		Title:       "Northwind Financial: AI adoption readiness",
		Client:      testClient,
		Date:        time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		Consultancy: "Example Advisory",
		Comments:    true,
	})
}
