// Package survey is the survey a rubric asks for, laid out once for the
// survey tools aiready writes it for (Google Forms, XLSForm for
// KoboToolbox and ODK, Qualtrics): sections, questions, their texts and
// answers, the segment questions first, and for every answer the label
// the tool shows and the name it may export. Each tool's writer
// (site/survey/google, site/survey/xlsform, site/survey/qsf) turns the
// same Survey into its own file, so that the exports come back with
// headers and cells aiready reads without a correction: a question's
// name is its rubric id, its title the rubric's text, an answer's label
// the rubric's label and its name assess's ChoiceNames.
package survey

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/markdown"
)

// Kind is what a survey item asks for.
type Kind int

const (
	// KindScale: one answer of a scale's labels or its skip answers.
	KindScale Kind = iota
	// KindChoice: one option, or a skip answer.
	KindChoice
	// KindMulti: any number of options (a skip answer alone).
	KindMulti
	// KindText: free text, not scored.
	KindText
	// KindSegment: one of a segment attribute's values (Choices), or
	// free text when no value is known (Choices empty).
	KindSegment
)

func (k Kind) String() string {
	switch k {
	case KindScale:
		return "scale"
	case KindChoice:
		return "choice"
	case KindMulti:
		return "multi"
	case KindText:
		return "text"
	case KindSegment:
		return "segment"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Survey is a rubric's survey in one language.
type Survey struct {
	ID, Title, Version string
	// Lang is the language of the survey's own words (help texts,
	// section titles): "en", "de", ...
	Lang string
	// Intro is the text shown before the first question, plain text.
	Intro string
	// Footer names the rubric, its version and its digest, for the
	// form's description: which method the answers are for.
	Footer   string
	Sections []*Section
	// Words are the survey's own words in Lang, for a writer's use
	// (survey.* of site/i18n's catalogue, without the prefix).
	Words map[string]string
}

// Section is one page of the survey: the segment questions, one dimension,
// or the questions of no dimension (the rubric's outcome question).
type Section struct {
	// ID is "about" for the segment questions, the dimension's id, or
	// "overall" for the questions of no dimension.
	ID    string
	Title string
	// Help is plain text: the dimension's description, or a word on why
	// the segment questions are asked.
	Help  string
	Items []*Item
	// Dim is the section's dimension, nil for "about" and "overall".
	Dim *assess.Dimension
}

// Item is one question.
type Item struct {
	// Name is what an export heads the item's column with: the rubric
	// question's id, or the segment attribute as given (--segment Role).
	Name string
	// Title is what the respondent reads: the rubric's question text, or
	// the segment attribute (a survey tool that exports titles heads the
	// column with it, and aiready reads an attribute by its header).
	Title string
	// Help is plain text under the title: what to choose ("Select all
	// that apply."), or empty.
	Help string
	Kind Kind
	// Question is the rubric's question; nil for a segment.
	Question *assess.Question
	// ScaleID is the scale of a KindScale item, so that a writer can put
	// consecutive questions of one scale into one grid.
	ScaleID string
	// Choices are the answers in the order shown: labels or options, then
	// the skip answers.
	Choices []Choice
}

// DropDown reports whether a segment question offers so many values that
// a tool should ask it with a drop-down list rather than a button each.
func (it *Item) DropDown() bool { return it.Kind == KindSegment && len(it.Choices) > 10 }

// Choice is one answer.
type Choice struct {
	// Name is a name of letters, digits and "_" that aiready reads as
	// this answer (assess.Question.ChoiceNames); unique in the item.
	Name string
	// Label is the text shown and exported by label: the rubric's label.
	Label string
	// Skip is true for a skip answer (counted as missing).
	Skip bool
	// Points are the raw points of a label or option (a scale's point);
	// 0 for a skip answer.
	Points float64
}

// SegmentSpec is a segment attribute to ask for first.
type SegmentSpec struct {
	// Attribute is the name the answers file heads its column with and
	// `--segment` names ("Role").
	Attribute string
	// Values are its values, in the order shown; none: asked as text.
	Values []string
}

// Options choose what Build lays out.
type Options struct {
	// Lang is the language of the survey's own words; default: the
	// rubric's language, or English when there is no catalogue for it.
	Lang     string
	Segments []SegmentSpec
}

// ErrLanguage is returned, wrapped, when Options.Lang has no catalogue.
var ErrLanguage = errors.New("no translation for this language")

// Build lays out the survey of r.
func Build(r *assess.Rubric, opt Options) (*Survey, error) {
	lang := opt.Lang
	if lang == "" {
		lang = r.Language
	}
	if opt.Lang != "" && !i18n.Supported(opt.Lang) {
		return nil, fmt.Errorf("%w: %q (there is: %s)", ErrLanguage, opt.Lang, strings.Join(i18n.Languages(), ", "))
	}
	if lang == "" || !i18n.Supported(lang) {
		// A rubric in a language without a catalogue: its own text is
		// in that language, the survey's few words in English.
		lang = i18n.Default
	}
	p := i18n.New(lang)
	words := i18n.Table(p.Lang(), "survey.")
	w := func(key string, kv ...string) string { return i18n.Fill(words, key, kv...) }
	s := &Survey{
		ID: r.ID, Title: r.Title, Version: r.Version, Lang: p.Lang(), Words: words,
		Intro:  w("intro"),
		Footer: w("footer", "id", r.ID, "version", r.Version, "sha", r.SHA256),
	}
	if err := checkSegments(r, opt.Segments); err != nil {
		return nil, err
	}
	if err := checkTexts(r); err != nil {
		return nil, err
	}
	if len(opt.Segments) > 0 {
		sec := &Section{ID: "about", Title: w("aboutTitle"), Help: w("aboutHelp")}
		for _, sg := range opt.Segments {
			it := &Item{Name: sg.Attribute, Title: sg.Attribute, Kind: KindSegment}
			if len(sg.Values) == 0 {
				it.Help = w("segmentText")
			}
			for i, n := range assess.NameChoices(sg.Values, "value") {
				it.Choices = append(it.Choices, Choice{Name: n, Label: sg.Values[i]})
			}
			sec.Items = append(sec.Items, it)
		}
		s.Sections = append(s.Sections, sec)
	}
	for _, d := range r.Dimensions {
		sec := &Section{ID: d.ID, Title: d.Title, Help: markdown.Plain(d.Description), Dim: d}
		for _, q := range d.Questions {
			sec.Items = append(sec.Items, item(q, w))
		}
		s.Sections = append(s.Sections, sec)
	}
	var rest []*assess.Question
	for _, q := range r.Questions {
		if q.Dim == nil {
			rest = append(rest, q)
		}
	}
	if len(rest) > 0 {
		sec := &Section{ID: "overall", Title: w("overallTitle")}
		for _, q := range rest {
			sec.Items = append(sec.Items, item(q, w))
		}
		s.Sections = append(s.Sections, sec)
	}
	return s, nil
}

func item(q *assess.Question, w func(string, ...string) string) *Item {
	it := &Item{Name: q.ID, Title: q.Text, Question: q}
	switch q.Type {
	case assess.TypeScale:
		it.Kind, it.ScaleID = KindScale, q.Scale
	case assess.TypeChoice:
		it.Kind = KindChoice
	case assess.TypeMulti:
		it.Kind, it.Help = KindMulti, w("multiHelp")
	default:
		it.Kind, it.Help = KindText, w("textHelp")
		return it
	}
	labels, skip := q.Answers()
	names := q.ChoiceNames()
	for i, l := range labels {
		c := Choice{Name: names[i], Label: l, Skip: skip[i]}
		if !skip[i] {
			if q.Type == assess.TypeScale {
				c.Points = q.ScaleDef.Points[i]
			} else {
				c.Points = q.Options[i].Points
			}
		}
		it.Choices = append(it.Choices, c)
	}
	return it
}

// FreeName is base, or base_2, base_3, ... : the first that taken says
// is free. The writers name their groups, lists and texts with it.
func FreeName(base string, taken func(string) bool) string {
	n := base
	for k := 2; taken(n); k++ {
		n = fmt.Sprintf("%s_%d", base, k)
	}
	return n
}

// NamePattern is what an item's name must look like for the strictest of
// the tools (an XLSForm name is an XML name): a letter or "_" first, then
// letters, digits, "_", "-" or ".".
var NamePattern = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_.-]*$`)

// checkSegments refuses a segment attribute that an export would not tell
// apart from a question or another attribute, or whose values repeat.
func checkSegments(r *assess.Rubric, segs []SegmentSpec) error {
	seen := map[string]string{}
	for _, sg := range segs {
		n := assess.Normalize(sg.Attribute)
		if n == "" {
			return errors.New("a segment attribute is empty")
		}
		if prev, ok := seen[n]; ok {
			return fmt.Errorf("segment attribute %q is given twice (as %q)", sg.Attribute, prev)
		}
		seen[n] = sg.Attribute
		// An export heads the segment's column with the attribute: it
		// must not read as a question (by id, text or alias).
		if q, how, why := r.HeaderQuestion(sg.Attribute); q != nil {
			return fmt.Errorf("segment attribute %q is the name of question %q (its %s): an export could not tell them apart", sg.Attribute, q.ID, how)
		} else if why != "" {
			return fmt.Errorf("segment attribute %q is the name of questions: %s; an export could not tell them apart", sg.Attribute, why)
		}
		vals := map[string]string{}
		for _, v := range sg.Values {
			k := assess.Normalize(v)
			if k == "" {
				return fmt.Errorf("segment %q: a value is empty", sg.Attribute)
			}
			if prev, ok := vals[k]; ok {
				return fmt.Errorf("segment %q: value %q is given twice (as %q)", sg.Attribute, v, prev)
			}
			vals[k] = v
		}
	}
	return nil
}

// checkTexts refuses a question whose text reads as another question's
// name (its id, as "q1" is the text of question q2): Google Forms and
// KoboToolbox's Labels export head a question's column with its text, and
// aiready would read that column as the other question's.
func checkTexts(r *assess.Rubric) error {
	for _, q := range r.Questions {
		if o, how, _ := r.HeaderQuestion(q.Text); o != nil && o != q {
			return fmt.Errorf("question %q: its text %q is the %s of question %q, so an export that heads columns by text (Google Forms, KoboToolbox's Labels) would read its answers as %q's; change the text", q.ID, q.Text, how, o.ID, o.ID)
		}
	}
	return nil
}
