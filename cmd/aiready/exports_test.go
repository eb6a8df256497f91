package main

// Acceptance tests of issue 14 on real survey exports: every test scores a
// file of testdata/exports (or a hand-made one laid out as its tool writes
// it, in testdata/exports here) with a small rubric of that file's question
// texts and labels, and checks the figures against what the test itself
// reads out of the file with encoding/csv. No expected number is copied
// from the program's output.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

const (
	realExports = "../../testdata/exports" // the real files, byte-exact (SOURCES.md)
	testExports = "testdata/exports"       // test rubrics and hand-made files
)

func realFile(name string) string { return filepath.Join(realExports, name) }
func testFile(name string) string { return filepath.Join(testExports, name) }

// exportResults is the part of results.json these tests read.
type exportResults struct {
	Respondents int              `json:"respondents"`
	Questions   []exportQuestion `json:"questions"`
	Segments    []struct {
		Attribute  string `json:"attribute"`
		Value      string `json:"value"`
		N          int    `json:"n"`
		Suppressed bool   `json:"suppressed"`
	} `json:"segments"`
	DataQuality struct {
		Rows                int      `json:"rows"`
		InvalidCells        int      `json:"invalid_cells"`
		UnmatchedColumns    []string `json:"unmatched_columns"`
		UnansweredQuestions []string `json:"unanswered_questions"`
	} `json:"data_quality"`
}

type exportQuestion struct {
	ID        string         `json:"id"`
	N         int            `json:"n"`
	MeanValue *float64       `json:"mean_value"`
	Counts    map[string]int `json:"counts"`
}

// scoreJSON runs `aiready score --format json -r RUBRIC extra... FILE` and
// decodes its output; any exit but 0 fails the test.
func scoreJSON(t *testing.T, file, rubric string, extra ...string) (res exportResults, stdout, stderr string) {
	t.Helper()
	args := append([]string{"score", "--format", "json", "-r", rubric}, extra...)
	args = append(args, file)
	code, stdout, stderr := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%s: aiready %s: exit %d, want 0; stderr:\n%s", filepath.Base(file), strings.Join(args, " "), code, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("%s: results.json does not decode: %v\n%s", filepath.Base(file), err, stdout)
	}
	return res, stdout, stderr
}

// readOpts says how the test itself reads an export.
type readOpts struct {
	cp1252 bool // decode the bytes as Windows-1252 first
	comma  rune // 0: ','
}

// readExport reads an export independently of aiready: BOM stripped,
// records as encoding/csv gives them.
func readExport(t *testing.T, path string, o readOpts) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if o.cp1252 {
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(data))
	if o.comma != 0 {
		r.Comma = o.comma
	}
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	// Rows with no text in any cell are no respondent (docs/imports.md:
	// spreadsheets write them for blank lines; LimeSurvey ends with one).
	kept := rows[:0]
	for _, r := range rows {
		if strings.TrimSpace(strings.Join(r, "")) != "" {
			kept = append(kept, r)
		}
	}
	return kept
}

// colIndex is the index of the one cell of row that equals header.
func colIndex(t *testing.T, file string, row []string, header string) int {
	t.Helper()
	found := -1
	for j, h := range row {
		if h == header {
			if found >= 0 {
				t.Fatalf("%s: header %q is in columns %d and %d", file, header, found+1, j+1)
			}
			found = j
		}
	}
	if found < 0 {
		t.Fatalf("%s: no column %q", file, header)
	}
	return found
}

func column(rows [][]string, j int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		if j < len(r) {
			out[i] = r[j]
		}
	}
	return out
}

