package main

import (
	"fmt"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/pdf"
	"github.com/aiready/aiready/site/view"
	"github.com/spf13/pflag"
)

func demoCommand() *command {
	var out, lang string
	var force, quiet bool
	return &command{
		name:  "demo",
		args:  "[DIR]",
		short: "build the embedded demo assessment (default folder ./aiready-demo) and say where to open it",
		examples: `  aiready demo
  aiready demo /tmp/northwind
  aiready demo --lang de /tmp/northwind-de   # the report's own words in German`,
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&force, "force", false, "write into an existing folder that aiready did not create, beside its files")
			fs.BoolVarP(&quiet, "quiet", "q", false, "print nothing on success")
			addLangFlag(fs, &lang)
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			if len(args) > 1 {
				return usagef("give at most one folder")
			}
			if fs.Changed("lang") {
				if err := checkLang(lang); err != nil {
					return err
				}
			}
			ahead := startSite("")
			out = "aiready-demo"
			if len(args) == 1 {
				out = args[0]
			}
			r, err := rubrics.Load(rubrics.Default)
			if err != nil {
				return err
			}
			answers, err := rubrics.FS.ReadFile(rubrics.DemoAnswers)
			if err != nil {
				return err
			}
			date, err := buildDate(e, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), nil)
			if err != nil {
				return err
			}
			a := &assessment{rubric: r, demo: answers, out: out, force: force, quiet: quiet,
				pdf: pdf.Options{Paper: "A4", Created: date},
				opt: scoreFlagsDemo(), site: ahead,
				meta: view.Meta{Title: i18n.New(lang).T("demo.title"), Client: "Northwind Financial",
					Date: date, Consultancy: "aiready demo", Comments: true, Lang: lang}}
			if err := a.build(e); err != nil {
				return err
			}
			if !quiet {
				fmt.Fprintf(e.stdout, "Demo assessment written to %s\nOpen %s in a browser.\n", out, openHint(out))
			}
			return nil
		},
	}
}

func scoreFlagsDemo() (o assess.Options) {
	o.Segments = []string{"Role", "Team"}
	o.MinGroupSize = 5
	o.Comments = true
	return o
}
