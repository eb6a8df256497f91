package docx

import (
	"image/color"
	"strconv"
	"strings"
)

// Accent is the brand colour and what the site derives from it so that
// text stays readable (site/color.go, the one derivation): given by the
// caller, as "#rrggbb".
type Accent struct {
	Color   string // as given: table headers
	OnText  string // text on Color: black or white, whichever contrasts more
	Text    string // Color darkened to 4.5:1 on white: headings
	Graphic string // Color darkened to 3:1 on white: chart marks
}

// rgba is a "#rrggbb" colour for the charts' image; black if it is none.
func rgba(s string) color.RGBA {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		return color.RGBA{A: 255}
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// wordHex writes "#rrggbb" as Word does: RRGGBB.
func wordHex(s string) string { return strings.ToUpper(strings.TrimPrefix(s, "#")) }
