package site

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	if c := Contrast("#000000", "#ffffff"); math.Abs(c-21) > 1e-9 {
		t.Errorf("black on white = %v, want 21", c)
	}
	if c := Contrast("#777777", "#ffffff"); math.Abs(c-4.48) > 0.01 {
		t.Errorf("#777 on white = %v, want 4.48", c)
	}
}

// TestAccent checks that whatever colour a brand gives, the text drawn on
// it and the links drawn in it meet WCAG AA (4.5:1), and that a colour
// that is not "#rrggbb" or "#rgb" falls back to the default.
func TestAccent(t *testing.T) {
	for _, in := range []string{"#1f6feb", "#ffd400", "#ffffff", "#000000", "#777777", "#00ff00", "#fc0", "#0A7B83", "", "red", "#12345", "#gggggg", "javascript:alert(1)"} {
		a := newAccent(in)
		if !ValidColor(a.Color) {
			t.Errorf("%q: colour %q is not valid", in, a.Color)
		}
		if c := Contrast(a.OnText, a.Color); c < 4.5 {
			t.Errorf("%q: text %s on %s = %.2f:1", in, a.OnText, a.Color, c)
		}
		for _, bg := range []string{"#ffffff", pageBackground} {
			if c := Contrast(a.Text, bg); c < 4.5 {
				t.Errorf("%q: link colour %s on %s = %.2f:1", in, a.Text, bg, c)
			}
		}
		for _, bg := range []string{"#ffffff", pageBackground} {
			if c := Contrast(a.Graphic, bg); c < 3 {
				t.Errorf("%q: chart colour %s on %s = %.2f:1", in, a.Graphic, bg, c)
			}
		}
		if c := Contrast("#1a1a1a", a.Tint); c < 4.5 {
			t.Errorf("%q: text on tint %s = %.2f:1", in, a.Tint, c)
		}
	}
	if a := newAccent("not a colour"); a.Color != DefaultAccent {
		t.Errorf("invalid colour gave %s, want the default %s", a.Color, DefaultAccent)
	}
	if a := newAccent("#FC0"); a.Color != "#ffcc00" {
		t.Errorf("#FC0 gave %s, want #ffcc00", a.Color)
	}
}

// TestPalettes checks that dark text reads on every level colour, and that
// the figures printed on the answer bars read on their fills.
func TestPalettes(t *testing.T) {
	for n := 1; n <= 9; n++ {
		for i := range n {
			if c := Contrast("#1a1a1a", levelColor(i, n)); c < 4.5 {
				t.Errorf("level %d of %d: %s gives %.2f:1", i, n, levelColor(i, n), c)
			}
		}
	}
	for n := 1; n <= 5; n++ {
		for k := range n {
			for _, fill := range []string{sideFill(weakPale, weakDeep, k, n), sideFill(strongPale, strongDeep, k, n), neutralFill} {
				if c := Contrast(textOn(fill), fill); c < 4.5 {
					t.Errorf("answer fill %s with text %s: %.2f:1", fill, textOn(fill), c)
				}
			}
		}
	}
}
