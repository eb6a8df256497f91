package mdreport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/markdown"
	"github.com/aiready/aiready/site/view"
)

// headings parses Markdown back with the project's goldmark and returns
// every heading's text.
func headings(src string) []string {
	root, source := markdown.Parse(src)
	var out []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			out = append(out, markdown.InlineText(h, source))
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestHeadingsSurvive(t *testing.T) {
	rep := demoReport(t)
	var b bytes.Buffer
	wrote, err := render(&b, rep)
	if err != nil {
		t.Fatal(err)
	}
	got := headings(b.String())
	if strings.Join(got, "\n") != strings.Join(wrote, "\n") {
		t.Errorf("parsed back %d headings, wrote %d", len(got), len(wrote))
		for i := range max(len(got), len(wrote)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(wrote) {
				w = wrote[i]
			}
			if g != w {
				t.Errorf("heading %d: parsed %q, wrote %q", i, g, w)
			}
		}
	}
	// Every section the PDF has is here.
	for _, want := range []string{"Executive summary", "Red flags", "Perception gap", "Action plan",
		"In respondents' words", "Methodology", "Service, not savings", "The long view",
		"Why this matters"} {
		if !contains(got, want) {
			t.Errorf("no heading %q", want)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestStructure(t *testing.T) {
	rep := demoReport(t)
	var b bytes.Buffer
	if err := Render(&b, rep); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	root, _ := markdown.Parse(out)
	levels := []int{0}
	tables, html := 0, 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			// Headings never skip a level on the way down.
			if prev := levels[len(levels)-1]; n.Level > prev+1 {
				t.Errorf("heading level %d after %d", n.Level, prev)
			}
			levels = append(levels, n.Level)
		case *east.Table:
			tables++
		case *ast.HTMLBlock, *ast.RawHTML:
			html++
		}
		return ast.WalkContinue, nil
	})
	if html > 0 {
		t.Errorf("%d pieces of raw HTML in report.md", html)
	}
	// one per question with answers, the summary, flags, segments, gap, method
	if tables < 40 {
		t.Errorf("%d tables, want one per chart", tables)
	}
	for _, want := range []string{
		"| Team: Internal Audit | – | suppressed (fewer than 5) |  |",
		"| Team: Marketing | – | suppressed (to protect a smaller group) |  |",
		"**Overall readiness: 57.5 / 100, Cost-led**",
		"| Service, not savings | 61.2 | Experimenting with care | 75 | -13.8 |", // 61.179 (results.json), 75 - 61.179 = 13.821
		"> \\<script\\>alert(1)\\</script\\> Sorry, testing",
		"- **1. Pause role cuts until service quality is measured** (red flag: Cost-cutting is driving automation)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, s := range []string{
		"plain", "*not emphasis*", "_nor this_", "`code`", "[link](x)", "<b>html</b>", "a | b",
		"# not a heading", "- not a list", "+ nor", "1. not ordered", "12) nor", "= not setext",
		"&amp; stays &amp;", "AT&T", "back\\slash", "~~not struck~~", "!", "Q&A", "1.0.0", "-13.7",
		"***", "---", "> not a quote", "a  b\tc\nd",
	} {
		root, src := markdown.Parse(escape(s))
		got := ""
		if p := root.FirstChild(); p != nil {
			got = markdown.InlineText(p, src)
		}
		if want := strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("escape(%q) = %q reads as %q", s, escape(s), got)
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"*a*", "# h", "1. x", "<x>", "a|b", "&amp;", "\\", "`"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if want == "" || strings.ContainsRune(s, 0) || strings.ContainsRune(s, '\uFFFD') {
			return
		}
		root, src := markdown.Parse(escape(s))
		p := root.FirstChild()
		if p == nil || p.NextSibling() != nil || p.Kind() != ast.KindParagraph {
			t.Fatalf("escape(%q) = %q is not one paragraph", s, escape(s))
		}
		if got := markdown.InlineText(p, src); got != want {
			t.Fatalf("escape(%q) = %q reads as %q", s, escape(s), got)
		}
	})
}

func TestEmbed(t *testing.T) {
	for _, c := range []struct {
		name, src string
		base      int
		want      string
		heads     []string
	}{
		{"atx", "# One\n\ntext\n\n## Two", 4, "#### One\n\ntext\n\n##### Two", []string{"One", "Two"}},
		{"top is two", "## One\n\n### Two", 3, "### One\n\n#### Two", []string{"One", "Two"}},
		{"cap at six", "# A\n\n###### F", 4, "#### A\n\n###### F", []string{"A", "F"}},
		{"setext", "Title *x*\n===\n\nSub\n---\n\ntext", 3, "### Title x\n\n#### Sub\n\ntext", []string{"Title x", "Sub"}},
		{"in a quote", "> ## Q\n> text", 5, "> ##### Q\n> text", []string{"Q"}},
		{"html block", "para\n\n<div>\nbad\n</div>\n\nafter", 3, "para\n\n\n\n\n\nafter", nil},
		{"inline html", "a <b>bold</b> c", 3, "a bold c", nil},
		{"closing hashes", "## Title ##", 3, "### Title ##", []string{"Title"}},
	} {
		got, heads := embed(c.src, c.base)
		if got != c.want {
			t.Errorf("%s: embed(%q) =\n%q\nwant\n%q", c.name, c.src, got, c.want)
		}
		if strings.Join(heads, "|") != strings.Join(c.heads, "|") {
			t.Errorf("%s: headings %q, want %q", c.name, heads, c.heads)
		}
		if h := headings(got); strings.Join(h, "|") != strings.Join(c.heads, "|") {
			t.Errorf("%s: parsed back %q, want %q", c.name, h, c.heads)
		}
	}
}

// A report of a group too small for anything: no scores, no plan.
func TestEmptyReport(t *testing.T) {
	rep := demoReport(t)
	res, err := assess.NewScorer(rep.Rubric, assess.Options{}).Result()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Render(&b, view.New(res, view.Meta{})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "**Overall readiness: – / 100, no score**") {
		t.Errorf("no 'no score' line:\n%.400s", b.String())
	}
}
