package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// syncBuffer is a Buffer that serve's goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func serveEnv() (*env, *syncBuffer, *syncBuffer) {
	out, errb := &syncBuffer{}, &syncBuffer{}
	return &env{stdout: out, stderr: errb, getenv: os.Getenv}, out, errb
}

// startServe runs serve with args until the test ends; it returns the
// server once it listens.
func startServe(t *testing.T, args ...string) *server {
	t.Helper()
	var sf serveFlags
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	sf.add(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	e, out, errb := serveEnv()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan *server, 1)
	done := make(chan error, 1)
	go func() { done <- sf.serve(ctx, e, fs, fs.Args(), func(s *server) { ready <- s }) }()
	var s *server
	select {
	case s = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v\n%s", err, errb.String())
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		if _, err := os.Stat(s.root); !os.IsNotExist(err) {
			t.Errorf("temporary folder %s left behind: %v", s.root, err)
		}
		if t.Failed() {
			t.Logf("stdout:\n%s\nstderr:\n%s", out.String(), errb.String())
		}
	})
	return s
}

func get(t *testing.T, s *server, p string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + s.addr + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// waitFor polls until the page at p satisfies ok. The deadline is generous:
// it bounds a hang, it does not time the rebuild.
func waitFor(t *testing.T, s *server, p, what string, ok func(status int, body string) bool) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		status, body := get(t, s, p)
		if ok(status, body) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: still %d %.300s", what, status, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func writeProject(t *testing.T, title string) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{"../../rubrics/people-first.toml": "rubric.toml", "../../rubrics/demo/people-first-demo.csv": "answers.csv"} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeTitle(t, dir, title)
	return dir
}

