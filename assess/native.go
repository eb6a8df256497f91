package assess

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxNativeTOMLSize bounds a native TOML answers file, which is read whole:
// the format is for hand-sized sets; tools should write JSON or CSV.
const MaxNativeTOMLSize = 32 << 20

// Native answers name questions by id (or by text or alias, after
// Normalize). They are written by tools, so reading is strict: an unknown
// key or question is an error, not a warning.

// nativeAnswer turns an answer value into a cell: a string, a number, or
// an array of strings (a multi answer). A JSON null or an empty array is
// no answer. ok is false for any other value.
func nativeAnswer(v any) (c Cell, ok bool) {
	switch v := v.(type) {
	case nil:
		return Cell{}, true
	case string:
		return Cell{Values: []string{v}}, true
	case int64:
		return Cell{Values: []string{strconv.FormatInt(v, 10)}, Numeric: true}, true
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Cell{}, false
		}
		return Cell{Values: []string{strconv.FormatFloat(v, 'g', -1, 64)}, Numeric: true}, true
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return Cell{}, false
		}
		return nativeAnswer(f)
	case []any:
		vals := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return Cell{}, false
			}
			vals = append(vals, s)
		}
		return Cell{Values: vals}, true
	}
	return Cell{}, false
}

// nativeAttribute turns an attribute value into its text: a string or a
// number; a JSON null is no value.
func nativeAttribute(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", true
	case string:
		return v, true
	case int64:
		return strconv.FormatInt(v, 10), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	case json.Number:
		return v.String(), true
	}
	return "", false
}

// setAnswer puts an answer under key into resp, or says why it cannot.
func setAnswer(qx *questionIndex, resp *Respondent, names []string, key string, v any, pos Position) *Error {
	q, _, why := qx.lookup(key)
	if q == nil {
		if why != "" {
			return Errorf(pos, "answer %q: %s; use the question id", key, why)
		}
		return Errorf(pos, "unknown question %q", key)
	}
	c, ok := nativeAnswer(v)
	if !ok {
		return Errorf(pos, "answer to %q must be a string, a number or an array of strings, not %s", key, nativeType(v))
	}
	if prev := names[q.Index]; prev != "" {
		return Errorf(pos, "question %q is answered twice: as %q and as %q", q.ID, prev, key)
	}
	names[q.Index] = key
	c.Pos = pos
	resp.Answers[q.Index] = c
	return nil
}

func nativeType(v any) string {
	switch v := v.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "an array"
	case []any:
		return "an array of other than strings"
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	}
	return tomlType(v)
}

// tomlAnswers is a native TOML answers file, decoded whole.
type tomlAnswers struct {
	name string
	ix   *tomlIndex
	list []map[string]any
	i    int
	qx   *questionIndex
	nq   int
	attrFilter
}

func openNativeTOML(name string, r io.Reader, rb *Rubric) (Source, error) {
	data, err := readAllLimit(name, r, MaxNativeTOMLSize, "native TOML answer files")
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		line, col := lineCol(data, invalidUTF8Offset(data))
		return nil, Errorf(Position{File: name, Line: line, Col: col}, "invalid UTF-8; save the file as UTF-8")
	}
	// Bound the nesting before decoding: the decoder's cost grows faster
	// than the depth, so a hostile file would take minutes and gigabytes.
	ix := indexTOML(name, data)
	if ix.err != nil {
		return nil, ix.err
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		return nil, tomlError(name, err)
	}
	s := &tomlAnswers{name: name, ix: ix, qx: rb.index(), nq: len(rb.Questions)}
	var errs ErrorList
	for _, k := range s.sortedKeys(raw, "") {
		if k != "respondent" {
			errs = append(errs, Errorf(s.ix.at(k), "unknown key %q: an answers file holds [[respondent]] tables", k))
		}
	}
	switch v := raw["respondent"].(type) {
	case nil:
	case []map[string]any:
		s.list = v
	default:
		errs = append(errs, Errorf(s.ix.at("respondent"), "respondent must be an array of tables, written [[respondent]]"))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// sortedKeys lists a table's keys in file order.
func (s *tomlAnswers) sortedKeys(m map[string]any, path string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortByPos(keys, func(k string) Position { return s.ix.at(joinPath(path, []string{k})) })
	return keys
}

func (s *tomlAnswers) Columns() []Column { return nil }
func (s *tomlAnswers) Close() error      { return nil }

// Next returns the next [[respondent]]; every problem of one respondent
// is reported together.
func (s *tomlAnswers) Next() (*Respondent, error) {
	if s.i >= len(s.list) {
		return nil, io.EOF
	}
	m, path := s.list[s.i], tomlPath("respondent", s.i)
	s.i++
	resp := &Respondent{Pos: s.ix.at(path), Answers: make([]Cell, s.nq)}
	var errs ErrorList
	for _, k := range s.sortedKeys(m, path) {
		at := s.ix.at(tomlPath(path, k))
		switch v := m[k]; k {
		case "id":
			id, ok := nativeAttribute(v)
			if !ok {
				errs = append(errs, Errorf(at, "id must be a string or a number, not %s", nativeType(v)))
			}
			resp.ID = id
		case "attributes":
			t, ok := v.(map[string]any)
			if !ok {
				errs = append(errs, Errorf(at, "attributes must be a table, not %s", nativeType(v)))
				continue
			}
			sub := tomlPath(path, k)
			for _, name := range s.sortedKeys(t, sub) {
				val, ok := nativeAttribute(t[name])
				if !ok {
					errs = append(errs, Errorf(s.ix.at(tomlPath(sub, name)), "attribute %q must be a string or a number, not %s", name, nativeType(t[name])))
					continue
				}
				if val == "" || !s.keep(name, val) {
					continue
				}
				if resp.Attributes == nil {
					resp.Attributes = map[string]string{}
				}
				resp.Attributes[name] = val
			}
		case "answers":
			t, ok := v.(map[string]any)
			if !ok {
				errs = append(errs, Errorf(at, "answers must be a table, not %s", nativeType(v)))
				continue
			}
			sub := tomlPath(path, k)
			names := make([]string, s.nq)
			for _, key := range s.sortedKeys(t, sub) {
				if e := setAnswer(s.qx, resp, names, key, t[key], s.ix.at(tomlPath(sub, key))); e != nil {
					errs = append(errs, e)
				}
			}
		default:
			errs = append(errs, Errorf(at, "unknown key %q in a respondent: use id, attributes and answers", k))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if resp.ID == "" {
		resp.ID, resp.IDGenerated = fmt.Sprintf("respondent %d", s.i), true
	}
	return resp, nil
}
