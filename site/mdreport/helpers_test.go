package mdreport

import (
	"bytes"
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
	// The demo's showcase holds no hostile text; the tests plant one: a
	// comment of pasted markup, which every output must show as text.
	data, err := rubrics.FS.ReadFile(rubrics.DemoAnswers)
	if err != nil {
		tb.Fatal(err)
	}
	planted := bytes.Replace(data, []byte(demoPractice), []byte(demoMarkup), 1)
	if bytes.Equal(planted, data) {
		tb.Fatal("the demo answers no longer hold the comment the tests replace")
	}
	f := bytes.NewReader(planted)
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

// demoPractice is a comment of the demo answers (rubrics/demo/gen); the
// tests replace it with demoMarkup.
const (
	demoPractice = "Hands-on practice with real cases, not slides. Let us try the new tool on last month's cases before it goes live."
	demoMarkup   = "<script>alert(1)</script> Sorry, testing whether this form is safe. Real answer: hands-on practice with real cases."
)
