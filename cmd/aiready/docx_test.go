package main

// report.docx (issue 21, part 3), read back by python-docx (Debian's
// python3-docx), a reader independent of the library that writes it.

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/aiready/aiready/internal/testtool"
)

// docxScript prints what python-docx reads in a .docx, as JSON.
const docxScript = `
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
out = {"headings": [], "paras": [], "tables": [], "images": 0, "fills": [], "header_rows": [], "color": None}
for p in d.paragraphs:
    name = p.style.name
    if name.startswith("Heading "):
        out["headings"].append([int(name.split()[1]), p.text])
    out["paras"].append([name, p.text])
for t in d.tables:
    out["tables"].append([[c.text for c in r.cells] for r in t.rows])
    first = t.rows[0]._tr
    out["header_rows"].append(first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None)
    out["fills"].append([s.get(qn("w:fill")) for s in first.iter(qn("w:shd"))])
out["images"] = sum(1 for r in d.part.rels.values() if r.reltype.endswith("/image") and r.target_part.partname.endswith(".png"))
c = d.styles["Heading 1"].font.color
out["color"] = str(c.rgb) if c is not None and c.rgb is not None else None
print(json.dumps(out))
`

type docxRead struct {
	Headings   [][]any    `json:"headings"`
	Paras      [][]string `json:"paras"`
	Tables     [][][]string
	Images     int
	Fills      [][]string
	HeaderRows []bool `json:"header_rows"`
	Color      *string
}

// readDocx reads a .docx with python-docx: python3, else Debian's own
// (a python3 of pyenv first on PATH lacks Debian's modules).
func readDocx(t *testing.T, path string) docxRead {
	t.Helper()
	var py string
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import docx").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		testtool.Missing(t, "python-docx is not installed (apt-get install python3-docx)")
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, "-c", docxScript, path)
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("python-docx: %v: %s", err, stderr.String())
	}
	var r docxRead
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

var (
	atxRE    = regexp.MustCompile(`^(#{1,6}) (.*)$`)
	mdEscRE  = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
	fenceRE  = regexp.MustCompile("^(```|~~~)")
	mdWordRE = regexp.MustCompile(`\s+`)
)

// mdHeadings are report.md's ATX headings (mdreport writes no others),
// level and text with CommonMark's backslash escapes undone.
func mdHeadings(md string) [][2]string {
	var hs [][2]string
	fenced := false
	for _, ln := range strings.Split(md, "\n") {
		if fenceRE.MatchString(ln) {
			fenced = !fenced
		}
		if m := atxRE.FindStringSubmatch(ln); m != nil && !fenced {
			text := html.UnescapeString(mdEscRE.ReplaceAllString(m[2], "$1"))
			hs = append(hs, [2]string{fmt.Sprint(len(m[1])), strings.TrimSpace(mdWordRE.ReplaceAllString(text, " "))})
		}
	}
	return hs
}

func docxHeadings(r docxRead) [][2]string {
	var hs [][2]string
	for _, h := range r.Headings {
		hs = append(hs, [2]string{fmt.Sprint(h[0]), strings.TrimSpace(mdWordRE.ReplaceAllString(fmt.Sprint(h[1]), " "))})
	}
	return hs
}

func buildDemoDocx(t *testing.T, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	argv := append([]string{"build", "-q", "-o", out, "--segment", "Role", "--segment", "Team"}, args...)
	runOut(t, append(argv, "../../rubrics/demo/people-first-demo.csv")...)
	return out
}

