package main

// Acceptance tests of issue 14, continued: header layouts (two header rows,
// LimeSurvey code & text headings, Typeform), "no" in other languages,
// "Other" write-ins, a consultant's typing, and identity columns. Helpers
// are in exports_test.go.

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// lsStatements and lsTools are the questions of the hand-made LimeSurvey
// files and of limesurvey.toml.
var (
	lsStatements = []struct {
		id, text string
		reverse  bool
	}{
		{"review", "We review every AI decision that affects a customer", false},
		{"trained", "Staff are trained before AI changes their work", false},
		{"cost", "AI decisions are judged on cost savings alone", true},
	}
	lsTools  = []option{{"ChatGPT", 1}, {"Microsoft Copilot", 2}, {"Other", 1}}
	agree5   = []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"}
	lsCommas = readOpts{comma: ';'}
)

// checkLimeSurveyFigures checks limesurvey.toml's questions against data,
// whose column of each statement or tool is found by find(label).
func checkLimeSurveyFigures(t *testing.T, name string, res exportResults, data [][]string, find func(label string) int) {
	t.Helper()
	for _, s := range lsStatements {
		checkQuestion(t, name, res, s.id, scaleWant(column(data, find(s.text)), agree5, nil, s.reverse))
	}
	var cols []int
	var labels []string
	for _, o := range lsTools {
		cols, labels = append(cols, find(o.label)), append(labels, o.label)
	}
	checkQuestion(t, name, res, "tools", multiWant(perOptionChosen(data, cols, labels, nonEmpty), lsTools))
}

// 7. Two header rows, as a LimeSurvey export reworked in Excel writes them
// (hand-made: no such real file was found; see testdata/exports/README.md).
func TestExportTwoHeaderRows(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		flags      []string
	}{
		// BOM, ';', row 1 question texts over blank cells, row 2 statements
		// and options, LimeSurvey's bookkeeping columns: found without flags.
		{"detected", "limesurvey-excel.csv", nil},
		// The question text filled across row 1 and no LimeSurvey columns:
		// the flag says there are two header rows.
		{"forced limesurvey", "limesurvey-excel-filled.csv", []string{"--input-format", "limesurvey"}},
		{"forced surveymonkey", "limesurvey-excel-filled.csv", []string{"--input-format", "surveymonkey"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := readExport(t, testFile(tc.file), lsCommas)
			h2, data := rows[1], rows[2:]
			res, _, _ := scoreJSON(t, testFile(tc.file), testFile("limesurvey.toml"), tc.flags...)
			checkRespondents(t, tc.file, res, len(data))
			checkUnanswered(t, tc.file, res)
			checkLimeSurveyFigures(t, tc.file, res, data, func(l string) int { return colIndex(t, tc.file, h2, l) })
			if res.DataQuality.InvalidCells != 0 {
				t.Errorf("%s: invalid_cells = %d, want 0 (was the second header row read as answers?)", tc.file, res.DataQuality.InvalidCells)
			}
		})
	}
}

