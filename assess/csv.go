package assess

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// maxCSVRecord bounds one CSV row, quoted line breaks included. A real
// survey row is a few kilobytes; a larger one is almost always a quote
// that was never closed, or a file that is not CSV at all.
const maxCSVRecord = 16 << 20

// openCSV reads a wide CSV export: UTF-8 with or without a byte order mark
// (UTF-16 with one is transcoded), the delimiter (comma, semicolon or tab)
// detected from the header line, CRLF, LF or bare CR line ends.
func openCSV(name string, br *bufio.Reader, rb *Rubric, opt ReadOptions) (Source, error) {
	rows, err := newCSVRows(name, br)
	if err != nil {
		return nil, err
	}
	return openTable(name, rows, rb, opt)
}

// newCSVRows sets up the decoding and the csv.Reader for one input.
func newCSVRows(name string, br *bufio.Reader) (*csvRows, error) {
	head, _ := br.Peek(sniffSize)
	var in io.Reader = br
	var fb *cp1252Fallback
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), sniffSize)
		head, _ = br.Peek(sniffSize)
		in = br
	case bytes.HasPrefix(head, utf8BOM):
		// The byte order mark says UTF-8: a stray byte is an error in
		// its cell, not a reason to read the file otherwise.
		_, _ = br.Discard(len(utf8BOM))
		head = head[len(utf8BOM):]
		in = br
	default:
		fb = newCP1252Fallback(name, br, 1)
		in = fb
	}
	comma, mac, nul := sniffCSV(head)
	if nul {
		return nil, Errorf(Position{File: name, Line: 1, Col: 1}, "the header line holds NUL bytes: this is not a UTF-8 text file (UTF-16 without a byte order mark?); save it as CSV UTF-8")
	}
	c := newCSVRowsAt(name, in, comma, mac, 1)
	c.fb = fb
	// Keep what encoding/csv has read ahead, for the fast path to take
	// over after the header (see unread).
	c.t.keep = !mac
	return c, nil
}

// newCSVRowsAt reads records from r, whose first byte is on line line.
func newCSVRowsAt(name string, r io.Reader, comma byte, mac bool, line int) *csvRows {
	t := &csvTracker{r: r, name: name, comma: comma, mac: mac, line: line, col: 1}
	cr := csv.NewReader(t)
	cr.Comma = rune(comma)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	// LazyQuotes accepts a quote inside an unquoted field (5'10"), common
	// in hand-made files; csvTracker still reports a quote never closed.
	cr.LazyQuotes = true
	return &csvRows{name: name, cr: cr, t: t, off: line - 1}
}

// sniffCSV looks at the header line: the delimiter is whichever of comma,
// semicolon and tab it holds most often outside quotes (comma on a tie);
// mac is set when the line ends in a bare CR; nul when it holds a NUL byte.
func sniffCSV(head []byte) (comma byte, mac, nul bool) {
	var counts [3]int
	quoted := false
scan:
	for i, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			counts[0]++
		case c == ';':
			counts[1]++
		case c == '\t':
			counts[2]++
		case c == 0:
			nul = true
		case c == '\n':
			break scan
		case c == '\r':
			mac = i+1 < len(head) && head[i+1] != '\n' || i+1 == len(head)
			break scan
		}
	}
	comma = ','
	if counts[1] > counts[0] && counts[1] >= counts[2] {
		comma = ';'
	} else if counts[2] > counts[0] && counts[2] > counts[1] {
		comma = '\t'
	}
	return comma, mac, nul
}

// csvRows reads records with encoding/csv.
type csvRows struct {
	name string
	cr   *csv.Reader
	t    *csvTracker
	off  int             // lines before the first line given to cr
	fb   *cp1252Fallback // reads a file that is not UTF-8 as Windows-1252; nil for UTF-16 or a BOM
}

// warnings says how the input was decoded, when not as UTF-8.
func (c *csvRows) warnings() []*Error {
	if c.fb == nil {
		return nil
	}
	at, ok := c.fb.Switched()
	if !ok {
		return nil
	}
	at.File = c.name
	return []*Error{Errorf(at, "not UTF-8 from here on, so the file was read as %s, the encoding Excel saves \"CSV\" in on Windows; check that accented letters look right, or save it as \"CSV UTF-8\"", EncodingWindows1252)}
}

// unread returns the bytes that encoding/csv has read ahead of the records
// it returned, and the line the first of them is on; ok is false when they
// were not kept or the input has failed.
func (c *csvRows) unread() (rest []byte, line int, ok bool) {
	t := c.t
	n := t.delivered - c.cr.InputOffset()
	if !t.keep || t.err != nil || n < 0 || n > int64(len(t.tail)) {
		return nil, 0, false
	}
	rest = bytes.Clone(t.tail[int64(len(t.tail))-n:])
	return rest, t.line - bytes.Count(rest, []byte{'\n'}), true
}

func (c *csvRows) read(row *tableRow) error {
	rec, err := c.cr.Read()
	if err != nil {
		return c.error(err)
	}
	row.cells = append(row.cells[:0], rec...)
	row.pos = row.pos[:0]
	for i := range rec {
		line, col := c.cr.FieldPos(i)
		row.pos = append(row.pos, Position{File: c.name, Line: line + c.off, Col: col})
	}
	row.line = row.pos[0].Line
	return nil
}

