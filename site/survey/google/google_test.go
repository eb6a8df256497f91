package google

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/survey"
)

// hostileText is what a rubric's texts must survive: quotes of both
// kinds, backslashes, a backtick template, line breaks, the end of a
// script element, a comment's end, JavaScript's line separators and an
// emoji (a surrogate pair in UTF-16).
const hostileText = "Say \"yes\" or 'no' \\ C:\\temp\\n `${FormApp}`\nnext line\r\n</script><script>alert(1)</script> */ // \u2028 \u2029 done 🙂 <!-- &amp;"

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hostileRubric has hostile texts everywhere the form shows them: the
// title, a dimension's title and description, scale labels and skip
// answers, question texts (two scale questions for a grid, one with a
// bracket asked alone), a choice and a multi question's options, a text
// question.
func hostileRubric(t testing.TB) *assess.Rubric {
	t.Helper()
	h := func(tag string) string { return tomlString(tag + " " + hostileText) }
	src := `format = 1
id = "hostile"
title = ` + h("Title") + `
version = "1"
language = "en"

[scales.s]
points = [1, 2, 3]
labels = [` + h("Low") + `, ` + h("Mid") + `, ` + h("High") + `]
skip = [` + h("Skip") + `]

[[dimension]]
id = "d"
title = ` + h("Dimension") + `
description = ` + h("Description") + `

[[question]]
id = "q1"
dimension = "d"
scale = "s"
text = ` + h("Q1") + `

[[question]]
id = "q2"
dimension = "d"
scale = "s"
text = ` + h("Q2") + `

[[question]]
id = "q3"
dimension = "d"
scale = "s"
text = ` + tomlString("Q3 [bracket] "+hostileText) + `

[[question]]
id = "q4"
dimension = "d"
type = "choice"
text = ` + h("Q4") + `
skip = [` + h("No idea") + `]
options = [{ label = ` + h("Option A") + `, points = 0 }, { label = ` + h("Option B") + `, points = 1 }]

[[question]]
id = "q5"
dimension = "d"
type = "multi"
text = ` + h("Q5") + `
options = [{ label = ` + h("Tick A") + `, points = 1 }, { label = ` + h("Tick B") + `, points = 1 }]

[[question]]
id = "q6"
dimension = "d"
type = "text"
text = ` + h("Q6") + `

[[level]]
id = "l"
title = "L"
min = 0
`
	r, err := assess.LoadRubric("hostile.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type testCase struct {
	name string
	r    *assess.Rubric
	segs []survey.SegmentSpec
}

func testCases(t *testing.T) []testCase {
	var cases []testCase
	for _, name := range []string{"people-first", "people-first-de"} {
		r, err := rubrics.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		var depts []string
		for i := 1; i <= 12; i++ { // more than a button each
			depts = append(depts, fmt.Sprintf("Department %d", i))
		}
		cases = append(cases, testCase{name, r, []survey.SegmentSpec{
			{Attribute: "Role", Values: []string{"Executive", "Manager", "Frontline staff"}},
			{Attribute: "Team"},
			{Attribute: "Department", Values: depts},
		}})
	}
	cases = append(cases, testCase{"hostile", hostileRubric(t), []survey.SegmentSpec{
		{Attribute: "Role", Values: []string{"A \"quoted\" one", "</script><script>alert(1)</script>", "line\u2028separated 🙂"}},
	}})
	return cases
}

func writeScript(t *testing.T, c testCase) (*survey.Survey, []byte) {
	t.Helper()
	s, err := survey.Build(c.r, survey.Options{Segments: c.segs})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, s); err != nil {
		t.Fatal(err)
	}
	return s, b.Bytes()
}

