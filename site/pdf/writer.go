package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"math"
	"strconv"
	"time"
	"unicode/utf16"
)

// writer is the PDF file format: pages of drawing operators in millimetres
// from the top left, links, an outline, fonts and one image. It replaces a
// general PDF library that kept several megabytes live per render (a 512 KB
// width table per font face, twice; every page and the whole file in memory;
// a fresh 1 MB zlib writer per stream). Here a page is one small buffer, the
// fonts are measured straight from the TrueType tables and subset once, and
// the file is compressed through one zlib writer and streamed to its writer.
type writer struct {
	w, h  float64 // page size in mm
	k     float64 // points per mm
	pages []*page
	curNo int // the number of the page cur is
	cur   *page

	fonts  []*fontFile // in order of first use: /F1, /F2, ...
	font   *fontFile
	size   float64 // font size in pt
	fill   string  // "r g b rg" of shapes
	text   string  // "r g b rg" of text
	stroke string  // "r g b RG"
	lw     float64 // line width in mm
	alphas []float64
	images []*image.NRGBA

	links []dest // internal link targets, by id-1
	marks []mark // outline entries

	info    [][2]string // document information, in order
	created time.Time
	lang    string
	num     []byte // scratch for numbers
	tj      []byte // scratch for the glyphs of Text
	// tabular sets figures as the font has them, for tables; otherwise
	// a font with fontFile.fig spaces them proportionally.
	tabular bool
	err     error // the first number that cannot be written
}

type page struct {
	buf   bytes.Buffer
	annot []annot
}

// annot is a link area on a page: to an internal target or a URI.
type annot struct {
	x, y, w, h float64 // pt, PDF space
	link       int
	uri        string
}

// dest is a place in the document: a page (1-based) and y in mm.
type dest struct {
	page int
	y    float64
}

// mark is an outline entry.
type mark struct {
	title string
	level int
	dest
}

// point is a vertex of a polygon, in mm.
type point struct{ X, Y float64 }

func newWriter(w, h float64) *writer {
	return &writer{w: w, h: h, k: 72 / 25.4, lw: 0.2, fill: "0 g", text: "0 g", stroke: "0 G"}
}

// n appends a number as fixed-point with two decimals.
func (p *writer) n(v float64) []byte {
	p.num = strconv.AppendFloat(p.num[:0], p.finite(v), 'f', 2, 64)
	p.num = append(p.num, ' ')
	return p.num
}

// finite is v, or 0 after failing the document when v is NaN or infinite
// (a layout bug): "NaN" in a content stream makes the file unreadable.
func (p *writer) finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if p.err == nil {
			p.err = fmt.Errorf("a position or size is %v (a bug in the layout)", v)
		}
		return 0
	}
	return v
}

func (p *writer) out(parts ...any) {
	b := &p.cur.buf
	for _, x := range parts {
		switch x := x.(type) {
		case string:
			b.WriteString(x)
		case float64:
			b.Write(p.n(x))
			continue
		}
		b.WriteByte(' ')
	}
	b.Truncate(b.Len() - 1)
	b.WriteByte('\n')
}

// AddPage starts a page with the current line width and colours.
func (p *writer) AddPage() {
	prev := p.cur
	p.cur = &page{}
	if prev != nil {
		// About as much as the last page: a buffer grown by doubling
		// leaves twice its size behind.
		p.cur.buf.Grow(prev.buf.Len() + prev.buf.Len()/4)
	}
	p.pages = append(p.pages, p.cur)
	p.curNo = len(p.pages)
	p.setState()
}

// SetPage makes an earlier page current again, to draw more on it. The
// page may have ended with other colours than the writer's, which Text
// relies on (it sets its colour only when it differs from the fill), so
// they are set again.
func (p *writer) SetPage(n int) {
	p.cur, p.curNo = p.pages[n-1], n
	p.setState()
}

// setState writes the writer's line width and colours to the page.
func (p *writer) setState() {
	p.out(p.lw*p.k, "w")
	p.out(p.stroke)
	p.out(p.fill)
}

func (p *writer) PageNo() int { return p.curNo }

// mark is where something drawn on the current page starts, to move it
// later (see carry).
type pageMark struct {
	page, off, annots, marks int
	state                    string // line width and colours in force there
}

