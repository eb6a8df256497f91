package assess

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var readerRubricOnce = sync.OnceValues(func() (*Rubric, error) {
	data, err := os.ReadFile(filepath.Join("testdata", "answers", "rubric.toml"))
	if err != nil {
		return nil, err
	}
	return LoadRubric("rubric.toml", data)
})

// readerRubric is the small rubric of testdata/answers/rubric.toml.
func readerRubric(t testing.TB) *Rubric {
	t.Helper()
	rb, err := readerRubricOnce()
	if err != nil {
		t.Fatalf("loading the test rubric: %v", err)
	}
	return rb
}

// readAnswers opens src and reads every respondent.
func readAnswers(t testing.TB, name, src string, opt ReadOptions) ([]*Respondent, Source, error) {
	t.Helper()
	s, err := OpenAnswers(name, strings.NewReader(src), readerRubric(t), opt)
	if err != nil {
		return nil, nil, err
	}
	resps, err := drain(s)
	return resps, s, err
}

func drain(s Source) ([]*Respondent, error) {
	var out []*Respondent
	for {
		r, err := s.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
}

// cellOf returns the values of question id for r, joined with "|".
func cellOf(t testing.TB, r *Respondent, id string) string {
	t.Helper()
	q := readerRubric(t).Question(id)
	if q == nil {
		t.Fatalf("no question %q", id)
	}
	return strings.Join(r.Answers[q.Index].Values, "|")
}

// errorText returns err's message, and checks that it is positioned.
func errorText(t testing.TB, err error) string {
	t.Helper()
	var e *Error
	var l ErrorList
	switch {
	case errors.As(err, &l):
		if len(l) == 0 {
			t.Fatalf("empty ErrorList")
		}
	case errors.As(err, &e):
	default:
		t.Fatalf("error %v (%T) is not an *assess.Error", err, err)
	}
	return err.Error()
}

func TestSniffFormat(t *testing.T) {
	for _, tc := range []struct{ name, head, want string }{
		{"zip", "PK\x03\x04rest", FormatXLSX},
		{"json", "  \n{\"respondents\": []}", FormatJSON},
		{"json with BOM", "\xEF\xBB\xBF{}", FormatJSON},
		{"toml", "# answers\n\n[[respondent]]\nid = \"a\"\n", FormatTOML},
		{"toml spaced", "[[ respondent ]]\n", FormatTOML},
		{"csv", "a,b,c\n1,2,3\n", FormatCSV},
		{"csv mentioning respondent", "note,x\n\"[[respondent]]\",1\n", FormatCSV},
		{"empty", "", FormatCSV},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sniffFormat([]byte(tc.head)); got != tc.want {
				t.Errorf("sniffFormat(%q) = %q, want %q", tc.head, got, tc.want)
			}
		})
	}
}

// The same answers, in each format, read from "stdin" (no extension).
func TestOpenAnswersDetects(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"csv", "ID,q01,Team\nr1,4,Ops\n"},
		{"tsv", "ID\tq01\tTeam\nr1\t4\tOps\n"},
		{"json", `{"respondents": [{"id": "r1", "attributes": {"Team": "Ops"}, "answers": {"q01": 4}}]}`},
		{"toml", "[[respondent]]\nid = \"r1\"\nattributes = { Team = \"Ops\" }\nanswers = { q01 = 4 }\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resps, _, err := readAnswers(t, "stdin", tc.src, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(resps) != 1 {
				t.Fatalf("got %d respondents, want 1", len(resps))
			}
			r := resps[0]
			if r.ID != "r1" || r.Attributes["Team"] != "Ops" || cellOf(t, r, "q01") != "4" {
				t.Errorf("got id %q, attributes %v, q01 %q", r.ID, r.Attributes, cellOf(t, r, "q01"))
			}
		})
	}
}

func TestOpenAnswersFormatOption(t *testing.T) {
	// A .txt name would say CSV; the option says JSON.
	resps, _, err := readAnswers(t, "answers.txt", `{"respondents": [{"answers": {"q01": "Agree"}}]}`, ReadOptions{Format: "json"})
	if err != nil || len(resps) != 1 || cellOf(t, resps[0], "q01") != "Agree" {
		t.Fatalf("got %v, %v", resps, err)
	}
	if resps[0].ID != "respondent 1" {
		t.Errorf("generated id %q, want %q", resps[0].ID, "respondent 1")
	}
	_, _, err = readAnswers(t, "a.csv", "x", ReadOptions{Format: "ods"})
	if err == nil || !strings.Contains(errorText(t, err), `unknown answers format "ods"`) {
		t.Errorf("unknown format: got %v", err)
	}
	_, _, err = readAnswers(t, "old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", ReadOptions{})
	if err == nil || !strings.Contains(errorText(t, err), ".xls") {
		t.Errorf("xls: got %v", err)
	}
}

// Every Source OpenAnswers returns can be closed early.
func TestSourcesClose(t *testing.T) {
	for _, src := range []string{"a\n1\n", `{"respondents": []}`, "[[respondent]]\n"} {
		s, err := OpenAnswers("stdin", strings.NewReader(src), readerRubric(t), ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		c, ok := s.(io.Closer)
		if !ok {
			t.Fatalf("%T is not an io.Closer", s)
		}
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	}
}
