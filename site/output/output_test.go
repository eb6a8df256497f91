package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileWrittenDuringBuild: a file the user writes into out while a
// build fills its temporary folder is not deleted with the old output: it
// is kept aside, and the build says where.
func TestFileWrittenDuringBuild(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	write := func(name, body string) func(string) error {
		return func(tmp string) error { return os.WriteFile(filepath.Join(tmp, name), []byte(body), 0o644) }
	}
	if _, err := Write(out, false, write("results.json", "first")); err != nil {
		t.Fatal(err)
	}
	notes, err := Write(out, false, func(tmp string) error {
		// The user saves a note into the output folder mid-build.
		if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("the client asked for this"), 0o644); err != nil {
			return err
		}
		return write("results.json", "second")(tmp)
	})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "results.json")); string(b) != "second" {
		t.Errorf("results.json = %q, want the new build's", b)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "out.kept-*", "notes.txt"))
	if len(kept) != 1 {
		t.Fatalf("notes.txt written during the build is gone (kept: %v, notes: %q)", kept, notes)
	}
	if b, _ := os.ReadFile(kept[0]); string(b) != "the client asked for this" {
		t.Errorf("kept notes.txt holds %q", b)
	}
	if len(notes) != 1 || notes[0] != filepath.Join(out, "notes.txt")+": not written by aiready; kept as "+kept[0] {
		t.Errorf("notes %q do not say where notes.txt went", notes)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".out.tmp-*")); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

// TestMarkerParse: what parseMarker takes for aiready's marker, and what not.
func TestMarkerParse(t *testing.T) {
	dir := t.TempDir()
	sums := map[string]string{"report.md": strings.Repeat("ab", 32), "site/index.html": strings.Repeat("01", 32)}
	if err := writeMarker(dir, true, sums); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(filepath.Join(dir, markerName))
	m := parseMarker(good)
	if m == nil || !m.shared || m.legacy || len(m.files) != 2 || m.files["site/index.html"] != sums["site/index.html"] {
		t.Fatalf("own marker read back as %+v", m)
	}
	for name, b := range map[string]string{
		"one-line list":        "/mine.txt\n",
		"header only":          markerHead,
		"in progress":          inProgressMarker(42, newToken()),
		"token changed":        strings.Replace(string(good), "build ", "build 0", 1)[:len(good)],
		"line added":           string(good) + "sha256 " + strings.Repeat("cd", 32) + " /mine.txt\n",
		"path outside":         markerHead + "/../secret\n",
		"absolute in legacy":   markerHead + "//etc/passwd\n",
		"no final newline":     strings.TrimSuffix(string(good), "\n"),
		"junk line in legacy":  markerHead + "/a\nb\n",
		"folder in legacy":     markerHead + "/site/../..\n",
		"empty path in legacy": markerHead + "/\n",
	} {
		if m := parseMarker([]byte(b)); m != nil {
			t.Errorf("%s: taken for a marker: %+v", name, m)
		}
	}
	legacy := parseMarker([]byte(markerHead + "/.aiready-output\n/results.json\n"))
	if legacy == nil || !legacy.legacy || len(legacy.files) != 1 {
		t.Errorf("an earlier version's marker: %+v", legacy)
	}
}

// TestStaleHalfMarker: a build killed while it wrote its temporary
// folder's first marker leaves the folder with the start of that marker
// alone in it; the next build removes it. With any other file beside it,
// or another text, the folder is not provably aiready's, and stays.
func TestStaleHalfMarker(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	full := inProgressMarker(999999, "0123456789abcdef")
	stale := map[string]struct {
		marker, other string
		gone          bool
	}{
		".out.tmp-999999-0123456789abcdef": {full[:len(full)/2], "", true},
		".out.tmp-999998-0123456789abcdef": {"", "", true}, // created, nothing written
		".out.tmp-999997-0123456789abcdef": {full[:10], "mine.txt", false},
		".out.tmp-999996-0123456789abcdef": {"Not aiready's", "", false},
	}
	for name, s := range stale {
		p := filepath.Join(dir, name)
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		// The marker names its own process: rewrite the prefix for it.
		pid := strings.TrimPrefix(strings.Split(name, "-")[1], "")
		marker := strings.Replace(s.marker, "999999", pid, 1)
		if err := os.WriteFile(filepath.Join(p, markerName), []byte(marker), 0o644); err != nil {
			t.Fatal(err)
		}
		if s.other != "" {
			os.WriteFile(filepath.Join(p, s.other), []byte("mine"), 0o644)
		}
	}
	if _, err := Write(out, false, func(tmp string) error {
		return os.WriteFile(filepath.Join(tmp, "results.json"), []byte("{}"), 0o644)
	}); err != nil {
		t.Fatal(err)
	}
	for name, s := range stale {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != s.gone {
			t.Errorf("%s: removed %v, want %v", name, gone, s.gone)
		}
	}
}
