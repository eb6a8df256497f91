package main

import (
	"fmt"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site"
	"github.com/spf13/pflag"
)

func demoCommand() *command {
	var out, lang string
	var formats []string
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
			addFormatsFlag(fs, &formats)
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
			s := site.Demo(lang)
			s.Out = &out
			var err error
			if s.Formats, err = checkFormats(fs, formats); err != nil {
				return err
			}
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
