package site

import (
	"testing"

	"github.com/aiready/aiready/internal/testtool"
)

// The browser and HTML checks need programs that `go test` cannot bring;
// internal/testtool finds them, and skips (or, under
// AIREADY_REQUIRE_TOOLS=1, fails) a test when one is missing.

// toolsDir holds package.json and the node_modules of the checks.
const toolsDir = "testdata/browser"

func missingTool(t *testing.T, format string, args ...any) {
	t.Helper()
	testtool.Missing(t, format, args...)
}

func chromium(t *testing.T) string { t.Helper(); return testtool.Chromium(t) }

func npmFile(t *testing.T, pkg, file string) string {
	t.Helper()
	return testtool.NPMFile(t, toolsDir, pkg, file)
}

func java(t *testing.T) string { t.Helper(); return testtool.Java(t) }