// 8. LimeSurvey's "question code & question text" headings.
func TestExportLimeSurveyCodeHeadings(t *testing.T) {
	t.Run("international-survey nl", func(t *testing.T) {
		name := "limesurvey/international-survey_2017_nl_public_data.csv"
		file := realFile(name)
		rows := readExport(t, file, readOpts{})
		h, data := rows[0], rows[1:]
		res, _, _ := scoreJSON(t, file, testFile("limesurvey-nl.toml"))
		checkRespondents(t, name, res, len(data))
		checkUnanswered(t, name, res)
		checkQuestion(t, name, res, "contract", choiceWant(
			column(data, colIndex(t, name, h, "currentEmp10. What type of contract are you employed on?")),
			[]option{{"Fixed term", 0}, {"Other", 1}, {"Permanent", 2}}))
		opts := []option{{"No formal testing", 0}, {"Developers conduct testing", 1}, {"test engineers conduct testing", 2}, {"Users conduct testing", 1}}
		var cols []int
		var labels []string
		for k, o := range opts {
			cols = append(cols, colIndex(t, name, h, "proj4can["+string(rune('1'+k))+"]. In general, what sort of testing do you conduct on your software? (check all that apply) ["+o.label+"]"))
			labels = append(labels, o.label)
		}
		// Yes is chosen; No is not; empty: not shown.
		checkQuestion(t, name, res, "testing", multiWant(perOptionChosen(data, cols, labels, func(c string) bool { return c == "Yes" }), opts))
	})

	t.Run("international-survey nl array row", func(t *testing.T) {
		// likert1[perfCheck4]. [statement]: the statement stands in brackets
		// after an empty question text.
		name := "limesurvey/international-survey_2017_nl_public_data.csv"
		file := realFile(name)
		rows := readExport(t, file, readOpts{})
		h, data := rows[0], rows[1:]
		res, _, _ := scoreJSON(t, file, testFile("limesurvey-nl-array.toml"))
		checkUnanswered(t, name, res)
		checkQuestion(t, name, res, "purpose", scaleWant(
			column(data, colIndex(t, name, h, "likert1[perfCheck4]. [Do you receive sufficient information on the purpose of your work?]")),
			[]string{"Never", "Sometimes", "Often", "Very Often", "Always"}, nil, false))
	})

	t.Run("hand-made with id. Response ID", func(t *testing.T) {
		// Hand-made, as LimeSurvey's CsvWriter writes "question code &
		// question text": BOM, ';', all quoted, CRLF, an extra CRLF, a
		// no-break space after each code's dot.
		name := "limesurvey-codes.csv"
		file := testFile(name)
		rows := readExport(t, file, lsCommas)
		h, data := rows[0], rows[1:]
		res, _, _ := scoreJSON(t, file, testFile("limesurvey.toml"))
		checkRespondents(t, name, res, len(data))
		checkUnanswered(t, name, res)
		checkLimeSurveyFigures(t, name, res, data, func(l string) int {
			for j, x := range h {
				if strings.HasSuffix(x, "["+l+"]") {
					return j
				}
			}
			t.Fatalf("%s: no column for %q", name, l)
			return -1
		})
		unmatched := map[string]bool{}
		for _, c := range res.DataQuality.UnmatchedColumns {
			unmatched[strings.ReplaceAll(c, "\u00a0", " ")] = true
		}
		meta := []string{"id. Response ID", "submitdate. Date submitted", "lastpage. Last page", "startlanguage. Start language"}
		for _, m := range meta {
			if !unmatched[m] {
				t.Errorf("%s: data_quality.unmatched_columns = %q, want it to list %q", name, res.DataQuality.UnmatchedColumns, m)
			}
		}
		for _, m := range meta {
			code, stdout, _ := runCLI(t, "score", "--format", "json", "-r", testFile("limesurvey.toml"), "--segment", m, file)
			if code == 0 {
				t.Errorf("%s: --segment %q: exit 0, want a failure (identity and bookkeeping columns are no attributes); output:\n%.400s", name, m, stdout)
			}
		}
		// The attribute is named by its code.
		seg, _, _ := scoreJSON(t, file, testFile("limesurvey.toml"), "--segment", "Team", "--min-group-size", "1", "--allow-small-groups")
		if !slices.ContainsFunc(seg.Segments, func(s struct {
			Attribute  string `json:"attribute"`
			Value      string `json:"value"`
			N          int    `json:"n"`
			Suppressed bool   `json:"suppressed"`
		}) bool {
			return s.Attribute == "Team" && s.Value == "Operations"
		}) {
			t.Errorf("%s: --segment Team gives no segment Team = Operations", name)
		}
		code, stdout, stderr := runCLI(t, "inspect", "-r", testFile("limesurvey.toml"), file)
		if code != 0 || !strings.Contains(strings.ToLower(stdout), "limesurvey") {
			t.Errorf("%s: inspect: exit %d, and its output does not name the LimeSurvey layout:\n%s%s", name, code, stdout, stderr)
		}
	})
}

