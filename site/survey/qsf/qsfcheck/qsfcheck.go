// Package qsfcheck reads a Qualtrics survey file (QSF) into its own
// minimal structs and checks it, for the tests of site/survey/qsf and of
// `aiready questionnaire --format qsf`. It shares no type or function with
// the writer: what it reads is what Qualtrics reads, and Check accepts the
// real QSF files kept in ../testdata/real as well as the writer's.
package qsfcheck

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/aiready/aiready/site/survey"
)

// File is a QSF as read.
type File struct {
	Entry struct {
		SurveyID, SurveyName, SurveyLanguage, SurveyStatus string
		SurveyDescription                                  *string
		SurveyActiveResponseSet                            string
	}
	Blocks []Block
	// Flow is the blocks' ids in the order the survey shows them.
	Flow []string
	// FlowCount is the flow's Properties.Count.
	FlowCount int
	// Count is the QC element's question count.
	Count int
	// Options is the SO payload.
	Options map[string]any
	// Questions by QuestionID, and in the file's order.
	Questions map[string]*Question
	Order     []string
	// Elements are the element kinds, in the file's order.
	Elements []string
}

// Block is one block of the BL element.
type Block struct {
	Type, Description, ID string
	// Questions are the QuestionIDs of its Question elements, in order.
	Questions []string
}

// Question is an SQ element's payload.
type Question struct {
	Primary   string // the element's PrimaryAttribute
	Text      string // QuestionText, HTML
	Tag       string // DataExportTag
	ID        string // QuestionID
	Type      string
	Selector  string
	Sub       string // SubSelector
	Force     string // Validation.Settings.ForceResponse
	Choices   []Choice
	Recode    map[string]string
	Languages json.RawMessage // Language
}

// Choice is a choice in ChoiceOrder's order.
type Choice struct {
	Key, Display string
	Exclusive    bool
}

// flexString reads a JSON string or number as a string (Qualtrics writes
// ChoiceOrder and RecodeValues both ways).
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("neither a string nor a number: %s", b)
	}
	*f = flexString(n.String())
	return nil
}

type rawElement struct {
	SurveyID           string
	Element            string
	PrimaryAttribute   string
	SecondaryAttribute *flexString
	Payload            json.RawMessage
}

type rawBlock struct {
	Type, Description, ID string
	BlockElements         []struct {
		Type       string
		QuestionID string
	}
}

type rawFlow struct {
	ID, Type, FlowID string
	Flow             []rawFlow
	Properties       struct{ Count int }
}

type rawQuestion struct {
	QuestionText, DataExportTag, QuestionID, QuestionType, Selector, SubSelector string
	Choices                                                                      map[string]struct {
		Display         string
		ExclusiveAnswer *bool
	}
	ChoiceOrder  []flexString
	RecodeValues map[string]flexString
	Validation   struct {
		Settings struct{ ForceResponse string }
	}
	Language json.RawMessage
}

