package site

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/aiready/aiready/site/i18n"
)

// loc writes the words and numbers of one report's language; the
// template functions that print either are its methods.
type loc struct{ p *i18n.Printer }

// t is the template function of a message. Messages come from the
// embedded catalogue and may hold HTML tags, so the result is HTML; the
// arguments are data and are escaped as html/template escapes text. An
// unknown key fails the page, so a typo cannot print a key to a reader.
func (l loc) t(key string, args ...any) (template.HTML, error) {
	if !l.p.Has(key) {
		return "", fmt.Errorf("no message %q", key)
	}
	return template.HTML(l.p.T(key, escapeArgs(args)...)), nil //nolint:gosec // catalogue text, arguments escaped
}

// tn is t for a count: the message KEY.one or KEY.other, with n first.
func (l loc) tn(key string, n int, args ...any) (template.HTML, error) {
	if !l.p.Has(key+".one") || !l.p.Has(key+".other") {
		return "", fmt.Errorf("no plural message %q", key)
	}
	return template.HTML(l.p.N(key, n, escapeArgs(args)...)), nil //nolint:gosec // catalogue text, arguments escaped
}

func escapeArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case template.HTML:
			out[i] = string(a)
		case string:
			out[i] = escapeText(a)
		case fmt.Stringer:
			out[i] = escapeText(a.String())
		default:
			out[i] = a
		}
	}
	return out
}

// textEscaper escapes exactly as html/template escapes text in an element,
// so that a sentence reads the same, byte for byte, whether its words came
// from the template or from the catalogue.
var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

func escapeText(s string) string { return textEscaper.Replace(s) }

// quoted lists names in the language's quotation marks, separated by
// commas.
func (l loc) quoted(names []string) template.HTML {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = l.p.T("site.quote", escapeText(n))
	}
	return template.HTML(strings.Join(q, ", ")) //nolint:gosec // escaped above
}
