package main

// The bad-input corpus: every case is a command line that must be refused
// cleanly. Cases live in testdata/bad as txtar files (small, reviewable),
// and the large or binary ones are generated at run time by badGenerated
// (bad_gen_test.go), so that no multi-megabyte file is committed.
//
// A txtar case's comment holds its directives, one per line:
//
//	args: validate rubric.toml      the command line ($REPO: the repository)
//	exit: 1                         the expected exit status
//	stderr: ^aiready: rubric\.toml:5:1: unknown key "colour"$
//	                                a regexp that some line of stderr matches
//	                                (repeatable; all must match)
//	stdout: REGEXP                  the same for stdout (accepted cases only)
//	stdin: FILE                     feed this file of the archive as stdin
//	env: NAME=VALUE                 set for the run
//	pending: REASON                 not implemented yet: a failure skips
//	bug: REASON                     a known bug: a failure skips
//
// Every case is run in-process, through run(), in a fresh folder holding
// the archive's files, and must:
//   - exit with the stated status (1 bad data, 2 bad usage);
//   - print errors only as "aiready: FILE[:LINE[:COL]]: message",
//     "aiready CMD: message" (usage) or "hint: ..." lines, with the
//     stated messages among them;
//   - never print a panic, a goroutine trace or a Go source position;
//   - print nothing on standard output when it fails;
//   - leave the folder byte for byte as it was: a failed build writes no
//     output folder, no temporary folder, and leaves an old output alone;
//   - leave no temporary file behind (TMPDIR is a fresh folder);
//   - stay within the memory bounds (memBound).
//
// Run with -bugs to make pending and bug cases fail instead of skip.

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/metrics"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

var strictBugs = flag.Bool("bugs", false, "fail, instead of skip, the bad-input cases marked pending: or bug:")

// badCase is one command line that must be refused cleanly (or, for the
// few hostile but valid inputs, accepted).
type badCase struct {
	name    string
	args    []string
	exit    int
	stderr  []string // regexps, each matching some line
	stdout  []string
	stdin   string // name of a file of the case
	env     map[string]string
	pending string // "pending: " or "bug: " and the reason
	skipped bool   // set when a pending case failed as expected
	// files are written into the case's folder: name → content. A nil
	// content with a non-nil gen makes the file at run time.
	files map[string][]byte
	gen   map[string]func(path string) error
	// maxAlloc overrides memBound.totalAlloc for a case that must read a
	// large input (a generated 16 MB file is read whole, say).
	maxAlloc uint64
	timeout  time.Duration
}

// memBound: what a refused input may cost. totalAlloc is every byte
// allocated during the run; live is what may stay reachable after it.
var memBound = struct{ totalAlloc, live uint64 }{1 << 30, 64 << 20}

// errLine is the one-line error format of the CLI: a file (or "-"), an
// optional line and column, and a message.
var (
	errLine   = regexp.MustCompile(`^aiready: [^\n]*?[^ ](:\d+(:\d+)?)?: \S.*$`)
	usageLine = regexp.MustCompile(`^aiready( [a-z]+)?: \S.*$`)
	crashRE   = regexp.MustCompile(`panic|goroutine \d|runtime\.|\.go:\d+|fatal error`)
)

func loadTxtarCases(t *testing.T, root string) []*badCase {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []*badCase
	for _, f := range files {
		a, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := &badCase{name: strings.TrimSuffix(filepath.Base(f), ".txtar"), exit: -1, files: map[string][]byte{}, env: map[string]string{}}
		for _, line := range strings.Split(string(a.Comment), "\n") {
			key, val, ok := strings.Cut(line, ":")
			val = strings.TrimSpace(val)
			if !ok || strings.HasPrefix(line, "#") {
				continue
			}
			switch key {
			case "args":
				c.args = strings.Fields(strings.ReplaceAll(val, "$REPO", root))
			case "exit":
				fmt.Sscan(val, &c.exit)
			case "stderr":
				c.stderr = append(c.stderr, val)
			case "stdout":
				c.stdout = append(c.stdout, val)
			case "stdin":
				c.stdin = val
			case "env":
				k, v, _ := strings.Cut(val, "=")
				c.env[k] = v
			case "pending", "bug":
				c.pending = key + ": " + val
			default:
				t.Fatalf("%s: unknown directive %q", f, key)
			}
		}
		if c.args == nil || c.exit < 0 {
			t.Fatalf("%s: needs args: and exit:", f)
		}
		for _, af := range a.Files {
			c.files[af.Name] = af.Data
		}
		cases = append(cases, c)
	}
	return cases
}

