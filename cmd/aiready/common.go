package main

import (
	"fmt"
	"io"
	"os"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/term"
	"github.com/spf13/pflag"
)

// scoreFlags are the flags of every command that scores answers.
type scoreFlags struct {
	rubric   string
	segments []string
	minGroup int
	// allowSmall lets minGroup (or min_group_size) be below 3.
	allowSmall bool
	strict     bool
	comments   bool
	exclude    bool // --exclude-flagged
	minComment int  // --min-comment-group
	quiet      bool
	// inputFormat and mapFile say how to read the answers (inspect.go).
	inputFormat string
	mapFile     string
}

func (f *scoreFlags) add(fs *pflag.FlagSet) {
	fs.StringVarP(&f.rubric, "rubric", "r", rubrics.Default, "rubric file, or the name of a built-in rubric")
	fs.StringArrayVar(&f.segments, "segment", nil, "break figures down by this attribute (repeatable), e.g. --segment Role")
	fs.IntVar(&f.minGroup, "min-group-size", 5, "suppress groups with fewer respondents than this")
	fs.BoolVar(&f.allowSmall, "allow-small-groups", false, "allow --min-group-size (or min_group_size) below 3; every output then says that groups of one or two people are shown")
	fs.BoolVar(&f.strict, "strict", false, "fail on an answer that is not on its question's scale, or a question that no column answers")
	fs.BoolVar(&f.comments, "comments", false, "include free-text answers (only for groups at or above the threshold)")
	fs.BoolVar(&f.exclude, "exclude-flagged", false, "leave straight-liners and speeders out of every figure")
	fs.IntVar(&f.minComment, "min-comment-group", assess.DefaultMinCommentGroup, "show the themes of the comments only for groups with at least this many comments")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print no warnings")
	addReadFlags(fs, &f.inputFormat, &f.mapFile)
}

// settings are the flags as an assessment's settings: a flag that was
// given overrides the project. project says whether args may name one.
func (f *scoreFlags) settings(e *env, fs *pflag.FlagSet, args []string, project bool) assess.Settings {
	s := assess.Settings{Stdin: e.stdin, Builtins: rubrics.Builtins, Rubric: f.rubric, RubricSet: fs.Changed("rubric"),
		Strict: f.strict, AllowSmallGroups: f.allowSmall, InputFormat: f.inputFormat, Map: f.mapFile,
		ExcludeFlagged: f.exclude, ExcludeFlaggedSet: fs.Changed("exclude-flagged")}
	if project && assess.IsProject(args) {
		s.Project = args[0]
	} else {
		s.Inputs = args
	}
	if fs.Changed("segment") {
		s.Segments = &f.segments
	}
	if fs.Changed("min-group-size") {
		s.MinGroupSize = &f.minGroup
	}
	if fs.Changed("comments") {
		s.Comments = &f.comments
	}
	if fs.Changed("min-comment-group") {
		s.MinCommentGroup = &f.minComment
	}
	return s
}

func (f *scoreFlags) check() error {
	if f.minGroup < 1 {
		return usagef("--min-group-size must be at least 1, not %d", f.minGroup)
	}
	if f.minComment < 1 {
		return usagef("--min-comment-group must be at least 1, not %d", f.minComment)
	}
	o := assess.Options{MinGroupSize: f.minGroup, AllowSmallGroups: f.allowSmall}
	if err := o.CheckSmallGroups(); err != nil {
		return usagef("--min-group-size %d: %s", f.minGroup, err.(*assess.Error).Msg)
	}
	return checkInputFormat(f.inputFormat)
}

// hereProject returns args, or, when there are none and the current
// folder holds an assessment.toml, the current folder: build, validate,
// inspect and serve all use the project they are run in.
func hereProject(args []string) []string {
	if len(args) > 0 {
		return args
	}
	if st, err := os.Stat("assessment.toml"); err == nil && st.Mode().IsRegular() {
		return []string{"."}
	}
	return args
}

// checkInputs refuses, before anything is read, answers that are not
// given, and standard input given twice: a usage error must not come
// after standard input has been consumed.
func checkInputs(inputs []string) error {
	if len(inputs) == 0 {
		return usagef("no answers given: name one or more files, or - for standard input")
	}
	stdinUsed := false
	for _, in := range inputs {
		if in == "-" {
			if stdinUsed {
				return usagef("- (standard input) given twice")
			}
			stdinUsed = true
		}
	}
	return nil
}

// loadRubric reads a built-in rubric by name, or a rubric file by path.
func loadRubric(name string) (*assess.Rubric, error) {
	if rubrics.IsBuiltin(name) {
		return rubrics.Load(name)
	}
	return assess.LoadRubricFile(name, rubrics.Builtins)
}

// warnData prints what reading the answers gave reason to say.
func warnData(w io.Writer, dq assess.DataQuality) {
	warnInvalid(w, dq)
	warnRepeated(w, dq)
}

// warnInvalid prints what reading the inputs gave reason to say (an
// encoding, a question no column answers), the invalid cells kept with
// positions, and how many more there were.
func warnInvalid(w io.Writer, dq assess.DataQuality) {
	const show = 10
	for _, e := range dq.Warnings {
		fmt.Fprintf(w, "aiready: %s: warning: %s\n", e.Pos, term.OneLine(e.Msg))
	}
	for i, e := range dq.Invalid {
		if i == show {
			break
		}
		fmt.Fprintf(w, "aiready: %s: warning: %s\n", e.Pos, term.OneLine(e.Msg))
	}
	if more := dq.InvalidCells - min(len(dq.Invalid), show); more > 0 {
		fmt.Fprintf(w, "aiready: warning: %d more invalid answers, all counted as missing (--strict makes them errors)\n", more)
	}
}

// warnRepeated prints the rows that repeat a respondent id, with the row
// that gave it first (never the id), and how many more there were.
func warnRepeated(w io.Writer, dq assess.DataQuality) {
	const show = 10
	for i, r := range dq.Repeated {
		if i == show {
			break
		}
		fmt.Fprintf(w, "aiready: %s: warning: %s; both are counted\n", r.Pos, r.Error().Msg)
	}
	if more := dq.RepeatedIDs - min(len(dq.Repeated), show); more > 0 {
		fmt.Fprintf(w, "aiready: warning: %d more rows repeat an earlier row's respondent id, all counted (--strict makes them errors)\n", more)
	}
	if dq.Unchecked > 0 {
		fmt.Fprintf(w, "aiready: warning: more than %d respondent ids: the %d rows after the first %d ids were not checked for repeats\n", assess.MaxCheckedIDs, dq.Unchecked, assess.MaxCheckedIDs)
	}
}
