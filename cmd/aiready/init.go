package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/spf13/pflag"
)

func initCommand() *command {
	var force bool
	var client, title, rubric string
	return &command{
		name:  "init",
		args:  "[flags] [DIR]",
		short: "start an assessment project: a folder with a commented assessment.toml and a README",
		examples: `  aiready init northwind-2026-11 --client "Northwind Financial"
  aiready init .                                   # the current folder, if it is empty
  aiready init --rubric my-rubric.toml acme        # with a rubric file of your own`,
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&force, "force", false, "write into a folder that is not empty (existing files are never changed)")
			fs.StringVar(&client, "client", "", "the client organisation")
			fs.StringVar(&title, "title", "", "the report title (default: CLIENT: AI adoption readiness)")
			fs.StringVarP(&rubric, "rubric", "r", rubrics.Default, "a built-in rubric, or a rubric file (written relative to DIR)")
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			if len(args) > 1 {
				return usagef("give one folder, not %d", len(args))
			}
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			r, err := loadRubric(rubric)
			if err != nil {
				return err
			}
			ref := rubric
			if !rubrics.IsBuiltin(rubric) {
				if ref, err = relTo(dir, rubric); err != nil {
					return err
				}
			}
			fixed, err := sourceDate(e)
			if err != nil {
				return err
			}
			y, m, d := time.Now().Date()
			date := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
			if fixed != nil {
				date = *fixed
			}
			if title == "" {
				title = "AI adoption readiness"
				if client != "" {
					title = client + ": " + title
				}
			}
			files := []scaffoldFile{
				{"assessment.toml", assessmentTOML(title, client, date, ref, r), true},
				{"README.md", projectREADME(title), false},
			}
			written, err := scaffold(dir, force, files)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "wrote %s in %s\n", strings.Join(written, " and "), dir)
			fmt.Fprintf(e.stdout, "next: put the survey export in %s, then run 'aiready validate %s' and 'aiready build %s'\n",
				filepath.Join(dir, "responses.csv"), dir, dir)
			return nil
		},
	}
}

// scaffoldFile is a file init writes; a file that is not required is
// skipped when the user already has one (a README of their own).
type scaffoldFile struct {
	name     string
	body     string
	required bool
}

// scaffold writes files into dir, creating it. A folder with anything in
// it is refused without force; with force, no existing file is changed.
func scaffold(dir string, force bool, files []scaffoldFile) ([]string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, assess.FileError(dir, err)
		}
	case err != nil:
		return nil, assess.FileError(dir, err)
	case len(entries) > 0 && !force:
		return nil, &assess.Hinted{Err: &assess.Error{Pos: assess.Position{File: dir}, Msg: "folder is not empty; refusing to start a project in it"},
			Hint: "name a new folder, or use --force to add assessment.toml beside the files there (none is changed)"}
	}
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.name)); err == nil && f.required {
			return nil, &assess.Error{Pos: assess.Position{File: filepath.Join(dir, f.name)}, Msg: "already exists; it is left as it is (this folder already holds a project)"}
		}
	}
	var written []string
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		w, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) && !f.required {
			continue
		}
		if err != nil {
			return written, assess.FileError(path, err)
		}
		_, err = w.WriteString(f.body)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return written, assess.FileError(path, err)
		}
		written = append(written, f.name)
	}
	return written, nil
}

// relTo returns path relative to dir, with forward slashes, as
// assessment.toml writes paths.
func relTo(dir, path string) (string, error) {
	ad, err := filepath.Abs(dir)
	if err != nil {
		return "", assess.FileError(dir, err)
	}
	ap, err := filepath.Abs(path)
	if err != nil {
		return "", assess.FileError(path, err)
	}
	rel, err := filepath.Rel(ad, ap)
	if err != nil {
		return filepath.ToSlash(ap), nil
	}
	return filepath.ToSlash(rel), nil
}