// TestBadInputs runs the whole corpus and prints how many cases were tried.
func TestBadInputs(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cases := append(loadTxtarCases(t, root), badGenerated(root)...)
	if len(cases) < 60 {
		t.Errorf("only %d cases; the corpus promises at least 60", len(cases))
	}
	stop := watchHeap(t, 4<<30)
	defer stop()
	var rejected, accepted, skipped int
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("two cases named %s", c.name)
		}
		seen[c.name] = true
		ok := t.Run(c.name, func(t *testing.T) {
			runBadCase(t, c)
		})
		switch {
		case !ok:
		case c.skipped:
			skipped++
		case c.exit == 0:
			accepted++
		default:
			rejected++
		}
	}
	if t.Failed() {
		return
	}
	// The figure docs/reliability.md quotes.
	figure("bad-input corpus: %d cases, all rejected cleanly\n", rejected)
	figure("bad-input corpus: %d hostile but valid inputs accepted within bounds; %d known failures skipped (pending: or bug:, see docs/reliability.md)\n", accepted, skipped)
}

func runBadCase(t *testing.T, c *badCase) {
	dir := t.TempDir()
	work := filepath.Join(dir, "case")
	tmp := filepath.Join(dir, "tmp")
	for _, d := range []string{work, tmp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range c.files {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, gen := range c.gen {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := gen(p); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(work)
	t.Setenv("TMPDIR", tmp)
	t.Setenv("SOURCE_DATE_EPOCH", "")
	for k, v := range c.env {
		t.Setenv(k, v)
	}
	var stdin io.Reader = strings.NewReader("")
	if c.stdin != "" {
		f, err := os.Open(c.stdin)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		stdin = f
	}
	before := treeSum(t, work)

	res := runMeasured(t, c.args, stdin, c.timeout)

	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if res.panicked != nil {
		fail("panicked: %v", res.panicked)
	}
	if res.code != c.exit {
		fail("exit %d, want %d", res.code, c.exit)
	}
	all := res.stdout + res.stderr
	if crashRE.MatchString(all) {
		fail("output looks like a crash: %q", clip(crashRE.FindString(all)))
	}
	if i := termControl(all); i >= 0 {
		fail("printed a control character, which a terminal acts on: %q", clip(all[max(0, i-20):min(len(all), i+20)]))
	}
	lines := strings.Split(strings.TrimRight(res.stderr, "\n"), "\n")
	if res.stderr == "" {
		lines = nil
	}
	if c.exit != 0 && len(lines) == 0 {
		fail("refused without a word on stderr")
	}
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "hint: "):
		case c.exit == exitUsage && usageLine.MatchString(l):
		case errLine.MatchString(l):
		default:
			fail("stderr line is not \"aiready: FILE:LINE:COL: message\": %q", clip(l))
		}
		if len(l) > 4096 {
			fail("stderr line of %d bytes", len(l))
		}
	}
	for _, re := range c.stderr {
		if !matchLine(re, lines) {
			fail("no stderr line matches %s", re)
		}
	}
	for _, re := range c.stdout {
		if !matchLine(re, strings.Split(res.stdout, "\n")) {
			fail("no stdout line matches %s", re)
		}
	}
	if c.exit != 0 && res.stdout != "" {
		fail("wrote to stdout although it failed: %q", clip(res.stdout))
	}
	if c.exit != 0 {
		if after := treeSum(t, work); after != before {
			fail("changed its folder although it failed:\n%s", diffTrees(before, after))
		}
	}
	if left := treeSum(t, tmp); left != "" {
		fail("left temporary files behind:\n%s", left)
	}
	maxAlloc := memBound.totalAlloc
	if c.maxAlloc > 0 {
		maxAlloc = c.maxAlloc
	}
	if res.alloc > maxAlloc {
		fail("allocated %d MiB, bound %d MiB", res.alloc>>20, maxAlloc>>20)
	}
	if res.live > memBound.live {
		fail("%d MiB still live after the run, bound %d MiB", res.live>>20, memBound.live>>20)
	}
	if len(problems) == 0 {
		if c.pending != "" {
			t.Logf("passes now: remove %q from %s", c.pending, c.name)
		}
		t.Logf("exit %d in %v, %d MiB allocated; stderr: %s", res.code, res.took.Round(time.Millisecond), res.alloc>>20, clip(res.stderr))
		return
	}
	msg := fmt.Sprintf("aiready %s\n  %s\nstderr:\n%s", strings.Join(clipArgs(c.args), " "), strings.Join(problems, "\n  "), clip(res.stderr))
	if c.pending != "" && !*strictBugs {
		c.skipped = true
		t.Skipf("%s\n(fails as expected; run with -bugs to make it fail)\n%s", c.pending, msg)
	}
	t.Error(msg)
}

