package assess

// Unit tests of the reading rules of issue 14 on small files laid out as
// the tools write them; cmd/aiready's exports tests run the same rules
// end to end on real exports.

import (
	"strings"
	"testing"
)

// TestInspectSuggestsTheClosestColumn: the column meant wins over a
// near-duplicate statement earlier in the file; the commonest words do
// not make a match; a column of one option of a multi question is
// proposed as that option, never as the whole question.
func TestInspectSuggestsTheClosestColumn(t *testing.T) {
	src := "ID,[with my family life and friends.],We judge each AI rollout first by its effect on our customers,Which team are you in?,Which safeguards - Human review\n" +
		"r1,Agree,Agree,Ops,Human review\n"
	in, err := Inspect("a.csv", strings.NewReader(src), readerRubric(t), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hasLines(t, "[columns]", in.SuggestColumns, "[columns]",
		`"We judge each AI rollout first by its effect on our customers" = "q01"   # reads like "We judge each AI rollout first by its effect on customers."`,
		`"Which safeguards - Human review" = "safeguards:Human review"   # reads like option "Human review" of "Which safeguards are in place?"`)
	for _, l := range in.SuggestColumns {
		if strings.Contains(l, "Which team") || strings.Contains(l, "family") {
			t.Errorf("suggested %s", l)
		}
	}
}

func TestReadingRules(t *testing.T) {
	rb := readerRubric(t)
	for _, tc := range []struct {
		name, src string
		opt       ReadOptions
		want      string // q01|goal|safeguards of each respondent, joined by " / "
	}{
		{"a single choice expanded into one column per answer (SurveyMonkey)",
			"Respondent ID,What is the main goal of your AI programme?,,,q01\n,Cut headcount and cost,Speed up existing work,Better service for customers and staff,Response\n" +
				"1,,Speed up existing work,,Agree\n2,Cut headcount and cost,Speed up existing work,,Agree\n",
			ReadOptions{}, "Agree|Speed up existing work| / Agree|invalid|"},
		{"SurveyMonkey without its respondent-id column",
			"What is the main goal of your AI programme?,q01\nResponse,Response\nSpeed up existing work,Agree\n",
			ReadOptions{}, "Agree|Speed up existing work|"},
		{"two header rows of no known tool, BOM and semicolons (LimeSurvey reworked in Excel)",
			"\ufeffID;Which safeguards are in place?;;q01\n;Human review;Escalation path;\nr1;Ja;Nein;Agree\nr2;Nein;Ja;Disagree\n",
			ReadOptions{}, "Agree||Human review / Disagree||Escalation path"},
		{"--input-format surveymonkey forces two header rows",
			"ID,Which safeguards are in place?,\n,Human review,Escalation path\nr1,Human review,\n",
			ReadOptions{Format: "surveymonkey"}, "||Human review"},
		{"'no' in the export's language is not chosen",
			"ID,Which safeguards are in place? [Human review],Which safeguards are in place? [Escalation path],Which safeguards are in place? [None of these]\n" +
				"r1,Oui,Non,Não\nr2,Nee,Nej,nein\nr3,0,false,Sí\n",
			ReadOptions{}, "||Human review / || / ||None of these"},
		{"a Google Forms write-in after the options keeps them",
			"Timestamp,Which safeguards are in place?\n1/1/2026 10:00:00,\"Human review, Escalation path, our own checklist, weekly\"\n",
			ReadOptions{}, "||Human review;Escalation path"},
		{"headers typed without the final punctuation and the accents",
			"ID,We judge each AI rollout first by its effect on customers,What is the main goal of your AI programme\nr1,Agree,Speed up existing work\n",
			ReadOptions{}, "Agree|Speed up existing work|"},
		{"LimeSurvey code and text headings with no-break spaces",
			"id.\u00a0Response ID,submitdate.\u00a0Date submitted,lastpage.\u00a0Last page,startlanguage.\u00a0Start language,q01.\u00a0We judge each AI rollout first by its effect on customers.\n7,2026-01-01 10:00:00,3,en,Agree\n",
			ReadOptions{}, "Agree||"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resps, src, err := readAnswers(t, "a.csv", tc.src, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range resps {
				got = append(got, cellOf(t, r, "q01")+"|"+chosen(rb.Question("goal"), r)+"|"+chosen(rb.Question("safeguards"), r))
			}
			if g := strings.Join(got, " / "); g != tc.want {
				t.Errorf("got  %s\nwant %s", g, tc.want)
			}
			for _, c := range src.Columns() {
				if c.Kind == ColumnAttribute {
					t.Errorf("column %d (%q) read as attribute %q", c.Index+1, c.Header, c.Attr)
				}
			}
		})
	}
}

// chosen lists the options of a choice or multi question a respondent's
// cell resolves to, or "invalid".
func chosen(q *Question, r *Respondent) string {
	c := r.Answers[q.Index]
	if c.Empty() {
		return ""
	}
	a := q.resolve(c)
	switch {
	case a.state != answerOK:
		return "invalid"
	case q.Type == TypeChoice:
		return q.Options[a.idx].Label
	}
	var sel []string
	for i, on := range a.sel {
		if on {
			sel = append(sel, q.Options[i].Label)
		}
	}
	return strings.Join(sel, ";")
}

// TestOtherWriteIn: the words after the options chosen choose the
// question's Other option when it has one; without one, the options are
// kept; words alone, with no Other option, are an invalid answer.
func TestOtherWriteIn(t *testing.T) {
	q := &Question{ID: "m", Type: TypeMulti, Options: []Option{{Label: "A, with a comma", Points: 1}, {Label: "B", Points: 1}, {Label: "Other (please specify)", Points: 0}}}
	q.m = newAnswerMatcher(q)
	noOther := &Question{ID: "n", Type: TypeMulti, Options: []Option{{Label: "A, with a comma", Points: 1}, {Label: "B", Points: 1}}}
	noOther.m = newAnswerMatcher(noOther)
	for _, tc := range []struct {
		q    *Question
		cell string
		want string // the options chosen, or "invalid"
	}{
		{q, "A, with a comma, B", "A, with a comma;B"},
		{q, "A, with a comma, B, my words, with commas", "A, with a comma;B;Other (please specify)"},
		{q, "just my words", "Other (please specify)"},
		{q, "B, my words, A, with a comma", "A, with a comma;B;Other (please specify)"},
		{noOther, "B, my words", "B"},
		{noOther, "my words", "invalid"},
	} {
		a := tc.q.resolve(Cell{Values: []string{tc.cell}})
		got := "invalid"
		if a.state == answerOK {
			var sel []string
			for i, on := range a.sel {
				if on {
					sel = append(sel, tc.q.Options[i].Label)
				}
			}
			got = strings.Join(sel, ";")
		}
		if got != tc.want {
			t.Errorf("%s %q: got %s, want %s", tc.q.ID, tc.cell, got, tc.want)
		}
	}
}
