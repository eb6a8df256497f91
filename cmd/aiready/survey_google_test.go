package main

// `aiready questionnaire --format google` (issue 22): the script, run in
// Node against the recording stand-in of FormApp
// (site/survey/google/testdata/formapp.js), makes a form; the export
// Google Forms would write for that form, built from the titles and
// options the form really got, scores as it comes.

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/site/survey"
)

// googleForm is the part of the stand-in's record read here: the form's
// items as the script made them.
type googleForm struct {
	Form struct {
		Title string
		Items []struct {
			Type, Title            string
			Rows, Columns, Choices []string
		}
	} `json:"form"`
}

// recordGoogleForm runs script in the FormApp stand-in.
func recordGoogleForm(t *testing.T, script []byte) googleForm {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		testtool.Missing(t, "no node on PATH (apt-get install nodejs)")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "questionnaire.gs")
	if err := os.WriteFile(file, script, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(node, "../../site/survey/google/testdata/formapp.js", file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the script in the FormApp stand-in: %v\n%s", err, stderr.Bytes())
	}
	var f googleForm
	if err := json.Unmarshal(stdout.Bytes(), &f); err != nil {
		t.Fatalf("the stand-in's record: %v", err)
	}
	return f
}

// googleCSVField quotes a field as Google Forms' CSV does: only when it
// holds a comma, a quote or a line break.
func googleCSVField(s string) string {
	if !strings.ContainsAny(s, ",\"\n\r") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// googleExport writes people's answers as Google Forms' "Download
// responses (.csv)" lays them out for form f (shared/fixtures/exports/
// googleforms): "Timestamp" (M/D/YYYY H:MM:SS) then one column per item,
// headed by its title, a grid's rows as "Title [Row]"; an answer as the
// option's text, checkboxes joined with ", "; CRLF between rows, LF
// inside a cell, no line end after the last row. An item is known for
// what it asks by its title alone (the question's exact text, or the
// segment's attribute), and a person's answer is the option at the
// index of the answer they gave.
func googleExport(t *testing.T, r *assess.Rubric, segs []survey.SegmentSpec, f googleForm, people []surveyPerson) string {
	t.Helper()
	type column struct {
		head    string
		q       *assess.Question
		seg     string
		options []string
	}
	byText := map[string]*assess.Question{}
	for _, q := range r.Questions {
		byText[q.Text] = q
	}
	find := func(title string, options []string) column {
		for _, sg := range segs {
			if sg.Attribute == title {
				return column{head: title, seg: title, options: options}
			}
		}
		q := byText[title]
		if q == nil {
			t.Fatalf("the form asks %q, which is no question of the rubric and no segment", title)
		}
		return column{head: title, q: q, options: options}
	}
	var cols []column
	for _, it := range f.Form.Items {
		switch it.Type {
		case "PAGE_BREAK":
		case "GRID":
			for _, row := range it.Rows {
				c := find(row, it.Columns)
				c.head = it.Title + " [" + row + "]"
				cols = append(cols, c)
			}
		default:
			cols = append(cols, find(it.Title, it.Choices))
		}
	}
	pick := func(c column, k int) string {
		if k < 0 || k >= len(c.options) {
			t.Fatalf("%q: answer %d of %d options", c.head, k, len(c.options))
		}
		return c.options[k]
	}
	lines := []string{}
	head := []string{"Timestamp"}
	for _, c := range cols {
		head = append(head, googleCSVField(c.head))
	}
	lines = append(lines, strings.Join(head, ","))
	start := time.Date(2026, 1, 14, 9, 5, 7, 0, time.UTC)
	for i, p := range people {
		row := []string{start.Add(time.Duration(i) * 37 * time.Minute).Format("1/2/2006 15:04:05")}
		for _, c := range cols {
			var cell string
			switch {
			case c.seg != "":
				cell = p.Seg[c.seg]
				if len(c.options) > 0 && cell != "" && !slices.Contains(c.options, cell) {
					t.Fatalf("segment %s: %q is not among the form's values %q", c.seg, cell, c.options)
				}
			case c.q.Type == assess.TypeText:
				cell = p.Text[c.q.Index]
			case p.Multi[c.q.Index] != nil:
				var ticked []string
				for _, j := range p.Multi[c.q.Index] {
					ticked = append(ticked, pick(c, j))
				}
				cell = strings.Join(ticked, ", ")
			case p.Pick[c.q.Index] >= 0:
				cell = pick(c, p.Pick[c.q.Index])
			}
			row = append(row, googleCSVField(cell))
		}
		lines = append(lines, strings.Join(row, ","))
	}
	return strings.Join(lines, "\r\n")
}

// TestSurveyGoogleExport: the form the script makes, answered by a crafted
// round of people and exported as Google Forms does, scores with nothing
// unanswered, no column to map and the figures of the answers put in;
// both languages, a segment with values (Role) and one typed in (Team).
func TestSurveyGoogleExport(t *testing.T) {
	for _, rubric := range []string{"people-first", "people-first-de"} {
		t.Run(rubric, func(t *testing.T) {
			r := loadBuiltin(t, rubric)
			segs := []survey.SegmentSpec{{Attribute: "Role", Values: []string{"Executive", "Manager", "Frontline staff"}}, {Attribute: "Team"}}
			code, script, stderr := runCLI(t, "questionnaire", "--format", "google", "-r", rubric,
				"--segment", "Role", "--segment", "Team", "--segment-values", "Role=Executive,Manager,Frontline staff", "-o", "-")
			if code != 0 {
				t.Fatalf("questionnaire: exit %d: %s", code, stderr)
			}
			f := recordGoogleForm(t, []byte(script))
			if f.Form.Title != r.Title {
				t.Fatalf("form title %q", f.Form.Title)
			}
			people := craftSurveyPeople(r, segs, 60, 7)
			csv := googleExport(t, r, segs, f, people)
			if !strings.Contains(csv, " [") || !strings.Contains(csv, ", ") || strings.HasSuffix(csv, "\n") {
				t.Fatalf("the export lacks grid columns, joined checkboxes, or ends in a line end:\n%.600s", csv)
			}
			file := filepath.Join(t.TempDir(), "responses.csv")
			if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
				t.Fatal(err)
			}
			res := scoreSurvey(t, file, rubric, "--segment", "Role", "--segment", "Team", "--allow-small-groups")
			code, inspect, _ := runCLI(t, "inspect", "-r", rubric, file)
			if code != 0 || !strings.Contains(inspect, "responses.csv: Google Forms export") ||
				!regexpLine(`^\s+1\s+Timestamp\s+not read\s+survey-tool bookkeeping$`).MatchString(inspect) {
				t.Errorf("inspect: exit %d, want a Google Forms export whose Timestamp is bookkeeping:\n%s", code, inspect)
			}
			// Google's Timestamp is the one column not read: aiready
			// knows it for the tool's bookkeeping, and nothing else is
			// left to map.
			checkSurveyFigures(t, "responses.csv", r, people, res, "Timestamp")
		})
	}
}

