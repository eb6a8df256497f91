package xlsform

import (
	"bytes"
	"encoding/json"
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
	"golang.org/x/text/unicode/norm"
)

// cell is one cell as openpyxl reads it: its text and its data type ("s"
// a string, "n" a number or nothing, "f" a formula, ...).
type cell struct {
	V *string `json:"v"`
	T string  `json:"t"`
}

// dump is testdata/dump_xlsform.py's output.
type dump struct {
	Sheets []string            `json:"sheets"`
	Cells  map[string][][]cell `json:"cells"`
}

// readBack reads the workbook with openpyxl, a reader that is not
// excelize, which wrote it. It skips the test without /usr/bin/python3
// and openpyxl (fails under AIREADY_REQUIRE_TOOLS=1).
func readBack(t *testing.T, data []byte) dump {
	t.Helper()
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		if testtool.Required() {
			t.Fatalf("AIREADY_REQUIRE_TOOLS=1 but %s with openpyxl is missing (apt-get install python3-openpyxl): %v", py, err)
		}
		t.Skipf("%s with openpyxl is missing: %v", py, err)
	}
	file := filepath.Join(t.TempDir(), "questionnaire.xlsx")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, filepath.Join("testdata", "dump_xlsform.py"), file)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl cannot read the workbook: %v\n%s", err, stderr.String())
	}
	var d dump
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// table is a sheet as rows of named columns, the header row taken out.
type table struct {
	head []string
	rows []map[string]string
}

// sheet reads a sheet of d, failing on any cell that is not a string or
// empty (a formula, a number, a date: XLSForm's cells are text).
func sheet(t *testing.T, d dump, name string) table {
	t.Helper()
	rows, ok := d.Cells[name]
	if !ok || len(rows) == 0 {
		t.Fatalf("no sheet %q (sheets: %q)", name, d.Sheets)
	}
	var tb table
	for _, c := range rows[0] {
		h := ""
		if c.V != nil {
			h = *c.V
		}
		tb.head = append(tb.head, h)
	}
	for i, r := range rows[1:] {
		m := map[string]string{}
		for j, c := range r {
			if c.V == nil {
				continue
			}
			if c.T != "s" {
				t.Errorf("%s row %d column %d: %q is stored as type %q, not as text", name, i+2, j+1, *c.V, c.T)
			}
			if j < len(tb.head) {
				m[tb.head[j]] = *c.V
			}
		}
		tb.rows = append(tb.rows, m)
	}
	return tb
}

