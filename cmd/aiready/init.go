package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/templates"
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
			var files []scaffoldFile
			for _, name := range []string{"assessment.toml", "README.md"} {
				body, err := projectFile(name, title, client, date, ref, r)
				if err != nil {
					return err
				}
				files = append(files, scaffoldFile{name, body, name == "assessment.toml"})
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

// projectFile is a new project's file from its template (templates/
// project): assessment.toml, every key with a comment that says what it
// does and the optional ones commented out with an example; README.md,
// what to do next in the order a consultant does it.
func projectFile(name, title, client string, date time.Time, rubric string, r *assess.Rubric) (string, error) {
	var dims []string
	for _, d := range r.Dimensions {
		dims = append(dims, fmt.Sprintf("%q", d.ID))
	}
	rec := "service-scorecard"
	if len(r.Recommendations) > 0 {
		rec = r.Recommendations[0].ID
	}
	t, err := template.ParseFS(templates.Project, "project/"+name)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = t.Execute(&b, map[string]string{
		"Title": assess.TOMLString(title), "Client": assess.TOMLString(client), "Date": date.Format("2006-01-02"),
		"Rubric": assess.TOMLString(rubric), "Dimensions": strings.Join(dims, ", "), "Recommendation": fmt.Sprintf("%q", rec),
		"Heading": strings.Join(strings.Fields(title), " "),
	})
	return b.String(), err
}
