package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/output"
	"github.com/spf13/pflag"
)

func normsCommand() *command {
	var (
		file     string
		minGroup int
		quiet    bool
	)
	return &command{
		name:  "norms",
		args:  "add [flags] RESULTS.json...",
		short: "fold assessments' results.json into a norms file, for percentiles (build --norms)",
		examples: `  aiready norms add clients/*/out/results.json          # into ./norms.toml
  aiready norms add --norms ~/norms/people-first-1.toml out/results.json
  aiready build --norms ~/norms/people-first-1.toml my-assessment/`,
		flags: func(flags *pflag.FlagSet) {
			flags.StringVar(&file, "norms", "norms.toml", "norms file to create or add to")
			flags.IntVar(&minGroup, "min-group-size", 5, "leave out assessments and dimensions of fewer respondents than this (new norms only)")
			flags.BoolVarP(&quiet, "quiet", "q", false, "print only errors")
		},
		run: func(e *env, flags *pflag.FlagSet, args []string) error {
			if len(args) == 0 || args[0] != "add" {
				return usagef("say what to do: aiready norms add RESULTS.json...")
			}
			if len(args) == 1 {
				return usagef("no results.json given to add")
			}
			if minGroup < 1 {
				return usagef("--min-group-size must be at least 1, not %d", minGroup)
			}
			n, err := assess.OpenNorms(file)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				n = assess.NewNorms(minGroup)
			case err != nil:
				return err
			case flags.Changed("min-group-size") && minGroup != n.MinGroupSize:
				return usagef("--min-group-size %d: %s counts groups of at least %d; start a new norms file to change it", minGroup, file, n.MinGroupSize)
			}
			return addNorms(e, n, file, args[1:], quiet)
		},
	}
}

// addNorms folds every file into n, then writes n once: a bad file stops
// the whole command before anything is written.
func addNorms(e *env, n *assess.Norms, file string, results []string, quiet bool) error {
	var lines []string
	added := 0
	for _, in := range results {
		data, err := os.ReadFile(in)
		if err != nil {
			return assess.FileError(in, err)
		}
		src, err := assess.ReadNormsSource(in, data)
		if err != nil {
			return err
		}
		what, err := n.Fold(src)
		if err != nil {
			return err
		}
		switch what {
		case assess.FoldAdded:
			added++
		case assess.FoldSmall:
			what = fmt.Sprintf("left out: %d respondents, fewer than %d", src.Respondents, n.MinGroupSize)
		}
		lines = append(lines, fmt.Sprintf("%s: %s", in, what))
	}
	if added > 0 {
		var b bytes.Buffer
		if _, err := n.WriteTo(&b); err != nil {
			return err
		}
		if err := output.Replace(file, b.Bytes()); err != nil {
			return err
		}
	}
	if !quiet {
		for _, l := range lines {
			fmt.Fprintln(e.stdout, l)
		}
		if added > 0 {
			noun := "assessments"
			if n.Assessments() == 1 {
				noun = "assessment"
			}
			fmt.Fprintf(e.stdout, "wrote %s: %d %s of rubric %q version %q\n", file, n.Assessments(), noun, n.Rubric, n.Version)
		} else {
			fmt.Fprintf(e.stdout, "%s unchanged: nothing new to add\n", file)
		}
	}
	return nil
}
