package main

import (
	"bytes"
	"fmt"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/output"
	"github.com/spf13/pflag"
)

func planCommand() *command {
	var out string
	var force, quiet bool
	return &command{
		name: "plan", args: "export [PROJECT] [-o FILE]",
		short: "write the action plan as CSV (owner, due, status) for a tracker; actions = \"FILE\" reads it back",
		examples: `  aiready plan export                      # the project here, to standard output
  aiready plan export northwind/ -o northwind/actions.csv   # then: actions = "actions.csv"`,
		flags: func(fs *pflag.FlagSet) {
			fs.StringVarP(&out, "out", "o", "-", "CSV file to write, or - for standard output")
			fs.BoolVar(&force, "force", false, "replace the file if it exists")
			fs.BoolVarP(&quiet, "quiet", "q", false, "print nothing when done")
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			if len(args) == 0 || args[0] != "export" {
				return usagef("say what to do: aiready plan export [PROJECT] [-o FILE]")
			}
			if args = hereProject(args[1:]); !assess.IsProject(args) {
				return usagef("plan export needs a project: a folder with assessment.toml, or run it in one")
			}
			p, err := assess.NewPlan(assess.Settings{Project: args[0], Builtins: rubrics.Builtins})
			var b bytes.Buffer
			if err == nil {
				err = p.ExportActions(&b)
			}
			switch {
			case err != nil:
				return err
			case out == "-":
				_, err = e.stdout.Write(b.Bytes())
			default:
				if err = output.WriteNew(out, b.Bytes(), force); err == nil && !quiet {
					fmt.Fprintf(e.stdout, "wrote %s: edit it in a tracker; actions = \"FILE\" in assessment.toml reads it back\n", out)
				}
			}
			return err
		},
	}
}
