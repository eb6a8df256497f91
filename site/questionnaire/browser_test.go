package questionnaire

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// session is one Chromium for all the browser checks: starting it is the
// slow part, so every check opens its own tab in it.
type session struct {
	ctx       context.Context
	axe       string
	dir       string        // pages and downloads
	downloads chan download // completed downloads
}

type download struct{ file, suggested string }

func newSession(t *testing.T) *session {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts Chromium")
	}
	bin := chromium(t)
	axe, err := os.ReadFile(npmFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	s := startSession(t, bin)
	s.axe = string(axe)
	return s
}

// startSession starts Chromium for checks that need no axe-core.
func startSession(t *testing.T, bin string) *session {
	s := &session{dir: t.TempDir(), downloads: make(chan download, 64)}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(s.dir, "profile")),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	s.ctx, cancel = chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(s.ctx); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	// "Save my answers" downloads into a folder of the test, each file
	// named by its download id; the page's suggested name is kept too.
	var mu sync.Mutex
	names := map[string]string{}
	if err := chromedp.ListenBrowser(s.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *browser.EventDownloadWillBegin:
			mu.Lock()
			names[ev.GUID] = ev.SuggestedFilename
			mu.Unlock()
		case *browser.EventDownloadProgress:
			if ev.State == browser.DownloadProgressStateCompleted {
				mu.Lock()
				s.downloads <- download{filepath.Join(s.dir, "downloads", ev.GUID), names[ev.GUID]}
				mu.Unlock()
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	yes := true
	if _, err := chromedp.CallBrowser(s.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: filepath.Join(s.dir, "downloads"), EventsEnabled: &yes,
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// page writes a questionnaire into the session's folder and opens it in a
// new tab from file://, watching for what the page must never do.
func (s *session) page(t *testing.T, name, rubric string, opt Options) *tab {
	file := filepath.Join(s.dir, name+".html")
	if err := os.WriteFile(file, []byte(writePage(t, rubric, opt)), 0o644); err != nil {
		t.Fatal(err)
	}
	tb := &tab{t: t, file: file}
	// The page itself, and the blob: of a saved file, and nothing else.
	tb.pr.Allow = func(u string) bool { return u == "file://"+file || strings.HasPrefix(u, "blob:") }
	tb.pr.IgnoreFailedLoads = true
	var cancel context.CancelFunc
	tb.ctx, cancel = chromedp.NewContext(s.ctx, chromedp.WithListener(tb.pr.Listen))
	t.Cleanup(func() { cancel(); tb.check() })
	tb.do(chromedp.Navigate("file://"+file), chromedp.WaitReady(chromedp.CSS("html[data-ready]")))
	var err error
	if tb.model, err = chromedp.Run(tb.ctx, chromedp.Evaluate[*model](`JSON.parse(document.getElementById("qn-data").textContent)`)); err != nil {
		t.Fatal(err)
	}
	return tb
}

// tab is one open questionnaire and the problems seen on it.
type tab struct {
	t     *testing.T
	ctx   context.Context
	file  string
	model *model
	pr    testtool.Problems
}

func (tb *tab) check() {
	for _, p := range tb.pr.List() {
		tb.t.Errorf("%s: %s", filepath.Base(tb.file), p)
	}
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.t.Fatalf("%v\n%s", err, js)
	}
	return v
}

const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({
	id: v.id, impact: v.impact, help: v.help,
	nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))}))))`

// axe runs axe-core (injected through DevTools: the page's CSP admits no
// other script) and reports every violation. It also checks that nothing
// is wider than the screen.
func (tb *tab) axe(s *session, when string) {
	tb.t.Helper()
	if eval[bool](tb, `typeof axe === "undefined"`) {
		tb.do(chromedp.Evaluate[chromedp.Void](s.axe))
	}
	res, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("running axe-core: %v", err)
	}
	var vs []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	if err := json.Unmarshal([]byte(res), &vs); err != nil {
		tb.t.Fatal(err)
	}
	for _, v := range vs {
		tb.t.Errorf("axe %s: %s (%s): %s\n\t%s", when, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
	if wide := eval[int](tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); wide > 0 {
		tb.t.Errorf("%s: the page is %d px wider than the screen", when, wide)
	}
}

// viewport sets the tab's width; a phone is 375 pixels.
func (tb *tab) viewport(w int64) {
	var vp []chromedp.EmulateViewportOption
	if w < 800 {
		vp = append(vp, chromedp.EmulateMobile)
	}
	tb.do(chromedp.EmulateViewport(w, 900, vp...))
}

func (tb *tab) screenshot(name string) {
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatal(err)
	}
	dir := os.Getenv("AIREADY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "aiready-artifacts")
	}
	dir = filepath.Join(dir, "questionnaire")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		_ = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
}

// waitDownload returns the next saved file's bytes and suggested name.
func (s *session) waitDownload(t *testing.T) ([]byte, string) {
	t.Helper()
	select {
	case d := <-s.downloads:
		b, err := os.ReadFile(d.file)
		if err != nil {
			t.Fatal(err)
		}
		return b, d.suggested
	case <-time.After(20 * time.Second):
		t.Fatal("no download within 20 s of clicking Save")
	}
	return nil, ""
}

// sameJSON compares two JSON documents by value, not by layout.
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return bytes.Equal(xa, ya)
}
