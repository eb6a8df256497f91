package pdf

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/aiready/aiready/site/markdown"
)

// mdFunc draws one kind of Markdown node, called on entering and on
// leaving it, as goldmark's own renderers are.
type mdFunc func(r *mdRenderer, n ast.Node, entering bool) ast.WalkStatus

// mdFuncs is the table of node kinds the PDF knows. A kind not in it has
// its children drawn; raw HTML is dropped.
var mdFuncs = map[ast.NodeKind]mdFunc{
	ast.KindDocument:        func(*mdRenderer, ast.Node, bool) ast.WalkStatus { return ast.WalkContinue },
	ast.KindParagraph:       (*mdRenderer).paragraph,
	ast.KindTextBlock:       (*mdRenderer).paragraph,
	ast.KindHeading:         (*mdRenderer).heading,
	ast.KindBlockquote:      (*mdRenderer).blockquote,
	ast.KindList:            (*mdRenderer).list,
	ast.KindListItem:        (*mdRenderer).listItem,
	ast.KindThematicBreak:   (*mdRenderer).thematicBreak,
	ast.KindCodeBlock:       (*mdRenderer).codeBlock,
	ast.KindFencedCodeBlock: (*mdRenderer).codeBlock,
	ast.KindHTMLBlock:       skip,
	ast.KindRawHTML:         skip,
	ast.KindText:            (*mdRenderer).text,
	ast.KindString:          (*mdRenderer).str,
	ast.KindEmphasis:        (*mdRenderer).emphasis,
	ast.KindCodeSpan:        (*mdRenderer).codeSpan,
	ast.KindLink:            (*mdRenderer).link,
	ast.KindAutoLink:        (*mdRenderer).autoLink,
	ast.KindImage:           (*mdRenderer).image,
	east.KindStrikethrough:  (*mdRenderer).strike,
	east.KindTable:          (*mdRenderer).table,
	east.KindTableHeader:    (*mdRenderer).tableRow,
	east.KindTableRow:       (*mdRenderer).tableRow,
	east.KindTableCell:      (*mdRenderer).tableCell,
}

func skip(*mdRenderer, ast.Node, bool) ast.WalkStatus { return ast.WalkSkipChildren }

// mdRenderer walks a goldmark AST into drawing calls. Every node that
// changes how text looks pushes a style on entering and pops it on leaving;
// inline text collects into spans that the enclosing block lays out.
type mdRenderer struct {
	d       *doc
	src     []byte
	x, w    float64 // the block area, before indents
	stack   []style
	inline  []span
	markers []marker  // list markers waiting for their items' first line
	lists   []*mdList // open lists, innermost last
	tbl     *mdTable
	tight   bool
	code    int // inside a code span: text is taken as written
	// collect gathers the text as spans instead of drawing it, for
	// Markdown inside a table cell.
	collect bool
	out     []span
}

// marker is a list item's bullet or number, drawn right-aligned before
// the item's text at x.
type marker struct {
	text string
	x    float64
}

type mdList struct {
	ordered bool
	n       int
	tight   bool
}

type mdTable struct {
	aligns []east.Alignment
	header []cell
	rows   [][]cell
	row    []cell
	inHead bool
}

// markdown draws Markdown source at the cursor in the content width, in
// the base style. Headings are demoted: the document's own sections are
// the top of the structure.
func (d *doc) markdown(src string, base style) {
	d.markdownAt(src, base, d.left, d.cw)
}

func (d *doc) markdownAt(src string, base style, x, w float64) {
	if strings.TrimSpace(src) == "" {
		return
	}
	d.walk(&mdRenderer{d: d, x: x, w: w, stack: []style{base}}, src)
	d.bars = d.bars[:0]
}

// inlineMarkdown returns Markdown as spans, paragraphs separated by
// paragraph breaks, for a table cell.
func (d *doc) inlineMarkdown(src string, base style) []span {
	r := &mdRenderer{d: d, w: 100, stack: []style{base}, collect: true}
	d.walk(r, src)
	return r.out
}

func (d *doc) walk(r *mdRenderer, src string) {
	root, source := markdown.Parse(src)
	r.src = source
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fn := mdFuncs[n.Kind()]
		if fn == nil {
			if n.Type() == ast.TypeBlock {
				r.flush(0)
			}
			return ast.WalkContinue, nil
		}
		return fn(r, n, entering), nil
	})
	r.flush(0)
}

func (r *mdRenderer) top() style    { return r.stack[len(r.stack)-1] }
func (r *mdRenderer) push(st style) { r.stack = append(r.stack, st) }
func (r *mdRenderer) pop() {
	if len(r.stack) > 1 {
		r.stack = r.stack[:len(r.stack)-1]
	}
}

// area is where the current block's text goes; indents stop where they
// would leave too narrow a column to read.
func (r *mdRenderer) area() (x, w float64) {
	in := min(r.top().indent, r.w-40)
	in = max(in, 0)
	return r.x + in, r.w - in
}

func (r *mdRenderer) add(s string) {
	if s != "" {
		r.inline = append(r.inline, span{s, r.top()})
	}
}

// flush lays out the collected inline text as one paragraph, with the
// pending list marker on its first line, and leaves gap below it.
func (r *mdRenderer) flush(gap float64) {
	if len(r.inline) == 0 {
		return
	}
	if r.collect {
		if len(r.out) > 0 {
			r.out = append(r.out, span{"", style{brk: 2, size: r.stack[0].size}})
		}
		for _, m := range r.markers {
			r.out = append(r.out, span{m.text + " ", r.stack[0]})
		}
		r.markers = r.markers[:0]
		r.out = append(r.out, r.inline...)
		r.inline = r.inline[:0]
		return
	}
	d := r.d
	x, w := r.area()
	lines := d.layout(r.inline, w)
	for i, ln := range lines {
		d.needLine(lines, i)
		d.drawLine(ln, x, d.y, w, 'L')
		if i == 0 {
			r.drawMarkers(ln)
		}
		for _, bx := range d.bars {
			d.fill(rgb{200, 205, 212})
			d.f.Rect(bx, d.y, 0.8, ln.gap+ln.h, "F")
		}
		d.y += ln.gap + ln.h
	}
	r.inline = r.inline[:0]
	d.y += gap
}

