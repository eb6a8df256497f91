package main

// Issue 22, --format xlsform: the workbook `aiready questionnaire` writes,
// read back with openpyxl (a reader other than excelize, which wrote it),
// then the export KoboToolbox would give for it, laid out as KoboToolbox
// writes an XLSX ("XML values and headers", with and without the group
// names in the headers; and "Labels"), filled with the crafted people's
// answers and scored: nothing unanswered, no column left to map, the
// figures those answers make.

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
	"github.com/aiready/aiready/site/survey"
	"github.com/xuri/excelize/v2"
)

// xlsformDump is site/survey/xlsform/testdata/dump_xlsform.py's output.
type xlsformDump struct {
	Sheets []string `json:"sheets"`
	Cells  map[string][][]struct {
		V *string `json:"v"`
		T string  `json:"t"`
	} `json:"cells"`
}

// formRow is a row of the survey sheet as read back; formChoice one of a
// choices list.
type formRow struct{ typ, name, label, group, groupLabel string }
type formChoice struct{ name, label string }

// readForm reads the workbook with openpyxl: the survey sheet's question
// rows (notes and group rows left out, each with its group) and the
// choices lists. It skips without /usr/bin/python3 and openpyxl unless
// AIREADY_REQUIRE_TOOLS=1.
func readForm(t *testing.T, file string) ([]formRow, map[string][]formChoice) {
	t.Helper()
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		if testtool.Required() {
			t.Fatalf("AIREADY_REQUIRE_TOOLS=1 but %s with openpyxl is missing (apt-get install python3-openpyxl): %v", py, err)
		}
		t.Skipf("%s with openpyxl is missing: %v", py, err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, "../../site/survey/xlsform/testdata/dump_xlsform.py", file)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, stderr.String())
	}
	var d xlsformDump
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	rowsOf := func(sheet string) []map[string]string {
		rows := d.Cells[sheet]
		if len(rows) == 0 {
			t.Fatalf("no sheet %s", sheet)
		}
		var head []string
		for _, c := range rows[0] {
			h := ""
			if c.V != nil {
				h = *c.V
			}
			head = append(head, h)
		}
		var out []map[string]string
		for _, r := range rows[1:] {
			m := map[string]string{}
			for j, c := range r {
				if c.V != nil && j < len(head) {
					m[head[j]] = *c.V
				}
			}
			out = append(out, m)
		}
		return out
	}
	var rows []formRow
	var groups [][2]string
	for _, r := range rowsOf("survey") {
		switch r["type"] {
		case "begin_group":
			groups = append(groups, [2]string{r["name"], r["label"]})
		case "end_group":
			groups = groups[:len(groups)-1]
		case "note":
		default:
			fr := formRow{typ: r["type"], name: r["name"], label: r["label"]}
			if len(groups) > 0 {
				fr.group, fr.groupLabel = groups[len(groups)-1][0], groups[len(groups)-1][1]
			}
			rows = append(rows, fr)
		}
	}
	lists := map[string][]formChoice{}
	for _, c := range rowsOf("choices") {
		lists[c["list_name"]] = append(lists[c["list_name"]], formChoice{c["name"], c["label"]})
	}
	return rows, lists
}

// koboLayout is how the export is asked for.
type koboLayout struct {
	labels bool // "Labels" (else "XML values and headers")
	groups bool // "Include groups in headers"
	// single: "Export select_multiple responses as: Single column" (else
	// "Single and separate columns", the default).
	single bool
}

// koboBookkeeping are the columns KoboToolbox adds to every export.
var koboBookkeeping = []string{"start", "end", "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"}

