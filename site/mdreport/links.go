package mdreport

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// Links in report.md carry exactly what the site shows. The site (goldmark
// without raw HTML) keeps a link's text but not a destination that
// html.IsDangerousURL refuses (javascript:, vbscript:, file:, data: but
// images), and shows an image as its alternative text (markdown.noImages).
// report.md, being the rubric's or note's Markdown itself, would keep all
// of them, and a reference definition ("[r]: javascript:...") beside, so:
//
//   - a block whose inline content holds a link or an autolink is written
//     again from the tree (inlineMD): safe links as inline links with the
//     destination resolved, unsafe ones as their text, raw HTML dropped;
//   - reference definitions, no longer needed by any link, are removed
//     (embed, as raw HTML blocks are).

// hasLinks tells whether n's inline content holds a link or an autolink,
// or held an image (markdown.Parse has already put images' alternative
// text in their place, so their "![" is looked for in the source).
func hasLinks(n ast.Node, src []byte) bool {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		if s := lines.At(i); bytes.Contains(src[s.Start:s.Stop], []byte("![")) {
			return true
		}
	}
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c.(type) {
		case *ast.Link, *ast.AutoLink, *ast.Image:
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// rewriteInline is the edit that writes a leaf block's inline content
// again (inlineMD), keeping the container prefix ("> ", list indent) of
// each of its lines.
func rewriteInline(src []byte, n ast.Node) (edit, bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return edit{}, false
	}
	var prefixes []string
	for i := 1; i < lines.Len(); i++ {
		s := lines.At(i)
		start := bytes.LastIndexByte(src[:s.Start], '\n') + 1
		prefixes = append(prefixes, string(src[start:s.Start]))
	}
	k := 0
	brk := func() string {
		p := ""
		if k < len(prefixes) {
			p = prefixes[k]
		} else if len(prefixes) > 0 {
			p = prefixes[len(prefixes)-1]
		}
		k++
		return "\n" + p
	}
	var b strings.Builder
	inlineMD(&b, n, src, brk)
	last := lines.At(lines.Len() - 1)
	return edit{lines.At(0).Start, trimEOL(src, last.Stop), strings.TrimRight(b.String(), " \n")}, true
}

// inlineMD writes n's inline children as Markdown; brk gives what a line
// break becomes.
func inlineMD(b *strings.Builder, n ast.Node, src []byte, brk func() string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			switch {
			case c.HardLineBreak():
				b.WriteString("\\" + brk())
			case c.SoftLineBreak():
				b.WriteString(brk())
			}
		case *ast.String:
			b.WriteString(escape(string(c.Value)))
		case *ast.CodeSpan:
			var code strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					code.Write(t.Segment.Value(src))
					if t.SoftLineBreak() || t.HardLineBreak() {
						code.WriteString(brk())
					}
				}
			}
			s := code.String()
			fence := "`"
			for strings.Contains(s, fence) {
				fence += "`"
			}
			if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.TrimSpace(s) != "" {
				s = " " + s + " "
			}
			b.WriteString(fence + s + fence)
		case *ast.Emphasis:
			m := strings.Repeat("*", c.Level)
			b.WriteString(m)
			inlineMD(b, c, src, brk)
			b.WriteString(m)
		case *east.Strikethrough:
			b.WriteString("~~")
			inlineMD(b, c, src, brk)
			b.WriteString("~~")
		case *ast.Link:
			if html.IsDangerousURL(c.Destination) {
				inlineMD(b, c, src, brk) // the site keeps the text, not the link
				continue
			}
			b.WriteString("[")
			inlineMD(b, c, src, brk)
			b.WriteString("](<" + destEscaper.Replace(string(c.Destination)) + ">")
			if len(c.Title) > 0 {
				b.WriteString(` "` + titleEscaper.Replace(string(c.Title)) + `"`)
			}
			b.WriteString(")")
		case *ast.AutoLink:
			url := c.URL(src)
			if c.AutoLinkType != ast.AutoLinkEmail && html.IsDangerousURL(url) {
				b.WriteString(escape(string(c.Label(src))))
				continue
			}
			b.WriteString("<" + string(c.Label(src)) + ">")
		case *ast.Image:
			inlineMD(b, c, src, brk) // its alternative text, as on the site
		case *ast.RawHTML:
			// omitted, as on the site
		default:
			inlineMD(b, c, src, brk)
		}
	}
}

var (
	// A "|" would end a table cell; escaped, it is itself anywhere.
	destEscaper  = strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "\n", " ", "|", `\|`)
	titleEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "|", `\|`)
)
