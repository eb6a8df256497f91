package main

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// The tests of issue 20's frameworks: the Frameworks page of the site,
// the PDF's appendix and report.md's section list every clause that the
// built-in rubric maps a question to, with those questions and their
// scores. What is expected is read here from the rubric's TOML (decoded
// on its own, not by assess) and from results.json's mean_value.

// fwClause is one clause of the rubric as this test reads it.
type fwClause struct {
	framework, frameworkTitle, id, title string
	questions                            []fwQuestion
}

type fwQuestion struct{ id, text, dimension string }

// rubricClauses decodes a rubric file into plain structs and lists its
// clauses that questions map to: frameworks and clauses in the file's
// order, each clause's questions in the file's order.
func rubricClauses(t *testing.T, path string) []fwClause {
	t.Helper()
	var doc struct {
		Frameworks map[string]struct {
			Title   string            `toml:"title"`
			Clauses map[string]string `toml:"clauses"`
		} `toml:"frameworks"`
		Dimension []struct {
			ID    string `toml:"id"`
			Title string `toml:"title"`
		} `toml:"dimension"`
		Question []struct {
			ID        string   `toml:"id"`
			Dimension string   `toml:"dimension"`
			Text      string   `toml:"text"`
			Maps      []string `toml:"maps"`
		} `toml:"question"`
	}
	md, err := toml.DecodeFile(path, &doc)
	if err != nil {
		t.Fatal(err)
	}
	dims := map[string]string{}
	for _, d := range doc.Dimension {
		dims[d.ID] = d.Title
	}
	// The file's order of frameworks and clauses, from the keys as the
	// decoder met them.
	var out []fwClause
	for _, k := range md.Keys() {
		if len(k) == 4 && k[0] == "frameworks" && k[2] == "clauses" {
			f := doc.Frameworks[k[1]]
			out = append(out, fwClause{framework: k[1], frameworkTitle: f.Title, id: k[3], title: f.Clauses[k[3]]})
		}
	}
	n := 0
	for i := range out {
		c := &out[i]
		for _, q := range doc.Question {
			for _, m := range q.Maps {
				if m == c.framework+":"+c.id {
					c.questions = append(c.questions, fwQuestion{q.ID, q.Text, dims[q.Dimension]})
					n++
				}
			}
		}
	}
	var mapped []fwClause
	for _, c := range out {
		if len(c.questions) > 0 {
			mapped = append(mapped, c)
		}
	}
	if len(mapped) == 0 || n == 0 {
		t.Fatalf("%s maps no question to a framework", path)
	}
	return mapped
}

// fwResults is results.json's frameworks and each question's n and
// mean_value.
type fwResults struct {
	Frameworks []struct {
		Framework string   `json:"framework"`
		Clause    string   `json:"clause"`
		Questions []string `json:"questions"`
	} `json:"frameworks"`
	Questions []struct {
		ID        string   `json:"id"`
		N         int      `json:"n"`
		MeanValue *float64 `json:"mean_value"`
	} `json:"questions"`
}

