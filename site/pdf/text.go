package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ptMM converts points to millimetres, the document's unit.
const ptMM = 25.4 / 72

// Vertical metrics of Liberation Sans (hhea ascender and descender), as
// shares of the font size.
const (
	ascent  = 0.905
	descent = 0.212
)

// style is what a span of text looks like, and the block context it sits
// in. The Markdown renderer keeps a stack of them.
type style struct {
	size                           float64 // points
	bold, italic, mono, strike, bg bool
	tnum                           bool // tabular figures: in tables
	color                          rgb
	link                           string // clickable target, already checked
	brk                            int    // on a span: 1 line break, 2 paragraph break
	indent                         float64
}

// span is text in one style; the unit that callers hand to layout.
type span struct {
	text string
	st   style
}

// piece is text that one face draws in one style, measured.
type piece struct {
	text string
	st   style
	face int
	w    float64
}

// word is what a line may not be broken inside.
type word struct {
	pieces  []piece
	w       float64
	space   float64 // width of the space before it
	spaceSt style
	brk     int
}

// line is laid-out text; lines are drawn one at a time so that a page may
// break between any two of them.
type line struct {
	words []word
	w     float64 // natural width
	h     float64 // height, without gap
	size  float64 // largest font size, points
	gap   float64 // extra space above: paragraph breaks
}

