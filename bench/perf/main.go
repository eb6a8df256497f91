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

	"github.com/aiready/aiready/assess"
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
		segments := []string{"Team"}
		p, err := assess.NewPlan(assess.Settings{Rubric: "bench/rubric.toml", Inputs: args[1:2], Segments: &segments})
		if err != nil {
			return err
		}
		res, err := p.Score(nil)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(args[2], 0o755); err != nil {
			return err
		}
		return site.Build(args[2], view.New(res, view.Meta{Title: "Teams"}), site.Options{})
	case len(args) == 2 && args[0] == "pdf":
		// The demo's plan, as `aiready demo` makes it.
		p, err := assess.NewPlan(site.Demo(""))
		if err != nil {
			return err
		}
		res, err := p.Result()
		if err != nil {
			return err
		}
		rep := view.New(res, site.MetaOf(p.Report))
		var b bytes.Buffer
		if _, err := pdf.Render(&b, rep, pdf.Options{Paper: "A4", Created: p.Report.Date}); err != nil {
			return err
		}
		return os.WriteFile(args[1], b.Bytes(), 0o644)
	}
	return fmt.Errorf("usage: perf site ANSWERS.csv OUTDIR | perf pdf OUT.pdf")
}
