package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/templates"
	"github.com/spf13/pflag"
)

func rubricCommand() *command {
	return &command{
		name:  "rubric",
		args:  "list | export NAME | new",
		short: "list the built-in rubrics, or print one (or a new, commented one) to start your own",
		examples: `  aiready rubric list
  aiready rubric export people-first > my-rubric.toml   # then edit it and raise its version
  aiready rubric new > my-rubric.toml                   # a small commented rubric that validates
  aiready validate my-rubric.toml`,
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			if len(args) == 0 {
				return usagef("say what to do: list, export NAME or new")
			}
			switch sub, rest := args[0], args[1:]; sub {
			case "list":
				if len(rest) > 0 {
					return usagef("list takes no arguments")
				}
				tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "NAME\tVERSION\tDIMENSIONS\tQUESTIONS\tTITLE")
				for _, name := range rubrics.Names() {
					r, err := rubrics.Load(name)
					if err != nil {
						return err
					}
					fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", name, r.Version, len(r.Dimensions), len(r.Questions), r.Title)
				}
				return tw.Flush()
			case "export":
				if len(rest) != 1 {
					return usagef("export takes one built-in rubric name (aiready rubric list shows them)")
				}
				b, err := rubrics.Bytes(rest[0])
				if err != nil {
					return &assess.Hinted{Err: err, Hint: "built-in rubrics: " + fmt.Sprint(rubrics.Names())}
				}
				_, err = e.stdout.Write(b)
				return err
			case "new":
				if len(rest) > 0 {
					return usagef("new takes no arguments; redirect its output to a file")
				}
				_, err := e.stdout.Write([]byte(templates.NewRubric))
				return err
			default:
				return usagef("unknown rubric command %q: use list, export NAME or new", sub)
			}
		},
	}
}
