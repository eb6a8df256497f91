package assess

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Limits on a native JSON answers file, checked on the bytes as the
// decoder reads them, before it holds a token whole: without them a
// 300 MB string took 3.5 GB. An answers file nests five levels deep
// ({"respondents": [{"answers": {"q": [...]}}]}), its strings are answers
// and ids, its numbers are points.
const (
	jsonMaxString = maxCSVRecord // bytes of one string, as a CSV cell
	jsonMaxToken  = 4 << 10      // bytes of one number, true, false or null
	jsonMaxDepth  = 32           // nested arrays and objects
	// Per respondent: attributes, and choices of one multiple-choice
	// answer. A survey has tens of each.
	jsonMaxAttributes = 1000
	jsonMaxChoices    = 1000
)

// jsonAnswers streams a native JSON answers file,
// {"respondents": [{"id", "attributes", "answers"}, ...]}, one respondent
// at a time.
type jsonAnswers struct {
	name    string
	dec     *json.Decoder
	off     *offsetReader
	qx      *questionIndex
	nq      int
	n       int  // respondents read
	inArray bool // inside the respondents array
	seen    bool // the respondents key was read
	done    bool
	attrFilter
}

func openNativeJSON(name string, br *bufio.Reader, rb *Rubric) (Source, error) {
	if b, _ := br.Peek(len(utf8BOM)); bytes.Equal(b, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
	}
	off := &offsetReader{r: br, name: name, line: 1, col: 1}
	s := &jsonAnswers{name: name, dec: json.NewDecoder(off), off: off, qx: rb.index(), nq: len(rb.Questions)}
	s.dec.UseNumber()
	tok, pos, err := s.token()
	if err == io.EOF {
		return nil, Errorf(pos, "empty file; expected {\"respondents\": [...]}")
	}
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, Errorf(pos, "expected {\"respondents\": [...]}")
	}
	if err := s.seek(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *jsonAnswers) Columns() []Column { return nil }
func (s *jsonAnswers) Close() error      { return nil }

// token reads one token and returns where it starts.
func (s *jsonAnswers) token() (json.Token, Position, error) {
	before := s.dec.InputOffset()
	tok, err := s.dec.Token()
	if err != nil {
		at := s.off.tokenPos(before)
		var se *json.SyntaxError
		var e *Error
		switch {
		case err == io.EOF:
			return nil, at, io.EOF
		case errors.As(err, &se):
			// Offset is just past the bad byte, or before the space ahead of it.
			at = s.off.tokenPos(max(se.Offset-1, before))
			return nil, at, &Error{Pos: at, Msg: "JSON syntax: " + se.Error(), Err: err}
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, at, &Error{Pos: s.off.pos(s.dec.InputOffset()), Msg: "JSON syntax: the file ends too early", Err: err}
		case errors.As(err, &e):
			return nil, at, e
		}
		return nil, at, &Error{Pos: at, Msg: "cannot read: " + err.Error(), Err: err}
	}
	return tok, s.off.tokenPos(before), nil
}

// need reads a token that must be there: the end of the input is an error.
func (s *jsonAnswers) need() (json.Token, Position, error) {
	tok, pos, err := s.token()
	if err == io.EOF {
		return nil, pos, Errorf(pos, "JSON syntax: the file ends too early")
	}
	return tok, pos, err
}

// seek reads top-level keys up to the respondents array, or to the end.
func (s *jsonAnswers) seek() error {
	if s.dec.More() {
		tok, pos, err := s.need()
		if err != nil {
			return err
		}
		if key, _ := tok.(string); key != "respondents" {
			return Errorf(pos, "unknown key %q: an answers file is {\"respondents\": [...]}", key)
		} else if s.seen {
			return Errorf(pos, "a second \"respondents\" key")
		}
		s.seen = true
		tok, pos, err = s.need()
		if err != nil {
			return err
		}
		if tok != json.Delim('[') {
			return Errorf(pos, "respondents must be an array, not %s", nativeType(tok))
		}
		s.inArray = true
		return nil
	}
	if _, _, err := s.need(); err != nil { // the closing brace
		return err
	}
	if _, pos, err := s.token(); err != io.EOF {
		if err != nil {
			return err
		}
		return Errorf(pos, "unexpected text after the closing brace")
	}
	s.done = true
	return nil
}

