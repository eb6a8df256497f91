package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"unicode"

	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
)

// face is one embedded font file and its name inside the PDF.
type face struct {
	name string // BaseFont, before the subset tag
	ttf  []byte
	sf   *sfnt.Font
	ff   *fontFile // nil until first used
	err  error
	// text: a built-in text face, whose tabular figures are set
	// proportionally in running text (see fontFile.figures)
	text bool
}

// The faces of a fontSet, by index.
const (
	fRegular = iota
	fBold
	fItalic
	fBoldItalic
	fMono
	fMonoBold
	fUser
	fUserBold
	nFaces
)

// fontSet picks, for every character, a loaded font that can draw it:
// Liberation Sans first (Latin, Greek, Cyrillic; Liberation Mono for code),
// then the user's font (--font) for the scripts it lacks. A character that no font has is left out of the page
// and reported once as a warning.
type fontSet struct {
	faces   [nFaces]*face
	buf     sfnt.Buffer
	cover   map[rune]uint16 // bit i: faces[i] has a glyph
	missing map[rune]bool
	warns   []string
}

func newFontSet(opt Options) (*fontSet, error) {
	fs := &fontSet{cover: map[rune]uint16{}, missing: map[rune]bool{}}
	for i, b := range builtin() {
		fs.faces[i] = &face{name: b.name, ttf: b.ttf, sf: b.sf, text: i < fMono}
	}
	regular, bold := opt.Font, opt.BoldFont
	if regular == nil {
		regular = bold
	}
	for i, ttf := range [][]byte{regular, bold} {
		if ttf == nil {
			continue
		}
		sf, err := checkTTF(ttf)
		if err != nil {
			name := "--font"
			if i == 1 {
				name = "bold font"
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		fc := &face{name: []string{"utf8user", "utf8userB"}[i], ttf: ttf, sf: sf}
		if err := fc.register(); err != nil {
			return nil, err
		}
		fs.faces[fUser+i] = fc
	}
	return fs, nil
}

// builtinFace is a built-in font, parsed once for every render.
type builtinFace struct {
	name string
	ttf  []byte
	sf   *sfnt.Font
}

// builtin is the report's own faces, by index (fRegular to fMonoBold):
// Liberation Sans 2.1, a face made for text (metric-compatible with Arial)
// with proportional spacing, a real hyphen and kerning, and Liberation Mono
// for code. Both are under the SIL Open Font License 1.1
// (github.com/go-fonts/liberation ships its text as LICENSE-SIL), which
// allows embedding them in programs and documents.
var builtin = sync.OnceValue(func() [fUser]builtinFace {
	var out [fUser]builtinFace
	for i, b := range []struct {
		name string
		ttf  []byte
	}{
		fRegular:    {"LiberationSans", liberationsansregular.TTF},
		fBold:       {"LiberationSans-Bold", liberationsansbold.TTF},
		fItalic:     {"LiberationSans-Italic", liberationsansitalic.TTF},
		fBoldItalic: {"LiberationSans-BoldItalic", liberationsansbolditalic.TTF},
		fMono:       {"LiberationMono", liberationmonoregular.TTF},
		fMonoBold:   {"LiberationMono-Bold", liberationmonobold.TTF},
	} {
		sf, err := sfnt.Parse(b.ttf)
		if err != nil {
			panic(fmt.Sprintf("built-in font %s: %v", b.name, err))
		}
		out[i] = builtinFace{b.name, b.ttf, sf}
	}
	return out
})

// checkTTF accepts what the writer can embed: a single TrueType font with
// glyf outlines (not CFF/OpenType-PostScript, not a collection).
func checkTTF(b []byte) (*sfnt.Font, error) {
	switch {
	case len(b) < 12:
		return nil, errors.New("not a TrueType font")
	case bytes.HasPrefix(b, []byte("OTTO")):
		return nil, errors.New("OpenType fonts with PostScript (CFF) outlines are not supported; use a TrueType (.ttf) font")
	case bytes.HasPrefix(b, []byte("ttcf")):
		return nil, errors.New("font collections (.ttc) are not supported; use a single TrueType (.ttf) font")
	case !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) && !bytes.HasPrefix(b, []byte("true")):
		return nil, errors.New("not a TrueType font")
	}
	sf, err := sfnt.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("not a usable TrueType font: %w", err)
	}
	return sf, nil // sfnt has found a Unicode character map (format 4 or 12), which is all drawing needs
}

// register prepares a face for the document the first time it is used:
// only the faces drawn with are read beyond their character map.
func (fc *face) register() error {
	if fc.ff == nil && fc.err == nil {
		fc.ff, fc.err = newFontFile(fc.name, fc.ttf, fc.sf)
		if fc.err != nil {
			fc.err = fmt.Errorf("font %s cannot be embedded: %w", fc.name, fc.err)
		} else if fc.text {
			fc.ff.figures()
		}
	}
	return fc.err
}

// covers reports whether face i has a glyph for r.
func (fs *fontSet) covers(i int, r rune) bool {
	bits, ok := fs.cover[r]
	if !ok {
		for j, fc := range fs.faces {
			if fc == nil {
				continue
			}
			if g, err := fc.sf.GlyphIndex(&fs.buf, r); err == nil && g != 0 {
				bits |= 1 << j
			}
		}
		fs.cover[r] = bits
	}
	return bits&(1<<i) != 0
}

// faceFor returns the face that draws r in a style, or -1 after warning
// about it. Invisible characters (controls, format characters) get -2:
// they are dropped without a warning, as a word processor would.
func (fs *fontSet) faceFor(st style, r rune) int {
	if unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) {
		return -2
	}
	primary := primaryFace(st)
	chain := [...]int{primary, fRegular, fUser, fUserBold}
	if st.bold {
		chain[2], chain[3] = fUserBold, fUser
	}
	for _, i := range chain {
		if fs.faces[i] != nil && fs.covers(i, r) {
			return i
		}
	}
	fs.warn(r)
	return -1
}

// primaryFace is the face a style asks for, before any fallback.
func primaryFace(st style) int {
	primary := fRegular
	switch {
	case st.mono && st.bold:
		primary = fMonoBold
	case st.mono:
		primary = fMono
	case st.bold && st.italic:
		primary = fBoldItalic
	case st.bold:
		primary = fBold
	case st.italic:
		primary = fItalic
	}
	return primary
}

func (fs *fontSet) warn(r rune) {
	if fs.missing[r] {
		return
	}
	fs.missing[r] = true
	fs.warns = append(fs.warns, fmt.Sprintf("character %q (U+%04X) is not in any loaded font; it will not show", string(r), r))
}

// run is a piece of text that one face draws.
type run struct {
	face int
	text string
}

// runs splits s into pieces by the face that draws each character,
// dropping the characters no face has.
func (fs *fontSet) runs(st style, s string, out []run) []run {
	out = out[:0]
	start, cur := 0, -3
	flush := func(end int) {
		if cur >= 0 && end > start {
			out = append(out, run{cur, s[start:end]})
		}
	}
	for i, r := range s {
		fc := fs.faceFor(st, r)
		if fc != cur {
			flush(i)
			start, cur = i, fc
		}
	}
	flush(len(s))
	return out
}
