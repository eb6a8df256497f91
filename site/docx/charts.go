package docx

import (
	"bytes"
	"image"
	"image/color"
	_ "image/jpeg" // logos
	"image/png"
	"math"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/gomutex/godocx/common/units"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/aiready/aiready/site/view"
)

// The charts are PNG images drawn with Go's image packages and
// golang.org/x/image (vector for anti-aliased shapes, opentype for the
// labels in Liberation Sans, which the PDF embeds too): no other process,
// no font of the machine, and the same bytes on every build. Word shows
// PNG everywhere; SVG in a .docx needs a PNG fallback anyway.

// scale is pixels per point of the drawing: twice the page's resolution.
const scale = 2

var (
	ink   = color.RGBA{33, 37, 41, 255}
	muted = color.RGBA{96, 102, 110, 255}
	rule  = color.RGBA{212, 216, 222, 255}
	weak  = color.RGBA{196, 78, 52, 255}
)

type canvas struct {
	img  *image.RGBA
	face font.Face
}

func newCanvas(w, h int) (*canvas, error) {
	f, err := opentype.Parse(liberationsansregular.TTF)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 11 * scale, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	return &canvas{img: img, face: face}, nil
}

type pt struct{ x, y float64 }

// fill fills a closed polygon, rasterising only the box around it (a
// rasteriser of the whole image for each dash took a second and a half).
func (c *canvas) fill(pts []pt, col color.Color) {
	x0, y0, x1, y1 := pts[0].x, pts[0].y, pts[0].x, pts[0].y
	for _, p := range pts {
		x0, y0, x1, y1 = min(x0, p.x), min(y0, p.y), max(x1, p.x), max(y1, p.y)
	}
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1))+1, int(math.Ceil(y1))+1).Intersect(c.img.Bounds())
	if box.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	z.MoveTo(float32(pts[0].x-ox), float32(pts[0].y-oy))
	for _, p := range pts[1:] {
		z.LineTo(float32(p.x-ox), float32(p.y-oy))
	}
	z.ClosePath()
	z.Draw(c.img, box, image.NewUniform(col), image.Point{})
}

// line strokes a segment of width w.
func (c *canvas) line(a, b pt, w float64, col color.Color) {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	c.fill([]pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}, col)
}

// dashed strokes a closed polygon in dashes.
func (c *canvas) dashed(pts []pt, w, on, off float64, col color.Color) {
	for i := range pts {
		a, b := pts[i], pts[(i+1)%len(pts)]
		l := math.Hypot(b.x-a.x, b.y-a.y)
		for s := 0.0; s < l; s += on + off {
			e := math.Min(s+on, l)
			c.line(pt{a.x + (b.x-a.x)*s/l, a.y + (b.y-a.y)*s/l}, pt{a.x + (b.x-a.x)*e/l, a.y + (b.y-a.y)*e/l}, w, col)
		}
	}
}

func (c *canvas) outline(pts []pt, w float64, col color.Color) {
	for i := range pts {
		c.line(pts[i], pts[(i+1)%len(pts)], w, col)
	}
}

func (c *canvas) dot(p pt, r float64, col color.Color) {
	pts := make([]pt, 24)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / 24
		pts[i] = pt{p.x + r*math.Cos(a), p.y + r*math.Sin(a)}
	}
	c.fill(pts, col)
}

func (c *canvas) width(s string) float64 { return float64(font.MeasureString(c.face, s)) / 64 }

// text writes s with its baseline at y, starting at x, cut short with an
// ellipsis to fit max pixels if max > 0.
func (c *canvas) text(s string, x, y, max float64, col color.Color) {
	if max > 0 && c.width(s) > max {
		r := []rune(s)
		for len(r) > 1 && c.width(string(r)+"…") > max {
			r = r[:len(r)-1]
		}
		s = string(r) + "…"
	}
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: c.face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
	d.DrawString(s)
}

func (c *canvas) png() ([]byte, error) {
	var b bytes.Buffer
	err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, c.img)
	return b.Bytes(), err
}

func score(d *view.Dimension) float64 {
	if d.Result.Score == nil {
		return 0
	}
	return min(max(*d.Result.Score, 0), 100)
}