// Read decodes a QSF.
func Read(data []byte) (*File, error) {
	var raw struct {
		SurveyEntry    json.RawMessage
		SurveyElements []rawElement
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	f := &File{Questions: map[string]*Question{}}
	if raw.SurveyEntry == nil {
		return nil, fmt.Errorf("no SurveyEntry")
	}
	if err := json.Unmarshal(raw.SurveyEntry, &f.Entry); err != nil {
		return nil, fmt.Errorf("SurveyEntry: %w", err)
	}
	seen := map[string]int{}
	for i, e := range raw.SurveyElements {
		f.Elements = append(f.Elements, e.Element)
		seen[e.Element]++
		if e.SurveyID != f.Entry.SurveyID {
			return nil, fmt.Errorf("element %d (%s): SurveyID %q, the entry's is %q", i, e.Element, e.SurveyID, f.Entry.SurveyID)
		}
		switch e.Element {
		case "BL":
			// A list of blocks, or an object of them keyed "0", "1", ...
			var list []rawBlock
			if err := json.Unmarshal(e.Payload, &list); err != nil {
				var m map[string]rawBlock
				if err2 := json.Unmarshal(e.Payload, &m); err2 != nil {
					return nil, fmt.Errorf("BL: %w", err)
				}
				keys := make([]string, 0, len(m))
				for k := range m {
					keys = append(keys, k)
				}
				slices.SortFunc(keys, func(a, b string) int { x, _ := strconv.Atoi(a); y, _ := strconv.Atoi(b); return x - y })
				for _, k := range keys {
					list = append(list, m[k])
				}
			}
			for _, b := range list {
				blk := Block{Type: b.Type, Description: b.Description, ID: b.ID}
				for _, x := range b.BlockElements {
					if x.Type == "Question" {
						blk.Questions = append(blk.Questions, x.QuestionID)
					}
				}
				f.Blocks = append(f.Blocks, blk)
			}
		case "FL":
			var fl rawFlow
			if err := json.Unmarshal(e.Payload, &fl); err != nil {
				return nil, fmt.Errorf("FL: %w", err)
			}
			if fl.Type != "Root" {
				return nil, fmt.Errorf("FL: type %q, want Root", fl.Type)
			}
			f.FlowCount = fl.Properties.Count
			var walk func([]rawFlow)
			walk = func(xs []rawFlow) {
				for _, x := range xs {
					if x.ID != "" && (x.Type == "Block" || x.Type == "Standard") {
						f.Flow = append(f.Flow, x.ID)
					}
					walk(x.Flow)
				}
			}
			walk(fl.Flow)
		case "SO":
			if err := json.Unmarshal(e.Payload, &f.Options); err != nil {
				return nil, fmt.Errorf("SO: %w", err)
			}
		case "QC":
			if e.SecondaryAttribute == nil {
				return nil, fmt.Errorf("QC: no count")
			}
			n, err := strconv.Atoi(string(*e.SecondaryAttribute))
			if err != nil {
				return nil, fmt.Errorf("QC: %w", err)
			}
			f.Count = n
		case "SQ":
			var p rawQuestion
			if err := json.Unmarshal(e.Payload, &p); err != nil {
				return nil, fmt.Errorf("SQ %s: %w", e.PrimaryAttribute, err)
			}
			q := &Question{Primary: e.PrimaryAttribute, Text: p.QuestionText, Tag: p.DataExportTag, ID: p.QuestionID,
				Type: p.QuestionType, Selector: p.Selector, Sub: p.SubSelector, Force: p.Validation.Settings.ForceResponse,
				Languages: p.Language}
			for _, k := range p.ChoiceOrder {
				c, ok := p.Choices[string(k)]
				if !ok {
					return nil, fmt.Errorf("SQ %s: ChoiceOrder names choice %q, which Choices has not", e.PrimaryAttribute, k)
				}
				q.Choices = append(q.Choices, Choice{Key: string(k), Display: c.Display, Exclusive: c.ExclusiveAnswer != nil && *c.ExclusiveAnswer})
			}
			if len(p.ChoiceOrder) != len(p.Choices) {
				return nil, fmt.Errorf("SQ %s: %d choices, %d in ChoiceOrder", e.PrimaryAttribute, len(p.Choices), len(p.ChoiceOrder))
			}
			if p.RecodeValues != nil {
				q.Recode = map[string]string{}
				for k, v := range p.RecodeValues {
					q.Recode[k] = string(v)
				}
			}
			if _, dup := f.Questions[q.Primary]; dup {
				return nil, fmt.Errorf("SQ %s twice", q.Primary)
			}
			f.Questions[q.Primary] = q
			f.Order = append(f.Order, q.Primary)
		}
	}
	for _, k := range []string{"BL", "FL", "SO", "QC"} {
		if seen[k] != 1 {
			return nil, fmt.Errorf("%d %s elements, want 1", seen[k], k)
		}
	}
	return f, nil
}

// Check checks what any QSF must hold for Qualtrics to import it as a
// survey: an entry with an id and a name; one Default and one Trash
// block; block ids unique; every question in exactly one block and every
// block question a question of the file; the flow showing each block
// but the trash once; every question's QuestionID its element's, export
// tags unique; choices with a text, a multiple choice question's recode
// values numbers for its choices; the question count no less than the
// questions.
func Check(f *File) []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if !strings.HasPrefix(f.Entry.SurveyID, "SV_") {
		bad("SurveyID %q does not start with SV_", f.Entry.SurveyID)
	}
	if f.Entry.SurveyName == "" || f.Entry.SurveyLanguage == "" || f.Entry.SurveyStatus == "" {
		bad("SurveyEntry lacks a name, language or status: %+v", f.Entry)
	}
	types := map[string]int{}
	ids := map[string]bool{}
	in := map[string]int{}
	for _, b := range f.Blocks {
		types[b.Type]++
		if ids[b.ID] || !strings.HasPrefix(b.ID, "BL_") {
			bad("block id %q repeated or not BL_", b.ID)
		}
		ids[b.ID] = true
		for _, q := range b.Questions {
			in[q]++
			if f.Questions[q] == nil {
				bad("block %s holds %s, which is no question of the file", b.ID, q)
			}
		}
	}
	if types["Default"] != 1 || types["Trash"] != 1 || types["Default"]+types["Trash"]+types["Standard"] != len(f.Blocks) {
		bad("block types %v: want one Default, one Trash, the rest Standard", types)
	}
	for _, id := range f.Order {
		if in[id] != 1 {
			bad("question %s is in %d blocks, want 1", id, in[id])
		}
	}
	flown := map[string]int{}
	for _, id := range f.Flow {
		flown[id]++
	}
	for _, b := range f.Blocks {
		want := 1
		if b.Type == "Trash" {
			want = 0
		}
		if flown[b.ID] != want {
			bad("block %s (%s) is in the flow %d times, want %d", b.ID, b.Type, flown[b.ID], want)
		}
	}
	for id := range flown {
		if !ids[id] {
			bad("the flow shows block %s, which is no block", id)
		}
	}
	if f.FlowCount <= len(f.Flow) {
		bad("flow count %d, want more than the %d blocks shown (FL_1 is the root)", f.FlowCount, len(f.Flow))
	}
	tags := map[string]string{}
	for _, id := range f.Order {
		q := f.Questions[id]
		if q.ID != id || !regexp.MustCompile(`^QID\d+$`).MatchString(id) {
			bad("question %s: QuestionID %q", id, q.ID)
		}
		if q.Tag == "" {
			bad("question %s: no DataExportTag", id)
		} else if prev, ok := tags[strings.ToLower(q.Tag)]; ok {
			bad("questions %s and %s: one DataExportTag %q", prev, id, q.Tag)
		} else {
			tags[strings.ToLower(q.Tag)] = id
		}
		if q.Type == "" || q.Text == "" {
			bad("question %s: no type or text", id)
		}
		if q.Type == "MC" {
			if len(q.Choices) == 0 {
				bad("question %s: a multiple choice question without choices", id)
			}
			for _, c := range q.Choices {
				if c.Display == "" {
					bad("question %s: choice %s has no text", id, c.Key)
				}
			}
		}
		for k, v := range q.Recode {
			if q.Type != "MC" {
				break // a matrix recodes its Answers (scale points), not its Choices
			}
			if !slices.ContainsFunc(q.Choices, func(c Choice) bool { return c.Key == k }) {
				bad("question %s: recode value for choice %s, which is none", id, k)
			}
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				bad("question %s: recode value %q is no number", id, v)
			}
		}
		if len(q.Languages) == 0 {
			bad("question %s: no Language", id)
		}
	}
	if f.Count < len(f.Order) {
		bad("question count %d, but %d questions", f.Count, len(f.Order))
	}
	return errs
}

