package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
			if err := writeHTMLFile(out, b.Bytes(), force); err != nil {
				return err
			}
			if !quiet {
				fmt.Fprintf(e.stdout, "wrote %s: open it in any browser, no network needed\n", out)
			}
			return nil
		},
	}
}

// writeHTMLFile writes one file whole, never over an existing file unless
// force: without it the file is created exclusively, so that a file that
// appears meanwhile is not overwritten either; with it a temporary file
// beside out replaces out in one rename. A failed write leaves nothing.
func writeHTMLFile(out string, data []byte, force bool) error {
	if st, err := os.Stat(out); err == nil {
		if st.IsDir() {
			return &assess.Error{Pos: assess.Position{File: out}, Msg: "is a folder; give a file name"}
		}
		if !force {
			return exists(out)
		}
	}
	if !force {
		f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return exists(out)
		}
		if err != nil {
			return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write: " + output.ErrText(err), Err: err}
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(out) // ours: created above
			return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write: " + output.ErrText(err), Err: err}
		}
		return nil
	}
	dir, base := filepath.Split(out)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write: " + output.ErrText(err), Err: err}
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write: " + output.ErrText(err), Err: err}
	}
	return nil
}

func exists(out string) error {
	return &assess.Hinted{Err: &assess.Error{Pos: assess.Position{File: out}, Msg: "file exists; refusing to overwrite it"},
		Hint: "choose another --out, or add --force to replace it"}
}