// checkSpec checks the workbook against the XLSForm specification's rules
// (xlsform.org): the sheets and their mandatory columns, names, lists and
// groups. It returns the survey and choices sheets.
func checkSpec(t *testing.T, d dump) (surveyT, choicesT table, settings map[string]string) {
	t.Helper()
	surveyT, choicesT = sheet(t, d, "survey"), sheet(t, d, "choices")
	st := sheet(t, d, "settings")
	for _, tc := range []struct {
		tb   table
		name string
		cols []string
	}{{surveyT, "survey", []string{"type", "name", "label"}}, {choicesT, "choices", []string{"list_name", "name", "label"}}, {st, "settings", []string{"form_title", "form_id"}}} {
		for _, c := range tc.cols {
			if !slices.Contains(tc.tb.head, c) {
				t.Errorf("sheet %s: no column %q (%q)", tc.name, c, tc.tb.head)
			}
		}
	}
	// choices: list names are names, choice names have no spaces and are
	// unique in their list, every choice has a label.
	lists := map[string][]map[string]string{}
	for i, r := range choicesT.rows {
		ln, n := r["list_name"], r["name"]
		if !survey.NamePattern.MatchString(ln) {
			t.Errorf("choices row %d: list name %q is not a valid name", i+2, ln)
		}
		if n == "" || strings.ContainsAny(n, " \t\n\r") {
			t.Errorf("choices row %d: choice name %q is empty or has a space", i+2, n)
		}
		if slices.ContainsFunc(lists[ln], func(c map[string]string) bool { return c["name"] == n }) {
			t.Errorf("choices row %d: name %q twice in list %q", i+2, n, ln)
		}
		if r["label"] == "" {
			t.Errorf("choices row %d: no label", i+2)
		}
		lists[ln] = append(lists[ln], r)
	}
	// survey: every row but end_group has a valid name, unique in the
	// form, and a label; select types name a list that exists; groups
	// are balanced.
	names := map[string]bool{}
	used := map[string]bool{}
	depth := 0
	for i, r := range surveyT.rows {
		typ, n := r["type"], r["name"]
		f := strings.Fields(typ)
		if len(f) == 0 {
			t.Errorf("survey row %d: no type", i+2)
			continue
		}
		switch f[0] {
		case "end_group":
			depth--
			if depth < 0 {
				t.Fatalf("survey row %d: end_group without begin_group", i+2)
			}
			continue
		case "begin_group":
			depth++
		case "select_one", "select_multiple":
			if len(f) != 2 {
				t.Errorf("survey row %d: type %q does not name one list", i+2, typ)
			} else if lists[f[1]] == nil {
				t.Errorf("survey row %d: list %q is not in choices", i+2, f[1])
			}
			if len(f) > 1 {
				used[f[1]] = true
			}
		case "note", "text":
		default:
			t.Errorf("survey row %d: type %q", i+2, typ)
		}
		if !survey.NamePattern.MatchString(n) {
			t.Errorf("survey row %d: name %q is not a valid name", i+2, n)
		}
		if names[n] {
			t.Errorf("survey row %d: name %q twice", i+2, n)
		}
		names[n] = true
		if r["label"] == "" {
			t.Errorf("survey row %d (%s): no label", i+2, n)
		}
		if r["required"] != "" {
			t.Errorf("survey row %d: required %q: every question is optional", i+2, r["required"])
		}
	}
	if depth != 0 {
		t.Errorf("%d groups not ended", depth)
	}
	for ln := range lists {
		if !used[ln] {
			t.Errorf("list %q is used by no question", ln)
		}
	}
	if len(st.rows) != 1 {
		t.Fatalf("settings: %d rows, want 1", len(st.rows))
	}
	settings = st.rows[0]
	if settings["form_title"] == "" || !survey.NamePattern.MatchString(settings["form_id"]) || settings["version"] == "" {
		t.Errorf("settings: %q", settings)
	}
	return surveyT, choicesT, settings
}

// shown is what a rubric text must read as in the workbook: as it is, but
// for XLSForm's "${" (written with a fullwidth dollar sign) and the
// characters XML cannot hold.
func shown(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
	return strings.ReplaceAll(s, "${", "＄{")
}

