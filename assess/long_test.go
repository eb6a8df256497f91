package assess

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestLong(t *testing.T) {
	src := "respondent,question,answer,Team,Email\n" +
		"r1,q01,Agree,Ops,ann@example.com\n" +
		"r1,Which safeguards are in place? - Human review,1,,\n" +
		"r1,safeguards,Escalation path,,\n" +
		"r1,Role,Lead,,\n" +
		"r1,E-mail,ann@example.com,,\n" +
		"\n" +
		"r2,Customer-first judgement,Disagree,HR,\n" +
		"r2,q02,Agree,,\n" +
		"r2,q02,Disagree,,\n" + // twice: invalid when scored
		"r2,Q3_1,Agree,,\n" +
		"r2,,stray,,\n" +
		"r3,goal,Speed up existing work,,\n"
	resps, s, err := readAnswers(t, "a.csv", src, ReadOptions{Columns: map[string]string{"Q3_1": "ignore"}})
	if err != nil {
		t.Fatal(err)
	}
	if LayoutOf(s) != LayoutLong || len(resps) != 3 {
		t.Fatalf("layout %q, %d respondents", LayoutOf(s), len(resps))
	}
	for _, tc := range []struct {
		id, q01, q02, goal, safeguards string
		attrs                          string
		line                           int
	}{
		{"r1", "Agree", "", "", "Human review|Escalation path", "Role=Lead Team=Ops", 2},
		{"r2", "Disagree", "Agree|Disagree", "", "", "Team=HR", 8},
		{"r3", "", "", "Speed up existing work", "", "", 13},
	} {
		r := resps[map[string]int{"r1": 0, "r2": 1, "r3": 2}[tc.id]]
		var attrs []string
		for _, k := range []string{"Role", "Team"} {
			if v, ok := r.Attributes[k]; ok {
				attrs = append(attrs, k+"="+v)
			}
		}
		if r.ID != tc.id || r.Pos.Line != tc.line || cellOf(t, r, "q01") != tc.q01 || cellOf(t, r, "q02") != tc.q02 ||
			cellOf(t, r, "goal") != tc.goal || cellOf(t, r, "safeguards") != tc.safeguards || strings.Join(attrs, " ") != tc.attrs || len(r.Attributes) != len(attrs) {
			t.Errorf("%s: %+v", tc.id, r)
		}
	}
	var got []string
	for _, c := range s.Columns() {
		got = append(got, c.Header+": "+describe(c))
	}
	want := []string{
		"respondent: identity by respondent",
		`Team: attribute "Team" by header`,
		"Email: identity by identity",
		"q01: question q01 by id",
		"Which safeguards are in place? - Human review: question safeguards[Human review] by option",
		"safeguards: question safeguards by id",
		`Role: attribute "Role" by header`,
		"E-mail: identity by identity",
		"Customer-first judgement: question q01 by alias",
		"q02: question q02 by id",
		"Q3_1: ignored by mapping",
		"goal: question goal by id",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("columns\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestLongErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unsorted", "respondent,question,answer\nr1,q01,1\nr2,q01,2\nr1,q02,3\n",
			`a.csv:4:1: respondent "r1" comes back after other respondents (its rows start at line 2); a long file must keep each respondent's rows together: sort it by the "respondent" column`},
		{"no id", "respondent,question,answer\nr1,q01,1\n,q02,3\n", "a.csv:3:1: no respondent id in this row"},
		{"bad mapping", "respondent,question,answer\nr1,QX,1\n", `a.csv:2:4: [columns] "QX" = "q99": rubric "readers-test" has no such question`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readAnswers(t, "a.csv", tc.src, ReadOptions{Columns: map[string]string{"QX": "q99"}})
			if err == nil || !strings.HasPrefix(errorText(t, err), tc.want) {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

// A long file streams: respondents come out one by one, past the rows
// read ahead at the start.
func TestLongStreams(t *testing.T) {
	var b strings.Builder
	b.WriteString("respondent_id,question,answer\n")
	const n = 3 * longPrefetch
	for i := range n {
		fmt.Fprintf(&b, "R%d,q01,Agree\nR%d,q02,%d\n", i, i, 1+i%5)
	}
	s, err := OpenAnswers("a.csv", strings.NewReader(b.String()), readerRubric(t), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ls := s.(*longSource); len(ls.pending) > longPrefetch {
		t.Errorf("%d rows read ahead", len(ls.pending))
	}
	count := 0
	for {
		r, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("R%d", count); r.ID != want || cellOf(t, r, "q02") != fmt.Sprint(1+count%5) {
			t.Fatalf("respondent %d: %+v", count, r)
		}
		count++
	}
	if count != n {
		t.Errorf("%d respondents, want %d", count, n)
	}
}
