package main

// What the acceptance tests share: a project written into a folder, the
// CLI run on it, and its outputs read back as a reader sees them.

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/testtool"
)

// writeFiles writes each file (name: text) into dir, making dir first.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runOut runs aiready with args and returns what it printed; a non-zero
// exit fails the test.
func runOut(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, nil, &out, &errb); code != 0 {
		t.Fatalf("aiready %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.Bytes()
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// readerOutputs reads the build in out as a reader sees it, by file name:
// each of pages (under out) without its tags (readerText), "report.md"
// through md (as written when md is nil) and "report.pdf" as pdfWords
// reads it, with pdfArgs.
func readerOutputs(t *testing.T, out string, pages []string, md func(string) string, pdfArgs ...string) map[string]string {
	t.Helper()
	outputs := map[string]string{"report.md": readFile(t, filepath.Join(out, "report.md"))}
	if md != nil {
		outputs["report.md"] = md(outputs["report.md"])
	}
	for _, p := range pages {
		outputs[p] = readerText(readFile(t, filepath.Join(out, p)))
	}
	outputs["report.pdf"] = pdfWords(t, filepath.Join(out, "report.pdf"), pdfArgs...)
	return outputs
}

var tagRE = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]*>`)

// readerText is a page's text as a reader sees it: no tags, entities
// resolved, white space collapsed.
func readerText(page string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(page, " "))), " ")
}

// pdfText is the text of a PDF as pdftotext reads it (args before the
// file, e.g. "-layout" or "-l", "3"). Without pdftotext the test is
// skipped, or fails under AIREADY_REQUIRE_TOOLS (testtool.Missing).
func pdfText(t *testing.T, pdf string, args ...string) string {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		testtool.Missing(t, "pdftotext (poppler-utils) is not installed")
	}
	txt, err := exec.Command(pdftotext, append(args, pdf, "-")...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(txt)
}

// pdfWords is pdfText with its white space collapsed.
func pdfWords(t *testing.T, pdf string, args ...string) string {
	t.Helper()
	return strings.Join(strings.Fields(pdfText(t, pdf, args...)), " ")
}
