package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/output"
	"github.com/aiready/aiready/site/questionnaire"
	"github.com/spf13/pflag"
)

func questionnaireCommand() *command {
	var rubric, out, lang string
	var segments []string
	var force, quiet bool
	return &command{
		name:  "questionnaire",
		args:  "[flags]",
		short: "write a self-contained offline questionnaire: one HTML file to fill in and score",
		examples: `  aiready questionnaire                          # questionnaire.html for the built-in rubric
  aiready questionnaire -r my-rubric.toml -o self-assessment.html
  aiready questionnaire --lang de --segment Role --segment Team -o fragebogen.html
  aiready questionnaire -o - > questionnaire.html
  aiready score answers-*.json                   # score the answers files people saved`,
		flags: func(fs *pflag.FlagSet) {
			fs.StringVarP(&rubric, "rubric", "r", rubrics.Default, "rubric file, or the name of a built-in rubric")
			fs.StringVarP(&out, "out", "o", "questionnaire.html", "HTML file to write, or - for standard output")
			fs.StringVar(&lang, "lang", "", "language of the page's own text: "+strings.Join(questionnaire.Languages(), " or ")+" (default: the rubric's language)")
			fs.StringArrayVar(&segments, "segment", nil, "ask for this attribute at the start, e.g. --segment Role (repeatable)")
			fs.BoolVar(&force, "force", false, "replace the file if it exists")
			fs.BoolVarP(&quiet, "quiet", "q", false, "print nothing when done")
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			if len(args) > 0 {
				return usagef("takes no arguments, got %q; the rubric goes in --rubric", args[0])
			}
			if out == "" {
				return usagef("--out is empty: give a file name, or - for standard output")
			}
			seen := map[string]bool{}
			for _, s := range segments {
				n := assess.Normalize(s)
				if n == "" {
					return usagef("--segment is empty")
				}
				if seen[n] {
					return usagef("--segment %q is given twice", s)
				}
				seen[n] = true
			}
			r, err := loadRubric(rubric)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			err = questionnaire.Write(&b, r, questionnaire.Options{Segments: segments, Lang: lang})
			if errors.Is(err, questionnaire.ErrLanguage) {
				return usagef("--lang: %v", err)
			}
			if err != nil {
				return err
			}
			if out == "-" {
				_, err := e.stdout.Write(b.Bytes())
				return err
			}
			if err := output.WriteNew(out, b.Bytes(), force); err != nil {
				return err
			}
			if !quiet {
				fmt.Fprintf(e.stdout, "wrote %s: open it in any browser, no network needed\n", out)
			}
			return nil
		},
	}
}
