package site

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestHTMLValid runs the Nu HTML Checker (vnu.jar, the W3C validator) over
// every page of the demo, of the small assessment (in German, and right
// to left) and of the demo with issue 19's figures, and fails on any error it reports, in the HTML or in the
// inline CSS.
func TestHTMLValid(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts Java")
	}
	jar := npmFile(t, "vnu-jar", "build/dist/vnu.jar")
	bin := java(t)
	var files []string
	for _, dir := range []string{build(t, demoReport(t, true), Options{}), build(t, smallReportIn(t, "de"), Options{}), build(t, smallReportIn(t, "ar"), Options{}),
		build(t, measuredReport(t), Options{})} { // with issue 19's figures
		fs, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		sort.Strings(fs)
		files = append(files, fs...)
	}
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json", "--stdout"}, files...)
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var res struct {
		Messages []struct {
			Type     string `json:"type"`
			SubType  string `json:"subType"`
			URL      string `json:"url"`
			Line     int    `json:"lastLine"`
			Column   int    `json:"lastColumn"`
			Message  string `json:"message"`
			Extract  string `json:"extract"`
			Language string `json:"language"`
		} `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &res); jerr != nil {
		t.Fatalf("vnu: %v (%v)\n%s\n%s", jerr, err, out, stderr.Bytes())
	}
	for _, m := range res.Messages {
		if m.Type == "info" && m.SubType != "warning" {
			continue
		}
		t.Errorf("%s:%d:%d: %s: %s\n\t%s", filepath.Base(strings.TrimPrefix(m.URL, "file:")), m.Line, m.Column, m.Type, m.Message, strings.TrimSpace(m.Extract))
	}
	if err != nil && len(res.Messages) == 0 {
		t.Fatalf("vnu: %v\n%s", err, stderr.Bytes())
	}
	t.Logf("checked %d pages", len(files))
}
