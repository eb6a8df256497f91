package assess

import (
	"bytes"
	"io"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// SkipAnswer is the [values] answer that makes a raw value missing.
const SkipAnswer = "skip"

// recoder applies [values]: raw cell values that stand for an answer, for
// exports with their own codes (numeric codes with gaps, negative codes
// for "no basis", Qualtrics' -99 for "seen but unanswered").
type recoder struct {
	all map[string]string   // Normalize(raw) → answer
	byQ []map[string]string // by question index
	// missing are the layout's own codes for "no answer".
	missing map[string]bool
}

// layoutMissing are raw values a tool writes for "no answer": Qualtrics
// writes -99 for a question seen but not answered.
var layoutMissing = map[string]map[string]bool{
	LayoutQualtrics: {"-99": true},
}

// newRecoder prepares opt's [values] for rb; nil when there is nothing to
// recode. input names the file being read, for messages when opt does not
// say which file the tables come from.
func newRecoder(rb *Rubric, opt ReadOptions, layout, input string) (*recoder, error) {
	r := &recoder{missing: layoutMissing[layout]}
	if len(opt.Values) == 0 && len(opt.QValues) == 0 && len(r.missing) == 0 {
		return nil, nil
	}
	r.all = normalKeys(opt.Values)
	r.byQ = make([]map[string]string, len(rb.Questions))
	at := Position{File: opt.MapFile}
	if at.File == "" {
		at.File = input
	}
	var errs ErrorList
	ix := rb.index()
	ids := make([]string, 0, len(opt.QValues))
	for id := range opt.QValues {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		q := ix.byID[strings.TrimSpace(id)]
		if qs := ix.byNormID[Normalize(id)]; q == nil && len(qs) == 1 {
			q = qs[0]
		}
		if q == nil {
			errs = append(errs, Errorf(at, "[values.%s]: rubric %q has no question %q", tomlKey(id), rb.ID, id))
			continue
		}
		m := normalKeys(opt.QValues[id])
		if r.byQ[q.Index] == nil {
			r.byQ[q.Index] = m
		} else {
			for k, v := range m {
				r.byQ[q.Index][k] = v
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return r, nil
}

func normalKeys(m map[string]string) map[string]string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys) // two keys with one normal form: the first in sort order wins
	out := make(map[string]string, len(m))
	for _, k := range keys {
		if n := Normalize(k); out[n] == "" {
			out[n] = m[k]
		}
	}
	return out
}

// tomlKey quotes a key for a message when TOML would need it.
func tomlKey(k string) string {
	for i := 0; i < len(k); i++ {
		if !isCodeByte(k[i]) && k[i] != '-' {
			return TOMLString(k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

func (r *recoder) lookup(qi int, n string) (string, bool) {
	if m := r.byQ[qi]; m != nil {
		if a, ok := m[n]; ok {
			return a, true
		}
	}
	a, ok := r.all[n]
	return a, ok
}

func isSkip(answer string) bool { return strings.EqualFold(strings.TrimSpace(answer), SkipAnswer) }

// recode returns the answer values a raw cell stands for, and whether it
// was recoded at all; no values means missing. A multi question's cell of
// several codes ("1,3") is recoded piece by piece.
func (r *recoder) recode(q *Question, raw string) ([]string, bool) {
	n := Normalize(raw)
	if a, ok := r.lookup(q.Index, n); ok {
		if isSkip(a) {
			return nil, true
		}
		return []string{a}, true
	}
	if r.missing[n] {
		return nil, true
	}
	if q.Type != TypeMulti || !strings.ContainsAny(raw, ";,") {
		return nil, false
	}
	var out []string
	hit := false
	for _, piece := range strings.FieldsFunc(raw, func(c rune) bool { return c == ';' || c == ',' }) {
		np := Normalize(piece)
		if np == "" {
			continue
		}
		a, ok := r.lookup(q.Index, np)
		switch {
		case !ok:
			out = append(out, piece)
		case !isSkip(a):
			out = append(out, a)
			hit = true
		default:
			hit = true
		}
	}
	if !hit {
		return nil, false
	}
	return out, true
}

// apply recodes every answer of a respondent read from a native file.
func (r *recoder) apply(rb *Rubric, resp *Respondent) {
	for i, q := range rb.Questions {
		if i >= len(resp.Answers) {
			return
		}
		c := &resp.Answers[i]
		if c.Empty() {
			continue
		}
		var out []string
		changed := false
		for _, v := range c.Values {
			if vals, ok := r.recode(q, v); ok {
				changed = true
				out = append(out, vals...)
			} else {
				out = append(out, v)
			}
		}
		if changed {
			c.Values, c.Numeric = out, false
		}
	}
}

// recodedSource applies [values] to a native source.
type recodedSource struct {
	Source
	rec *recoder
	rb  *Rubric
}

func (s *recodedSource) Next() (*Respondent, error) {
	resp, err := s.Source.Next()
	if resp != nil {
		s.rec.apply(s.rb, resp)
	}
	return resp, err
}

func (s *recodedSource) Close() error {
	if c, ok := s.Source.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// LoadMap reads a map file: a TOML file with the [columns] and [values]
// tables of assessment.toml and nothing else, for `--map FILE`, which
// maps and recodes an export without a project. Errors carry positions.
func LoadMap(file string, data []byte) (ReadOptions, error) {
	if len(data) > MaxProjectSize {
		return ReadOptions{}, ErrorList{Errorf(Position{File: file, Line: 1, Col: 1}, "a map file is %d bytes; the limit is %d", len(data), MaxProjectSize)}
	}
	ix := indexTOML(file, data)
	if ix.err != nil {
		return ReadOptions{}, ErrorList{ix.err}
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		return ReadOptions{}, ErrorList{tomlError(file, err)}
	}
	var errs ErrorList
	for k := range raw {
		if k != "columns" && k != "values" {
			errs = append(errs, Errorf(ix.at(k), "unknown key %q: a map file holds only [columns] and [values] tables", k))
		}
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return ReadOptions{}, errs
	}
	p, err := LoadProject(file, data)
	if err != nil {
		return ReadOptions{}, err
	}
	return p.ReadOptions(), nil
}

// ReadOptions returns the project's [columns] and [values] as options for
// reading its inputs.
func (p *Project) ReadOptions() ReadOptions {
	return ReadOptions{Columns: p.Columns, Values: p.Values, QValues: p.QValues, MapFile: p.File}
}

// With returns o overridden by over: over's format if it has one, and
// over's [columns] and [values] entries beside o's, replacing those with
// the same key (a --map file over a project's tables).
func (o ReadOptions) With(over ReadOptions) ReadOptions {
	out := o
	if over.Format != "" {
		out.Format = over.Format
	}
	if over.MapFile != "" {
		out.MapFile = over.MapFile
	}
	out.Columns = mergeStrings(o.Columns, over.Columns)
	out.Values = mergeStrings(o.Values, over.Values)
	if len(over.QValues) > 0 {
		out.QValues = map[string]map[string]string{}
		for id, m := range o.QValues {
			out.QValues[id] = m
		}
		for id, m := range over.QValues {
			out.QValues[id] = mergeStrings(out.QValues[id], m)
		}
	}
	return out
}

func mergeStrings(a, b map[string]string) map[string]string {
	if len(b) == 0 {
		return a
	}
	out := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
