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

// TestPctRoundsHalfAway: a whole percentage rounds as Number does in every
// renderer (the PDF and report.md rounded 12.5% to even, "12%", while the
// site said "13%").
func TestPctRoundsHalfAway(t *testing.T) {
	for share, want := range map[float64][2]string{0.125: {"13%", "13\u00a0%"}, 0.25: {"25%", "25\u00a0%"}, 0.005: {"1%", "1\u00a0%"}, 0: {"0%", "0\u00a0%"}} {
		if g := New("en").Pct(share); g != want[0] {
			t.Errorf("en %v: %q, want %q", share, g, want[0])
		}
		if g := New("de").Pct(share); g != want[1] {
			t.Errorf("de %v: %q, want %q", share, g, want[1])
		}
	}
}
