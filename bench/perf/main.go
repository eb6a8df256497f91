// Command perf runs one of aiready's renderers alone, for bench/run to
// time against its peer:
//
//	perf site ANSWERS.csv OUTDIR   score (segment Team) with bench/rubric.toml and write only the site
//	perf pdf OUT.pdf               write only the demo's PDF report, as `aiready demo` does
package main

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site"
	"github.com/aiready/aiready/site/pdf"
	"github.com/aiready/aiready/site/view"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "perf:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	switch {
	case len(args) == 3 && args[0] == "site":
		rb, err := os.ReadFile("bench/rubric.toml")
		if err != nil {
			return err
		}
		r, err := assess.LoadRubric("bench/rubric.toml", rb)
		if err != nil {
			return err
		}
		res, err := score(r, args[1], assess.Options{Segments: []string{"Team"}})
		if err != nil {
			return err
		}
		if err := os.MkdirAll(args[2], 0o755); err != nil {
			return err
		}
		return site.Build(args[2], view.New(res, view.Meta{Title: "Teams"}), site.Options{})
	case len(args) == 2 && args[0] == "pdf":
		r, err := rubrics.Load(rubrics.Default)
		if err != nil {
			return err
		}
		res, err := score(r, "", assess.Options{Segments: []string{"Role", "Team"}, MinGroupSize: 5, Comments: true})
		if err != nil {
			return err
		}
		date := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
		rep := view.New(res, view.Meta{Title: "Northwind Financial: AI adoption readiness", Client: "Northwind Financial",
			Date: date, Consultancy: "aiready demo", Comments: true})
		var b bytes.Buffer
		if _, err := pdf.Render(&b, rep, pdf.Options{Paper: "A4", Created: date}); err != nil {
			return err
		}
		return os.WriteFile(args[1], b.Bytes(), 0o644)
	}
	return fmt.Errorf("usage: perf site ANSWERS.csv OUTDIR | perf pdf OUT.pdf")
}

// score reads answers from a file, or the embedded demo answers for "".
func score(r *assess.Rubric, file string, opt assess.Options) (*assess.Result, error) {
	var data []byte
	var err error
	if file == "" {
		file = "people-first-demo.csv"
		data, err = rubrics.FS.ReadFile(rubrics.DemoAnswers)
	} else {
		data, err = os.ReadFile(file)
	}
	if err != nil {
		return nil, err
	}
	src, err := assess.OpenAnswers(file, bytes.NewReader(data), r, assess.ReadOptions{})
	if err != nil {
		return nil, err
	}
	s := assess.NewScorer(r, opt)
	if err := s.AddSource(src); err != nil {
		return nil, err
	}
	return s.Result()
}
