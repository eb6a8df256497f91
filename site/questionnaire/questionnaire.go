// Package questionnaire writes the offline self-assessment: one HTML file
// that holds a rubric's questions, its styles, its script and the rubric
// reduced to numbers, so that a leader can answer in any browser with no
// network, see their own scores, levels, red flags and action plan, and
// save their answers as a native JSON answers file for `aiready score`.
//
// The page's script (assets/*.js) scores exactly as the Go scorer does;
// browser_test.go holds the two in lockstep on random answers and on the
// shared vectors of testdata/vectors.json. Every fixed string comes from
// the project's message catalogue (the q.* keys of site/i18n/messages).
package questionnaire

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/markdown"
)

//go:embed assets
var assets embed.FS

// scriptFiles are joined, in this order, into the page's one script.
var scriptFiles = []string{"score.js", "radar.js", "page.js"}

// Options shape the questionnaire.
type Options struct {
	// Segments are respondent attributes (such as Role, Team) asked for at
	// the start, as free text, and saved as the respondent's attributes.
	Segments []string
	// Values are, per segment (as Segments), the values to suggest as
	// the respondent types (a datalist: any other value can still be
	// typed); nil or empty for none.
	Values [][]string
	// Lang is the language of the page (BCP 47); empty means the rubric's.
	// The questionnaire's own text comes from the catalogue of that
	// language, or English when there is none (see Languages).
	Lang string
}

// ErrLanguage is returned for an Options.Lang with no catalogue.
var ErrLanguage = errors.New("no questionnaire text in this language")

// Write writes the questionnaire for r to w.
func Write(w io.Writer, r *assess.Rubric, opt Options) error {
	p, err := newPage(r, opt)
	if err != nil {
		return err
	}
	src, err := assets.ReadFile("assets/questionnaire.html")
	if err != nil {
		return err
	}
	t, err := template.New("questionnaire").Option("missingkey=error").Parse(string(src))
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, p); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// page is what the template shows.
type page struct {
	M        map[string]string
	Lang     string
	Dir      string
	Title    string
	Method   template.HTML
	Segments []segmentView
	Dims     []dimView
	Levels   []textView
	Flags    []flagView
	Recs     []recView
	Total    int
	Progress string
	Footer   string
	SHA      string
	Data     *model
	Script   template.JS
	Style    template.CSS
	CSP      string
}

type segmentView struct {
	Index  int
	Name   string
	Values []string
}

type dimView struct {
	Index     int
	Title     string
	Count     string
	Questions []questionView
}

type questionView struct {
	Index   int
	Type    string
	Input   string // radio or checkbox
	Num     string
	Text    string
	Hint    string
	Wide    bool // a scale whose answers fit side by side
	Answers []answerView
	Skips   []answerView
}

// answerView is one input: Value "aN" is answer N, "sN" skip answer N.
type answerView struct {
	Value string
	Label string
}

type textView struct {
	Index int
	Title string
	Desc  template.HTML
}

type flagView struct {
	Index        int
	Title        string
	Severity     string
	SeverityText string
	CapsText     string
	Body         template.HTML
}

type recView struct {
	Index   int
	Title   string
	For     string
	Horizon string
	Body    template.HTML
}

