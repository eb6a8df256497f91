package assess

import (
	"fmt"
	"io"
	"sort"
)

// MaxSegmentValues bounds the values SegmentValues gathers per attribute:
// a segment is a handful of groups, a team list at most; a column with
// more is a free-text or identity column, not a segment.
const MaxSegmentValues = 1000

// SegmentValues reads an answers file (an earlier export of the survey)
// and returns, per attribute of attrs (matched after Normalize, as
// scoring matches them), the distinct values its rows give, sorted by
// their normal form; values that differ only as Normalize ignores are
// one value, spelt as first seen. An attribute the file lacks is an
// error: the survey would not ask for what was meant.
func SegmentValues(name string, r io.Reader, rb *Rubric, opt ReadOptions, attrs []string) (map[string][]string, error) {
	src, err := OpenAnswers(name, r, rb, opt)
	if err != nil {
		return nil, err
	}
	if c, ok := src.(io.Closer); ok {
		defer c.Close()
	}
	want := map[string]string{} // normal form → attribute as asked
	for _, a := range attrs {
		want[Normalize(a)] = a
	}
	seen := map[string]map[string]string{} // attribute → normal value → first spelling
	found := map[string]bool{}
	if cols := src.Columns(); cols != nil {
		for _, c := range cols {
			if c.Kind == ColumnAttribute {
				if a, ok := want[Normalize(c.Attr)]; ok {
					found[a] = true
				}
			}
		}
	}
	for {
		resp, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		for k, v := range resp.Attributes {
			a, ok := want[Normalize(k)]
			if !ok {
				continue
			}
			found[a] = true
			n := Normalize(v)
			if n == "" {
				continue
			}
			m := seen[a]
			if m == nil {
				m = map[string]string{}
				seen[a] = m
			}
			if _, dup := m[n]; dup {
				continue
			}
			if len(m) == MaxSegmentValues {
				return nil, &Error{Pos: resp.Pos, Msg: fmt.Sprintf("attribute %q has more than %d values: it is not a segment", a, MaxSegmentValues)}
			}
			m[n] = v
		}
	}
	out := map[string][]string{}
	for _, a := range attrs {
		if !found[a] {
			return nil, &Error{Pos: Position{File: name}, Msg: fmt.Sprintf("has no column %q to take the segment's values from", a)}
		}
		m := seen[a]
		keys := make([]string, 0, len(m))
		for n := range m {
			keys = append(keys, n)
		}
		sort.Strings(keys)
		for _, n := range keys {
			out[a] = append(out[a], m[n])
		}
	}
	return out, nil
}
