package pdf

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/site/view"
)

// These tests read the PDF with real programs: qpdf and poppler-utils.
// Without them they skip, unless AIREADY_REQUIRE_TOOLS=1 (CI) makes a
// missing program a failure.

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		testtool.Missing(t, "%s not found: install poppler-utils and qpdf (apt-get install poppler-utils qpdf) to run this check", name)
	}
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// artifacts is where rendered pages are kept for a person to look at.
func artifacts(t *testing.T) string {
	dir := os.Getenv("AIREADY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "aiready-artifacts")
	}
	dir = filepath.Join(dir, "pdf")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// demoPDF renders the demo report into a file for the programs to read.
func demoPDF(t *testing.T) (string, *view.Report) {
	t.Helper()
	rep := demoReport(t)
	var b bytes.Buffer
	warns, err := Render(&b, rep, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("the demo has characters the built-in fonts lack: %q", warns)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, rep
}

func TestQPDFCheck(t *testing.T) {
	needTool(t, "qpdf")
	path, _ := demoPDF(t)
	out := runTool(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestFontsEmbedded(t *testing.T) {
	needTool(t, "pdffonts")
	path, _ := demoPDF(t)
	out := runTool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	// name, type (one or two words), encoding, emb, sub, uni, object id, generation
	names := map[string]bool{}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 8 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		_, name, _ := strings.Cut(f[0], "+")
		names[name] = true
		// The report is set in a text face: the Go fonts (made for code,
		// slashed zeros and all) are not used for anything.
		if strings.HasPrefix(strings.ToLower(name), "go") || strings.Contains(name, "utf8go") {
			t.Errorf("the demo uses a Go font: %s", l)
		}
	}
	for _, want := range []string{"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic"} {
		if !names[want] {
			t.Errorf("pdffonts does not list %s:\n%s", want, out)
		}
	}
}

// text is pdftotext's output with every run of white space made one space.
func text(t *testing.T, args ...string) string {
	out := runTool(t, "pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), "-")...)
	return strings.Join(strings.Fields(out), " ")
}

func TestTextOrder(t *testing.T) {
	needTool(t, "pdftotext")
	path, rep := demoPDF(t)
	all := text(t, path)
	if !strings.Contains(all, testClient) {
		t.Errorf("client name %q not found intact", testClient)
	}
	for _, dm := range rep.Dimensions {
		if !strings.Contains(all, dm.Def.Title) {
			t.Errorf("dimension %q not found", dm.Def.Title)
		}
	}
	for _, it := range rep.Plan {
		if !strings.Contains(all, it.Rec.Title) {
			t.Errorf("recommendation %q not found", it.Rec.Title)
		}
	}
	// The summary's first actions, and each column of the plan as drawn
	// (pdftotext -raw keeps drawing order), are in action-plan order.
	raw := text(t, "-raw", path)
	summary := raw[strings.Index(raw, "First actions"):]
	var first []string
	for i, it := range rep.Plan {
		if i < 5 {
			first = append(first, it.Rec.Title)
		}
	}
	inOrder(t, "executive summary", summary, first)
	plan := raw[strings.LastIndex(raw, "Action plan Actions are numbered"):]
	var cols []string
	for _, c := range rep.Columns {
		for i, it := range c.Items {
			if i > 0 && it.Rank < c.Items[i-1].Rank {
				t.Errorf("column %d: action %d after %d", c.Horizon, it.Rank, c.Items[i-1].Rank)
			}
			cols = append(cols, it.Rec.Title)
		}
	}
	if len(cols) != len(rep.Plan) {
		t.Errorf("the plan's columns hold %d actions, the plan %d", len(cols), len(rep.Plan))
	}
	inOrder(t, "action plan", plan, cols)
	// The table after the columns lists every action in plan order.
	ordered := raw[strings.LastIndex(raw, "The actions in order"):]
	var titles []string
	for _, it := range rep.Plan {
		titles = append(titles, it.Rec.Title)
	}
	inOrder(t, "actions in order", ordered, titles)
}

func inOrder(t *testing.T, where, s string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(s[at:], w)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order", where, w)
			continue
		}
		at += i + len(w)
	}
}

func TestOutlineAndContents(t *testing.T) {
	needTool(t, "qpdf")
	needTool(t, "pdftotext")
	path, rep := demoPDF(t)
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
			Kids  []any  `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(runTool(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	want := []string{"Contents", "Executive summary", "Red flags", "Claims and evidence"} // the built-in rubric has checks
	for _, dm := range rep.Dimensions {
		want = append(want, dm.Def.Title)
	}
	// The demo answers the outcome question (drivers); the built-in rubric
	// maps questions to frameworks.
	want = append(want, "Segment overview", "Perception gap", "What drives the outcome", "Action plan", "In respondents' words", "Methodology", "Frameworks")
	var got []string
	pages := map[string]int{}
	for _, o := range doc.Outlines {
		got = append(got, o.Title)
		pages[o.Title] = o.Page
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outline:\n got %q\nwant %q", got, want)
	}
	for _, o := range doc.Outlines {
		if o.Title == "Methodology" && len(o.Kids) < 5 {
			t.Errorf("methodology has %d outline entries below it, want its parts", len(o.Kids))
		}
		if o.Title == "Frameworks" && len(o.Kids) != 3 {
			t.Errorf("frameworks has %d outline entries below it, want its three frameworks", len(o.Kids))
		}
	}
	// The contents page gives the page each section starts on.
	contents := runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", "-f", "2", "-l", "2", path, "-")
	re := regexp.MustCompile(`(?m)^\s*(\S.*?\S)\s{2,}(\d+)\s*$`)
	found := 0
	for _, m := range re.FindAllStringSubmatch(contents, -1) {
		p, _ := strconv.Atoi(m[2])
		if want, ok := pages[m[1]]; !ok || want != p {
			t.Errorf("contents: %q on page %d, outline says %d", m[1], p, want)
		}
		found++
	}
	if found != len(want)-1 {
		t.Errorf("contents lists %d sections, want %d:\n%s", found, len(want)-1, contents)
	}
}

func TestMetadata(t *testing.T) {
	needTool(t, "pdfinfo")
	path, rep := demoPDF(t)
	out := runTool(t, "pdfinfo", "-enc", "UTF-8", path)
	for _, want := range []string{
		"Title:           " + rep.Meta.Title,
		"Author:          Example Advisory",
		"Subject:         People-first AI adoption readiness of " + testClient,
		"Keywords:        AI adoption readiness, people-first, Service, not savings",
		"CreationDate:    Fri Nov 20 00:00:00 2026 UTC",
		"ModDate:         Fri Nov 20 00:00:00 2026 UTC",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	b, _ := os.ReadFile(path)
	if !bytes.Contains(b, []byte("/Lang (en)")) {
		t.Error("catalog has no /Lang (en)")
	}
}

// TestPages renders every page to PNG as a test artefact, for a person to
// look at; the test fails only if poppler cannot render them.
func TestPages(t *testing.T) {
	needTool(t, "pdftoppm")
	path, _ := demoPDF(t)
	dir := artifacts(t)
	old, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	for _, f := range old {
		os.Remove(f)
	}
	runTool(t, "pdftoppm", "-r", "50", "-png", path, filepath.Join(dir, "page"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(pngs) < 10 {
		t.Errorf("%d pages rendered, want at least 10", len(pngs))
	}
	b, _ := os.ReadFile(path)
	if err := os.WriteFile(filepath.Join(dir, "report.pdf"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("report.pdf and %d page images in %s", len(pngs), dir)
}
