package assess

import (
	"fmt"
	"slices"
	"strings"
)

// Formats are the outputs a build can write, in the order they are named:
// the site (site/), report.pdf, report.md, report.docx and results.json.
var Formats = []string{"site", "pdf", "md", "docx", "json"}

// CheckFormat is "" for a format a build writes, else why not, with the
// nearest name if one is a likely typo.
func CheckFormat(f string) string {
	if slices.Contains(Formats, f) {
		return ""
	}
	return fmt.Sprintf("format %q: use %s%s", f, strings.Join(Formats, ", "), didYouMean(f, Formats))
}

// loadFormats reads formats = [...]: each must be one of Formats; an
// empty list writes nothing and is refused.
func loadFormats(t *tomlTable) []string {
	if !t.has("formats") {
		return nil
	}
	fs := t.strs("formats")
	if len(fs) == 0 {
		t.errorf(t.pos("formats"), "formats is empty: name at least one of %s", strings.Join(Formats, ", "))
	}
	for i, f := range fs {
		if msg := CheckFormat(f); msg != "" {
			t.errorf(t.pos("formats", i), "formats[%d]: %s", i, msg)
		}
	}
	return fs
}
