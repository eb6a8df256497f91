package main

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestControlCharactersLeaveNoOutput builds the demo answers with control
// characters in a segment's values, in the free-text answers shown as
// comments, in the header of a column no question uses and in the title:
// no page of the site and not report.md holds a C0 control but tab and
// line ends, DEL or a C1 control (view.Clean), and each such character
// is shown as U+FFFD where the text appears.
func TestControlCharactersLeaveNoOutput(t *testing.T) {
	data, err := os.ReadFile("../../rubrics/demo/people-first-demo.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for j, h := range rows[0] {
		col[h] = j
	}
	const dirty = "\x1b[2J\x07\b\v\x7f\x01\u009b\r"
	rows[0] = append(rows[0], "Notes"+dirty)
	for i, row := range rows[1:] {
		if row[col["Team"]] == "Lending Operations" {
			row[col["Team"]] = "Lending" + dirty + "Operations"
		}
		row[col["l10"]] = "Keep people" + dirty + "in the loop"
		rows[i+1] = append(row, "x")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "responses.csv")
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	args := []string{"build", "-q", "--comments", "--segment", "Team", "--title", "Northwind" + dirty + "readiness", "-o", out, in}
	if code := run(args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	shown := map[string]bool{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".md")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(out, p)
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			bad := r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
				r == '\r' && (i+1 == len(b) || b[i+1] != '\n') || r == utf8.RuneError && n == 1
			if bad {
				t.Errorf("%s holds %q at byte %d: …%q…", name, r, i, b[max(0, i-30):min(len(b), i+30)])
				break
			}
			i += n
		}
		s := string(b)
		for _, want := range []string{"Lending\uFFFD", "Keep people\uFFFD", "Northwind\uFFFD"} {
			if strings.Contains(s, want) {
				shown[want] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Lending\uFFFD", "Keep people\uFFFD", "Northwind\uFFFD"} {
		if !shown[want] {
			t.Errorf("no output shows %q: the text did not reach the outputs, so this test proves nothing", want)
		}
	}
}