// 9. Typeform: "Other" and "None" columns belong to the checkbox question
// before them. Hand-made (the real Typeform export found is 4 MB; see
// SOURCES.md), laid out as Typeform writes it.
func TestExportTypeformOtherNone(t *testing.T) {
	name := "typeform.csv"
	file := testFile(name)
	rows := readExport(t, file, readOpts{})
	h, data := rows[0], rows[1:]
	res, _, _ := scoreJSON(t, file, testFile("typeform.toml"))
	checkRespondents(t, name, res, len(data))
	checkUnanswered(t, name, res)
	for _, q := range []struct {
		id    string
		first int // the question's columns, as the test knows the file
		opts  []option
	}{
		{"tools", 1, []option{{"ChatGPT", 1}, {"Microsoft Copilot", 1}, {"Gemini", 1}, {"Other", 1}, {"None", 0}}},
		{"learn", 6, []option{{"Training courses", 2}, {"Mentoring", 2}, {"Online tutorials", 1}, {"Other", 1}, {"None", 0}}},
	} {
		var cols []int
		var labels []string
		for j := q.first; j < q.first+5; j++ {
			if !slices.ContainsFunc(q.opts, func(o option) bool { return o.label == h[j] }) {
				t.Fatalf("%s: column %d is %q, not an option of %s", name, j+1, h[j], q.id)
			}
			cols, labels = append(cols, j), append(labels, h[j])
		}
		chosen := perOptionChosen(data, cols, labels, nonEmpty)
		onlyNone := 0
		for _, c := range chosen {
			if slices.Equal(c, []string{"None"}) {
				onlyNone++
			}
		}
		if onlyNone == 0 {
			t.Fatalf("%s: the test found nobody who chose only None in %s", name, q.id)
		}
		checkQuestion(t, name, res, q.id, multiWant(chosen, q.opts))
	}
	checkQuestion(t, name, res, "confident", scaleWant(column(data, colIndex(t, name, h, "How confident are you using AI tools at work?")),
		[]string{"Not at all confident", "Slightly confident", "Somewhat confident", "Confident", "Very confident"}, nil, false))
}

// 10. One column per option, with "no" in the export's language in the
// cells of the options not chosen. The files are written here, laid out
// as LimeSurvey writes them (BOM, ';', all quoted, CRLF, `Q [Option]`).
func TestExportNoInLanguage(t *testing.T) {
	pattern := [][]int{{1, 0, 1}, {0, 1, 0}, {1, 1, 1}, nil, {0, 0, 1}, {1, 0, 0}, {0, 1, 1}}
	opts := []option{{"ChatGPT", 1}, {"Microsoft Copilot", 2}, {"Gemini", 1}}
	for _, l := range []struct{ lang, yes, no string }{
		{"de", "Ja", "Nein"}, {"fr", "Oui", "Non"}, {"es", "Sí", "No"}, {"nl", "Ja", "Nee"},
		{"pt", "Sim", "Não"}, {"sv", "Ja", "Nej"}, {"codes", "1", "0"}, {"boolean", "true", "false"},
	} {
		t.Run(l.lang+" "+l.no, func(t *testing.T) {
			var b bytes.Buffer
			b.WriteString("\uFEFF")
			w := csv.NewWriter(&b)
			w.Comma, w.UseCRLF = ';', true
			head := []string{"Response ID", "Date submitted", "Last page", "Start language"}
			for _, o := range opts {
				head = append(head, "Which AI tools do you use? ["+o.label+"]")
			}
			_ = w.Write(head)
			for i, p := range pattern {
				row := []string{string(rune('1' + i)), "2024-03-0" + string(rune('1'+i)) + " 10:00:00", "2", l.lang}
				for k := range opts {
					switch {
					case p == nil:
						row = append(row, "")
					case p[k] == 1:
						row = append(row, l.yes)
					default:
						row = append(row, l.no)
					}
				}
				_ = w.Write(row)
			}
			w.Flush()
			// LimeSurvey quotes every value.
			text := quoteAll(b.String())
			file := filepath.Join(t.TempDir(), "results-survey"+l.lang+".csv")
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			rows := readExport(t, file, lsCommas)
			data := rows[1:]
			res, _, _ := scoreJSON(t, file, testFile("no-lang.toml"))
			checkRespondents(t, filepath.Base(file), res, len(data))
			checkUnanswered(t, filepath.Base(file), res)
			labels := []string{opts[0].label, opts[1].label, opts[2].label}
			chosen := perOptionChosen(data, []int{4, 5, 6}, labels, func(c string) bool { return c == l.yes })
			checkQuestion(t, filepath.Base(file)+` ("`+l.no+`" not chosen)`, res, "tools", multiWant(chosen, opts))
			if res.DataQuality.InvalidCells != 0 {
				t.Errorf("%s: invalid_cells = %d, want 0", filepath.Base(file), res.DataQuality.InvalidCells)
			}
		})
	}
}

