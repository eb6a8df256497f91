package main

// Files of the user's that must never be lost or taken for aiready's
// (issue 15): files written into out while a build runs, edited outputs
// kept aside under --force, folders shared by --force, hand-made markers.
// The CLI stories are in testdata/script/userfiles-*.txtar.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestForceKeepsEditsAside: --force over an edited report writes the new
// one, keeps the edited one byte for byte beside out, and says where; the
// next build needs no --force.
func TestForceKeepsEditsAside(t *testing.T) {
	demo := demoAnswers(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := runCLI(t, "build", "-q", "-o", "out", demo); code != 0 {
		t.Fatal(stderr)
	}
	fresh, _ := os.ReadFile("out/report.md")
	edited := append(append([]byte{}, fresh...), "\n## My conclusions\n\nKeep the pilot.\n"...)
	os.WriteFile("out/report.md", edited, 0o644)
	os.WriteFile("out/site/extra.css", []byte("body{}"), 0o644)
	before := treeSum(t, dir)
	code, _, stderr := runCLI(t, "build", "-q", "-o", "out", demo)
	if code != exitData || !strings.Contains(stderr, "aiready: out: holds files that aiready did not write inside folders it writes (site/extra.css); refusing to replace them\n") ||
		!strings.Contains(stderr, "aiready: out/report.md: changed since aiready wrote it; refusing to replace it\n") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if treeSum(t, dir) != before {
		t.Fatal("a refused build changed the folder")
	}
	code, _, stderr = runCLI(t, "build", "-q", "--force", "-o", "out", demo)
	if code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	kept, _ := filepath.Glob("out.kept-*")
	if len(kept) != 1 {
		t.Fatalf("kept folders %v", kept)
	}
	if b, _ := os.ReadFile(filepath.Join(kept[0], "report.md")); string(b) != string(edited) {
		t.Error("the edited report was not kept byte for byte")
	}
	if b, _ := os.ReadFile(filepath.Join(kept[0], "site", "extra.css")); string(b) != "body{}" {
		t.Error("the user's site/extra.css was not kept")
	}
	if b, _ := os.ReadFile("out/report.md"); string(b) != string(fresh) {
		t.Error("out/report.md is not the new build's")
	}
	for _, want := range []string{
		"aiready: out/report.md: changed since aiready wrote it; kept as " + filepath.Join(kept[0], "report.md") + "\n",
		"aiready: out/site/extra.css: not written by aiready; kept as " + filepath.Join(kept[0], "site", "extra.css") + "\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	if left, _ := filepath.Glob(".out.tmp-*"); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
	if code, _, stderr := runCLI(t, "build", "-q", "-o", "out", demo); code != 0 || stderr != "" {
		t.Errorf("the build after: exit %d, %q", code, stderr)
	}
}

// TestForceIntoUserFolder: --force into a folder of the user's writes
// beside the user's files, leaves no temporary folder, and every later
// build (with or without --force) replaces aiready's files and only them.
func TestForceIntoUserFolder(t *testing.T) {
	demo := demoAnswers(t)
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("mine/2025", 0o755)
	os.WriteFile("mine/thesis.docx", []byte("x"), 0o644)
	os.WriteFile("mine/2025/report.pdf", []byte("last year's"), 0o644)
	user := func() string {
		var b strings.Builder
		for _, f := range []string{"mine/thesis.docx", "mine/2025/report.pdf"} {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatalf("the user's %s: %v", f, err)
			}
			b.Write(data)
		}
		return b.String()
	}
	want := user()
	for i, args := range [][]string{{"--force"}, nil, {"--segment", "Role"}, {"--force", "--segment", "Team"}} {
		code, _, stderr := runCLI(t, append(append([]string{"build", "-q", "-o", "mine"}, args...), demo)...)
		if code != 0 || stderr != "" {
			t.Fatalf("build %d %v: exit %d, %q", i, args, code, stderr)
		}
		if user() != want {
			t.Fatalf("build %d changed the user's files", i)
		}
		if left, _ := filepath.Glob(".mine.tmp-*"); len(left) > 0 {
			t.Fatalf("build %d left temporary folders: %v", i, left)
		}
		if kept, _ := filepath.Glob("mine.kept-*"); len(kept) > 0 {
			t.Fatalf("build %d kept files aside: %v", i, kept)
		}
	}
	b, _ := os.ReadFile("mine/results.json")
	if !strings.Contains(string(b), `"Team"`) {
		t.Error("the last build's results are not in place")
	}
}

// TestHandEditedMarker: a marker of aiready's form to which a line was
// added by hand (with the file's true checksum) is no longer aiready's:
// the folder is refused, the listed file stays.
func TestHandEditedMarker(t *testing.T) {
	demo := demoAnswers(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := runCLI(t, "build", "-q", "-o", "out", demo); code != 0 {
		t.Fatal(stderr)
	}
	body := []byte("my own file")
	os.WriteFile("out/mine.txt", body, 0o644)
	sum := sha256.Sum256(body)
	f, _ := os.OpenFile("out/.aiready-output", os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("sha256 " + hex.EncodeToString(sum[:]) + " /mine.txt\n")
	f.Close()
	code, _, stderr := runCLI(t, "build", "-q", "-o", "out", demo)
	if code != exitData || !strings.Contains(stderr, "aiready: out: folder exists and was not written by aiready") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile("out/mine.txt"); string(b) != string(body) {
		t.Error("mine.txt is gone")
	}
}

// TestEarlierVersionFolder: an output folder of an aiready that kept no
// checksums cannot be checked for edits: it is refused, and --force keeps
// every file of it aside (the notes name three and count the rest).
func TestEarlierVersionFolder(t *testing.T) {
	demo := demoAnswers(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := runCLI(t, "build", "-q", "-o", "out", demo); code != 0 {
		t.Fatal(stderr)
	}
	// An earlier version's marker listed the files, without checksums.
	legacy := "This folder was written by aiready; it lists the files aiready wrote here.\n" +
		"aiready replaces them on the next build and never touches any other file.\n"
	filepath.WalkDir("out", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			legacy += "/" + filepath.ToSlash(strings.TrimPrefix(p, "out"+string(filepath.Separator))) + "\n"
		}
		return err
	})
	os.WriteFile("out/.aiready-output", []byte(legacy), 0o644)
	before := treeSum(t, "out")
	code, _, stderr := runCLI(t, "build", "-q", "-o", "out", demo)
	if code != exitData || !strings.HasPrefix(stderr, "aiready: out: was written by an earlier aiready, which kept no checksums") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "build", "-q", "--force", "-o", "out", demo)
	if code != 0 {
		t.Fatalf("--force: %s", stderr)
	}
	kept, _ := filepath.Glob("out.kept-*")
	if len(kept) != 1 {
		t.Fatalf("kept folders %v", kept)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 4 || !strings.HasSuffix(lines[3], fmt.Sprintf("more files kept aside, in %s", kept[0])) {
		t.Errorf("notes %q", lines)
	}
	os.WriteFile(filepath.Join(kept[0], ".aiready-output"), []byte(legacy), 0o644) // the old marker, removed as aiready's
	if treeSum(t, kept[0]) != before {
		t.Error("the kept folder is not the old output")
	}
	if code, _, stderr := runCLI(t, "build", "-q", "-o", "out", demo); code != 0 || stderr != "" {
		t.Errorf("the build after: exit %d, %q", code, stderr)
	}
}
