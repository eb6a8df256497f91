package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// droidPath is Debian's fonts-droid-fallback, a 3.4 MB CJK TrueType font.
func droidPath() string {
	if m, _ := filepath.Glob("/usr/share/ghostscript/*/Resource/CIDFSubst/DroidSansFallback.ttf"); len(m) > 0 {
		return m[0]
	}
	return "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf"
}

// userFontText is drawn with every font under test: Latin the Go fonts
// have, CJK they lack, and a ligature, a fraction and U+FFFD.
const userFontText = "東京海上 Añ€ ﬁ ½ \uFFFD 漢字"

// userFontDoc draws txt with font as the user's font, as Render does (each
// character in the first face that has it), and once more with every
// character in the user's face, so that its lookups, widths and subset
// meet every character. The document is not written out yet.
func userFontDoc(font []byte, txt string) (*doc, error) {
	rep := &view.Report{Rubric: &assess.Rubric{Title: "Font", Language: "en"}, Result: &assess.Result{}}
	d, err := newDoc(rep, Options{Font: font})
	if err != nil {
		return nil, err
	}
	if d.fs.faces[fUser] == nil { // Options.Font nil: no user font
		return nil, errors.New("no font")
	}
	d.setFont(fRegular, 10)
	d.newPage()
	d.text(txt, d.body())
	d.text(txt, bold(d.body()))
	d.setFont(fUser, 30)
	d.f.GetStringWidth(txt)
	d.f.Text(d.left, d.y+20, txt)
	return d, d.err
}

// userFontPDF is userFontDoc written out.
func userFontPDF(font []byte, txt string) ([]byte, error) {
	d, err := userFontDoc(font, txt)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = d.f.Output(&b)
	return b.Bytes(), err
}

var objRE = regexp.MustCompile(`^(\d+) 0 obj\n`)

// checkXref checks that the cross-reference table points at every object.
func checkXref(t *testing.T, pdf []byte) {
	t.Helper()
	at := bytes.LastIndex(pdf, []byte("startxref\n"))
	if at < 0 || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatalf("no startxref, or no %s at the end", "%%EOF")
	}
	xref, err := strconv.Atoi(string(bytes.Fields(pdf[at+10:])[0]))
	if err != nil || xref >= len(pdf) || !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d is not the xref table", xref)
	}
	lines := bytes.Split(pdf[xref:], []byte("\n"))
	size, _ := strconv.Atoi(string(bytes.Fields(lines[1])[1]))
	for n := 1; n < size; n++ {
		off, err := strconv.Atoi(string(lines[2+n][:10]))
		if err != nil || off >= len(pdf) {
			t.Fatalf("xref entry %d: %q", n, lines[2+n])
		}
		m := objRE.FindSubmatch(pdf[off:min(len(pdf), off+20)])
		if m == nil || string(m[1]) != strconv.Itoa(n) {
			t.Fatalf("xref entry %d points at %q", n, pdf[off:min(len(pdf), off+20)])
		}
	}
}

// checkSubset checks that the embedded font file is a font this package
// reads back, with the same glyphs and widths where they were used and no
// outline where they were not.
func checkSubset(t *testing.T, ff *fontFile) {
	t.Helper()
	sub := ff.subset()
	back, err := newFontFile("check", sub, nil)
	if err != nil {
		t.Fatalf("the embedded subset does not read back: %v", err)
	}
	if back.numGlyphs != ff.numGlyphs || back.numHMetrics != ff.numHMetrics || !back.longLoca {
		t.Fatalf("subset has %d glyphs, %d metrics (long loca %v); the font %d, %d",
			back.numGlyphs, back.numHMetrics, back.longLoca, ff.numGlyphs, ff.numHMetrics)
	}
	glyf, subGlyf := ff.tab["glyf"], back.tab["glyf"]
	for g := range ff.numGlyphs {
		a, _ := ff.loca(g)
		b, _ := ff.loca(g + 1)
		sa, _ := back.loca(g)
		sb, _ := back.loca(g + 1)
		want := []byte{}
		if ff.used[g] {
			want = glyf[a:b]
		}
		if got := bytes.TrimRight(subGlyf[sa:sb], "\x00"); !bytes.Equal(got, bytes.TrimRight(want, "\x00")) {
			t.Fatalf("glyph %d: %d bytes in the subset, want %d", g, sb-sa, len(want))
		}
		if back.width(uint16(g)) != ff.width(uint16(g)) {
			t.Fatalf("glyph %d: width %d in the subset, %d in the font", g, back.width(uint16(g)), ff.width(uint16(g)))
		}
	}
}

