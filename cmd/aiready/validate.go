package main

import (
	"fmt"
	"os"

	"github.com/aiready/aiready/rubrics"
	"github.com/spf13/pflag"
)

func validateCommand() *command {
	return &command{
		name:  "validate",
		args:  "[RUBRIC]",
		short: "check a rubric file and report every problem with its line",
		examples: `  aiready validate my-rubric.toml
  aiready validate people-first      # a built-in rubric`,
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			if len(args) > 1 {
				return usagef("give one rubric, not %d", len(args))
			}
			name := rubrics.Default
			if len(args) == 1 {
				name = args[0]
			}
			if st, err := os.Stat(name); err == nil && st.IsDir() {
				return usagef("%s is a folder; give a rubric file", name)
			}
			r, err := loadRubric(name)
			if err != nil {
				return err
			}
			scored := 0
			for _, q := range r.Questions {
				if q.Scored() {
					scored++
				}
			}
			fmt.Fprintf(e.stdout, "%s: ok: rubric %q version %s, %d dimensions, %d questions (%d scored), %d levels, %d recommendations, %d red flags\nsha256 %s\n",
				r.Source, r.ID, r.Version, len(r.Dimensions), len(r.Questions), scored, len(r.Levels), len(r.Recommendations), len(r.Flags), r.SHA256)
			return nil
		},
	}
}