// bars draws each dimension's score as a bar on 0 to 100, the target as
// a dashed line across them.
func (c *conv) bars() ([]byte, float64, float64, error) {
	dims, p := c.rep.Dimensions, c.rep.P()
	const wPt, rowPt, topPt = 468.0, 26.0, 8.0
	w, row, top := wPt*scale, rowPt*scale, topPt*scale
	h := top*2 + row*float64(len(dims)) + 14*scale
	cv, err := newCanvas(int(w), int(h))
	if err != nil {
		return nil, 0, 0, err
	}
	labelW := 150.0 * scale
	x0, x1 := labelW+8*scale, w-44*scale
	fill := rgba(c.accent.Graphic)
	for i, d := range dims {
		y := top + row*float64(i)
		cv.text(d.Def.Title, 0, y+row*0.62, labelW, ink)
		cv.fill([]pt{{x0, y + row*0.2}, {x1, y + row*0.2}, {x1, y + row*0.8}, {x0, y + row*0.8}}, color.RGBA{240, 242, 245, 255})
		if d.Result.Score != nil {
			xe := x0 + (x1-x0)*score(d)/100
			cv.fill([]pt{{x0, y + row*0.2}, {xe, y + row*0.2}, {xe, y + row*0.8}, {x0, y + row*0.8}}, fill)
		}
		cv.text(view.ScoreOr(p, d.Result.Score, "–"), x1+6*scale, y+row*0.62, 0, ink)
	}
	tx := x0 + (x1-x0)*min(max(c.rep.Rubric.Target, 0), 100)/100
	yEnd := top + row*float64(len(dims))
	for y := top; y < yEnd; y += 6 * scale {
		cv.line(pt{tx, y}, pt{tx, math.Min(y+3.5*scale, yEnd)}, 1.2*scale, weak)
	}
	for _, v := range []float64{0, 25, 50, 75, 100} {
		s := view.Setting(p, v)
		x := x0 + (x1-x0)*v/100 - cv.width(s)/2
		cv.text(s, x, yEnd+12*scale, 0, muted)
	}
	b, err := cv.png()
	return b, wPt / 72, h / scale / 72, err
}

// radar draws the dimension scores on axes from the centre (0) to the rim
// (100), the target as a dashed ring, as the site and the PDF do; fewer
// than three dimensions make no polygon, and no radar.
func (c *conv) radar() ([]byte, float64, float64, error) {
	dims, p := c.rep.Dimensions, c.rep.P()
	n := len(dims)
	const wPt, hPt = 468.0, 300.0
	w, h := wPt*scale, hPt*scale
	cv, err := newCanvas(int(w), int(h))
	if err != nil {
		return nil, 0, 0, err
	}
	cx, cy, r := w/2, h/2, 95.0*scale
	at := func(i int, v float64) pt {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return pt{cx + r*v/100*math.Cos(a), cy + r*v/100*math.Sin(a)}
	}
	ring := func(v float64) []pt {
		pts := make([]pt, n)
		for i := range pts {
			pts[i] = at(i, v)
		}
		return pts
	}
	for _, v := range []float64{25, 50, 75, 100} {
		cv.outline(ring(v), 0.6*scale, rule)
	}
	for i := range n {
		cv.line(pt{cx, cy}, at(i, 100), 0.6*scale, rule)
	}
	pts := make([]pt, n)
	for i, d := range dims {
		pts[i] = at(i, score(d))
	}
	g := rgba(c.accent.Graphic)
	cv.fill(pts, color.RGBA{uint8(int(g.R) * 46 / 255), uint8(int(g.G) * 46 / 255), uint8(int(g.B) * 46 / 255), 46})
	cv.outline(pts, 1.4*scale, g)
	for _, q := range pts {
		cv.dot(q, 2.4*scale, g)
	}
	cv.dashed(ring(min(max(c.rep.Rubric.Target, 0), 100)), 1*scale, 4*scale, 3*scale, weak)
	for i, d := range dims {
		q := at(i, 100)
		label := d.Def.Title + " " + view.ScoreOr(p, d.Result.Score, "–")
		maxW := cx - r - 14*scale // beside the rim
		if math.Abs(q.x-cx) <= 1 {
			maxW = w - 16*scale // above or below it
		}
		lw := math.Min(cv.width(label), maxW)
		x := q.x - lw/2
		switch {
		case q.x > cx+1:
			x = q.x + 8*scale
		case q.x < cx-1:
			x = q.x - 8*scale - lw
		}
		y := q.y + 4*scale
		switch {
		case q.y < cy-r*0.9:
			y = q.y - 8*scale
		case q.y > cy+r*0.9:
			y = q.y + 18*scale
		}
		cv.text(label, x, y, maxW, ink)
	}
	b, err := cv.png()
	return b, wPt / 72, hPt / 72, err
}

// charts puts the bars, and the radar when there are three dimensions or
// more, after the table of the dimensions' scores.
func (c *conv) charts() error {
	if len(c.rep.Dimensions) == 0 {
		return nil
	}
	draw := []func() ([]byte, float64, float64, error){c.bars}
	if len(c.rep.Dimensions) >= 3 {
		draw = append(draw, c.radar)
	}
	for _, f := range draw {
		data, w, h, err := f()
		if err != nil {
			return err
		}
		path, err := c.image(data, "png")
		if err != nil {
			return err
		}
		if _, err := c.doc.AddPicture(path, units.Inch(w), units.Inch(h)); err != nil {
			return err
		}
	}
	return nil
}

// logo puts the client's logo above the title, at most 0.8 in high and
// 2.5 in wide.
func (c *conv) logo() error {
	meta := c.rep.Meta
	if len(meta.Logo) == 0 {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(meta.Logo))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return nil // the site and the PDF checked it; nothing to show
	}
	ext := "png"
	if meta.LogoType == "jpeg" {
		ext = "jpeg"
	}
	path, err := c.image(meta.Logo, ext)
	if err != nil {
		return err
	}
	h := 0.8
	w := h * float64(cfg.Width) / float64(cfg.Height)
	if w > 2.5 {
		w, h = 2.5, 2.5*float64(cfg.Height)/float64(cfg.Width)
	}
	_, err = c.doc.AddPicture(path, units.Inch(w), units.Inch(h))
	return err
}