// smallFont is ttf cut down to the glyphs of text (and those before the
// last of them, left empty), its character map and metrics: a seed of a few
// kilobytes, which the fuzzer can change in every part and minimise fast.
func smallFont(tb testing.TB, ttf []byte, text string) []byte {
	sf, err := sfnt.Parse(ttf)
	if err != nil {
		tb.Fatal(err)
	}
	ff, err := newFontFile("small", ttf, sf)
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range text {
		ff.use(r)
	}
	sub, err := newFontFile("small", ff.subset(), nil) // ff.used now has the composites' parts
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for g, u := range ff.used {
		if u {
			n = g + 1
		}
	}
	nh := min(n, ff.numHMetrics)
	maxp, hhea, post := slices.Clone(ff.tab["maxp"]), slices.Clone(ff.tab["hhea"]), slices.Clone(ff.tab["post"][:32])
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	binary.BigEndian.PutUint16(hhea[34:], uint16(nh))
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
	// The first character's glyph becomes a composite of the others, with
	// each kind of component record, so that the subsetter meets one.
	var loca, glyf []byte
	first, _ := utf8.DecodeRuneInString(text)
	for g := range n {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		a, _ := sub.loca(g)
		b, _ := sub.loca(g + 1)
		if g != int(ff.glyph(first)) {
			glyf = append(glyf, sub.tab["glyf"][a:b]...)
			continue
		}
		glyf = append(glyf, sub.tab["glyf"][a:a+10]...)
		glyf[len(glyf)-10], glyf[len(glyf)-9] = 0xff, 0xff // -1 contours
		parts := []int{}
		for _, r := range text[len(string(first)):] {
			if p := int(ff.glyph(r)); p != 0 && p != g {
				parts = append(parts, p)
			}
		}
		for i, p := range parts {
			// words, more; scale; x and y scales; two by two: the last
			flags := []uint16{0x0001 | 0x0008, 0x0040, 0x0080}[i%3]
			if i < len(parts)-1 {
				flags |= 0x0020
			}
			glyf = binary.BigEndian.AppendUint16(glyf, flags)
			glyf = binary.BigEndian.AppendUint16(glyf, uint16(p))
			glyf = append(glyf, make([]byte, map[uint16]int{0x0009: 4 + 2, 0x0040: 2 + 4, 0x0080: 2 + 8}[flags&^0x0020])...)
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	return sfntFile(map[string][]byte{
		"cmap": ff.tab["cmap"], "OS/2": ff.tab["OS/2"], "head": sub.tab["head"], "post": post,
		"maxp": maxp, "hhea": hhea, "hmtx": sub.tab["hmtx"][:4*nh+2*(n-nh)],
		"loca": loca, "glyf": glyf,
	})
}

// tableAt is where a table of a TrueType file starts.
func tableAt(tb testing.TB, ttf []byte, tag string) int {
	for i := range be16(ttf, 4) {
		if rec := 12 + 16*i; string(ttf[rec:rec+4]) == tag {
			return be32(ttf, rec+8)
		}
	}
	tb.Fatalf("no %s table", tag)
	return 0
}

// FuzzTTF: any bytes as the user's font give a clean error or a PDF whose
// embedded subset is consistent, without a panic and with memory bounded
// by the font's size.
func FuzzTTF(f *testing.F) {
	small := smallFont(f, goregular.TTF, "AaéÑñ")
	damaged := slices.Clone(small) // the third glyph location far past the glyphs
	binary.BigEndian.PutUint32(damaged[tableAt(f, damaged, "loca")+8:], 0xffffff00)
	fonts := [][]byte{small, smallFont(f, gomono.TTF, "x{}"), smallFont(f, gobolditalic.TTF, "Жж"),
		small[:12], small[:300], small[:len(small)/2], damaged}
	// The whole fonts are seeds of the plain test run only: while fuzzing,
	// the engine minimises every input that finds new code, one run per
	// byte or so, which takes its full minute (-fuzzminimizetime) on a file
	// of 150 KB and more and stalls the run.
	if fz := flag.Lookup("test.fuzz"); fz == nil || fz.Value.String() == "" {
		fonts = append(fonts, goregular.TTF, gomono.TTF, gobolditalic.TTF, goregular.TTF[:len(goregular.TTF)/2], damagedLoca(f))
		if b, err := os.ReadFile(droidPath()); err == nil {
			fonts = append(fonts, b)
		}
	}
	for _, b := range fonts {
		f.Add(b, userFontText)
	}
	var z *zlib.Writer // one for every run: a new one is a megabyte to clear
	f.Fuzz(func(t *testing.T, font []byte, txt string) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d, err := userFontDoc(font, txt)
		if err == nil {
			// Only the user's font is written: the Go fonts' compression
			// would be most of the time of a run.
			out := &file{w: bufio.NewWriter(io.Discard), z: z}
			d.fs.faces[fUser].ff.embed(out, 1)
			z = out.z
		}
		runtime.ReadMemStats(&after)
		// The Go fonts' work is about a megabyte; the user's font may add
		// a small multiple of its size, never what its tables claim.
		if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(4<<20+8*len(font)+256*len(txt)) {
			t.Errorf("%d bytes allocated for a %d-byte font", grew, len(font))
		}
		if err == nil {
			checkSubset(t, d.fs.faces[fUser].ff)
		}
	})
}

// A font's counts and lengths are checked against the file: one that
// claims more than it holds is refused, never allocated or read past.
func TestHostileFonts(t *testing.T) {
	small := smallFont(t, goregular.TTF, "AaéÑñ")
	dir := func(tag string) int { // the table's directory record
		for i := range be16(small, 4) {
			if rec := 12 + 16*i; string(small[rec:rec+4]) == tag {
				return rec
			}
		}
		t.Fatalf("no %s", tag)
		return 0
	}
	for name, edit := range map[string]func(b []byte){
		"65535 glyphs":        func(b []byte) { binary.BigEndian.PutUint16(b[tableAt(t, b, "maxp")+4:], 0xffff) },
		"no glyphs":           func(b []byte) { binary.BigEndian.PutUint16(b[tableAt(t, b, "maxp")+4:], 0) },
		"65535 metrics":       func(b []byte) { binary.BigEndian.PutUint16(b[tableAt(t, b, "hhea")+34:], 0xffff) },
		"4 GB glyf":           func(b []byte) { binary.BigEndian.PutUint32(b[dir("glyf")+12:], 0xffffffff) },
		"glyf past the end":   func(b []byte) { binary.BigEndian.PutUint32(b[dir("glyf")+8:], 0x7fffffff) },
		"65535 tables":        func(b []byte) { binary.BigEndian.PutUint16(b[4:], 0xffff) },
		"no units per em":     func(b []byte) { binary.BigEndian.PutUint16(b[tableAt(t, b, "head")+18:], 0) },
		"loca running back":   func(b []byte) { binary.BigEndian.PutUint32(b[tableAt(t, b, "loca")+8:], 0) },
		"loca past the glyfs": func(b []byte) { binary.BigEndian.PutUint32(b[tableAt(t, b, "loca")+4:], 0x00ffffff) },
	} {
		b := slices.Clone(small)
		edit(b)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := userFontDoc(b, userFontText)
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20 {
			t.Errorf("%s: %d bytes allocated", name, grew)
		}
	}
	if _, err := userFontDoc(small, userFontText); err != nil {
		t.Errorf("the font unchanged: %v", err)
	}
}
