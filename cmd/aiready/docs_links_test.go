package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestDocsLinks checks every Markdown link of README.md and docs/*.md: a
// link into the repository must name a file or folder that a clone has
// (and, with #anchor, a heading of that file), and no link may leave the
// repository (../shared/SPEC.md was one: no reader has it). Links to
// http(s) and mailto addresses are not followed.
func TestDocsLinks(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	for _, want := range []string{"docs/rubric.md", "docs/assessment.md", "docs/results-json.md"} {
		if !containsLink(t, filepath.Join(root, "README.md"), want) {
			t.Errorf("README.md does not link %s", want)
		}
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "../shared") {
			t.Errorf("%s mentions ../shared, which no clone of the repository has", rel)
		}
		for _, l := range markdownLinks(string(data)) {
			checkLink(t, root, f, rel, l)
		}
	}
}

type mdLink struct {
	line   int
	target string
}

var (
	inlineLinkRE = regexp.MustCompile(`\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)
	refLinkRE    = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*(\S+)`)
	codeSpanRE   = regexp.MustCompile("`[^`]*`")
)

// markdownLinks returns the targets of the inline and reference links of
// a Markdown text, outside code blocks and code spans.
func markdownLinks(text string) []mdLink {
	var out []mdLink
	fence := ""
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		line = codeSpanRE.ReplaceAllString(line, "")
		for _, m := range inlineLinkRE.FindAllStringSubmatch(line, -1) {
			out = append(out, mdLink{i + 1, strings.Trim(m[1], "<>")})
		}
		if m := refLinkRE.FindStringSubmatch(line); m != nil {
			out = append(out, mdLink{i + 1, strings.Trim(m[1], "<>")})
		}
	}
	return out
}

func checkLink(t *testing.T, root, file, rel string, l mdLink) {
	t.Helper()
	target := l.target
	lower := strings.ToLower(target)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "mailto:") {
		return
	}
	if strings.Contains(target, "://") || filepath.IsAbs(target) || strings.HasPrefix(target, "/") {
		t.Errorf("%s:%d: link %q is not relative to the repository", rel, l.line, target)
		return
	}
	path, anchor, _ := strings.Cut(target, "#")
	dest := file
	if path != "" {
		dest = filepath.Join(filepath.Dir(file), filepath.FromSlash(path))
		if r, err := filepath.Rel(root, dest); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			t.Errorf("%s:%d: link %q leads outside the repository", rel, l.line, target)
			return
		}
		if _, err := os.Stat(dest); err != nil {
			t.Errorf("%s:%d: link %q: no such file in the repository", rel, l.line, target)
			return
		}
	}
	if anchor != "" && strings.HasSuffix(dest, ".md") {
		data, err := os.ReadFile(dest)
		if err != nil {
			t.Errorf("%s:%d: link %q: %v", rel, l.line, target, err)
			return
		}
		if !headingAnchors(string(data))[anchor] {
			t.Errorf("%s:%d: link %q: %s has no heading with the anchor #%s", rel, l.line, target, filepath.Base(dest), anchor)
		}
	}
}

// headingAnchors returns the anchors GitHub gives a Markdown file's
// headings: lower case, punctuation dropped, spaces as hyphens, and -1,
// -2 ... for repeats.
func headingAnchors(text string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	fence := ""
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if !strings.HasPrefix(line, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(h) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			out[a+"-"+strconv.Itoa(n)] = true
		} else {
			out[a] = true
		}
		seen[a]++
	}
	return out
}

func containsLink(t *testing.T, file, target string) bool {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range markdownLinks(string(data)) {
		if l.target == target {
			return true
		}
	}
	return false
}

// TestDocsLinksCatches checks that the link check sees what it must.
func TestDocsLinksCatches(t *testing.T) {
	text := "See [SPEC](../shared/SPEC.md), [a](docs/a.md#x \"t\") and `[not](code.md)`.\n" +
		"```\n[nor](fenced.md)\n```\n[ref]: docs/b.md\n"
	var got []string
	for _, l := range markdownLinks(text) {
		got = append(got, l.target)
	}
	if strings.Join(got, " ") != "../shared/SPEC.md docs/a.md#x docs/b.md" {
		t.Errorf("links: %q", got)
	}
	a := headingAnchors("# Files aiready writes, and why\n## Top-level keys\n## `questions`\n## Top-level keys\n")
	for _, want := range []string{"files-aiready-writes-and-why", "top-level-keys", "questions", "top-level-keys-1"} {
		if !a[want] {
			t.Errorf("no anchor %q in %v", want, a)
		}
	}
}
