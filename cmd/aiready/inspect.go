package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/term"
	"github.com/spf13/pflag"
)

// layoutHelp documents --input-format in `aiready inspect --help`.
const layoutHelp = `
Layouts (detected from the header; --input-format forces one):
  google-forms     Google Forms CSV: Timestamp first, grids as "Question [Row]"
  microsoft-forms  Microsoft Forms XLSX or CSV: ID, Start time, Completion time, Email, Name
  surveymonkey     SurveyMonkey CSV or XLSX: questions over a row of Response / option labels
  qualtrics        Qualtrics CSV: tags, texts, ImportIds (or legacy V1, V2, ...);
                   survey previews and spam are left out and counted
  typeform         Typeform CSV: # first, one column per choice
  limesurvey       LimeSurvey CSV: codes, texts or "code. text"; "Question [Option]" columns
  long             one row per answer: respondent, question, answer columns
  wide             a plain table: one header row, one row per respondent
  csv, xlsx, toml, json   force the file type only (the layout is still detected)
See docs/imports.md for each tool's export settings and what is read.`

func inspectCommand() *command {
	var rubric, format, mapFile string
	return &command{
		name:  "inspect",
		args:  "[flags] ANSWERS... | PROJECT",
		short: "show how an export's columns and answers map to the rubric's questions",
		examples: `  aiready inspect responses.csv
  aiready inspect -r my-rubric.toml --map codes.toml qualtrics-export.csv
  aiready inspect --input-format long answers.csv
  aiready inspect my-assessment/          # its rubric, inputs, [columns] and [values]
` + layoutHelp,
		flags: func(fs *pflag.FlagSet) {
			fs.StringVarP(&rubric, "rubric", "r", rubrics.Default, "rubric file, or the name of a built-in rubric")
			addReadFlags(fs, &format, &mapFile)
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			if err := checkInputFormat(format); err != nil {
				return err
			}
			ro, err := assess.ReadMap(format, mapFile)
			if err != nil {
				return err
			}
			args = hereProject(args)
			inputs := args
			if assess.IsProject(args) {
				p, err := assess.OpenProject(args[0])
				if err != nil {
					return err
				}
				inputs = p.Inputs
				if !fs.Changed("rubric") && p.Rubric != "" {
					rubric = p.Rubric
				}
				ro = p.ReadOptions().With(ro)
			}
			if len(inputs) == 0 {
				return usagef("no answers given: name one or more files, a project, or - for standard input")
			}
			r, err := loadRubric(rubric)
			if err != nil {
				return err
			}
			var errs assess.ErrorList
			if later, earlier, how := assess.SameInputs(inputs); later != "" {
				fmt.Fprintf(e.stderr, "aiready: %s: warning: the same answers as %s (%s): scoring both would count each respondent twice\n", later, earlier, how)
			}
			ids := &assess.IDCheck{}
			for i, in := range inputs {
				ins, err := inspectInput(e, r, in, ro, ids)
				if err != nil {
					for _, one := range assess.Errors(err) {
						var pe *assess.Error
						if !errors.As(one, &pe) {
							pe = &assess.Error{Pos: assess.Position{File: in}, Msg: one.Error(), Err: one}
						}
						errs = append(errs, pe)
					}
					continue
				}
				if i > 0 {
					fmt.Fprintln(e.stdout)
				}
				term.WriteInspection(term.Writer(e.stdout), r, ins)
			}
			return errs.Err()
		},
	}
}

// addReadFlags adds --input-format and --map, which say how to read the
// answers, to score, build and inspect.
func addReadFlags(fs *pflag.FlagSet, format, mapFile *string) {
	fs.StringVar(format, "input-format", "", "the answers' layout when detection gets it wrong: google-forms, microsoft-forms, surveymonkey, qualtrics, typeform, limesurvey, long, wide; or the file type: csv, xlsx, toml, json")
	fs.StringVar(mapFile, "map", "", "a TOML file of [columns] and [values] tables, as in assessment.toml, to map headers and recode answers")
}

func checkInputFormat(format string) error {
	if !assess.KnownFormat(format) {
		return usagef("unknown --input-format %q: use one of %s", format, assess.FormatNames())
	}
	return nil
}

func inspectInput(e *env, r *assess.Rubric, in string, ro assess.ReadOptions, ids *assess.IDCheck) (*assess.Inspection, error) {
	if in == "-" {
		return assess.InspectWith(ids, "stdin", e.stdin, r, ro)
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, assess.FileError(in, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &assess.Error{Pos: assess.Position{File: in}, Msg: "is a folder; give answer files, or a project folder alone"}
	}
	return assess.InspectWith(ids, in, f, r, ro)
}
