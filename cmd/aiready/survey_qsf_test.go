package main

// `aiready questionnaire --format qsf` (issue 22): the Qualtrics survey file
// is written, read back by an independent reader (site/survey/qsf/qsfcheck)
// and checked; an export laid out as Qualtrics writes its CSV for that
// survey (three header rows: export tags, question texts, ImportIds), built
// from the parsed file and filled with crafted answers, scores with
// `aiready score` to exactly the figures put in.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/survey"
	"github.com/aiready/aiready/site/survey/qsf/qsfcheck"
)

// qualtricsMeta are the columns a Qualtrics CSV export starts with: export
// tag, the text of the second header row (English and German, as the
// account's language gives it; the German from the qualtRics package's
// sample export) and the ImportId of the third.
var qualtricsMeta = []struct{ tag, en, de, importID string }{
	{"StartDate", "Start Date", "Anfangsdatum", "startDate"},
	{"EndDate", "End Date", "Enddatum", "endDate"},
	{"Status", "Response Type", "Antworttyp", "status"},
	{"IPAddress", "IP Address", "IP-Adresse", "ipAddress"},
	{"Progress", "Progress", "Aktueller Stand", "progress"},
	{"Duration (in seconds)", "Duration (in seconds)", "Dauer (in Sekunden)", "duration"},
	{"Finished", "Finished", "Beendet", "finished"},
	{"RecordedDate", "Recorded Date", "Erfassungsdatum", "recordedDate"},
	{"ResponseId", "Response ID", "Antwort-ID", "_recordId"},
	{"RecipientLastName", "Recipient Last Name", "Nachname des Empfängers", "recipientLastName"},
	{"RecipientFirstName", "Recipient First Name", "Vorname des Empfängers", "recipientFirstName"},
	{"RecipientEmail", "Recipient Email", "E-Mail des Empfängers", "recipientEmail"},
	{"ExternalReference", "External Data Reference", "Externe Datenreferenz", "externalDataReference"},
	{"LocationLatitude", "Location Latitude", "Breitengrad des Standorts", "locationLatitude"},
	{"LocationLongitude", "Location Longitude", "Längengrad des Standorts", "locationLongitude"},
	{"DistributionChannel", "Distribution Channel", "Verteilungskanal", "distributionChannel"},
	{"UserLanguage", "User Language", "Benutzersprache", "userLanguage"},
}

