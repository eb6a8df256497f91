// Package qsf writes a survey as a Qualtrics survey file (QSF): the JSON
// that Qualtrics imports with Create project → Survey → "Import a QSF
// file", laid out as Qualtrics itself exports one (a SurveyEntry, then
// SurveyElements: the blocks BL, the flow FL, the survey options SO, the
// question count QC, a response set RS and one SQ per question).
//
// Each question's DataExportTag is its rubric id (a segment question's:
// the attribute), so that an export heads its column with the name
// aiready reads; each section is one block (Qualtrics shows a block as a
// page), headed by a descriptive text with the section's title and help.
// Nothing is required (ForceResponse OFF): every rubric question is
// optional.
//
// Question and answer texts are HTML in Qualtrics: a rubric's text is
// escaped (&, <, > as entities, a line break as <br>), so that it shows
// as written and cannot inject markup or script.
package qsf

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/aiready/aiready/site/survey"
)

// MissingCode is the recode value of a skip answer ("Don't know", "Not
// applicable"): Qualtrics writes it in a "numeric values" export, and
// aiready reads -99 in a Qualtrics export as no answer (it is the code
// Qualtrics itself writes for a question seen but not answered). A skip
// answer is counted as missing either way, so nothing is lost; a "choice
// text" export keeps the skip answer's label.
const MissingCode = "-99"