// Next returns the next respondent.
func (s *jsonAnswers) Next() (*Respondent, error) {
	for !s.done {
		if !s.inArray {
			if err := s.seek(); err != nil {
				s.done = true
				return nil, err
			}
			continue
		}
		if !s.dec.More() {
			s.inArray = false
			if _, _, err := s.need(); err != nil { // the closing bracket
				s.done = true
				return nil, err
			}
			continue
		}
		resp, err := s.respondent()
		if err != nil {
			s.done = true
		}
		return resp, err
	}
	return nil, io.EOF
}

func (s *jsonAnswers) respondent() (*Respondent, error) {
	tok, pos, err := s.need()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, Errorf(pos, "each respondent must be an object {\"id\", \"attributes\", \"answers\"}, not %s", nativeType(tok))
	}
	s.n++
	resp := &Respondent{Pos: pos, Answers: make([]Cell, s.nq)}
	seen := map[string]bool{}
	for s.dec.More() {
		tok, kpos, err := s.need()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		if seen[key] {
			return nil, Errorf(kpos, "key %q appears twice in this respondent", key)
		}
		seen[key] = true
		switch key {
		case "id":
			v, vpos, err := s.need()
			if err != nil {
				return nil, err
			}
			id, ok := nativeAttribute(v)
			if !ok {
				return nil, Errorf(vpos, "id must be a string or a number, not %s", nativeType(v))
			}
			resp.ID = id
		case "attributes":
			if err := s.object(key, func(name string, v any, at Position) error {
				val, ok := nativeAttribute(v)
				if !ok {
					return Errorf(at, "attribute %q must be a string or a number, not %s", name, nativeType(v))
				}
				if resp.Attributes == nil {
					resp.Attributes = map[string]string{}
				}
				if len(resp.Attributes) == jsonMaxAttributes {
					return Errorf(at, "more than %d attributes in one respondent; no survey has that many", jsonMaxAttributes)
				}
				if _, dup := resp.Attributes[name]; dup {
					return Errorf(at, "attribute %q appears twice", name)
				}
				if val != "" && s.keep(name, val) {
					resp.Attributes[name] = val
				}
				return nil
			}); err != nil {
				return nil, err
			}
		case "answers":
			names := make([]string, s.nq)
			if err := s.object(key, func(name string, v any, at Position) error {
				if e := setAnswer(s.qx, resp, names, name, v, at); e != nil {
					return e
				}
				return nil
			}); err != nil {
				return nil, err
			}
		default:
			return nil, Errorf(kpos, "unknown key %q in a respondent: use id, attributes and answers", key)
		}
	}
	if _, _, err := s.need(); err != nil { // the closing brace
		return nil, err
	}
	if resp.ID == "" {
		resp.ID, resp.IDGenerated = fmt.Sprintf("respondent %d", s.n), true
	}
	return resp, nil
}

// object reads an object of scalar values (or, for answers, arrays of
// them) and calls f for each key with the value and the key's position.
func (s *jsonAnswers) object(what string, f func(key string, v any, at Position) error) error {
	tok, pos, err := s.need()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return Errorf(pos, "%s must be an object, not %s", what, nativeType(tok))
	}
	for s.dec.More() {
		tok, kpos, err := s.need()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		v, _, err := s.need()
		if err != nil {
			return err
		}
		if v == json.Delim('[') && what == "answers" {
			var list []any
			for s.dec.More() {
				e, epos, err := s.need()
				if err != nil {
					return err
				}
				if _, ok := e.(string); !ok {
					return Errorf(epos, "answer to %q must be a string, a number or an array of strings; this array holds %s", key, nativeType(e))
				}
				if len(list) == jsonMaxChoices {
					return Errorf(epos, "answer to %q holds more than %d choices; no question has that many", truncate(key, 80), jsonMaxChoices)
				}
				list = append(list, e)
			}
			if _, _, err := s.need(); err != nil {
				return err
			}
			v = list
			if list == nil {
				v = []any{}
			}
		}
		if err := f(key, v, kpos); err != nil {
			return err
		}
	}
	_, _, err = s.need()
	return err
}