// TestScriptShape: the script is the head, one JSON object literal and
// the code, the same bytes every time; the rubric's texts are only in the
// literal, escaped, so that none ends it, a comment or a script element.
func TestScriptShape(t *testing.T) {
	for _, c := range testCases(t) {
		t.Run(c.name, func(t *testing.T) {
			s, script := writeScript(t, c)
			if _, again := writeScript(t, c); !bytes.Equal(script, again) {
				t.Fatal("two writes of the same survey differ")
			}
			rest, ok := bytes.CutPrefix(script, []byte(head+"var SURVEY = "))
			if !ok {
				t.Fatalf("the script does not start with the head and SURVEY:\n%.400s", script)
			}
			dec := json.NewDecoder(bytes.NewReader(rest))
			var data struct {
				Title, Description string
				Sections           []struct{ Title, Help string }
			}
			if err := dec.Decode(&data); err != nil {
				t.Fatalf("SURVEY is not one JSON object: %v", err)
			}
			if tail := rest[dec.InputOffset():]; string(tail) != ";\n"+code {
				t.Errorf("after SURVEY comes %q, want the code alone", tail)
			}
			if data.Title != s.Title || data.Description != s.Intro+"\n\n"+s.Footer || len(data.Sections) != len(s.Sections) {
				t.Errorf("SURVEY: %+v", data)
			}
			for _, bad := range []string{"</script", "<!--", "\u2028", "\u2029", "\r", "\\'"} {
				if bytes.Contains(script, []byte(bad)) {
					t.Errorf("the script holds %q", bad)
				}
			}
			if c.name == "hostile" {
				lit := rest[:dec.InputOffset()]
				for _, bad := range []string{"<", ">", "&"} {
					if bytes.Contains(lit, []byte(bad)) {
						t.Errorf("the literal holds %q unescaped", bad)
					}
				}
			}
		})
	}
}

// record is what testdata/formapp.js prints: the form as the script made
// it, and every call.
type record struct {
	LoadCalls int `json:"loadCalls"`
	Calls     []struct {
		On, Class, Method string
		Args              []any
	} `json:"calls"`
	Form struct {
		Title       string
		Description string
		Items       []formItem
	} `json:"form"`
	Log []string `json:"log"`
}

type formItem struct {
	Type     string
	Title    string
	Help     string
	Required *bool
	Rows     []string
	Columns  []string
	Choices  []string
}

func node(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		testtool.Missing(t, "no node on PATH (apt-get install nodejs)")
	}
	return p
}

