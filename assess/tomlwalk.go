package assess

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// tomlTable reads one decoded TOML table strictly: each getter notes the key
// as known and records a positioned error when its type is wrong; done()
// then reports every key nobody asked for. One walk collects all problems.
type tomlTable struct {
	m    map[string]any
	path string
	ix   *tomlIndex
	errs *ErrorList
	used map[string]bool
	what string // "question \"q9\"", for messages
}

func (t *tomlTable) child(m map[string]any, path, what string) *tomlTable {
	return &tomlTable{m: m, path: path, ix: t.ix, errs: t.errs, used: map[string]bool{}, what: what}
}

func (t *tomlTable) pos(key ...any) Position {
	return t.ix.at(tomlPath(append([]any{t.path}, key...)...))
}

func (t *tomlTable) errorf(pos Position, format string, args ...any) {
	// Keys, ids and values come from the file: a 5 MB key must not make a
	// 5 MB error line.
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = truncate(s, 80)
		}
	}
	msg := fmt.Sprintf(format, args...)
	if t.what != "" {
		msg = truncate(t.what, 100) + ": " + msg
	}
	*t.errs = append(*t.errs, &Error{Pos: pos, Msg: msg})
}

func (t *tomlTable) get(key string) (any, bool) {
	t.used[key] = true
	v, ok := t.m[key]
	return v, ok
}

func (t *tomlTable) has(key string) bool { _, ok := t.m[key]; return ok }

func (t *tomlTable) required(key string) {
	if !t.has(key) {
		t.errorf(t.pos(), "missing required key %q", key)
	}
}

func (t *tomlTable) str(key string) string {
	v, ok := t.get(key)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.errorf(t.pos(key), "%s must be a string, not %s", key, tomlType(v))
	}
	return s
}

// date reads key as a TOML date (a date and time is cut to its day), in
// UTC, with a year CheckYear allows; the zero time when it is not given
// or is wrong (then an error says so, with example as a right one).
func (t *tomlTable) date(key, example string) time.Time {
	v, ok := t.get(key)
	if !ok {
		return time.Time{}
	}
	d, ok := v.(time.Time)
	if !ok {
		t.errorf(t.pos(key), "%s must be a TOML date such as %s, not %s", key, example, tomlType(v))
		return time.Time{}
	}
	day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	if msg := CheckYear(day); msg != "" {
		t.errorf(t.pos(key), "%s %s: %s", key, d.Format("2006-01-02"), msg)
	}
	return day
}

func (t *tomlTable) num(key string, def float64) float64 {
	v, ok := t.get(key)
	if !ok {
		return def
	}
	f, ok := toFloat(v)
	if !ok {
		t.errorf(t.pos(key), "%s must be a number, not %s", key, tomlType(v))
		return def
	}
	return f
}

// optNum returns nil when the key is absent.
func (t *tomlTable) optNum(key string) *float64 {
	if !t.has(key) {
		t.used[key] = true
		return nil
	}
	f := t.num(key, math.NaN())
	if math.IsNaN(f) {
		return nil
	}
	return &f
}

func (t *tomlTable) integer(key string, def int) int {
	v, ok := t.get(key)
	if !ok {
		return def
	}
	i, ok := v.(int64)
	if !ok {
		t.errorf(t.pos(key), "%s must be an integer, not %s", key, tomlType(v))
		return def
	}
	return int(i)
}

func (t *tomlTable) boolean(key string) bool {
	v, ok := t.get(key)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.errorf(t.pos(key), "%s must be true or false, not %s", key, tomlType(v))
	}
	return b
}

func (t *tomlTable) strs(key string) []string {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		t.errorf(t.pos(key), "%s must be an array of strings, not %s", key, tomlType(v))
		return nil
	}
	out := make([]string, 0, len(a))
	for i, e := range a {
		s, ok := e.(string)
		if !ok {
			t.errorf(t.pos(key, i), "%s[%d] must be a string, not %s", key, i, tomlType(e))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (t *tomlTable) nums(key string) []float64 {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		t.errorf(t.pos(key), "%s must be an array of numbers, not %s", key, tomlType(v))
		return nil
	}
	out := make([]float64, 0, len(a))
	for i, e := range a {
		f, ok := toFloat(e)
		if !ok {
			t.errorf(t.pos(key, i), "%s[%d] must be a number, not %s", key, i, tomlType(e))
			continue
		}
		out = append(out, f)
	}
	return out
}

// tables returns an array of tables (or of inline tables).
func (t *tomlTable) tables(key string) []map[string]any {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	switch a := v.(type) {
	case []map[string]any:
		return a
	case []any:
		out := make([]map[string]any, 0, len(a))
		for i, e := range a {
			m, ok := e.(map[string]any)
			if !ok {
				t.errorf(t.pos(key, i), "%s[%d] must be a table, not %s", key, i, tomlType(e))
				continue
			}
			out = append(out, m)
		}
		return out
	}
	t.errorf(t.pos(key), "%s must be an array of tables, not %s", key, tomlType(v))
	return nil
}

func (t *tomlTable) table(key string) map[string]any {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.errorf(t.pos(key), "%s must be a table, not %s", key, tomlType(v))
	}
	return m
}

// maxSuggested bounds the unknown keys of one table that get a "did you
// mean": a file of 100 000 stray keys is not a file of typos.
const maxSuggested = 20

// done reports the keys that no getter asked for, in file order, each
// with the known key it is likely a typo of.
func (t *tomlTable) done() {
	var unknown []string
	for k := range t.m {
		if !t.used[k] {
			unknown = append(unknown, k)
		}
	}
	// An array of tables ([[overide]]) is indexed by its elements.
	keyPos := func(k string) Position {
		if _, ok := t.ix.pos[tomlPath(t.path, k)]; !ok {
			return t.pos(k, 0)
		}
		return t.pos(k)
	}
	sort.Slice(unknown, func(i, j int) bool {
		pi, pj := keyPos(unknown[i]), keyPos(unknown[j])
		if pi.Line != pj.Line {
			return pi.Line < pj.Line
		}
		return unknown[i] < unknown[j]
	})
	var known []string
	for k := range t.used {
		known = append(known, k)
	}
	sort.Strings(known)
	for i, k := range unknown {
		hint := ""
		if i < maxSuggested {
			hint = didYouMean(k, known)
		}
		t.errorf(keyPos(k), "unknown key %q%s", k, hint)
	}
}

func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return 0, false
		}
		return n, true
	}
	return 0, false
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", v), "toml.")
}
