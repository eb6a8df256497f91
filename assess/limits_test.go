package assess

import (
	"bytes"
	"strings"
	"testing"
)

// The tests of issue 15's limits: inputs shaped so that a reader without
// bounds spends gigabytes or minutes on them. Each must be refused early,
// with a positioned error naming the limit. The same attacks at full size,
// measured for memory and time, run in cmd/aiready/limits_test.go.

// deepAfterNewlineTable is valid TOML 1.1: an inline table that opens with
// a newline, then n nested inline tables. Before the limit counted every
// bracket, the scanner lost its place in the first table and let the
// decoder meet all n levels (10 000 levels: 4 GB, 21 s).
func deepAfterNewlineTable(n int) string {
	return "x = {\n}\na = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n"
}

func TestTOMLDepthAcrossLayouts(t *testing.T) {
	docs := map[string]string{
		"after a multi-line inline table": deepAfterNewlineTable(1000),
		"arrays after one":                "x = {\n}\na = " + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + "\n",
		"newline after each brace":        "a = " + strings.Repeat("{\na=", 1000) + "1" + strings.Repeat("}", 1000) + "\n",
		"comment after each brace":        "a = " + strings.Repeat("{ # }}}\na=", 1000) + "1" + strings.Repeat("}", 1000) + "\n",
		"arrays of multi-line tables":     "a = " + strings.Repeat("[{\na=", 1000) + "1" + strings.Repeat("}]", 1000) + "\n",
	}
	for name, doc := range docs {
		ix := indexTOML("d.toml", []byte(doc))
		if ix.err == nil || !strings.Contains(ix.err.Msg, "nested more than 32 levels") {
			t.Errorf("%s: indexTOML error %v, want the nesting limit", name, ix.err)
		}
	}
	// Brackets inside strings and comments are not nesting.
	ok := "a = \"" + strings.Repeat("{[", 100) + "\"\nb = '" + strings.Repeat("[", 100) + "'\n# " + strings.Repeat("{", 100) +
		"\nc = \"\"\"\n" + strings.Repeat("[\n", 100) + "\"\"\"\nd = '''" + strings.Repeat("{", 100) + "'''\ne = \"\\\"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\"\n" +
		"f = {\n  g = 1, # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n  h = [\n 1,\n ],\n}\n[[t]]\n[[t]]\ni = " + strings.Repeat("[", 30) + strings.Repeat("]", 30) + "\n"
	if ix := indexTOML("ok.toml", []byte(ok)); ix.err != nil {
		t.Errorf("strings and comments counted as nesting: %v", ix.err)
	}
	// Keys after a multi-line inline table keep their positions.
	ix := indexTOML("p.toml", []byte("x = {\n  a = 1,\n  # c\n  b = { c = 2 },\n}\ny = 1\n"))
	for path, want := range map[string]Position{"x.a": {"p.toml", 2, 3}, "x.b.c": {"p.toml", 4, 9}, "y": {"p.toml", 6, 1}} {
		if got := ix.at(path); got != want {
			t.Errorf("%s at %v, want %v", path, got, want)
		}
	}
}

// Every TOML input kind is refused the same way.
func TestTOMLDepthEveryInput(t *testing.T) {
	doc := []byte(deepAfterNewlineTable(2000))
	want := "nested more than 32 levels deep"
	check := func(what string, err error) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), ":3:101:") {
			t.Errorf("%s: %v, want the nesting limit at 3:101", what, err)
		}
	}
	_, err := LoadRubric("r.toml", doc)
	check("rubric", err)
	_, err = LoadProject("assessment.toml", doc)
	check("assessment.toml", err)
	_, err = LoadMap("map.toml", doc)
	check("--map", err)
	_, err = ReadNorms("norms.toml", bytes.NewReader(doc))
	check("--norms", err)
	_, err = OpenAnswers("a.toml", bytes.NewReader(doc), readerRubric(t), ReadOptions{Format: FormatTOML})
	check("answers", err)
}
