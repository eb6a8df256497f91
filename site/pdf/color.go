package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// DefaultColor is the accent colour when the brand names none, or one that
// is not "#rrggbb" or "#rgb"; the site uses the same.
const DefaultColor = "#1f5fa8"

type rgb struct{ r, g, b int }

// Colours of the page; the accent comes from the brand.
var (
	ink   = rgb{33, 37, 41}
	muted = rgb{96, 102, 110}
	rule  = rgb{212, 216, 222}
	paper = rgb{246, 247, 249}
	weak  = rgb{196, 78, 52}
	white = rgb{255, 255, 255}
	black = rgb{0, 0, 0}
)

// brand is the accent colour and what is derived from it so that text and
// charts stay readable whatever colour the brand chose.
type brand struct {
	fill    rgb // as given: rules, bands, the plan's header
	on      rgb // text on fill: white or ink, whichever contrasts more
	text    rgb // fill darkened to 4.5:1 on white, for text and links
	graphic rgb // fill darkened to 3:1 on white, for chart marks
}

// parseColor reads "#rrggbb" or "#rgb".
func parseColor(s string) (rgb, bool) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if !ok {
		return rgb{}, false
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if len(h) != 6 || err != nil {
		return rgb{}, false
	}
	return rgb{int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)}, true
}

func (d *doc) brand(s string) brand {
	c, ok := parseColor(s)
	if !ok {
		if s != "" {
			d.warns = append(d.warns, fmt.Sprintf("brand colour %q is not #rrggbb; using %s", s, DefaultColor))
		}
		c, _ = parseColor(DefaultColor)
	}
	b := brand{fill: c, on: white, text: darken(c, 4.5), graphic: darken(c, 3)}
	if contrast(c, ink) > contrast(c, white) {
		b.on = ink
	}
	return b
}

func luminance(c rgb) float64 {
	ch := func(x int) float64 {
		v := float64(x) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.r) + 0.7152*ch(c.g) + 0.0722*ch(c.b)
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b rgb) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// darken mixes c with black until it reaches ratio against white.
func darken(c rgb, ratio float64) rgb {
	d := c
	for i := 1; i <= 40 && contrast(d, white) < ratio; i++ {
		d = mix(c, black, float64(i)*0.025)
	}
	return d
}

// mix blends a towards b by t (0: a, 1: b).
func mix(a, b rgb, t float64) rgb {
	m := func(x, y int) int { return int(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return rgb{m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)}
}

// dark reports whether white text reads better than ink on c.
func dark(c rgb) bool { return contrast(c, white) > contrast(c, ink) }
