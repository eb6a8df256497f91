package main

// Faults: a build killed at random moments, an unwritable folder, a full
// disk, output folders that are not aiready's, odd paths and pipes. These
// run the real binary where a process must die or a real pipe is needed.

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// aireadyBinary builds the command into the test's temporary folder.
func aireadyBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to build the binary with")
	}
	bin := filepath.Join(t.TempDir(), "aiready")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func demoAnswers(t *testing.T) string {
	p, err := filepath.Abs("../../rubrics/demo/people-first-demo.csv")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestKillDuringBuild kills builds at random moments: the output folder is
// always the old output or the new one, byte for byte, never a mix; and
// the next build succeeds and clears what the killed ones left behind.
func TestKillDuringBuild(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL and atomic exchange: Unix")
	}
	bin := aireadyBinary(t)
	dir := t.TempDir()
	demo := demoAnswers(t)
	// Two different builds: A (one segment) and B (two segments).
	argsA := []string{"build", "-q", "--segment", "Role", demo}
	argsB := []string{"build", "-q", "--segment", "Role", "--segment", "Team", demo}
	env := append(os.Environ(), "SOURCE_DATE_EPOCH=1763596800")
	build := func(args []string, out string) *exec.Cmd {
		cmd := exec.Command(bin, append(args[:1:1], append([]string{"-o", out}, args[1:]...)...)...)
		cmd.Dir, cmd.Env = dir, env
		return cmd
	}
	refA, refB := filepath.Join(dir, "refA"), filepath.Join(dir, "refB")
	var took []time.Duration
	for _, r := range []struct {
		args []string
		out  string
	}{{argsA, refA}, {argsB, refB}, {argsA, "out"}} {
		start := time.Now()
		if out, err := build(r.args, r.out).CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		took = append(took, time.Since(start))
	}
	sumA, sumB := treeSum(t, refA), treeSum(t, refB)
	if sumA == sumB {
		t.Fatal("builds A and B give the same output; the test could not tell them apart")
	}
	// Kill anywhere in a build's life: up to a little past its length.
	span := 2 * slices.Max(took)
	iterations := 40
	if testing.Short() {
		iterations = 10
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var killed, finished, sawA, sawB int
	out := filepath.Join(dir, "out")
	for i := range iterations {
		args := argsA
		if i%2 == 0 {
			args = argsB
		}
		delay := time.Duration(rng.Int64N(int64(span)))
		cmd := build(args, "out")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signaled() {
			killed++
		} else if err != nil {
			t.Fatalf("iteration %d: build failed on its own: %v\n%s", i, err, stderr.String())
		} else {
			finished++
		}
		switch treeSum(t, out) {
		case sumA:
			sawA++
		case sumB:
			sawB++
		default:
			t.Fatalf("iteration %d (killed after %v): the output folder is neither the old output nor the new one:\nA vs now:\n%s\nB vs now:\n%s",
				i, delay, diffTrees(sumA, treeSum(t, out)), diffTrees(sumB, treeSum(t, out)))
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".out.tmp-*"))
	t.Logf("%d builds: %d killed (after 0-%v), %d finished; the folder held output A %d times and B %d times; %d temporary folders left behind",
		iterations, killed, span, finished, sawA, sawB, len(leftovers))
	// The next build succeeds and removes what the killed ones left.
	if out, err := build(argsB, "out").CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, out)
	}
	if treeSum(t, out) != sumB {
		t.Fatal("the build after the kills did not write output B")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".out.tmp-*")); len(left) > 0 {
		t.Errorf("temporary folders left after a good build: %v", left)
	}
	figure("faults: %d builds killed at random moments (%d finished first); output always whole, old or new\n", killed, finished)
}