// norm compares labels the way the SPEC says they match: case folded,
// trimmed, white space collapsed.
func norm(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

type option struct {
	label  string
	points float64
}

// want is a question's expected figures.
type want struct {
	n       int
	mean    float64
	counts  map[string]int
	invalid int // cells the test found on no label (not compared by checkQuestion)
}

// scaleWant tallies cells of a scale whose points are 1..len(labels): a
// cell holding label i, or the number i+1, is point i+1; empty and skip
// cells are missing, anything else invalid. counts are keyed by point.
func scaleWant(cells, labels, skip []string, reverse bool) want {
	w := want{counts: map[string]int{}}
	sum := 0.0
	k := len(labels)
outer:
	for _, c := range cells {
		c = norm(c)
		if c == "" {
			continue
		}
		for _, s := range skip {
			if c == norm(s) {
				continue outer
			}
		}
		p := 0
		for i, l := range labels {
			if c == norm(l) || c == strconv.Itoa(i+1) {
				p = i + 1
			}
		}
		if p == 0 {
			w.invalid++
			continue
		}
		v := float64(p-1) / float64(k-1)
		if reverse {
			v = 1 - v
		}
		w.n++
		sum += v
		w.counts[strconv.Itoa(p)]++
	}
	if w.n > 0 {
		w.mean = sum / float64(w.n)
	}
	return w
}

// choiceWant tallies single-choice cells; counts are keyed by the option's label.
func choiceWant(cells []string, opts []option) want {
	w := want{counts: map[string]int{}}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, o := range opts {
		lo, hi = min(lo, o.points), max(hi, o.points)
	}
	sum := 0.0
	for _, c := range cells {
		if norm(c) == "" {
			continue
		}
		i := slices.IndexFunc(opts, func(o option) bool { return norm(o.label) == norm(c) })
		if i < 0 {
			w.invalid++
			continue
		}
		w.n++
		sum += (opts[i].points - lo) / (hi - lo)
		w.counts[opts[i].label]++
	}
	if w.n > 0 {
		w.mean = sum / float64(w.n)
	}
	return w
}

// multiWant tallies multi answers given as the chosen labels of each
// respondent (nil or empty: not answered).
func multiWant(chosen [][]string, opts []option) want {
	w := want{counts: map[string]int{}}
	pos := 0.0
	for _, o := range opts {
		if o.points > 0 {
			pos += o.points
		}
	}
	sum := 0.0
	for _, labels := range chosen {
		if len(labels) == 0 {
			continue
		}
		got := 0.0
		seen := map[string]bool{}
		for _, l := range labels {
			i := slices.IndexFunc(opts, func(o option) bool { return norm(o.label) == norm(l) })
			if i < 0 || seen[opts[i].label] {
				continue
			}
			seen[opts[i].label] = true
			got += opts[i].points
			w.counts[opts[i].label]++
		}
		w.n++
		sum += min(max(got/pos, 0), 1)
	}
	if w.n > 0 {
		w.mean = sum / float64(w.n)
	}
	return w
}

// perOptionChosen reads a multi question written one column per option:
// chosen(cell) decides a cell; labels[k] is column cols[k]'s option.
func perOptionChosen(rows [][]string, cols []int, labels []string, chosen func(string) bool) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for k, j := range cols {
			if j < len(r) && chosen(r[j]) {
				out[i] = append(out[i], labels[k])
			}
		}
	}
	return out
}

func nonEmpty(s string) bool { return strings.TrimSpace(s) != "" }

// checkQuestion compares one question of results.json with the test's figures.
func checkQuestion(t *testing.T, file string, res exportResults, id string, w want) {
	t.Helper()
	i := slices.IndexFunc(res.Questions, func(q exportQuestion) bool { return q.ID == id })
	if i < 0 {
		t.Errorf("%s: question %q is not in results.json", file, id)
		return
	}
	q := res.Questions[i]
	if q.N != w.n {
		t.Errorf("%s: question %q: n = %d, want %d", file, id, q.N, w.n)
	}
	switch {
	case w.n == 0 && q.MeanValue != nil:
		t.Errorf("%s: question %q: mean_value = %v, want null (no answers)", file, id, *q.MeanValue)
	case w.n > 0 && q.MeanValue == nil:
		t.Errorf("%s: question %q: mean_value is null, want %.12g", file, id, w.mean)
	case w.n > 0 && math.Abs(*q.MeanValue-w.mean) > 1e-9:
		t.Errorf("%s: question %q: mean_value = %.12g, want %.12g", file, id, *q.MeanValue, w.mean)
	}
	keys := map[string]bool{}
	for k := range q.Counts {
		keys[k] = true
	}
	for k := range w.counts {
		keys[k] = true
	}
	var diffs []string
	for _, k := range sortedKeys(keys) {
		if q.Counts[k] != w.counts[k] {
			diffs = append(diffs, fmt.Sprintf("%q: %d, want %d", k, q.Counts[k], w.counts[k]))
		}
	}
	if len(diffs) > 0 {
		t.Errorf("%s: question %q: counts differ: %s", file, id, strings.Join(diffs, "; "))
	}
}

