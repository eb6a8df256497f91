package assess

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func inspectFile(t *testing.T, rb *Rubric, file string, opt ReadOptions) *Inspection {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := Inspect(filepath.Base(file), f, rb, opt)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func hasLines(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	all := "\n" + strings.Join(got, "\n") + "\n"
	for _, w := range want {
		if !strings.Contains(all, "\n"+w+"\n") {
			t.Errorf("%s lacks %q; got\n\t%s", what, w, strings.Join(got, "\n\t"))
		}
	}
}

// Without their map files, inspect proposes what the map files say.
func TestInspectSuggestsValues(t *testing.T) {
	rb := layoutsRubric(t)
	in := inspectFile(t, rb, filepath.Join(layoutsDir, "limesurvey-comma.csv"), ReadOptions{})
	if in.Layout != LayoutLimeSurvey || in.Respondents != 12 || in.Kept[keptIncomplete] != 1 || in.HeaderLine != 1 || in.Format != FormatCSV || in.Delimiter != ',' {
		t.Errorf("inspection %+v", in)
	}
	hasLines(t, "[values]", in.SuggestValues,
		"[values]",
		`"A1" = "Strongly disagree"   # answer 1 of 5: check against the survey's codes`,
		`"A5" = "Strongly agree"   # answer 5 of 5: check against the survey's codes`,
		`# "A6" = ""   # in q02, q03: beyond the 5 answers: "skip" if it means no answer`,
		"[values.q03]",
		`# "A7" = ""   # beyond the 5 answers: "skip" if it means no answer`,
		"[values.goal]",
		`"A1" = "Cut headcount and cost"   # answer 1 of 3: check against the survey's codes`,
		`"A3" = "Better service for customers and staff"   # answer 3 of 3: check against the survey's codes`)
	var q01 *UnrecognisedValue
	for i, u := range in.Unrecognised {
		if u.Question == "q01" && u.Value == "A4" {
			q01 = &in.Unrecognised[i]
		}
	}
	if q01 == nil || q01.Count != 5 || len(q01.Lines) != 5 || q01.Lines[0] != 2 {
		t.Errorf("q01 A4: %+v", q01)
	}

	// Qualtrics numeric: the goal's codes 1 and 3 are unknown, and 2 reads
	// as points by chance: all three are proposed.
	in = inspectFile(t, rb, filepath.Join(layoutsDir, "qualtrics-legacy.csv"), ReadOptions{})
	hasLines(t, "[values]", in.SuggestValues,
		"[values.goal]",
		`"1" = "Cut headcount and cost"   # answer 1 of 3: check against the survey's codes`,
		`"2" = "Speed up existing work"   # read as points so far: a code, if the other answers are codes`)
	if in.Excluded[ExcludedPreview] != 1 || in.HeaderRows != 2 {
		t.Errorf("excluded %v, %d header rows", in.Excluded, in.HeaderRows)
	}

	// With the map file, nothing is left but the invalid answer.
	data, _ := os.ReadFile(filepath.Join(layoutsDir, "qualtrics-legacy.map.toml"))
	m, err := LoadMap("map.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	in = inspectFile(t, rb, filepath.Join(layoutsDir, "qualtrics-legacy.csv"), m)
	if len(in.Unrecognised) != 1 || in.Unrecognised[0].Value != "7" {
		t.Errorf("unrecognised with the map: %+v", in.Unrecognised)
	}
}

func TestInspectSuggestValueKinds(t *testing.T) {
	src := "ID,q01,q02,goal\n" +
		"r1,-99,8,N/A\n" +
		"r2,-1,9,Maybe\n" +
		"r3,2,10,\n" +
		"r4,,11,\n" +
		"r5,,12,\n"
	in, err := Inspect("a.csv", strings.NewReader(src), readerRubric(t), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hasLines(t, "[values]", in.SuggestValues,
		"[values]",
		`"-99" = "skip"   # Qualtrics: seen but not answered`,
		"[values.q01]",
		`"-1" = "skip"   # a negative code: "no basis" or "not applicable"`,
		"[values.q02]",
		`"8" = "Strongly disagree"   # codes in the order of the answers: check against the survey`,
		`"12" = "Strongly agree"   # codes in the order of the answers: check against the survey`,
		"[values.goal]",
		`"N/A" = "skip"`,
		`# "Maybe" = ""   # one of Cut headcount and cost | Speed up existing work | Better service for customers and staff, or "skip"`)
}

func TestInspectColumnsAndProblems(t *testing.T) {
	src := "ID,q01,AIQ1,We judge AI rollouts first by their effect on customers,Q7,Team,Notes\n" +
		"r1,Agree,Agree,Agree,1,Ops,x\n" +
		"r2,Agree,Agree,Agree,1,HR,y\n"
	in, err := Inspect("a.csv", strings.NewReader(src), readerRubric(t), ReadOptions{Columns: map[string]string{"Notes": "q99"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Problems) != 2 || !strings.Contains(in.Problems[0].Msg, `both answer question "q01"`) || !strings.Contains(in.Problems[1].Msg, `"q99"`) {
		t.Errorf("problems %v", in.Problems)
	}
	if c := in.Columns[2]; c.Kind != ColumnIgnored || c.How != "duplicate" {
		t.Errorf("the second q01 column: %+v", c)
	}
	if in.Respondents != 2 || in.Questions[0].Answered != 2 {
		t.Errorf("respondents %d, q01 %+v", in.Respondents, in.Questions[0])
	}
	if c := in.Columns[5]; c.Kind != ColumnAttribute || c.Values != 2 {
		t.Errorf("Team: %+v", c)
	}
	// q01 is found, so the similar header is not proposed for it; Q7 is
	// a code that may be one of the questions not found.
	hasLines(t, "[columns]", in.SuggestColumns,
		"[columns]",
		`# "Q7" = ""   # a question id, "QUESTION:OPTION", "attr:NAME" or "ignore"`)

	in, err = Inspect("a.csv", strings.NewReader("ID,Staff may override AI decisions affecting a customer,Team\nr1,Agree,Ops\n"), readerRubric(t), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hasLines(t, "[columns]", in.SuggestColumns,
		`"Staff may override AI decisions affecting a customer" = "q02"   # reads like "Staff can override an AI decision that affects a customer."`)
}

// Inspect stops only at what cannot be read.
func TestInspectErrors(t *testing.T) {
	_, err := Inspect("a.csv", strings.NewReader("q01,comment\nAgree,\"never closed\n"), readerRubric(t), ReadOptions{})
	if err == nil || !strings.HasPrefix(errorText(t, err), "a.csv:2:7: unbalanced quote") {
		t.Errorf("got %v", err)
	}
	in, err := Inspect("a.json", strings.NewReader(`{"respondents": [{"answers": {"q01": "Maybe"}}]}`), readerRubric(t), ReadOptions{})
	if err != nil || in.Format != FormatJSON || len(in.Unrecognised) != 1 {
		t.Errorf("native: %v %+v", err, in)
	}
}
