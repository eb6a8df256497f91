package main

import (
	"fmt"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site"
	"github.com/aiready/aiready/site/i18n"
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
			ahead := site.Start("")
			defer ahead.Release()
			out = "aiready-demo"
			if len(args) == 1 {
				out = args[0]
			}
			s := demoSettings(lang)
			s.Out = &out
			var err error
			if s.FixedDate, err = sourceDate(e); err != nil {
				return err
			}
			p, err := assess.NewPlan(s)
			if err != nil {
				return err
			}
			bf := buildFlags{paper: "A4"}
			bf.quiet = quiet
			if _, err := bf.write(e, p, site.WriteOptions{Force: force, Ahead: ahead}); err != nil {
				return err
			}
			if !quiet {
				fmt.Fprintf(e.stdout, "Demo assessment written to %s\nOpen %s in a browser.\n", out, openHint(out))
			}
			return nil
		},
	}
}

// demoSettings are the demo's: the built-in rubric and the answers of
// an invented client, Northwind Financial, on 20 November 2026.
func demoSettings(lang string) assess.Settings {
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
