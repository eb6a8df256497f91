package qsf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/survey"
	"github.com/aiready/aiready/site/survey/qsf"
	"github.com/aiready/aiready/site/survey/qsf/qsfcheck"
)

var segments = []survey.SegmentSpec{{Attribute: "Role", Values: []string{"Executive", "Manager", "Frontline staff"}}, {Attribute: "Team"}}

func write(t *testing.T, s *survey.Survey) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := qsf.Write(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// read parses and checks a QSF with the independent reader.
func read(t *testing.T, name string, data []byte) *qsfcheck.File {
	t.Helper()
	f, err := qsfcheck.Read(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, err := range qsfcheck.Check(f) {
		t.Errorf("%s: %v", name, err)
	}
	return f
}

func match(t *testing.T, name string, f *qsfcheck.File, s *survey.Survey) {
	t.Helper()
	for _, err := range qsfcheck.Match(f, s) {
		t.Errorf("%s: %v", name, err)
	}
}

// checkRubric checks f against the rubric itself: each question asked once
// under its id, with its text and its answers' labels in order.
func checkRubric(t *testing.T, f *qsfcheck.File, r *assess.Rubric) {
	t.Helper()
	byTag := map[string][]*qsfcheck.Question{}
	for _, id := range f.Order {
		q := f.Questions[id]
		byTag[q.Tag] = append(byTag[q.Tag], q)
	}
	for _, rq := range r.Questions {
		qs := byTag[rq.ID]
		if len(qs) != 1 {
			t.Errorf("question %s is asked %d times", rq.ID, len(qs))
			continue
		}
		q := qs[0]
		if text := qsfcheck.Text(q.Text); text != rq.Text && !strings.HasPrefix(text, rq.Text+"\n\n") {
			t.Errorf("%s: text %q, want %q", rq.ID, text, rq.Text)
		}
		labels, _ := rq.Answers()
		var got []string
		for _, c := range q.Choices {
			got = append(got, qsfcheck.Text(c.Display))
		}
		if strings.Join(got, "\x00") != strings.Join(labels, "\x00") {
			t.Errorf("%s: answers %q, want %q", rq.ID, got, labels)
		}
	}
}

// TestWriteBuiltins: the built-in rubrics in English and German, with a
// segment of values and one typed in, written, read back and checked
// against the survey and the rubric; the same survey gives the same
// bytes.
func TestWriteBuiltins(t *testing.T) {
	ids := map[string][]byte{}
	for _, name := range []string{"people-first", "people-first-de"} {
		for _, lang := range []string{"", "en", "de"} {
			r, err := rubrics.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			s, err := survey.Build(r, survey.Options{Lang: lang, Segments: segments})
			if err != nil {
				t.Fatal(err)
			}
			data := write(t, s)
			label := name + "/" + lang
			f := read(t, label, data)
			match(t, label, f, s)
			checkRubric(t, f, r)
			wantLang := map[string]string{"people-first": "EN", "people-first-de": "DE"}[name]
			if lang != "" {
				wantLang = strings.ToUpper(lang)
			}
			if f.Entry.SurveyLanguage != wantLang {
				t.Errorf("%s: SurveyLanguage %q, want %q", label, f.Entry.SurveyLanguage, wantLang)
			}
			if !bytes.Equal(data, write(t, s)) {
				t.Errorf("%s: two writes differ", label)
			}
			if prev, ok := ids[f.Entry.SurveyID]; ok && !bytes.Equal(prev, data) {
				t.Errorf("%s: two different surveys have one SurveyID %s", label, f.Entry.SurveyID)
			}
			ids[f.Entry.SurveyID] = data
		}
	}
}

// tagsAllowed are the only tags the writer's HTML holds.
var tagsAllowed = regexp.MustCompile(`<br>|</?strong>|<span style="font-size:smaller;">|</span>`)

// TestWriteHostile: a rubric and segment values with quotes, backslashes,
// <script>, entities, line breaks and emoji stay valid JSON, carry no
// markup of their own, and read back exactly.
func TestWriteHostile(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "hostile.toml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := assess.LoadRubric("hostile.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	segs := []survey.SegmentSpec{
		{Attribute: "Role", Values: []string{`<script>alert("v")</script>`, `Back\slash "q"`, "Team 🚀\nnew line", "&amp;"}},
		{Attribute: "Team"},
	}
	s, err := survey.Build(r, survey.Options{Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	data := write(t, s)
	f := read(t, "hostile", data)
	match(t, "hostile", f, s)
	checkRubric(t, f, r)
	if f.Entry.SurveyName != r.Title {
		t.Errorf("SurveyName %q, want %q", f.Entry.SurveyName, r.Title)
	}
	for _, id := range f.Order {
		q := f.Questions[id]
		texts := []string{q.Text}
		for _, c := range q.Choices {
			texts = append(texts, c.Display)
		}
		for _, h := range texts {
			if rest := tagsAllowed.ReplaceAllString(h, ""); strings.ContainsAny(rest, "<>") {
				t.Errorf("%s: markup of the rubric's own in %q", id, h)
			}
		}
	}
	for _, b := range [][]byte{[]byte("<script"), []byte("</script"), []byte("<img")} {
		if bytes.Contains(bytes.ToLower(data), b) {
			t.Errorf("the file holds %s", b)
		}
	}
}

// TestRealFiles: the checker accepts QSF files Qualtrics wrote (see
// testdata/real/SOURCES.md), and finds what is wrong in broken copies of
// them and of the writer's.
func TestRealFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*.qsf"))
	if len(files) < 3 {
		t.Fatalf("%d real QSF files, want 3", len(files))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f := read(t, filepath.Base(file), data)
		if len(f.Order) == 0 || len(f.Flow) == 0 {
			t.Errorf("%s: read no questions or no flow", file)
		}
	}
	// Broken files must fail: the checker is no rubber stamp.
	long, err := os.ReadFile(filepath.Join("testdata", "real", "Long_Exhaustive_Sample_Survey.qsf"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := rubrics.Load("people-first")
	if err != nil {
		t.Fatal(err)
	}
	s, err := survey.Build(r, survey.Options{Segments: segments})
	if err != nil {
		t.Fatal(err)
	}
	ours := string(write(t, s))
	for _, c := range []struct {
		name, in, old, new string
		match              bool
	}{
		{"a block dropped from the flow", string(long), `{"ID":"BL_8HvHiD1xNsKB31P","Type":"Standard","FlowID":"FL_3"},`, ``, false},
		{"a question in two blocks", string(long), `"BlockElements":[{"Type":"Question","QuestionID":"QID1"}]`, `"BlockElements":[{"Type":"Question","QuestionID":"QID1"},{"Type":"Question","QuestionID":"QID2"}]`, false},
		{"an export tag twice", string(long), `"DataExportTag":"Q47"`, `"DataExportTag":"q4_colored_fruit"`, false},
		{"a label changed", ours, `{"Display":"Strongly agree"}`, `{"Display":"Strongly  agree"}`, true},
		{"a question required", ours, `"ForceResponse":"OFF"`, `"ForceResponse":"ON"`, true},
		{"a recode value off", ours, `"5":"5","6":"-99"`, `"5":"6","6":"-99"`, true},
		{"an export tag changed", ours, `"DataExportTag":"s02"`, `"DataExportTag":"S02x"`, true},
	} {
		if !strings.Contains(c.in, c.old) {
			t.Fatalf("%s: %q is not in the file", c.name, c.old)
		}
		f, err := qsfcheck.Read([]byte(strings.Replace(c.in, c.old, c.new, 1)))
		if err != nil {
			continue // refused already
		}
		errs := qsfcheck.Check(f)
		if c.match {
			errs = append(errs, qsfcheck.Match(f, s)...)
		}
		if len(errs) == 0 {
			t.Errorf("%s: the checker finds nothing wrong", c.name)
		}
	}
}

// TestHowTo: the steps fit the help's width and say what to choose.
func TestHowTo(t *testing.T) {
	for _, l := range strings.Split(qsf.HowTo, "\n") {
		if n := len([]rune(l)); n > 78 {
			t.Errorf("HowTo line of %d characters: %q", n, l)
		}
	}
	for _, want := range []string{"Import a QSF file", "Use choice text", "Export data", "aiready score"} {
		if !strings.Contains(qsf.HowTo, want) {
			t.Errorf("HowTo does not say %q", want)
		}
	}
}

// TestHTMLRoundTrip: the writer's rich text reads back, by its own Plain
// and by the checker's independent reading, as the text given.
func TestHTMLRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", `"q" \ </script> & &amp; &lt; <br>`, "a\nb\r\nc\n\n", "🚀 ü\u2028", "<<>>&&;"} {
		h := qsf.HTML(s)
		if got := qsf.Plain(h); got != s {
			t.Errorf("Plain(HTML(%q)) = %q", s, got)
		}
		if got := qsfcheck.Text(h); got != s {
			t.Errorf("qsfcheck.Text(HTML(%q)) = %q", s, got)
		}
	}
}

// TestWriteCaseOnlyNames: question ids that differ only in case (a valid
// rubric) are refused, naming both: Qualtrics' export tags are unique
// without case.
func TestWriteCaseOnlyNames(t *testing.T) {
	r, err := assess.LoadRubric("case.toml", []byte(`format = 1
id = "c"
title = "C"
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
text = "One."
[[question]]
id = "Q1"
dimension = "d"
scale = "s"
text = "Two."
[[level]]
id = "l"
title = "L"
min = 0
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := survey.Build(r, survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := qsf.Write(&b, s); err == nil || !strings.Contains(err.Error(), `qsf: "q1" and "Q1" differ only in case`) {
		t.Errorf("Write: %v, want the two ids refused", err)
	}
}