// quoteAll quotes every field of a ';'-separated CSV text whose fields hold
// no ';', '"' or line break.
func quoteAll(s string) string {
	var out strings.Builder
	bom := strings.HasPrefix(s, "\uFEFF")
	if bom {
		out.WriteString("\uFEFF")
		s = strings.TrimPrefix(s, "\uFEFF")
	}
	for _, line := range strings.SplitAfter(s, "\r\n") {
		if line == "" {
			continue
		}
		fields := strings.Split(strings.TrimSuffix(line, "\r\n"), ";")
		out.WriteString(`"` + strings.Join(fields, `";"`) + `"` + "\r\n")
	}
	out.WriteString("\r\n") // LimeSurvey's extra line end
	return out.String()
}

// 11. A Google Forms checkbox cell with an "Other" write-in joined to the
// options ticked: the options are kept, the rest is "Other".
func TestExportOtherWriteIn(t *testing.T) {
	name := "googleforms/jupyter-surveys_responses.csv"
	file := realFile(name)
	rows := readExport(t, file, readOpts{})
	h, data := rows[0], rows[1:]
	res, _, stderr := scoreJSON(t, file, testFile("jupyter-other.toml"))
	checkRespondents(t, name, res, len(data))
	fields := []option{
		{"Computer science", 3}, {"Data science", 2}, {"Physics", 1}, {"Biology", 1}, {"Mathematics", 1}, {"Statistics", 1},
		{"Machine learning", 1}, {"Earth science", 1}, {"Electrical engineering", 1}, {"Chemistry", 1}, {"Planetary/space science", 1},
		{"Mechanical engineering", 1}, {"Psychology", 1}, {"Economics", 1}, {"Literature", 1}, {"Geography", 1}, {"Sociology", 1},
		{"History", 1}, {"Other", 1},
	}
	var chosen [][]string
	writeIns := 0
	for _, c := range column(data, colIndex(t, name, h, "What field(s) is your course most related to?")) {
		var got []string
		other := false
		for _, piece := range strings.Split(c, ", ") {
			if strings.TrimSpace(piece) == "" {
				continue
			}
			if i := slices.IndexFunc(fields, func(o option) bool { return o.label != "Other" && norm(o.label) == norm(piece) }); i >= 0 {
				got = append(got, fields[i].label)
			} else {
				other = true
			}
		}
		if other {
			got = append(got, "Other")
			writeIns++
		}
		chosen = append(chosen, got)
	}
	if writeIns == 0 {
		t.Fatalf("%s: the test found no write-in", name)
	}
	checkQuestion(t, name, res, "fields", multiWant(chosen, fields))
	if res.DataQuality.InvalidCells != 0 {
		t.Errorf("%s: invalid_cells = %d, want 0 (a write-in is \"Other\", not invalid); stderr:\n%.2000s", name, res.DataQuality.InvalidCells, stderr)
	}
}

