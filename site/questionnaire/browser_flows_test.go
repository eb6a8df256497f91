package questionnaire

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/aiready/aiready/assess"
)

// TestBrowser opens questionnaires from file:// in Chromium as a leader
// would, and checks what they show against the Go scorer. Every tab fails
// the test on a console error or warning, an exception, or any request
// but the page itself (and the blob: of a saved file).
func TestBrowser(t *testing.T) {
	s := newSession(t)
	t.Run("answers", func(t *testing.T) { testAnswers(t, s) })
	t.Run("storage", func(t *testing.T) { testStorage(t, s) })
	t.Run("german", func(t *testing.T) { testGerman(t, s) })
	t.Run("rtl", func(t *testing.T) { testRTL(t, s) })
}

// readOutcome is what the results show, read from the page: the
// unrounded numbers it keeps in data-value beside the rounded ones.
const readOutcome = `(() => {
	const m = JSON.parse(document.getElementById("qn-data").textContent);
	const num = s => s ? Number(s) : null, $ = id => document.getElementById(id);
	return {
		dims: [...document.querySelectorAll("#qn-table tr")].map(r => ({score: num(r.querySelector("td.score").dataset.value), level: r.querySelector("td.level").dataset.value})),
		overall: {score: num($("qn-overall").dataset.value), level: $("qn-overall-level").dataset.level},
		cappedBy: $("qn-capped").dataset.cappedBy,
		raised: [...document.querySelectorAll("[data-flag]")].filter(e => !e.hidden).map(e => m.flags[+e.dataset.flag].id),
		recs: [...document.querySelectorAll("#qn-plan > li")].filter(e => !e.hidden).map(e => ({id: m.recommendations[+e.dataset.rec].id, priority: Number(e.dataset.priority)})),
		shown: [$("qn-overall").textContent, ...[...document.querySelectorAll("#qn-table td.score")].map(e => e.textContent)],
	};
})()`

type pageOutcome struct {
	outcome
	Shown []string `json:"shown"`
}

// shown is a score as `aiready score` prints it, with the page's decimal sign.
func shown(p *float64, decimal string) string {
	if p == nil {
		return "–"
	}
	return strings.Replace(strconv.FormatFloat(math.Round(*p*10)/10, 'f', 1, 64), ".", decimal, 1)
}

// answer fills in the form by mouse, or by keyboard (focus and Space).
func (tb *tab) answer(ans []answer, attrs []string, keyboard bool) {
	tb.t.Helper()
	var acts []chromedp.Action[chromedp.Void]
	for i, v := range attrs {
		if v != "" {
			acts = append(acts, focus(fmt.Sprintf("#qn-attr%d", i)), insertText(v))
		}
	}
	for i, a := range ans {
		var vals []string
		switch a.Kind {
		case 'a':
			vals = []string{"a" + strconv.Itoa(a.I)}
		case 's':
			vals = []string{"s" + strconv.Itoa(a.I)}
		case 'm':
			for j, on := range a.Sel {
				if on {
					vals = append(vals, "a"+strconv.Itoa(j))
				}
			}
		case 't':
			acts = append(acts, focus(fmt.Sprintf("#qn-q%d-t", i)), insertText(a.Text))
		}
		for _, v := range vals {
			sel := fmt.Sprintf(`#qn-q%d input[value="%s"]`, i, v)
			if keyboard {
				acts = append(acts, focus(sel), chromedp.KeyEvent(" "))
			} else {
				acts = append(acts, click(sel))
			}
		}
	}
	tb.do(acts...)
}

// click is a real mouse click in the middle of the element, scrolled to
// the middle of the screen first if it is not well inside it. chromedp.Click
// does the same with more round trips; this keeps 25 questionnaires
// within seconds.
func click(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		xy, err := chromedp.Evaluate[[]float64](fmt.Sprintf(`(sel => { const e = document.querySelector(sel);
			let r = e.getBoundingClientRect();
			if (r.top < 40 || r.bottom > innerHeight - 40) { e.scrollIntoView({block: "center"}); r = e.getBoundingClientRect(); }
			return [r.left + r.width / 2, r.top + r.height / 2]; })(%q)`, sel))(ctx, t)
		if err != nil {
			return err
		}
		_, err = chromedp.MouseClickXY(xy[0], xy[1])(ctx, t)
		return err
	})
}