// drawMarkers draws the pending list markers beside a line at the cursor.
func (r *mdRenderer) drawMarkers(ln line) {
	st := r.stack[0]
	st.size = ln.size
	for _, m := range r.markers {
		ml := r.d.layout([]span{{m.text, st}}, 20)
		if len(ml) > 0 {
			ml[0].h = ln.h
			r.d.drawLine(ml[0], m.x-25.5, r.d.y+ln.gap, 24, 'R')
		}
	}
	r.markers = r.markers[:0]
}

// blockMarkers draws pending markers before a block that is not text.
func (r *mdRenderer) blockMarkers() {
	if len(r.markers) > 0 && !r.collect {
		size := r.stack[0].size
		r.d.need(size * ptMM * r.d.lead)
		r.drawMarkers(line{size: size, h: size * ptMM * r.d.lead})
	}
}

func (r *mdRenderer) paraGap() float64 {
	if r.tight {
		return 0.4
	}
	return r.top().size * ptMM * 0.75
}

func (r *mdRenderer) paragraph(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		r.flush(0)
		return ast.WalkContinue
	}
	if r.tbl != nil {
		return ast.WalkContinue
	}
	r.flush(r.paraGap())
	return ast.WalkContinue
}

func (r *mdRenderer) heading(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		r.flush(r.top().size * ptMM * 0.35)
		r.pop()
		return ast.WalkContinue
	}
	r.flush(0)
	st := r.top()
	base := r.stack[0].size
	st.bold = true
	st.size = base + max(0, 3-float64(n.(*ast.Heading).Level))*1.0 + 0.5
	st.color = ink
	r.push(st)
	if r.collect {
		return ast.WalkContinue
	}
	// Keep the heading with the start of what follows.
	r.d.need(st.size*ptMM*r.d.lead*2 + 14)
	r.d.gap(st.size * ptMM * 0.5)
	return ast.WalkContinue
}

func (r *mdRenderer) blockquote(n ast.Node, entering bool) ast.WalkStatus {
	r.flush(0)
	if entering {
		if !r.collect {
			x, _ := r.area()
			r.d.bars = append(r.d.bars, x+0.5)
		}
		st := r.top()
		st.indent += 5
		st.color = muted
		r.push(st)
		return ast.WalkContinue
	}
	if len(r.d.bars) > 0 && !r.collect {
		r.d.bars = r.d.bars[:len(r.d.bars)-1]
	}
	r.pop()
	return ast.WalkContinue
}

func (r *mdRenderer) list(n ast.Node, entering bool) ast.WalkStatus {
	r.flush(0)
	l := n.(*ast.List)
	if entering {
		r.lists = append(r.lists, &mdList{ordered: l.IsOrdered(), n: l.Start, tight: l.IsTight})
		r.tight = l.IsTight
		return ast.WalkContinue
	}
	r.lists = r.lists[:len(r.lists)-1]
	r.tight = len(r.lists) > 0 && r.lists[len(r.lists)-1].tight
	if len(r.lists) == 0 && !r.collect {
		r.d.y += r.paraGap()
	}
	return ast.WalkContinue
}

func (r *mdRenderer) listItem(n ast.Node, entering bool) ast.WalkStatus {
	r.flush(0)
	if !entering {
		if len(r.markers) > 0 {
			r.add("\u00a0") // an empty item still shows its marker
			r.flush(0)
		}
		r.pop()
		return ast.WalkContinue
	}
	if len(r.lists) == 0 {
		return ast.WalkContinue
	}
	l := r.lists[len(r.lists)-1]
	m := "–"
	switch {
	case l.ordered:
		m = strconv.Itoa(l.n) + "."
		l.n++
	case len(r.lists)%2 == 1:
		m = "•"
	}
	st := r.top()
	st.indent += 5.5
	r.push(st)
	x, _ := r.area()
	r.markers = append(r.markers, marker{m, x})
	return ast.WalkContinue
}

func (r *mdRenderer) thematicBreak(n ast.Node, entering bool) ast.WalkStatus {
	if entering && r.collect {
		r.flush(0)
		r.add("———")
		r.flush(0)
	} else if entering {
		r.flush(0)
		r.blockMarkers()
		d := r.d
		x, w := r.area()
		d.need(6)
		d.y += 2.5
		d.draw(rule)
		d.f.SetLineWidth(0.3)
		d.f.Line(x, d.y, x+w, d.y)
		d.y += 3
	}
	return ast.WalkSkipChildren
}

func (r *mdRenderer) codeBlock(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkSkipChildren
	}
	r.flush(0)
	st := r.top()
	st.mono, st.bold, st.italic = true, false, false
	st.size = r.stack[0].size * 0.88
	st.color = ink
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s := strings.TrimRight(string(seg.Value(r.src)), "\r\n")
		s = strings.ReplaceAll(s, "\t", "    ")
		s = strings.ReplaceAll(s, " ", "\u00a0")
		if s == "" {
			s = "\u00a0"
		}
		r.inline = append(r.inline, span{s, st})
		r.flush(0)
	}
	if !r.collect {
		r.d.y += r.paraGap()
	}
	return ast.WalkSkipChildren
}
