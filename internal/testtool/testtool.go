// Package testtool finds the programs that aiready's browser and document
// checks need but `go test` cannot bring (Chromium, Java, the npm packages
// pinned in site/testdata/browser), and records what a page must not do.
//
// Without a program a test skips and says what is missing; with
// AIREADY_REQUIRE_TOOLS=1, as in CI, it fails instead, so that a check
// never goes quiet by accident.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// Required tells whether the outside programs must be there
// (AIREADY_REQUIRE_TOOLS=1, as CI sets it) rather than skipped without.
func Required() bool { return os.Getenv("AIREADY_REQUIRE_TOOLS") == "1" }

// Missing skips t, or fails it under AIREADY_REQUIRE_TOOLS=1.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if Required() {
		t.Fatalf("AIREADY_REQUIRE_TOOLS=1 but "+format, args...)
	}
	t.Skipf("skipped: "+format, args...)
}

// Chromium finds the browser: $AIREADY_CHROMIUM, else Debian's chromium,
// else one on PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("AIREADY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, "no Chromium found (apt-get install chromium, or set AIREADY_CHROMIUM)")
	return ""
}

// Java finds the Java runtime that the Nu HTML checker runs on.
func Java(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("java")
	if err != nil {
		Missing(t, "no java on PATH (apt-get install default-jre-headless)")
	}
	return p
}

// NPMFile returns the absolute path of a file of an npm package installed
// in dir (site/testdata/browser, as seen from the test's package).
func NPMFile(t testing.TB, dir, pkg, file string) string {
	t.Helper()
	p := filepath.Join(dir, "node_modules", pkg, file)
	if _, err := os.Stat(p); err != nil {
		Missing(t, "%s is not installed: run `npm ci --ignore-scripts` in site/testdata/browser", pkg)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// Problems collects, from a tab's DevTools events, what a page must not
// do: console errors and warnings, exceptions, failed loads, and requests
// other than those Allow accepts (file: and data: URLs when Allow is nil).
type Problems struct {
	Allow func(url string) bool
	// IgnoreFailedLoads leaves out loads that fail, as a download from a
	// blob: URL does when the page saves a file.
	IgnoreFailedLoads bool

	mu   sync.Mutex
	list []string
}

func (p *Problems) add(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

// Listen is a chromedp listener (chromedp.WithListener(p.Listen)).
func (p *Problems) Listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			p.add("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		if d.Exception != nil && d.Exception.Description != "" {
			p.add("exception: %s %s", d.Text, d.Exception.Description)
		} else {
			p.add("exception: %s", d.Text)
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			p.add("console %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		if u := ev.Request.URL; !p.allowed(u) {
			p.add("network request: %s", u)
		}
	case *network.EventLoadingFailed:
		if p.IgnoreFailedLoads {
			return
		}
		p.add("failed request %s: %s %s", ev.RequestID, ev.ErrorText, ev.BlockedReason)
	}
}

func (p *Problems) allowed(u string) bool {
	if p.Allow != nil {
		return p.Allow(u)
	}
	return strings.HasPrefix(u, "file://") || strings.HasPrefix(u, "data:")
}

// List returns what was seen so far.
func (p *Problems) List() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.list...)
}