// TestUnwritableFolder: a build into a folder it cannot write gives one
// clear line and leaves the old output alone. As root, permissions do not
// stop a write, so the folder is a tmpfs remounted read-only; without
// root, chmod 0555 does it.
func TestUnwritableFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	dir := t.TempDir()
	parent := filepath.Join(dir, "ro")
	if err := os.Mkdir(parent, 0o755); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", parent).Run(); err != nil {
			t.Skipf("root, but cannot mount a tmpfs to make read-only (%v)", err)
		}
		t.Cleanup(func() { _ = exec.Command("umount", parent).Run() })
	}
	out := filepath.Join(parent, "out")
	code, _, stderr := runCLI(t, "build", "-q", "-o", out, demoAnswers(t))
	if code != 0 {
		t.Fatalf("first build: %s", stderr)
	}
	before := treeSum(t, parent)
	if os.Geteuid() == 0 {
		if msg, err := exec.Command("mount", "-o", "remount,ro", parent).CombinedOutput(); err != nil {
			t.Skipf("cannot remount read-only: %v %s", err, msg)
		}
	} else {
		if err := os.Chmod(parent, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(parent, 0o755) })
	}
	code, stdout, stderr := runCLI(t, "build", "-q", "--segment", "Team", "-o", out, demoAnswers(t))
	if code != exitData || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	t.Logf("unwritable: %s", strings.TrimSpace(stderr))
	want := regexpLine(`^aiready: ` + regexpQuote(parent) + `: cannot write here: (read-only file system|permission denied)$`)
	if !want.MatchString(strings.TrimSpace(stderr)) {
		t.Errorf("stderr %q, want one line matching %s", stderr, want)
	}
	if treeSum(t, parent) != before {
		t.Error("the old output changed")
	}
}

// TestFullDisk: a build that runs out of room fails with one clear line,
// leaves the old output as it was and no temporary folder. It needs root
// to mount a small tmpfs (CI runs as root), and skips otherwise. 2 MiB
// holds one build (report.docx and its copy in site/ took it past 1).
func TestFullDisk(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("tmpfs: Linux")
	}
	dir := t.TempDir()
	disk := filepath.Join(dir, "disk")
	if err := os.Mkdir(disk, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk).Run(); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root): %v", err)
	}
	t.Cleanup(func() { _ = exec.Command("umount", disk).Run() })
	out := filepath.Join(disk, "out")
	if code, _, stderr := runCLI(t, "build", "-q", "-o", out, demoAnswers(t)); code != 0 {
		t.Fatalf("first build: %s", stderr)
	}
	// Fill the disk to the last block.
	f, err := os.Create(filepath.Join(disk, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	f.Close()
	before := treeSum(t, disk)
	code, stdout, stderr := runCLI(t, "build", "-q", "--segment", "Team", "-o", out, demoAnswers(t))
	if code != exitData || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	t.Logf("full disk: %s", strings.TrimSpace(stderr))
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "aiready: "+disk) || !strings.Contains(lines[0], "no space left on device") {
		t.Errorf("stderr %q, want one line naming the folder and saying the disk is full", stderr)
	}
	if after := treeSum(t, disk); after != before {
		t.Errorf("the full disk changed:\n%s", diffTrees(before, after))
	}
}

// TestOutputFolderOwnership extends build.txtar: folders that aiready did
// not create are refused, whatever they hold, and --force never replaces
// a file of the user's.
func TestOutputFolderOwnership(t *testing.T) {
	demo := demoAnswers(t)
	for _, tc := range []struct {
		name  string
		setup map[string]string // files of the user's under out
		args  []string
		want  string
	}{
		{"hidden file only", map[string]string{".git/HEAD": "ref"}, nil, `folder exists and was not written by aiready`},
		{"nested folders", map[string]string{"2025/report.pdf": "pdf", "2025/notes/a.md": "a"}, nil, `folder exists and was not written by aiready`},
		{"user file named like an output, with --force", map[string]string{"results.json": "{\"mine\": 1}"}, []string{"--force"}, `already holds results\.json; refusing to overwrite files that aiready did not write`},
		{"a forged marker does not make user files ours", map[string]string{".aiready-output": "/.aiready-output\n", "thesis.docx": "x"}, nil, `folder exists and was not written by aiready`},
		{"the current folder", map[string]string{"a.csv": "x"}, []string{"-o", "."}, `^aiready: \.: folder exists and was not written by aiready`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			out := "out"
			for name, body := range tc.setup {
				p := filepath.Join(out, name)
				if slices.Contains(tc.args, ".") {
					p = name
				}
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := treeSum(t, dir)
			args := append([]string{"build", "-q", "-o", out}, tc.args...)
			code, stdout, stderr := runCLI(t, append(args, demo)...)
			if code != exitData || stdout != "" || !regexpLine(tc.want).MatchString(stderr) {
				t.Errorf("exit %d, stderr %q; want exit 1 and %s", code, stderr, tc.want)
			}
			if treeSum(t, dir) != before {
				t.Error("the user's folder changed")
			}
		})
	}
}

