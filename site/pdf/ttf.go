package pdf

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontFile is one TrueType face as the document uses it: glyphs are drawn
// by their glyph id (Identity-H), widths come from hmtx, and only the glyphs
// used are embedded (same ids, the others left empty).
type fontFile struct {
	name string // BaseFont
	id   int    // /F<id> in the resources, 0 until first used
	sf   *sfnt.Font
	buf  sfnt.Buffer
	tab  map[string][]byte

	numGlyphs, numHMetrics int
	longLoca               bool
	scale                  float64 // font units to 1/1000 em

	gid  map[rune]uint16
	used []bool // by glyph id
	uni  []rune // the first character drawn with each glyph, for copy and search

	// kern holds the pair adjustments looked up so far, in 1/1000 em
	// (negative: closer), by glyph pair; noKern: the font is fixed pitch
	// or has no character map to look them up with.
	kern   map[uint32]int16
	noKern bool
	ppem   fixed.Int26_6 // units per em, for sfnt's Kern in font units
	// fig, when set, makes the font's tabular figures proportional in
	// running text: the change of each digit's space before and after it,
	// in 1/1000 em.
	fig *[10][2]int16
}

func be16(b []byte, o int) int { return int(binary.BigEndian.Uint16(b[o:])) }
func be32(b []byte, o int) int { return int(binary.BigEndian.Uint32(b[o:])) }

// newFontFile reads the tables embedding needs and checks every offset
// that drawing and subsetting will follow, so that a damaged font fails
// here and never half-way through writing the file.
func newFontFile(name string, ttf []byte, sf *sfnt.Font) (*fontFile, error) {
	bad := func(what string) error { return errors.New("damaged TrueType font: " + what) }
	if len(ttf) < 12 {
		return nil, bad("too short")
	}
	tab := map[string][]byte{}
	for i := range be16(ttf, 4) {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, bad("table directory")
		}
		off, n := be32(ttf, rec+8), be32(ttf, rec+12)
		if off > len(ttf) || n > len(ttf)-off {
			return nil, bad("table " + strconv.Quote(string(ttf[rec:rec+4])))
		}
		tab[string(ttf[rec:rec+4])] = ttf[off : off+n]
	}
	for _, t := range []struct {
		tag  string
		size int
	}{{"head", 54}, {"hhea", 36}, {"maxp", 6}, {"hmtx", 4}, {"loca", 0}, {"glyf", 0}} {
		if b, ok := tab[t.tag]; !ok || len(b) < t.size {
			return nil, bad("no " + t.tag + " table")
		}
	}
	ff := &fontFile{name: name, sf: sf, tab: tab, gid: map[rune]uint16{}}
	ff.numGlyphs = be16(tab["maxp"], 4)
	ff.numHMetrics = be16(tab["hhea"], 34)
	ff.longLoca = be16(tab["head"], 50) != 0
	upem := be16(tab["head"], 18)
	if ff.numGlyphs == 0 || upem == 0 || ff.numHMetrics == 0 || ff.numHMetrics > ff.numGlyphs || len(tab["hmtx"]) < 4*ff.numHMetrics {
		return nil, bad("glyph metrics")
	}
	ff.scale = 1000 / float64(upem)
	ff.ppem = fixed.I(upem)
	ff.kern = map[uint32]int16{}
	ff.noKern = sf == nil || len(tab["post"]) >= 16 && be32(tab["post"], 12) != 0
	last := 0
	for g := range ff.numGlyphs + 1 {
		o, ok := ff.loca(g)
		if !ok || o < last || o > len(tab["glyf"]) {
			return nil, bad("glyph locations")
		}
		last = o
	}
	ff.used = make([]bool, ff.numGlyphs)
	ff.uni = make([]rune, ff.numGlyphs)
	ff.used[0] = true
	return ff, nil
}

// loca is where glyph g starts in glyf.
func (ff *fontFile) loca(g int) (int, bool) {
	l := ff.tab["loca"]
	if ff.longLoca {
		if 4*g+4 > len(l) {
			return 0, false
		}
		return be32(l, 4*g), true
	}
	if 2*g+2 > len(l) {
		return 0, false
	}
	return 2 * be16(l, 2*g), true
}

// glyph is the glyph id of r, 0 (.notdef) when the font lacks it.
func (ff *fontFile) glyph(r rune) uint16 {
	g, ok := ff.gid[r]
	if !ok {
		x, err := ff.sf.GlyphIndex(&ff.buf, r)
		if err == nil && int(x) < ff.numGlyphs {
			g = uint16(x)
		}
		ff.gid[r] = g
	}
	return g
}

// use is glyph, remembering the glyph for the embedded subset.
func (ff *fontFile) use(r rune) uint16 {
	g := ff.glyph(r)
	if !ff.used[g] || ff.uni[g] == 0 {
		ff.used[g] = true
		if g != 0 {
			ff.uni[g] = r
		}
	}
	return g
}

