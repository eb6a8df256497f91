package view

import (
	"testing"

	"github.com/aiready/aiready/site/i18n"
)

// TestFigures: each kind of figure has one form, halves rounded away from
// zero, in the language's number form.
func TestFigures(t *testing.T) {
	en, de := i18n.New("en"), i18n.New("de")
	for _, c := range []struct {
		name   string
		write  func(p *i18n.Printer) string
		en, de string
	}{
		{"score", func(p *i18n.Printer) string { return Score(p, 56.25) }, "56.3", "56,3"},
		{"score -0", func(p *i18n.Printer) string { return Score(p, -0.04) }, "0.0", "0,0"},
		{"no score", func(p *i18n.Printer) string { return ScoreOr(p, nil, "–") }, "–", "–"},
		{"flag share", func(p *i18n.Printer) string { return FlagShare(p, 0.125) }, "12.5%", "12,5\u00a0%"},
		{"answer share", func(p *i18n.Printer) string { return AnswerShare(p, 0.125) }, "13%", "13\u00a0%"},
		{"setting", func(p *i18n.Printer) string { return Setting(p, 72.5) }, "72.5", "72,5"},
		{"setting whole", func(p *i18n.Printer) string { return Setting(p, 75) }, "75", "75"},
		{"setting share", func(p *i18n.Printer) string { return SettingPct(p, 0.1) }, "10%", "10\u00a0%"},
		{"setting share fraction", func(p *i18n.Printer) string { return SettingPct(p, 0.125) }, "12.5%", "12,5\u00a0%"},
		{"up", func(p *i18n.Printer) string { return Signed(p, 1.25) }, "+1.3", "+1,3"},
		{"down", func(p *i18n.Printer) string { return Signed(p, -1.25) }, "−1.3", "−1,3"},
		{"level", func(p *i18n.Printer) string { return Signed(p, -0.04) }, "0.0", "0,0"},
		{"date", func(p *i18n.Printer) string { return LongDate(p, "2026-11-20") }, "20 November 2026", "20. November 2026"},
		{"p", func(p *i18n.Printer) string { return PValue(p, 0.0034) }, "p = 0.003", "p = 0,003"},
		{"p half", func(p *i18n.Printer) string { return PValue(p, 0.0425) }, "p = 0.043", "p = 0,043"},
		{"p tiny", func(p *i18n.Printer) string { return PValue(p, 0.00043) }, "p < 0.001", "p < 0,001"},
		{"p 0.001", func(p *i18n.Printer) string { return PValue(p, 0.001) }, "p = 0.001", "p = 0,001"},
		{"g", func(p *i18n.Printer) string { return EffectSize(p, 1.306) }, "g = 1.31", "g = 1,31"},
		{"g negative", func(p *i18n.Printer) string { return EffectSize(p, -0.125) }, "g = −0.13", "g = −0,13"},
		{"effect large", func(p *i18n.Printer) string { return EffectWords(p, 0.8) }, "large", "groß"},
		{"effect medium", func(p *i18n.Printer) string { return EffectWords(p, -0.79) }, "medium", "mittel"},
		{"effect small", func(p *i18n.Printer) string { return EffectWords(p, 0.2) }, "small", "klein"},
		{"effect negligible", func(p *i18n.Printer) string { return EffectWords(p, 0.199) }, "negligible", "vernachlässigbar"},
	} {
		if g := c.write(en); g != c.en {
			t.Errorf("%s, en: %q, want %q", c.name, g, c.en)
		}
		if g := c.write(de); g != c.de {
			t.Errorf("%s, de: %q, want %q", c.name, g, c.de)
		}
	}
	for d, want := range map[float64]string{1.25: "▲", -1.25: "▼", 0.04: "=", -0.04: "="} {
		if g := Arrow(d); g != want {
			t.Errorf("Arrow(%v) = %q, want %q", d, g, want)
		}
	}
}