// focus moves the keyboard focus to the element, as Tab would (without
// the scrolling, which costs a repaint and proves nothing here).
func focus(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).focus({preventScroll: true})`, sel))
}

// insertText types text into the focused field as a keyboard's input
// method does, in one step (chromedp.SendKeys takes 20 ms a character).
func insertText(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}

func (tb *tab) forget() {
	tb.t.Helper()
	tb.do(click("#qn-forget"), click("#qn-forget-yes"))
}

func (tb *tab) results() pageOutcome {
	tb.t.Helper()
	tb.do(click("#qn-show"), chromedp.WaitReady(chromedp.CSS("#qn-results[data-ready]")))
	return eval[pageOutcome](tb, readOutcome)
}

// testAnswers answers the built-in rubric 25 times at random, by mouse
// and by keyboard, and checks that the page's numbers are the Go
// scorer's, that the saved file is the one expected and scores the same,
// and that the saved files together score as one group.
func testAnswers(t *testing.T, s *session) {
	r := loadTestRubric(t, "people-first")
	tb := s.page(t, "people-first", "people-first", Options{Segments: []string{"Role", "Team"}, Values: [][]string{{"Executive", "Manager", "Team lead"}}})
	tb.axe(s, "at the start")
	rng := rand.New(rand.NewPCG(11, 0))
	roles := []string{"Executive", "Manager", "Team lead"}
	var saved [][]byte
	var outs []outcome
	fileName := regexp.MustCompile(`^answers-people-first-\d{4}-\d\d-\d\d\.json$`)
	for i := range 25 {
		ans := randomAnswers(rng, tb.model)
		attrs := []string{roles[i%3], ""}
		if i%2 == 0 {
			attrs[1] = fmt.Sprintf("Team %d", i%4)
		}
		tb.forget()
		tb.answer(ans, attrs, i%2 == 1)
		got := tb.results()
		attrMap := map[string]string{"Role": attrs[0]}
		if attrs[1] != "" {
			attrMap["Team"] = attrs[1]
		}
		want := outcomeOf(goScore(t, r, assess.Options{}, nativeFile(tb.model, "x", attrMap, ans)))
		if !reflect.DeepEqual(got.outcome, want) {
			t.Fatalf("set %d: the page shows\n%+v\nthe Go scorer\n%+v", i, got.outcome, want)
		}
		wantShown := []string{shown(want.Overall.Score, ".")}
		for _, d := range want.Dims {
			wantShown = append(wantShown, shown(d.Score, "."))
		}
		if !reflect.DeepEqual(got.Shown, wantShown) {
			t.Errorf("set %d: the page shows %q, aiready score %q", i, got.Shown, wantShown)
		}
		tb.do(click("#qn-save"))
		file, name := s.waitDownload(t)
		if !fileName.MatchString(name) {
			t.Errorf("saved as %q", name)
		}
		id := regexp.MustCompile(`"id": "(self-[0-9a-f]{16})"`).FindSubmatch(file)
		if id == nil || !sameJSON(file, nativeFile(tb.model, string(id[1]), attrMap, ans)) {
			t.Fatalf("set %d: the saved file is\n%s\nwant the answers\n%s", i, file, nativeFile(tb.model, "self-…", attrMap, ans))
		}
		if again := outcomeOf(goScore(t, r, assess.Options{}, file)); !reflect.DeepEqual(again, want) {
			t.Fatalf("set %d: the saved file scores\n%+v\nthe page showed\n%+v", i, again, want)
		}
		saved, outs = append(saved, file), append(outs, want)
		if i == 0 {
			tb.axe(s, "with results")
			tb.viewport(375)
			tb.axe(s, "with results on a phone")
			tb.screenshot("people-first-375")
			tb.viewport(1280)
			tb.screenshot("people-first-1280")
		}
	}
	// A consultant gives all the files to score (and build) at once.
	res := goScore(t, r, assess.Options{Segments: []string{"Role", "Team"}}, saved...)
	if res.Respondents != len(saved) {
		t.Errorf("%d files score as %d respondents", len(saved), res.Respondents)
	}
	for d, dr := range res.Dimensions {
		var sum float64
		n := 0
		for _, o := range outs {
			if o.Dims[d].Score != nil {
				sum += *o.Dims[d].Score
				n++
			}
		}
		if dr.N != n || n == 0 || *dr.Score != sum/float64(n) {
			t.Errorf("dimension %s of the files together: %v (n %d), the mean of the pages' scores %v (n %d)", dr.ID, dr.Score, dr.N, sum/float64(n), n)
		}
	}
	if len(res.Segments) < 3 {
		t.Errorf("segments of the files together: %+v", res.Segments)
	}
}

// testStorage: progress survives a reload, the keyboard works in a radio
// group, and "forget my answers" asks first, then leaves nothing behind.
func testStorage(t *testing.T, s *session) {
	tb := s.page(t, "storage", "testdata/edge.toml", Options{Segments: []string{"Team"}})
	key := tb.model.StorageKey
	tb.do(
		chromedp.Click(chromedp.CSS(`#qn-q0 input[value="a2"]`)),
		chromedp.SendKeys(chromedp.CSS("#qn-attr0"), "Blue"),
		chromedp.SendKeys(chromedp.CSS("#qn-q5-t"), "Kept"),
		// Space checks the focused radio, the arrow key moves to the next.
		focus(`#qn-q1 input[value="a0"]`), chromedp.KeyEvent(" "), chromedp.KeyEvent(kb.ArrowDown),
		chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("html[data-ready]")),
	)
	state := `[document.querySelector('#qn-q0 input[value="a2"]').checked, document.querySelector('#qn-q1 input[value="a1"]').checked,
		document.getElementById("qn-attr0").value, document.getElementById("qn-q5-t").value, document.getElementById("qn-notice").textContent]`
	if got, want := eval[[]any](tb, state), []any{true, true, "Blue", "Kept", english["restored"]}; !reflect.DeepEqual(got, want) {
		t.Errorf("after a reload: %v, want %v", got, want)
	}
	tb.do(chromedp.Click(chromedp.CSS("#qn-forget")))
	if got := eval[[]any](tb, `[document.getElementById("qn-forget-ask").hidden, document.activeElement.id]`); !reflect.DeepEqual(got, []any{false, "qn-forget-yes"}) {
		t.Errorf("forget asks first and focuses the confirmation: %v", got)
	}
	tb.do(chromedp.Click(chromedp.CSS("#qn-forget-no")))
	if !eval[bool](tb, `document.querySelector('#qn-q0 input[value="a2"]').checked && document.activeElement.id === "qn-forget"`) {
		t.Error("keeping the answers lost them or the focus")
	}
	tb.forget()
	gone := `[localStorage.getItem(` + strconv.Quote(key) + `), document.querySelectorAll("input:checked").length, document.getElementById("qn-attr0").value, document.getElementById("qn-q5-t").value]`
	if got, want := eval[[]any](tb, gone), []any{nil, 0.0, "", ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("after forgetting: %v, want %v", got, want)
	}
	tb.do(chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("html[data-ready]")))
	if got, want := eval[[]any](tb, gone), []any{nil, 0.0, "", ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("after forgetting and a reload: %v, want %v", got, want)
	}
}

