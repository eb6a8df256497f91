package pdf

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"github.com/aiready/aiready/site/view"
)

// A number that is not finite would write "NaN" into the file: the
// document fails instead, before its first byte.
func TestNonFinite(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for name, draw := range map[string]func(p *writer){
		"line":       func(p *writer) { p.Line(0, 0, nan, 10) },
		"rect":       func(p *writer) { p.Rect(inf, 0, 10, 10, "F") },
		"circle":     func(p *writer) { p.Circle(10, 10, nan, "FD") },
		"polygon":    func(p *writer) { p.Polygon([]point{{0, 0}, {nan, 1}, {2, 2}}, "D") },
		"line width": func(p *writer) { p.SetLineWidth(inf) },
		"dashes":     func(p *writer) { p.SetDashPattern([]float64{1, nan}, 0) },
		"alpha":      func(p *writer) { p.SetAlpha(nan) },
		"text":       func(p *writer) { p.Text(nan, 20, "x") },
		"font size":  func(p *writer) { p.SetFont(p.font, inf); p.Text(10, 20, "x") },
		"link":       func(p *writer) { p.Link(10, nan, 5, 5, p.AddLink()) },
		"link y":     func(p *writer) { l := p.AddLink(); p.SetLink(l, inf, 1); p.Link(10, 10, 5, 5, l) },
		"uri":        func(p *writer) { p.LinkString(10, 10, inf, 5, "https://example.org") },
		"bookmark":   func(p *writer) { p.Bookmark("x", 0, nan) },
		"image":      func(p *writer) { p.Image(image.NewNRGBA(image.Rect(0, 0, 1, 1)), 0, 0, nan, 1) },
	} {
		p := testWriter(t)
		draw(p)
		var b bytes.Buffer
		if err := p.Output(&b); err == nil || b.Len() > 0 {
			t.Errorf("%s: error %v, %d bytes written", name, err, b.Len())
		}
	}
	var b bytes.Buffer
	if err := testWriter(t).Output(&b); err != nil || b.Len() == 0 {
		t.Errorf("a finite page: %v", err)
	}
}

func testWriter(t *testing.T) *writer {
	sf, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	ff, err := newFontFile("utf8go", goregular.TTF, sf)
	if err != nil {
		t.Fatal(err)
	}
	p := newWriter(210, 297)
	p.AddPage()
	p.SetFont(ff, 10)
	p.Text(10, 20, "finite")
	return p
}

// Every kind of PNG and JPEG that image.Decode gives is drawn as 8-bit RGB
// with an alpha mask; a logo whose header claims more pixels than the
// limit is refused before it is decoded.
func TestLogoKinds(t *testing.T) {
	rect := image.Rect(0, 0, 30, 12)
	gray, gray16 := image.NewGray(rect), image.NewGray16(rect)
	pal := image.NewPaletted(rect, append(color.Palette{color.Transparent}, palette.WebSafe[:40]...))
	rgba, cmyk := image.NewRGBA(rect), image.NewCMYK(rect)
	for x := range 30 {
		for y := range 12 {
			gray.SetGray(x, y, color.Gray{uint8(x * 8)})
			gray16.SetGray16(x, y, color.Gray16{uint16(y * 5000)})
			pal.SetColorIndex(x, y, uint8((x+y)%41))
			rgba.SetRGBA(x, y, color.RGBA{uint8(x * 8), 0x40, 0x80, 0xff})
			cmyk.SetCMYK(x, y, color.CMYK{uint8(x * 8), 0x20, 0x10, 0})
		}
	}
	enc := func(img image.Image, jpg bool) []byte {
		var b bytes.Buffer
		var err error
		if jpg {
			err = jpeg.Encode(&b, img, nil)
		} else {
			err = png.Encode(&b, img)
		}
		if err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, tc := range []struct {
		name string
		logo []byte
		warn string
	}{
		{"png gray", enc(gray, false), ""},
		{"png gray16", enc(gray16, false), ""},
		{"png paletted transparent", enc(pal, false), ""},
		{"png rgba", enc(rgba, false), ""},
		{"png nrgba64", testLogo(t), ""},
		{"jpeg ycbcr", enc(rgba, true), ""},
		{"jpeg gray", enc(gray, true), ""},
		{"jpeg from cmyk", enc(cmyk, true), ""},
		{"png of 100000 x 100000", hugePNG(t, 100000, 100000), "logo: 100000 x 100000 pixels is more than the 16 megapixels"},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "logo: not a readable PNG or JPEG"},
	} {
		rep := demoReport(t)
		rep.Meta.Logo = tc.logo
		d, err := newDoc(rep, Options{})
		if err != nil {
			t.Fatal(err)
		}
		d.cover()
		var b bytes.Buffer
		if err := d.f.Output(&b); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		switch {
		case tc.warn == "" && len(d.warns) > 0:
			t.Errorf("%s: warnings %q", tc.name, d.warns)
		case tc.warn != "" && (len(d.warns) != 1 || !strings.HasPrefix(d.warns[0], tc.warn)):
			t.Errorf("%s: warnings %q, want %q", tc.name, d.warns, tc.warn)
		}
		images := 0
		if tc.warn == "" {
			images = 2 // the picture and its alpha mask
		}
		if n := bytes.Count(b.Bytes(), []byte("/Subtype /Image")); n != images {
			t.Errorf("%s: %d images in the PDF, want %d", tc.name, n, images)
		}
		t.Run(tc.name, func(t *testing.T) {
			checkXref(t, b.Bytes())
			needTool(t, "qpdf")
			path := filepath.Join(t.TempDir(), "logo.pdf")
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if out := runTool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			drawn(t, path)
		})
	}
}

