package assess

import (
	"os"
	"strings"
	"testing"
)

// base is a valid rubric; each case below breaks it in one place.
const base = `format = 1
id = "t"
title = "T"
version = "1"

[scales.agree3]
points = [1, 2, 3]
labels = ["No", "Maybe", "Yes"]
skip = ["Don't know"]

[[dimension]]
id = "d"
title = "D"

[[question]]
id = "q1"
dimension = "d"
scale = "agree3"
text = "Q1"

[[question]]
id = "q2"
dimension = "d"
type = "choice"
text = "Q2"
options = [
  { label = "A", points = 0 },
  { label = "B", points = 1 },
]

[[level]]
id = "low"
title = "Low"
min = 0

[[level]]
id = "high"
title = "High"
min = 50

[[recommendation]]
id = "r1"
dimension = "d"
levels = ["low"]
title = "R1"
horizon = 30

[[flag]]
id = "f"
title = "F"
[[flag.when]]
question = "q2"
is = ["A"]
`

func TestLoadRubricValid(t *testing.T) {
	r, err := LoadRubric("r.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if r.Language != "en" || r.Target != 75 || r.MinAnswered != 0.5 || r.Flags[0].Share != 0.25 || r.Flags[0].Severity != "medium" {
		t.Errorf("defaults: %+v", r)
	}
	if len(r.SHA256) != 64 || r.Dimensions[0].TotalWeight != 2 {
		t.Errorf("sha %q total weight %v", r.SHA256, r.Dimensions[0].TotalWeight)
	}
}

