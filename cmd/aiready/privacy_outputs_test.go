package main

// Privacy findings of issue 15, each through `aiready build` and `score`:
// segment values that identify a person or make file names, groups
// recovered by subtraction, tiny thresholds, the logo's metadata and the
// links and HTML report.md carries.

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// demoTeamRows reads the demo answers and the index of the Team column.
func demoTeamRows(t *testing.T) (rows [][]string, team int) {
	t.Helper()
	data, err := os.ReadFile("../../rubrics/demo/people-first-demo.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err = csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for j, h := range rows[0] {
		if h == "Team" {
			return rows, j
		}
	}
	t.Fatal("the demo answers have no Team column")
	return nil, 0
}

// writeRowsCSV writes rows to dir/name and returns its path.
func writeRowsCSV(t *testing.T, dir, name string, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// allOutputs runs `aiready build` on in with args and `score` as text,
// JSON and CSV, and returns every output by name: each file of the build
// (by path relative to out), the PDF's text as "report.pdf (text)" when
// pdftotext is there, and "score --format F". stderr is kept as
// "build stderr".
func allOutputs(t *testing.T, in string, args ...string) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"build", "-q", "-o", out, in}, args...), nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d: %s", code, truncateForLog(stderr.String()))
	}
	texts := map[string]string{"build stderr": stderr.String()}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		texts[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.Command(pdftotext, "-layout", filepath.Join(out, "report.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		texts["report.pdf (text)"] = string(txt)
	}
	for _, format := range []string{"text", "json", "csv"} {
		stdout.Reset()
		stderr.Reset()
		if code := run(append([]string{"score", "-q", "--format", format, in}, args...), nil, &stdout, &stderr); code != 0 {
			t.Fatalf("score --format %s: exit %d: %s", format, code, truncateForLog(stderr.String()))
		}
		texts["score --format "+format] = stdout.String()
	}
	return texts
}

func truncateForLog(s string) string {
	if len(s) > 400 {
		return s[:400] + "..."
	}
	return s
}

// TestPrivacySegmentValuesNeverFileNames: a team written as an e-mail
// address or a phone number is shown nowhere, and a 240- or
// 5,000-character team still builds, its page named by a short slug.
func TestPrivacySegmentValuesNeverFileNames(t *testing.T) {
	rows, team := demoTeamRows(t)
	long := strings.Repeat("Very long team name ", 12)[:240]
	huge := strings.Repeat("z", 5000)
	for i, r := range rows[1:] {
		switch {
		case i < 10:
			r[team] = "bob@example.com"
		case i < 20:
			r[team] = "+44 20 7946 0958"
		case i < 30:
			r[team] = long
		case i < 40:
			r[team] = huge
		case i < 50:
			r[team] = long[:200] + " B" // the same cut slug as long
		}
	}
	in := writeRowsCSV(t, t.TempDir(), "answers.csv", rows)
	texts := allOutputs(t, in, "--segment", "Team")
	pages := 0
	for name, s := range texts {
		for _, secret := range []string{"bob@example.com", "7946 0958", "7946"} {
			if strings.Contains(s, secret) {
				t.Errorf("%s holds %q, a segment value that is personal data", name, secret)
			}
		}
		base := filepath.Base(name)
		if strings.HasPrefix(base, "segment-team-") {
			pages++
			if len(base) > 80 {
				t.Errorf("a segment page is named by %d bytes: %s", len(base), base)
			}
		}
		if strings.Contains(name, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz") || strings.Contains(name, "very-long-team-name-very-long-team-name-very") {
			t.Errorf("a file name carries the segment value: %s", name)
		}
	}
	// Long, its cut twin, huge and the rest of the demo's teams.
	if pages < 4 {
		t.Errorf("only %d segment pages: the long values got none", pages)
	}
	if len(texts["build stderr"]) > 2000 {
		t.Errorf("build wrote %d bytes to stderr", len(texts["build stderr"]))
	}
}