// 12. Question texts as a consultant types them: without the header's
// final '?', '.' or ':', without accents, with a straight apostrophe.
func TestExportTypedTexts(t *testing.T) {
	t.Run("steak survey without ?", func(t *testing.T) {
		name := "surveymonkey/fivethirtyeight_steak-risk-survey.csv"
		file := realFile(name)
		rows := readExport(t, file, readOpts{})
		h, data := rows[0], rows[2:]
		res, _, _ := scoreJSON(t, file, testFile("steak-typed.toml"))
		checkUnanswered(t, name, res)
		for id, header := range map[string]string{
			"smoke":     "Do you ever smoke cigarettes?",
			"drink":     "Do you ever drink alcohol?",
			"skydiving": "Have you ever been skydiving?",
		} {
			checkQuestion(t, name, res, id, choiceWant(column(data, colIndex(t, name, h, header)), yesNo()))
		}
		checkQuestion(t, name, res, "steak", choiceWant(column(data, colIndex(t, name, h, "How do you like your steak prepared?")),
			[]option{{"Rare", 4}, {"Medium rare", 3}, {"Medium", 2}, {"Medium Well", 1}, {"Well", 0}}))
	})

	t.Run("StarWars without .", func(t *testing.T) {
		name := "surveymonkey/fivethirtyeight_StarWars.csv"
		file := realFile(name)
		rows := readExport(t, file, readOpts{cp1252: true})
		h1, h2, data := rows[0], rows[1], rows[2:]
		res, _, _ := scoreJSON(t, file, testFile("starwars-typed.toml"))
		checkUnanswered(t, name, res)
		first := colIndex(t, name, h1, "Which of the following Star Wars films have you seen? Please select all that apply.")
		var cols []int
		var labels []string
		var opts []option
		for j := first; j < first+6; j++ {
			cols, labels = append(cols, j), append(labels, h2[j])
			opts = append(opts, option{h2[j], float64(1 + (j-first)/3)})
		}
		checkQuestion(t, name, res, "films", multiWant(perOptionChosen(data, cols, labels, nonEmpty), opts))
	})

	t.Run("jupyter tools without :", func(t *testing.T) {
		name := "googleforms/jupyter-surveys_responses.csv"
		file := realFile(name)
		rows := readExport(t, file, readOpts{})
		h, data := rows[0], rows[1:]
		res, _, _ := scoreJSON(t, file, testFile("jupyter-other.toml"))
		checkUnanswered(t, name, res)
		opts := []option{{"Jupyter notebook", 1}, {"nbconvert", 1}, {"JupyterHub", 1}, {"Interactive widgets", 1}, {"IPython terminal", 1}, {"nbgrader", 1}, {"IPython parallel", 1}}
		var chosen [][]string
		for _, c := range column(data, colIndex(t, name, h, "Please indicate which of the following Jupyter/IPython tools your class is utilizing:")) {
			var got []string
			for _, p := range strings.Split(c, ", ") {
				if strings.TrimSpace(p) != "" {
					got = append(got, p)
				}
			}
			chosen = append(chosen, got)
		}
		checkQuestion(t, name, res, "tools", multiWant(chosen, opts))
	})

	t.Run("French Google Form without accents (hand-made)", func(t *testing.T) {
		// Hand-made: no real export has accented headers (the LimeSurvey
		// de file's are English). Laid out as Google Sheets' CSV download.
		name := "googleforms-fr.csv"
		file := testFile(name)
		rows := readExport(t, file, readOpts{})
		h, data := rows[0], rows[1:]
		res, _, _ := scoreJSON(t, file, testFile("googleforms-fr.toml"))
		checkRespondents(t, name, res, len(data))
		checkUnanswered(t, name, res)
		checkQuestion(t, name, res, "satisfait", scaleWant(column(data, colIndex(t, name, h, "Êtes-vous satisfait de la qualité du service ?")),
			[]string{"Pas du tout satisfait", "Peu satisfait", "Satisfait", "Très satisfait"}, nil, false))
		var chosen [][]string
		for _, c := range column(data, colIndex(t, name, h, "Quels outils d\u2019IA utilisez-vous ?")) {
			var got []string
			for _, p := range strings.Split(c, ", ") {
				if p != "" {
					got = append(got, p)
				}
			}
			chosen = append(chosen, got)
		}
		checkQuestion(t, name, res, "outils", multiWant(chosen, []option{{"ChatGPT", 1}, {"Copilot", 1}, {"Mistral Le Chat", 2}}))
	})
}

