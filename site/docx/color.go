package docx

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
)

// defaultColor is the accent when the brand gives none or an invalid
// one, as on the site and in the PDF.
const defaultColor = "#1f5fa8"

// accent is the brand colour and what is derived from it so that text
// stays readable, as site/color.go derives it.
type accent struct {
	Color   string // as given: table headers
	OnText  string // text on Color: black or white, whichever contrasts more
	Text    string // Color darkened to 4.5:1 on white: headings
	Graphic string // Color darkened to 3:1 on white: chart marks
}

func parseHex(s string) (r, g, b uint8, ok bool) {
	h, found := strings.CutPrefix(strings.TrimSpace(s), "#")
	if !found {
		return 0, 0, 0, false
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if len(h) != 6 || err != nil {
		return 0, 0, 0, false
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v), true
}

func hex(r, g, b uint8) string { return fmt.Sprintf("#%02X%02X%02X", r, g, b) }

func luminance(s string) float64 {
	r, g, b, _ := parseHex(s)
	ch := func(c uint8) float64 {
		v := float64(c) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func darken(c string, ratio float64) string {
	r, g, b, _ := parseHex(c)
	d := c
	for i := 1; i <= 40 && contrast(d, "#FFFFFF") < ratio; i++ {
		t := 1 - float64(i)*0.025
		f := func(v uint8) uint8 { return uint8(math.Round(float64(v) * t)) }
		d = hex(f(r), f(g), f(b))
	}
	return d
}

func newAccent(s string) accent {
	r, g, b, ok := parseHex(s)
	if !ok {
		r, g, b, _ = parseHex(defaultColor)
	}
	c := hex(r, g, b)
	a := accent{Color: c, OnText: "#FFFFFF", Text: darken(c, 4.5), Graphic: darken(c, 3)}
	if contrast(c, "#000000") > contrast(c, "#FFFFFF") {
		a.OnText = "#000000"
	}
	return a
}

func (a accent) graphicRGBA() color.RGBA {
	r, g, b, _ := parseHex(a.Graphic)
	return color.RGBA{r, g, b, 255}
}
