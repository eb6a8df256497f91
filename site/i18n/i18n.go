// Package i18n holds the message catalogues of the report's fixed words
// (site, PDF and report.md) and of the offline questionnaire (the keys
// q.*, which site/questionnaire hands to its page's script), and formats
// numbers and dates the way each language writes them. A catalogue is a TOML file per language, embedded;
// every language has every key (a test checks), and English reproduces
// the wording the renderers had before they were translated, byte for byte.
//
// Messages are keyed by ids, not by English text, so that a change of
// English wording does not orphan a translation. A message is a fmt
// format: its arguments fill %s and %d verbs, with %[2]s where a language
// needs another order. Plural messages are a key per plural form of the
// language, by CLDR's rules (golang.org/x/text/feature/plural): KEY.one
// and KEY.other in English and German; KEY.one, KEY.few, KEY.many and
// KEY.other in Polish, say. A form a catalogue leaves out falls back to
// KEY.other.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

//go:embed messages/*.toml
var files embed.FS

// Default is the language of a report whose rubric names none, and the
// fallback for a language without a catalogue.
const Default = "en"

// catalogues are parsed once each, at first use, and only the languages
// a run asks for: parsing a catalogue costs milliseconds that every
// command would otherwise pay at start-up, whatever language it speaks.
// A catalogue that does not parse is a bug that the package's tests
// catch, so it panics at first use rather than printing keys.
var catalogues = sync.OnceValue(func() map[string]func() map[string]string {
	out := map[string]func() map[string]string{}
	names, _ := fs.Glob(files, "messages/*.toml")
	for _, n := range names {
		out[strings.TrimSuffix(strings.TrimPrefix(n, "messages/"), ".toml")] = sync.OnceValue(func() map[string]string {
			b, _ := files.ReadFile(n)
			var raw map[string]any
			if _, err := toml.Decode(string(b), &raw); err != nil {
				panic(fmt.Sprintf("i18n: %s: %v", n, err))
			}
			m := map[string]string{}
			flatten("", raw, m)
			return m
		})
	}
	return out
})

// catalogue returns the messages of a language, or nil.
func catalogue(lang string) map[string]string {
	if c := catalogues()[lang]; c != nil {
		return c()
	}
	return nil
}

// flatten turns nested tables into dotted keys: [site] nav = "x" is
// "site.nav".
func flatten(prefix string, v map[string]any, out map[string]string) {
	for k, x := range v {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		switch x := x.(type) {
		case string:
			out[key] = x
		case map[string]any:
			flatten(key, x, out)
		default:
			panic(fmt.Sprintf("i18n: %s: not a string", key))
		}
	}
}

