package questionnaire

import (
	"github.com/aiready/aiready/site/i18n"
)

// The questionnaire's fixed strings are the q.* keys of the project's
// message catalogue (site/i18n/messages), so that the report and the
// questionnaire are translated in one place. They reach the HTML template
// and the script (in the page's data, as M) without the prefix.
// Placeholders in braces ({n}, {total}, ...) are filled in by i18n.Fill (Go)
// or by the script; every language has the same keys (site/i18n's tests)
// with the same placeholders (TestCatalogs).

// Languages are the languages the questionnaire's own text is written in.
func Languages() []string { return i18n.Languages() }

// messagesFor returns the questionnaire's messages in lang, and false when
// the catalogue lacks the language. "decimal" is the language's decimal
// sign, for the script's scores.
func messagesFor(lang string) (map[string]string, bool) {
	if !i18n.Supported(lang) {
		return nil, false
	}
	p := i18n.New(lang)
	m := i18n.Table(p.Lang(), "q.")
	m["decimal"] = p.Dec(".")
	return m, true
}

// direction is the writing direction of lang, "rtl" or "ltr", as the
// site's pages decide it.
func direction(lang string) string {
	if i18n.New(lang).RTL() {
		return "rtl"
	}
	return "ltr"
}
