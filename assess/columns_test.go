package assess

import (
	"fmt"
	"strings"
	"testing"
)

// columnsOf reads the header of a one-row CSV and returns its columns.
func columnsOf(t *testing.T, header string, opt ReadOptions) ([]Column, error) {
	t.Helper()
	_, s, err := readAnswers(t, "a.csv", header+"\n", opt)
	if err != nil {
		return nil, err
	}
	return s.Columns(), nil
}

func describe(c Column) string {
	switch c.Kind {
	case ColumnQuestion:
		if c.Option != "" {
			return fmt.Sprintf("question %s[%s] by %s", c.Question, c.Option, c.How)
		}
		return fmt.Sprintf("question %s by %s", c.Question, c.How)
	case ColumnAttribute:
		return fmt.Sprintf("attribute %q by %s", c.Attr, c.How)
	}
	return c.Kind + " by " + c.How
}

func TestMatchColumns(t *testing.T) {
	mapping := ReadOptions{Columns: map[string]string{
		"Which team are you in?": "attr:Team",
		"Q3_1":                   "q02",
		"notes":                  "Ignore",
		"Tools_1":                "safeguards:human review",
		"q01":                    "goal", // a mapping beats an id
	}}
	for _, tc := range []struct {
		header string
		opt    ReadOptions
		want   string
	}{
		{"q01", ReadOptions{}, "question q01 by id"},
		{" Q01 ", ReadOptions{}, "question q01 by id"},
		{"We judge each AI rollout first by its effect on customers.", ReadOptions{}, "question q01 by text"},
		{"WE JUDGE  each AI rollout first by its effect on customers.", ReadOptions{}, "question q01 by text"},
		{"<strong>We judge</strong> each AI rollout first by its effect<br>on customers.", ReadOptions{}, "question q01 by text"},
		{"Staff can override an AI decision that affects a customer.", ReadOptions{}, "question q02 by text"},
		{"Customer-first judgement", ReadOptions{}, "question q01 by alias"},
		{"customer\u2013first\u00a0judgement", ReadOptions{}, "question q01 by alias"},
		{"aiq2", ReadOptions{}, "question q02 by alias"},
		{"Which safeguards are in place? - Human review", ReadOptions{}, "question safeguards[Human review] by option"},
		{"Which safeguards are in place? [Escalation path]", ReadOptions{}, "question safeguards[Escalation path] by option"},
		{"safeguards: Customer feedback, per tool", ReadOptions{}, "question safeguards[Customer feedback, per tool] by option"},
		{"Escalation path", ReadOptions{}, `attribute "Escalation path" by header`}, // a lone label: see TestTypeformColumns
		{"Respondent ID", ReadOptions{}, "identity by identity"},
		{"#", ReadOptions{}, "identity by identity"},
		{"Respondent", ReadOptions{}, "identity by identity"},
		{"Email Address", ReadOptions{}, "identity by identity"},
		{"E-mail", ReadOptions{}, "identity by identity"},
		{"First Name", ReadOptions{}, "identity by identity"},
		{"IP Address", ReadOptions{}, "identity by identity"},
		{"Network ID", ReadOptions{}, "identity by identity"},
		{"LocationLatitude", ReadOptions{}, "identity by identity"},
		{"User Agent", ReadOptions{}, "identity by identity"},
		{"Timestamp", ReadOptions{}, "ignored by metadata"},
		{"Start time", ReadOptions{}, "ignored by metadata"},
		{"Completion time", ReadOptions{}, "ignored by metadata"},
		{"Submit Date (UTC)", ReadOptions{}, "ignored by metadata"},
		{"submitdate", ReadOptions{}, "ignored by metadata"},
		{"Points - Q1", ReadOptions{}, "ignored by metadata"},
		{"_submission_time", ReadOptions{}, "ignored by metadata"},
		{"Notes", ReadOptions{}, `attribute "Notes" by header`},
		{"", ReadOptions{}, "ignored by empty"},
		{"  Team ", ReadOptions{}, `attribute "Team" by header`},
		{"Which team are you in?", mapping, `attribute "Team" by mapping`},
		{"Q3_1", mapping, "question q02 by mapping"},
		{"Notes", mapping, "ignored by mapping"},
		{"Tools_1", mapping, "question safeguards[Human review] by mapping"},
		{"q01", mapping, "question goal by mapping"},
	} {
		t.Run(tc.header, func(t *testing.T) {
			cols, err := columnsOf(t, "ID,"+quoteCSV(tc.header), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(cols[1]); got != tc.want {
				t.Errorf("%q: got %s, want %s", tc.header, got, tc.want)
			}
		})
	}
}

func quoteCSV(s string) string {
	if strings.ContainsAny(s, "\",\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// TestWholeAndOptionColumns: a multi question written both as one joined
// cell and as one column per option, as KoboToolbox writes a
// select_multiple, is read from the option columns, without an error.
func TestWholeAndOptionColumns(t *testing.T) {
	resps, src, err := readAnswers(t, "a.csv", "ID,Which safeguards are in place?,Human review,Escalation path\nr1,Human review Escalation path,1,0\n", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cols := src.Columns()
	if cols[1].Kind != ColumnIgnored || !strings.Contains(cols[1].Why, "columns of one option each") {
		t.Errorf("the joined column: %+v", cols[1])
	}
	if got := resps[0].Answers[readerRubric(t).Question("safeguards").Index].Values; strings.Join(got, "|") != "Human review" {
		t.Errorf("safeguards = %q, want the option whose cell is 1", got)
	}
}

func TestMatchColumnsErrors(t *testing.T) {
	for _, tc := range []struct {
		header string
		opt    map[string]string
		want   string
	}{
		{"ID,X", map[string]string{"x": "q99"}, `a.csv:1:4: [columns] "x" = "q99": rubric "readers-test" has no such question`},
		{"ID,X", map[string]string{"X": "q01:Agree"}, `a.csv:1:4: [columns] "X" = "q01:Agree": question "q01" is not a multi question`},
		{"ID,X", map[string]string{"X": "safeguards:Robots"}, `a.csv:1:4: [columns] "X" = "safeguards:Robots": question "safeguards" has no option "Robots"`},
		{"ID,X", map[string]string{"X": "attr:"}, `a.csv:1:4: [columns] "X" = "attr:": the attribute needs a name`},
		{"ID,Human review,Which safeguards are in place? - Human review", nil, `a.csv:1:17: columns 2 ("Human review") and 3 ("Which safeguards are in place? - Human review") both answer option "Human review" of question "safeguards"`},
	} {
		t.Run(tc.header, func(t *testing.T) {
			_, err := columnsOf(t, tc.header, ReadOptions{Columns: tc.opt})
			if err == nil {
				t.Fatal("no error")
			}
			if got := errorText(t, err); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// Two columns with one attribute name: the first is read.
func TestDuplicateAttribute(t *testing.T) {
	resps, s, err := readAnswers(t, "a.csv", "Team,team\nOps,HR\n", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c := s.Columns()[1]; c.Kind != ColumnIgnored || c.How != "duplicate" {
		t.Errorf("second column: %+v", c)
	}
	if got := resps[0].Attributes; len(got) != 1 || got["Team"] != "Ops" {
		t.Errorf("attributes %v", got)
	}
	// A mapped column wins over one named alike.
	resps, s, err = readAnswers(t, "a.csv", "Team,Which team?\nOps,HR\n", ReadOptions{Columns: map[string]string{"Which team?": "attr:Team"}})
	if err != nil {
		t.Fatal(err)
	}
	if c := s.Columns()[0]; c.Kind != ColumnIgnored || c.Why != `attribute "Team" is already read from column 2` {
		t.Errorf("first column: %+v", c)
	}
	if got := resps[0].Attributes; len(got) != 1 || got["Team"] != "HR" {
		t.Errorf("attributes %v", got)
	}
}

// Identity columns never reach a respondent; an id column gives its ID.
func TestIdentityColumns(t *testing.T) {
	src := "Timestamp,Email Address,Name,Respondent ID,q01,Role\n" +
		"2026/01/02,ann@example.com,Ann,R_1,Agree,Lead\n" +
		"2026/01/02,bob@example.com,Bob,,Disagree,Staff\n"
	resps, _, err := readAnswers(t, "a.csv", src, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if resps[0].ID != "R_1" || resps[1].ID != "row 3" {
		t.Errorf("ids %q, %q", resps[0].ID, resps[1].ID)
	}
	for _, r := range resps {
		if len(r.Attributes) != 1 || r.Attributes["Role"] == "" {
			t.Errorf("attributes %v: only Role should be kept", r.Attributes)
		}
		for _, c := range r.Answers {
			for _, v := range c.Values {
				if strings.Contains(v, "@") || v == "Ann" || v == "Bob" {
					t.Errorf("identity value %q in an answer", v)
				}
			}
		}
	}
}

// A multi question asked as one column per option, as Qualtrics,
// SurveyMonkey, Typeform and KoboToolbox export it.
func TestOptionColumns(t *testing.T) {
	src := "ID,Which safeguards are in place? - Human review,Which safeguards are in place? - Escalation path,\"Customer feedback, per tool\",q01\n" +
		"r1,1,,\"Customer feedback, per tool\",Agree\n" +
		"r2,0,TRUE,,Agree\n" +
		"r3,,n/a,0,Agree\n" +
		"r4,X,x,x,\n"
	resps, _, err := readAnswers(t, "a.csv", src, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Human review|Customer feedback, per tool", "Escalation path", "", "Human review|Escalation path|Customer feedback, per tool"}
	for i, r := range resps {
		if got := cellOf(t, r, "safeguards"); got != want[i] {
			t.Errorf("%s: got %q, want %q", r.ID, got, want[i])
		}
	}
	sg := readerRubric(t).Question("safeguards").Index
	if got := resps[1].Answers[sg].Pos; got != (Position{"a.csv", 3, 6}) {
		t.Errorf("the cell is where its first chosen option is: got %v", got)
	}
}

// Typeform writes one column per choice, headed by the choice's label.
func TestTypeformColumns(t *testing.T) {
	src := "#,Human review,Escalation path,None of these,Customer-first judgement,Network ID\n" +
		"tok1,Human review,,,Agree,abc\n" +
		"tok2,,,None of these,Agree,def\n"
	resps, s, err := readAnswers(t, "a.csv", src, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range s.Columns() {
		got = append(got, describe(c))
	}
	want := []string{"identity by identity", "question safeguards[Human review] by option label", "question safeguards[Escalation path] by option label",
		"question safeguards[None of these] by option label", "question q01 by alias", "identity by identity"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if len(resps) != 2 || cellOf(t, resps[0], "safeguards") != "Human review" || cellOf(t, resps[1], "safeguards") != "None of these" || resps[1].ID != "tok2" {
		t.Errorf("respondents %+v", resps)
	}
}

func TestMultiRowHeaders(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // describe() of each column
		firstLine int
	}{
		{
			name: "Qualtrics",
			src: "ResponseId,Q1,Q7_1,Q7_2\n" +
				"Response ID,We judge each AI rollout first by its effect on customers.,Which safeguards are in place? - Human review,Which safeguards are in place? - Escalation path\n" +
				`"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID7_1""}","{""ImportId"":""QID7_2""}"` + "\n" +
				"R_1,4,1,\n",
			want:      []string{"identity by identity", "question q01 by text", "question safeguards[Human review] by option", "question safeguards[Escalation path] by option"},
			firstLine: 4,
		},
		{
			name: "Qualtrics legacy",
			src: "V1,V2,Q1,Q2,\n" +
				"ResponseID,ResponseSet,We judge each AI rollout first by its effect on customers.,Team,\n" +
				"R_1,Default,4,Ops,\n",
			// Attributes are named by export tag, in both Qualtrics layouts.
			want:      []string{"identity by identity", "ignored by metadata", "question q01 by text", `attribute "Q2" by header`, "ignored by empty"},
			firstLine: 3,
		},
		{
			name: "SurveyMonkey",
			src: "Respondent ID,Which safeguards are in place?,,Customer-first judgement,Role\n" +
				",Human review,Escalation path,Response,Response\n" +
				"1001,Human review,,Agree,Lead\n",
			want:      []string{"identity by identity", "question safeguards[Human review] by option", "question safeguards[Escalation path] by option", "question q01 by alias", `attribute "Role" by header`},
			firstLine: 3,
		},
		{
			name: "Google Forms grid",
			src: "Timestamp,How much do you agree? [We judge each AI rollout first by its effect on customers.],How much do you agree? [AIQ2]\n" +
				"2026/01/02 10:00:00,Agree,Disagree\n",
			want:      []string{"ignored by metadata", "question q01 by text", "question q02 by alias"},
			firstLine: 2,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resps, s, err := readAnswers(t, "a.csv", tc.src, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range s.Columns() {
				got = append(got, describe(c))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if len(resps) != 1 || resps[0].Pos.Line != tc.firstLine {
				t.Errorf("respondents %+v, want one on line %d", resps, tc.firstLine)
			}
		})
	}
}

func TestStripTags(t *testing.T) {
	for in, want := range map[string]string{
		"<strong>Bold</strong> text":       " Bold  text",
		"line<br>break":                    "line break",
		"age < 30":                         "age < 30",
		"a <b>c":                           "a  c",
		"unclosed <tag":                    "unclosed <tag",
		"<p class=\"x\">para</p>":          " para ",
		"x<":                               "x<",
		"<!-- comment -->Q":                " Q",
		"2 <3 and 4> 1":                    "2 <3 and 4> 1",
		"Jupyter?\u00a0(other)<br/>":       "Jupyter?\u00a0(other) ",
		"<span style='color:red'>a</span>": " a ",
	} {
		if got := stripTags(in); got != want {
			t.Errorf("stripTags(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestODKCentralColumns: the columns ODK Central and newer KoboToolbox
// exports add around the form's are never attributes; the submitter's
// name is personal data.
func TestODKCentralColumns(t *testing.T) {
	src := "SubmissionDate,q01,Role,meta-instanceID,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,ReviewState,FormVersion,meta/rootUuid\n" +
		"2026-01-02T10:00:00.000Z,Agree,Lead,uuid:1,5,Jane Doe,0,0,approved,1.0 (2026),uuid:1\n"
	resps, src2, err := readAnswers(t, "odk.csv", src, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(resps[0].Attributes) != 1 || resps[0].Attributes["Role"] != "Lead" {
		t.Errorf("attributes %v: only Role should be kept", resps[0].Attributes)
	}
	found := false
	for _, c := range src2.Columns() {
		if c.Header == "SubmitterName" {
			found = true
			if !strings.Contains(c.Why, "personal") {
				t.Errorf("SubmitterName: %+v, want personal data", c)
			}
		}
	}
	if !found {
		t.Error("no SubmitterName column")
	}
}