// writeKoboExport writes the people's answers as KoboToolbox's XLSX
// export of the form lays them out (formpack's Export): start and end,
// one column per question in the form's order (a select_multiple as the
// whole answer, then one "1"/"0" column per choice), then Kobo's own
// columns. Every header and cell comes from the form as read back: a
// question's name (or label) and its choices' names (or labels), found by
// the rubric answer's place in the form's list.
//
// It returns the columns aiready is expected not to use: Kobo's
// bookkeeping and, with one column per choice, the whole-answer column of
// a select_multiple (the choice columns are read instead, a skip answer's
// "s09/don_t_know" among them).
func writeKoboExport(t *testing.T, file string, r *assess.Rubric, rows []formRow, lists map[string][]formChoice, people []surveyPerson, lay koboLayout) (aside []string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := "People-first AI adoption readi" // the form's title, cut to 31 characters
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	head := []string{"start", "end"}
	header := func(fr formRow, sub string) string {
		h := fr.name
		if lay.labels {
			h = fr.label
		}
		if lay.groups && fr.group != "" {
			g := fr.group
			if lay.labels {
				g = fr.groupLabel
			}
			h = g + "/" + h
		}
		if sub != "" {
			h += "/" + sub
		}
		return h
	}
	pick := func(c formChoice) string {
		if lay.labels {
			return c.label
		}
		return c.name
	}
	listOf := func(fr formRow) []formChoice {
		f := strings.Fields(fr.typ)
		if len(f) != 2 || lists[f[1]] == nil {
			t.Fatalf("%s: type %q names no list", fr.name, fr.typ)
		}
		return lists[f[1]]
	}
	for _, fr := range rows {
		head = append(head, header(fr, ""))
		if strings.HasPrefix(fr.typ, "select_multiple ") && !lay.single {
			aside = append(aside, header(fr, ""))
			for _, c := range listOf(fr) {
				head = append(head, header(fr, pick(c)))
			}
		}
	}
	head = append(head, koboBookkeeping[2:]...)
	aside = append(aside, koboBookkeeping...)
	set := func(col, row int, v any) {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	for j, h := range head {
		set(j+1, 1, h)
	}
	for i, p := range people {
		var line []any
		line = append(line, fmt.Sprintf("2025-03-%02dT09:%02d:00.000+01:00", 1+i%28, i%60), fmt.Sprintf("2025-03-%02dT09:%02d:30.000+01:00", 1+i%28, i%60))
		for _, fr := range rows {
			q := r.Question(fr.name)
			switch {
			case q == nil: // a segment
				v := p.Seg[fr.name]
				if strings.HasPrefix(fr.typ, "select_one ") && v != "" {
					k := slices.IndexFunc(listOf(fr), func(c formChoice) bool { return c.label == v })
					if k < 0 {
						t.Fatalf("segment %s: %q is not a choice of the form", fr.name, v)
					}
					v = pick(listOf(fr)[k])
				}
				line = append(line, v)
			case q.Type == assess.TypeText:
				line = append(line, p.Text[q.Index])
			case q.Type == assess.TypeMulti:
				cs := listOf(fr)
				var chosen []int
				if p.Multi[q.Index] != nil {
					chosen = p.Multi[q.Index]
				} else if p.Pick[q.Index] >= 0 {
					chosen = []int{p.Pick[q.Index]}
				}
				// formpack: the choices joined by spaces, then "1"
				// or "0" per choice; all empty when not answered.
				var ws []string
				for _, k := range chosen {
					ws = append(ws, pick(cs[k]))
				}
				line = append(line, strings.Join(ws, " "))
				for k := range cs {
					switch {
					case lay.single:
						continue
					case chosen == nil:
						line = append(line, "")
					case slices.Contains(chosen, k):
						line = append(line, "1")
					default:
						line = append(line, "0")
					}
				}
			default:
				if p.Pick[q.Index] < 0 {
					line = append(line, "")
				} else {
					line = append(line, pick(listOf(fr)[p.Pick[q.Index]]))
				}
			}
		}
		line = append(line, 41000+i, fmt.Sprintf("0b6c1f0e-1b1a-4c8e-9d2f-%012d", i), fmt.Sprintf("2025-03-%02dT08:%02d:31", 1+i%28, i%60), "", "", "submitted_via_web", "", "vQ3xg7kBfGvY2nM8", "", i+1)
		for j, v := range line {
			set(j+1, i+2, v)
		}
	}
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	return aside
}

// TestSurveyXLSFormKobo: the workbook of each built-in rubric, with the
// segments Role (values) and Team (typed in), comes back from
// KoboToolbox's XLSX export and scores to the answers put in.
func TestSurveyXLSFormKobo(t *testing.T) {
	for _, rubric := range []string{"people-first", "people-first-de"} {
		t.Run(rubric, func(t *testing.T) {
			r := loadBuiltin(t, rubric)
			dir := t.TempDir()
			form := filepath.Join(dir, "questionnaire.xlsx")
			code, _, stderr := runCLI(t, "questionnaire", "--format", "xlsform", "-r", rubric, "-q", "-o", form,
				"--segment-values", "Role=Executive,Manager,Frontline staff", "--segment", "Team")
			if code != 0 {
				t.Fatalf("questionnaire: exit %d: %s", code, stderr)
			}
			rows, lists := readForm(t, form)
			segs := []survey.SegmentSpec{{Attribute: "Role", Values: []string{"Executive", "Manager", "Frontline staff"}}, {Attribute: "Team"}}
			people := craftSurveyPeople(r, segs, 60, 22)
			for _, lay := range []koboLayout{{}, {groups: true}, {groups: true, single: true}, {labels: true}, {labels: true, single: true}} {
				name := "xml-values"
				if lay.labels {
					name = "labels"
				}
				if lay.groups {
					name += "-groups"
				}
				if lay.single {
					name += "-single"
				}
				t.Run(name, func(t *testing.T) {
					file := filepath.Join(dir, "export-"+name+".xlsx")
					aside := writeKoboExport(t, file, r, rows, lists, people, lay)
					res := scoreSurvey(t, file, rubric, "--segment", "Role", "--segment", "Team", "--allow-small-groups")
					// With XML values a segment's cells are its choice
					// names (frontline_staff), and so are its groups.
					want := people
					if !lay.labels {
						want = slices.Clone(people)
						role := lists[strings.Fields(rowNamed(t, rows, "Role").typ)[1]]
						for i := range want {
							want[i].Seg = map[string]string{"Team": people[i].Seg["Team"]}
							for _, c := range role {
								if c.label == people[i].Seg["Role"] {
									want[i].Seg["Role"] = c.name
								}
							}
						}
					}
					// The columns not used are exactly those set aside:
					// none is left to map.
					checkSurveyFigures(t, name, r, want, res, aside...)
				})
			}
		})
	}
}

func rowNamed(t *testing.T, rows []formRow, name string) formRow {
	t.Helper()
	for _, fr := range rows {
		if fr.name == name {
			return fr
		}
	}
	t.Fatalf("no question %s in the form", name)
	return formRow{}
}

// TestSurveyXLSFormCLI: `aiready questionnaire --format xlsform` writes
// questionnaire.xlsx, -o - the same bytes to standard output, --lang de
// the survey's own words in German; a segment that is no XLSForm name is
// refused with what to write instead.
func TestSurveyXLSFormCLI(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := runCLI(t, "questionnaire", "--format", "xlsform")
	if code != 0 || !strings.Contains(stdout, "questionnaire.xlsx") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	file, err := os.ReadFile("questionnaire.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCLI(t, "questionnaire", "--format", "xlsform", "-o", "-")
	if code != 0 || stdout != string(file) {
		t.Fatalf("-o -: exit %d, %d bytes, want the %d bytes of questionnaire.xlsx; %s", code, len(stdout), len(file), stderr)
	}
	if !bytes.HasPrefix(file, []byte("PK\x03\x04")) {
		t.Fatal("questionnaire.xlsx is not a zip")
	}
	code, _, stderr = runCLI(t, "questionnaire", "--format", "xlsform", "--lang", "de", "-o", "de.xlsx")
	if code != 0 {
		t.Fatalf("--lang de: exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile("de.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	intro, _ := f.GetCellValue("survey", "C2")
	multi := false
	rows, _ := f.GetRows("survey")
	for _, rw := range rows {
		multi = multi || len(rw) > 3 && strings.HasPrefix(rw[0], "select_multiple") && strings.Contains(rw[3], "Zutreffende")
	}
	if !strings.Contains(intro, "Antworten") || !multi {
		t.Errorf("--lang de: intro %q, a select_multiple with the German hint: %v", intro, multi)
	}
	code, _, stderr = runCLI(t, "questionnaire", "--format", "xlsform", "--segment", "Business unit", "-o", "bu.xlsx")
	if code == 0 || !strings.Contains(stderr, "Business_unit") {
		t.Errorf("--segment 'Business unit': exit %d: %s", code, stderr)
	}
	if _, err := os.Stat("bu.xlsx"); err == nil {
		t.Error("bu.xlsx was written despite the error")
	}
}
