package assess

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The norms file is TOML, written only by WriteTo so that the same norms
// are always the same bytes (README "Norms" documents it):
//
//	format = 1
//	rubric = "people-first"
//	version = "1.0.0"
//	min_group_size = 5
//	sources = ["<sha256>", ...]          # sorted
//	[[dimension]]                        # in the rubric's order
//	id = "service"
//	n = 12                               # assessments counted
//	counts = [[41, 1], [55, 3]]          # [whole point, assessments], ascending

// MaxNormsSize bounds a norms file: a million assessments fit in 80 MB of
// keys, far more than any consultancy runs.
const MaxNormsSize = 128 << 20

var hexKeyRE = regexp.MustCompile(`^[0-9a-f]{64}$`)

// ReadNorms parses a norms file strictly; every problem comes with its
// line and column.
func ReadNorms(file string, r io.Reader) (*Norms, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxNormsSize+1))
	if err != nil {
		return nil, &Error{Pos: Position{File: file}, Msg: err.Error(), Err: err}
	}
	first := Position{File: file, Line: 1, Col: 1}
	if len(data) > MaxNormsSize {
		return nil, ErrorList{Errorf(first, "norms file is larger than %d bytes", MaxNormsSize)}
	}
	if !utf8.Valid(data) {
		line, col := lineCol(data, invalidUTF8Offset(data))
		return nil, ErrorList{Errorf(Position{File: file, Line: line, Col: col}, "invalid UTF-8: not a norms file")}
	}
	ix := indexTOML(file, data)
	if ix.err != nil {
		return nil, ErrorList{ix.err}
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		return nil, ErrorList{tomlError(file, err)}
	}
	var errs ErrorList
	t := &tomlTable{m: raw, ix: ix, errs: &errs, used: map[string]bool{}}
	for _, k := range []string{"format", "rubric", "version", "min_group_size", "sources"} {
		t.required(k)
	}
	if f := t.integer("format", NormsFormat); f != NormsFormat {
		t.errorf(t.pos("format"), "norms format %d is not supported; this aiready reads format %d", f, NormsFormat)
	}
	n := &Norms{file: file, ix: ix, Rubric: t.str("rubric"), Version: t.str("version"), MinGroupSize: t.integer("min_group_size", 5)}
	if t.has("min_group_size") && n.MinGroupSize < 1 {
		t.errorf(t.pos("min_group_size"), "min_group_size must be at least 1")
	}
	n.Sources = t.strs("sources")
	for i, s := range n.Sources {
		switch {
		case !hexKeyRE.MatchString(s):
			t.errorf(t.pos("sources", i), "sources[%d] is not a sha256 in lower-case hex", i)
		case i > 0 && s <= n.Sources[i-1]:
			t.errorf(t.pos("sources", i), "sources[%d] is out of order or repeated; the file was edited by hand", i)
		}
	}
	for i, m := range t.tables("dimension") {
		d := t.child(m, tomlPath("dimension", i), "")
		d.required("id")
		nd := &NormsDimension{ID: d.str("id"), N: d.integer("n", 0)}
		if n.Dimension(nd.ID) != nil {
			d.errorf(d.pos("id"), "dimension %q is listed twice", nd.ID)
		}
		readCounts(d, nd)
		sum := 0
		for _, c := range nd.Counts {
			sum += c
		}
		if sum != nd.N || nd.N > len(n.Sources) {
			d.errorf(d.pos("n"), "dimension %q: n = %d, but its counts add up to %d of %d assessments", nd.ID, nd.N, sum, len(n.Sources))
		}
		d.done()
		n.Dimensions = append(n.Dimensions, nd)
	}
	t.done()
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	return n, nil
}

func readCounts(d *tomlTable, nd *NormsDimension) {
	v, ok := d.get("counts")
	if !ok {
		return
	}
	pairs, ok := v.([]any)
	if !ok {
		d.errorf(d.pos("counts"), "counts must be an array of [score, assessments] pairs, not %s", tomlType(v))
		return
	}
	last := -1
	for i, p := range pairs {
		pair, _ := p.([]any)
		var score, count int64
		good := len(pair) == 2
		if good {
			score, good = pair[0].(int64)
		}
		if good {
			count, good = pair[1].(int64)
		}
		if !good || score < 0 || score > 100 || count < 1 || int(score) <= last {
			d.errorf(d.pos("counts", i), "counts[%d] must be [score, assessments]: a whole score 0-100 above the one before, and a count of at least 1", i)
			continue
		}
		last = int(score)
		nd.Counts[score] = int(count)
	}
}

