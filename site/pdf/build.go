package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // logos
	_ "image/png"  // logos
	"math"
	"sort"

	"github.com/aiready/aiready/site/view"
)

// section is one top-level part of the report: an entry in the contents
// and the outline, starting on a new page.
type section struct {
	title  string
	kicker string // small line above the title
	draw   func()
}

// sections lists the report's parts in view's order (Report.Sections),
// each with what the PDF draws for it.
func (d *doc) sections() []section {
	var secs []section
	for _, vs := range d.rep.Sections() {
		s := section{title: vs.Title}
		switch vs.Kind {
		case view.SectionSummary:
			s.draw = d.summary
		case view.SectionFlags:
			s.draw = func() { d.flags(); d.flagDeltas() }
		case view.SectionClaims:
			s.draw = d.claims
		case view.SectionDimension:
			dm := vs.Dimension
			s.kicker = d.t("report.dimension_n", vs.Index+1, len(d.rep.Dimensions))
			s.draw = func() { d.dimension(dm) }
		case view.SectionSegments:
			s.draw = d.segmentOverview
		case view.SectionGap:
			s.draw = d.perceptionGap
		case view.SectionPlan:
			s.draw = d.plan
		case view.SectionComments:
			s.draw = d.comments
		case view.SectionDrivers:
			s.draw = d.drivers
		case view.SectionMethod:
			s.kicker = d.t("pdf.appendix")
			s.draw = func() { d.method(); d.measure() }
		case view.SectionFrameworks:
			s.kicker = d.t("pdf.appendix")
			s.draw = d.frameworks
		}
		secs = append(secs, s)
	}
	return secs
}

func (d *doc) build() {
	secs := d.sections()
	d.cover()
	d.reserveContents(secs)
	for _, s := range secs {
		e := &tocEntry{title: s.title, link: d.f.AddLink()}
		d.toc = append(d.toc, e)
		d.open(e, s.kicker)
		s.draw()
		d.endBlock()
	}
	d.fillContents()
	d.chrome()
	d.f.SetPage(d.f.PageCount())
}

// open starts a section on a new page: outline entry, link target, title.
func (d *doc) open(e *tocEntry, kicker string) {
	d.newPage()
	e.page = d.f.PageNo()
	d.f.SetLink(e.link, 0, e.page)
	d.f.Bookmark(e.title, 0, d.y)
	if kicker != "" {
		d.text(kicker, bold(colored(sized(d.body(), 8.5), d.accent.text)))
	}
	d.flow([]span{{e.title, style{size: 20, bold: true, color: ink}}}, d.left, d.cw, 'L')
	d.y += 1.5
	d.fill(d.accent.fill)
	d.f.Rect(d.left, d.y, 18, 0.9, "F")
	d.y += 7
}

// sub starts a part of a section, with an outline entry below the section's.
func (d *doc) sub(title string) {
	top := d.heading(title, 13, 22)
	d.f.Bookmark(title, 1, top)
}

// contentsLine is one entry of the contents page, laid out.
func (d *doc) contentsLines(title string) []line {
	return d.layout([]span{{title, sized(d.body(), 11)}}, d.cw-22)
}

// reserveContents adds as many pages as the contents will need; they are
// filled in once every section's page is known.
func (d *doc) reserveContents(secs []section) {
	h := 0.0
	for _, s := range secs {
		h += textHeight(d.contentsLines(s.title)) + 3.2
	}
	d.newPage()
	d.tocAt = d.f.PageNo()
	d.f.Bookmark(d.t("pdf.contents"), 0, d.y)
	d.flow([]span{{d.t("pdf.contents"), style{size: 20, bold: true, color: ink}}}, d.left, d.cw, 'L')
	d.y += 1.5
	d.fill(d.accent.fill)
	d.f.Rect(d.left, d.y, 18, 0.9, "F")
	d.y += 9
	first := d.bot - d.y
	for extra := h - first; extra > 0; extra -= d.bot - d.top {
		d.newPage()
	}
}

func (d *doc) fillContents() {
	page := d.tocAt
	d.gotoPage(page)
	d.y = d.top + 20*ptMM*d.lead + 1.5 + 0.9 + 9
	st := sized(d.body(), 11)
	for _, e := range d.toc {
		lines := d.contentsLines(e.title)
		h := textHeight(lines) + 3.2
		if d.y+h > d.bot {
			page++
			d.gotoPage(page)
			d.y = d.top
		}
		y := d.y + 1.6
		for _, ln := range lines {
			d.drawLine(ln, d.left, y, d.cw-22, 'L')
			y += ln.h
		}
		last := lines[len(lines)-1]
		d.place(fmt.Sprint(e.page), st, d.left+d.cw, y-last.h, 'R')
		// dotted leader from the title to the number
		d.draw(rule)
		d.f.SetLineWidth(0.25)
		d.f.SetDashPattern([]float64{0.3, 1.2}, 0)
		ly := y - last.h*0.3
		d.f.Line(d.left+last.w+2, ly, d.left+d.cw-10, ly)
		d.f.SetDashPattern(nil, 0)
		d.f.Link(d.left, d.y, d.cw, h, e.link)
		d.y += h
	}
}

