package mdreport

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/aiready/aiready/site/markdown"
)

// edit replaces src[from:to] with text.
type edit struct {
	from, to int
	text     string
}

// embed returns rubric or note Markdown ready to sit under a heading of
// level base-1: its headings moved down so that its top level is base
// (at most 6), setext headings made ATX, raw HTML removed, and links and
// images as the site shows them (links.go). It also
// returns the texts of the headings it kept, in order.
func embed(src string, base int) (string, []string) {
	if strings.TrimSpace(src) == "" {
		return "", nil
	}
	root, source := markdown.Parse(src)
	top := 7
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			top = min(top, h.Level)
		}
		return ast.WalkContinue, nil
	})
	var edits []edit
	var heads []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			level := min(base+n.Level-top, 6)
			if e, ok := heading(source, n, level); ok {
				edits = append(edits, e)
				heads = append(heads, markdown.InlineText(n, source))
				if hasLinks(n, source) && e.to <= n.Lines().At(0).Start {
					// An ATX heading's text, written again (links.go).
					if e, ok := rewriteInline(source, n); ok {
						edits = append(edits, e)
						return ast.WalkSkipChildren, nil
					}
				}
			}
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			if hasLinks(n, source) {
				if e, ok := rewriteInline(source, n); ok {
					edits = append(edits, e)
					return ast.WalkSkipChildren, nil
				}
			}
		case *ast.LinkReferenceDefinition:
			// Every link using it is now inline (links.go).
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				edits = append(edits, edit{s.Start, trimEOL(source, s.Stop), ""})
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				edits = append(edits, edit{s.Start, trimEOL(source, s.Stop), ""})
			}
			if n.HasClosure() {
				s := n.ClosureLine
				edits = append(edits, edit{s.Start, trimEOL(source, s.Stop), ""})
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				s := n.Segments.At(i)
				edits = append(edits, edit{s.Start, s.Stop, ""})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].from < edits[j].from })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.from < at {
			continue // overlapping edits cannot happen; be safe anyway
		}
		b.Write(source[at:e.from])
		b.WriteString(e.text)
		at = e.to
	}
	b.Write(source[at:])
	return strings.TrimSpace(b.String()), heads
}

func trimEOL(src []byte, stop int) int {
	for stop > 0 && (src[stop-1] == '\n' || src[stop-1] == '\r') {
		stop--
	}
	return stop
}

// heading rewrites a heading's marker to the level. An ATX heading keeps
// its line; a setext heading becomes an ATX one on its first line and its
// underline goes.
func heading(src []byte, h *ast.Heading, level int) (edit, bool) {
	lines := h.Lines()
	if lines.Len() == 0 {
		return edit{}, false // an empty heading: no text to keep
	}
	first := lines.At(0)
	lineStart := bytes.LastIndexByte(src[:first.Start], '\n') + 1
	marker := strings.Repeat("#", level) + " "
	// ATX: "#"s then blanks before the text on the same line.
	i := first.Start
	for i > lineStart && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	j := i
	for j > lineStart && src[j-1] == '#' {
		j--
	}
	if j < i {
		return edit{j, first.Start, marker}, true
	}
	// Setext: join the text lines, drop the underline that follows.
	last := lines.At(lines.Len() - 1)
	end := bytes.IndexByte(src[last.Stop:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += last.Stop
	}
	if src[last.Stop-1] == '\n' {
		end = last.Stop - 1
	}
	// end is now the end of the last text line; the underline is next.
	ul := end + 1
	ulEnd := len(src)
	if ul < len(src) {
		if k := bytes.IndexByte(src[ul:], '\n'); k >= 0 {
			ulEnd = ul + k
		}
	} else {
		ulEnd = len(src)
	}
	// The text comes from the tree, escaped: it drops inline HTML and
	// cannot meet the line prefixes of a container.
	return edit{first.Start, ulEnd, marker + escape(markdown.InlineText(h, src))}, true
}
