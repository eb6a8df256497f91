package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
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
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print no warnings")
	addReadFlags(fs, &f.inputFormat, &f.mapFile)
}

func (f *scoreFlags) options() assess.Options {
	return assess.Options{Segments: f.segments, MinGroupSize: f.minGroup, Strict: f.strict, Comments: f.comments, AllowSmallGroups: f.allowSmall}
}

func (f *scoreFlags) check() error {
	if f.minGroup < 1 {
		return usagef("--min-group-size must be at least 1, not %d", f.minGroup)
	}
	if err := f.options().CheckSmallGroups(); err != nil {
		return usagef("--min-group-size %d: %s", f.minGroup, err.(*assess.Error).Msg)
	}
	return checkInputFormat(f.inputFormat)
}

// loadRubric reads a built-in rubric by name, or a rubric file by path.
func loadRubric(name string) (*assess.Rubric, error) {
	if rubrics.IsBuiltin(name) {
		return rubrics.Load(name)
	}
	data, err := readFileLimit(name, assess.MaxRubricSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(name, `/\.`) {
			return nil, &hinted{fileError(name, err), "built-in rubrics: " + strings.Join(rubrics.Names(), ", ")}
		}
		return nil, fileError(name, err)
	}
	return assess.LoadRubric(name, data)
}

// readFileLimit reads a file of at most limit bytes and one more, so that
// the loader can name the limit; a huge or endless file (/dev/zero) costs
// no more than that.
func readFileLimit(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	return io.ReadAll(io.LimitReader(f, limit+1))
}

var errIsDir = errors.New("is a folder, not a file")

// fileError names the file in an OS error without repeating the path.
func fileError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, fs.ErrPermission):
		msg = "permission denied"
	}
	return &assess.Error{Pos: assess.Position{File: name}, Msg: msg, Err: err}
}

// scoreInputs reads every input through one Scorer and returns the result.
// read, if given, says how to read them (see scoreFlags.readOptions).
func scoreInputs(e *env, r *assess.Rubric, inputs []string, opt assess.Options, quiet bool, read ...assess.ReadOptions) (*assess.Result, error) {
	if len(inputs) == 0 {
		return nil, usagef("no answers given: name one or more files, or - for standard input")
	}
	if err := opt.CheckSmallGroups(); err != nil {
		return nil, err // min_group_size of a project: the flag's is refused by check
	}
	s := assess.NewScorer(r, opt)
	var ro assess.ReadOptions
	if len(read) > 0 {
		ro = read[0]
	}
	// Check the arguments before reading any: a usage error must not come
	// after standard input has been consumed.
	stdinUsed := false
	for _, in := range inputs {
		if in == "-" {
			if stdinUsed {
				return nil, usagef("- (standard input) given twice")
			}
			stdinUsed = true
		}
	}
	e, sameStdin, err := refuseSame(e, inputs) // inputs.go
	if err != nil {
		return nil, err
	}
	for _, in := range inputs {
		if err := addInput(e, s, r, in, ro); err != nil {
			return nil, err
		}
	}
	if err := sameStdin(); err != nil {
		return nil, err
	}
	res, err := s.Result()
	if err != nil {
		return nil, err
	}
	if res.DataQuality.Rows == 0 {
		return nil, &assess.Error{Pos: assess.Position{File: strings.Join(inputs, ", ")}, Msg: "no respondents: the input has no answer rows", Err: assess.ErrNoRespondents}
	}
	if !quiet {
		warnInvalid(e.stderr, res.DataQuality)
		warnRepeated(e.stderr, res.DataQuality)
	}
	return res, nil
}

func addInput(e *env, s *assess.Scorer, r *assess.Rubric, in string, ro assess.ReadOptions) error {
	var rd io.Reader
	name := in
	if in == "-" {
		rd, name = e.stdin, "stdin"
	} else {
		f, err := os.Open(in)
		if err != nil {
			return fileError(in, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return &assess.Error{Pos: assess.Position{File: in}, Msg: "is a folder; give answer files (or use 'aiready build PROJECT' for a project folder)"}
		}
		rd = f
	}
	src, err := assess.OpenAnswers(name, rd, r, ro)
	if err != nil {
		return err
	}
	if c, ok := src.(io.Closer); ok {
		defer c.Close()
	}
	if err := checkMatched(name, r, src.Columns()); err != nil {
		return err
	}
	return s.AddSource(src)
}

// checkMatched stops an input none of whose columns answers a question of
// the rubric: a survey about something else, or headers that need a
// mapping. Native files name questions by id and have no columns.
func checkMatched(name string, r *assess.Rubric, cols []assess.Column) error {
	if cols == nil {
		return nil
	}
	var headers []string
	for _, c := range cols {
		if c.Kind == assess.ColumnQuestion {
			return nil
		}
		headers = append(headers, fmt.Sprintf("%q", c.Header))
	}
	return &hinted{&assess.Error{Pos: assess.Position{File: name}, Msg: fmt.Sprintf("no column matches a question of rubric %q (columns: %s)", r.ID, summarize(headers))},
		"columns match a question by its id, text or alias; map other headers in assessment.toml [columns]"}
}

// warnInvalid prints what reading the inputs gave reason to say (an
// encoding, a question no column answers), the invalid cells kept with
// positions, and how many more there were.
func warnInvalid(w io.Writer, dq assess.DataQuality) {
	const show = 10
	for _, e := range dq.Warnings {
		fmt.Fprintf(w, "aiready: %s: warning: %s\n", e.Pos, oneLine(e.Msg))
	}
	for i, e := range dq.Invalid {
		if i == show {
			break
		}
		fmt.Fprintf(w, "aiready: %s: warning: %s\n", e.Pos, oneLine(e.Msg))
	}
	if more := dq.InvalidCells - min(len(dq.Invalid), show); more > 0 {
		fmt.Fprintf(w, "aiready: warning: %d more invalid answers, all counted as missing (--strict makes them errors)\n", more)
	}
}
