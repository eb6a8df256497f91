package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/spf13/pflag"
)

func validateCommand() *command {
	var strict bool
	return &command{
		name:  "validate",
		args:  "[RUBRIC | PROJECT]",
		short: "check a rubric, or a project and its inputs, and report every problem with its line",
		examples: `  aiready validate my-rubric.toml
  aiready validate people-first      # a built-in rubric
  aiready validate my-assessment/    # a project: rubric, inputs, columns, notes, overrides, previous
  aiready validate --strict my-assessment/   # and fail on an invalid answer or a question no column answers`,
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&strict, "strict", false, "for a project: fail on an answer that is not on its question's scale, or a question that no column answers")
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			// Attribute names, headers and titles come from the inputs.
			e = &env{stdin: e.stdin, stdout: termWriter(e.stdout), stderr: e.stderr, getenv: e.getenv}
			if len(args) > 1 {
				return usagef("give one rubric or project, not %d", len(args))
			}
			name := rubrics.Default
			if len(args) == 1 {
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
			return nil
		},
	}
}

func rubricSummary(r *assess.Rubric) string {
	scored := 0
	for _, q := range r.Questions {
		if q.Scored() {
			scored++
		}
	}
	return fmt.Sprintf("rubric %q version %s, %d dimensions, %d questions (%d scored), %d levels, %d recommendations, %d red flags",
		r.ID, r.Version, len(r.Dimensions), len(r.Questions), scored, len(r.Levels), len(r.Recommendations), len(r.Flags))
}

// projectCheck gathers every problem of a project, so that one run of
// validate shows them all; what is fine is printed as it is found.
type projectCheck struct {
	e      *env
	p      *assess.Project
	strict bool
	errs   assess.ErrorList
}

// add records err. An error that names a file but no line (a file that
// is missing, a folder) is moved to the line of assessment.toml that
// names the file, so that an editor jumps to what to fix.
func (c *projectCheck) add(err error, key string, keyPos assess.Position) {
	for _, one := range assess.Errors(err) {
		var ae *assess.Error
		switch {
		case errors.As(one, &ae) && ae.Pos.Line > 0:
			c.errs = append(c.errs, ae)
		case errors.As(one, &ae) && strings.HasPrefix(ae.Pos.File, "--"):
			// named by a flag in a build: here the key names it
			c.errs = append(c.errs, &assess.Error{Pos: keyPos, Msg: ae.Msg, Err: ae})
		case errors.As(one, &ae):
			c.errs = append(c.errs, &assess.Error{Pos: keyPos, Msg: fmt.Sprintf("%s %q: %s", key, ae.Pos.File, ae.Msg), Err: ae})
		default:
			c.errs = append(c.errs, &assess.Error{Pos: keyPos, Msg: fmt.Sprintf("%s: %s", key, oneLine(one.Error())), Err: one})
		}
	}
}

// validateProject checks a project: the file, its rubric, that every input
// exists and parses, how columns map, that notes and overrides name real
// dimensions and recommendations, the logo, and the earlier results.
func validateProject(e *env, arg string, strict bool) error {
	p, err := loadProject(arg)
	if err != nil {
		return err
	}
	c := &projectCheck{e: e, p: p, strict: strict}
	rubricName := p.Rubric
	if rubricName == "" {
		rubricName = rubrics.Default
	}
	r, err := loadRubric(rubricName)
	if err != nil {
		c.add(err, "rubric", p.KeyPos("rubric"))
	} else {
		fmt.Fprintf(e.stdout, "%s: %s\n", r.Source, rubricSummary(r))
		if err := assess.CheckProject(p, r); err != nil {
			c.add(err, "", assess.Position{})
		}
		c.inputs(r)
	}
	if p.Brand.Logo != "" {
		if _, _, err := readLogo(p.Brand.Logo); err != nil {
			c.add(err, "logo", p.KeyPos("brand", "logo"))
		}
	}
	out := p.Out
	if out == "" {
		out = filepath.Join(p.Dir, "out")
	}
	prev, hist := trendSources(pflag.NewFlagSet("", pflag.ContinueOnError), &buildFlags{}, p)
	ps, hs, err := readTrend(prev, hist, out)
	if err != nil {
		c.add(err, "previous", p.KeyPos("previous"))
	}
	for _, s := range append([]*assess.Snapshot{ps}, hs...) {
		if s == nil {
			continue
		}
		if r != nil && s.Rubric != (assess.RubricRef{ID: r.ID, Version: r.Version, SHA256: r.SHA256}) {
			fmt.Fprintf(e.stdout, "%s: assessment of %s, made with rubric %q version %s: the method has changed, so the report will show no change since then\n",
				s.File, s.Date, s.Rubric.ID, s.Rubric.Version)
		} else {
			fmt.Fprintf(e.stdout, "%s: assessment of %s, same rubric: the report shows the change since then\n", s.File, s.Date)
		}
	}
	if len(c.errs) > 0 {
		// file by file, line by line, as an editor's list of problems
		sort.SliceStable(c.errs, func(i, j int) bool {
			a, b := c.errs[i].Pos, c.errs[j].Pos
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		})
		return c.errs
	}
	fmt.Fprintf(e.stdout, "%s: ok: %s, %s, %s\n", p.File, plural(len(p.Inputs), "input"), plural(len(p.Notes), "note"), plural(len(p.Overrides), "override"))
	return nil
}

