package i18n

import "testing"

// TestPluralRules: a catalogue of a language with other plural rules than
// English's gets the forms CLDR gives it. The catalogues are the test's:
// French says "0 réponse" and "1 réponse" but "2 réponses"; Polish "1
// plik", "2 pliki" (few: 2-4, 22-24, ...) and "5 plików" (many: 5-21,
// 25-31, ...); a form a catalogue leaves out falls back to KEY.other.
func TestPluralRules(t *testing.T) {
	fr := newPrinter("fr", "fr", map[string]string{"x.one": "%d réponse", "x.other": "%d réponses"}, formsOf[Default])
	pl := newPrinter("pl", "pl", map[string]string{"x.one": "%d plik", "x.few": "%d pliki", "x.many": "%d plików", "x.other": "%d pliku"}, formsOf[Default])
	plShort := newPrinter("pl", "pl", map[string]string{"x.one": "%d plik", "x.other": "%d pliki"}, formsOf[Default])
	for _, tc := range []struct {
		p    *Printer
		n    int
		want string
	}{
		{fr, 0, "0 réponse"}, {fr, 1, "1 réponse"}, {fr, 2, "2 réponses"}, {fr, 100, "100 réponses"},
		{pl, 1, "1 plik"}, {pl, 2, "2 pliki"}, {pl, 4, "4 pliki"}, {pl, 5, "5 plików"}, {pl, 12, "12 plików"},
		{pl, 22, "22 pliki"}, {pl, 25, "25 plików"}, {pl, 0, "0 plików"},
		{plShort, 5, "5 pliki"},
	} {
		if got := tc.p.N("x", tc.n); got != tc.want {
			t.Errorf("%s N(%d) = %q, want %q", tc.p.lang, tc.n, got, tc.want)
		}
	}
	// English and German keep their two forms: 1 is one, 0 and 2 are other.
	for _, lang := range []string{"en", "de"} {
		p := New(lang)
		for n, form := range map[int]string{0: ".other", 1: ".one", 2: ".other", 21: ".other"} {
			if got, want := p.N("site.data.rows", n), p.msgs["site.data.rows"+form]; got != want {
				t.Errorf("%s N(%d) = %q, want %q", lang, n, got, want)
			}
		}
	}
}