// width is the advance of glyph g in 1/1000 em, rounded as the PDF's /W
// array holds it, so that measured and drawn text agree.
func (ff *fontFile) width(g uint16) int {
	i := min(int(g), ff.numHMetrics-1)
	adv := be16(ff.tab["hmtx"], 4*i)
	if adv >= 1<<15 {
		adv = 0
	}
	return int(math.Round(ff.scale * float64(adv)))
}

// pairKern is the kerning of glyph b after glyph a in 1/1000 em, from
// the font's GPOS pair adjustments or its kern table (sfnt reads both).
func (ff *fontFile) pairKern(a, b uint16) int {
	if ff.noKern || a == 0 || b == 0 {
		return 0
	}
	key := uint32(a)<<16 | uint32(b)
	if v, ok := ff.kern[key]; ok {
		return int(v)
	}
	v := 0
	if k, err := ff.sf.Kern(&ff.buf, sfnt.GlyphIndex(a), sfnt.GlyphIndex(b), ff.ppem, font.HintingNone); err == nil {
		v = int(math.Round(ff.scale * float64(k) / 64))
		v = max(min(v, 1000), -1000)
	}
	ff.kern[key] = int16(v)
	return v
}

// figures makes the font's figures proportional in running text. The
// Liberation fonts have only tabular figures (every digit as wide as the
// widest, so that columns line up), which leave gaps around a 1 in a
// sentence. Each digit keeps its outline and gets the side bearings of the
// 0 where its own are wider: the 1 and 7 close up, the round digits stay.
// Tables keep the tabular widths (style.tnum).
func (ff *fontFile) figures() {
	glyf, hmtx := ff.tab["glyf"], ff.tab["hmtx"]
	bearings := func(r rune) (lsb, rsb int, ok bool) {
		g := int(ff.glyph(r))
		a, _ := ff.loca(g)
		b, _ := ff.loca(g + 1)
		if g == 0 || b-a < 10 || g >= ff.numHMetrics {
			return 0, 0, false
		}
		adv := be16(hmtx, 4*g)
		xMin, xMax := int(int16(be16(glyf, a+2))), int(int16(be16(glyf, a+6)))
		return xMin, adv - xMax, true
	}
	l0, r0, ok := bearings('0')
	if !ok {
		return
	}
	var fig [10][2]int16
	for i := range fig {
		l, r, ok := bearings(rune('0' + i))
		if !ok {
			return
		}
		fig[i][0] = int16(-math.Round(ff.scale * float64(max(l-l0, 0))))
		fig[i][1] = int16(-math.Round(ff.scale * float64(max(r-r0, 0))))
	}
	ff.fig = &fig
}