func sortedKeys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func checkRespondents(t *testing.T, file string, res exportResults, n int) {
	t.Helper()
	if res.Respondents != n {
		t.Errorf("%s: respondents = %d, want %d (data rows counted by the test)", file, res.Respondents, n)
	}
}

func checkUnanswered(t *testing.T, file string, res exportResults, ids ...string) {
	t.Helper()
	got := res.DataQuality.UnansweredQuestions
	if len(got) != len(ids) || (len(ids) > 0 && !slices.Equal(got, ids)) {
		t.Errorf("%s: data_quality.unanswered_questions = %q, want %q", file, got, ids)
	}
}

// linesWith counts the lines of s that contain sub.
func linesWith(s, sub string) (n int) {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			n++
		}
	}
	return n
}

func yesNo() []option { return []option{{"No", 0}, {"Yes", 1}} }

// 1. A CSV that is not UTF-8 is read as Windows-1252, with one warning.
func TestExportWindows1252(t *testing.T) {
	t.Run("StarWars", func(t *testing.T) {
		// Mac Roman bytes 8C E6 at the end of a header, read as Windows-1252 ("Œæ").
		name := "surveymonkey/fivethirtyeight_StarWars.csv"
		rows := readExport(t, realFile(name), readOpts{cp1252: true})
		h1, h2, data := rows[0], rows[1], rows[2:]
		res, _, stderr := scoreJSON(t, realFile(name), testFile("starwars.toml"))
		if n := linesWith(stderr, "Windows-1252"); n != 1 {
			t.Errorf("%s: %d lines of stderr name Windows-1252, want exactly 1:\n%s", name, n, stderr)
		}
		checkRespondents(t, name, res, len(data))
		checkUnanswered(t, name, res)
		for id, header := range map[string]string{
			"seen":   "Have you seen any of the 6 films in the Star Wars franchise?",
			"fan":    "Do you consider yourself to be a fan of the Star Wars film franchise?",
			"eu_fan": "Do you consider yourself to be a fan of the Expanded Universe?\u0152\u00e6",
		} {
			checkQuestion(t, name, res, id, choiceWant(column(data, colIndex(t, name, h1, header)), yesNo()))
		}
		first := colIndex(t, name, h1, "Which of the following Star Wars films have you seen? Please select all that apply.")
		cols, labels, opts := []int{}, []string{}, []option{}
		for j := first; j < first+6; j++ {
			cols, labels = append(cols, j), append(labels, h2[j])
			opts = append(opts, option{h2[j], float64(1 + (j-first)/3)})
		}
		checkQuestion(t, name, res, "films", multiWant(perOptionChosen(data, cols, labels, nonEmpty), opts))
	})

	t.Run("potential-candidates_events", func(t *testing.T) {
		// Windows-1252 ’ “ ” and no-break spaces in cells (not a survey:
		// Party and Type are read as choices). The events whose names hold
		// Windows-1252 punctuation are the options of one more choice
		// question, in the test's own decoding: aiready must count each.
		name := "excel-windows/fivethirtyeight_potential-candidates_events.csv"
		rows := readExport(t, realFile(name), readOpts{cp1252: true})
		h, data := rows[0], rows[1:]
		events := map[string]bool{}
		var opts []option
		for _, v := range column(data, colIndex(t, name, h, "Event")) {
			if ev := strings.TrimSpace(v); strings.ContainsAny(ev, "\u2019\u201c\u201d") && !events[norm(ev)] {
				events[norm(ev)] = true
				opts = append(opts, option{ev, float64(len(opts))})
			}
		}
		if len(opts) < 2 {
			t.Fatalf("%s: the test found %d events with Windows-1252 punctuation", name, len(opts))
		}
		base, err := os.ReadFile(testFile("events.toml"))
		if err != nil {
			t.Fatal(err)
		}
		var q strings.Builder
		q.WriteString("\n[[question]]\nid = \"event\"\ndimension = \"d\"\ntype = \"choice\"\ntext = \"Event\"\noptions = [\n")
		for _, o := range opts {
			fmt.Fprintf(&q, "  { label = %s, points = %g },\n", strconv.Quote(o.label), o.points)
		}
		q.WriteString("]\n")
		rubric := filepath.Join(t.TempDir(), "events.toml")
		if err := os.WriteFile(rubric, append(base, q.String()...), 0o644); err != nil {
			t.Fatal(err)
		}
		res, _, stderr := scoreJSON(t, realFile(name), rubric)
		if n := linesWith(stderr, "Windows-1252"); n != 1 {
			t.Errorf("%s: %d lines of stderr name Windows-1252, want exactly 1:\n%s", name, n, stderr)
		}
		checkRespondents(t, name, res, len(data))
		checkQuestion(t, name, res, "party", choiceWant(column(data, colIndex(t, name, h, "Party")), []option{{"Republican", 0}, {"Democratic", 1}}))
		checkQuestion(t, name, res, "type", choiceWant(column(data, colIndex(t, name, h, "Type")), []option{
			{"speech", 0}, {"public appearance", 1}, {"meeting", 2}, {"attended event", 3}, {"fundraiser (other)", 4}, {"rally", 5},
		}))
		w := choiceWant(column(data, colIndex(t, name, h, "Event")), opts)
		w.invalid = 0 // the other events are no option here
		checkQuestion(t, name, res, "event", w)
	})
}

