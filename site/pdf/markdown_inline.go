package pdf

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/aiready/aiready/site/markdown"
)

// The inline nodes and tables of the Markdown renderer.

func (r *mdRenderer) text(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	t := n.(*ast.Text)
	if t.IsRaw() || r.code > 0 {
		r.add(string(t.Value(r.src)))
	} else {
		r.add(markdown.Unescape(t.Value(r.src)))
	}
	switch {
	case t.HardLineBreak():
		st := r.top()
		st.brk = 1
		r.inline = append(r.inline, span{"", st})
	case t.SoftLineBreak():
		r.add(" ")
	}
	return ast.WalkContinue
}

func (r *mdRenderer) str(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		r.add(string(n.(*ast.String).Value))
	}
	return ast.WalkContinue
}

func (r *mdRenderer) emphasis(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		r.pop()
		return ast.WalkContinue
	}
	st := r.top()
	if n.(*ast.Emphasis).Level >= 2 {
		st.bold = true
	} else {
		st.italic = true
	}
	r.push(st)
	return ast.WalkContinue
}

func (r *mdRenderer) codeSpan(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		r.code--
		r.pop()
		return ast.WalkContinue
	}
	r.code++
	st := r.top()
	st.mono, st.bg, st.bold, st.italic = true, true, false, false
	st.size *= 0.92
	r.push(st)
	return ast.WalkContinue
}

func (r *mdRenderer) strike(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		r.pop()
		return ast.WalkContinue
	}
	st := r.top()
	st.strike = true
	r.push(st)
	return ast.WalkContinue
}

// linkTarget returns dest if a reader may follow it: http, https, mailto.
func linkTarget(dest []byte) string {
	u, err := url.Parse(string(bytes.TrimSpace(dest)))
	if err != nil || u.Host == "" && u.Scheme != "mailto" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return u.String()
	}
	return ""
}

func (r *mdRenderer) link(n ast.Node, entering bool) ast.WalkStatus {
	l := n.(*ast.Link)
	target := linkTarget(l.Destination)
	if entering {
		st := r.top()
		if target != "" {
			st.link, st.color = target, r.d.accent.text
		}
		r.push(st)
		return ast.WalkContinue
	}
	r.pop()
	// On paper the address must be readable too.
	if target != "" {
		shown := strings.TrimPrefix(target, "mailto:")
		var text strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				text.Write(t.Value(r.src))
			}
		}
		if strings.TrimSpace(text.String()) != shown {
			st := r.top()
			st.color = muted
			r.inline = append(r.inline, span{" (" + shown + ")", st})
		}
	}
	return ast.WalkContinue
}

func (r *mdRenderer) autoLink(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkSkipChildren
	}
	l := n.(*ast.AutoLink)
	dest := l.URL(r.src)
	if l.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
		dest = append([]byte("mailto:"), dest...)
	}
	st := r.top()
	if t := linkTarget(dest); t != "" {
		st.link, st.color = t, r.d.accent.text
	}
	r.inline = append(r.inline, span{string(l.Label(r.src)), st})
	return ast.WalkSkipChildren
}

// image shows its alternative text: the PDF fetches nothing.
func (r *mdRenderer) image(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		r.pop()
		return ast.WalkContinue
	}
	st := r.top()
	st.italic, st.color, st.link = true, muted, ""
	r.push(st)
	return ast.WalkContinue
}

func (r *mdRenderer) table(n ast.Node, entering bool) ast.WalkStatus {
	if r.collect {
		r.flush(0)
		return ast.WalkContinue
	}
	if entering {
		r.flush(0)
		r.tbl = &mdTable{aligns: n.(*east.Table).Alignments}
		return ast.WalkContinue
	}
	t := r.tbl
	r.tbl = nil
	r.blockMarkers()
	x, w := r.area()
	r.d.drawTable(&table{x: x, w: w, header: t.header, rows: t.rows, pad: 1.4})
	r.d.y += r.paraGap()
	return ast.WalkContinue
}

func (r *mdRenderer) tableRow(n ast.Node, entering bool) ast.WalkStatus {
	if r.tbl == nil {
		return ast.WalkContinue
	}
	if entering {
		r.tbl.row = nil
		r.tbl.inHead = n.Kind() == east.KindTableHeader
		if r.tbl.inHead {
			st := r.top()
			st.bold = true
			r.push(st)
		}
		return ast.WalkContinue
	}
	if r.tbl.inHead {
		r.tbl.header = r.tbl.row
		r.pop()
		r.tbl.inHead = false
	} else {
		r.tbl.rows = append(r.tbl.rows, r.tbl.row)
	}
	return ast.WalkContinue
}

func (r *mdRenderer) tableCell(n ast.Node, entering bool) ast.WalkStatus {
	if r.tbl == nil {
		if !entering {
			r.add("  ")
		}
		return ast.WalkContinue
	}
	if entering {
		r.inline = nil
		return ast.WalkContinue
	}
	c := cell{spans: r.inline}
	switch n.(*east.TableCell).Alignment {
	case east.AlignRight:
		c.align = 'R'
	case east.AlignCenter:
		c.align = 'C'
	}
	r.tbl.row = append(r.tbl.row, c)
	r.inline = nil
	return ast.WalkContinue
}
