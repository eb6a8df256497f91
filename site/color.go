package site

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

// DefaultAccent is the accent colour when the brand gives none or an
// invalid one: a calm blue that white text reads on at AA contrast.
const DefaultAccent = "#1f5fa8"

// accent is the brand colour and the colours derived from it so that text
// stays readable whatever the brand chose.
type accent struct {
	Color  string // as given (validated), used for fills and rules
	OnText string // text colour on Color: black or white, whichever contrasts more
	Text   string // Color darkened until it reads on white at 4.5:1, for links and text
	Tint   string // a pale mix with white, for backgrounds behind dark text
	// Graphic is Color darkened until it stands out from white and from
	// the page at 3:1, as WCAG asks of chart lines and bars.
	Graphic string
}

// parseHex reads "#rrggbb" or "#rgb".
func parseHex(s string) (r, g, b uint8, ok bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "#") {
		return 0, 0, 0, false
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v), true
}

func hex(r, g, b uint8) string { return fmt.Sprintf("#%02x%02x%02x", r, g, b) }

// ValidColor reports whether s is a colour the brand may set.
func ValidColor(s string) bool {
	_, _, _, ok := parseHex(s)
	return ok
}

func channel(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// luminance is WCAG 2's relative luminance.
func luminance(r, g, b uint8) float64 {
	return 0.2126*channel(r) + 0.7152*channel(g) + 0.0722*channel(b)
}

// Contrast is the WCAG 2 contrast ratio of two "#rrggbb" colours.
func Contrast(a, b string) float64 {
	ar, ag, ab, _ := parseHex(a)
	br, bg, bb, _ := parseHex(b)
	la, lb := luminance(ar, ag, ab), luminance(br, bg, bb)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// mix blends c with w at share t of w.
func mix(c, w string, t float64) string {
	cr, cg, cb, _ := parseHex(c)
	wr, wg, wb, _ := parseHex(w)
	f := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
	return hex(f(cr, wr), f(cg, wg), f(cb, wb))
}

// newAccent validates the brand colour and derives readable companions.
// An invalid colour falls back to DefaultAccent.
func newAccent(s string) accent {
	r, g, b, ok := parseHex(s)
	if !ok {
		r, g, b, _ = parseHex(DefaultAccent)
	}
	c := hex(r, g, b)
	a := accent{Color: c, OnText: "#ffffff"}
	if Contrast(c, "#000000") > Contrast(c, "#ffffff") {
		a.OnText = "#000000"
	}
	a.Text = darken(c, 4.5)
	a.Graphic = darken(c, 3)
	a.Tint = mix(c, "#ffffff", 0.88)
	for i := 1; i <= 10 && Contrast(a.Tint, "#1a1a1a") < 7; i++ {
		a.Tint = mix(c, "#ffffff", 0.88+float64(i)*0.01)
	}
	return a
}

// darken mixes c with black in small steps until it reaches ratio against
// white and against the page background.
func darken(c string, ratio float64) string {
	d := c
	for i := 1; i <= 40 && (Contrast(d, "#ffffff") < ratio || Contrast(d, pageBackground) < ratio); i++ {
		d = mix(c, "#000000", float64(i)*0.025)
	}
	return d
}

// pageBackground is the CSS page colour; keep in step with style.css.
const pageBackground = "#f5f6f8"

// levelColors are pale fills for maturity levels, lowest first; dark text
// reads on each at well over 4.5:1, and the number and the level name are
// always printed too, so colour never carries meaning alone.
var levelColors = []string{"#f4c7c0", "#f8dcb6", "#f3ecb5", "#d3e9c8", "#b5dcc9", "#a9cfe6"}

// levelColor picks the fill of level index i among n levels.
func levelColor(i, n int) string {
	if n <= 1 {
		return levelColors[len(levelColors)-2]
	}
	if n > len(levelColors) {
		// Spread the palette over more levels than colours.
		return levelColors[i*(len(levelColors)-1)/(n-1)]
	}
	// Fewer levels: take colours evenly from both ends.
	return levelColors[int(math.Round(float64(i)*float64(len(levelColors)-1)/float64(n-1)))]
}

// Answer fills for the diverging bars. The weak side is orange-red and the
// strong side blue, which stay apart for the common colour-vision
// deficiencies; the percentages on them are in black or white, whichever
// reads at 4.5:1 or better (textOn).
const (
	weakPale, weakDeep     = "#eda584", "#b5391e"
	strongPale, strongDeep = "#92bde3", "#1d5a96"
	neutralFill            = "#d6d6d6"
)

// textOn returns black or white, whichever reads better on fill. One of
// them always reaches 4.58:1 (the square root of 21), whatever the fill.
func textOn(fill string) string {
	if v, ok := textOnCache.Load(fill); ok {
		return v.(string)
	}
	t := "#ffffff"
	if Contrast(fill, "#000000") >= Contrast(fill, "#ffffff") {
		t = "#000000"
	}
	textOnCache.Store(fill, t)
	return t
}

// textOnCache remembers textOn's answers: bars use a handful of fills,
// thousands of times in a site of many segment pages.
var textOnCache sync.Map

// sideFill returns the fill of the k-th of n answers on one side of the
// midpoint, counting outwards from it: the palest nearest the middle.
func sideFill(pale, deep string, k, n int) string {
	if n <= 1 {
		return mix(pale, deep, 0.5)
	}
	return mix(pale, deep, float64(k)/float64(n-1))
}
