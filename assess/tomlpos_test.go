package assess

import "testing"

func TestIndexTOML(t *testing.T) {
	src := `format = 1 # comment
id = "x"
description = """
[[question]]
not = a key
"""
[scales.agree5]
points = [1, 2,
  3]
[[question]]
id = "a"
[[question]]
  id = 'b'
  options = [
    { label = "x, y", points = 1 },
    {label="z",points=2},
  ]
[[flag]]
id = "f"
[[flag.when]]
question = "a"
[[flag.when]]
dimension = "d"
"Q3_1" = "q03"
`
	ix := indexTOML("r.toml", []byte(src))
	tests := []struct {
		path      string
		line, col int
	}{
		{"format", 1, 1},
		{"id", 2, 1},
		{"description", 3, 1},
		{"scales.agree5", 7, 1},
		{"scales.agree5.points", 8, 1},
		{"scales.agree5.points.2", 9, 3},
		{"question.0", 10, 1},
		{"question.0.id", 11, 1},
		{"question.1.id", 13, 3},
		{"question.1.options.0", 15, 5},
		{"question.1.options.1.points", 16, 16},
		{"flag.0.when.0.question", 21, 1},
		{"flag.0.when.1.dimension", 23, 1},
		{"flag.0.when.1.Q3_1", 24, 1},
		{"question.1.missing", 12, 1}, // falls back to question.1
	}
	for _, tt := range tests {
		p := ix.at(tt.path)
		if p.Line != tt.line || p.Col != tt.col {
			t.Errorf("%s at %d:%d, want %d:%d", tt.path, p.Line, p.Col, tt.line, tt.col)
		}
	}
	if _, ok := ix.pos["question.2"]; ok {
		t.Error("the header inside a multi-line string was indexed")
	}
}
