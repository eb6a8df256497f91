package i18n

import "testing"

// TestNumberRoundsHalfAway: the site, the PDF and report.md show a score
// as `aiready score` does, 56.25 as 56.3, never -0.0.
func TestNumberRoundsHalfAway(t *testing.T) {
	en, de := New("en"), New("de")
	for _, c := range []struct {
		f        float64
		en, de   string
		decimals int
	}{
		{56.25, "56.3", "56,3", 1},
		{56.35, "56.4", "56,4", 1}, // 56.35 is 56.3499... in binary: still the nearest is 56.4 after scaling
		{-0.04, "0.0", "0,0", 1},
		{-2.25, "-2.3", "-2,3", 1},
		{12.5, "13", "13", 0},
		{0.125, "0.13", "0,13", 2},
	} {
		if g := en.Number(c.f, c.decimals); g != c.en {
			t.Errorf("en %v: %q, want %q", c.f, g, c.en)
		}
		if g := de.Number(c.f, c.decimals); g != c.de {
			t.Errorf("de %v: %q, want %q", c.f, g, c.de)
		}
	}
}