var (
	brTag   = regexp.MustCompile(`(?i)<br\s*/?>`)
	anyTag  = regexp.MustCompile(`<[^>]*>`)
	nbspEnt = regexp.MustCompile(`&nbsp;`)
)

// Text is the plain text of Qualtrics' rich text, as its "choice text"
// export and its header row of question texts give it: a <br> a line
// break, other tags dropped, entities decoded.
func Text(h string) string {
	h = brTag.ReplaceAllString(h, "\n")
	h = anyTag.ReplaceAllString(h, "")
	h = nbspEnt.ReplaceAllString(h, "\u00a0")
	return html.UnescapeString(h)
}

// Shown are the file's blocks in flow order.
func (f *File) Shown() []Block {
	var out []Block
	for _, id := range f.Flow {
		for _, b := range f.Blocks {
			if b.ID == id {
				out = append(out, b)
			}
		}
	}
	return out
}

// Match checks that f asks the survey s: the entry (name, language,
// description, inactive), one block per section in the flow's order,
// each headed by a descriptive text with the section's title and help
// (the first block by the survey's introduction too), then the section's
// items, one question each: export tag the item's name, type and
// selector for its kind, the text and the answers' labels exactly as
// given, nothing required, a scale or choice question's recode values its
// points (a skip answer -99), a multi question's skip answers exclusive.
func Match(f *File, s *survey.Survey) []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	e := f.Entry
	if e.SurveyName != s.Title || e.SurveyLanguage != strings.ToUpper(s.Lang) || e.SurveyStatus != "Inactive" || e.SurveyDescription == nil || *e.SurveyDescription != s.Footer {
		bad("entry %+v: want name %q, language %q, Inactive, description %q", e, s.Title, strings.ToUpper(s.Lang), s.Footer)
	}
	if f.Count != len(f.Order) {
		bad("question count %d, want %d", f.Count, len(f.Order))
	}
	for _, b := range f.Blocks {
		if b.Type == "Trash" && len(b.Questions) > 0 {
			bad("the trash holds %v", b.Questions)
		}
	}
	shown := f.Shown()
	if len(shown) != len(s.Sections) {
		bad("%d blocks shown, want %d (one per section)", len(shown), len(s.Sections))
		return errs
	}
	for i, sec := range s.Sections {
		b := shown[i]
		want := "Standard"
		if i == 0 {
			want = "Default"
		}
		if b.Type != want || b.Description != strings.Join(strings.Fields(sec.Title), " ") {
			bad("block %d: type %q description %q, want %q %q", i, b.Type, b.Description, want, sec.Title)
		}
		qs := b.Questions
		next := func() *Question {
			if len(qs) == 0 {
				return nil
			}
			q := f.Questions[qs[0]]
			qs = qs[1:]
			return q
		}
		if i == 0 && s.Intro != "" {
			if q := next(); q == nil || q.Type != "DB" || q.Selector != "TB" || Text(q.Text) != s.Intro {
				bad("block %d: the first question is not the introduction: %+v", i, q)
			}
		}
		head := sec.Title
		if sec.Help != "" {
			head += "\n\n" + sec.Help
		}
		if q := next(); q == nil || q.Type != "DB" || q.Selector != "TB" || Text(q.Text) != head {
			bad("section %s: the block does not start with its title and help: %+v", sec.ID, q)
		}
		for _, it := range sec.Items {
			q := next()
			if q == nil {
				bad("section %s: no question for %s", sec.ID, it.Name)
				break
			}
			errs = append(errs, matchItem(q, it)...)
		}
		if len(qs) > 0 {
			bad("section %s: questions left over: %v", sec.ID, qs)
		}
	}
	return errs
}