// checkRubric checks that every question of r is in the survey sheet under
// its id, in its dimension's group, with its text, type and answers in
// order (names and labels), and the segments first.
func checkRubric(t *testing.T, r *assess.Rubric, segs []survey.SegmentSpec, surveyT, choicesT table) {
	t.Helper()
	list := map[string][][2]string{}
	for _, c := range choicesT.rows {
		list[c["list_name"]] = append(list[c["list_name"]], [2]string{c["name"], c["label"]})
	}
	row := map[string]map[string]string{}
	group := map[string]string{}
	var groups []string
	var order []string
	for _, rw := range surveyT.rows {
		switch rw["type"] {
		case "begin_group":
			groups = append(groups, rw["name"])
			continue
		case "end_group":
			groups = groups[:len(groups)-1]
			continue
		case "note":
			continue
		}
		row[rw["name"]] = rw
		order = append(order, rw["name"])
		if len(groups) > 0 {
			group[rw["name"]] = groups[len(groups)-1]
		}
	}
	var want []string
	for _, s := range segs {
		want = append(want, s.Attribute)
		rw := row[s.Attribute]
		if rw == nil {
			t.Errorf("segment %s is not asked", s.Attribute)
			continue
		}
		if group[s.Attribute] != "" {
			t.Errorf("segment %s is in group %s: an export with the groups in its headers would name it %s/%s", s.Attribute, group[s.Attribute], group[s.Attribute], s.Attribute)
		}
		if len(s.Values) == 0 {
			if rw["type"] != "text" {
				t.Errorf("segment %s without values: type %q, want text", s.Attribute, rw["type"])
			}
			continue
		}
		ln, _ := strings.CutPrefix(rw["type"], "select_one ")
		var labels []string
		for _, c := range list[ln] {
			labels = append(labels, c[1])
		}
		if !strings.HasPrefix(rw["type"], "select_one ") || !slices.Equal(labels, s.Values) {
			t.Errorf("segment %s: %q of %q, want the values %q", s.Attribute, rw["type"], labels, s.Values)
		}
	}
	for _, d := range r.Dimensions {
		for _, q := range d.Questions {
			want = append(want, q.ID)
		}
	}
	for _, q := range r.Questions {
		if q.Dim == nil {
			want = append(want, q.ID)
		}
	}
	if !slices.Equal(order, want) {
		t.Errorf("questions in the survey sheet:\n%q\nwant\n%q", order, want)
	}
	for _, q := range r.Questions {
		rw := row[q.ID]
		if rw == nil {
			continue
		}
		if rw["label"] != shown(q.Text) {
			t.Errorf("%s: label %q, want %q", q.ID, rw["label"], q.Text)
		}
		if norm.NFKC.String(rw["label"]) != norm.NFKC.String(strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
				return -1
			}
			return r
		}, q.Text)) {
			t.Errorf("%s: label %q does not fold to the rubric's text under NFKC", q.ID, rw["label"])
		}
		if q.Dim != nil && group[q.ID] == "" {
			t.Errorf("%s is in no group", q.ID)
		}
		wantType := map[string]string{assess.TypeScale: "select_one", assess.TypeChoice: "select_one", assess.TypeMulti: "select_multiple", assess.TypeText: "text"}[q.Type]
		f := strings.Fields(rw["type"])
		if len(f) == 0 || f[0] != wantType {
			t.Errorf("%s: type %q, want %s", q.ID, rw["type"], wantType)
			continue
		}
		if q.Type == assess.TypeText {
			continue
		}
		labels, _ := q.Answers()
		names := q.ChoiceNames()
		var got, exp [][2]string
		got = list[f[1]]
		for i := range labels {
			exp = append(exp, [2]string{names[i], shown(labels[i])})
		}
		if !slices.Equal(got, exp) {
			t.Errorf("%s: list %s is\n%q\nwant\n%q", q.ID, f[1], got, exp)
		}
	}
	// The groups: one per dimension, in order, labelled with its title.
	var titles []string
	for _, rw := range surveyT.rows {
		if rw["type"] == "begin_group" {
			titles = append(titles, rw["label"])
		}
	}
	for _, d := range r.Dimensions {
		if !slices.Contains(titles, shown(d.Title)) {
			t.Errorf("no group %q (groups: %q)", d.Title, titles)
		}
	}
}