// subset is the font file with only the used glyphs' outlines (and the
// parts of composite glyphs), glyph ids unchanged.
func (ff *fontFile) subset() []byte {
	glyf := ff.tab["glyf"]
	// Composite glyphs draw other glyphs: add those, to any depth.
	todo := []int{}
	for g, u := range ff.used {
		if u {
			todo = append(todo, g)
		}
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		a, _ := ff.loca(g)
		b, _ := ff.loca(g + 1)
		for _, c := range components(glyf[a:b]) {
			if c < ff.numGlyphs && !ff.used[c] {
				ff.used[c] = true
				todo = append(todo, c)
			}
		}
	}
	var newGlyf []byte
	newLoca := make([]byte, 0, 4*(ff.numGlyphs+1))
	for g := range ff.numGlyphs {
		newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
		if ff.used[g] {
			a, _ := ff.loca(g)
			b, _ := ff.loca(g + 1)
			newGlyf = append(newGlyf, glyf[a:b]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
	head := slices.Clone(ff.tab["head"])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment: not needed inside a PDF
	binary.BigEndian.PutUint16(head[50:], 1)
	out := map[string][]byte{"glyf": newGlyf, "loca": newLoca, "head": head}
	for _, tag := range []string{"cvt ", "fpgm", "hhea", "hmtx", "maxp", "prep"} {
		if t, ok := ff.tab[tag]; ok {
			out[tag] = t
		}
	}
	return sfntFile(out)
}

// components lists the glyphs a composite glyph is built from.
func components(g []byte) []int {
	if len(g) < 10 || int16(be16(g, 0)) >= 0 {
		return nil
	}
	var cs []int
	for o := 10; o+4 <= len(g); {
		flags := be16(g, o)
		cs = append(cs, be16(g, o+2))
		o += 4
		switch {
		case flags&0x1 != 0:
			o += 4
		default:
			o += 2
		}
		switch {
		case flags&0x8 != 0:
			o += 2
		case flags&0x40 != 0:
			o += 4
		case flags&0x80 != 0:
			o += 8
		}
		if flags&0x20 == 0 {
			break
		}
	}
	return cs
}

// sfntFile assembles TrueType tables into a file, in tag order.
func sfntFile(tabs map[string][]byte) []byte {
	tags := make([]string, 0, len(tabs))
	size := 12
	for t, b := range tabs {
		tags = append(tags, t)
		size += 16 + (len(b)+3)&^3
	}
	slices.Sort(tags)
	n := len(tags)
	sel := 0
	for 2<<sel <= n {
		sel++
	}
	out := make([]byte, 12, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-16<<sel))
	off := 12 + 16*n
	for _, t := range tags {
		b := tabs[t]
		sum := uint32(0)
		for i := 0; i < len(b); i += 4 {
			var w [4]byte
			copy(w[:], b[i:])
			sum += binary.BigEndian.Uint32(w[:])
		}
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, sum)
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(b)))
		off += (len(b) + 3) &^ 3
	}
	for _, t := range tags {
		out = append(out, tabs[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// embed writes the font's five objects, numbered from n: the Type0 font,
// its CIDFont, the font descriptor, the ToUnicode map and the font file.
func (ff *fontFile) embed(f *file, n int) {
	head, hhea := ff.tab["head"], ff.tab["hhea"]
	u := func(v int) int { return int(math.Round(ff.scale * float64(v))) }
	s16 := func(b []byte, o int) int { return int(int16(be16(b, o))) }
	italic := 0.0
	if p := ff.tab["post"]; len(p) >= 8 {
		italic = float64(int32(be32(p, 4))) / 65536
	}
	ascent, descent := u(s16(hhea, 4)), u(s16(hhea, 6))
	capHeight, stemV := ascent, 70
	if os2 := ff.tab["OS/2"]; len(os2) >= 90 {
		if be16(os2, 0) >= 2 {
			capHeight = u(s16(os2, 88))
		}
		if be16(os2, 4) >= 600 {
			stemV = 120
		}
	}
	flags := 4 // symbolic: glyphs are addressed by id
	if italic != 0 {
		flags |= 64
	}
	if p := ff.tab["post"]; len(p) >= 16 && be32(p, 12) != 0 {
		flags |= 1 // fixed pitch
	}

	// A subset's name starts with a tag of six capitals and a plus (ISO
	// 32000-1, 9.6.4), here worked out from the glyphs it keeps, so that
	// the same text gives the same name.
	h := fnv.New64a()
	h.Write([]byte(ff.name))
	for g, on := range ff.used {
		if on {
			h.Write([]byte{byte(g >> 8), byte(g)})
		}
	}
	tag, sum := make([]byte, 6), h.Sum64()
	for i := range tag {
		tag[i] = byte('A' + sum%26)
		sum /= 26
	}
	name := string(tag) + "+" + ff.name

	f.obj(n)
	f.printf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>\nendobj\n", name, n+1, n+3)
	var w strings.Builder
	for g := 0; g < ff.numGlyphs; g++ {
		if !ff.used[g] {
			continue
		}
		w.WriteString(strconv.Itoa(g) + " [")
		for ; g < ff.numGlyphs && ff.used[g]; g++ {
			w.WriteString(strconv.Itoa(ff.width(uint16(g))) + " ")
		}
		w.WriteString("] ")
	}
	f.obj(n + 1)
	f.printf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W [%s] /CIDToGIDMap /Identity>>\nendobj\n",
		name, n+2, ff.width(0), strings.TrimSpace(w.String()))
	f.obj(n + 2)
	f.printf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>\nendobj\n",
		name, flags, u(s16(head, 36)), u(s16(head, 38)), u(s16(head, 40)), u(s16(head, 42)),
		strconv.FormatFloat(italic, 'f', -1, 64), ascent, descent, capHeight, stemV, ff.width(0), n+4)
	f.stream(n+3, "", ff.toUnicode())
	font := ff.subset()
	f.stream(n+4, "/Length1 "+strconv.Itoa(len(font))+" ", font)
}

// toUnicode maps the glyphs drawn back to their characters, so that text
// can be searched and copied.
func (ff *fontFile) toUnicode() []byte {
	var pairs []string
	for g, r := range ff.uni {
		if r == 0 {
			continue
		}
		b := appendHex4([]byte{'<'}, uint16(g))
		b = append(b, "> <"...)
		for _, u := range utf16.AppendRune(nil, r) {
			b = appendHex4(b, u)
		}
		pairs = append(pairs, string(append(b, '>')))
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(pairs) > 0 {
		k := min(len(pairs), 100)
		b.WriteString(strconv.Itoa(k) + " beginbfchar\n" + strings.Join(pairs[:k], "\n") + "\nendbfchar\n")
		pairs = pairs[k:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n")
	return []byte(b.String())
}
