package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestEveryLanguageHasEveryKey(t *testing.T) {
	langs := Languages()
	if strings.Join(langs, ",") != "de,en" {
		t.Fatalf("languages %v, want de and en", langs)
	}
	en := Messages("en")
	for _, l := range langs {
		m := Messages(l)
		for k := range en {
			if _, ok := m[k]; !ok && !pluralFallback(m, k) {
				t.Errorf("%s: no message %q", l, k)
			}
		}
		for k := range m {
			if _, ok := en[k]; !ok && enKey(en, k) == "" {
				t.Errorf("%s: message %q is not in en", l, k)
			}
		}
	}
}

// pluralFallback reports a plural form a language may leave out: KEY.one
// (of a language without that form, such as Japanese) when it has
// KEY.other, which N falls back to.
func pluralFallback(m map[string]string, k string) bool {
	b, ok := strings.CutSuffix(k, ".one")
	_, other := m[b+".other"]
	return ok && other
}

// enKey is the English key a language's message matches: itself, or
// KEY.other for a plural form English does not have (KEY.few, KEY.many,
// KEY.two, KEY.zero), or "".
func enKey(en map[string]string, k string) string {
	if _, ok := en[k]; ok {
		return k
	}
	for _, form := range []string{".zero", ".two", ".few", ".many"} {
		if b, ok := strings.CutSuffix(k, form); ok {
			if _, ok := en[b+".other"]; ok {
				return b + ".other"
			}
		}
	}
	return ""
}

// verbRE finds the fmt verbs of a message: %%, %s, %d, %[2]s.
var verbRE = regexp.MustCompile(`%(%|(\[\d+\])?[sdv])`)