func matchItem(q *Question, it *survey.Item) []error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s (%s): %s", it.Name, q.ID, fmt.Sprintf(format, a...)))
	}
	if q.Tag != it.Name {
		bad("DataExportTag %q", q.Tag)
	}
	var typ, sel, sub string
	switch {
	case it.Kind == survey.KindText:
		typ, sel = "TE", "ESTB"
	case it.Kind == survey.KindSegment && len(it.Choices) == 0:
		typ, sel = "TE", "SL"
	case it.Kind == survey.KindSegment && len(it.Choices) > 10:
		typ, sel = "MC", "DL"
	case it.Kind == survey.KindMulti:
		typ, sel, sub = "MC", "MAVR", "TX"
	default:
		typ, sel, sub = "MC", "SAVR", "TX"
	}
	if q.Type != typ || q.Selector != sel || q.Sub != sub {
		bad("%s/%s/%s, want %s/%s/%s", q.Type, q.Selector, q.Sub, typ, sel, sub)
	}
	text := Text(q.Text)
	switch {
	case text == it.Title:
		if it.Help != "" && !strings.Contains(strings.Join(strings.Fields(it.Title), " "), strings.Join(strings.Fields(it.Help), " ")) {
			bad("the help %q is not shown", it.Help)
		}
	case it.Help == "" || text != it.Title+"\n\n"+it.Help:
		bad("text %q, want %q (and its help %q)", text, it.Title, it.Help)
	}
	if q.Force != "OFF" {
		bad("ForceResponse %q, want OFF: every question is optional", q.Force)
	}
	if len(q.Choices) != len(it.Choices) {
		bad("%d choices, want %d", len(q.Choices), len(it.Choices))
		return errs
	}
	for j, c := range it.Choices {
		got := q.Choices[j]
		if Text(got.Display) != c.Label {
			bad("choice %d: %q, want %q", j+1, Text(got.Display), c.Label)
		}
		if got.Exclusive != (it.Kind == survey.KindMulti && c.Skip) {
			bad("choice %d (%q): exclusive %v", j+1, c.Label, got.Exclusive)
		}
		if it.Kind == survey.KindScale || it.Kind == survey.KindChoice {
			want := "-99"
			if !c.Skip {
				want = strconv.FormatFloat(c.Points, 'g', -1, 64)
				// a label that is a number is read as that label
				if l := strings.TrimSpace(c.Label); isNumber(l) {
					want = l
				}
			}
			v, err := strconv.ParseFloat(q.Recode[got.Key], 64)
			w, _ := strconv.ParseFloat(want, 64)
			if err != nil || v != w || isNumber(strings.TrimSpace(c.Label)) && q.Recode[got.Key] != want {
				bad("choice %d (%q): recode value %q, want %s", j+1, c.Label, q.Recode[got.Key], want)
			}
		}
	}
	if (it.Kind == survey.KindMulti || it.Kind == survey.KindSegment) && q.Recode != nil {
		bad("recode values %v: a multi or segment question keeps Qualtrics' codes", q.Recode)
	}
	return errs
}

// isNumber tells a label that reads as a number.
func isNumber(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}