// chrome draws the running header and the "page X of Y" footer on every
// page but the cover, once the number of pages is known.
func (d *doc) chrome() {
	n := d.f.PageCount()
	st := sized(d.small(), 7.5)
	half := d.cw/2 - 4
	// The same on every page: clipped once.
	title, client := d.clip(d.title(), st, half), d.clip(d.rep.Meta.Client, st, half)
	author := d.rep.Meta.Consultancy
	var byline line
	if author != "" {
		byline = d.clip(author, st, half)
	}
	for p := 2; p <= n; p++ {
		d.gotoPage(p)
		d.drawLine(title, d.left, 12, half, 'L')
		d.drawLine(client, d.left+d.cw-half, 12, half, 'R')
		d.draw(rule)
		d.f.SetLineWidth(0.2)
		d.f.Line(d.left, 16.5, d.left+d.cw, 16.5)
		fy := d.ph - 14
		if author != "" {
			d.drawLine(byline, d.left, fy, half, 'L')
		}
		d.drawLine(d.layout([]span{{d.t("pdf.page", p, n), st}}, half)[0], d.left+d.cw-half, fy, half, 'R')
	}
}

// clip returns s as one line no wider than w, shortened with an ellipsis
// at the longest start that fits. A start's width only grows with its
// length, so the cut is found by halving (laying the title out again for
// every character dropped took seconds for a long one).
func (d *doc) clip(s string, st style, w float64) line {
	lines := d.layout([]span{{s, st}}, 1e4)
	if len(lines) == 0 {
		return line{size: st.size, h: st.size * ptMM * d.lead}
	}
	if lines[0].w <= w {
		return lines[0]
	}
	rs := []rune(s)
	cut := func(n int) line { return d.layout([]span{{string(rs[:n]) + "…", st}}, 1e4)[0] }
	// The first n in [2, len(rs)) that is too wide; one less fits, or 1.
	n := 2 + sort.Search(max(len(rs)-2, 0), func(i int) bool { return cut(i+2).w > w })
	return cut(n - 1)
}

// cover draws the title page: who it is for, when, by whom, and the logo.
func (d *doc) cover() {
	m := d.rep.Meta
	d.newPage()
	f := d.f
	d.fill(d.accent.fill)
	f.Rect(0, 0, d.pw, 6, "F")
	y := 24.0
	if img := d.logo(); img != nil {
		// at most 60 x 22 mm, keeping its shape
		w, h := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
		s := math.Min(60/w, 22/h)
		f.Image(img, d.left, y, w*s, h*s)
	}
	d.y = d.ph * 0.3
	d.text(d.t("pdf.cover_kicker"), bold(colored(sized(d.body(), 9), d.accent.text)))
	d.y += 3
	d.text(d.title(), style{size: 26, bold: true, color: ink})
	d.y += 5
	if m.Client != "" {
		d.text(m.Client, colored(sized(d.body(), 16), d.accent.text))
		d.y += 4
	}
	d.fill(d.accent.fill)
	f.Rect(d.left, d.y+2, 30, 1.2, "F")

	d.y = max(d.y+8, d.ph*0.68) // below a title and client that run long
	rows := [][2]string{}
	if !m.Date.IsZero() {
		rows = append(rows, [2]string{d.t("pdf.date"), view.Date(d.p, m.Date)})
	}
	if m.Consultancy != "" {
		rows = append(rows, [2]string{d.t("pdf.prepared_by"), m.Consultancy})
	}
	res, r := d.rep.Result, d.rep.Rubric
	rows = append(rows,
		[2]string{d.t("report.col.respondents"), fmt.Sprint(res.Respondents)},
		[2]string{d.t("pdf.method"), d.t("pdf.method_version", r.Title, r.Version)})
	t := &table{x: d.left, w: d.cw, widths: []float64{32, d.cw - 32}, pad: 1.6}
	for _, row := range rows {
		t.rows = append(t.rows, []cell{textCell(row[0], colored(d.body(), muted)), textCell(row[1], d.body())})
	}
	d.drawTable(t)
	if d.rep.SmallGroups != "" {
		d.y += 4
		d.text(d.rep.SmallGroups, bold(colored(d.body(), weak)))
	}
}

// maxLogoPixels bounds the logo: it is drawn at most 60 x 22 mm, for
// which 16 megapixels is far more than any printer resolves, and each
// pixel costs about 12 bytes while the PDF is made.
const maxLogoPixels = 16 << 20

// logo decodes the brand's logo, or returns nil (with a warning) when
// there is none or it cannot be read.
func (d *doc) logo() *image.NRGBA {
	b := d.rep.Meta.Logo
	if len(b) == 0 {
		return nil
	}
	// The header first: a few bytes can claim a picture of gigabytes.
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil && cfg.Width*cfg.Height > maxLogoPixels {
		d.warns = append(d.warns, fmt.Sprintf("logo: %d x %d pixels is more than the %d megapixels the PDF takes; the cover has none",
			cfg.Width, cfg.Height, maxLogoPixels>>20))
		return nil
	}
	img, format, err := image.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() == 0 || img.Bounds().Dy() == 0 {
		d.warns = append(d.warns, "logo: not a readable PNG or JPEG image; the cover has none")
		return nil
	}
	if format != "png" && format != "jpeg" {
		d.warns = append(d.warns, "logo: only PNG and JPEG images are supported; the cover has none")
		return nil
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	return rgba
}