// TestDocxReadBack: report.docx's headings, in Word's Heading styles, are
// report.md's; the overview's figures (from results.json, rounded here)
// are in it, the dimension table has the right cells with its header row
// marked and in the brand's colour, and the charts are PNG images.
func TestDocxReadBack(t *testing.T) {
	out := buildDemoDocx(t, "--color", "#8A2BE2")
	r := readDocx(t, filepath.Join(out, "report.docx"))
	md := readFile(t, filepath.Join(out, "report.md"))
	want, got := mdHeadings(md), docxHeadings(r)
	if len(want) < 20 {
		t.Fatalf("report.md has only %d headings", len(want))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("heading %d: docx %q, report.md %q", i, got[i], want[i])
				break
			}
		}
		t.Fatalf("docx has %d headings, report.md %d", len(got), len(want))
	}

	var res struct {
		Overall struct {
			Score float64
			Level string
		}
		Dimensions []struct {
			ID    string
			Score *float64
		}
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "results.json"))), &res); err != nil {
		t.Fatal(err)
	}
	var rubric struct {
		Level     []struct{ ID, Title string }
		Dimension []struct {
			ID, Title string
		}
	}
	if _, err := toml.DecodeFile("../../rubrics/people-first.toml", &rubric); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, p := range r.Paras {
		all.WriteString(p[1] + "\n")
	}
	text := all.String()
	if s := oneDecimal(res.Overall.Score, false); !strings.Contains(text, s) {
		t.Errorf("overall score %s not in the docx", s)
	}
	level := ""
	for _, l := range rubric.Level {
		if l.ID == res.Overall.Level {
			level = l.Title
		}
	}
	if level == "" || !strings.Contains(text, level) {
		t.Errorf("overall level %q (%s) not in the docx", level, res.Overall.Level)
	}
	// The dimension table: a row per dimension, its title and its score.
	var table [][]string
	for _, tb := range r.Tables {
		if len(tb) == len(res.Dimensions)+1 && len(tb[0]) >= 2 && tb[0][0] == "Dimension" && tb[0][1] == "Score" {
			table = tb
			break
		}
	}
	if table == nil {
		t.Fatalf("no table of the dimensions' scores among %d tables", len(r.Tables))
	}
	title := map[string]string{}
	for _, d := range rubric.Dimension {
		title[d.ID] = d.Title
	}
	for i, d := range res.Dimensions {
		row := table[i+1]
		if d.Score == nil {
			t.Fatalf("dimension %s has no score", d.ID)
		}
		if row[0] != title[d.ID] || row[1] != oneDecimal(*d.Score, false) {
			t.Errorf("row %d is %q, want %q %s", i+1, row, title[d.ID], oneDecimal(*d.Score, false))
		}
	}
	if len(r.HeaderRows) == 0 || !r.HeaderRows[0] {
		t.Error("the first table's header row is not marked as one")
	}
	if len(r.Fills) == 0 || len(r.Fills[0]) == 0 || !strings.EqualFold(r.Fills[0][0], "8A2BE2") {
		t.Errorf("header fill %v, want the brand colour 8A2BE2", r.Fills)
	}
	if r.Color == nil || *r.Color == "" {
		t.Error("Heading 1 has no colour")
	}
	if r.Images < 2 {
		t.Errorf("%d PNG images; want the bars and the radar", r.Images)
	}
}

// TestDocxJudgement: the consultant's notes and overrides are in Word's
// Intense Quote style, the rubric's words are not.
func TestDocxJudgement(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	proj := testtool.JudgementProject(t)
	runOut(t, "build", "-q", "-o", out, proj)
	var p struct {
		Note     []struct{ Body string }
		Override []struct{ Reason, Body string }
	}
	if _, err := toml.DecodeFile(filepath.Join(proj, "assessment.toml"), &p); err != nil {
		t.Fatal(err)
	}
	r := readDocx(t, filepath.Join(out, "report.docx"))
	var judged []string
	for _, q := range r.Paras {
		if q[0] == "Intense Quote" {
			judged = append(judged, q[1])
		}
	}
	joined := strings.Join(judged, "\n")
	var words []string
	for _, n := range p.Note {
		words = append(words, strings.SplitN(strings.TrimSpace(n.Body), "\n", 2)[0])
	}
	for _, o := range p.Override {
		words = append(words, strings.TrimSpace(o.Reason))
		if o.Body != "" {
			words = append(words, strings.SplitN(strings.TrimSpace(o.Body), "\n", 2)[0])
		}
	}
	if len(words) < 3 {
		t.Fatalf("the project has only %d notes and overrides", len(words))
	}
	for _, w := range words {
		if w = strings.ReplaceAll(w, "**", ""); !strings.Contains(joined, w) {
			t.Errorf("%q is not in Intense Quote; the judgement there is %q", w, joined)
		}
	}
	for _, h := range r.Headings {
		if strings.Contains(joined, fmt.Sprint(h[1])) {
			t.Errorf("heading %q is in Intense Quote", h[1])
		}
	}
}