// inputs reads every input as a build would, and tells how its columns
// map; questions that no column answers are listed, not refused: a
// survey may leave some out.
func (c *projectCheck) inputs(r *assess.Rubric) {
	p := c.p
	if len(p.Inputs) == 0 {
		c.errs = append(c.errs, &assess.Error{Pos: p.KeyPos("inputs"), Msg: "no inputs: list the answer files in inputs = [...]"})
		return
	}
	opt := assess.Options{Segments: p.Segments, MinGroupSize: max(p.MinGroupSize, 1), Comments: p.Comments, Strict: c.strict}
	s := assess.NewScorer(r, opt)
	read := 0
	same := sameInputs(p.Inputs) // inputs.go
	if same != nil {
		c.errs = append(c.errs, &assess.Error{Pos: p.KeyPos("inputs", same.j), Msg: fmt.Sprintf("inputs: %s: %s", same.b, same.Error()), Err: same})
	}
	for i, in := range p.Inputs {
		if same != nil && i == same.j {
			continue
		}
		if _, err := c.input(s, r, in); err != nil {
			c.add(err, "input", p.KeyPos("inputs", i))
			continue
		}
		read++
	}
	if read < len(p.Inputs) {
		return
	}
	res, err := s.Result()
	if errors.Is(err, assess.ErrUnanswered) || errors.Is(err, assess.ErrInvalidAnswer) || errors.Is(err, assess.ErrRepeatedID) {
		c.add(err, "inputs", p.KeyPos("inputs"))
		return
	}
	if err != nil {
		// An unknown segment: point at the project's segments key.
		c.add(err, "segments", p.KeyPos("segments"))
		return
	}
	fmt.Fprintf(c.e.stdout, "%d respondents\n", res.DataQuality.Rows)
	warnInvalid(c.e.stdout, res.DataQuality)
	warnRepeated(c.e.stdout, res.DataQuality)
	if missing := res.DataQuality.UnansweredQuestions; len(missing) > 0 {
		fmt.Fprintf(c.e.stdout, "questions an input does not answer (%d, left out of its scores): %s\n", len(missing), strings.Join(missing, ", "))
		fmt.Fprintln(c.e.stdout, "  map a column to a question in [columns] if the survey asked it under another header; 'aiready inspect' shows each column; --strict makes this an error")
	}
}

// input reads one input into s and prints how its columns map.
func (c *projectCheck) input(s *assess.Scorer, r *assess.Rubric, in string) ([]assess.Column, error) {
	f, err := os.Open(in)
	if err != nil {
		return nil, fileError(in, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &assess.Error{Pos: assess.Position{File: in}, Msg: "is a folder; list answer files"}
	}
	src, err := assess.OpenAnswers(in, f, r, c.p.ReadOptions())
	if err != nil {
		return nil, err
	}
	if cl, ok := src.(io.Closer); ok {
		defer cl.Close()
	}
	cols := src.Columns()
	if err := checkMatched(in, r, cols); err != nil {
		return nil, err
	}
	if err := s.AddSource(src); err != nil {
		return nil, err
	}
	if cols == nil {
		fmt.Fprintf(c.e.stdout, "%s: native answers, questions named by id\n", in)
		return nil, nil
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
		line += fmt.Sprintf(", %d not read (%s)", len(unused), summarize(unused))
	}
	fmt.Fprintln(c.e.stdout, line)
	return cols, nil
}

// plural says n things: "1 note", "2 notes".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