func (c *csvRows) close() error { return nil }

func (c *csvRows) error(err error) error {
	if err == io.EOF {
		return err
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pos := Position{File: c.name, Line: max(pe.Line, 1) + c.off, Col: max(pe.Column, 1)}
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			return &Error{Pos: pos, Msg: "unbalanced quote in field; a quote inside a quoted field must be doubled (\"\")", Err: err}
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return &Error{Pos: pos, Msg: "quote in a field that does not start with one; put the field in quotes and double the quote", Err: err}
		}
		return &Error{Pos: pos, Msg: pe.Err.Error(), Err: err}
	}
	return &Error{Pos: Position{File: c.name, Line: c.t.line, Col: 1}, Msg: "cannot read: " + err.Error(), Err: err}
}

// csvTracker sits between the input and encoding/csv. It follows the
// quoting as encoding/csv does (with LazyQuotes), so that it can report a
// quoted field whose closing quote is missing at the place where it
// opens, instead of silently swallowing the rest of the file, and bound
// the size of a row. In a file whose lines end in a bare CR (old Mac
// files), it turns those CRs into LF, leaving CRs inside quotes alone. In
// a file whose lines end in LF or CRLF, a CR outside quotes that is not
// followed by LF is an error naming its line: encoding/csv would keep it
// as text and join the two rows it separates into one respondent, and
// reading it as a line end would guess at a broken file.
type csvTracker struct {
	r     io.Reader
	name  string
	comma byte
	mac   bool

	state     uint8
	line, col int // of the next byte
	quote     Position
	recStart  Position
	// cr is set after a CR outside quotes in a file whose lines end in
	// LF or CRLF (not mac): the next byte must be LF (crAt: where the CR is).
	cr     bool
	crAt   Position
	recLen int
	err    error

	// keep makes Read keep the last bytes it gave (tail) and count them
	// (delivered), until the fast path takes over or is ruled out.
	keep      bool
	tail      []byte
	delivered int64
}

// maxTail is more than encoding/csv's read-ahead buffer (4096 bytes); the
// tail is cut back to it when it has grown to twice that.
const maxTail = 16 << 10

const (
	csvStart   = iota // at the start of a field
	csvPlain          // in an unquoted field
	csvQuoted         // in a quoted field
	csvQuote          // after a quote in a quoted field
	csvQuoteCR        // after `"\r` in a quoted field
)

func (t *csvTracker) Read(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	n, err := t.r.Read(p)
	t.scan(p[:n])
	if t.keep {
		t.delivered += int64(n)
		t.tail = append(t.tail, p[:n]...)
		if len(t.tail) > 2*maxTail {
			t.tail = append(t.tail[:0], t.tail[len(t.tail)-maxTail:]...)
		}
	}
	if t.err != nil {
		return n, t.err
	}
	if err == io.EOF && t.state == csvQuoted {
		t.err = Errorf(t.quote, "unbalanced quote: this quoted field has no closing quote (a quote inside a quoted field must be doubled: \"\")")
		return n, t.err
	}
	return n, err
}

func (t *csvTracker) scan(p []byte) {
	for i, c := range p {
		if t.recLen == 0 {
			t.recStart = Position{File: t.name, Line: t.line, Col: t.col}
		}
		t.recLen++
		if c == '\r' && t.mac && t.state != csvQuoted {
			c = '\n'
			p[i] = c
		}
		if t.cr {
			t.cr = false
			if c != '\n' {
				t.err = Errorf(t.crAt, "a carriage return (CR) that ends no line, outside quotes: this file's lines end in LF, so it would join two rows into one; save the file again from its spreadsheet, or put the cell that holds it in quotes")
				return
			}
		}
		if c == '\r' && !t.mac && (t.state == csvStart || t.state == csvPlain) {
			t.cr = true
			t.crAt = Position{File: t.name, Line: t.line, Col: t.col}
		}
		switch t.state {
		case csvStart:
			switch c {
			case '"':
				t.state = csvQuoted
				t.quote = Position{File: t.name, Line: t.line, Col: t.col}
			case t.comma, '\n':
			default:
				t.state = csvPlain
			}
		case csvPlain:
			if c == t.comma || c == '\n' {
				t.state = csvStart
			}
		case csvQuoted:
			if c == '"' {
				t.state = csvQuote
			}
		case csvQuote:
			switch c {
			case '"':
				t.state = csvQuoted
			case t.comma, '\n':
				t.state = csvStart
			case '\r':
				t.state = csvQuoteCR
			default: // a lone quote inside quotes: kept as text
				t.state = csvQuoted
			}
		case csvQuoteCR:
			switch c {
			case '\n':
				t.state = csvStart
			case '"':
				t.state = csvQuote
			default:
				t.state = csvQuoted
			}
		}
		if c == '\n' {
			t.line++
			t.col = 1
			if t.state == csvStart {
				t.recLen = 0
			}
		} else {
			t.col++
		}
		if t.recLen > maxCSVRecord {
			at := t.recStart
			msg := "this row is longer than 16 MB; is this a CSV file?"
			if t.state == csvQuoted || t.state == csvQuote {
				at = t.quote
				msg = "this quoted field runs on for more than 16 MB: is its closing quote missing?"
			}
			t.err = Errorf(at, "%s", msg)
			return
		}
	}
}