// Mark records the current end of the current page.
func (p *writer) Mark() pageMark {
	return pageMark{p.curNo, p.cur.buf.Len(), len(p.cur.annot), len(p.marks),
		string(p.n(p.lw*p.k)) + "w " + p.stroke + " " + p.fill}
}

// carry moves what was drawn on page m.page from m on to the top of the
// next page, the current one, dy mm higher (dy >= 0), and moves down by
// below mm what that page holds already, so that it follows. Links and
// outline entries move with it. The graphics state the moved drawing
// started in goes with it; the page's own drawing then leaves the state
// the writer has, as before.
func (p *writer) carry(m pageMark, dy, below float64) {
	from, to := p.pages[m.page-1], p.pages[m.page]
	head := from.buf.Bytes()[m.off:]
	var b bytes.Buffer
	b.Grow(len(head) + to.buf.Len() + 128)
	b.WriteString("q " + m.state + " 1 0 0 1 0 ")
	b.Write(p.n(dy * p.k))
	b.WriteString("cm\n")
	b.Write(head)
	b.WriteString("Q\nq 1 0 0 1 0 ")
	b.Write(p.n(-below * p.k))
	b.WriteString("cm\n")
	b.Write(to.buf.Bytes())
	b.WriteString("Q\n")
	from.buf.Truncate(m.off)
	to.buf = b
	for i := range to.annot {
		to.annot[i].y -= below * p.k
	}
	for _, a := range from.annot[m.annots:] {
		a.y += dy * p.k
		to.annot = append(to.annot, a)
	}
	from.annot = from.annot[:m.annots]
	for i := m.marks; i < len(p.marks); i++ {
		mk := &p.marks[i]
		switch mk.page {
		case m.page:
			mk.page, mk.y = m.page+1, mk.y-dy
		case m.page + 1:
			mk.y += below
		}
	}
	if p.cur == to {
		p.setState()
	}
}

func (p *writer) PageCount() int { return len(p.pages) }

func colorOp(r, g, b int, op string) string {
	c := func(v int) string { return strconv.FormatFloat(float64(v)/255, 'f', 3, 64) }
	return c(r) + " " + c(g) + " " + c(b) + " " + op
}

func (p *writer) SetDrawColor(r, g, b int) {
	p.stroke = colorOp(r, g, b, "RG")
	p.out(p.stroke)
}

func (p *writer) SetFillColor(r, g, b int) {
	p.fill = colorOp(r, g, b, "rg")
	p.out(p.fill)
}

func (p *writer) SetTextColor(r, g, b int) { p.text = colorOp(r, g, b, "rg") }

func (p *writer) SetLineWidth(mm float64) {
	p.lw = mm
	p.out(mm*p.k, "w")
}

// SetDashPattern sets dashes and gaps in mm; nil draws solid lines.
func (p *writer) SetDashPattern(dashes []float64, phase float64) {
	b := &p.cur.buf
	b.WriteByte('[')
	for i, v := range dashes {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.Write(bytes.TrimSpace(p.n(v * p.k)))
	}
	b.WriteString("] ")
	p.out(phase*p.k, "d")
}

// SetAlpha sets the opacity of what is drawn next (normal blending).
func (p *writer) SetAlpha(a float64) {
	a = p.finite(a)
	i := 0
	for i < len(p.alphas) && p.alphas[i] != a {
		i++
	}
	if i == len(p.alphas) {
		p.alphas = append(p.alphas, a)
	}
	p.out("/GS" + strconv.Itoa(i+1) + " gs")
}

func paintOp(style string) string {
	switch style {
	case "F":
		return "f"
	case "FD", "DF":
		return "B"
	}
	return "S"
}

func (p *writer) Line(x1, y1, x2, y2 float64) {
	p.out(x1*p.k, (p.h-y1)*p.k, "m", x2*p.k, (p.h-y2)*p.k, "l S")
}

func (p *writer) Rect(x, y, w, h float64, style string) {
	p.out(x*p.k, (p.h-y)*p.k, w*p.k, -h*p.k, "re", paintOp(style))
}

func (p *writer) Polygon(pts []point, style string) {
	for i, pt := range pts {
		op := "l"
		if i == 0 {
			op = "m"
		}
		p.out(pt.X*p.k, (p.h-pt.Y)*p.k, op)
	}
	p.out("h", paintOp(style))
}