func matchLine(re string, lines []string) bool {
	rx := regexp.MustCompile(re)
	for _, l := range lines {
		if rx.MatchString(l) {
			return true
		}
	}
	return false
}

type runResult struct {
	code           int
	stdout, stderr string
	panicked       any
	alloc, live    uint64
	took           time.Duration
}

// runMeasured runs the CLI in-process and measures what it allocated, and
// what it left reachable once it returned.
func runMeasured(t *testing.T, args []string, stdin io.Reader, timeout time.Duration) runResult {
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	var res runResult
	var out, errb bytes.Buffer
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { res.panicked = recover() }()
		res.code = run(args, stdin, &out, &errb)
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		t.Fatalf("still running after %v: aiready %s", timeout, strings.Join(clipArgs(args), " "))
	}
	res.took = time.Since(start)
	res.stdout, res.stderr = out.String(), errb.String()
	out.Reset()
	errb.Reset()
	runtime.ReadMemStats(&m1)
	res.alloc = m1.TotalAlloc - m0.TotalAlloc
	runtime.GC()
	runtime.ReadMemStats(&m1)
	if m1.HeapAlloc > m0.HeapAlloc {
		res.live = m1.HeapAlloc - m0.HeapAlloc
	}
	return res
}

// watchHeap stops the test binary if the live heap passes limit: an
// in-process run that runs away must not take the machine down with it.
func watchHeap(t *testing.T, limit uint64) (stop func()) {
	var done atomic.Bool
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for !done.Load() {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > limit {
				fmt.Fprintf(os.Stderr, "FAIL: a bad-input case holds %d MiB of heap (limit %d MiB); stopping\n", v>>20, limit>>20)
				os.Exit(3)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	return func() { done.Store(true) }
}

// treeSum describes every file and folder under dir with its mode and
// the sha256 of its bytes, one per line, sorted.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == "." {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		line := fmt.Sprintf("%s %v", filepath.ToSlash(rel), info.Mode())
		if info.Mode().IsRegular() {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			h := sha256.New()
			_, err = io.Copy(h, f)
			f.Close()
			if err != nil {
				return err
			}
			line += fmt.Sprintf(" %x", h.Sum(nil)[:8])
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func diffTrees(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var d []string
	for l := range ma {
		if !mb[l] && l != "" {
			d = append(d, "- "+l)
		}
	}
	for l := range mb {
		if !ma[l] && l != "" {
			d = append(d, "+ "+l)
		}
	}
	sort.Strings(d)
	return strings.Join(d, "\n")
}

func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}

func clipArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = clip(a)
	}
	return out
}

// figure prints one of the figures the README's "Reliability" section
// states, and adds it to the file $AIREADY_FIGURES names, so that CI can
// show them after a plain `go test ./...`, which keeps a passing test's
// output to itself.
func figure(format string, args ...any) {
	line := fmt.Sprintf(format, args...)
	fmt.Print(line)
	if path := os.Getenv("AIREADY_FIGURES"); path != "" {
		if f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			_, _ = f.WriteString(line)
			_ = f.Close()
		}
	}
}
