package assess

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFile(t *testing.T, name string) ([]*Respondent, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "answers", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := OpenAnswers(name, f, readerRubric(t), ReadOptions{})
	if err != nil {
		return nil, err
	}
	if s.Columns() != nil {
		t.Errorf("native input has columns %v", s.Columns())
	}
	return drain(s)
}

func TestNativeTOML(t *testing.T) {
	resps, err := readFile(t, "native.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(resps) != 2 {
		t.Fatalf("got %d respondents", len(resps))
	}
	r1, r2 := resps[0], resps[1]
	rb := readerRubric(t)
	for _, tc := range []struct {
		r       *Respondent
		q, want string
		numeric bool
		pos     Position
	}{
		{r1, "q01", "4", true, Position{"native.toml", 8, 1}},
		{r1, "q02", "Agree", false, Position{"native.toml", 9, 1}},
		{r1, "goal", "Speed up existing work", false, Position{"native.toml", 10, 1}},
		{r1, "safeguards", "Human review|Escalation path", false, Position{"native.toml", 11, 1}},
		{r1, "comment", "We are careful.", false, Position{"native.toml", 12, 1}},
		{r2, "q01", "4.5", true, Position{"native.toml", 16, 13}},
		{r2, "safeguards", "", false, Position{"native.toml", 16, 47}},
	} {
		c := tc.r.Answers[rb.Question(tc.q).Index]
		if got := strings.Join(c.Values, "|"); got != tc.want || c.Numeric != tc.numeric || c.Pos != tc.pos {
			t.Errorf("%s %s: got %q numeric %v at %v, want %q %v at %v", tc.r.ID, tc.q, got, c.Numeric, c.Pos, tc.want, tc.numeric, tc.pos)
		}
	}
	if r1.ID != "r1" || r2.ID != "2" {
		t.Errorf("ids %q %q", r1.ID, r2.ID)
	}
	if r1.Attributes["Role"] != "Lead" || r1.Attributes["Years"] != "4" || r2.Attributes != nil {
		t.Errorf("attributes %v %v", r1.Attributes, r2.Attributes)
	}
	if r1.Pos != (Position{"native.toml", 2, 1}) || r2.Pos != (Position{"native.toml", 14, 1}) {
		t.Errorf("respondents at %v and %v", r1.Pos, r2.Pos)
	}
}

func TestNativeJSON(t *testing.T) {
	resps, err := readFile(t, "native.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(resps) != 2 {
		t.Fatalf("got %d respondents", len(resps))
	}
	r1, r2 := resps[0], resps[1]
	rb := readerRubric(t)
	for _, tc := range []struct {
		r       *Respondent
		q, want string
		numeric bool
		pos     Position
	}{
		{r1, "q01", "4", true, Position{"native.json", 3, 16}},
		{r1, "safeguards", "Human review|Escalation path", false, Position{"native.json", 3, 26}},
		{r2, "q02", "Agree", false, Position{"native.json", 5, 6}},
		{r2, "goal", "", false, Position{"native.json", 5, 23}},
		{r2, "comment", "Wir sind vorsichtig – sehr.", false, Position{"native.json", 5, 37}},
	} {
		c := tc.r.Answers[rb.Question(tc.q).Index]
		if got := strings.Join(c.Values, "|"); got != tc.want || c.Numeric != tc.numeric || c.Pos != tc.pos {
			t.Errorf("%s %s: got %q numeric %v at %v, want %q %v at %v", tc.r.ID, tc.q, got, c.Numeric, c.Pos, tc.want, tc.numeric, tc.pos)
		}
	}
	if r1.ID != "r1" || r2.ID != "respondent 2" {
		t.Errorf("ids %q %q", r1.ID, r2.ID)
	}
	if r1.Attributes["Role"] != "Lead" || r1.Attributes["Years"] != "4" {
		t.Errorf("attributes %v", r1.Attributes)
	}
	if r1.Pos != (Position{"native.json", 2, 3}) || r2.Pos != (Position{"native.json", 4, 3}) {
		t.Errorf("respondents at %v and %v", r1.Pos, r2.Pos)
	}
}

func TestNativeErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"a.toml", "title = \"x\"\n[[respondent]]\n", `a.toml:1:1: unknown key "title": an answers file holds [[respondent]] tables`},
		{"a.toml", "respondent = 1\n", "a.toml:1:1: respondent must be an array of tables"},
		{"a.toml", "[[respondent]]\nname = \"Ann\"\n", `a.toml:2:1: unknown key "name" in a respondent`},
		{"a.toml", "[[respondent]]\n[respondent.answers]\nq99 = 1\n", `a.toml:3:1: unknown question "q99"`},
		{"a.toml", "[[respondent]]\n[respondent.answers]\nq01 = true\n", `a.toml:3:1: answer to "q01" must be a string, a number or an array of strings, not true`},
		{"a.toml", "[[respondent]]\nanswers.safeguards = [1, 2]\n", `a.toml:2:1: answer to "safeguards" must be a string, a number or an array of strings, not an array of other than strings`},
		{"a.toml", "[[respondent]]\nanswers.q01 = 2026-01-02\n", `a.toml:2:1: answer to "q01" must be a string, a number or an array of strings, not a date`},
		{"a.toml", "[[respondent]]\nanswers = {q01 = 1, AIQ1 = 2}\n", `a.toml:2:21: question "q01" is answered twice: as "q01" and as "AIQ1"`},
		{"a.toml", "[[respondent]]\nattributes = {Team = [\"a\"]}\n", `a.toml:2:15: attribute "Team" must be a string or a number, not an array`},
		{"a.toml", "[[respondent]]\nid = \n", "a.toml:2:6: TOML syntax"},
		{"a.toml", "[[respondent]]\nid = \"\xff\"\n", "a.toml:2:7: invalid UTF-8"},
		{"a.json", "", "a.json:1:1: empty file"},
		{"a.json", "[1]", `a.json:1:1: expected {"respondents": [...]}`},
		{"a.json", `{"title": 1}`, `a.json:1:2: unknown key "title"`},
		{"a.json", "{\"respondents\": [],\n \"title\": 1}", `a.json:2:2: unknown key "title"`},
		{"a.json", `{"respondents": {}}`, "a.json:1:17: respondents must be an array, not an object"},
		{"a.json", `{"respondents": [], "respondents": []}`, `a.json:1:21: a second "respondents" key`},
		{"a.json", `{"respondents": [1]}`, "a.json:1:18: each respondent must be an object"},
		{"a.json", `{"respondents": [{"name": "Ann"}]}`, `a.json:1:19: unknown key "name" in a respondent`},
		{"a.json", `{"respondents": [{"id": "a", "id": "b"}]}`, `a.json:1:30: key "id" appears twice`},
		{"a.json", `{"respondents": [{"id": {}}]}`, "a.json:1:25: id must be a string or a number, not an object"},
		{"a.json", `{"respondents": [{"answers": {"q99": 1}}]}`, `a.json:1:31: unknown question "q99"`},
		{"a.json", `{"respondents": [{"answers": {"q01": true}}]}`, `a.json:1:31: answer to "q01" must be a string, a number or an array of strings, not true`},
		{"a.json", `{"respondents": [{"answers": {"q01": {"a": 1}}}]}`, `a.json:1:31: answer to "q01" must be a string, a number or an array of strings, not an object`},
		{"a.json", `{"respondents": [{"answers": {"safeguards": ["a", 2]}}]}`, `a.json:1:51: answer to "safeguards" must be a string, a number or an array of strings; this array holds`},
		{"a.json", `{"respondents": [{"answers": {"q01": 1, "AIQ1": 2}}]}`, `a.json:1:41: question "q01" is answered twice`},
		{"a.json", `{"respondents": [{"attributes": {"Team": [1]}}]}`, `a.json:1:34: attribute "Team" must be a string or a number, not an array`},
		{"a.json", `{"respondents": [{"attributes": []}]}`, "a.json:1:33: attributes must be an object, not an array"},
		{"a.json", "{\"respondents\": [\n  {\"id\": \"a\",}]}", "a.json:2:14: JSON syntax: invalid character '}'"},
		{"a.json", `{"respondents": [`, "a.json:1:18: JSON syntax: the file ends too early"},
		{"a.json", `{"respondents": []} x`, "a.json:1:21: JSON syntax: invalid character 'x'"},
		{"a.json", `{"respondents": []} {}`, "a.json:1:21: unexpected text after the closing brace"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			_, _, err := readAnswers(t, tc.name, tc.src, ReadOptions{})
			if err == nil {
				t.Fatal("no error")
			}
			if got := errorText(t, err); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s...", got, tc.want)
			}
		})
	}
}