// Circle draws a circle of radius r as four Bézier arcs.
func (p *writer) Circle(x, y, r float64, style string) {
	const kappa = 0.5522847498
	cx, cy, r := x*p.k, (p.h-y)*p.k, r*p.k
	c := r * kappa
	p.out(cx+r, cy, "m")
	p.out(cx+r, cy+c, cx+c, cy+r, cx, cy+r, "c")
	p.out(cx-c, cy+r, cx-r, cy+c, cx-r, cy, "c")
	p.out(cx-r, cy-c, cx-c, cy-r, cx, cy-r, "c")
	p.out(cx+c, cy-r, cx+r, cy-c, cx+r, cy, "c")
	p.out(paintOp(style))
}

// SetFont selects a face (registered with the document on first use) and
// a size in points.
func (p *writer) SetFont(ff *fontFile, size float64) {
	if ff.id == 0 {
		p.fonts = append(p.fonts, ff)
		ff.id = len(p.fonts)
	}
	p.font, p.size = ff, size
}

// isDigit reports an ASCII digit, the figures fontFile.figures spaces.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// adjust is the change of position, in 1/1000 em, between the character
// pr (glyph pg; pr < 0 at the start of the text) and r (glyph g) in the
// current font: the font's kerning of the pair and, in running text, the
// spacing of proportional figures. Pairs with a space are not kerned,
// since words are measured without their spaces; pairs of digits are not
// kerned either (a font's "11" kern makes up for tabular figures).
func (p *writer) adjust(pr rune, pg uint16, r rune, g uint16) int {
	ff, a := p.font, 0
	dr, dpr := isDigit(r), isDigit(pr)
	if ff.fig != nil && !p.tabular {
		if dpr {
			a += int(ff.fig[pr-'0'][1])
		}
		if dr {
			a += int(ff.fig[r-'0'][0])
		}
	}
	if pr >= 0 && pr != ' ' && r != ' ' && !(dpr && dr) && !(p.tabular && (dpr || dr)) {
		a += ff.pairKern(pg, g)
	}
	return a
}

// kern is the kerning alone between two characters in the current font,
// in mm: what joins two pieces of text of one font and size.
func (p *writer) kern(a, b rune) float64 {
	if a == ' ' || b == ' ' || isDigit(a) && isDigit(b) || p.tabular && (isDigit(a) || isDigit(b)) {
		return 0
	}
	return float64(p.font.pairKern(p.font.glyph(a), p.font.glyph(b))) * (p.size / p.k) / 1000
}

// GetStringWidth is the width of s in the current font, in mm, kerned and
// with its figures spaced as Text draws them.
func (p *writer) GetStringWidth(s string) float64 {
	w := 0
	pr, pg := rune(-1), uint16(0)
	for _, r := range s {
		g := p.font.glyph(r)
		w += p.font.width(g) + p.adjust(pr, pg, r, g)
		pr, pg = r, g
	}
	if p.font.fig != nil && !p.tabular && isDigit(pr) {
		w += int(p.font.fig[pr-'0'][1])
	}
	return float64(w) * (p.size / p.k) / 1000
}

// Text draws s with its baseline starting at (x, y), in the text colour:
// one string of glyph ids (Tj), or with the kerning and figure spacing
// between them an array (TJ) whose numbers move the next glyph left by
// thousandths of the font size.
func (p *writer) Text(x, y float64, s string) {
	b := &p.cur.buf
	wrap := p.text != p.fill
	if wrap {
		b.WriteString("q " + p.text + " ")
	}
	b.WriteString("BT /F" + strconv.Itoa(p.font.id) + " ")
	b.Write(p.n(p.size))
	b.WriteString("Tf ")
	b.Write(p.n(x * p.k))
	b.Write(p.n((p.h - y) * p.k))
	b.WriteString("Td ")
	tj := append(p.tj[:0], '[', '<')
	adjusted := false
	pr, pg := rune(-1), uint16(0)
	for _, r := range s {
		g := p.font.use(r)
		if a := p.adjust(pr, pg, r, g); a != 0 {
			if pr < 0 {
				tj = tj[:1] // no empty string before the first number
			} else {
				tj = append(tj, '>', ' ')
			}
			tj = strconv.AppendInt(tj, int64(-a), 10)
			tj = append(tj, ' ', '<')
			adjusted = true
		}
		tj = appendHex4(tj, g)
		pr, pg = r, g
	}
	if adjusted {
		b.Write(tj)
		b.WriteString(">] TJ ET")
	} else {
		b.Write(tj[1:])
		b.WriteString("> Tj ET")
	}
	p.tj = tj
	if wrap {
		b.WriteString(" Q")
	}
	b.WriteByte('\n')
}

