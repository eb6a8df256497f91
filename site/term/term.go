// Package term writes the command line's text for people to read: the
// inspection of an export, the trust lines of score, the pilot's
// reliability table, and the one rule for what a terminal would act on
// (Clean, Writer, Table, OneLine). It is output, as the site and the PDF
// are, so it lives beside them; cmd/aiready keeps to flags, one call and
// printing.
//
// Text from the inputs (a column header, an attribute's value, a title in
// a rubric, a file name) must not act on the terminal it is printed to:
// ESC ] 0 ; ... BEL retitles it, ESC [ 2 J clears it, CR and BS move back
// over what was printed. Clean and Writer show such characters as Go
// escapes (\x1b, \r, \u202e), the one rule for everything the command
// line prints for people to read. The machine formats (score --format
// json or csv) keep the data as it is: JSON escapes C0 by its grammar,
// and a CSV must give back what it was given.
package term

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/aiready/aiready/assess"
)

// quotedRE matches a string as %q writes it.
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// ClipQuotes cuts every quoted string of an error or warning to about
// assess.MaxQuoted characters: whatever a message quotes of an input (a cell, a
// header, a key) is enough to find it by, and no more.
func ClipQuotes(msg string) string {
	if len(msg) <= assess.MaxQuoted+2 {
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

// Clean escapes, for a terminal, what assess.Unprintable names, and each
// byte of invalid UTF-8, as Go escapes (\x1b, \r, \u202e); layout keeps tab and line feed,
// for whole lines of a table that the CLI itself formatted.
func Clean(s string, layout bool) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || assess.Unprintable(r) && !(layout && (r == '\n' || r == '\t')) {
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
		case layout && (r == '\n' || r == '\t'), !assess.Unprintable(r):
			b.WriteString(s[i : i+n])
		default:
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\r', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

// OneLine keeps a message on one line for a terminal: white space
// collapsed, quoted input clipped (ClipQuotes), what a terminal would act
// on escaped (Clean). A multi-line message would break the
// FILE:LINE:COL form.
func OneLine(s string) string {
	s = strings.TrimSpace(s)
	return Clean(ClipQuotes(strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")), false)
}

// Table is a tabwriter whose cells are escaped as Clean(s, true) does
// before their widths are measured, so that the columns stay aligned.
type Table struct{ tw *tabwriter.Writer }

func NewTable(w io.Writer) *Table {
	return &Table{tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)}
}

func (t *Table) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.tw, Clean(string(p), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (t *Table) Flush() error { return t.tw.Flush() }

// inspectRepeats tells, in inspect's summary, which rows repeat an earlier
// row's respondent id, and whether the check stopped at its limit.
func inspectRepeats(w io.Writer, r assess.IDRepeats) {
	if r.RepeatedIDs > 0 {
		var at []string
		for _, x := range r.Repeated {
			at = append(at, fmt.Sprintf("line %d as %s", x.Pos.Line, assess.Position{File: x.First.File, Line: x.First.Line}))
		}
		if more := r.RepeatedIDs - len(r.Repeated); more > 0 {
			at = append(at, fmt.Sprintf("%d more", more))
		}
		fmt.Fprintf(w, "  note: %d rows have the same respondent id as an earlier row (exported twice?): %s; scoring counts both (--strict refuses them)\n",
			r.RepeatedIDs, strings.Join(at, ", "))
	}
	if r.Unchecked > 0 {
		fmt.Fprintf(w, "  note: respondent ids are checked for repeats up to %d ids; the %d rows after were not checked\n", assess.MaxCheckedIDs, r.Unchecked)
	}
}

// Writer escapes what Clean(s, true) does in everything written to w.
// Each Write is escaped on its own: fmt and tabwriter write whole strings
// and cells, so no character is split between two writes.
func Writer(w io.Writer) io.Writer {
	if _, ok := w.(*writer); ok {
		return w
	}
	return &writer{w}
}

type writer struct{ w io.Writer }

func (t *writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, Clean(string(p), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}
