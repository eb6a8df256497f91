package survey

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
)

// TestBuildBuiltins: every question of every built-in rubric is asked
// exactly once, under its id, with the rubric's text and answers, in its
// dimension's section (the outcome last); the segments come first.
func TestBuildBuiltins(t *testing.T) {
	for _, name := range rubrics.Names() {
		t.Run(name, func(t *testing.T) {
			r, err := rubrics.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Build(r, Options{Segments: []SegmentSpec{{Attribute: "Role", Values: []string{"Executive", "Frontline staff"}}, {Attribute: "Team"}}})
			if err != nil {
				t.Fatal(err)
			}
			if s.Sections[0].ID != "about" || len(s.Sections[0].Items) != 2 {
				t.Fatalf("first section: %+v", s.Sections[0])
			}
			role, team := s.Sections[0].Items[0], s.Sections[0].Items[1]
			if role.Kind != KindSegment || role.Name != "Role" || len(role.Choices) != 2 || role.Choices[1].Name != "frontline_staff" || role.Choices[1].Label != "Frontline staff" {
				t.Errorf("Role: %+v", role)
			}
			if team.Kind != KindSegment || len(team.Choices) != 0 || team.Help == "" {
				t.Errorf("Team (no values: asked as text): %+v", team)
			}
			asked := map[string]int{}
			for _, sec := range s.Sections[1:] {
				for _, it := range sec.Items {
					asked[it.Name]++
					q := r.Question(it.Name)
					if q == nil || it.Question != q || it.Title != q.Text {
						t.Fatalf("item %q is not the rubric's question", it.Name)
					}
					if sec.Dim != q.Dim || (q.Dim == nil) != (sec.ID == "overall") {
						t.Errorf("%s in section %s", q.ID, sec.ID)
					}
					want := map[string]Kind{assess.TypeScale: KindScale, assess.TypeChoice: KindChoice, assess.TypeMulti: KindMulti, assess.TypeText: KindText}[q.Type]
					if it.Kind != want {
						t.Errorf("%s: kind %v, want %v", q.ID, it.Kind, want)
					}
					labels, skip := q.Answers()
					names := q.ChoiceNames()
					if len(it.Choices) != len(labels) {
						t.Fatalf("%s: %d choices, want %d", q.ID, len(it.Choices), len(labels))
					}
					for i, c := range it.Choices {
						if c.Label != labels[i] || c.Skip != skip[i] || c.Name != names[i] || !NamePattern.MatchString(c.Name) && !startsWithDigit(c.Name) {
							t.Errorf("%s choice %d: %+v", q.ID, i, c)
						}
					}
				}
			}
			for _, q := range r.Questions {
				if asked[q.ID] != 1 {
					t.Errorf("question %s asked %d times", q.ID, asked[q.ID])
				}
			}
			if r.Outcome != nil && s.Sections[len(s.Sections)-1].Items[0].Name != r.Outcome.ID {
				t.Errorf("the outcome is not last")
			}
			for _, sec := range s.Sections {
				if sec.Dim != nil && sec.Dim.Description != "" && (sec.Help == "" || strings.Contains(sec.Help, "**")) {
					t.Errorf("section %s: help %q is not the description as plain text", sec.ID, sec.Help)
				}
			}
		})
	}
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func TestBuildLanguage(t *testing.T) {
	r, err := rubrics.Load("people-first-de")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Lang != "de" || !strings.Contains(s.Intro, "Antworten") {
		t.Errorf("German rubric: lang %q, intro %q", s.Lang, s.Intro)
	}
	if s, _ := Build(r, Options{Lang: "en"}); s.Lang != "en" || !strings.Contains(s.Intro, "Answer") {
		t.Errorf("--lang en: %q", s.Intro)
	}
	if _, err := Build(r, Options{Lang: "xx"}); err == nil || !strings.Contains(err.Error(), "no translation") {
		t.Errorf("unknown language: %v", err)
	}
}

func TestBuildSegmentErrors(t *testing.T) {
	r, err := rubrics.Load(rubrics.Default)
	if err != nil {
		t.Fatal(err)
	}
	q := r.Questions[0]
	for _, tc := range []struct {
		segs []SegmentSpec
		want string
	}{
		{[]SegmentSpec{{Attribute: " "}}, "empty"},
		{[]SegmentSpec{{Attribute: "Role"}, {Attribute: "role"}}, `"role" is given twice`},
		{[]SegmentSpec{{Attribute: q.ID}}, "is the name of question"},
		// an alias of a question: its column would be read as the question
		{[]SegmentSpec{{Attribute: "Main goal of AI"}}, `is the name of question "s01" (its alias)`},
		{[]SegmentSpec{{Attribute: "goal"}}, `is the name of question "s01" (its alias)`},
		{[]SegmentSpec{{Attribute: "Role", Values: []string{"A", "a"}}}, `value "a" is given twice`},
		{[]SegmentSpec{{Attribute: "Role", Values: []string{"A", " "}}}, "a value is empty"},
	} {
		if _, err := Build(r, Options{Segments: tc.segs}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.segs, err, tc.want)
		}
	}
	s, err := Build(r, Options{Segments: []SegmentSpec{{Attribute: "Role", Values: []string{"A b", "A-B", "—"}}}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range s.Sections[0].Items[0].Choices {
		names = append(names, c.Name)
	}
	if !slices.Equal(names, []string{"a_b", "a_b_2", "value_3"}) {
		t.Errorf("segment choice names %q", names)
	}
}

// TestBuildTextNamesOtherQuestion: a question whose text is another
// question's id is refused (a Google Forms or KoboToolbox Labels export
// heads its column with the text, read as the other question), naming
// both; a text that is its own question's id is fine.
func TestBuildTextNamesOtherQuestion(t *testing.T) {
	const rubric = `format = 1
id = "t"
title = "T"
version = "1"
[scales.s]
points = [1, 2]
labels = ["No", "Yes"]
[[dimension]]
id = "d"
title = "D"
[[question]]
id = "q1"
dimension = "d"
scale = "s"
text = "Leaders explain decisions."
[[question]]
id = "q2"
dimension = "d"
scale = "s"
text = "%s"
[[level]]
id = "l"
title = "L"
min = 0
`
	for _, tc := range []struct{ text, want string }{
		{"q1", `question "q2": its text "q1" is the id of question "q1"`},
		{" Q1 ", `question "q2": its text " Q1 " is the id of question "q1"`},
		{"q2", ""},
		{"Q2", ""},
	} {
		r, err := assess.LoadRubric("t.toml", []byte(fmt.Sprintf(rubric, tc.text)))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Build(r, Options{})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("text %q: %v", tc.text, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("text %q: %v, want %q", tc.text, err, tc.want)
		}
	}
}