// WriteTo writes the norms file. The same norms give the same bytes.
func (n *Norms) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `# aiready norms: how earlier assessments scored, for percentiles.
# Written by 'aiready norms add'; do not edit by hand. It holds aggregates
# only: per dimension, how many assessments scored each whole point. No
# segment, no group of fewer than min_group_size respondents, no names.
format = %d
rubric = %s
version = %s
min_group_size = %d
# The sha256 of each assessment's scored content, so that none counts twice.
sources = [
`, NormsFormat, TOMLString(n.Rubric), TOMLString(n.Version), n.MinGroupSize)
	for _, s := range n.Sources {
		fmt.Fprintf(&b, "  %s,\n", TOMLString(s))
	}
	b.WriteString("]\n")
	for _, d := range n.Dimensions {
		fmt.Fprintf(&b, "\n[[dimension]]\nid = %s\nn = %d\n# [score, assessments]: how many assessments scored each whole point\ncounts = [", TOMLString(d.ID), d.N)
		first := true
		for score, c := range d.Counts {
			if c == 0 {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			fmt.Fprintf(&b, "[%d, %d]", score, c)
		}
		b.WriteString("]\n")
	}
	bw := bufio.NewWriter(w)
	k, err := bw.Write(b.Bytes())
	if err == nil {
		err = bw.Flush()
	}
	return int64(k), err
}

// keyFields are the parts of results.json that say what was measured and
// what it scored. The key hashes them and nothing else, so a rebuild that
// changed only the date, notes, overrides, segments or the trend is the
// same assessment and does not count twice.
var keyFields = []string{"format", "rubric", "respondents", "overall", "dimensions", "questions", "flags", "data_quality"}

// ReadNormsSource parses a results.json for norms: the whole group's
// dimension scores and the key. Segments are never read.
func ReadNormsSource(file string, data []byte) (*NormsSource, error) {
	var rj struct {
		Format      *int       `json:"format"`
		Rubric      *RubricRef `json:"rubric"`
		Respondents *int       `json:"respondents"`
		Date        string     `json:"date"`
		Overall     struct {
			Score *float64 `json:"score"`
		} `json:"overall"`
		Dimensions []earlierDim `json:"dimensions"`
	}
	var parts map[string]json.RawMessage
	err := json.Unmarshal(data, &parts)
	if err == nil {
		err = json.Unmarshal(data, &rj)
	}
	first := Position{File: file, Line: 1, Col: 1}
	if err != nil {
		return nil, resultsJSONError(file, data, err)
	}
	switch {
	case rj.Format == nil || rj.Rubric == nil || rj.Dimensions == nil:
		return nil, Errorf(first, `not a results.json: it has no "format", "rubric" and "dimensions"`)
	case *rj.Format != ResultFormat:
		return nil, Errorf(first, "results.json format %d is not supported; this aiready reads format %d", *rj.Format, ResultFormat)
	}
	if err := checkEarlier(file, rj.Rubric, rj.Respondents, rj.Date, rj.Overall.Score, rj.Dimensions); err != nil {
		return nil, err
	}
	h := sha256.New()
	for _, k := range keyFields {
		var c bytes.Buffer
		if raw, ok := parts[k]; ok {
			_ = json.Compact(&c, raw) // valid: it was just parsed
		}
		fmt.Fprintf(h, "%s=%d:%s\n", k, c.Len(), c.Bytes())
	}
	s := &NormsSource{File: file, Key: hex.EncodeToString(h.Sum(nil)), Rubric: rj.Rubric.ID, Version: rj.Rubric.Version,
		Respondents: derefInt(rj.Respondents), rubricPos: first}
	if i := bytes.Index(data, []byte(`"rubric"`)); i >= 0 {
		s.rubricPos.Line, s.rubricPos.Col = lineCol(data, i)
	}
	for _, d := range rj.Dimensions {
		if slices.ContainsFunc(s.Dimensions, func(x NormsScore) bool { return x.ID == d.ID }) {
			return nil, Errorf(s.rubricPos, "dimension %q is listed twice: not a results.json that aiready wrote", d.ID)
		}
		s.Dimensions = append(s.Dimensions, NormsScore{ID: d.ID, Score: d.Score, N: derefInt(d.N)})
	}
	return s, nil
}

func derefInt(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
