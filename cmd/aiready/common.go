package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

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
		headers = append(headers, fmt.Sprintf("%q", assess.Short(c.Header)))
	}
	const hint = "columns match a question by its id, text or alias; map other headers in assessment.toml [columns]"
	if !plausibleHeader(cols) {
		// Not a table with a header: a file named by mistake, or from
		// elsewhere (a project's inputs = ["/etc/passwd"]). Its first line
		// is not a header to show, so none of it is quoted.
		return &hinted{&assess.Error{Pos: assess.Position{File: name}, Msg: fmt.Sprintf("no column matches a question of rubric %q, and the file does not look like a survey export: its first line is not a header of two or more names (not shown)", r.ID)}, hint}
	}
	return &hinted{&assess.Error{Pos: assess.Position{File: name}, Msg: fmt.Sprintf("no column matches a question of rubric %q (columns: %s)", r.ID, summarize(headers))}, hint}
}

// plausibleHeader reports whether cols look like the header of a survey
// export, whose names may be quoted in an error: at least two columns,
// and every name not empty, at most 500 bytes and free of control
// characters. A survey export always has an id or a timestamp beside the
// questions; a file that is one column wide is a list, a key or a
// configuration file, whatever its extension.
func plausibleHeader(cols []assess.Column) bool {
	if len(cols) < 2 {
		return false
	}
	for _, c := range cols {
		h := strings.TrimSpace(c.Header)
		if h == "" || len(h) > 500 || strings.IndexFunc(h, termEscape) >= 0 {
			return false
		}
	}
	return true
}

// maxQuote is about how much of an input an error or warning quotes.
const maxQuote = assess.MaxQuoted

// quotedRE matches a string as %q writes it.
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// clipQuotes cuts every quoted string of an error or warning to about
// maxQuote characters: whatever a message quotes of an input (a cell, a
// header, a key) is enough to find it by, and no more.
func clipQuotes(msg string) string {
	if len(msg) <= maxQuote+2 {
		return msg
	}
	return quotedRE.ReplaceAllStringFunc(msg, func(q string) string {
		in := q[1 : len(q)-1]
		c := assess.Short(in)
		if c == in {
			return q
		}
		// Do not end inside an escape: \x1b cut to \x is no escape.
		cut := strings.TrimSuffix(c, "…")
		if i := strings.LastIndexByte(cut, '\\'); i >= 0 && len(cut)-i <= 10 {
			cut = cut[:i]
		}
		return `"` + cut + `…"`
	})
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

// Text from the inputs (a column header, an attribute's value, a title in
// a rubric, a file name) must not act on the terminal it is printed to:
// ESC ] 0 ; ... BEL retitles it, ESC [ 2 J clears it, CR and BS move back
// over what was printed. termText and termWriter show such characters as
// Go escapes (\x1b, \r, \u202e), the one rule for everything the CLI
// prints for people to read: errors and warnings (oneLine), the tables
// of score, inspect and validate. The machine formats (score --format
// json or csv) keep the data as it is: JSON escapes C0 by its grammar,
// and a CSV must give back what it was given.

// termEscape reports whether r is shown escaped: C0 controls, DEL, C1
// controls and the bidirectional overrides and isolates (which reorder
// what follows them on the line).
func termEscape(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// termText escapes every character termEscape names, tab and line feed
// included, and each byte of invalid UTF-8: for one value on one line.
func termText(s string) string { return termClean(s, false) }

// termClean escapes what termText does; layout keeps tab and line feed,
// for whole lines of a table that the CLI itself formatted.
func termClean(s string, layout bool) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || termEscape(r) && !(layout && (r == '\n' || r == '\t')) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case layout && (r == '\n' || r == '\t'), !termEscape(r):
			b.WriteString(s[i : i+n])
		default:
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\r', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

// termWriter escapes what termClean(s, true) does in everything written
// to w. Each Write is escaped on its own: fmt and tabwriter write whole
// strings and cells, so no character is split between two writes.
func termWriter(w io.Writer) io.Writer {
	if _, ok := w.(*termW); ok {
		return w
	}
	return &termW{w}
}

type termW struct{ w io.Writer }

func (t *termW) Write(p []byte) (int, error) {
	s := termClean(string(p), true)
	if _, err := io.WriteString(t.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// termTable is a tabwriter whose cells are escaped as termWriter does
// before their widths are measured, so that the columns stay aligned.
type termTable struct{ tw *tabwriter.Writer }

func newTermTable(w io.Writer) *termTable {
	return &termTable{tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)}
}

func (t *termTable) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.tw, termClean(string(p), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (t *termTable) Flush() error { return t.tw.Flush() }
