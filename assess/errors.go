package assess

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Position is a place in an input file. Line and Col are 1-based; zero means
// unknown, and is left out when printed.
type Position struct {
	File string
	Line int
	Col  int
}

func (p Position) String() string {
	s := p.File
	if s == "" {
		s = "-"
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Error is a problem at a position of an input file.
type Error struct {
	Pos Position
	Msg string
	Err error // the cause, if any
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an *Error at pos.
//
// A string quoted with %q is cut to MaxQuoted characters: it is a header,
// a cell or a key from the input, and a 200 MB header must not make a
// 200 MB error line.
func Errorf(pos Position, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, shortQuoted(format, args)...)}
}

// shortQuoted returns args with each string that format quotes (%q) cut
// by truncate. A format with explicit argument indexes or '*' is left as
// it is.
func shortQuoted(format string, args []any) []any {
	var out []any
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || format[i] == '[' || format[i] == '*' {
			return args
		}
		if format[i] == '%' {
			continue
		}
		if format[i] == 'q' && n < len(args) {
			if s, ok := args[n].(string); ok && len(s) > MaxQuoted {
				if out == nil {
					out = append([]any(nil), args...)
				}
				out[n] = truncate(s, MaxQuoted)
			}
		}
		n++
	}
	if out == nil {
		return args
	}
	return out
}

// ErrorList is every problem found in one pass, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As look into every error of the list.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns nil for an empty list, so callers can return it directly.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Sentinel errors that callers branch on.
var (
	// ErrInvalidAnswer marks an answer that is neither a point, a label nor
	// a skip answer. It is a warning unless Options.Strict is set.
	ErrInvalidAnswer = errors.New("invalid answer")
	// ErrNoRespondents is returned when an input holds no data rows.
	ErrNoRespondents = errors.New("no respondents")
	// ErrUnanswered marks a rubric question that no column of an input
	// answers. It is a warning unless Options.Strict is set.
	ErrUnanswered = errors.New("unanswered question")
	// ErrRepeatedID marks a row whose respondent id an earlier row gave:
	// a warning unless Options.Strict is set (repeats.go).
	ErrRepeatedID = errors.New("repeated respondent id")
)

// Errors flattens err into its positioned errors, for printing one per line.
func Errors(err error) []error {
	var l ErrorList
	if errors.As(err, &l) {
		out := make([]error, len(l))
		for i, e := range l {
			out[i] = e
		}
		return out
	}
	return []error{err}
}

// Hinted is an error with an obvious fix to suggest, printed after it as
// "hint: ...".
type Hinted struct {
	Err  error
	Hint string
}

func (h *Hinted) Error() string { return h.Err.Error() }
func (h *Hinted) Unwrap() error { return h.Err }

// Len is the number of errors. With Swap and Less, it sorts an ErrorList
// by file, line and column, as go/scanner's ErrorList does: an editor's
// list of problems.
func (l ErrorList) Len() int { return len(l) }

// Swap exchanges two errors (see Len).
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }

// Less orders errors by file, line and column (see Len).
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// Sort sorts the list in place (see Less); errors at one position keep
// their order.
func (l ErrorList) Sort() { sort.Stable(l) }
