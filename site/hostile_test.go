package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// hostile is what a rubric author, a consultant's note or a respondent's
// free text might hold to run code in a reader's browser. Every payload
// would set window.__pwned if it ran.
const hostile = `<script>window.__pwned="script"</script>` +
	` <svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>` +
	` <img src=x onerror="window.__pwned='img'">` +
	` [a link](javascript:window.__pwned='md-link')` +
	` <a href="javascript:window.__pwned='a'">an anchor</a>` +
	` <iframe src="javascript:parent.__pwned='iframe'"></iframe>` +
	` <style>body{background:url(https://example.com/x.png)}</style>` +
	` ![img](https://example.com/track.png)`

// watchScript is added by the browser before any of the page's own code
// can run, and outside the page's Content-Security-Policy: it records
// every violation of that policy and every attempt that got through.
const watchScript = `window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
	window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || "")));`

// TestHostileContent builds the small assessment with hostile Markdown and
// HTML in the rubric's descriptions and recommendation bodies, a note and
// a free-text answer, opens every page in Chromium from file:// with a
// securitypolicyviolation listener, and checks that nothing ran, nothing
// was even blocked (the markup never reached the page), and no link leads
// to javascript:.
func TestHostileContent(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts Chromium")
	}
	bin := chromium(t)
	data, err := os.ReadFile(filepath.Join("testdata", "small.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// Into the rubric description, a dimension description, a level
	// description and a recommendation body (each a TOML basic string or
	// multi-line string: the payload has no backslash or triple quote).
	for _, at := range []string{"A rubric for tests.", "Little is in place.", "Ask for last quarter's figures"} {
		if !bytes.Contains(data, []byte(at)) {
			t.Fatalf("small.toml no longer holds %q", at)
		}
		data = bytes.Replace(data, []byte(at), []byte(at+" "+strings.ReplaceAll(hostile, `"`, `'`)), 1)
	}
	rep := smallReportOf(t, data, []assess.Note{{Dimension: "service", Body: hostile}}, "")
	dir := build(t, rep, Options{})
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	sort.Strings(files)
	if len(files) < 5 {
		t.Fatalf("only %d pages", len(files))
	}

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()))...)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	type verdict struct {
		Pwned      any      `json:"pwned"`
		Violations []string `json:"violations"`
		JSLinks    int      `json:"jsLinks"`
		Active     int      `json:"active"`
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			var pr testtool.Problems
			ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithListener(pr.Listen))
			defer cancel()
			ctx, cancelT := context.WithTimeout(ctx, time.Minute)
			defer cancelT()
			err := chromedp.Do(ctx,
				chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
					_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: watchScript})
					return err
				}),
				chromedp.Navigate("file://"+file),
				// Let an onload or onerror handler have its chance.
				chromedp.Sleep(100*time.Millisecond),
			)
			if err != nil {
				t.Fatal(err)
			}
			v, err := chromedp.Run(ctx, chromedp.Evaluate[verdict](`({
					pwned: window.__pwned === undefined ? null : String(window.__pwned),
					violations: window.__violations,
					jsLinks: [...document.querySelectorAll("[href],[src],[action]")].filter(e =>
						/^\s*javascript:/i.test(e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action"))).length,
					active: document.querySelectorAll("script, iframe, object, embed, svg [onload], img[onerror]").length
						+ [...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length,
				})`))
			if err != nil {
				t.Fatal(err)
			}
			if v.Pwned != nil {
				t.Errorf("hostile content ran: window.__pwned = %v", v.Pwned)
			}
			if len(v.Violations) > 0 {
				t.Errorf("the Content-Security-Policy had to block %d things (hostile markup reached the page): %s", len(v.Violations), strings.Join(v.Violations, "; "))
			}
			if v.JSLinks > 0 {
				t.Errorf("%d javascript: links on the page", v.JSLinks)
			}
			if v.Active > 0 {
				t.Errorf("%d script, frame or event-handler elements on the page", v.Active)
			}
			for _, p := range pr.List() {
				t.Error(p)
			}
		})
	}
}
