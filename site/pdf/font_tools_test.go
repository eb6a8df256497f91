package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"

	"github.com/aiready/aiready/internal/testtool"
)

// TestUserFontTools reads PDFs drawn with a user's font with poppler and
// qpdf: the subset must be a font that a real reader embeds, extracts text
// from and draws glyphs with.
func TestUserFontTools(t *testing.T) {
	for _, tc := range []struct {
		name       string
		font       func(t *testing.T) []byte
		text, diff string // two texts of different glyphs
	}{
		{"Go Regular", func(*testing.T) []byte { return goregular.TTF }, "Añ€ Жж", "xyz qrs"},
		{"composite glyph", func(t *testing.T) []byte { return smallFont(t, goregular.TTF, "AaéÑñ") }, "AAA", "ééé"},
		{"Droid Sans Fallback", func(t *testing.T) []byte {
			b, err := os.ReadFile(droidPath())
			if err != nil {
				testtool.Missing(t, "no CJK TrueType font (Debian's fonts-droid-fallback): %v", err)
			}
			return b
		}, "東京海上 漢字", "大阪の空 文書"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			needTool(t, "qpdf")
			font := tc.font(t)
			var inks [2][]byte
			for i, txt := range []string{tc.text, tc.diff} {
				pdf, err := userFontPDF(font, txt)
				if err != nil {
					t.Fatal(err)
				}
				checkXref(t, pdf)
				path := filepath.Join(t.TempDir(), "font.pdf")
				if err := os.WriteFile(path, pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				if out := runTool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
					t.Errorf("qpdf --check:\n%s", out)
				}
				fonts := runTool(t, "pdffonts", path)
				if !regexp.MustCompile(`[A-Z]{6}\+utf8user +CID TrueType +Identity-H +yes +yes +yes`).MatchString(fonts) {
					t.Errorf("the user's font is not an embedded CID TrueType font with a ToUnicode map:\n%s", fonts)
				}
				if got := text(t, path); strings.Count(got, txt) != 3 {
					t.Errorf("pdftotext finds %q %d times, want 3 (regular, bold, the user's face):\n%s", txt, strings.Count(got, txt), got)
				}
				inks[i] = drawn(t, path)
			}
			// Glyphs that are missing or broken in the subset draw nothing,
			// or the same .notdef box for every character.
			if bytes.Equal(inks[0], inks[1]) {
				t.Errorf("%q and %q draw the same pixels: the subset's glyphs are not drawn", tc.text, tc.diff)
			}
		})
	}
}

// drawn is the first page as poppler draws it, in grey; a message from
// poppler (a font it cannot read) fails the test.
func drawn(t *testing.T, path string) []byte {
	t.Helper()
	needTool(t, "pdftoppm")
	root := filepath.Join(t.TempDir(), "page")
	var stderr bytes.Buffer
	cmd := exec.Command("pdftoppm", "-r", "40", "-gray", "-singlefile", path, root)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftoppm: %v\n%s", err, stderr.String())
	}
	pgm, err := os.ReadFile(root + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	dark := 0
	for _, v := range pgm[20:] { // past the header
		if v < 128 {
			dark++
		}
	}
	if dark == 0 {
		t.Error("the page has no dark pixel")
	}
	return pgm
}