// rows0 is the first row of an export.
func rows0(t *testing.T, file string) []string {
	return readExport(t, file, readOpts{})[0]
}

// namesColumn tells whether an error names the column headed header: by
// its number and the start of its header (errors quote at most about 80
// characters of any input).
func namesColumn(stderr string, h []string, header string) bool {
	j := slices.Index(h, header)
	start := []rune(header)
	if len(start) > 60 {
		start = start[:60]
	}
	return j >= 0 && strings.Contains(stderr, fmt.Sprintf("%d (\"%s", j+1, string(start)))
}

// 2. A rubric question that no column answers.
func TestExportUnansweredQuestions(t *testing.T) {
	name := "surveymonkey/fivethirtyeight_steak-risk-survey.csv"
	file, rubric := realFile(name), testFile("steak-typo.toml")
	rows := readExport(t, file, readOpts{})
	h, data := rows[0], rows[2:]

	t.Run("score", func(t *testing.T) {
		res, _, stderr := scoreJSON(t, file, rubric)
		if !regexp.MustCompile(`(?m)warning.*\bsmoke\b|\bsmoke\b.*warning`).MatchString(stderr) {
			t.Errorf("%s: stderr has no warning naming question \"smoke\":\n%s", name, stderr)
		}
		checkUnanswered(t, name, res, "smoke")
		checkRespondents(t, name, res, len(data))
		checkQuestion(t, name, res, "drink", choiceWant(column(data, colIndex(t, name, h, "Do you ever drink alcohol?")), yesNo()))
		checkQuestion(t, name, res, "gamble", choiceWant(column(data, colIndex(t, name, h, "Do you ever gamble?")), yesNo()))
	})

	t.Run("score --strict", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, "score", "--strict", "--format", "json", "-r", rubric, file)
		if code != 1 || !strings.Contains(stderr, "smoke") {
			t.Errorf("%s: score --strict: exit %d, want 1 with stderr naming \"smoke\"; stderr:\n%s", name, code, stderr)
		}
		if stdout != "" {
			t.Errorf("%s: score --strict printed results although it failed", name)
		}
	})

	t.Run("build", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		code, _, stderr := runCLI(t, "build", "-r", rubric, "-o", out, file)
		if code != 0 {
			t.Fatalf("%s: build: exit %d: %s", name, code, stderr)
		}
		if !strings.Contains(stderr, "smoke") {
			t.Errorf("%s: build: stderr does not name question \"smoke\":\n%s", name, stderr)
		}
		for _, f := range []string{"site/index.html", "report.md"} {
			b, err := os.ReadFile(filepath.Join(out, f))
			if err != nil {
				t.Error(err)
				continue
			}
			if !strings.Contains(string(b), "smoke") {
				t.Errorf("%s: build: %s does not name the unanswered question (id smoke, %q)", name, f, "Do you ever smoke cigarets?")
			}
		}
	})

	t.Run("validate project", func(t *testing.T) {
		dir := t.TempDir()
		copyFile(t, rubric, filepath.Join(dir, "rubric.toml"))
		copyFile(t, file, filepath.Join(dir, "steak.csv"))
		toml := "title = \"Steak survey\"\nclient = \"Test\"\ndate = 2026-01-15\nrubric = \"rubric.toml\"\ninputs = [\"steak.csv\"]\n"
		if err := os.WriteFile(filepath.Join(dir, "assessment.toml"), []byte(toml), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runCLI(t, "validate", dir)
		if code != 0 || !strings.Contains(stdout+stderr, "smoke") {
			t.Errorf("%s: validate PROJECT: exit %d, want 0 and a line naming \"smoke\"; output:\n%s%s", name, code, stdout, stderr)
		}
		code, stdout, stderr = runCLI(t, "validate", "--strict", dir)
		if code != 1 || !strings.Contains(stdout+stderr, "smoke") {
			t.Errorf("%s: validate --strict PROJECT: exit %d, want 1 naming \"smoke\"; output:\n%s%s", name, code, stdout, stderr)
		}
	})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// 3. One statement under several questions: the labels decide, and when
// they cannot, scoring stops naming the columns.
//
// Note on the contract: in the religion file every statement of the "How
// comfortable do you feel when you:" block is repeated, word for word and
// with the same answer labels, under "How comfortable do you think someone
// outside your religion would be if they saw you:" (and some under a fourth
// stem). The comfort scale's labels therefore fit two columns equally, and
// the rule "fits both: an error naming them" applies; the "How comfortable
// do you feel" column is read when the rubric gives its whole heading.
func TestExportAmbiguousMatches(t *testing.T) {
	const stmt = "Pray in public using some kind of physical object (rosary, tefillin, etc)"
	const (
		often = "How often do you: "
		feel  = "How comfortable do you feel when you: "
		think = "How comfortable do you think someone outside your religion would be if they saw you: "
	)
	name := "surveymonkey/fivethirtyeight_religion-survey-results.csv"
	file := realFile(name)
	rows := readExport(t, file, readOpts{})
	h, data := rows[0], rows[2:]
	freq := []string{"Never", "Once a year or less", "Once a month or less", "A few times per month", "A few times per week", "Every day"}
	comfort := []string{"Not at all comfortable", "Not so comfortable", "Somewhat comfortably", "Very comfortable", "Extremely comfortable"}

	t.Run("frequency labels read the How often column", func(t *testing.T) {
		res, _, _ := scoreJSON(t, file, testFile("religion-often.toml"))
		w := scaleWant(column(data, colIndex(t, name, h, often+stmt)), freq, []string{"Not applicable to my religious beliefs"}, false)
		if w.invalid != 0 {
			t.Fatalf("%s: the test found %d cells off the frequency scale", name, w.invalid)
		}
		checkQuestion(t, name, res, "often", w)
		checkUnanswered(t, name, res)
	})

	t.Run("whole heading reads the How comfortable do you feel column", func(t *testing.T) {
		res, _, _ := scoreJSON(t, file, testFile("religion-feel.toml"))
		w := scaleWant(column(data, colIndex(t, name, h, feel+stmt)), comfort, []string{"I don't do this"}, false)
		if w.invalid != 0 {
			t.Fatalf("%s: the test found %d cells off the comfort scale", name, w.invalid)
		}
		checkQuestion(t, name, res, "feel", w)
	})

	t.Run("comfort labels fit two columns", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, "score", "--format", "json", "-r", testFile("religion-comfort.toml"), file)
		if code != 1 || stdout != "" {
			t.Errorf("%s: exit %d, want 1 and no results (the comfort labels fit %q and %q)", name, code, feel, think)
		}
		for _, stem := range []string{feel, think} {
			if !namesColumn(stderr, rows0(t, file), stem+stmt) {
				t.Errorf("%s: stderr does not name the column %q:\n%s", name, stem+stmt, stderr)
			}
		}
	})

	t.Run("labels that fit no column", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, "score", "--format", "json", "-r", testFile("religion-neither.toml"), file)
		if code != 1 || stdout != "" {
			t.Errorf("%s: exit %d, want 1 and no results", name, code)
		}
		for _, stem := range []string{often, feel} {
			if !namesColumn(stderr, rows0(t, file), stem+stmt) {
				t.Errorf("%s: stderr does not name the column %q:\n%s", name, stem+stmt, stderr)
			}
		}
	})

	t.Run("cjoint conjoint task asked five times", func(t *testing.T) {
		name := "qualtrics/cjoint_CandidateConjointQualtrics.csv"
		file := realFile(name)
		rows := readExport(t, file, readOpts{})
		text := "Please carefully review the two candidates for ${e://Field/Officeposition5} detailed below. Then ple..."
		var tags, nums []string
		for j, l := range rows[1] {
			if l == text {
				tags = append(tags, rows[0][j])
				nums = append(nums, strconv.Itoa(j+1))
			}
		}
		if len(tags) < 2 {
			t.Fatalf("%s: the test found %d columns of the conjoint text", name, len(tags))
		}
		code, stdout, stderr := runCLI(t, "score", "--format", "json", "-r", testFile("cjoint.toml"), file)
		if code != 1 || stdout != "" {
			t.Errorf("%s: exit %d, want 1 and no results (the text heads columns %s)", name, code, strings.Join(tags, ", "))
		}
		named := 0
		for k := range tags {
			if regexp.MustCompile(`\b`+regexp.QuoteMeta(tags[k])+`\b`).MatchString(stderr) ||
				regexp.MustCompile(`(?i)column[s]?\b[^\n]*\b`+nums[k]+`\b`).MatchString(stderr) {
				named++
			}
		}
		if named < 2 {
			t.Errorf("%s: stderr names %d of the columns %s (by tag or number), want at least 2:\n%s", name, named, strings.Join(tags, ", "), stderr)
		}
	})
}

