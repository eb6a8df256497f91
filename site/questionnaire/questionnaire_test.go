package questionnaire

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func writePage(t testing.TB, rubric string, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, loadTestRubric(t, rubric), opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCSPHashes proves that the page allows exactly its own script and
// stylesheet and nothing else, and that it is the same bytes every time.
func TestCSPHashes(t *testing.T) {
	p := writePage(t, "people-first", Options{Segments: []string{"Role"}})
	if p2 := writePage(t, "people-first", Options{Segments: []string{"Role"}}); p != p2 {
		t.Error("two writes of the same questionnaire differ")
	}
	csp := html.UnescapeString(regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(p)[1])
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(p, -1)
	styles := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllStringSubmatch(p, -1)
	if len(scripts) != 1 || len(styles) != 1 {
		t.Fatalf("%d scripts and %d stylesheets; want one of each", len(scripts), len(styles))
	}
	want := "default-src 'none'; script-src " + hash(scripts[0][1]) + "; style-src " + hash(styles[0][1]) +
		"; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
	if csp != want {
		t.Errorf("CSP\n%s\nwant\n%s", csp, want)
	}
	// The SVG namespace is a name, not an address the page fetches.
	p = strings.ReplaceAll(p, `"http://www.w3.org/2000/svg"`, "")
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "http:", "https:", " src=", " href=\"http", "style=\"", " on"} {
		if bad == " on" {
			if regexp.MustCompile(`<[^>]+\son[a-z]+=`).MatchString(p) {
				t.Error("an inline event handler attribute")
			}
			continue
		}
		if strings.Contains(p, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
}

// englishFragments are the pieces of the English fixed strings, between
// placeholders, that a page in another language must not contain.
func englishFragments() []string {
	var out []string
	ph := regexp.MustCompile(`\{[a-z]+\}`)
	for k, en := range english {
		if german[k] == en {
			continue // the same word in both, such as "Dimension"
		}
		for _, f := range ph.Split(en, -1) {
			f = strings.TrimSpace(f)
			if utf8.RuneCountInString(f) >= 4 {
				out = append(out, f)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// visibleText is what a reader or a screen reader gets of a page written
// by Go: the text outside script and style, and the labelling attributes.
func visibleText(p string) string {
	var b strings.Builder
	for _, m := range regexp.MustCompile(`(?:aria-label|title|alt|placeholder)="([^"]*)"`).FindAllStringSubmatch(p, -1) {
		b.WriteString(m[1] + "\n")
	}
	p = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>`).ReplaceAllString(p, "")
	b.WriteString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(p, " "))
	return html.UnescapeString(b.String())
}

// TestGermanPage: a German rubric, and --lang de on the English one, give
// a page with none of the English fixed strings, in its text or in the
// messages the script uses.
func TestGermanPage(t *testing.T) {
	frags := englishFragments()
	if len(frags) < 60 {
		t.Fatalf("only %d English fragments to look for", len(frags))
	}
	// The German rubric: nothing English anywhere. The English rubric with
	// --lang de: its own text stays English, the fixed strings do not.
	for _, c := range []struct {
		rubric string
		opt    Options
		text   bool
	}{
		{"testdata/de.toml", Options{Segments: []string{"Rolle"}}, true},
		{"testdata/edge.toml", Options{Lang: "de-AT"}, false},
	} {
		p := writePage(t, c.rubric, c.opt)
		if !strings.Contains(p, `<html lang="de`) {
			t.Errorf("%s: not a German page", c.rubric)
		}
		var data struct{ Messages map[string]string }
		if err := json.Unmarshal([]byte(regexp.MustCompile(`(?s)<script type="application/json" id="qn-data">(.*?)</script>`).FindStringSubmatch(p)[1]), &data); err != nil {
			t.Fatal(err)
		}
		var msgs strings.Builder
		for _, v := range data.Messages {
			msgs.WriteString(regexp.MustCompile(`\{[a-z]+\}`).ReplaceAllString(v, "") + "\n")
		}
		text := visibleText(p)
		for _, f := range frags {
			if c.text && strings.Contains(text, f) {
				t.Errorf("%s: the German page shows the English %q", c.rubric, f)
			}
			if strings.Contains(msgs.String(), f) {
				t.Errorf("%s: the German page's script messages hold the English %q", c.rubric, f)
			}
		}
	}
	// The check can fail: the English page has them.
	text := visibleText(writePage(t, "testdata/edge.toml", Options{}))
	n := 0
	for _, f := range frags {
		if strings.Contains(text, f) {
			n++
		}
	}
	if n < 30 {
		t.Errorf("the English page shows only %d English fragments", n)
	}
}

func TestLanguages(t *testing.T) {
	r := loadTestRubric(t, "testdata/rtl.toml")
	var b bytes.Buffer
	if err := Write(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	// Hebrew has no catalogue: the rubric's text in Hebrew, right to left,
	// the fixed strings in English.
	if !strings.Contains(b.String(), `<html lang="he" dir="rtl">`) || !strings.Contains(b.String(), english["showResults"]) {
		t.Error("a Hebrew rubric does not give a right-to-left page with English fixed strings")
	}
	if err := Write(&b, r, Options{Lang: "fr"}); !errors.Is(err, ErrLanguage) {
		t.Errorf("--lang fr: %v, want ErrLanguage", err)
	}
	for tag, want := range map[string]string{"ar-EG": "rtl", "fa": "rtl", "he": "rtl", "ks": "rtl", "ku": "ltr", "ku-Arab": "rtl", "de": "ltr", "en-GB": "ltr", "": "ltr"} {
		if got := direction(tag); got != want {
			t.Errorf("direction(%q) = %s, want %s", tag, got, want)
		}
	}
}

// TestCatalogs: every language has the questionnaire's keys with the
// same placeholders, and every key the template and scripts use exists.
// (site/i18n's tests check that every language has every key, and that
// no key goes unused.)
func TestCatalogs(t *testing.T) {
	ph := regexp.MustCompile(`\{[a-z]+\}`)
	if len(english) < 60 || english["showResults"] != "See my results" {
		t.Fatalf("the English catalogue has %d questionnaire messages", len(english))
	}
	for _, lang := range Languages() {
		m, ok := messagesFor(lang)
		if !ok {
			t.Fatalf("%s: no messages", lang)
		}
		for k, en := range english {
			s, ok := m[k]
			if !ok {
				t.Errorf("%s: no %q", lang, k)
				continue
			}
			a, b := ph.FindAllString(en, -1), ph.FindAllString(s, -1)
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Errorf("%s %q: placeholders %v, English has %v", lang, k, b, a)
			}
		}
		if len(m) != len(english) {
			t.Errorf("%s has %d messages, English %d", lang, len(m), len(english))
		}
	}
	var used []string
	for _, f := range []string{"assets/questionnaire.html", "assets/page.js", "assets/radar.js", "questionnaire.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`(?:\.M\.|\bM\.|msg\(")([A-Za-z0-9_]+)`).FindAllStringSubmatch(string(b), -1) {
			used = append(used, m[1])
		}
	}
	if len(used) < 40 {
		t.Fatalf("found only %d message uses", len(used))
	}
	for _, k := range used {
		if strings.HasSuffix(k, "_") {
			continue // a prefix, such as "severity_" + the severity
		}
		if _, ok := english[k]; !ok {
			t.Errorf("message %q is used but not defined", k)
		}
	}
}

// TestNoChecksInQuestionnaire: a single respondent's questionnaire
// evaluates no check (a check needs the project's evidence or two groups),
// so a check's recommendations and titles are neither in its data nor on
// its page, and every other recommendation is, in both built-in rubrics.
func TestNoChecksInQuestionnaire(t *testing.T) {
	for _, name := range []string{"people-first", "people-first-de"} {
		r := loadTestRubric(t, name)
		p := writePage(t, name, Options{})
		var data struct {
			Recs []struct{ ID string } `json:"recommendations"`
		}
		if err := json.Unmarshal([]byte(regexp.MustCompile(`(?s)<script type="application/json" id="qn-data">(.*?)</script>`).FindStringSubmatch(p)[1]), &data); err != nil {
			t.Fatal(err)
		}
		in := map[string]bool{}
		for _, rc := range data.Recs {
			in[rc.ID] = true
		}
		checks := 0
		for _, rc := range r.Recommendations {
			if rc.Check != "" {
				checks++
				if in[rc.ID] || strings.Contains(p, rc.Title) {
					t.Errorf("%s: the questionnaire offers %q, the action of check %q", name, rc.ID, rc.Check)
				}
			} else if !in[rc.ID] {
				t.Errorf("%s: the questionnaire lacks recommendation %q", name, rc.ID)
			}
		}
		if checks == 0 || len(r.Checks) == 0 {
			t.Fatalf("%s has no check or no check's recommendation to leave out", name)
		}
		for _, c := range r.Checks {
			if strings.Contains(p, c.Title) {
				t.Errorf("%s: the questionnaire shows check %q", name, c.ID)
			}
		}
	}
}

// TestSegmentSuggestions: values known for a segment are offered as a
// datalist of its input, escaped; a segment without values has none.
func TestSegmentSuggestions(t *testing.T) {
	page := writePage(t, "people-first", Options{Segments: []string{"Role", "Team"}, Values: [][]string{{"Executive", `R&D "<lab>"`}, nil}})
	want := `<input type="text" id="qn-attr0" data-attr="0" autocomplete="off" aria-describedby="qn-about-hint" list="qn-attr0-values"></p>
<datalist id="qn-attr0-values">
<option value="Executive"></option>
<option value="R&amp;D &#34;&lt;lab&gt;&#34;"></option>
</datalist>`
	if !strings.Contains(page, want) {
		t.Errorf("Role's suggestions are not in the page:\n%s", want)
	}
	if strings.Contains(page, `list="qn-attr1-values"`) || strings.Count(page, "<datalist") != 1 {
		t.Errorf("Team has no values, so no datalist")
	}
}
