package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/term"
	"github.com/spf13/pflag"
)

func validateCommand() *command {
	var strict bool
	var answers []string
	return &command{
		name:  "validate",
		args:  "[RUBRIC | PROJECT]",
		short: "check a rubric, or a project and its inputs, and report every problem with its line",
		examples: `  aiready validate my-rubric.toml
  aiready validate                   # the project in this folder, else the built-in rubric
  aiready validate people-first      # a built-in rubric
  aiready validate my-assessment/    # a project: rubric, inputs, columns, notes, overrides, previous
  aiready validate --strict my-assessment/   # and fail on an invalid answer or a question no column answers`,
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&strict, "strict", false, "for a project: fail on an answer that is not on its question's scale, or a question that no column answers")
			fs.StringArrayVar(&answers, "answers", nil, "for a rubric: a pilot's answers, to print each dimension's reliability (Cronbach's alpha)")
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			// Attribute names, headers and titles come from the inputs.
			e = &env{stdin: e.stdin, stdout: term.Writer(e.stdout), stderr: e.stderr, getenv: e.getenv}
			if len(args) > 1 {
				return usagef("give one rubric or project, not %d", len(args))
			}
			name := rubrics.Default
			if args = hereProject(args); len(args) == 1 {
				name = args[0]
			}
			if st, err := os.Stat(name); err == nil && st.IsDir() {
				if _, err := os.Stat(filepath.Join(name, "assessment.toml")); err != nil {
					return usagef("%s is a folder without an assessment.toml; give a rubric file or a project folder", name)
				}
				return validateProject(e, name, strict)
			}
			if filepath.Base(name) == "assessment.toml" {
				return validateProject(e, name, strict)
			}
			r, err := loadRubric(name)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s: ok: %s\nsha256 %s\n", r.Source, rubricSummary(r), r.SHA256)
			if len(answers) > 0 {
				return term.WritePilot(e.stdout, r, answers, e.stdin)
			}
			return nil
		},
	}
}

func rubricSummary(r *assess.Rubric) string {
	scored := 0
	for _, q := range r.Questions {
		if q.Scored() && q != r.Outcome {
			scored++
		}
	}
	return fmt.Sprintf("rubric %q version %s, %d dimensions, %d questions (%d scored), %d levels, %d recommendations, %d red flags",
		r.ID, r.Version, len(r.Dimensions), len(r.Questions), scored, len(r.Levels), len(r.Recommendations), len(r.Flags))
}

// validateProject checks a project with the plan a build makes, going on
// after each problem to show them all: the file, its rubric, that every
// input exists and parses, how columns map, that notes and overrides name
// real dimensions and recommendations, the logo, and the earlier results.
// What is fine is printed as it is found.
func validateProject(e *env, arg string, strict bool) error {
	p, err := assess.NewPlan(assess.Settings{Project: arg, Builtins: rubrics.Builtins, Rubric: rubrics.Default, Strict: strict, Collect: true})
	if p.Project == nil {
		return err
	}
	if r := p.Rubric; r != nil {
		fmt.Fprintf(e.stdout, "%s: %s\n", r.Source, rubricSummary(r))
		if len(p.Inputs) > 0 {
			checkProjectInputs(e, p)
		}
	}
	for _, s := range append([]*assess.Snapshot{p.Previous}, p.History...) {
		if s == nil {
			continue
		}
		if r := p.Rubric; r != nil && s.Rubric != (assess.RubricRef{ID: r.ID, Version: r.Version, SHA256: r.SHA256}) {
			fmt.Fprintf(e.stdout, "%s: assessment of %s, made with rubric %q version %s: the method has changed, so the report will show no change since then\n",
				s.File, s.Date, s.Rubric.ID, s.Rubric.Version)
		} else {
			fmt.Fprintf(e.stdout, "%s: assessment of %s, same rubric: the report shows the change since then\n", s.File, s.Date)
		}
	}
	if len(p.Problems) > 0 {
		// file by file, line by line, as an editor's list of problems
		p.Problems.Sort()
		return p.Problems
	}
	pr := p.Project
	fmt.Fprintf(e.stdout, "%s: ok: %s, %s, %s\n", pr.File, plural(len(pr.Inputs), "input"), plural(len(pr.Notes), "note"), plural(len(pr.Overrides), "override"))
	return nil
}

// checkProjectInputs reads every input as a build would, and tells how its
// columns map; questions that no column answers are listed, not refused:
// a survey may leave some out.
func checkProjectInputs(e *env, p *assess.Plan) {
	res, err := p.Check(func(in string, cols []assess.Column) { printColumns(e, in, cols) })
	switch {
	case res == nil && err == nil: // an input failed, and is among the problems
		return
	case errors.Is(err, assess.ErrUnanswered) || errors.Is(err, assess.ErrInvalidAnswer) || errors.Is(err, assess.ErrRepeatedID):
		p.Problem(err, "inputs", p.Project.KeyPos("inputs"))
		return
	case err != nil:
		// An unknown segment: point at the project's segments key.
		p.Problem(err, "segments", p.Project.KeyPos("segments"))
		return
	}
	fmt.Fprintf(e.stdout, "%d respondents\n", res.DataQuality.Rows)
	warnData(e.stdout, res.DataQuality)
	if missing := res.DataQuality.UnansweredQuestions; len(missing) > 0 {
		fmt.Fprintf(e.stdout, "questions an input does not answer (%d, left out of its scores): %s\n", len(missing), strings.Join(missing, ", "))
		fmt.Fprintln(e.stdout, "  map a column to a question in [columns] if the survey asked it under another header; 'aiready inspect' shows each column; --strict makes this an error")
	}
}

// printColumns tells how an input's columns map.
func printColumns(e *env, in string, cols []assess.Column) {
	if cols == nil {
		fmt.Fprintf(e.stdout, "%s: native answers, questions named by id\n", in)
		return
	}
	var q, a int
	var attrs, unused []string
	for _, col := range cols {
		switch col.Kind {
		case assess.ColumnQuestion:
			q++
		case assess.ColumnAttribute:
			a++
			attrs = append(attrs, col.Attr)
		default:
			unused = append(unused, fmt.Sprintf("%q", col.Header))
		}
	}
	line := fmt.Sprintf("%s: %d columns: %d answer questions, %d attributes", in, len(cols), q, a)
	if len(attrs) > 0 {
		line += " (" + strings.Join(attrs, ", ") + ")"
	}
	if len(unused) > 0 {
		line += fmt.Sprintf(", %d not read (%s)", len(unused), assess.Summarize(unused))
	}
	fmt.Fprintln(e.stdout, line)
}

// plural says n things: "1 note", "2 notes".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