// TestOddPaths: spaces, Unicode and (on Windows) backslashes in every
// path a build touches.
func TestOddPaths(t *testing.T) {
	demo := demoAnswers(t)
	dir := t.TempDir()
	t.Chdir(dir)
	in := filepath.Join("Kunde Müller & Söhne", "Umfrage 2026 – Führung ✓", "Antworten (final) ü.csv")
	data, err := os.ReadFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join("Kunde Müller & Söhne", "Ergebnis – 結果 ü")
	if runtime.GOOS == "windows" {
		in, out = strings.ReplaceAll(in, "/", `\`), strings.ReplaceAll(out, "/", `\`)
	}
	for range 2 { // the second build replaces the first
		code, stdout, stderr := runCLI(t, "build", "--segment", "Role", "-o", out, in)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "wrote "+out) {
			t.Errorf("stdout %q does not name the folder", stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "results.json")); err != nil {
		t.Fatal(err)
	}
	// A project in such a folder, with an input named relative to it.
	proj := filepath.Join(dir, "Projekt mit Leerzeichen ✓")
	os.MkdirAll(proj, 0o755)
	os.WriteFile(filepath.Join(proj, "assessment.toml"), []byte("inputs = [\"../"+filepath.ToSlash(in)+"\"]\nsegments = [\"Role\"]\nout = \"Ausgabe ü\"\ndate = 2026-11-20\n"), 0o644)
	if code, _, stderr := runCLI(t, "build", "-q", proj); code != 0 {
		t.Fatalf("project build: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join(proj, "Ausgabe ü", "results.json")); err != nil {
		t.Fatal(err)
	}
	// An error about such a path names it exactly, on one line.
	code, _, stderr := runCLI(t, "score", "Datei mit Leerzeichen – fehlt.csv")
	if code != exitData || stderr != "aiready: Datei mit Leerzeichen – fehlt.csv: no such file\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestPipe reads answers from a real pipe (cat file | aiready score -):
// CSV, native JSON and XLSX give what the same file gives.
func TestPipe(t *testing.T) {
	bin := aireadyBinary(t)
	dir := t.TempDir()
	demo := demoAnswers(t)
	xlsx := filepath.Join(dir, "a.xlsx")
	if err := os.WriteFile(xlsx, validXLSX(), 0o644); err != nil {
		t.Fatal(err)
	}
	js := filepath.Join(dir, "a.json")
	os.WriteFile(js, []byte(`{"respondents": [{"id": "r1", "attributes": {"Role": "Lead"}, "answers": {"s02": "Agree", "s03": 4}}]}`), 0o644)
	for _, file := range []string{demo, xlsx, js} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			direct, err := exec.Command(bin, "score", "-q", "--format", "json", "--segment", "Role", file).Output()
			if err != nil {
				t.Fatal(err)
			}
			// A pipe, written slowly in small pieces, as cat over a network share would.
			cmd := exec.Command(bin, "score", "-q", "--format", "json", "--segment", "Role", "-")
			pr, pw, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stdin = pr
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			pr.Close()
			data, _ := os.ReadFile(file)
			go func() {
				defer pw.Close()
				for len(data) > 0 {
					n := min(len(data), 1000)
					if _, err := pw.Write(data[:n]); err != nil {
						return
					}
					data = data[n:]
				}
			}()
			if err := cmd.Wait(); err != nil {
				t.Fatalf("%v: %s", err, stderr.String())
			}
			if !bytes.Equal(stdout.Bytes(), direct) {
				t.Errorf("from a pipe:\n%s\nfrom the file:\n%s", clip(stdout.String()), clip(string(direct)))
			}
		})
	}
	// A pipe that closes early (the writer died): a clean error, not a hang.
	cmd := exec.Command(bin, "score", "-")
	cmd.Stdin = io.LimitReader(strings.NewReader("Respondent,s02\nR1,\"Agr"), 20)
	outb, err := cmd.CombinedOutput()
	if err == nil || !strings.HasPrefix(string(outb), "aiready: stdin:2:4: unbalanced quote") {
		t.Errorf("truncated pipe: %v %q", err, outb)
	}
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func regexpLine(re string) *regexp.Regexp { return regexp.MustCompile("(?m)" + re) }

func regexpQuote(s string) string { return regexp.QuoteMeta(s) }