// TestLoadRubricErrors replaces text of the valid rubric and expects
// exactly these errors, with line and column.
func TestLoadRubricErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"format", "format = 1", "format = 2", []string{"r.toml:1:1: format 2 is not supported; this aiready reads format 1"}},
		{"format missing", "format = 1\n", "", []string{`r.toml:1:1: missing required key "format"`}},
		{"syntax", `title = "T"`, `title = "T`, []string{"r.toml:3:"}},
		{"unknown top key", `version = "1"`, "version = \"1\"\ncolour = 1", []string{`r.toml:5:1: unknown key "colour"`}},
		{"unknown question key", `text = "Q1"`, "text = \"Q1\"\nwieght = 2", []string{`r.toml:20:1: question "q1": unknown key "wieght"`}},
		{"unknown scale", `scale = "agree3"`, `scale = "agree7"`, []string{`r.toml:18:1: question "q1": unknown scale "agree7" (scales: agree3)`}},
		{"unknown scale, many", "[scales.agree3]", "[scales.frequency-of-use-at-work]\npoints = [1, 2]\nlabels = [\"a\", \"b\"]\n[scales.agreement-with-the-statement]\npoints = [1, 2]\nlabels = [\"a\", \"b\"]\n[scales.likelihood]\npoints = [1, 2]\nlabels = [\"a\", \"b\"]\n[scales.agree-three]",
			[]string{`r.toml:27:1: question "q1": unknown scale "agree3" (scales: frequency-of-use-at-work, agreement-with-the-statement and 2 more)`}},
		{"no scales", "[scales.agree3]\npoints = [1, 2, 3]\nlabels = [\"No\", \"Maybe\", \"Yes\"]\nskip = [\"Don't know\"]\n", "",
			[]string{`r.toml:14:1: question "q1": unknown scale "agree3" (the rubric has no [scales.NAME] table)`}},
		{"mistyped key", `title = "D"`, `titel = "D"`, []string{`r.toml:11:1: dimension "d": missing required key "title"`, `r.toml:13:1: dimension "d": unknown key "titel"; did you mean "title"?`}},
		{"mistyped key, case", `title = "D"`, `Title = "D"`, []string{`r.toml:11:1: dimension "d": missing required key "title"`, `r.toml:13:1: dimension "d": unknown key "Title"; did you mean "title"?`}},
		{"mistyped key, long", `text = "Q1"`, "text = \"Q1\"\nrevrese = true", []string{`r.toml:20:1: question "q1": unknown key "revrese"; did you mean "reverse"?`}},
		{"mistyped table", "[[dimension]]", "[[dimensions]]", []string{`r.toml:1:1: no [[dimension]]: a rubric needs at least one`, `r.toml:11:1: unknown key "dimensions"; did you mean "dimension"?`,
			`r.toml:17:1: question "q1": unknown dimension "d"`, `r.toml:23:1: question "q2": unknown dimension "d"`, `r.toml:43:1: recommendation "r1": unknown dimension "d"`}},
		{"mistyped scales", "[scales.agree3]", "[scale.agree3]", []string{`r.toml:6:1: unknown key "scale"; did you mean "scales"?`, `r.toml:18:1: question "q1": unknown scale "agree3" (the rubric has no [scales.NAME] table)`}},
		{"mistyped condition key", `is = ["A"]`, `iz = ["A"]`, []string{`r.toml:51:1: flag "f": a condition needs is, min or max`, `r.toml:53:1: flag "f": unknown key "iz"; did you mean "is"?`}},
		{"unknown key, nothing near", `title = "D"`, "title = \"D\"\nweighting = 2", []string{`r.toml:14:1: dimension "d": unknown key "weighting"`}},
		{"mistyped dimension", "dimension = \"d\"\nscale", "dimension = \"D\"\nscale", []string{`r.toml:17:1: question "q1": unknown dimension "D"; did you mean "d"?`}},
		{"mistyped level", `levels = ["low"]`, `levels = ["lwo"]`, []string{`r.toml:44:11: recommendation "r1": unknown level "lwo"; did you mean "low"?`}},
		{"unknown dimension", "dimension = \"d\"\nscale", "dimension = \"x\"\nscale", []string{`r.toml:17:1: question "q1": unknown dimension "x"`}},
		{"duplicate question", `id = "q2"`, `id = "q1"`, []string{`r.toml:22:1: question "q1": duplicate question id "q1"`, `r.toml:52:1: flag "f": unknown question "q2"`}},
		{"weight zero", `text = "Q1"`, "text = \"Q1\"\nweight = 0", []string{`r.toml:20:1: question "q1": weight 0 must be greater than 0`}},
		{"dimension weight negative", `title = "D"`, "title = \"D\"\nweight = -1", []string{`r.toml:14:1: dimension "d": weight -1 must be greater than 0`}},
		{"labels and points", `labels = ["No", "Maybe", "Yes"]`, `labels = ["No", "Yes"]`, []string{`r.toml:8:1: scale "agree3": 2 labels for 3 points; give one label per point`}},
		{"points not rising", "points = [1, 2, 3]", "points = [1, 3, 2]", []string{`r.toml:7:17: scale "agree3": points must rise strictly: 2 follows 3`}},
		{"first level not 0", "min = 0", "min = 10", []string{`r.toml:34:1: level "low": the first level must have min = 0, not 10`}},
		{"levels not rising", "min = 50", "min = 0", []string{`r.toml:39:1: level "high": min 0 must be above the previous level's 0: levels rise`}},
		{"dangling level", `levels = ["low"]`, `levels = ["lowest"]`, []string{`r.toml:44:11: recommendation "r1": unknown level "lowest"`}},
		{"dangling option", `is = ["A"]`, `is = ["C"]`, []string{`r.toml:53:7: flag "f": question "q2" has no option "C"`}},
		{"dangling flag question", `question = "q2"`, `question = "q9"`, []string{`r.toml:52:1: flag "f": unknown question "q9"`}},
		{"dangling caps", `title = "F"`, "title = \"F\"\ncaps = \"mid\"", []string{`r.toml:51:1: flag "f": unknown level "mid"`}},
		{"flag without when", "[[flag.when]]\nquestion = \"q2\"\nis = [\"A\"]\n", "", []string{`r.toml:48:1: flag "f": a flag needs at least one [[flag.when]] condition`}},
		{"recommendation flag dangling", "dimension = \"d\"\nlevels = [\"low\"]", `flag = "nope"`, []string{`r.toml:43:1: recommendation "r1": unknown flag "nope"`}},
		{"horizon", "horizon = 30", "horizon = 45", []string{`r.toml:46:1: recommendation "r1": horizon 45: use 30, 60 or 90 (days)`}},
		{"type", `type = "choice"`, `type = "ranking"`, []string{`r.toml:24:1: question "q2": unknown type "ranking": use scale, choice, multi or text`}},
		{"wrong type", `title = "T"`, `title = 3`, []string{`r.toml:3:1: title must be a string, not an integer`}},
		{"severity", `title = "F"`, "title = \"F\"\nseverity = \"urgent\"", []string{`r.toml:51:1: flag "f": severity "urgent": use low, medium or high`}},
		{"many at once", `scale = "agree3"`, "scale = \"agree9\"\nreverse = \"yes\"", []string{
			`r.toml:18:1: question "q1": unknown scale "agree9"`,
			`r.toml:19:1: question "q1": reverse must be true or false, not a string`,
		}},
		{"equal options", `{ label = "B", points = 1 }`, `{ label = "B", points = 0 }`, []string{`r.toml:26:1: question "q2": every option has 0 points; options must differ to score`}},
		{"duplicate label", `labels = ["No", "Maybe", "Yes"]`, `labels = ["No", "no", "Yes"]`, []string{`r.toml:8:17: scale "agree3": label "no" appears twice`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.old) {
				t.Fatalf("base lacks %q", tt.old)
			}
			src := strings.Replace(base, tt.old, tt.new, 1)
			_, err := LoadRubric("r.toml", []byte(src))
			if err == nil {
				t.Fatal("loaded a broken rubric")
			}
			got := Errors(err)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i].Error(), w) {
					t.Errorf("error %d = %q, want %q", i, got[i], w)
				}
			}
		})
	}
}