// offsetReader turns the JSON decoder's byte offsets into lines and
// columns (in runes). It keeps only the bytes between the last position
// asked for and what the decoder has read, so memory stays bounded.
type offsetReader struct {
	r         io.Reader
	name      string
	scan      jsonScan // the limits, on every byte read
	buf       []byte
	head      int   // index in buf of offset base
	base      int64 // input offset of buf[head]
	line, col int   // position of base
}

func (o *offsetReader) Read(p []byte) (int, error) {
	if o.scan.err != nil {
		return 0, o.scan.err
	}
	n, err := o.r.Read(p)
	if e := o.scan.feed(o.name, p[:n]); e != nil {
		return 0, e
	}
	o.buf = append(o.buf, p[:n]...)
	return n, err
}

// jsonScan follows strings and nesting in the bytes of a JSON file, and
// fails at the first value past a limit.
type jsonScan struct {
	line, col int // of the next byte, from 1
	inString  bool
	escape    bool
	depth     int
	run       int // bytes of the current string or other token
	err       *Error
}

func (j *jsonScan) feed(name string, p []byte) *Error {
	if j.line == 0 {
		j.line, j.col = 1, 1
	}
	for _, c := range p {
		if j.inString {
			j.run++
			switch {
			case j.escape:
				j.escape = false
			case c == '\\':
				j.escape = true
			case c == '"':
				j.inString = false
			}
			if j.run > jsonMaxString {
				j.err = Errorf(Position{File: name, Line: j.line, Col: j.col}, "a string runs on for more than %d MB; it is not read", jsonMaxString>>20)
			}
		} else {
			switch c {
			case '"':
				j.inString, j.run = true, 0
			case '[', '{':
				if j.depth == jsonMaxDepth {
					j.err = Errorf(Position{File: name, Line: j.line, Col: j.col}, "arrays or objects nested more than %d levels deep; an answers file needs five", jsonMaxDepth)
				}
				j.depth++
				j.run = 0
			case ']', '}':
				j.depth = max(j.depth-1, 0)
				j.run = 0
			case ' ', '\t', '\r', '\n', ',', ':':
				j.run = 0
			default:
				j.run++
				if j.run > jsonMaxToken {
					j.err = Errorf(Position{File: name, Line: j.line, Col: j.col}, "a number or word runs on for more than %d KB; it is not read", jsonMaxToken>>10)
				}
			}
		}
		if j.err != nil {
			return j.err
		}
		if c == '\n' {
			j.line++
			j.col = 1
		} else if c&0xC0 != 0x80 {
			j.col++
		}
	}
	return nil
}

// pos returns the position of input offset off; offsets must not go back.
func (o *offsetReader) pos(off int64) Position {
	for o.base < off && o.head < len(o.buf) {
		if c := o.buf[o.head]; c == '\n' {
			o.line++
			o.col = 1
		} else if c&0xC0 != 0x80 {
			o.col++
		}
		o.head++
		o.base++
	}
	if o.head >= 64<<10 && o.head*2 >= len(o.buf) {
		o.buf = append(o.buf[:0], o.buf[o.head:]...)
		o.head = 0
	}
	return Position{File: o.name, Line: o.line, Col: o.col}
}

// tokenPos returns where the token that follows offset off starts, past
// white space and the ',' or ':' before it.
func (o *offsetReader) tokenPos(off int64) Position {
	p := o.pos(off)
	for i := o.head; i < len(o.buf); i++ {
		switch o.buf[i] {
		case ' ', '\t', '\r', ',', ':':
			p.Col++
		case '\n':
			p.Line++
			p.Col = 1
		default:
			return p
		}
	}
	return p
}
