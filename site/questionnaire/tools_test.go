package questionnaire

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// These follow site/tools_test.go: a test that needs a program `go test`
// cannot bring skips and says what is missing, and fails instead with
// AIREADY_REQUIRE_TOOLS=1 (as in CI), so that a check never goes quiet.

// toolsDir holds the npm packages of the browser checks (axe-core),
// installed with `npm ci --ignore-scripts` there.
const toolsDir = "../testdata/browser"

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
		missingTool(t, "%s is not installed: run `npm ci --ignore-scripts` in site/testdata/browser", pkg)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