// 4. KoboToolbox select_multiple written twice: the joined cell and one
// True/False column per option.
func TestExportKoboSelectMultipleTwice(t *testing.T) {
	name := "kobotoolbox/onadata_children.csv"
	file := realFile(name)
	rows := readExport(t, file, readOpts{})
	h, data := rows[0], rows[1:]
	labels := []string{"red", "blue", "pink"}
	var cols []int
	for _, l := range labels {
		cols = append(cols, colIndex(t, name, h, "children/fav_colors/"+l))
	}
	chosen := perOptionChosen(data, cols, labels, func(c string) bool { return c == "True" })
	// The joined column says the same (a check of the fixture, not of aiready).
	joined := column(data, colIndex(t, name, h, "children/fav_colors"))
	for i := range data {
		if got := strings.Join(chosen[i], " "); got != joined[i] {
			t.Fatalf("%s: line %d: per-option columns give %q, joined cell %q", name, i+2, got, joined[i])
		}
	}
	w := multiWant(chosen, []option{{"red", 1}, {"blue", 2}, {"pink", 3}})
	for _, rubric := range []string{"onadata-alias.toml", "onadata-id.toml"} {
		t.Run(rubric, func(t *testing.T) {
			res, _, stderr := scoreJSON(t, file, testFile(rubric))
			if strings.Contains(stderr, "both answer") {
				t.Errorf("%s: the joined and the per-option columns clash:\n%s", name, stderr)
			}
			checkRespondents(t, name, res, len(data))
			checkQuestion(t, name, res, "fav_colors", w)
			checkUnanswered(t, name, res)
			if res.DataQuality.InvalidCells != 0 {
				t.Errorf("%s: invalid_cells = %d, want 0", name, res.DataQuality.InvalidCells)
			}
		})
	}
}

