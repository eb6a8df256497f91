package assess

import (
	"errors"
	"strings"
	"testing"
)

// FuzzLoadProject: no assessment.toml panics, and every error carries a
// position inside the file.
func FuzzLoadProject(f *testing.F) {
	f.Add([]byte(`title = "Northwind Financial: AI adoption readiness"
client = "Northwind Financial"
date = 2026-11-20
rubric = "people-first"
inputs = ["responses.csv"]
segments = ["Role", "Team"]
min_group_size = 5
comments = false
previous = "../2026-05/out/results.json"
out = "out"

[brand]
consultancy = "Example Advisory"
logo = "logo.png"
color = "#1f6feb"

[columns]
"Q3_1" = "q03"
"Which team are you in?" = "attr:Team"

[values]
"-99" = "skip"
[values.q07]
"6" = "skip"

[[note]]
dimension = "human"
body = """Markdown."""

[[override]]
recommendation = "service-scorecard"
action = "drop"
reason = "The client already reports satisfaction per AI tool."

[[override]]
recommendation = "own-idea"
action = "add"
title = "Do this"
horizon = 60
body = "Because."
`))
	f.Add([]byte("date = \"2026-11-20\"\n[brand]\ncolor = \"blue\"\nlogo = \"x.gif\"\n[[override]]\naction = \"hide\"\nreason = \" \"\n"))
	f.Add([]byte("x = [[[[{a = [1, {b = 2}]}]]]]\n[values]\n\"a.b\" = 3\n"))
	f.Add([]byte("min_group_size = 0\ninputs = [1, \"a\"]\n[[note]]\n[columns]\nq = 1\n"))
	// Issue 15: hidden nesting, and more overrides than the limit.
	f.Add([]byte(deepAfterNewlineTable(40)))
	f.Add([]byte(strings.Repeat("[[override]]\nrecommendation = \"x\"\naction = \"add\"\n", maxOverrides+1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := LoadProject("assessment.toml", data)
		if err == nil {
			if p == nil {
				t.Fatal("nil project without an error")
			}
			return
		}
		var l ErrorList
		if !errors.As(err, &l) || len(l) == 0 {
			t.Fatalf("error is not an ErrorList: %T %v", err, err)
		}
		lines := 1
		for _, c := range data {
			if c == '\n' {
				lines++
			}
		}
		for _, e := range l {
			if e.Pos.File != "assessment.toml" || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Fatalf("error without a position in the file: %q (%d lines)", e, lines)
			}
			if len(e.Msg) > 1000 {
				t.Fatalf("error of %d bytes", len(e.Msg))
			}
		}
	})
}