func readFWResults(t *testing.T, path string) fwResults {
	t.Helper()
	var r fwResults
	if err := json.Unmarshal([]byte(readFile(t, path)), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// oneDecimal writes v with one decimal, halves away from zero, with the
// language's decimal mark.
func oneDecimal(v float64, comma bool) string {
	s := fmt.Sprintf("%.1f", math.Round(v*10)/10)
	if comma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// checkFrameworkOutputs checks, in each output's text, that every clause
// follows its framework's title in order, with each of its questions as
// a row: id, text, dimension, then the score (or noScore when the
// question has fewer than minGroup answers or none).
func checkFrameworkOutputs(t *testing.T, outputs map[string]string, clauses []fwClause, res fwResults, comma bool, noScore string) {
	t.Helper()
	// results.json lists the same clauses and questions.
	if len(res.Frameworks) != len(clauses) {
		t.Errorf("results.json has %d framework clauses, the rubric maps %d", len(res.Frameworks), len(clauses))
	}
	for i, c := range clauses {
		if i >= len(res.Frameworks) {
			break
		}
		var ids []string
		for _, q := range c.questions {
			ids = append(ids, q.id)
		}
		got := res.Frameworks[i]
		if got.Framework != c.framework || got.Clause != c.id || strings.Join(got.Questions, ",") != strings.Join(ids, ",") {
			t.Errorf("results.json frameworks[%d] = %s:%s %v, want %s:%s %v", i, got.Framework, got.Clause, got.Questions, c.framework, c.id, ids)
		}
	}
	byID := map[string]int{}
	for i, q := range res.Questions {
		byID[q.ID] = i
	}
	norm := strings.NewReplacer("’", "'", "‘", "'")
	for name, text := range outputs {
		text = norm.Replace(text)
		cur, scored, unscored := 0, 0, 0
		find := func(what, s string) bool {
			s = norm.Replace(strings.Join(strings.Fields(s), " "))
			i := strings.Index(text[cur:], s)
			if i < 0 {
				t.Errorf("%s: %s %q is missing, or out of order", name, what, s)
				return false
			}
			cur += i + len(s)
			return true
		}
		for i, c := range clauses {
			if i == 0 || clauses[i-1].framework != c.framework {
				if !find("framework", c.frameworkTitle) {
					break
				}
			}
			if !find("clause", c.id+" · "+c.title) {
				break
			}
			for _, q := range c.questions {
				qr := res.Questions[byID[q.id]]
				want := noScore
				if qr.MeanValue != nil && qr.N >= 5 {
					want = oneDecimal(*qr.MeanValue*100, comma)
					scored++
				} else {
					unscored++
				}
				find("row of "+q.id+" under "+c.id, q.id+" "+q.text+" "+q.dimension+" "+want)
			}
		}
		if scored == 0 {
			t.Errorf("%s: no question with a score was checked", name)
		}
		if noScore != "" && unscored == 0 {
			t.Errorf("%s: no question without a score was checked", name)
		}
	}
}

// mdText is report.md as a reader sees its words: no table pipes, code
// ticks or escapes.
func mdText(md string) string {
	md = regexp.MustCompile(`\\([[:punct:]])`).ReplaceAllString(md, "$1")
	md = strings.NewReplacer("|", " ", "`", " ", "#", " ").Replace(md)
	return strings.Join(strings.Fields(md), " ")
}

// checkPDFFrameworks checks the PDF's appendix as pdftotext -layout
// reads it, where a table's row keeps its cells on its first line (the
// question's text and the dimension may wrap below): each clause's
// heading in order, and under it a line per question with its id, its
// score (or noScore's first word) and its number of answers.
func checkPDFFrameworks(t *testing.T, pdf string, clauses []fwClause, res fwResults, comma bool, noScore string) {
	t.Helper()
	raw := pdfText(t, pdf, "-layout")
	byID := map[string]int{}
	for i, q := range res.Questions {
		byID[q.ID] = i
	}
	lines := strings.Split(strings.ReplaceAll(raw, "’", "'"), "\n")
	cur := 0
	next := func(what string, match func(string) bool) bool {
		for i := cur; i < len(lines); i++ {
			if match(strings.Join(strings.Fields(lines[i]), " ")) {
				cur = i + 1
				return true
			}
		}
		t.Errorf("report.pdf: %s is missing, or out of order", what)
		return false
	}
	for _, c := range clauses {
		head := c.id + " · " + strings.ReplaceAll(c.title, "’", "'")
		if !next("clause "+head, func(l string) bool { return l == head }) {
			return
		}
		for _, q := range c.questions {
			qr := res.Questions[byID[q.id]]
			want := strings.Fields(noScore + " x")[0]
			if qr.MeanValue != nil && qr.N >= 5 {
				want = oneDecimal(*qr.MeanValue*100, comma)
			}
			first := strings.Fields(q.text)[0]
			row := regexp.MustCompile(`^` + regexp.QuoteMeta(q.id+" "+first) + ` .* ` + regexp.QuoteMeta(want) + `( .*)? ` + fmt.Sprint(qr.N) + `$`)
			next(fmt.Sprintf("row of %s under %s (%s … %s … %d)", q.id, c.id, q.id, want, qr.N), row.MatchString)
		}
	}
}

// TestDemoFrameworks: the demo's Frameworks page, PDF appendix and
// report.md section list every mapped clause of rubrics/people-first.toml
// with its questions and their scores; the page is in the navigation of
// every page.
func TestDemoFrameworks(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo")
	runOut(t, "demo", "-q", out)
	clauses := rubricClauses(t, filepath.Join("..", "..", "rubrics", "people-first.toml"))
	outputs := readerOutputs(t, out, []string{"site/frameworks.html"}, mdText)
	res := readFWResults(t, filepath.Join(out, "results.json"))
	// The PDF's words are checked in order as its layout keeps them.
	pdf := outputs["report.pdf"]
	delete(outputs, "report.pdf")
	checkFrameworkOutputs(t, outputs, clauses, res, false, "")
	checkPDFFrameworks(t, filepath.Join(out, "report.pdf"), clauses, res, false, "")
	outputs["report.pdf"] = pdf
	for name, s := range outputs {
		if !strings.Contains(s, "not a compliance assessment") {
			t.Errorf("%s does not say that the mapping is not a compliance assessment", name)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(out, "site", "*.html"))
	for _, p := range pages {
		if !strings.Contains(readFile(t, p), `<a href="frameworks.html"`) {
			t.Errorf("%s: no Frameworks entry in the navigation", filepath.Base(p))
		}
	}
}

// TestFrameworksGerman: a build with the German rubric shows the
// Frameworks page, the PDF appendix and report.md's section in German,
// with the German clause titles, scores with a decimal comma, and no
// score for a question answered by fewer than the smallest group (u03:
// three answers) or by nobody (the choice and multi questions, which the
// answers leave out).
func TestFrameworksGerman(t *testing.T) {
	rubric := filepath.Join("..", "..", "rubrics", "people-first-de.toml")
	var doc struct {
		Scales   map[string]struct{ Points []float64 } `toml:"scales"`
		Question []struct {
			ID, Type, Scale string
			Maps            []string
		} `toml:"question"`
	}
	if _, err := toml.DecodeFile(rubric, &doc); err != nil {
		t.Fatal(err)
	}
	// Answers by point number to every scale question, twelve respondents.
	var cols []string
	for _, q := range doc.Question {
		if (q.Type == "" || q.Type == "scale") && q.Scale != "" {
			cols = append(cols, q.ID)
		}
	}
	var csv strings.Builder
	csv.WriteString("id," + strings.Join(cols, ",") + "\n")
	for r := range 12 {
		fmt.Fprintf(&csv, "%d", r+1)
		for k, id := range cols {
			v := fmt.Sprint(1 + (r*7+k*3)%5)
			if id == "u03" && r >= 3 {
				v = ""
			}
			csv.WriteString("," + v)
		}
		csv.WriteString("\n")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"antworten.csv": csv.String()})
	answers := filepath.Join(dir, "antworten.csv")
	out := filepath.Join(dir, "out")
	runOut(t, "build", "-q", "--rubric", "people-first-de", "--date", "2026-11-20", "-o", out, answers)
	outputs := readerOutputs(t, out, []string{"site/frameworks.html"}, mdText)
	res := readFWResults(t, filepath.Join(out, "results.json"))
	for _, q := range res.Questions {
		if q.ID == "u03" && q.N != 3 {
			t.Fatalf("u03 has %d answers, want 3", q.N)
		}
	}
	pdf := outputs["report.pdf"]
	delete(outputs, "report.pdf")
	clauses := rubricClauses(t, rubric)
	checkFrameworkOutputs(t, outputs, clauses, res, true, "kein Wert")
	checkPDFFrameworks(t, filepath.Join(out, "report.pdf"), clauses, res, true, "kein Wert")
	outputs["report.pdf"] = pdf
	for name, s := range outputs {
		for _, want := range []string{"Rahmenwerke", "keine Konformitätsbewertung", "KI-Kompetenz der Beschäftigten", "Kennung", "Wert", "Antworten",
			"kein Wert: weniger als 5 Antworten", "kein Wert: niemand hat geantwortet"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
		for _, english := range []string{"Frameworks", "compliance", "no score", "AI literacy of staff"} {
			if strings.Contains(s, english) {
				t.Errorf("%s: English text %q", name, english)
			}
		}
	}
	if !strings.Contains(readFile(t, filepath.Join(out, "site", "index.html")), `<a href="frameworks.html">Rahmenwerke</a>`) {
		t.Error("the German overview has no Rahmenwerke entry in its navigation")
	}
}