// 5. SurveyMonkey single choice expanded over one column per option.
func TestExportSurveyMonkeyExpandedChoice(t *testing.T) {
	identify := "How much, if at all, do you personally identify as a Midwesterner?"
	scale := []string{"Not at all", "Not much", "Some", "A lot"}
	// expandedWant reads the four columns from first on: one filled cell is
	// the answer, two or more an invalid answer.
	expandedWant := func(t *testing.T, name string, h2 []string, data [][]string, first int) want {
		var cells []string
		invalid := 0
		for _, r := range data {
			var filled []string
			for j := first; j < first+4; j++ {
				if nonEmpty(r[j]) {
					filled = append(filled, r[j])
				}
			}
			switch len(filled) {
			case 0:
				cells = append(cells, "")
			case 1:
				cells = append(cells, filled[0])
			default:
				cells = append(cells, "")
				invalid++
			}
		}
		for j := first; j < first+4; j++ {
			if !slices.Contains(scale, h2[j]) {
				t.Fatalf("%s: column %d of the expanded question is %q", name, j+1, h2[j])
			}
		}
		w := scaleWant(cells, scale, nil, false)
		w.invalid += invalid
		return w
	}

	t.Run("MIDWEST", func(t *testing.T) {
		name := "surveymonkey/fivethirtyeight_MIDWEST.csv"
		file := realFile(name)
		rows := readExport(t, file, readOpts{})
		h1, h2, data := rows[0], rows[1], rows[2:]
		res, _, _ := scoreJSON(t, file, testFile("midwest.toml"))
		checkRespondents(t, name, res, len(data))
		checkUnanswered(t, name, res)
		w := expandedWant(t, name, h2, data, colIndex(t, name, h1, identify))
		checkQuestion(t, name, res, "identify", w)
		if res.DataQuality.InvalidCells != w.invalid {
			t.Errorf("%s: invalid_cells = %d, want %d (rows with two of the four ticked)", name, res.DataQuality.InvalidCells, w.invalid)
		}
		first := colIndex(t, name, h1, "Which of the following states do you consider part of the Midwest? Please select all that apply. ")
		var cols []int
		var labels []string
		var opts []option
		for j := first; j < len(h1) && (j == first || h1[j] == ""); j++ {
			cols, labels = append(cols, j), append(labels, h2[j])
			p := 1.0
			if len(opts) >= 12 {
				p = -1
			}
			opts = append(opts, option{h2[j], p})
		}
		if len(cols) != 20 {
			t.Fatalf("%s: the test found %d state columns, want 20", name, len(cols))
		}
		checkQuestion(t, name, res, "states", multiWant(perOptionChosen(data, cols, labels, nonEmpty), opts))
	})

	t.Run("two ticked (hand-made)", func(t *testing.T) {
		// Hand-made, laid out as fivethirtyeight_MIDWEST.csv (SurveyMonkey,
		// expanded single choice), with a respondent who ticked two options:
		// no real file has one.
		name := "surveymonkey-two-ticked.csv"
		file := testFile(name)
		rows := readExport(t, file, readOpts{})
		h1, h2, data := rows[0], rows[1], rows[2:]
		res, _, _ := scoreJSON(t, file, testFile("surveymonkey-two-ticked.toml"))
		checkRespondents(t, name, res, len(data))
		w := expandedWant(t, name, h2, data, colIndex(t, name, h1, identify))
		if w.invalid == 0 {
			t.Fatalf("%s: the test found no row with two ticked", name)
		}
		checkQuestion(t, name, res, "identify", w)
		if res.DataQuality.InvalidCells != w.invalid {
			t.Errorf("%s: invalid_cells = %d, want %d (rows with two of the four ticked)", name, res.DataQuality.InvalidCells, w.invalid)
		}
	})
}