// TestDocxGerman: the German demo's headings are German in Word too.
func TestDocxGerman(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	runOut(t, "demo", "-q", "--lang", "de", dir)
	r := readDocx(t, filepath.Join(dir, "report.docx"))
	got := fmt.Sprint(docxHeadings(r))
	for _, w := range []string{"Zusammenfassung", "Methodik"} {
		if !strings.Contains(got, w) {
			t.Errorf("no German heading %q in %s", w, got[:min(400, len(got))])
		}
	}
	if strings.Contains(got, "Executive summary") {
		t.Error("an English heading in the German docx")
	}
	if fmt.Sprint(docxHeadings(r)) != fmt.Sprint(mdHeadings(readFile(t, filepath.Join(dir, "report.md")))) {
		t.Error("the German docx's headings are not report.md's")
	}
}

// TestDocxReproducible: two builds give the same report.docx, every zip
// entry dated by SOURCE_DATE_EPOCH and no time of godocx's own.
func TestDocxReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1763596800")
	var docs [2][]byte
	for i := range docs {
		dir := filepath.Join(t.TempDir(), "demo")
		runOut(t, "demo", "-q", dir)
		docs[i] = []byte(readFile(t, filepath.Join(dir, "report.docx")))
	}
	if !bytes.Equal(docs[0], docs[1]) {
		t.Fatal("two builds wrote different report.docx")
	}
	zr, err := zip.NewReader(bytes.NewReader(docs[0]), int64(len(docs[0])))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if got := f.Modified.UTC().Format("2006-01-02"); got != "2025-11-20" {
			t.Errorf("%s is dated %s, not SOURCE_DATE_EPOCH's 2025-11-20", f.Name, got)
		}
		if f.Name == "docProps/core.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(b), "2025-11-20T00:00:00Z") || strings.Contains(string(b), "gomutex") {
				t.Errorf("core.xml is not the report's: %s", b)
			}
		}
	}
}

// TestFormats: --formats md,json writes those and nothing else, and the
// project's formats = ["bogus"] is refused at its line, with the nearest
// name for a typo.
func TestFormats(t *testing.T) {
	demo := "../../rubrics/demo/people-first-demo.csv"
	out := filepath.Join(t.TempDir(), "out")
	runOut(t, "build", "-q", "--formats", "md,json", "-o", out, demo)
	for name, want := range map[string]bool{"report.md": true, "results.json": true, "site": false, "report.pdf": false, "report.docx": false} {
		if _, err := os.Stat(filepath.Join(out, name)); (err == nil) != want {
			t.Errorf("%s written: %v, want %v", name, err == nil, want)
		}
	}
	// docx alone; the site with the PDF links only the PDF.
	out2 := filepath.Join(t.TempDir(), "out")
	runOut(t, "build", "-q", "--formats", "site,pdf", "-o", out2, demo)
	idx := readFile(t, filepath.Join(out2, "site", "index.html"))
	if !strings.Contains(idx, `href="report.pdf"`) || strings.Contains(idx, `href="report.md"`) || strings.Contains(idx, `href="results.json"`) || strings.Contains(idx, `href="report.docx"`) {
		t.Error("the site links downloads it was not given")
	}
	if _, err := os.Stat(filepath.Join(out2, "site", "report.md")); err == nil {
		t.Error("site/report.md copied though md was not written")
	}
	if code, _, stderr := runCLI(t, "build", "-q", "--formats", "md,dox", "-o", out, demo); code != 2 || !strings.Contains(stderr, `did you mean "docx"?`) {
		t.Errorf("--formats md,dox: exit %d: %s", code, stderr)
	}

	dir := t.TempDir()
	csv, _ := filepath.Abs(demo)
	writeFiles(t, dir, map[string]string{"assessment.toml": fmt.Sprintf("inputs = [%q]\nformats = [\"md\",\n  \"bogus\", \"jsno\"]\n", csv)})
	code, _, msg := runCLI(t, "build", "-q", dir)
	if code == 0 {
		t.Fatal("formats = [\"bogus\"] built")
	}
	for _, w := range []string{"assessment.toml:3:3", `format "bogus"`, "assessment.toml:3:12", `did you mean "json"?`} {
		if !strings.Contains(msg, w) {
			t.Errorf("the error lacks %q:\n%s", w, msg)
		}
	}
}

// docxText is the text of every XML part of a .docx, tags removed, for
// the privacy scans.
func docxText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(html.UnescapeString(tag.ReplaceAllString(string(data), " ")))
		b.WriteString("\n")
	}
	return b.String()
}