// testGerman: the German page, answered and with its results, shows none
// of the English fixed strings, including what the script writes.
func testGerman(t *testing.T, s *session) {
	r := loadTestRubric(t, "testdata/de.toml")
	tb := s.page(t, "german", "testdata/de.toml", Options{Segments: []string{"Rolle"}})
	ans := edgeAnswers(tb.model)[2] // the lowest answers raise the flag
	tb.answer(ans, []string{"Vorstand"}, false)
	got := tb.results()
	if want := outcomeOf(goScore(t, r, assess.Options{}, nativeFile(tb.model, "x", nil, ans))); !reflect.DeepEqual(got.outcome, want) || len(want.Raised) == 0 {
		t.Errorf("the page shows %+v, the Go scorer %+v", got.outcome, want)
	}
	tb.do(chromedp.Click(chromedp.CSS("#qn-save")))
	s.waitDownload(t)
	text := eval[string](tb, `document.body.innerText + "\n" + [...document.querySelectorAll("[aria-label], [title], svg title")].map(e => (e.getAttribute("aria-label") || "") + " " + (e.getAttribute("title") || "") + " " + e.textContent).join("\n")`)
	for _, f := range englishFragments() {
		if strings.Contains(text, f) {
			t.Errorf("the German page shows the English %q", f)
		}
	}
	if !strings.Contains(text, german["levelIs"][:6]) || !strings.Contains(text, "gespeichert") {
		t.Errorf("the German results are missing: %.300s", text)
	}
	tb.axe(s, "German, with results")
	tb.screenshot("german")
}

// testRTL: a Hebrew rubric's page runs right to left, its answers' boxes
// on the right of their labels, and fits a phone.
func testRTL(t *testing.T, s *session) {
	tb := s.page(t, "rtl", "testdata/rtl.toml", Options{})
	layout := `(() => { const o = document.querySelector(".opt"); return [getComputedStyle(document.body).direction,
		o.querySelector("input").getBoundingClientRect().left > o.querySelector("span").getBoundingClientRect().left]; })()`
	if got := eval[[]any](tb, layout); !reflect.DeepEqual(got, []any{"rtl", true}) {
		t.Errorf("direction and answer box placement: %v, want rtl with the box on the right", got)
	}
	tb.answer(edgeAnswers(tb.model)[3], nil, true)
	tb.results()
	tb.viewport(375)
	tb.axe(s, "right to left on a phone")
	tb.screenshot("rtl-375")
}