// 6. SurveyMonkey without the respondent-id column: the second header row
// (Response, None of these, ...) is not a respondent.
func TestExportSurveyMonkeyWithoutRespondentID(t *testing.T) {
	name := "surveymonkey/fivethirtyeight_religion-survey-results.csv"
	file := realFile(name)
	rows := readExport(t, file, readOpts{})
	if rows[1][0] != "Response" {
		t.Fatalf("%s: row 2 starts %q, not Response", name, rows[1][0])
	}
	h, data := rows[0], rows[2:]
	res, _, _ := scoreJSON(t, file, testFile("religion-plain.toml"))
	checkRespondents(t, name, res, len(data))
	if res.DataQuality.Rows != len(data) {
		t.Errorf("%s: data_quality.rows = %d, want %d", name, res.DataQuality.Rows, len(data))
	}
	ev := choiceWant(column(data, colIndex(t, name, h, "Do you consider yourself to be an evangelical?")), yesNo())
	sv := choiceWant(column(data, colIndex(t, name, h, "Do you attend religious services")), []option{{"Never", 0}, {"Less than weekly", 1}, {"Weekly or more", 2}})
	checkQuestion(t, name, res, "evangelical", ev)
	checkQuestion(t, name, res, "services", sv)
	if want := ev.invalid + sv.invalid; res.DataQuality.InvalidCells != want {
		t.Errorf("%s: invalid_cells = %d, want %d (a \"Response\" cell read as an answer?)", name, res.DataQuality.InvalidCells, want)
	}
}