// wide reports characters that scripts without spaces break between.
func wide(r rune) bool {
	if r < 0x0e00 { // below Thai: Latin, Greek, Cyrillic, Hebrew, Arabic... (unicode.In's tables cost)
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// words splits spans into measured words. The result is valid until the
// next call (d.wordBuf).
func (d *doc) words(spans []span) []word {
	var (
		out = d.wordBuf[:0]
		// The words' pieces are stretches of d.pieceBuf, not a slice each.
		pieces  = d.pieceBuf
		cur     word
		raw     []span // pieces of the current word before face splitting
		pending bool   // a space precedes the current word
		spaceSt style
		prevW   bool // the last word was a wide character
	)
	finish := func() {
		if len(raw) == 0 {
			return
		}
		if cap(pieces)-len(pieces) < 16 {
			// A new stretch; the full one stays with its words. (A word
			// of more pieces than are left grows the stretch by append.)
			pieces = make([]piece, 0, 512)
		}
		first := len(pieces)
		for _, p := range raw {
			d.runBuf = d.fs.runs(p.st, p.text, d.runBuf)
			for _, r := range d.runBuf {
				w := d.width(r.face, p.st, r.text)
				if n := len(pieces); n > first {
					// Kern across pieces of one font and size, as
					// drawLine draws them: in one string when their
					// styles are the same, else each where the last ends.
					if q := &pieces[n-1]; q.face == r.face && q.st.size == p.st.size && q.st.tnum == p.st.tnum {
						last, _ := utf8.DecodeLastRuneInString(q.text)
						next, _ := utf8.DecodeRuneInString(r.text)
						k := d.f.kern(last, next)
						q.w += k
						cur.w += k
					}
				}
				pieces = append(pieces, piece{r.text, p.st, r.face, w})
				cur.w += w
			}
		}
		cur.pieces = pieces[first:len(pieces):len(pieces)]
		raw = raw[:0]
		if len(cur.pieces) == 0 {
			cur = word{}
			return // nothing drawable: keep the pending space for the next word
		}
		if pending {
			cur.space, cur.spaceSt = d.width(d.spaceFace(spaceSt), spaceSt, " "), spaceSt
		}
		out = append(out, cur)
		cur, pending = word{}, false
	}
	for _, sp := range spans {
		if sp.st.brk > 0 {
			finish()
			out = append(out, word{brk: sp.st.brk, spaceSt: sp.st})
			pending, prevW = false, false
			continue
		}
		s := strings.ToValidUTF8(sp.text, "\uFFFD")
		start := -1 // where the current word's text in this span begins
		cut := func(end int) {
			if start >= 0 && end > start {
				raw = append(raw, span{s[start:end], sp.st})
			}
			start = -1
		}
		for i, r := range s {
			switch {
			case r != '\u00a0' && unicode.IsSpace(r):
				cut(i)
				finish()
				pending, spaceSt, prevW = true, sp.st, false
			case wide(r):
				cut(i)
				finish()
				raw = append(raw, span{s[i : i+utf8.RuneLen(r)], sp.st})
				finish()
				prevW = true
			default:
				if prevW {
					finish()
					prevW = false
				}
				if start < 0 {
					start = i
				}
			}
		}
		cut(len(s))
	}
	finish()
	d.wordBuf, d.pieceBuf = out, pieces
	return out
}

// spaceFace is the face that draws a space in a style.
func (d *doc) spaceFace(st style) int {
	if fc := primaryFace(st); d.fs.covers(fc, ' ') {
		return fc
	}
	if fc := d.fs.faceFor(st, ' '); fc >= 0 {
		return fc
	}
	return fRegular
}

// layout breaks spans into lines no wider than width. The lines' words
// are consecutive stretches of one slice, not a slice each.
func (d *doc) layout(spans []span, width float64) []line {
	width = max(width, 5)
	ws := d.words(spans)
	all := make([]word, 0, len(ws))
	var lines []line
	cur, start := line{}, 0
	push := func() {
		cur.words = all[start:len(all):len(all)]
		lines = append(lines, cur)
		cur, start = line{}, len(all)
	}
	add := func(wd word, sp float64) {
		if len(all) == start {
			wd.space = 0
		}
		all = append(all, wd)
		cur.w += sp + wd.w
		for _, p := range wd.pieces {
			cur.size = max(cur.size, p.st.size)
		}
	}
	for _, wd := range ws {
		if wd.brk > 0 {
			if len(all) == start && cur.size == 0 {
				cur.size = wd.spaceSt.size
			}
			push()
			if wd.brk == 2 {
				cur.gap = wd.spaceSt.size * ptMM * 0.6
			}
			continue
		}
		sp := wd.space
		if len(all) == start {
			sp = 0
		}
		if len(all) > start && cur.w+sp+wd.w > width {
			push()
			sp = 0
		}
		if len(all) == start && wd.w > width {
			chunks := d.split(wd, width)
			for _, c := range chunks[:len(chunks)-1] {
				add(c, 0)
				push()
			}
			wd = chunks[len(chunks)-1]
		}
		add(wd, sp)
	}
	if len(all) > start || cur.size > 0 {
		push()
	}
	for i := range lines {
		ln := &lines[i]
		if ln.size == 0 {
			ln.size = 10
		}
		ln.h = ln.size * ptMM * d.lead
	}
	return lines
}

// split cuts a word wider than width into chunks that fit, at least one
// character each, so that layout always advances.
func (d *doc) split(wd word, width float64) []word {
	var out []word
	cur := word{space: wd.space, spaceSt: wd.spaceSt}
	for _, p := range wd.pieces {
		start := 0
		acc := 0.0
		prev := rune(-1)
		for i, r := range p.text {
			rw := d.width(p.face, p.st, string(r))
			if i > start {
				rw += d.f.kern(prev, r)
			}
			prev = r
			if cur.w+acc+rw > width && (cur.w > 0 || acc > 0) {
				if i > start {
					cur.pieces = append(cur.pieces, piece{p.text[start:i], p.st, p.face, acc})
					cur.w += acc
				}
				out = append(out, cur)
				cur, start, acc = word{}, i, 0
				rw = d.width(p.face, p.st, string(r))
			}
			acc += rw
		}
		if start < len(p.text) {
			cur.pieces = append(cur.pieces, piece{p.text[start:], p.st, p.face, acc})
			cur.w += acc
		}
	}
	return append(out, cur)
}

// textHeight is the height lines take, gaps included.
func textHeight(lines []line) float64 {
	h := 0.0
	for _, ln := range lines {
		h += ln.gap + ln.h
	}
	return h
}

// drawLine draws ln with its top at y. align is 'L', 'C' or 'R'.
func (d *doc) drawLine(ln line, x, y, width float64, align byte) {
	switch align {
	case 'R':
		x += width - ln.w
	case 'C':
		x += (width - ln.w) / 2
	}
	y += ln.gap
	size := ln.size * ptMM
	base := y + (ln.h-size*(ascent+descent))/2 + size*ascent
	var seg piece
	segX := 0.0
	flush := func() {
		if seg.text != "" {
			d.drawPiece(seg, segX, base)
		}
		seg = piece{}
	}
	for _, wd := range ln.words {
		x += wd.space
		for i, p := range wd.pieces {
			joinable := seg.text != "" && seg.face == p.face && seg.st == p.st
			if i == 0 && wd.space > 0 {
				joinable = joinable && wd.spaceSt == p.st && d.spaceFace(p.st) == p.face
				if joinable {
					seg.text += " "
				}
			}
			if joinable {
				seg.text += p.text
				seg.w = x + p.w - segX
			} else {
				flush()
				seg, segX = p, x
			}
			x += p.w
		}
	}
	flush()
}

// drawPiece draws text whose baseline starts at (x, base).
func (d *doc) drawPiece(p piece, x, base float64) {
	f := d.f
	size := p.st.size * ptMM
	if p.st.bg {
		d.fill(rgb{238, 240, 243})
		f.Rect(x-0.5, base-size*ascent-0.3, p.w+1, size*(ascent+descent)+0.6, "F")
	}
	d.setFont(p.face, p.st.size)
	d.textColor(p.st.color)
	f.tabular = p.st.tnum
	f.Text(x, base, p.text)
	if p.st.link != "" || p.st.strike {
		d.draw(p.st.color)
		f.SetLineWidth(0.2)
		if p.st.link != "" {
			f.Line(x, base+0.6, x+p.w, base+0.6)
			f.LinkString(x, base-size*ascent, p.w, size*(ascent+descent), p.st.link)
		}
		if p.st.strike {
			f.Line(x, base-size*0.28, x+p.w, base-size*0.28)
		}
	}
}

// flow lays spans out from the current position and draws them, breaking
// pages between lines. Active block-quote bars are drawn beside each line.
func (d *doc) flow(spans []span, x, width float64, align byte) {
	lines := d.layout(spans, width)
	for i, ln := range lines {
		d.needLine(lines, i)
		d.drawLine(ln, x, d.y, width, align)
		for _, bx := range d.bars {
			d.fill(rgb{200, 205, 212})
			d.f.Rect(bx, d.y, 0.8, ln.gap+ln.h, "F")
		}
		d.y += ln.gap + ln.h
	}
}

// Widows and orphans: a paragraph broken across pages leaves at least
// minLines lines on each side; one of up to 2*minLines-1 lines that does
// not fit moves to the next page whole.
const minLines = 2

// needLine breaks the page, if it must, before line i of a paragraph is
// drawn at the cursor: when the line does not fit, and earlier where the
// break would leave fewer than minLines lines of the paragraph on either
// side of it.
func (d *doc) needLine(lines []line, i int) {
	h := lines[i].gap + lines[i].h
	if d.y+h > d.bot {
		d.newPage()
		return
	}
	if d.y <= d.top {
		return // a page of its own already: breaking again gains nothing
	}
	defer func() {
		if i == 0 {
			d.para()
		}
	}()
	// How many of the lines left fit on this page.
	fit, y := 0, d.y
	for _, ln := range lines[i:] {
		if y+ln.gap+ln.h > d.bot {
			break
		}
		y += ln.gap + ln.h
		fit++
	}
	rest := len(lines) - i
	switch {
	case fit == rest:
	case i == 0 && (fit < minLines || rest < 2*minLines):
		d.newPage() // an orphan, or a short paragraph: all on the next page
	case i >= minLines && rest == minLines:
		d.newPage() // else a widow: the last lines go over together
	}
}