func writeTitle(t *testing.T, dir, title string) {
	t.Helper()
	toml := "title = \"" + title + "\"\nrubric = \"rubric.toml\"\ninputs = [\"answers.csv\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "assessment.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeProject: serve answers on loopback with the bytes build writes,
// rebuilds after a change, shows a broken rubric's error in the page and
// recovers once it is fixed, and never writes into the project.
func TestServeProject(t *testing.T) {
	// The same date for serve and build, so that their bytes can match.
	t.Setenv("SOURCE_DATE_EPOCH", "1763596800")
	dir := writeProject(t, "Serve test one")
	s := startServe(t, dir)
	if host, _, _ := net.SplitHostPort(s.addr); host != "127.0.0.1" {
		t.Fatalf("listens on %s, want 127.0.0.1", s.addr)
	}
	status, index := get(t, s, "/")
	if status != 200 || !strings.Contains(index, "Serve test one") {
		t.Fatalf("GET / = %d %.200s", status, index)
	}

	// The served site is byte for byte what build writes.
	ref := filepath.Join(t.TempDir(), "ref")
	var bout, berr bytes.Buffer
	if code := run([]string{"build", "-q", "-o", ref, dir}, nil, &bout, &berr); code != 0 {
		t.Fatalf("build: %s", berr.String())
	}
	for _, p := range []string{"index.html", "methodology.html", "dimension-service.html"} {
		want, err := os.ReadFile(filepath.Join(ref, "site", p))
		if err != nil {
			t.Fatal(err)
		}
		if _, got := get(t, s, "/"+p); got != string(want) {
			t.Errorf("served %s differs from the built one", p)
		}
	}
	for _, p := range []string{"report.pdf", "report.md", "results.json"} {
		want, _ := os.ReadFile(filepath.Join(ref, p))
		if _, got := get(t, s, "/"+p); got != string(want) {
			t.Errorf("served %s differs from the built one", p)
		}
	}

	// A page that names another host (DNS rebinding) gets nothing.
	req, _ := http.NewRequest("GET", "http://"+s.addr+"/", nil)
	req.Host = "attacker.example"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: %v %v", resp, err)
	}

	writeTitle(t, dir, "Serve test two")
	waitFor(t, s, "/", "the new title", func(st int, b string) bool { return st == 200 && strings.Contains(b, "Serve test two") })

	rubric := filepath.Join(dir, "rubric.toml")
	good, _ := os.ReadFile(rubric)
	broken := bytes.Replace(good, []byte(`scale = "agree5"`), []byte(`scale = "<b>agree7</b>"`), 1)
	if err := os.WriteFile(rubric, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	page := waitFor(t, s, "/dimension-service.html", "the error page", func(st int, b string) bool { return st == 500 })
	// The line of the first scale = "agree5", which the break replaced.
	line := bytes.Count(good[:bytes.Index(good, []byte(`scale = "agree5"`))], []byte("\n")) + 1
	for _, want := range []string{"aiready: " + rubric + ":" + strconv.Itoa(line) + ":", "unknown scale &#34;&lt;b&gt;agree7&lt;/b&gt;&#34;", "The build failed"} {
		if !strings.Contains(page, want) {
			t.Errorf("error page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "<b>agree7") {
		t.Error("error page does not escape the message")
	}

	if err := os.WriteFile(rubric, good, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s, "/", "recovery", func(st int, b string) bool { return st == 200 && strings.Contains(b, "Serve test two") })

	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("serve wrote into the project's out folder: %v", err)
	}
}

// TestServeAnswers serves answer files given instead of a project and
// rebuilds when one of them changes.
func TestServeAnswers(t *testing.T) {
	dir := writeProject(t, "unused")
	csv := filepath.Join(dir, "answers.csv")
	s := startServe(t, "--client", "Answers Ltd", csv)
	waitFor(t, s, "/", "the first build", func(st int, b string) bool {
		return st == 200 && strings.Contains(b, `<span class="fact-num">150</span>`)
	})
	data, _ := os.ReadFile(csv)
	lines := strings.SplitAfter(string(data), "\n")
	if err := os.WriteFile(csv, []byte(strings.Join(lines[:101], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	// Cut at a line end: rows with quoted new lines may make fewer rows.
	waitFor(t, s, "/", "fewer respondents", func(st int, b string) bool {
		return st == 200 && strings.Contains(b, `<span class="fact-label">respondents</span>`) &&
			!strings.Contains(b, `<span class="fact-num">150</span> <span class="fact-label">respondents</span>`)
	})
}

// TestServeTrend: serve rebuilds when an earlier assessment it compares
// with changes, though it lies outside the project's folder: a previous
// assessment named by --previous, and history in assessment.toml.
func TestServeTrend(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "") // the earlier builds bear their --date
	dir := writeProject(t, "Trend")
	// Two earlier assessments, each in a folder of its own.
	earlier := func(date string) string {
		out := filepath.Join(t.TempDir(), "out")
		var bout, berr bytes.Buffer
		if code := run([]string{"build", "-q", "--date", date, "-o", out, dir}, nil, &bout, &berr); code != 0 {
			t.Fatalf("build: %s", berr.String())
		}
		return filepath.Join(out, "results.json")
	}
	prev, hist := earlier("2025-05-20"), earlier("2024-11-20")
	t.Setenv("SOURCE_DATE_EPOCH", "1763596800") // 20 November 2025
	toml := "title = \"Trend\"\nrubric = \"rubric.toml\"\ninputs = [\"answers.csv\"]\nhistory = [" + strconv.Quote(hist) + "]\n"
	if err := os.WriteFile(filepath.Join(dir, "assessment.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, "--previous", prev, dir)
	waitFor(t, s, "/results.json", "the comparison with 2025-05-20", func(st int, b string) bool {
		return st == 200 && strings.Contains(b, `"date": "2025-05-20"`)
	})
	waitFor(t, s, "/", "the history of 2024-11-20", func(st int, b string) bool {
		return st == 200 && strings.Contains(b, "20 November 2024")
	})

	redate := func(file, from, to string) {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, bytes.Replace(b, []byte(`"date": "`+from+`"`), []byte(`"date": "`+to+`"`), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The previous assessment changes: the comparison follows.
	redate(prev, "2025-05-20", "2025-06-01")
	waitFor(t, s, "/results.json", "the previous assessment's new date", func(st int, b string) bool {
		return st == 200 && strings.Contains(b, `"date": "2025-06-01"`)
	})
	// So does the trend when a history file changes.
	redate(hist, "2024-11-20", "2024-10-01")
	waitFor(t, s, "/", "the history file's new date", func(st int, b string) bool {
		return st == 200 && strings.Contains(b, "1 October 2024") && !strings.Contains(b, "20 November 2024")
	})
}
