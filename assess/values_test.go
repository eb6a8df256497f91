package assess

import (
	"reflect"
	"strings"
	"testing"
)

// [values] recodes raw answers before scoring: codes with gaps, negative
// codes for "no basis", a question's own table over the shared one, and
// a multi answer's codes one by one.
func TestValuesRecoding(t *testing.T) {
	opt := ReadOptions{
		Values: map[string]string{"-1": "skip", "-2": "SKIP", "99": "Agree", "x": "Not applicable"},
		QValues: map[string]map[string]string{
			"q01":        {"10": "Strongly disagree", "20": "Disagree", "40": "Agree", "99": "Strongly agree"},
			"Goal":       {"A1": "Cut headcount and cost", "A3": "Better service for customers and staff"},
			"safeguards": {"1": "Human review", "3": "Customer feedback, per tool", "9": "skip"},
		},
	}
	src := "ID,q01,q02,goal,safeguards,Notes\n" +
		"r1,10,99,a1,\"1,3\",\n" +
		"r2,40,-1,A3,9,1\n" +
		"r3,99, -2 ,A2,\"1; 4\",-1\n" +
		"r4,-99,x,,,\n"
	resps, _, err := readAnswers(t, "a.csv", src, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Strongly disagree", "Agree", "Cut headcount and cost", "Human review|Customer feedback, per tool"},
		{"Agree", "", "Better service for customers and staff", ""},
		{"Strongly agree", "", "A2", "Human review| 4"},
		{"-99", "Not applicable", "", ""},
	}
	for i, r := range resps {
		got := []string{cellOf(t, r, "q01"), cellOf(t, r, "q02"), cellOf(t, r, "goal"), cellOf(t, r, "safeguards")}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s: got %q, want %q", r.ID, got, want[i])
		}
	}
	// Option columns: a value recoded to skip is not a choice.
	src = "ID,Which safeguards are in place? - Human review,Which safeguards are in place? - Escalation path\nr1,1,-1\n"
	resps, _, err = readAnswers(t, "a.csv", src, ReadOptions{Values: map[string]string{"-1": "skip"}})
	if err != nil || cellOf(t, resps[0], "safeguards") != "Human review" {
		t.Errorf("option columns: %v %+v", err, resps)
	}
	// Native answers are recoded too; a recoded number is read as text.
	resps, _, err = readAnswers(t, "a.json", `{"respondents": [{"answers": {"q01": -1, "q02": 6, "goal": "A1"}}]}`,
		ReadOptions{Values: map[string]string{"-1": "skip", "6": "Agree"}, QValues: opt.QValues})
	if err != nil {
		t.Fatal(err)
	}
	if c := resps[0].Answers[readerRubric(t).Question("q02").Index]; cellOf(t, resps[0], "q01") != "" || c.Values[0] != "Agree" || c.Numeric {
		t.Errorf("native: q01 %q, q02 %+v", cellOf(t, resps[0], "q01"), c)
	}
	if cellOf(t, resps[0], "goal") != "Cut headcount and cost" {
		t.Errorf("native goal %q", cellOf(t, resps[0], "goal"))
	}
}

func TestValuesUnknownQuestion(t *testing.T) {
	opt := ReadOptions{QValues: map[string]map[string]string{"q99": {"1": "x"}, "q01": {"1": "Agree"}}, MapFile: "assessment.toml"}
	for _, src := range []string{"q01\n1\n", `{"respondents": []}`} {
		_, _, err := readAnswers(t, "a.csv", src, opt)
		if err == nil || errorText(t, err) != `assessment.toml: [values.q99]: rubric "readers-test" has no question "q99"` {
			t.Errorf("got %v", err)
		}
	}
}

func TestLoadMap(t *testing.T) {
	good := `# codes of the client's survey
[columns]
"Q3_1" = "q02"
"Which team?" = "attr:Team"

[values]
"-99" = "skip"

[values.goal]
"1" = "Cut headcount and cost"
`
	opt, err := LoadMap("map.toml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if opt.Columns["Q3_1"] != "q02" || opt.Values["-99"] != "skip" || opt.QValues["goal"]["1"] != "Cut headcount and cost" || opt.MapFile != "map.toml" {
		t.Errorf("got %+v", opt)
	}
	for _, tc := range []struct{ src, want string }{
		{"title = \"x\"\n[columns]\n", `map.toml:1:1: unknown key "title": a map file holds only [columns] and [values] tables`},
		{"[values]\n\"1\" = 2\n", "map.toml:2:1: "},
		{"[columns\n", "map.toml:"},
	} {
		_, err := LoadMap("map.toml", []byte(tc.src))
		if err == nil || !strings.HasPrefix(errorText(t, err), tc.want) {
			t.Errorf("%q: got %v, want %s...", tc.src, err, tc.want)
		}
	}
	// A --map file over a project's tables: its entries win, the rest stay.
	base := ReadOptions{Columns: map[string]string{"A": "q01", "B": "q02"}, QValues: map[string]map[string]string{"goal": {"1": "x", "2": "y"}}, MapFile: "assessment.toml"}
	over := ReadOptions{Columns: map[string]string{"B": "ignore"}, QValues: map[string]map[string]string{"goal": {"2": "z"}}, MapFile: "map.toml", Format: "qualtrics"}
	got := base.With(over)
	if got.Columns["A"] != "q01" || got.Columns["B"] != "ignore" || got.QValues["goal"]["1"] != "x" || got.QValues["goal"]["2"] != "z" || got.Format != "qualtrics" || got.MapFile != "map.toml" {
		t.Errorf("With: %+v", got)
	}
	if base.Columns["B"] != "q02" || base.QValues["goal"]["2"] != "y" {
		t.Errorf("With changed its receiver: %+v", base)
	}
}