// assessmentTOML is a new project's file: every key with a comment that
// says what it does, the optional ones commented out with an example.
func assessmentTOML(title, client string, date time.Time, rubric string, r *assess.Rubric) string {
	var dims []string
	for _, d := range r.Dimensions {
		dims = append(dims, fmt.Sprintf("%q", d.ID))
	}
	rec := "service-scorecard"
	if len(r.Recommendations) > 0 {
		rec = r.Recommendations[0].ID
	}
	return fmt.Sprintf(`# assessment.toml: one client's assessment, kept as a folder (in git, say).
# 'aiready validate .' checks it and 'aiready build .' writes the report;
# the same folder always builds the same bytes. Paths are relative to this
# file. A flag of 'aiready build' overrides the same setting here.

# The report's title, on the cover and at the top of every page.
title = %s

# The organisation assessed, shown on the cover.
client = %s

# The assessment's date, printed on the report: a TOML date, no quotes.
date = %s

# The method: a built-in rubric ('aiready rubric list'), or a rubric file of
# your own such as "rubric.toml" ('aiready rubric export people-first >
# rubric.toml' starts one from the built-in rubric).
rubric = %s

# The survey answers: CSV or XLSX exports of Google Forms, Microsoft Forms,
# SurveyMonkey, Qualtrics, Typeform or LimeSurvey, or aiready's own TOML
# or JSON answers. Several files are scored together as one group.
inputs = ["responses.csv"]

# Break every figure down by these answer columns, e.g. ["Role", "Team"].
segments = []

# Groups with fewer respondents than this are shown nowhere, so no one's
# answers can be singled out.
min_group_size = 5

# true: show free-text answers (only for groups of min_group_size or more).
comments = false

# The last assessment's results.json: every score then shows its change
# since then. Keep that build's out/results.json in git for this.
# previous = "../2026-05/out/results.json"

# Earlier results.json files for a small trend chart, any order.
# history = ["../2025-11/out/results.json"]

# Where 'aiready build .' writes site/, report.pdf, report.md, results.json.
out = "out"

# Your branding of the report.
[brand]
# consultancy = "Example Advisory"   # named as the author
# logo = "logo.png"                  # PNG or JPEG, on the cover and every page
# color = "#1f6feb"                  # accent colour, #rrggbb

# Survey headers that match no question by id, text or alias: header =
# question id, "attr:NAME" for an attribute to segment by, or "ignore".
# 'aiready inspect responses.csv' suggests these lines.
[columns]
# "Q3_1" = "q03"
# "Which team are you in?" = "attr:Team"

# Answer codes of the survey tool: cell value = answer label or point, or
# "skip" (unanswered). A [values.QUESTION] table is for one question only.
[values]
# "-99" = "skip"

# The consultant's notes, shown beside the figures they comment on and
# labelled as the consultant's. dimension: "overall" or one of
# %s.
# [[note]]
# dimension = "overall"
# body = """
# Markdown: what the figures cannot say by themselves.
# """

# Overrides: a person changes the rubric's action plan, with a reason that
# the report shows as the consultant's judgement. action: "drop" (leave
# it out), "pin" (put it first) or "add" (a new id, with title, horizon
# = 30, 60 or 90, and body).
# [[override]]
# recommendation = %q
# action = "drop"
# reason = "The client already does this."
`, assess.TOMLString(title), assess.TOMLString(client), date.Format("2006-01-02"), assess.TOMLString(rubric), strings.Join(dims, ", "), rec)
}

// projectREADME tells what to do next, in the order a consultant does it.
func projectREADME(title string) string {
	return fmt.Sprintf(`# %s

An aiready assessment project. What to do next, in this folder:

1. Export the survey answers as CSV or XLSX into this folder as `+"`responses.csv`"+`
   (or list your files in `+"`inputs`"+` in `+"`assessment.toml`"+`).
2. Fill in `+"`assessment.toml`"+`: every setting there is explained by its comment.
3. `+"`aiready validate .`"+` checks the rubric, the inputs, how their columns map, the
   notes and the overrides, and names the file and line of every problem.
4. `+"`aiready build .`"+` writes `+"`out/site/`"+`, `+"`out/report.pdf`"+`, `+"`out/report.md`"+` and
   `+"`out/results.json`"+`.
5. Add your judgement as `+"`[[note]]`"+` and `+"`[[override]]`"+` entries and build again:
   the report labels each as the consultant's.
6. Commit this folder with `+"`out/results.json`"+`: the next assessment names it as
   `+"`previous`"+` to show what changed since.
`, strings.Join(strings.Fields(title), " "))
}
