package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/view"
)

// markdownPDF draws Markdown on a page of its own, in the body width and
// in a narrow table cell, and returns the PDF.
func markdownPDF(src string) ([]byte, []string, error) {
	rep := &view.Report{Rubric: &assess.Rubric{Title: "Markdown", Language: "en"}, Result: &assess.Result{}}
	d, err := newDoc(rep, Options{})
	if err != nil {
		return nil, nil, err
	}
	d.setFont(fRegular, 10)
	d.newPage()
	d.markdown(src, d.body())
	d.drawTable(&table{x: d.left, w: 60, pad: 1, rows: [][]cell{{{spans: d.inlineMarkdown(src, d.small())}}}})
	if d.err != nil {
		return nil, nil, d.err
	}
	var b bytes.Buffer
	if err := d.f.Output(&b); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), d.fs.warns, nil
}

func TestMarkdownKinds(t *testing.T) {
	src, err := os.ReadFile("testdata/markdown/kitchen-sink.md")
	if err != nil {
		t.Fatal(err)
	}
	pdf, warns, err := markdownPDF(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 5 { // 東 京 の 漢 字
		t.Errorf("warnings: %q", warns)
	}
	// Only http, https and mailto links are clickable.
	for _, want := range []string{"/URI (https://example.org/aiready)", "/URI (mailto:team@example.org)", "/URI (https://example.org/auto)"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("no link annotation %s", want)
		}
	}
	if bytes.Contains(pdf, []byte("javascript")) || bytes.Contains(pdf, []byte("docs/x.md")) {
		t.Error("a link other than http, https or mailto is clickable")
	}
	needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "md.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	txt := text(t, path)
	for _, want := range []string{
		"A top heading", "Plain text with emphasis, strong, both, code span, struck",
		"the project (https://example.org/aiready)", "team@example.org", "script link are shown as text only",
		"an image, shown by its alt text", "A block quote with strong text.", "Nested quote, second level.",
		"1. First ordered", "2. Second ordered", "– nested bullet", "• deeper bullet", "1. deepest ordered",
		"3. Third ordered", "Left Centre Right", "22.25", "Inline raw html is dropped too. Kept: tail.",
		`fmt.Println("code block")`, "indented code block", "Ελληνικά and Кириллица",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{"DROPPED", "<span>", "<div>", "javascript"} {
		if strings.Contains(txt, bad) {
			t.Errorf("text has %q", bad)
		}
	}
}

// FuzzMarkdownPDF: any Markdown draws without a panic or a render error.
func FuzzMarkdownPDF(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/markdown/*.md")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	if r, err := rubrics.Load(rubrics.Default); err == nil {
		f.Add(r.Description)
		for _, rc := range r.Recommendations {
			f.Add(rc.Body)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4<<10 {
			t.Skip("long inputs only slow the fuzzer down")
		}
		if _, _, err := markdownPDF(src); err != nil {
			t.Fatalf("%v\n%q", err, src)
		}
	})
}

func TestMarkdownSeeds(t *testing.T) {
	seeds, _ := filepath.Glob("testdata/markdown/*.md")
	for _, s := range seeds {
		b, _ := os.ReadFile(s)
		if _, _, err := markdownPDF(string(b)); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	if _, _, err := markdownPDF(strings.Repeat("> ", 200) + strings.Repeat("- ", 200) + "deep"); err != nil {
		t.Error(err)
	}
}