// TestSurveyGoogleCommand: `aiready questionnaire --format google` writes
// questionnaire.gs and says what to do with it, refuses to write over it
// without --force, writes to standard output with -o -, and takes --lang.
func TestSurveyGoogleCommand(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCLI(t, "questionnaire", "--format", "google")
	if code != 0 || stdout != "wrote questionnaire.gs: paste it into a new project at script.google.com and run createForm once: it logs the form's links\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	first, err := os.ReadFile("questionnaire.gs")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"function createForm() {", `"title": "People-first AI adoption readiness"`,
		`"title": "Choose one answer for each statement."`, `"Strongly disagree"`} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("questionnaire.gs lacks %s", want)
		}
	}

	code, stdout, stderr = runCLI(t, "questionnaire", "--format", "google", "--lang", "de")
	if code == 0 || !strings.Contains(stderr, "questionnaire.gs: file exists; refusing to overwrite it") || stdout != "" {
		t.Errorf("over an existing file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if again, _ := os.ReadFile("questionnaire.gs"); !bytes.Equal(again, first) {
		t.Error("questionnaire.gs changed without --force")
	}

	code, stdout, _ = runCLI(t, "questionnaire", "--format", "google", "-o", "-")
	if code != 0 || stdout != string(first) {
		t.Errorf("-o -: exit %d, and not the bytes of questionnaire.gs", code)
	}

	code, _, stderr = runCLI(t, "questionnaire", "--format", "google", "--lang", "de", "--force", "-q")
	if code != 0 {
		t.Fatalf("--lang de --force: exit %d: %s", code, stderr)
	}
	de, _ := os.ReadFile("questionnaire.gs")
	for _, want := range []string{`"title": "Wählen Sie zu jeder Aussage eine Antwort."`, `"title": "People-first AI adoption readiness"`} {
		if !bytes.Contains(de, []byte(want)) {
			t.Errorf("--lang de: questionnaire.gs lacks %s", want)
		}
	}
	if bytes.Contains(de, []byte("Choose one answer")) {
		t.Error("--lang de: the English grid title is still there")
	}
	if _, err := os.Stat("questionnaire.html"); err == nil {
		t.Error("--format google wrote questionnaire.html")
	}
	code, _, stderr = runCLI(t, "questionnaire", "--format", "google", "--lang", "fr", "-o", "fr.gs")
	if code == 0 || !strings.Contains(stderr, "--lang") {
		t.Errorf("--lang fr: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat("fr.gs"); err == nil {
		t.Error("--lang fr wrote fr.gs")
	}
}