func newPage(r *assess.Rubric, opt Options) (*page, error) {
	lang := opt.Lang
	if lang == "" {
		lang = r.Language
	}
	if lang == "" {
		lang = "en"
	}
	msgs, ok := messagesFor(lang)
	if !ok {
		if opt.Lang != "" {
			return nil, fmt.Errorf("%w: %q (there is: %s)", ErrLanguage, opt.Lang, strings.Join(Languages(), ", "))
		}
		// A rubric in a language without a catalogue: its own text is in
		// that language, the questionnaire's few fixed strings in English.
		msgs, _ = messagesFor(i18n.Default)
	}
	msg := func(key string, kv ...string) string { return i18n.Fill(msgs, key, kv...) }
	m := newModel(r, opt.Segments, msgs)
	total := len(r.Questions)
	p := &page{
		M: msgs, Lang: lang, Dir: direction(lang), Title: msg("pageTitle", "title", r.Title),
		Method: markdown.HTML(r.Description), Total: total, Data: m,
		Progress: msg("progress", "n", "0", "total", strconv.Itoa(total)),
		Footer:   msg("footer", "id", r.ID, "version", r.Version),
		SHA:      msg("sha", "sha", r.SHA256),
	}
	for i, s := range opt.Segments {
		sv := segmentView{Index: i, Name: s}
		if i < len(opt.Values) {
			sv.Values = opt.Values[i]
		}
		p.Segments = append(p.Segments, sv)
	}
	for _, d := range r.Dimensions {
		dv := dimView{Index: d.Index, Title: d.Title, Count: msg("dimCount", "n", strconv.Itoa(len(d.Questions)))}
		if len(d.Questions) == 1 {
			dv.Count = msg("dimCountOne")
		}
		for _, q := range d.Questions {
			dv.Questions = append(dv.Questions, newQuestionView(msgs, q, m.Questions[q.Index], total))
		}
		p.Dims = append(p.Dims, dv)
	}
	// Questions of no dimension (the rubric's outcome question) are asked
	// last, in a section of their own, so that the answers the page saves
	// hold them as the survey does; they feed no score.
	var rest []*assess.Question
	for _, q := range r.Questions {
		if q.Dim == nil {
			rest = append(rest, q)
		}
	}
	if len(rest) > 0 {
		dv := dimView{Index: len(r.Dimensions), Title: msg("otherSection"), Count: msg("dimCount", "n", strconv.Itoa(len(rest)))}
		if len(rest) == 1 {
			dv.Count = msg("dimCountOne")
		}
		for _, q := range rest {
			dv.Questions = append(dv.Questions, newQuestionView(msgs, q, m.Questions[q.Index], total))
		}
		p.Dims = append(p.Dims, dv)
	}
	for _, l := range r.Levels {
		p.Levels = append(p.Levels, textView{Index: l.Index, Title: l.Title, Desc: markdown.HTML(l.Description)})
	}
	for _, f := range r.Flags {
		fv := flagView{Index: f.Index, Title: f.Title, Severity: f.Severity, SeverityText: msg("severity_" + f.Severity), Body: markdown.HTML(f.Body)}
		if f.Caps != "" {
			fv.CapsText = msg("capsNote", "level", r.Level(f.Caps).Title)
		}
		p.Flags = append(p.Flags, fv)
	}
	for _, rc := range r.Recommendations {
		if rc.Check != "" {
			continue // as in the model: a questionnaire evaluates no check
		}
		rv := recView{Index: len(p.Recs), Title: rc.Title, Horizon: msg("horizon", "days", strconv.Itoa(rc.Horizon)), Body: markdown.HTML(rc.Body)}
		if rc.Flag != "" {
			rv.For = msg("forFlag", "title", r.Flag(rc.Flag).Title)
		} else {
			rv.For = msg("forDimension", "title", r.Dimension(rc.Dimension).Title)
		}
		p.Recs = append(p.Recs, rv)
	}
	script, style, err := readAssets()
	if err != nil {
		return nil, err
	}
	p.Script, p.Style = template.JS(script), template.CSS(style) //nolint:gosec // our own embedded files
	p.CSP = csp(script, style)
	return p, nil
}

func newQuestionView(msgs map[string]string, q *assess.Question, qm questionModel, total int) questionView {
	msg := func(key string, kv ...string) string { return i18n.Fill(msgs, key, kv...) }
	n := strconv.Itoa(q.Index + 1)
	qv := questionView{Index: q.Index, Type: q.Type, Input: "radio", Text: q.Text,
		Num: msg("questionNum", "n", n, "total", strconv.Itoa(total))}
	if q.Type == assess.TypeMulti {
		qv.Input, qv.Hint = "checkbox", msg("multiHint")
	}
	width := 0
	for i, l := range qm.Labels {
		qv.Answers = append(qv.Answers, answerView{Value: "a" + strconv.Itoa(i), Label: l})
		width = max(width, len([]rune(l)))
	}
	qv.Wide = q.Type == assess.TypeScale && len(qm.Labels) <= 7 && width <= 28
	for i, l := range qm.Skip {
		qv.Skips = append(qv.Skips, answerView{Value: "s" + strconv.Itoa(i), Label: l})
	}
	if q.Type == assess.TypeMulti && len(qm.Skip) > 0 {
		qv.Hint += " " + msg("multiSkip")
	}
	return qv
}

// readAssets returns the page's script and stylesheet.
func readAssets() (script, style string, err error) {
	var js strings.Builder
	js.WriteString("(function () {\n\"use strict\";\n")
	for _, f := range scriptFiles {
		b, err := assets.ReadFile("assets/" + f)
		if err != nil {
			return "", "", err
		}
		js.Write(b)
	}
	js.WriteString("})();\n")
	css, err := assets.ReadFile("assets/questionnaire.css")
	if err != nil {
		return "", "", err
	}
	script, style = js.String(), string(css)
	for _, bad := range []string{"</script", "<!--"} {
		if strings.Contains(strings.ToLower(script), bad) {
			return "", "", fmt.Errorf("questionnaire: the script contains %q", bad)
		}
	}
	if strings.Contains(strings.ToLower(style), "</style") {
		return "", "", fmt.Errorf("questionnaire: the stylesheet contains </style")
	}
	return script, style, nil
}

// csp allows the page's one script and one stylesheet by their hashes,
// data: images, and nothing else: no request of any kind.
func csp(script, style string) string {
	h := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'none'; script-src " + h(script) + "; style-src " + h(style) +
		"; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
}