func build(t *testing.T, r *assess.Rubric, opt survey.Options) []byte {
	t.Helper()
	s, err := survey.Build(r, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func loadHostile(t *testing.T) *assess.Rubric {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "hostile.toml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := assess.LoadRubric("hostile.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestWorkbook: the built-in rubrics, English and German, and a rubric of
// hostile texts, written and read back with openpyxl: the XLSForm rules
// hold, every question is there as the rubric has it, and nothing is a
// formula.
func TestWorkbook(t *testing.T) {
	segs := []survey.SegmentSpec{{Attribute: "Role", Values: []string{"Executive", "Manager", "Frontline staff"}}, {Attribute: "Team"}}
	rubricsUnderTest := map[string]func(*testing.T) *assess.Rubric{
		"people-first":    func(t *testing.T) *assess.Rubric { return mustLoad(t, "people-first") },
		"people-first-de": func(t *testing.T) *assess.Rubric { return mustLoad(t, "people-first-de") },
		"hostile":         loadHostile,
	}
	for _, name := range []string{"people-first", "people-first-de", "hostile"} {
		t.Run(name, func(t *testing.T) {
			r := rubricsUnderTest[name](t)
			data := build(t, r, survey.Options{Segments: segs})
			d := readBack(t, data)
			if !slices.Equal(d.Sheets, []string{"survey", "choices", "settings"}) {
				t.Errorf("sheets %q", d.Sheets)
			}
			surveyT, choicesT, settings := checkSpec(t, d)
			checkRubric(t, r, segs, surveyT, choicesT)
			if settings["form_title"] != shown(r.Title) {
				t.Errorf("form_title %q, want %q", settings["form_title"], r.Title)
			}
			if !strings.Contains(settings["version"], strings.Trim(strings.NewReplacer(" ", "_", "/", "_").Replace(r.Version), "_")) {
				t.Errorf("version %q does not hold the rubric's %q", settings["version"], r.Version)
			}
			// The intro, first, and the footer naming the rubric's digest.
			first := surveyT.rows[0]
			if first["type"] != "note" || first["label"] == "" || !strings.Contains(first["hint"], r.SHA256) {
				t.Errorf("first row: %q", first)
			}
		})
	}
}

func mustLoad(t *testing.T, name string) *assess.Rubric {
	t.Helper()
	r, err := rubrics.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDeterministic: the same survey gives the same bytes (no clock in the
// document properties or the zip), and another survey another version.
func TestDeterministic(t *testing.T) {
	r := mustLoad(t, "people-first")
	opt := survey.Options{Segments: []survey.SegmentSpec{{Attribute: "Role", Values: []string{"A", "B"}}}}
	a, b := build(t, r, opt), build(t, r, opt)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same survey differ")
	}
	if bytes.Contains(a, []byte("Sheet1")) {
		t.Error("the default sheet is left in the workbook")
	}
	s1, _ := survey.Build(r, opt)
	s2, _ := survey.Build(r, survey.Options{})
	f1, err1 := Build(s1)
	f2, err2 := Build(s2)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if f1.Settings[1][2] == f2.Settings[1][2] {
		t.Errorf("version %q for two different forms", f1.Settings[1][2])
	}
	if !strings.HasPrefix(f1.Settings[1][2], r.Version+"-") {
		t.Errorf("version %q does not start with the rubric's %q", f1.Settings[1][2], r.Version)
	}
}

// TestNames: a segment attribute or a question id that is no XLSForm name
// is refused with what to write instead; a section id that is none is made
// one.
func TestNames(t *testing.T) {
	r := mustLoad(t, "people-first")
	s, err := survey.Build(r, survey.Options{Segments: []survey.SegmentSpec{{Attribute: "Business unit"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(&bytes.Buffer{}, s); err == nil || !strings.Contains(err.Error(), "Business_unit") || !strings.Contains(err.Error(), `"Business unit"`) {
		t.Errorf("segment with a space: %v", err)
	}
	s, _ = survey.Build(r, survey.Options{Segments: []survey.SegmentSpec{{Attribute: "2024 cohort"}}})
	if err := Write(&bytes.Buffer{}, s); err == nil || !strings.Contains(err.Error(), "_2024_cohort") {
		t.Errorf("segment starting with a digit: %v", err)
	}
	s, _ = survey.Build(r, survey.Options{})
	s.Sections[1].Items[0].Name = "1st question"
	if err := Write(&bytes.Buffer{}, s); err == nil || !strings.Contains(err.Error(), "question id") || !strings.Contains(err.Error(), "rename it in the rubric") {
		t.Errorf("question id with a space: %v", err)
	}
	s, _ = survey.Build(r, survey.Options{})
	s.Sections[0].ID = "2 x/y"
	s.Sections[1].ID = s.Sections[1].Items[0].Name // a group named like a question
	f, err := Build(s)
	if err != nil {
		t.Fatal(err)
	}
	var groups []string
	for _, rw := range f.Survey {
		if rw[0] == "begin_group" {
			groups = append(groups, rw[1])
		}
	}
	if groups[0] != "_2_x_y" || groups[1] != s.Sections[1].Items[0].Name+"_2" {
		t.Errorf("group names %q", groups)
	}
}

// TestHowTo: the steps fit the help's 78 columns and name what the
// consultant clicks and runs.
func TestHowTo(t *testing.T) {
	for i, l := range strings.Split(HowTo, "\n") {
		if n := len([]rune(l)); n > 78 {
			t.Errorf("HowTo line %d has %d characters: %q", i+1, n, l)
		}
	}
	for _, w := range []string{"Upload an XLSForm", "DEPLOY", "XML values and headers", "Labels", "ODK Central", "aiready score --segment Role"} {
		if !strings.Contains(HowTo, w) {
			t.Errorf("HowTo does not say %q", w)
		}
	}
}