// args lists a message's arguments by position: "1s 2d".
func args(m string) string {
	seen := map[string]bool{}
	n := 0
	for _, v := range verbRE.FindAllStringSubmatch(m, -1) {
		if v[1] == "%" {
			continue
		}
		verb := v[0][len(v[0])-1:]
		if v[2] != "" {
			n, _ = strconv.Atoi(strings.Trim(v[2], "[]"))
		} else {
			n++
		}
		seen[strconv.Itoa(n)+verb] = true
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestSameArguments: a translation takes the same arguments as English,
// and a message without arguments has no verb (it is printed as is, so a
// lone % is text), while one with arguments writes a percent sign as %%.
func TestSameArguments(t *testing.T) {
	en := Messages("en")
	for _, l := range Languages() {
		for k, m := range Messages(l) {
			e := en[enKey(en, k)]
			// a label printed beside its count may leave the count out
			if enKey(en, k) != k || strings.HasSuffix(k, ".one") || strings.HasSuffix(k, ".other") {
				if !strings.Contains(m, "%") || !strings.Contains(e, "%") {
					continue
				}
			}
			if args(m) != args(e) {
				t.Errorf("%s %s: arguments %q, English %q", l, k, args(m), args(e))
			}
			if args(e) != "" && regexp.MustCompile(`%[^%\[sdv]`).MatchString(strings.ReplaceAll(m, "%%", "")) {
				t.Errorf("%s %s: a %% sign in a message with arguments must be %%%%", l, k)
			}
		}
	}
}

func TestPlurals(t *testing.T) {
	for _, l := range Languages() {
		m := Messages(l)
		for k := range m {
			if b, ok := strings.CutSuffix(k, ".one"); ok {
				if _, ok := m[b+".other"]; !ok {
					t.Errorf("%s: %s has no .other", l, k)
				}
			}
		}
	}
	p := New("de")
	if got := p.N("site.respondents", 1); got != "1 befragte Person" {
		t.Errorf("one: %q", got)
	}
	if got := p.N("site.respondents", 3); got != "3 Befragte" {
		t.Errorf("other: %q", got)
	}
	if got := p.N("site.data.rows", 3); got != "Zeilen gelesen" {
		t.Errorf("label: %q", got)
	}
}

func TestUnknownKeyShows(t *testing.T) {
	if got := New("en").T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("unknown key printed %q", got)
	}
	if New("en").Has("no.such.key") {
		t.Error("Has an unknown key")
	}
}

func TestFormats(t *testing.T) {
	en, de := New("en"), New("de-DE")
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{en.Number(57.5, 1), "57.5"},
		{de.Number(57.5, 1), "57,5"},
		{de.Number(75, -1), "75"},
		{de.Number(-0.25, 2), "-0,25"},
		{en.Percent("31"), "31%"},
		{de.Percent("31"), "31\u00a0%"},
		{en.Date(day), "20 November 2026"},
		{de.Date(day), "20. November 2026"},
		{de.Date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)), "1. März 2026"},
		{en.Ordinal(1), "1st"}, {en.Ordinal(72), "72nd"}, {en.Ordinal(13), "13th"}, {en.Ordinal(103), "103rd"},
		{de.Ordinal(72), "72."},
		{de.Lang(), "de"},
		{de.Tag(), "de-DE"},
		{New("fr").Lang(), "en"},
		{New("").Tag(), "en"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestDirection(t *testing.T) {
	for tag, rtl := range map[string]bool{"ar": true, "he-IL": true, "fa": true, "ur": true, "az-Arab": true,
		"en": false, "de": false, "ar-Latn": false, "ku": false, "ku-Arab": true, "ks": true, "": false} {
		if got := New(tag).RTL(); got != rtl {
			t.Errorf("%q: RTL %v, want %v", tag, got, rtl)
		}
	}
	if !Supported("de-CH") || Supported("fr") {
		t.Error("Supported")
	}
}

// keyRE finds the message keys that the renderers use: T("key" and
// N("key" in Go, t "key" and tn "key" in templates.
var (
	goKeyRE   = regexp.MustCompile(`\.(T|N)\("([a-z0-9_.]+)"`)
	tmplKeyRE = regexp.MustCompile(`\{\{-?\s*(?:[^}]*\()?(tn?) "([a-z0-9_.]+)"`)
	// dynamic keys are built from a rubric value or a count
	dynamicRE = regexp.MustCompile(`"((?:report|site)\.severity)\."`)
)

// TestKeysInUseExist reads the renderers' source and fails for a key that
// a language lacks, so that a typo cannot reach a reader as "[key]"; and
// for a catalogue key that nothing uses, so that catalogues stay clean.
func TestKeysInUseExist(t *testing.T) {
	var files []string
	for _, g := range []string{"../*.go", "../view/*.go", "../pdf/*.go", "../mdreport/*.go", "../../cmd/aiready/*.go", "../../templates/*.html"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, m := range goKeyRE.FindAllStringSubmatch(s, -1) {
			if m[1] == "N" {
				used[m[2]+".one"], used[m[2]+".other"] = true, true
				continue
			}
			used[m[2]] = true
		}
		for _, m := range tmplKeyRE.FindAllStringSubmatch(s, -1) {
			used[m[2]] = true
			if m[1] == "tn" {
				used[m[2]+".one"], used[m[2]+".other"] = true, true
				delete(used, m[2])
			}
		}
		for _, m := range dynamicRE.FindAllStringSubmatch(s, -1) {
			for _, sev := range []string{"high", "medium", "low"} {
				used[m[1]+"."+sev] = true
			}
		}
	}
	// d.t and m.t are the renderers' short forms of T.
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, m := range regexp.MustCompile(`\b[dm]\.t\("([a-z0-9_.]+)"`).FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	// The questionnaire's messages (q.*) are named without their prefix:
	// .M.key in its template, M.key and msg("key" in its script and Go.
	var qfiles []string
	for _, g := range []string{"../questionnaire/*.go", "../questionnaire/assets/*.html", "../questionnaire/assets/*.js"} {
		m, _ := filepath.Glob(g)
		qfiles = append(qfiles, m...)
	}
	qKeyRE := regexp.MustCompile(`(?:\.M\.|\bM\.|msg\(")([A-Za-z0-9_]+)`)
	nq := 0
	for _, f := range qfiles {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range qKeyRE.FindAllStringSubmatch(string(b), -1) {
			switch k := m[1]; {
			case k == "decimal":
				// the questionnaire's own: the language's decimal sign
			case strings.HasSuffix(k, "_"): // "severity_" + a severity
				for _, sev := range []string{"high", "medium", "low"} {
					used["q."+k+sev] = true
				}
			default:
				used["q."+k] = true
				nq++
			}
		}
	}
	// The survey writers' words: w("key") in site/survey, Words["key"] in
	// its writers.
	var sfiles []string
	for _, g := range []string{"../survey/*.go", "../survey/*/*.go"} {
		m, _ := filepath.Glob(g)
		sfiles = append(sfiles, m...)
	}
	sKeyRE := regexp.MustCompile(`(?:\bw\(|Words\[)"([A-Za-z0-9_]+)"`)
	for _, f := range sfiles {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range sKeyRE.FindAllStringSubmatch(string(b), -1) {
			used["survey."+m[1]] = true
		}
	}
	if nq < 40 {
		t.Fatalf("found only %d questionnaire messages in use: the scan is broken", nq)
	}
	if len(used) < 200 {
		t.Fatalf("found only %d keys in use: the scan is broken", len(used))
	}
	for _, l := range Languages() {
		p := New(l)
		for k := range used {
			if !p.Has(k) && !strings.HasSuffix(k, ".") {
				t.Errorf("%s: key %q is used but has no message", l, k)
			}
		}
	}
	for k := range Messages("en") {
		if !used[k] {
			t.Errorf("message %q is not used", k)
		}
	}
}
