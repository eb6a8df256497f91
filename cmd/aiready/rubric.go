package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
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
				_, err := e.stdout.Write([]byte(newRubric))
				return err
			default:
				return usagef("unknown rubric command %q: use list, export NAME or new", sub)
			}
		},
	}
}

// newRubric is the smallest rubric that shows every part, each explained.
// TestRubricNewValidates loads it.
const newRubric = `# A rubric: what aiready asks, how answers become scores, and what it
# recommends. The format is in aiready's README ("Writing a rubric").
# Check it with 'aiready validate THIS-FILE'; use it with --rubric or
# rubric = "THIS-FILE" in assessment.toml.

format = 1                  # the file format; always 1
id = "my-rubric"            # names the method in results.json
title = "My AI adoption readiness rubric"
version = "0.1.0"           # raise it on every change: a report then says the method changed
language = "en"
target = 75                 # the score (0-100) every dimension should reach
min_answered = 0.5          # share of a dimension a respondent must answer to be scored in it
description = """
Markdown for the methodology page: what this rubric measures, and why.
"""

# A named answer scale: points rise from the weakest to the strongest answer.
[scales.agree5]
points = [1, 2, 3, 4, 5]
labels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
skip = ["Don't know"]       # answers counted as unanswered, not as low scores

# Dimensions: what the report scores, each from 0 to 100.
[[dimension]]
id = "service"
title = "Service, not savings"
weight = 1.0                # in the overall score
description = """Is AI judged by what it does for customers and staff?"""

[[dimension]]
id = "people"
title = "People in the loop"
description = """Do people keep judgement where trust matters?"""

# Questions: a column of the survey matches one by id, text or alias.
[[question]]
id = "s1"
dimension = "service"
scale = "agree5"
text = "We judge each AI rollout first by its effect on customers."
aliases = ["Customer-first judgement"]   # other headers that mean this question

[[question]]
id = "s2"
dimension = "service"
type = "choice"             # one option; "multi" for any number
text = "What is the main goal of your AI programme?"
options = [
  { label = "Cut cost", points = 0 },
  { label = "Speed up work", points = 2 },
  { label = "Better service", points = 4 },
]

[[question]]
id = "p1"
dimension = "people"
scale = "agree5"
text = "AI makes final decisions about customers without a person checking."
reverse = true              # agreeing is the weak answer

# Levels, from the lowest; a score reaches the last level whose min it meets.
[[level]]
id = "starting"
title = "Starting"
min = 0
description = """What this level means, and what to do about it."""

[[level]]
id = "ready"
title = "Ready"
min = 60

# Recommendations: shown when a dimension's level is one of levels.
[[recommendation]]
id = "measure-service"
dimension = "service"
levels = ["starting"]
title = "Put customer outcomes on the AI scorecard"
horizon = 30                # days: 30, 60 or 90
body = """
Markdown. **First step:** a sentence here is shown in the plan's summary.
"""

[[recommendation]]
id = "pause-cuts"
flag = "cost-first"         # shown when the red flag is raised
title = "Pause role cuts until service quality is measured"
horizon = 30

# Red flags: raised when at least share of respondents match every condition.
[[flag]]
id = "cost-first"
title = "Cost-cutting drives automation"
severity = "high"           # low, medium or high
share = 0.25
caps = "starting"           # while raised, the overall level is at most this
body = """Why it matters, and what to do first."""
[[flag.when]]
question = "s2"
is = ["Cut cost"]
[[flag.when]]
question = "p1"
min = 4                     # raw points, inclusive; also max
`
