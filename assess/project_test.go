package assess

import (
	"strings"
	"testing"
)

// TestProjectErrors loads an assessment.toml against the rubric base
// (rubric_test.go) and expects exactly these errors, with line and
// column: a message about a value points at the value.
func TestProjectErrors(t *testing.T) {
	r, err := LoadRubric("r.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"mistyped key", "title = \"T\"\nsegment = [\"Role\"]\n",
			[]string{`a.toml:2:1: unknown key "segment"; did you mean "segments"?`}},
		{"mistyped table", "title = \"T\"\n\n[[notes]]\ndimension = \"d\"\nbody = \"x\"\n",
			[]string{`a.toml:3:1: unknown key "notes"; did you mean "note"?`}},
		{"mistyped brand key", "[brand]\ncolour = \"#ffffff\"\n",
			[]string{`a.toml:2:1: brand: unknown key "colour"; did you mean "color"?`}},
		{"unknown key, nothing near", "theme = \"dark\"\n",
			[]string{`a.toml:1:1: unknown key "theme"`}},
		// 'dimension = "morale"': the value starts in column 13.
		{"note, unknown dimension", "[[note]]\ndimension = \"morale\"\nbody = \"x\"\n",
			[]string{`a.toml:2:13: note: unknown dimension "morale" (use "overall" or one of d)`}},
		{"note, near dimension", "[[note]]\nbody = \"x\"\ndimension = \"overal\"\n",
			[]string{`a.toml:3:13: note: unknown dimension "overal" (did you mean "overall"?)`}},
		// Spaces, a quoted key and an inline table: still the value.
		{"note, quoted key", "[[note]]\n  \"dimension\"  =  \"morale\"\nbody = \"x\"\n",
			[]string{`a.toml:2:19: note: unknown dimension "morale" (use "overall" or one of d)`}},
		{"note, inline", "note = [{ body = \"x\", dimension = \"Ω\" }]\n",
			[]string{`a.toml:1:35: note: unknown dimension "Ω" (use "overall" or one of d)`}},
		// 'recommendation = "r2"': column 18.
		{"override, unknown recommendation", "[[override]]\nrecommendation = \"hire\"\naction = \"drop\"\nreason = \"x\"\n",
			[]string{`a.toml:2:18: override: unknown recommendation "hire" (recommendations: r1)`}},
		{"override, near recommendation", "[[override]]\nrecommendation = \"R1\"\naction = \"drop\"\nreason = \"x\"\n",
			[]string{`a.toml:2:18: override: unknown recommendation "R1" (did you mean "r1"?)`}},
		{"override, numbered recommendation", "[[override]]\nrecommendation = \"r2\"\naction = \"drop\"\nreason = \"x\"\n",
			[]string{`a.toml:2:18: override: unknown recommendation "r2" (recommendations: r1)`}},
		{"override twice", "[[override]]\nrecommendation = \"r1\"\naction = \"drop\"\nreason = \"x\"\n[[override]]\nrecommendation = \"r1\"\naction = \"pin\"\nreason = \"y\"\n",
			[]string{`a.toml:6:18: override: recommendation "r1" is overridden twice`}},
		{"override add, unknown dimension", "[[override]]\nrecommendation = \"new\"\naction = \"add\"\nreason = \"x\"\ntitle = \"T\"\nhorizon = 30\ndimension = \"morale\"\n",
			[]string{`a.toml:7:13: override: unknown dimension "morale" (use "overall" or one of d)`}},
		{"override add, existing", "[[override]]\naction = \"add\"\nrecommendation = \"r1\"\nreason = \"x\"\ntitle = \"T\"\nhorizon = 30\n",
			[]string{`a.toml:3:18: override: recommendation "r1" already exists in the rubric; pick a new id to add one`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := LoadProject("a.toml", []byte(tt.src))
			if err == nil {
				err = CheckProject(p, r)
			}
			if err == nil {
				t.Fatal("no error")
			}
			got := Errors(err)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got[i].Error() != w {
					t.Errorf("error %d = %q\n          want %q", i, got[i], w)
				}
			}
		})
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"dimension", "id", "title", "weight", "description"}
	for _, tt := range []struct{ s, want string }{
		{"titel", "title"},   // two letters swapped: one edit
		{"Title", "title"},   // case
		{"wieght", "weight"}, // swapped
		{"weigth", "weight"}, // swapped
		{"dimensions", "dimension"},
		{"descripton", "description"},
		{"d", ""}, // one letter suggests nothing
		{"a", ""},
		{"colour", ""},
		{"tags", ""},
		{"title", ""}, // the key itself is not a suggestion
		{strings.Repeat("x", 200), ""},
	} {
		if got := nearest(tt.s, keys); got != tt.want {
			t.Errorf("nearest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestIDList(t *testing.T) {
	if got := idList([]string{"agree5", "freq5"}); got != "agree5, freq5" {
		t.Errorf("got %q", got)
	}
	many := make([]string, 30)
	for i := range many {
		many[i] = "recommendation-" + string(rune('a'+i%26))
	}
	got := idList(many)
	if !strings.HasSuffix(got, " and 27 more") || len([]rune(got)) > 80 {
		t.Errorf("got %q", got)
	}
	if got := idList([]string{strings.Repeat("é", 1000)}); len([]rune(got)) != 31 {
		t.Errorf("long id: %d runes", len([]rune(got)))
	}
}
