package pdf

import (
	"bytes"
	"crypto/sha256"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

func render(t testing.TB, rep *view.Report, opt Options) ([]byte, []string) {
	t.Helper()
	var b bytes.Buffer
	warns, err := Render(&b, rep, opt)
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), warns
}

func TestDeterministic(t *testing.T) {
	rep := demoReport(t)
	fontSum := sha256.Sum256(liberationsansregular.TTF)
	a, _ := render(t, rep, Options{})
	b, _ := render(t, rep, Options{})
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same report differ")
	}
	// The fonts are subset from the shared font data, which must stay as
	// it was.
	if sha256.Sum256(liberationsansregular.TTF) != fontSum {
		t.Error("rendering changed liberationsansregular.TTF")
	}
	c, _ := render(t, rep, Options{Created: time.Unix(1700000000, 0)})
	if !bytes.Contains(c, []byte("/CreationDate (D:20231114221320)")) || !bytes.Contains(c, []byte("/ModDate (D:20231114221320)")) {
		t.Error("Options.Created is not the document's date")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20261120000000)")) {
		t.Error("without Options.Created the date is not the assessment's")
	}
}

func TestMissingCharacters(t *testing.T) {
	rep := demoReport(t)
	rep.Meta.Client = "東京 😀 東京 Αθήνα"
	_, warns := render(t, rep, Options{})
	want := []string{
		`character "東" (U+6771) is not in any loaded font; it will not show`,
		`character "京" (U+4EAC) is not in any loaded font; it will not show`,
		`character "😀" (U+1F600) is not in any loaded font; it will not show`,
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
}

// A font given with Options.Font draws what the Go fonts lack.
func TestUserFont(t *testing.T) {
	path := "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf" // Debian's fonts-droid-fallback
	if m, _ := filepath.Glob("/usr/share/ghostscript/*/Resource/CIDFSubst/DroidSansFallback.ttf"); len(m) > 0 {
		path = m[0]
	}
	ttf, err := os.ReadFile(path)
	if err != nil {
		testtool.Missing(t, "no CJK TrueType font (Debian's fonts-droid-fallback): %v", err)
	}
	rep := demoReport(t)
	rep.Meta.Client = "東京海上"
	pdf, warns := render(t, rep, Options{Font: ttf})
	if len(warns) > 0 {
		t.Errorf("warnings with a CJK font: %q", warns)
	}
	if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+utf8user`).Match(pdf) {
		t.Error("the user's font is not embedded")
	}
}

func TestBadOptions(t *testing.T) {
	rep := demoReport(t)
	for name, opt := range map[string]Options{
		"paper":      {Paper: "A3"},
		"not a font": {Font: []byte("definitely not a font file")},
		"otf":        {Font: append([]byte("OTTO"), make([]byte, 64)...)},
		"bold":       {Font: goregular.TTF, BoldFont: []byte("nope, not this either")},
		"damaged":    {Font: damagedLoca(t)},
	} {
		if _, err := Render(io.Discard, rep, opt); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestPaperAndBrand(t *testing.T) {
	rep := demoReport(t)
	rep.Meta.Color = "#0a7f5a"
	rep.Meta.Logo = testLogo(t)
	pdf, warns := render(t, rep, Options{Paper: "letter"})
	if len(warns) > 0 {
		t.Errorf("warnings: %q", warns)
	}
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("letter paper is not 612 x 792 pt")
	}
	if !bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("the logo is not in the PDF")
	}
	rep.Meta.Color = "teal"
	rep.Meta.Logo = []byte("GIF89a, or rather not")
	_, warns = render(t, rep, Options{})
	if len(warns) != 2 || !strings.Contains(warns[0], `"teal"`) || !strings.Contains(warns[1], "logo") {
		t.Errorf("warnings: %q", warns)
	}
}

// testLogo is a 16-bit PNG with transparency: the renderer converts it to
// 8-bit RGB and an alpha mask.
func testLogo(t *testing.T) []byte {
	img := image.NewNRGBA64(image.Rect(0, 0, 40, 16))
	for x := 0; x < 40; x++ {
		for y := 0; y < 16; y++ {
			img.Set(x, y, color.NRGBA64{R: uint16(x * 1600), G: 0x3000, B: 0x9000, A: uint16(0xffff - y*2000)})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A report of a group too small for anything: no scores, no plan.
func TestEmptyReport(t *testing.T) {
	rep := demoReport(t)
	r := rep.Rubric
	s := assess.NewScorer(r, assess.Options{})
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(io.Discard, view.New(res, view.Meta{}), Options{}); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkPDF(b *testing.B) {
	long, _ := longReport(b, true)
	for name, rep := range map[string]*view.Report{"demo": demoReport(b), "long-title": long} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(io.Discard, rep, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// damagedLoca is Go Regular with glyph locations pointing past its glyphs:
// a font that parses but cannot be embedded must fail the render, not
// panic half-way through writing it.
func damagedLoca(t testing.TB) []byte {
	b := bytes.Clone(goregular.TTF)
	off := tableAt(t, b, "loca")
	for j := off + 4; j < off+64; j++ {
		b[j] = 0xff
	}
	return b
}