// hugePNG is a valid PNG header that claims w x h pixels, with one row of
// data: decoding it would allocate gigabytes.
func hugePNG(t *testing.T, w, h uint32) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	p := b.Bytes()
	ihdr := p[12 : 12+4+13] // type and data of the first chunk
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	binary.BigEndian.PutUint32(p[12+4+13:], crc32.ChecksumIEEE(ihdr))
	return p
}

// longReport has a word wider than the page as its client, characters no
// font has and controls; with longTitle, a title that fills the cover and
// is clipped in every page's header.
func longReport(tb testing.TB, longTitle bool) (*view.Report, string) {
	long := strings.Repeat("Donaudampfschifffahrt", 30)
	rep := demoReport(tb)
	rep.Meta.Client = long + " \x01\u200b😀 " + strings.Repeat("東", 200)
	if longTitle {
		rep.Meta.Title = strings.Repeat("W", 400)
	}
	return rep, long
}

// Long words and characters that no font has: the render gives a readable
// file and says what it left out.
func TestUnusualText(t *testing.T) {
	for _, longTitle := range []bool{true, false} {
		rep, _ := longReport(t, longTitle)
		pdf, warns := render(t, rep, Options{})
		checkXref(t, pdf)
		if len(warns) != 2 {
			t.Errorf("long title %v: warnings %q, want the emoji and 東", longTitle, warns)
		}
	}
	rep, long := longReport(t, false)
	pdf, warns := render(t, rep, Options{})
	if len(warns) != 2 {
		t.Errorf("warnings %q, want the emoji and 東", warns)
	}
	checkXref(t, pdf)
	needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "long.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cover := strings.ReplaceAll(text(t, "-l", "1", path), " ", "")
	if at := strings.Index(cover, long); at < 0 || at > strings.Index(cover, "Date20November2026") {
		t.Errorf("the long word is not on the cover, broken across lines, above the date:\n%s", cover)
	}
}

// Text drawn on a page gone back to comes out in the text colour, even if
// that page was left with another fill than the writer's last one (Text
// sets its colour only when it differs from the fill).
func TestSetPageRestoresColours(t *testing.T) {
	p := testWriter(t)
	p.SetFillColor(255, 0, 0)
	p.Rect(0, 0, 10, 10, "F") // page 1 left filled red
	p.AddPage()
	p.SetFillColor(0, 0, 0) // page 2 black
	p.SetPage(1)
	p.SetTextColor(0, 0, 0) // the same as the writer's fill
	p.Text(10, 40, "black")
	ops := p.pages[0].buf.String()
	draw := strings.LastIndex(ops, "BT ")
	red, black := strings.LastIndex(ops[:draw], "1.000 0.000 0.000 rg"), strings.LastIndex(ops[:draw], "0.000 0.000 0.000 rg")
	if black < red {
		t.Errorf("the text on page 1 is drawn while its fill is still red:\n%s", ops)
	}
}
