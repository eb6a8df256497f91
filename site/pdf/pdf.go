// Package pdf draws an assessment's report as a PDF for a reader on paper:
// the sections of view.Report, with vector charts, the rubric's Markdown
// drawn by our own goldmark renderer, and Liberation Sans embedded so that
// Latin, Greek and Cyrillic text needs no system font. Two renders of the
// same report give the same bytes.
package pdf

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/view"
)

// Options change how the report is drawn.
type Options struct {
	Paper    string // "A4" (default) or "letter"
	Font     []byte // optional regular TrueType font for scripts the built-in fonts lack
	BoldFont []byte // optional bold TrueType font
	// Created is the document's creation and modification date
	// (SOURCE_DATE_EPOCH, else the assessment date), so that builds
	// repeat. Zero means the assessment date, else the Unix epoch.
	Created time.Time
}

// Render writes the report PDF to w. It returns one warning per distinct
// character that no loaded font can draw (such characters are left out of
// the page, never silently), and for branding that could not be used.
func Render(w io.Writer, rep *view.Report, opt Options) (warnings []string, err error) {
	d, err := newDoc(rep, opt)
	if err != nil {
		return nil, err
	}
	d.build()
	if d.err != nil {
		return nil, fmt.Errorf("report.pdf: %w", d.err)
	}
	if err := d.f.Output(w); err != nil {
		return nil, fmt.Errorf("report.pdf: %w", err)
	}
	return append(d.warns, d.fs.warns...), nil
}

// doc is one render in progress. It keeps its own cursor (y) and draws
// text at absolute positions.
type doc struct {
	f        *writer
	fs       *fontSet
	rep      *view.Report
	accent   brand
	pw, ph   float64 // page size
	left, cw float64 // left margin and content width
	top, bot float64 // first and last y of content
	lead     float64 // line height / font size
	y        float64
	bars     []float64 // x of the block-quote bars of the text being drawn

	t func(key string, args ...any) string // the report language's messages
	p *i18n.Printer

	curFace int
	curSize float64
	curFill rgb
	curDraw rgb

	toc    []*tocEntry
	tocAt  int // first reserved contents page
	runBuf []run
	// wordBuf is words' result, kept for the next call: no caller holds
	// it past its own loop. pieceBuf is where words carves the pieces of
	// words, which lines keep: a slice is handed out once and never
	// written again, and a full one is left to the lines that use it.
	wordBuf  []word
	pieceBuf []piece
	warns    []string
	err      error

	blk block // the block being drawn, kept on one page if it can be
}

// block is a part of a section from a heading to the next: an action, a
// red flag, a question's comments, a sub-section. One that a page break
// cuts moves whole to the next page when it fits there and that leaves
// the page before at least keepFull full, or when all that went over is
// a short tail. Tables that repeat their header on the next page pin
// their block where it is.
type block struct {
	on      bool
	at      pageMark
	y       float64 // top of its heading
	headEnd float64 // the cursor below its heading: nothing else drawn yet
	breaks  int     // page breaks inside it
	breakY  float64 // where the first one left its page
	pinned  bool
	paras   []para // where its paragraphs start on the current page
	before  []para // and on the page before
}

type para struct {
	at pageMark
	y  float64
}

// How full a page must stay when a block leaves it, and the height of a
// tail that goes back to its block whatever that leaves (about 4 lines).
const (
	keepFull  = 0.4
	shortTail = 20.0
)

// startBlock opens a block at the cursor, ending the one before; a block
// of nothing but its heading runs on into the next (a sub-section's
// heading stays with its first action).
func (d *doc) startBlock() {
	b := &d.blk
	if b.runsOn(d.y) {
		return
	}
	d.endBlock()
	*b = block{on: true, at: d.f.Mark(), y: d.y, paras: b.paras[:0], before: b.before[:0]}
}

// runsOn reports a block of only its heading, the cursor right below it.
func (b *block) runsOn(y float64) bool { return b.on && b.breaks == 0 && y == b.headEnd }

// para notes where a paragraph of the open block starts, before any page
// break in the block: a place to break instead when the block cannot
// move whole.
func (d *doc) para() {
	b := &d.blk
	if b.on && d.y > d.top && !(b.breaks == 0 && d.y <= b.headEnd) {
		b.paras = append(b.paras, para{d.f.Mark(), d.y})
	}
}

// endBlock closes the open block, moving it to the next page if it should
// go there whole (see block).
func (d *doc) endBlock() {
	b := &d.blk
	if !b.on {
		return
	}
	b.on = false
	if b.breaks == 0 || b.pinned {
		return
	}
	page := d.bot - d.top
	head, tail := b.breakY-b.y, d.y-d.top
	if b.breaks == 1 && d.f.PageNo() == b.at.page+1 && d.y+head <= d.bot &&
		(b.y-d.top >= keepFull*page || tail <= shortTail && b.y-d.top >= 0.15*page) {
		d.f.carry(b.at, b.y-d.top, head)
		d.y += head
		return
	}
	if tail > shortTail {
		return
	}
	// Too tall to move whole, and its tail alone: the tail takes with it
	// paragraphs from before the break, as many as make a fair page
	// (2*shortTail) or as the page before can spare.
	var from *para
	for i := len(b.before) - 1; i >= 0; i-- {
		p := &b.before[i]
		head := b.breakY - p.y
		if p.y-d.top < keepFull*page || p.at.page != d.f.PageNo()-1 || d.y+head > d.bot {
			break
		}
		from = p
		if head+tail >= 2*shortTail {
			break
		}
	}
	if from != nil {
		head := b.breakY - from.y
		d.f.carry(from.at, from.y-d.top, head)
		d.y += head
	}
}

