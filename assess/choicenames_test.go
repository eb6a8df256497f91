package assess

import (
	"reflect"
	"strings"
	"testing"
)

func TestChoiceName(t *testing.T) {
	for in, want := range map[string]string{
		"Strongly agree":               "strongly_agree",
		"Don't know":                   "don_t_know",
		"  Neither agree nor disagree": "neither_agree_nor_disagree",
		"Stimme völlig zu":             "stimme_vollig_zu",
		"Weiß nicht":                   "weiss_nicht",
		"Customer feedback, per tool":  "customer_feedback_per_tool",
		"ÉQUIPE – Direction":           "equipe_direction",
		"50 %+":                        "50",
		"—":                            "",
		"日本語":                          "日本語",
	} {
		if got := ChoiceName(in); got != want {
			t.Errorf("ChoiceName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChoiceNamesUnique(t *testing.T) {
	rb, err := LoadRubric("r.toml", []byte(`format = 1
id = "t"
title = "T"
version = "1"
[[dimension]]
id = "d"
title = "D"
[[question]]
id = "c"
dimension = "d"
type = "choice"
text = "C?"
skip = ["n/a"]
options = [{ label = "A b", points = 0 }, { label = "a-B", points = 1 }, { label = "?", points = 2 }, { label = "A B 2", points = 3 }]
[[level]]
id = "l"
title = "L"
min = 0
`))
	if err != nil {
		t.Fatal(err)
	}
	q := rb.Question("c")
	want := []string{"a_b", "a_b_2", "choice_3", "a_b_2_2", "n_a"}
	if got := q.ChoiceNames(); !reflect.DeepEqual(got, want) {
		t.Errorf("ChoiceNames = %q, want %q", got, want)
	}
	labels, skip := q.Answers()
	if !reflect.DeepEqual(labels, []string{"A b", "a-B", "?", "A B 2", "n/a"}) || !reflect.DeepEqual(skip, []bool{false, false, false, false, true}) {
		t.Errorf("Answers = %q %v", labels, skip)
	}
	// Each name reads as its own option, never as another's.
	for i, n := range want[:4] {
		a := q.resolve(Cell{Values: []string{n}})
		if a.state != answerOK || a.idx != i {
			t.Errorf("%q: %+v, want option %d", n, a, i)
		}
	}
}

// TestChoiceNamesRead: an export of "XML values" (KoboToolbox, ODK) holds
// the choice names aiready's XLSForm gives: they read as the answers, a
// select_multiple joined by spaces and per option column too.
func TestChoiceNamesRead(t *testing.T) {
	src := "_id,q01,q02,goal,safeguards,safeguards/human_review,safeguards/escalation_path,safeguards/customer_feedback_per_tool,safeguards/none_of_these\n" +
		"1,strongly_agree,not_applicable,speed_up_existing_work,human_review customer_feedback_per_tool,1,0,1,0\n"
	resps, _, err := readAnswers(t, "kobo.csv", src, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rb := readerRubric(t)
	p := resps[0]
	for id, want := range map[string]answer{
		"q01":  {state: answerOK, idx: 4, raw: 5, v: 1},
		"q02":  {state: answerSkip},
		"goal": {state: answerOK, idx: 1, raw: 2, v: 0.5},
	} {
		q := rb.Question(id)
		if got := q.resolve(p.Answers[q.Index]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, want %+v", id, got, want)
		}
	}
	q := rb.Question("safeguards")
	if got := q.resolve(p.Answers[q.Index]); got.state != answerOK || !reflect.DeepEqual(got.sel, []bool{true, false, true, false}) {
		t.Errorf("safeguards from its option columns: %+v", got)
	}
	// The joined cell alone, as an export of "single column" writes it.
	if got := q.resolve(Cell{Values: []string{"human_review customer_feedback_per_tool"}}); got.state != answerOK || !reflect.DeepEqual(got.sel, []bool{true, false, true, false}) {
		t.Errorf("safeguards from the joined names: %+v", got)
	}
	if got := q.resolve(Cell{Values: []string{"human_review robots"}}); got.state != answerInvalid || !strings.Contains(got.bad, "robots") {
		t.Errorf("an unknown name: %+v", got)
	}
}

// TestLabelsJoinedBySpaces: KoboToolbox's "Labels" export of a
// select_multiple in one column joins the labels with spaces; labels with
// spaces and commas of their own still read, words of no label do not.
func TestLabelsJoinedBySpaces(t *testing.T) {
	q := readerRubric(t).Question("safeguards")
	if got := q.resolve(Cell{Values: []string{"Human review Customer feedback, per tool"}}); got.state != answerOK || !reflect.DeepEqual(got.sel, []bool{true, false, true, false}) {
		t.Errorf("two labels joined by a space: %+v", got)
	}
	if got := q.resolve(Cell{Values: []string{"Human review robots"}}); got.state != answerInvalid {
		t.Errorf("a word of no label: %+v", got)
	}
}
