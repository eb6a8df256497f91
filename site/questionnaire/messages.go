package questionnaire

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/site/i18n"
)

// The questionnaire's fixed strings are the q.* keys of the project's
// message catalogue (site/i18n/messages), so that the report and the
// questionnaire are translated in one place. They reach the HTML template
// and the script (in the page's data, as M) without the prefix.
// Placeholders in braces ({n}, {total}, ...) are filled in by fill (Go)
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
	m := map[string]string{"decimal": p.Dec(".")}
	for k, v := range i18n.Messages(p.Lang()) {
		if key, ok := strings.CutPrefix(k, "q."); ok {
			m[key] = v
		}
	}
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

// fill returns message key of m with its {placeholders} replaced.
func fill(m map[string]string, key string, kv ...string) string {
	s, ok := m[key]
	if !ok {
		// Only a programming error gets here: the catalogue is fixed and
		// TestCatalogs checks that every key used exists.
		panic(fmt.Sprintf("questionnaire: no message %q", key))
	}
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}