// Write writes the survey file of s to w. The same survey gives the same
// bytes: the survey's, blocks' and response set's ids are derived from
// the survey's content, and no clock is read.
func Write(w io.Writer, s *survey.Survey) error {
	d, err := newDoc(s)
	if err != nil {
		return err
	}
	b, err := json.Marshal(d.file())
	if err != nil {
		return fmt.Errorf("qsf: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// obj is a JSON object whose keys keep their order, as Qualtrics writes
// them.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(p.k)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// doc is a survey being laid out.
type doc struct {
	s        *survey.Survey
	seed     [32]byte
	surveyID string
	nq       int               // questions so far (QID1, QID2, ...)
	tags     map[string]string // export tags taken: case folded → as given
	sqs      []any             // SQ elements
}

func newDoc(s *survey.Survey) (*doc, error) {
	d := &doc{s: s, seed: seed(s), tags: map[string]string{}}
	d.surveyID = d.id("SV_", "survey")
	// Qualtrics tells export tags apart without case: two names that
	// differ only in case ("q1", "Q1") would make a file it refuses.
	for _, sec := range s.Sections {
		for _, it := range sec.Items {
			k := strings.ToLower(it.Name)
			if prev, ok := d.tags[k]; ok {
				return nil, fmt.Errorf("qsf: %q and %q differ only in case, and Qualtrics needs every question's export tag once, whatever its case; rename one of them", prev, it.Name)
			}
			d.tags[k] = it.Name
		}
	}
	return d, nil
}

// seed digests everything the file says, so that ids differ between
// surveys and stay the same for one survey.
func seed(s *survey.Survey) [32]byte {
	h := sha256.New()
	f := func(xs ...any) {
		for _, x := range xs {
			fmt.Fprintf(h, "%q\x00", fmt.Sprint(x))
		}
	}
	f(s.ID, s.Title, s.Version, s.Lang, s.Intro, s.Footer)
	for _, sec := range s.Sections {
		f("section", sec.ID, sec.Title, sec.Help)
		for _, it := range sec.Items {
			f("item", it.Name, it.Title, it.Help, it.Kind)
			for _, c := range it.Choices {
				f(c.Name, c.Label, c.Skip, c.Points)
			}
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// id is a Qualtrics-like id (SV_, BL_, RS_ and 15 letters and digits)
// derived from the survey's seed and what it names.
func (d *doc) id(prefix, what string) string {
	sum := sha256.Sum256(append(d.seed[:], what...))
	b := []byte(prefix)
	for i := 0; i < 15; i++ {
		b = append(b, base62[int(sum[i])%len(base62)])
	}
	return string(b)
}

// freeTag is an export tag for a descriptive text that no question has.
func (d *doc) freeTag(base string) string {
	t := survey.FreeName(base, func(t string) bool {
		_, taken := d.tags[strings.ToLower(t)]
		return taken
	})
	d.tags[strings.ToLower(t)] = t
	return t
}

func (d *doc) element(kind, primary string, secondary, payload any) obj {
	return obj{
		{"SurveyID", d.surveyID},
		{"Element", kind},
		{"PrimaryAttribute", primary},
		{"SecondaryAttribute", secondary},
		{"TertiaryAttribute", nil},
		{"Payload", payload},
	}
}

// file lays out the whole survey file.
func (d *doc) file() obj {
	s := d.s
	rs := d.id("RS_", "response set")
	var blocks, flow []any
	trash := obj{{"Type", "Trash"}, {"Description", "Trash / Unused Questions"}, {"ID", d.id("BL_", "trash")}, {"BlockElements", []any{}}}
	for i, sec := range s.Sections {
		var elems []any
		q := func(qid string) { elems = append(elems, obj{{"Type", "Question"}, {"QuestionID", qid}}) }
		if i == 0 && s.Intro != "" {
			q(d.descriptive(d.freeTag("intro"), HTML(s.Intro)))
		}
		head := "<strong>" + HTML(sec.Title) + "</strong>"
		if sec.Help != "" {
			head += "<br><br>" + HTML(sec.Help)
		}
		q(d.descriptive(d.freeTag(sec.ID+"_help"), head))
		for _, it := range sec.Items {
			q(d.question(it))
		}
		bid := d.id("BL_", "block "+sec.ID+" "+strconv.Itoa(i))
		typ, flowType := "Standard", "Standard"
		if i == 0 {
			typ, flowType = "Default", "Block"
		}
		b := obj{{"Type", typ}}
		if typ == "Standard" {
			b = append(b, kv{"SubType", ""})
		}
		b = append(b, kv{"Description", plainLine(sec.Title)}, kv{"ID", bid}, kv{"BlockElements", elems})
		blocks = append(blocks, b)
		if i == 0 {
			blocks = append(blocks, trash)
		}
		flow = append(flow, obj{{"ID", bid}, {"Type", flowType}, {"FlowID", "FL_" + strconv.Itoa(i+2)}})
	}
	if len(s.Sections) == 0 {
		blocks = append(blocks, trash)
	}
	entry := obj{
		{"SurveyID", d.surveyID},
		{"SurveyName", s.Title},
		{"SurveyDescription", s.Footer},
		{"SurveyOwnerID", ""},
		{"SurveyBrandID", ""},
		{"DivisionID", nil},
		{"SurveyLanguage", strings.ToUpper(s.Lang)},
		{"SurveyActiveResponseSet", rs},
		{"SurveyStatus", "Inactive"},
		{"SurveyStartDate", noDate},
		{"SurveyExpirationDate", noDate},
		{"SurveyCreationDate", noDate},
		{"CreatorID", ""},
		{"LastModified", noDate},
		{"LastAccessed", noDate},
		{"LastActivated", noDate},
		{"Deleted", nil},
	}
	options := obj{
		{"BackButton", "true"},
		{"SaveAndContinue", "true"},
		{"SurveyProtection", "PublicSurvey"},
		{"BallotBoxStuffingPrevention", "false"},
		{"NoIndex", "Yes"},
		{"SecureResponseFiles", "true"},
		{"SurveyExpiration", "None"},
		{"SurveyTermination", "DefaultMessage"},
		{"Header", ""},
		{"Footer", ""},
		{"ProgressBarDisplay", "Text"},
		{"PartialData", "+1 week"},
		{"ValidationMessage", ""},
		{"PreviousButton", " ← "},
		{"NextButton", " → "},
		{"SurveyTitle", s.Title},
		// Anonymous responses: Qualtrics records no IP address,
		// location or contact details, which aiready never reads.
		{"AnonymizeResponse", "Yes"},
		{"CollectGeoLocation", "false"},
		{"NewScoring", 1},
	}
	elements := []any{
		d.element("BL", "Survey Blocks", nil, blocks),
		d.element("FL", "Survey Flow", nil, obj{
			{"Flow", flow},
			{"Properties", obj{{"Count", len(flow) + 1}}},
			{"FlowID", "FL_1"},
			{"Type", "Root"},
		}),
		d.element("SO", "Survey Options", nil, options),
		d.element("SCO", "Scoring", nil, obj{
			{"ScoringCategories", []any{}},
			{"ScoringCategoryGroups", []any{}},
			{"ScoringSummaryCategory", nil},
			{"ScoringSummaryAfterQuestions", 0},
			{"ScoringSummaryAfterSurvey", 0},
			{"DefaultScoringCategory", nil},
			{"AutoScoringCategory", nil},
		}),
		d.element("STAT", "Survey Statistics", nil, obj{{"MobileCompatible", true}, {"ID", "Survey Statistics"}}),
		d.element("QC", "Survey Question Count", strconv.Itoa(d.nq), nil),
		d.element("RS", rs, "Default Response Set", nil),
	}
	elements = append(elements, d.sqs...)
	return obj{{"SurveyEntry", entry}, {"SurveyElements", elements}}
}

// noDate is how Qualtrics writes a date not set.
const noDate = "0000-00-00 00:00:00"

var (
	optional  = obj{{"Settings", obj{{"ForceResponse", "OFF"}, {"ForceResponseType", "ON"}, {"Type", "None"}}}}
	noCheck   = obj{{"Settings", obj{{"Type", "None"}}}}
	visible   = obj{{"Private", false}, {"Hidden", false}}
	useText   = obj{{"QuestionDescriptionOption", "UseText"}}
	mcConfig  = obj{{"QuestionDescriptionOption", "UseText"}, {"TextPosition", "inline"}}
	noEntries = []any{}
)

// sq adds a question; its payload starts with text and tag.
func (d *doc) sq(text, tag string, rest obj) string {
	d.nq++
	qid := "QID" + strconv.Itoa(d.nq)
	desc := Plain(text)
	p := obj{
		{"QuestionText", text},
		{"DefaultChoices", false},
		{"DataExportTag", tag},
		{"QuestionID", qid},
	}
	p = append(p, rest...)
	p = append(p, kv{"QuestionDescription", plainLine(desc)})
	d.sqs = append(d.sqs, d.element("SQ", qid, plainLine(desc), p))
	return qid
}

// descriptive adds a descriptive text (DB/TB): no answer, no column.
func (d *doc) descriptive(tag, html string) string {
	return d.sq(html, tag, obj{
		{"QuestionType", "DB"},
		{"Selector", "TB"},
		{"DataVisibility", visible},
		{"Configuration", obj{{"QuestionDescriptionOption", "UseText"}}},
		{"ChoiceOrder", noEntries},
		{"Validation", noCheck},
		{"GradingData", noEntries},
		{"Language", noEntries},
	})
}

// question adds an item.
func (d *doc) question(it *survey.Item) string {
	text := HTML(it.Title)
	if it.Help != "" && !strings.Contains(plainLine(it.Title), plainLine(it.Help)) {
		text += `<br><br><span style="font-size:smaller;">` + HTML(it.Help) + "</span>"
	}
	var rest obj
	switch {
	case it.Kind == survey.KindText || it.Kind == survey.KindSegment && len(it.Choices) == 0:
		sel := "ESTB"
		if it.Kind == survey.KindSegment {
			sel = "SL"
		}
		rest = obj{
			{"QuestionType", "TE"},
			{"Selector", sel},
			{"DataVisibility", visible},
			{"Configuration", useText},
			{"Validation", optional},
			{"GradingData", noEntries},
			{"Language", noEntries},
		}
	default:
		var choices obj
		var order []string
		for i, c := range it.Choices {
			k := strconv.Itoa(i + 1)
			ch := obj{{"Display", HTML(c.Label)}}
			if it.Kind == survey.KindMulti && c.Skip {
				// "Don't know" alone: ticking it clears the options.
				ch = append(ch, kv{"ExclusiveAnswer", true})
			}
			choices = append(choices, kv{k, ch})
			order = append(order, k)
		}
		rest = obj{{"QuestionType", "MC"}}
		switch {
		case it.Kind == survey.KindMulti:
			rest = append(rest, kv{"Selector", "MAVR"}, kv{"SubSelector", "TX"})
		case it.DropDown():
			rest = append(rest, kv{"Selector", "DL"})
		default:
			rest = append(rest, kv{"Selector", "SAVR"}, kv{"SubSelector", "TX"})
		}
		rest = append(rest,
			kv{"DataVisibility", visible},
			kv{"Configuration", mcConfig},
			kv{"Choices", choices},
			kv{"ChoiceOrder", order},
		)
		if rv := recodes(it); rv != nil {
			rest = append(rest, kv{"RecodeValues", rv})
		}
		rest = append(rest,
			kv{"Validation", optional},
			kv{"GradingData", noEntries},
			kv{"Language", noEntries},
		)
	}
	return d.sq(text, it.Name, rest)
}

// recodes are the values a "numeric values" export writes for a scale
// or choice question: its points (aiready reads a number as the answer
// of that many points), MissingCode for a skip answer. A label that is a
// number itself ("1" of a scale "1".."5" of points 0..4) is its own
// recode value: aiready reads a cell by label before points, so the
// points would read as another answer's label. A multi question's and a
// segment's answers keep Qualtrics' own codes (1, 2, ...): aiready reads
// those exports by choice text.
func recodes(it *survey.Item) obj {
	if it.Kind != survey.KindScale && it.Kind != survey.KindChoice {
		return nil
	}
	var rv obj
	for i, c := range it.Choices {
		v := MissingCode
		if !c.Skip {
			if math.IsNaN(c.Points) || math.IsInf(c.Points, 0) {
				return nil
			}
			v = strconv.FormatFloat(c.Points, 'f', -1, 64)
			if n := numberLabel(c.Label); n != "" {
				v = n
			}
		}
		rv = append(rv, kv{strconv.Itoa(i + 1), v})
	}
	return rv
}

// numberLabel is label as a recode value when it is a number ("5",
// " -1.5 "), else "".
func numberLabel(label string) string {
	n := strings.TrimSpace(label)
	if f, err := strconv.ParseFloat(n, 64); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	return n
}

// HTML is text as Qualtrics' rich text: &, < and > as entities, a line
// break as <br>, a carriage return as &#13;. Plain turns it back.
func HTML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\n':
			b.WriteString("<br>")
		case '\r':
			b.WriteString("&#13;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Plain is the text of rich text that HTML wrote: tags dropped, <br> as
// a line break, the entities decoded.
func Plain(h string) string {
	var b strings.Builder
	for len(h) > 0 {
		switch {
		case strings.HasPrefix(h, "<br>"):
			b.WriteByte('\n')
			h = h[4:]
		case h[0] == '<' && strings.IndexByte(h, '>') >= 0:
			h = h[strings.IndexByte(h, '>')+1:]
		default:
			b.WriteByte(h[0])
			h = h[1:]
		}
	}
	return html.UnescapeString(b.String())
}

// plainLine is text on one line, as Qualtrics writes a question's
// description: white space runs as one space.
func plainLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// HowTo says, step by step, how to use the file in the tool: shown by
// `aiready questionnaire --help` and in the README.
const HowTo = `Import the survey into Qualtrics:
  1. In Qualtrics, click "Create a new project" (or Create project),
     choose Survey, then "Get started".
  2. Give it a name; under "How do you want to start your survey?"
     choose "Import a QSF file", choose questionnaire.qsf and click
     "Create project".
  3. Check it in Preview; change wording only in the rubric and write the
     file again, never the export tags (the names beside each question):
     aiready reads the export by them. Then click Publish and share the
     anonymous link.
Export the answers for aiready:
  4. Data & Analysis → Export & Import → Export data → CSV.
  5. Choose "Use choice text" (not "Use numeric values"), leave the rest
     as it is and click Download; unzip the file.
  6. aiready score --segment Role --segment Team the-export.csv
     (one --segment for each segment question you asked). A "numeric
     values" export scores too, but its multi-answer questions are not
     read and its segments come as numbers: prefer choice text.`