// tocEntry is a section in the contents and the outline.
type tocEntry struct {
	title string
	page  int
	link  int
}

func newDoc(rep *view.Report, opt Options) (*doc, error) {
	size := struct{ Wd, Ht float64 }{210, 297}
	switch strings.ToLower(opt.Paper) {
	case "", "a4":
	case "letter":
		size.Wd, size.Ht = 215.9, 279.4
	default:
		return nil, fmt.Errorf("unknown paper %q: use A4 or letter", opt.Paper)
	}
	fs, err := newFontSet(opt)
	if err != nil {
		return nil, err
	}
	f := newWriter(size.Wd, size.Ht)
	d := &doc{f: f, fs: fs, rep: rep, pw: size.Wd, ph: size.Ht, lead: 1.42, curFace: -1, p: rep.P(), t: rep.P().T}
	d.left, d.cw = 22, size.Wd-44
	d.top, d.bot = 26, size.Ht-22
	d.accent = d.brand(rep.Meta.Color)

	created := opt.Created
	if created.IsZero() {
		created = rep.Meta.Date
	}
	if created.IsZero() {
		created = time.Unix(0, 0)
	}
	f.created = created
	m, r := rep.Meta, rep.Rubric
	f.SetInfo("Title", d.title())
	if m.Consultancy != "" {
		f.SetInfo("Author", m.Consultancy)
	}
	subject := r.Title
	if m.Client != "" {
		subject = d.t("pdf.subject", r.Title, m.Client)
	}
	f.SetInfo("Subject", subject)
	kw := []string{d.t("pdf.keyword"), r.ID}
	for _, dm := range rep.Dimensions {
		kw = append(kw, dm.Def.Title)
	}
	f.SetInfo("Keywords", strings.Join(kw, ", "))
	f.SetInfo("Creator", "aiready")
	f.SetInfo("Producer", "aiready")
	if lang := d.p.Tag(); langRE.MatchString(lang) {
		f.lang = lang
	}
	return d, nil
}

var (
	langRE = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)
)

func (d *doc) title() string {
	if t := d.rep.Meta.Title; t != "" {
		return t
	}
	return d.rep.Rubric.Title
}

// fail keeps the first error; drawing continues harmlessly and Render
// reports it.
func (d *doc) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *doc) setFont(face int, size float64) {
	if face == d.curFace && size == d.curSize {
		return
	}
	fc := d.fs.faces[face]
	if err := fc.register(); err != nil {
		d.fail(err)
		fc = d.fs.faces[fRegular]
		fc.register()
	}
	d.f.SetFont(fc.ff, size)
	d.curFace, d.curSize = face, size
}

// width measures s in a face and style.
func (d *doc) width(face int, st style, s string) float64 {
	d.setFont(face, st.size)
	d.f.tabular = st.tnum
	return d.f.GetStringWidth(s)
}

func (d *doc) textColor(c rgb) { d.f.SetTextColor(c.r, c.g, c.b) }

func (d *doc) fill(c rgb) {
	if c != d.curFill {
		d.f.SetFillColor(c.r, c.g, c.b)
		d.curFill = c
	}
}

func (d *doc) draw(c rgb) {
	if c != d.curDraw {
		d.f.SetDrawColor(c.r, c.g, c.b)
		d.curDraw = c
	}
}

// gotoPage moves to an earlier page to fill it in; the graphics state of
// that page is unknown, so everything is set again.
func (d *doc) gotoPage(n int) {
	d.f.SetPage(n)
	d.curFace, d.curSize = -1, 0
	d.curFill, d.curDraw = rgb{-1, -1, -1}, rgb{-1, -1, -1}
}

func (d *doc) newPage() {
	if b := &d.blk; b.on {
		if b.breaks == 0 || d.y > d.top {
			b.breakY = d.y
		}
		b.breaks++
		b.before, b.paras = append(b.before[:0], b.paras...), b.paras[:0]
	}
	d.f.AddPage()
	d.y = d.top
}

// need breaks the page unless h millimetres fit below the cursor.
func (d *doc) need(h float64) {
	if d.y+h > d.bot {
		d.newPage()
	}
}

// The text styles of the document.
func (d *doc) body() style  { return style{size: 10, color: ink} }
func (d *doc) small() style { return style{size: 8.5, color: muted} }

func bold(st style) style   { st.bold = true; return st }
func italic(st style) style { st.italic = true; return st }
func sized(st style, size float64) style {
	st.size = size
	return st
}
func colored(st style, c rgb) style {
	st.color = c
	return st
}

// text draws one paragraph of plain text across the content width.
func (d *doc) text(s string, st style) {
	d.flow([]span{{s, st}}, d.left, d.cw, 'L')
}

// spans draws one paragraph of styled text across the content width.
func (d *doc) spans(sp ...span) { d.flow(sp, d.left, d.cw, 'L') }

func (d *doc) gap(mm float64) {
	if d.y > d.top {
		d.y += mm
	}
}

// heading draws a sub-heading, kept with at least keep mm of what
// follows, and returns the y of its top.
func (d *doc) heading(s string, size float64, keep float64) float64 {
	lines := d.layout([]span{{s, style{size: size, bold: true, color: ink}}}, d.cw)
	if !d.blk.runsOn(d.y) {
		d.endBlock() // before a break for the heading: that is not the block's
	}
	d.need(textHeight(lines) + keep + size*ptMM*0.7)
	d.gap(size * ptMM * 0.7)
	d.startBlock()
	top := d.y
	for _, ln := range lines {
		d.drawLine(ln, d.left, d.y, d.cw, 'L')
		d.y += ln.h
	}
	d.y += 1
	d.blk.headEnd = d.y
	return top
}