// 13. The values of the identity columns of every fixture above (ids,
// dates, IP addresses, names, e-mail addresses, network ids) appear nowhere
// in results.json. The test names those columns itself.
func TestExportIdentityNeverInOutput(t *testing.T) {
	for _, tc := range []struct {
		file, rubric string
		opts         readOpts
		headerRow    int // the row that holds the headers below
		dataFrom     int
		headers      []string
	}{
		{realFile("surveymonkey/fivethirtyeight_StarWars.csv"), "starwars.toml", readOpts{cp1252: true}, 0, 2, []string{"RespondentID"}},
		{realFile("surveymonkey/fivethirtyeight_steak-risk-survey.csv"), "steak-typo.toml", readOpts{}, 0, 2, []string{"RespondentID"}},
		{realFile("surveymonkey/fivethirtyeight_MIDWEST.csv"), "midwest.toml", readOpts{}, 0, 2, []string{"RespondentID"}},
		{realFile("qualtrics/cjoint_CandidateConjointQualtrics.csv"), "cjoint-plain.toml", readOpts{}, 1, 2, []string{"ResponseID"}},
		{realFile("kobotoolbox/onadata_children.csv"), "onadata-alias.toml", readOpts{}, 0, 1, []string{"children/name", "_uuid", "_submission_time"}},
		{realFile("googleforms/jupyter-surveys_responses.csv"), "jupyter-other.toml", readOpts{}, 0, 1, []string{"Timestamp"}},
		{testFile("surveymonkey-two-ticked.csv"), "surveymonkey-two-ticked.toml", readOpts{}, 0, 2, []string{"RespondentID"}},
		{testFile("limesurvey-excel.csv"), "limesurvey.toml", lsCommas, 0, 2, []string{"Date submitted"}},
		{testFile("limesurvey-codes.csv"), "limesurvey.toml", lsCommas, 0, 1, []string{"submitdate.\u00a0Date submitted"}},
		{testFile("typeform.csv"), "typeform.toml", readOpts{}, 0, 1, []string{"#", "Start Date (UTC)", "Submit Date (UTC)", "Network ID"}},
		{testFile("googleforms-fr.csv"), "googleforms-fr.toml", readOpts{}, 0, 1, []string{"Horodateur", "Adresse e-mail"}},
	} {
		name := strings.TrimPrefix(tc.file, realExports+"/")
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			rows := readExport(t, tc.file, tc.opts)
			var secrets []string
			for _, hd := range tc.headers {
				for _, v := range column(rows[tc.dataFrom:], colIndex(t, name, rows[tc.headerRow], hd)) {
					if v = strings.TrimSpace(v); len(v) >= 5 {
						secrets = append(secrets, v)
					}
				}
			}
			if len(secrets) == 0 {
				t.Fatalf("%s: the test found no identity values in %q", name, tc.headers)
			}
			code, stdout, stderr := runCLI(t, "score", "--format", "json", "-r", testFile(tc.rubric), tc.file)
			if code != 0 {
				t.Skipf("%s: score fails (exit %d), so there is no output to search; the test of its pattern reports why: %.300s", name, code, stderr)
			}
			for _, s := range secrets {
				if strings.Contains(stdout, s) {
					t.Errorf("%s: results.json contains %q, a value of an identity column %q", name, s, tc.headers)
				}
			}
			// Asked for as a segment, an identity column is refused, or at
			// least its values still appear nowhere.
			for _, hd := range tc.headers {
				hd = strings.ReplaceAll(hd, "\u00a0", " ")
				code, stdout, _ := runCLI(t, "score", "--format", "json", "-r", testFile(tc.rubric), "--segment", hd, "--min-group-size", "1", "--allow-small-groups", tc.file)
				if code != 0 {
					continue
				}
				for _, s := range secrets {
					if strings.Contains(stdout, s) {
						t.Errorf("%s: with --segment %q, results.json contains %q, a value of that identity column", name, hd, s)
						break
					}
				}
			}
		})
	}
}

// Alchemer (SurveyGizmo): its bookkeeping columns are set aside, and the
// write-in column "Other - Write In:Question" beside a question's answers
// does not take the question from the column headed by its text.
func TestExportAlchemer(t *testing.T) {
	name := "alchemer/jupyter-surveys_20160115235816-SurveyExport.csv"
	file := realFile(name)
	rows := readExport(t, file, readOpts{})
	h, data := rows[0], rows[1:]
	res, _, _ := scoreJSON(t, file, testFile("alchemer.toml"))
	checkRespondents(t, name, res, len(data))
	checkUnanswered(t, name, res)
	checkQuestion(t, name, res, "often", choiceWant(column(data, colIndex(t, name, h, "How often do you use Jupyter Notebook?")), []option{
		{"Less often than monthly", 0}, {"Monthly", 1}, {"Weekly", 2}, {"Daily", 3}}))
	checkQuestion(t, name, res, "run", choiceWant(column(data, colIndex(t, name, h, "How do you run the Jupyter Notebook?")), []option{
		{"As a standalone application", 0}, {"Through Jupyter Hub", 1}, {"Other - Write In", 0}}))
	for _, meta := range []string{"Time Started", "Date Submitted", "Status"} {
		if !slices.Contains(res.DataQuality.UnmatchedColumns, meta) {
			t.Errorf("%s: %q is not among the columns not read: %v", name, meta, res.DataQuality.UnmatchedColumns)
		}
	}
}