const hexDigits = "0123456789ABCDEF"

// appendHex4 appends v as four hex digits: a glyph id or a UTF-16 unit.
func appendHex4(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// AddLink returns a new internal link target, placed later by SetLink.
func (p *writer) AddLink() int {
	p.links = append(p.links, dest{page: 1})
	return len(p.links)
}

func (p *writer) SetLink(link int, y float64, page int) { p.links[link-1] = dest{page, p.finite(y)} }

func (p *writer) area(x, y, w, h float64) annot {
	return annot{x: p.finite(x * p.k), y: p.finite((p.h - y - h) * p.k), w: p.finite(w * p.k), h: p.finite(h * p.k)}
}

// Link makes an area of the current page go to an internal target.
func (p *writer) Link(x, y, w, h float64, link int) {
	a := p.area(x, y, w, h)
	a.link = link
	p.cur.annot = append(p.cur.annot, a)
}

// LinkString makes an area of the current page open a URI.
func (p *writer) LinkString(x, y, w, h float64, uri string) {
	a := p.area(x, y, w, h)
	a.uri = uri
	p.cur.annot = append(p.cur.annot, a)
}

// Bookmark adds an outline entry at y on the current page; level 0 is a
// top entry, 1 is below the last 0, and so on.
func (p *writer) Bookmark(title string, level int, y float64) {
	p.marks = append(p.marks, mark{title, level, dest{p.PageNo(), p.finite(y)}})
}

// Image draws img in the box (x, y, w, h) in mm.
func (p *writer) Image(img *image.NRGBA, x, y, w, h float64) {
	p.images = append(p.images, img)
	p.out("q", w*p.k, "0 0", h*p.k, x*p.k, (p.h-y-h)*p.k, "cm /I"+strconv.Itoa(len(p.images))+" Do Q")
}

// SetInfo sets an entry of the document information (Title, Author, ...).
func (p *writer) SetInfo(key, value string) { p.info = append(p.info, [2]string{key, value}) }

// textString is s as a PDF text string: UTF-16BE with a byte-order mark,
// in hex so that no character needs escaping.
func textString(s string) string {
	b := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b = appendHex4(b, u)
	}
	return string(append(b, '>'))
}

// literal is s as a PDF literal string, for ASCII such as a URI.
func literal(s string) string {
	var b bytes.Buffer
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 32 || c > 126:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// file writes numbered objects and remembers where each starts.
type file struct {
	w    *bufio.Writer
	at   int
	offs []int
	z    *zlib.Writer
	zbuf bytes.Buffer
	err  error
}

func (f *file) Write(b []byte) (int, error) {
	n, err := f.w.Write(b)
	f.at += n
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

func (f *file) printf(format string, args ...any) { fmt.Fprintf(f, format, args...) }

// obj starts object n (numbered in the order they are written).
func (f *file) obj(n int) {
	for len(f.offs) <= n {
		f.offs = append(f.offs, 0)
	}
	f.offs[n] = f.at
	f.printf("%d 0 obj\n", n)
}

// stream writes object n as a compressed stream with extra dictionary
// entries. One zlib writer serves every stream.
func (f *file) stream(n int, dict string, data []byte) {
	f.zbuf.Reset()
	if f.z == nil {
		f.z, _ = zlib.NewWriterLevel(&f.zbuf, zlib.BestSpeed)
	} else {
		f.z.Reset(&f.zbuf)
	}
	f.z.Write(data)
	f.z.Close()
	f.obj(n)
	f.printf("<<%s/Filter /FlateDecode /Length %d>>\nstream\n", dict, f.zbuf.Len())
	f.Write(f.zbuf.Bytes())
	f.printf("\nendstream\nendobj\n")
}

// pdfDate is a date as PDF writes it, in UTC.
func pdfDate(t time.Time) string { return "(D:" + t.UTC().Format("20060102150405") + ")" }