func TestPeopleFirstRubric(t *testing.T) {
	data, err := os.ReadFile("../rubrics/people-first.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRubric("people-first.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"service", "human", "upskill", "longterm"}
	if len(r.Dimensions) != 4 {
		t.Fatalf("%d dimensions", len(r.Dimensions))
	}
	for i, d := range r.Dimensions {
		if d.ID != want[i] {
			t.Errorf("dimension %d is %q, want %q", i, d.ID, want[i])
		}
		scored, reverse, choice := 0, 0, 0
		for _, q := range d.Questions {
			if q.Scored() {
				scored++
			}
			if q.Reverse {
				reverse++
			}
			if q.Type == TypeChoice || q.Type == TypeMulti {
				choice++
			}
		}
		if scored < 8 || reverse < 1 || choice < 1 {
			t.Errorf("%s: %d scored, %d reverse, %d choice/multi", d.ID, scored, reverse, choice)
		}
		for _, lv := range r.Levels[:len(r.Levels)-1] {
			found := false
			for _, rc := range r.Recommendations {
				found = found || (rc.Dimension == d.ID && contains(rc.Levels, lv.ID) && strings.Contains(rc.Body, "First step"))
			}
			if !found {
				t.Errorf("%s at level %s: no recommendation with a first step", d.ID, lv.ID)
			}
		}
	}
	if len(r.Levels) != 5 || r.Levels[0].Title != "Automating blindly" {
		t.Errorf("levels: %d, first %q", len(r.Levels), r.Levels[0].Title)
	}
	if f := r.Flag("klarna-pattern"); f == nil || f.Caps == "" || len(r.Flags) < 4 {
		t.Errorf("flags: %d, klarna-pattern %+v", len(r.Flags), f)
	}
	for _, s := range r.Scales {
		if !contains(s.Skip, "Not applicable") || !contains(s.Skip, "Don't know") {
			t.Errorf("scale %s skip %v", s.ID, s.Skip)
		}
	}
}
