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
	d.need(textHeight(lines) + keep + size*ptMM*0.7)
	d.gap(size * ptMM * 0.7)
	top := d.y
	for _, ln := range lines {
		d.drawLine(ln, d.left, d.y, d.cw, 'L')
		d.y += ln.h
	}
	d.y += 1
	return top
}
