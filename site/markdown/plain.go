package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Plain renders Markdown as plain text, for places that show no markup (a
// survey tool's help texts): paragraphs and headings apart by a blank
// line, list items on lines of their own after "• " (or their number), a
// link as its text with the address in brackets unless the text is the
// address, a table's cells joined by " | ", raw HTML left out.
func Plain(src string) string {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	doc, source := Parse(src)
	var blocks []string
	var block func(n ast.Node, prefix string)
	block = func(n ast.Node, prefix string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch k := c.(type) {
			case *ast.List:
				i := k.Start
				var items []string
				for it := k.FirstChild(); it != nil; it = it.NextSibling() {
					mark := "• "
					if k.IsOrdered() {
						mark = itoa(i) + ". "
						i++
					}
					var sub []string
					saved := blocks
					blocks = nil
					block(it, "")
					sub, blocks = blocks, saved
					items = append(items, prefix+mark+strings.Join(sub, "\n"+prefix+"  "))
				}
				blocks = append(blocks, strings.Join(items, "\n"))
			case *ast.Blockquote:
				block(k, prefix)
			case *east.Table:
				var rows []string
				for r := k.FirstChild(); r != nil; r = r.NextSibling() {
					var cells []string
					for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
						cells = append(cells, inline(cell, source))
					}
					rows = append(rows, strings.Join(cells, " | "))
				}
				blocks = append(blocks, strings.Join(rows, "\n"))
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				var b strings.Builder
				lines := c.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(source))
				}
				blocks = append(blocks, strings.TrimRight(b.String(), "\n"))
			case *ast.HTMLBlock, *ast.ThematicBreak:
			default:
				if c.Type() == ast.TypeBlock && c.FirstChild() != nil && c.FirstChild().Type() == ast.TypeBlock {
					block(c, prefix)
					continue
				}
				if t := inline(c, source); t != "" {
					blocks = append(blocks, t)
				}
			}
		}
	}
	block(doc, "")
	return strings.Join(blocks, "\n\n")
}

// inline is the text of n's inline content as a reader sees it, for
// Plain: a hard line break kept, a link's address after its text.
func inline(n ast.Node, source []byte) string {
	return strings.TrimSpace(inlineText(n, source, true))
}

// InlineText is the text of n's inline content as a reader sees it, on one
// line: markup and raw HTML left out, a link as its text, every run of
// white space (line breaks too) one space. report.md's headings and
// report.docx's plain texts are read with it.
func InlineText(n ast.Node, source []byte) string {
	return strings.Join(strings.Fields(inlineText(n, source, false)), " ")
}

// inlineText writes n's inline content; with addresses, a hard line break
// is a new line and a link's address follows its text in brackets unless
// the text is the address.
func inlineText(n ast.Node, source []byte, addresses bool) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			switch k := k.(type) {
			case *ast.Text:
				if k.IsRaw() {
					b.Write(k.Value(source))
				} else {
					b.WriteString(Unescape(k.Value(source)))
				}
				if k.HardLineBreak() && addresses {
					b.WriteByte('\n')
				} else if k.SoftLineBreak() || k.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(k.Value)
			case *ast.AutoLink:
				b.Write(k.Label(source))
			case *ast.Link:
				start := b.Len()
				walk(k)
				if dest := string(k.Destination); addresses && dest != "" && b.String()[start:] != dest {
					b.WriteString(" (" + dest + ")")
				}
			case *ast.RawHTML:
			default:
				walk(k)
			}
		}
	}
	walk(n)
	return b.String()
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