// writeQSF runs `aiready questionnaire --format qsf` in dir and returns the
// file read back and checked.
func writeQSF(t *testing.T, dir string, args ...string) (*qsfcheck.File, []byte) {
	t.Helper()
	file := filepath.Join(dir, "questionnaire.qsf")
	all := append([]string{"questionnaire", "--format", "qsf", "-o", file}, args...)
	code, stdout, stderr := runCLI(t, all...)
	if code != 0 {
		t.Fatalf("aiready %s: exit %d\n%s%s", strings.Join(all, " "), code, stdout, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := qsfcheck.Read(data)
	if err != nil {
		t.Fatalf("questionnaire.qsf: %v", err)
	}
	for _, err := range qsfcheck.Check(f) {
		t.Errorf("questionnaire.qsf: %v", err)
	}
	return f, data
}

// qualtricsExport lays the people's answers out as Qualtrics' CSV export
// of the survey f, "Use choice text": the three header rows, then one row
// per respondent with each question's chosen choice text, a multi answer's
// choices joined by ",", text as typed. Everything about the questions
// (export tags, texts, QIDs, choices) comes from f, the people's answers
// are found in it by the rubric's ids, indexes and values. numeric lays it
// out as "Use numeric values" instead: a choice's recode value (its key
// where it has none), a multi answer's joined by ",".
func qualtricsExport(t *testing.T, f *qsfcheck.File, r *assess.Rubric, people []surveyPerson, lang string, numeric bool) string {
	t.Helper()
	var tags, texts, ids []string
	for _, m := range qualtricsMeta {
		tags = append(tags, m.tag)
		if lang == "de" {
			texts = append(texts, m.de)
		} else {
			texts = append(texts, m.en)
		}
		ids = append(ids, m.importID)
	}
	type col struct {
		q     *qsfcheck.Question
		topic bool // a Text iQ column beside a text answer
	}
	var cols []col
	for _, b := range f.Shown() {
		for _, id := range b.Questions {
			q := f.Questions[id]
			if q.Type == "DB" {
				continue // a descriptive text has no column
			}
			tags = append(tags, q.Tag)
			texts = append(texts, qsfcheck.Text(q.Text))
			if q.Type == "TE" {
				ids = append(ids, id+"_TEXT")
			} else {
				ids = append(ids, id)
			}
			cols = append(cols, col{q: q})
			if q.Type == "TE" && q.Selector == "ESTB" {
				// Text iQ adds its topics beside a text answer.
				tags = append(tags, q.Tag+" - Topics")
				texts = append(texts, q.Tag+" - Topics")
				ids = append(ids, id+"_TEXT_0f3c2a1b9e8d7c6b5a4f3e2dTopics")
				cols = append(cols, col{q: q, topic: true})
			}
		}
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.UseCRLF = false
	importRow := make([]string, len(ids))
	for i, id := range ids {
		j, _ := json.Marshal(map[string]string{"ImportId": id})
		importRow[i] = string(j)
	}
	_ = w.Write(tags)
	_ = w.Write(texts)
	_ = w.Write(importRow)
	label := func(q *qsfcheck.Question, k int) string {
		if k < 0 || k >= len(q.Choices) {
			t.Fatalf("%s: no choice %d", q.Tag, k)
		}
		if numeric {
			if v, ok := q.Recode[q.Choices[k].Key]; ok {
				return v
			}
			return q.Choices[k].Key
		}
		return qsfcheck.Text(q.Choices[k].Display)
	}
	status, finished := "IP Address", "True"
	if numeric {
		status, finished = "0", "1"
	}
	for i, p := range people {
		row := []string{
			fmt.Sprintf("2024-03-%02d 09:%02d:00", 1+i%28, i%60), fmt.Sprintf("2024-03-%02d 09:%02d:40", 1+i%28, i%60),
			status, "", "100", "340", finished, fmt.Sprintf("2024-03-%02d 09:%02d:41", 1+i%28, i%60),
			fmt.Sprintf("R_%015d", i+1), "", "", "", "", "", "", "anonymous", strings.ToUpper(lang),
		}
		for _, c := range cols {
			q := c.q
			var cell string
			rq := r.Question(q.Tag)
			switch {
			case c.topic:
				if rq != nil && p.Text[rq.Index] != "" {
					cell = "Other"
				}
			case rq == nil: // a segment
				v := p.Seg[q.Tag]
				if q.Type == "TE" {
					cell = v
					break
				}
				k := slices.IndexFunc(q.Choices, func(c qsfcheck.Choice) bool { return qsfcheck.Text(c.Display) == v })
				if v != "" && k < 0 {
					t.Fatalf("segment %s: value %q is no choice of the file", q.Tag, v)
				}
				if k >= 0 {
					cell = label(q, k)
				}
			case rq.Type == assess.TypeText:
				cell = p.Text[rq.Index]
			case p.Multi[rq.Index] != nil:
				var ls []string
				for _, j := range p.Multi[rq.Index] {
					ls = append(ls, label(q, j))
				}
				cell = strings.Join(ls, ",")
			case p.Pick[rq.Index] >= 0:
				cell = label(q, p.Pick[rq.Index])
			}
			row = append(row, cell)
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.String()
}

// TestQuestionnaireQSFExport: for both built-in rubrics (and the German
// rubric's survey in English), with a segment of values (Role) and one typed
// in (Team), the QSF is written by the command, read and checked against
// the survey, and its Qualtrics export scores to the figures put in: no
// question unanswered, no column left to map, no invalid cell.
func TestQuestionnaireQSFExport(t *testing.T) {
	hostile := filepath.Join("..", "..", "site", "survey", "qsf", "testdata", "hostile.toml")
	for _, c := range []struct{ rubric, lang, roles string }{
		{"people-first", "en", "Executive,Manager,Frontline staff"},
		{"people-first-de", "de", "Executive,Manager,Frontline staff"},
		{"people-first-de", "en", "Executive,Manager,Frontline staff"},
		// quotes, backslashes, <script>, line breaks and emoji in every text
		{hostile, "en", `<script>alert(1)</script>,Back\slash "q",Team 🚀 &amp;`},
	} {
		t.Run(filepath.Base(c.rubric)+"-"+c.lang, func(t *testing.T) {
			dir := t.TempDir()
			r, err := loadRubric(c.rubric)
			if err != nil {
				t.Fatal(err)
			}
			segs := []survey.SegmentSpec{{Attribute: "Role", Values: strings.Split(c.roles, ",")}, {Attribute: "Team"}}
			f, _ := writeQSF(t, dir, "-r", c.rubric, "--lang", c.lang, "--segment", "Role", "--segment", "Team",
				"--segment-values", "Role="+c.roles)
			s, err := survey.Build(r, survey.Options{Lang: c.lang, Segments: segs})
			if err != nil {
				t.Fatal(err)
			}
			for _, err := range qsfcheck.Match(f, s) {
				t.Errorf("questionnaire.qsf: %v", err)
			}
			people := craftSurveyPeople(r, segs, 60, 22)
			export := qualtricsExport(t, f, r, people, c.lang, false)
			file := filepath.Join(dir, "export.csv")
			if err := os.WriteFile(file, []byte(export), 0o644); err != nil {
				t.Fatal(err)
			}
			res := scoreSurvey(t, file, c.rubric, "--segment", "Role", "--segment", "Team", "--allow-small-groups")
			// Qualtrics' own columns and Text iQ's are set aside, which
			// results.json lists among the columns not used; nothing else
			// may be: every other column is a question or a segment.
			var setAside []string
			for _, m := range qualtricsMeta {
				setAside = append(setAside, m.tag)
			}
			for _, q := range r.Questions {
				if q.Type == assess.TypeText {
					setAside = append(setAside, q.ID+" - Topics")
				}
			}
			code, out, stderr := runCLI(t, "inspect", "-r", c.rubric, file)
			if code != 0 {
				t.Fatalf("inspect: exit %d\n%s", code, stderr)
			}
			if n := strings.Count(out, " attribute "); n != 2 || !strings.Contains(out, "attribute Role") || !strings.Contains(out, "attribute Team") || !strings.Contains(out, "Every answer was recognised.") {
				t.Errorf("inspect: want the attributes Role and Team only (%d attributes) and every answer recognised:\n%s", n, out)
			}
			checkSurveyFigures(t, "export.csv", r, people, res, setAside...)

			// "Use numeric values": a scale or choice question's recode
			// values are its points (a skip answer -99, no answer), so its
			// figures are those of the choice-text export, checked above.
			// A multi question's codes (1,3) are not read: invalid cells,
			// one per answer given; the how-to says to export choice text.
			numFile := filepath.Join(dir, "export-numeric.csv")
			if err := os.WriteFile(numFile, []byte(qualtricsExport(t, f, r, people, c.lang, true)), 0o644); err != nil {
				t.Fatal(err)
			}
			num, _, _ := scoreJSON(t, numFile, c.rubric, "--segment", "Role", "--segment", "Team", "--allow-small-groups")
			invalid := 0
			for _, q := range r.Questions {
				if q.Type == assess.TypeMulti {
					for _, p := range people {
						if p.Multi[q.Index] != nil || p.Pick[q.Index] >= 0 {
							invalid++
						}
					}
					continue
				}
				if q.Type != assess.TypeScale && q.Type != assess.TypeChoice {
					continue
				}
				i := slices.IndexFunc(res.Questions, func(x exportQuestion) bool { return x.ID == q.ID })
				j := slices.IndexFunc(num.Questions, func(x exportQuestion) bool { return x.ID == q.ID })
				if i < 0 || j < 0 {
					t.Errorf("numeric export: question %s missing", q.ID)
					continue
				}
				a, b := res.Questions[i], num.Questions[j]
				if a.N != b.N || a.MeanValue == nil || b.MeanValue == nil || *a.MeanValue != *b.MeanValue || !maps.Equal(a.Counts, b.Counts) {
					t.Errorf("numeric export: %s: n %d mean %v counts %v, want as by choice text: n %d mean %v counts %v", q.ID, b.N, qsfDeref(b.MeanValue), b.Counts, a.N, qsfDeref(a.MeanValue), a.Counts)
				}
			}
			if num.DataQuality.InvalidCells != invalid || num.Respondents != len(people) {
				t.Errorf("numeric export: %d invalid cells, %d respondents; want %d (the multi answers), %d", num.DataQuality.InvalidCells, num.Respondents, invalid, len(people))
			}
		})
	}
}

// TestQuestionnaireQSFCommand: the command writes questionnaire.qsf where
// it runs, in German with --lang de, and refuses to replace it without
// --force.
func TestQuestionnaireQSFCommand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := runCLI(t, "questionnaire", "--format", "qsf")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "questionnaire.qsf") {
		t.Errorf("stdout does not name the file: %q", stdout)
	}
	first, err := os.ReadFile("questionnaire.qsf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := qsfcheck.Read(first)
	if err != nil {
		t.Fatal(err)
	}
	if f.Entry.SurveyLanguage != "EN" || f.Entry.SurveyName != loadBuiltin(t, "people-first").Title {
		t.Errorf("entry %+v, want the English built-in rubric", f.Entry)
	}
	code, _, stderr = runCLI(t, "questionnaire", "--format", "qsf", "--lang", "de")
	if code == 0 {
		t.Fatal("questionnaire.qsf was replaced without --force")
	}
	if !strings.Contains(stderr, "questionnaire.qsf") || !strings.Contains(stderr, "--force") {
		t.Errorf("the refusal does not name the file and --force: %q", stderr)
	}
	if again, _ := os.ReadFile("questionnaire.qsf"); string(again) != string(first) {
		t.Error("the refused run changed the file")
	}
	code, stdout, stderr = runCLI(t, "questionnaire", "--format", "qsf", "--lang", "de", "--force")
	if code != 0 {
		t.Fatalf("--force: exit %d\n%s%s", code, stdout, stderr)
	}
	de, err := os.ReadFile("questionnaire.qsf")
	if err != nil {
		t.Fatal(err)
	}
	f, err = qsfcheck.Read(de)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range qsfcheck.Check(f) {
		t.Error(err)
	}
	if f.Entry.SurveyLanguage != "DE" {
		t.Errorf("--lang de: SurveyLanguage %q", f.Entry.SurveyLanguage)
	}
	// The survey's own words are German: the first block's introduction.
	intro := qsfcheck.Text(f.Questions[f.Shown()[0].Questions[0]].Text)
	if !strings.HasPrefix(intro, "Antworten Sie") {
		t.Errorf("--lang de: introduction %q", intro)
	}
	code, stdout, _ = runCLI(t, "questionnaire", "--format", "qsf", "-o", "-")
	if code != 0 || !strings.HasPrefix(stdout, `{"SurveyEntry":`) {
		t.Errorf("-o -: exit %d, %.40q", code, stdout)
	}
}

func qsfDeref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
