package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The browser and HTML checks need programs that `go test` cannot bring:
// Chromium, Java, and the npm packages pinned in testdata/browser
// (installed with `npm ci --ignore-scripts` there). Without them a test
// skips and says what is missing; with AIREADY_REQUIRE_TOOLS=1, as in CI,
// it fails instead, so that a check never goes quiet by accident.

// toolsDir holds package.json and the node_modules of the checks.
const toolsDir = "testdata/browser"

func missingTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("AIREADY_REQUIRE_TOOLS") == "1" {
		t.Fatalf("AIREADY_REQUIRE_TOOLS=1 but "+format, args...)
	}
	t.Skipf("skipped: "+format, args...)
}

// chromium finds the browser: $AIREADY_CHROMIUM, else Debian's chromium,
// else one on PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("AIREADY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missingTool(t, "no Chromium found (apt-get install chromium, or set AIREADY_CHROMIUM)")
	return ""
}

// npmFile returns a file of an installed npm package of toolsDir.
func npmFile(t *testing.T, pkg, file string) string {
	t.Helper()
	p := filepath.Join(toolsDir, "node_modules", pkg, file)
	if _, err := os.Stat(p); err != nil {
		missingTool(t, "%s is not installed: run `npm ci --ignore-scripts` in site/%s", pkg, toolsDir)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func java(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("java")
	if err != nil {
		missingTool(t, "no java on PATH (apt-get install default-jre-headless)")
	}
	return p
}