// runStandIn runs script against the FormApp stand-in.
func runStandIn(t *testing.T, script []byte) (record, error) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "questionnaire.gs")
	if err := os.WriteFile(file, script, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(node(t), "testdata/formapp.js", file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	var rec record
	if err := cmd.Run(); err != nil {
		return rec, fmt.Errorf("%v: %s", err, stderr.Bytes())
	}
	if err := json.Unmarshal(stdout.Bytes(), &rec); err != nil {
		return rec, fmt.Errorf("the record does not decode: %v\n%s", err, stdout.Bytes())
	}
	return rec, nil
}

// asked is a question as the form asks it.
type asked struct {
	page, itemType, help string
	options              []string
	required             *bool
	inGrid               bool
}

// TestScriptInNode runs the script against the recording stand-in of
// FormApp: every rubric question is asked once, with its exact text, the
// form item its type needs and its answers in order, on the page of its
// dimension, none of them required; the segments come first; each page
// has its section's title and help; the links are logged. The hostile
// rubric's texts arrive byte for byte.
func TestScriptInNode(t *testing.T) {
	node(t)
	for _, c := range testCases(t) {
		t.Run(c.name, func(t *testing.T) {
			s, script := writeScript(t, c)
			rec, err := runStandIn(t, script)
			if err != nil {
				t.Fatal(err)
			}
			if rec.LoadCalls != 0 {
				t.Errorf("loading the script made %d calls, want none before createForm", rec.LoadCalls)
			}
			if rec.Form.Title != c.r.Title {
				t.Errorf("form title %q, want the rubric's %q", rec.Form.Title, c.r.Title)
			}
			if want := s.Intro + "\n\n" + s.Footer; rec.Form.Description != want {
				t.Errorf("form description %q, want %q", rec.Form.Description, want)
			}
			if len(rec.Log) != 2 || !strings.HasSuffix(rec.Log[0], ": https://docs.google.com/forms/d/STAND-IN/edit") ||
				!strings.HasSuffix(rec.Log[1], ": https://docs.google.com/forms/d/e/STAND-IN/viewform") {
				t.Errorf("log %q, want the edit and the respond link", rec.Log)
			}

			// Pages: one per section, in order, with its title and help.
			var pages []formItem
			for _, it := range rec.Form.Items {
				if it.Type == "PAGE_BREAK" {
					pages = append(pages, it)
				}
			}
			var wantPages [][2]string
			if len(c.segs) > 0 {
				wantPages = append(wantPages, [2]string{s.Words["aboutTitle"], s.Words["aboutHelp"]})
			}
			for _, d := range c.r.Dimensions {
				wantPages = append(wantPages, [2]string{d.Title, s.Sections[len(wantPages)].Help})
				if d.Description != "" && s.Sections[len(wantPages)-1].Help == "" {
					t.Errorf("dimension %s: no help", d.ID)
				}
			}
			if slices.ContainsFunc(c.r.Questions, func(q *assess.Question) bool { return q.Dim == nil }) {
				wantPages = append(wantPages, [2]string{s.Words["overallTitle"], ""})
			}
			if len(pages) != len(wantPages) || rec.Form.Items[0].Type != "PAGE_BREAK" {
				t.Fatalf("%d pages (first item %s), want %d", len(pages), rec.Form.Items[0].Type, len(wantPages))
			}
			for i, p := range pages {
				if p.Title != wantPages[i][0] || p.Help != wantPages[i][1] {
					t.Errorf("page %d: %q / %q, want %q / %q", i+1, p.Title, p.Help, wantPages[i][0], wantPages[i][1])
				}
			}

			// The questions, in the order asked.
			var order []string
			byText := map[string]asked{}
			page, grids, lone := "", 0, 0
			for _, it := range rec.Form.Items {
				switch it.Type {
				case "PAGE_BREAK":
					page = it.Title
					continue
				case "GRID":
					grids++
					if it.Title != s.Words["gridTitle"] || it.Help != "" || len(it.Rows) < 2 {
						t.Errorf("grid %q (help %q, %d rows), want titled %q", it.Title, it.Help, len(it.Rows), s.Words["gridTitle"])
					}
					for _, q := range c.r.Questions {
						if assess.Normalize(q.Text) == assess.Normalize(it.Title) || assess.Normalize(q.ID) == assess.Normalize(it.Title) {
							t.Errorf("the grid title %q names question %s", it.Title, q.ID)
						}
					}
					for _, row := range it.Rows {
						order = append(order, row)
						byText[row] = asked{page: page, itemType: "GRID", options: it.Columns, required: it.Required, inGrid: true}
					}
					continue
				}
				if _, dup := byText[it.Title]; dup {
					t.Errorf("two items titled %q", it.Title)
				}
				order = append(order, it.Title)
				byText[it.Title] = asked{page: page, itemType: it.Type, help: it.Help, options: it.Choices, required: it.Required}
			}
			var want []string
			for _, sg := range c.segs {
				want = append(want, sg.Attribute)
			}
			for _, d := range c.r.Dimensions {
				for _, q := range d.Questions {
					want = append(want, q.Text)
				}
			}
			for _, q := range c.r.Questions {
				if q.Dim == nil {
					want = append(want, q.Text)
				}
			}
			if !slices.Equal(order, want) {
				t.Fatalf("questions asked in this order:\n%q\nwant (segments first, then the rubric's):\n%q", order, want)
			}
			for _, a := range byText {
				if a.required == nil || *a.required {
					t.Errorf("a question is required (%v), want setRequired(false)", a.required)
					break
				}
			}
			// Segments: values as radio buttons, a drop-down list past
			// maxChoiceButtons, a line of text without values.
			for _, sg := range c.segs {
				a := byText[sg.Attribute]
				wantType := "MULTIPLE_CHOICE"
				switch {
				case len(sg.Values) == 0:
					wantType = "TEXT"
				case len(sg.Values) > 10: // survey.Item.DropDown
					wantType = "LIST"
				}
				if a.page != s.Words["aboutTitle"] || a.itemType != wantType || !slices.Equal(a.options, sg.Values) {
					t.Errorf("segment %s: %+v, want %s %q on the first page", sg.Attribute, a, wantType, sg.Values)
				}
				if len(sg.Values) == 0 && a.help != s.Words["segmentText"] {
					t.Errorf("segment %s: help %q", sg.Attribute, a.help)
				}
			}
			for _, q := range c.r.Questions {
				a := byText[q.Text]
				labels, _ := q.Answers()
				wantPage := s.Words["overallTitle"]
				if q.Dim != nil {
					wantPage = q.Dim.Title
				}
				if a.page != wantPage {
					t.Errorf("%s on page %q, want %q", q.ID, a.page, wantPage)
				}
				var wantTypes []string
				wantHelp := ""
				switch q.Type {
				case assess.TypeScale:
					wantTypes = []string{"GRID", "MULTIPLE_CHOICE"}
					if a.itemType == "MULTIPLE_CHOICE" {
						lone++
					}
				case assess.TypeChoice:
					wantTypes = []string{"MULTIPLE_CHOICE"}
				case assess.TypeMulti:
					wantTypes, wantHelp = []string{"CHECKBOX"}, s.Words["multiHelp"]
				case assess.TypeText:
					wantTypes, wantHelp, labels = []string{"PARAGRAPH_TEXT"}, s.Words["textHelp"], nil
				}
				if !slices.Contains(wantTypes, a.itemType) || !slices.Equal(a.options, labels) {
					t.Errorf("%s (%s) asked as %s with %q, want %v with %q", q.ID, q.Type, a.itemType, a.options, wantTypes, labels)
				}
				if !a.inGrid && a.help != wantHelp {
					t.Errorf("%s: help %q, want %q", q.ID, a.help, wantHelp)
				}
				if a.inGrid && strings.ContainsAny(q.Text, "[]") {
					t.Errorf("%s has a bracket in its text, yet is a grid row", q.ID)
				}
			}
			if grids == 0 || lone == 0 {
				t.Errorf("%d grids and %d scale questions asked alone; the test rubrics have both", grids, lone)
			}
		})
	}
}

// TestStandInRejects: the stand-in fails a script that calls what the
// API does not have, or calls it with the wrong arguments; and runs the
// smallest right one.
func TestStandInRejects(t *testing.T) {
	node(t)
	prefix := "function createForm() {\n  var form = FormApp.create('T');\n  "
	for _, c := range []struct{ name, body, want string }{
		{"rows-not-strings", "form.addGridItem().setRows([1, 2]);", "element 0 is number"},
		{"empty-choices", "form.addMultipleChoiceItem().setChoiceValues([]);", "the array is empty"},
		{"choices-one-string", "form.addCheckboxItem().setChoiceValues('a, b');", "not a String[]"},
		{"required-string", "form.addTextItem().setRequired('false');", "not a Boolean"},
		{"title-number", "form.addListItem().setTitle(3);", "not a String"},
		{"extra-argument", "form.setDescription('a', 'b');", "2 argument(s)"},
		{"undocumented", "form.addQuestion('x');", "not in the documented"},
		{"undocumented-item", "form.addGridItem().setChoiceValues(['a']);", "GridItem.setChoiceValues is not in the documented"},
		{"documented-unused", "form.setPublishingSummary(true);", "is documented, but"},
		{"page-required", "form.addPageBreakItem().setRequired(false);", "PageBreakItem.setRequired is not in the documented"},
		{"log-values", "Logger.log('%s and %s', 'a');", "2 %s for 1 value"},
		{"global", "require('fs');", "require is not defined"},
		{"ok", "form.addGridItem().setTitle('G').setRows(['a', 'b']).setColumns(['x']).setRequired(false);\n  Logger.log('%s', form.getEditUrl());", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec, err := runStandIn(t, []byte(prefix+c.body+"\n}\n"))
			if c.want == "" {
				if err != nil || len(rec.Form.Items) != 1 || !slices.Equal(rec.Form.Items[0].Rows, []string{"a", "b"}) || len(rec.Log) != 1 {
					t.Errorf("the right script: %v, %+v", err, rec)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want a failure saying %q", err, c.want)
			}
		})
	}
}

// TestSameTextRefused: two questions of one text would head two columns
// alike in the export; the script is refused, naming both.
func TestSameTextRefused(t *testing.T) {
	r, err := assess.LoadRubric("dup.toml", []byte(`format = 1
id = "dup"
title = "Dup"
version = "1"
[scales.s]
points = [1, 2, 3]
labels = ["Low", "Mid", "High"]
[[dimension]]
id = "d"
title = "D"
[[question]]
id = "a"
dimension = "d"
scale = "s"
text = "Same text"
[[question]]
id = "b"
dimension = "d"
scale = "s"
text = "same  TEXT"
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
	err = Write(&b, s)
	if err == nil || !strings.Contains(err.Error(), `"a" and "b" have the same text`) || b.Len() != 0 {
		t.Errorf("err %v, %d bytes written", err, b.Len())
	}
}