// respondentsJSON streams a large native JSON file without holding it.
type respondentsJSON struct {
	n, i int
	buf  []byte
}

func (r *respondentsJSON) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		switch {
		case r.i == 0:
			r.buf = []byte(`{"respondents": [` + "\n")
		case r.i <= r.n:
			sep := ","
			if r.i == r.n {
				sep = ""
			}
			r.buf = fmt.Appendf(nil, `  {"id": "r%d", "attributes": {"Team": "T%d"}, "answers": {"q01": %d, "safeguards": ["Human review"], "comment": "line\nline"}}%s`+"\n", r.i, r.i%7, 1+r.i%5, sep)
		case r.i == r.n+1:
			r.buf = []byte("]}\n")
		default:
			return 0, io.EOF
		}
		r.i++
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// Reading native JSON keeps only a window of the input, however long.
func TestNativeJSONStreams(t *testing.T) {
	const n = 50000
	s, err := OpenAnswers("big.json", &respondentsJSON{n: n}, readerRubric(t), ReadOptions{})
	if err != nil {
		t.Fatal(err)
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
		count++
		if want := (Position{"big.json", count + 1, 3}); r.Pos != want {
			t.Fatalf("respondent %d at %v, want %v", count, r.Pos, want)
		}
	}
	if count != n {
		t.Errorf("read %d respondents, want %d", count, n)
	}
	if c := cap(s.(*jsonAnswers).off.buf); c > 1<<20 {
		t.Errorf("position window grew to %d bytes", c)
	}
}

// FuzzNative feeds native JSON and TOML readers: no panic, and every
// error is positioned.
func FuzzNative(f *testing.F) {
	for _, name := range []string{"native.json", "native.toml"} {
		if data, err := os.ReadFile(filepath.Join("testdata", "answers", name)); err == nil {
			f.Add(data, name == "native.json")
		}
	}
	f.Add([]byte(`{"respondents": [{"answers": {"safeguards": ["a", {}]}}], "x": [}`), true)
	f.Add([]byte("[[respondent]]\nanswers = { q01 = [1, \"a\"], \"x.y\" = 2 }\n"), false)
	// Issue 15: the JSON limits (nesting, a long number) and hidden TOML
	// nesting.
	f.Add([]byte(`{"respondents": [{"answers": {"q02": `+strings.Repeat("[", 40)+`}}]}`), true)
	f.Add([]byte(`{"respondents": [{"id": 1`+strings.Repeat("0", jsonMaxToken)+`}]}`), true)
	f.Add([]byte(`{"respondents": [{"attributes": {"a": "b"}, "answers": {"q02": ["a", "b"]}}]}`), true)
	f.Add([]byte("[[respondent]]\n"+deepAfterNewlineTable(40)), false)
	rb := readerRubric(f)
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		format, name := FormatTOML, "fuzz.toml"
		if isJSON {
			format, name = FormatJSON, "fuzz.json"
		}
		s, err := OpenAnswers(name, bytes.NewReader(data), rb, ReadOptions{Format: format})
		if err == nil {
			for {
				if _, err = s.Next(); err != nil {
					break
				}
			}
			if err == io.EOF {
				return
			}
		}
		for _, e := range Errors(err) {
			pe, ok := e.(*Error)
			if !ok {
				t.Fatalf("error %v is a %T, not an *assess.Error", e, e)
			}
			if pe.Pos.Line < 1 || pe.Pos.Col < 1 || pe.Pos.File != name {
				t.Fatalf("error %q has no position", pe)
			}
		}
	})
}