// Languages lists the languages that have a catalogue, sorted.
func Languages() []string {
	var out []string
	for l := range catalogues() {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Messages returns a copy of one language's catalogue, or nil.
func Messages(lang string) map[string]string {
	c := catalogue(lang)
	if c == nil {
		return nil
	}
	out := make(map[string]string, len(c))
	for k, v := range c {
		out[k] = v
	}
	return out
}

// base is the language subtag of a BCP 47 tag, lower case: "de" of "de-CH".
func base(tag string) string {
	b, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	return strings.ToLower(b)
}

// Supported reports whether a tag's language has a catalogue.
func Supported(tag string) bool {
	_, ok := catalogues()[base(tag)]
	return ok
}

// Printer writes the messages, numbers and dates of one language.
type Printer struct {
	tag    string // as asked for, for the HTML lang attribute
	lang   string // the catalogue used
	msgs   map[string]string
	f      forms        // numbers, dates and ordinals of lang
	plural language.Tag // whose plural rules choose a message's form
}

// New returns the printer of a BCP 47 tag; a language without a catalogue
// gets English words (its tag is kept, so the pages still say which
// language the rubric's own text is in).
func New(tag string) *Printer {
	if tag == "" {
		tag = Default
	}
	lang := base(tag)
	msgs := catalogue(lang)
	if msgs == nil {
		lang, msgs = Default, catalogue(Default)
	}
	f, ok := formsOf[lang]
	if !ok {
		f = formsOf[Default]
	}
	return newPrinter(tag, lang, msgs, f)
}

func newPrinter(tag, lang string, msgs map[string]string, f forms) *Printer {
	return &Printer{tag: tag, lang: lang, msgs: msgs, f: f, plural: language.Make(lang)}
}

// pluralKeys are the suffixes of the messages of each plural form.
var pluralKeys = map[plural.Form]string{plural.Zero: ".zero", plural.One: ".one", plural.Two: ".two",
	plural.Few: ".few", plural.Many: ".many", plural.Other: ".other"}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// English is the printer of the default language.
var English = sync.OnceValue(func() *Printer { return New(Default) })

// Tag is the language tag the printer was asked for.
func (p *Printer) Tag() string { return p.tag }

// Lang is the language of the catalogue in use: "en", "de", ...
func (p *Printer) Lang() string { return p.lang }

// rtl are the languages written right to left in their default script;
// false marks one whose default script is not (Kurdish: Latin).
var rtl = map[string]bool{"ar": true, "arc": true, "ckb": true, "dv": true, "fa": true, "he": true, "iw": true,
	"ks": true, "ku": false, "ps": true, "sd": true, "syr": true, "ug": true, "ur": true, "yi": true}

// RTL reports whether the printer's language is written right to left,
// from its tag: a script subtag decides when there is one ("az-Arab").
func (p *Printer) RTL() bool {
	for _, sub := range strings.Split(strings.ReplaceAll(p.tag, "_", "-"), "-")[1:] {
		if len(sub) == 4 {
			switch strings.ToLower(sub) {
			case "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr":
				return true
			}
			return false
		}
	}
	return rtl[base(p.tag)]
}

// Has reports whether the catalogue has a key.
func (p *Printer) Has(key string) bool {
	_, ok := p.msgs[key]
	return ok
}

// T returns the message of key with args filled in. An unknown key is a
// bug: it comes back as "[key]", which the package's tests look for in
// the source and the German build's tests in the output.
func (p *Printer) T(key string, args ...any) string {
	m, ok := p.msgs[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) == 0 {
		return m
	}
	return fmt.Sprintf(m, args...)
}

// N returns the message of key in the plural form the catalogue's
// language uses for the count n, by CLDR's rules: KEY.one for 1 and
// KEY.other otherwise in English and German; in French KEY.one for 0 and
// 1; in Polish KEY.few for 2-4, 22-24, ... and KEY.many for 5-21, 25, ...
// A form the catalogue has no message for falls back to KEY.other. n is
// the first argument and args follow it; a message without a verb (a
// label printed beside its number) is returned as it is.
func (p *Printer) N(key string, n int, args ...any) string {
	form := pluralKeys[plural.Cardinal.MatchPlural(p.plural, abs(n)%10_000_000, 0, 0, 0, 0)]
	if _, ok := p.msgs[key+form]; !ok {
		form = ".other"
	}
	if m, ok := p.msgs[key+form]; ok && !strings.Contains(m, "%") {
		return m
	}
	return p.T(key+form, append([]any{n}, args...)...)
}

// Table returns the messages of lang whose keys begin with prefix ("q.",
// "survey."), keyed without it: the words a writer of its own (the
// questionnaire, the survey files) fills with Fill. Nil without a
// catalogue for lang.
func Table(lang, prefix string) map[string]string {
	c := catalogue(base(lang))
	if c == nil {
		return nil
	}
	out := map[string]string{}
	for k, v := range c {
		if key, ok := strings.CutPrefix(k, prefix); ok {
			out[key] = v
		}
	}
	return out
}

// Fill returns message key of msgs (a Table) with its {placeholders}
// replaced by the pairs of kv. A missing key is a programming error (the
// catalogue is fixed, and the package's tests check that every key used
// exists): it panics.
func Fill(msgs map[string]string, key string, kv ...string) string {
	s, ok := msgs[key]
	if !ok {
		panic(fmt.Sprintf("i18n: no message %q", key))
	}
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}
