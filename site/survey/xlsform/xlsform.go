// Package xlsform writes a survey as an XLSForm workbook (xlsform.org), the
// form definition KoboToolbox, ODK Central, SurveyCTO and Ona import: the
// sheets survey (type, name, label, hint, appearance), choices (list_name,
// name, label) and settings (form_title, form_id, version, style).
//
// The layout, and why:
//
//   - A note first carries the survey's intro, with the footer (which
//     rubric, which version, keep the names) as its hint.
//   - The segment questions come first, outside any group, after a note
//     with their section's title and help: KoboToolbox puts a question's
//     group into its header when asked to ("about/Role"), and the
//     attribute must keep the name --segment gives it. (KoboToolbox
//     leaves notes out of its exports.)
//   - Each other section is a group (begin_group ... end_group, appearance
//     field-list: one page per section in ODK Collect and, with the
//     settings' style "pages", in KoboToolbox's web form), named after the
//     section's id and labelled with its title; its help is the group's
//     hint (pyxform keeps it in the form; ODK's clients show no hint on a
//     group, so the description is for the form's author there).
//   - A question's name is its rubric id exactly, a segment's its
//     attribute: KoboToolbox and ODK export the answers under these names
//     ("XML values and headers", with or without the group path), and
//     aiready matches a column by them. A name XLSForm does not allow
//     (it must be an XML name, survey.NamePattern) is refused with an
//     error saying what to write instead; it is never changed in silence,
//     because the export's column would then no longer match the rubric
//     or --segment.
//   - A scale question is select_one of its scale's list, one list per
//     scale; a question that adds skip answers of its own gets its own
//     list. A choice question is select_one, a multi question
//     select_multiple, each of its own list; a text question text
//     (appearance multiline); a segment select_one of its values, or text
//     when it has none.
//   - A choice's name is survey.Choice.Name (assess.ChoiceNames), which
//     aiready reads back as that answer, its label the rubric's label.
//   - No question is required: every rubric question is optional (a skip
//     answer, or none, is counted as missing), so there is no required
//     column, and XLSForm's default is "not required".
//   - The labels are plain "label" columns, without a language: the
//     workbook is one language (the rubric's texts, the survey's own words
//     in --lang), and a "label::English (en)" column would only add a
//     language to choose from in the tool and to name at export time.
//     default_language is for forms with such columns, so it is left out.
//   - The version is the rubric's version and a digest of everything the
//     workbook holds (which includes the rubric's sha256 in the footer):
//     the same rubric and options give the same version, and ODK Central,
//     which wants a new version for each new upload of a form, gets one
//     whenever anything changes. No clock: the same input gives the same
//     bytes, document properties included.
//
// Every text is written as a string cell, never as a formula ("=1+1" stays
// text), with the characters XML cannot hold left out. "${" in a text,
// which pyxform would take for a reference to another question and refuse,
// is written with a fullwidth dollar sign ("＄{"), which reads the same and
// folds back to "${" under NFKC, as aiready compares headers.
package xlsform

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/aiready/aiready/site/survey"
	"github.com/xuri/excelize/v2"
)

// fixedTime is the workbook's created and modified time: a date, not the
// clock, so that the same survey gives the same bytes.
const fixedTime = "2000-01-01T00:00:00Z"

// maxCell is the most characters a spreadsheet cell holds.
const maxCell = 32767

// row is one row of a sheet.
type row []string

// Form is the workbook's content: the rows of its three sheets, headers
// first.
type Form struct {
	Survey, Choices, Settings []row
}

var surveyHead = row{"type", "name", "label", "hint", "appearance"}
var choicesHead = row{"list_name", "name", "label"}
var settingsHead = row{"form_title", "form_id", "version", "style"}

// Write writes the workbook of s to w.
func Write(w io.Writer, s *survey.Survey) error {
	form, err := Build(s)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	sheets := []struct {
		name   string
		rows   []row
		widths []float64
	}{
		{"survey", form.Survey, []float64{34, 22, 70, 50, 14}},
		{"choices", form.Choices, []float64{22, 28, 50}},
		{"settings", form.Settings, []float64{40, 22, 28, 10}},
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		for c, wd := range sh.widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(sh.name, col, col, wd); err != nil {
				return err
			}
			if err := f.SetColStyle(sh.name, col, wrap); err != nil {
				return err
			}
		}
		for r, cells := range sh.rows {
			for c, v := range cells {
				if v == "" {
					continue
				}
				ref, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					return err
				}
				// SetCellStr: a string cell whatever it holds, never a
				// formula or a number.
				if err := f.SetCellStr(sh.name, ref, v); err != nil {
					return err
				}
				if r == 0 {
					if err := f.SetCellStyle(sh.name, ref, ref, bold); err != nil {
						return err
					}
				}
			}
		}
		if err := f.SetPanes(sh.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Created: fixedTime, Modified: fixedTime, Creator: "aiready", LastModifiedBy: "aiready",
		Title: clean(s.Title), Language: s.Lang,
	}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// Build lays out the workbook's sheets for s, or says which name XLSForm
// does not allow.
func Build(s *survey.Survey) (*Form, error) {
	b := &builder{names: map[string]bool{}, lists: map[string]bool{}, listOf: map[string]string{}}
	// Every item's name is given: check them all first, so that the
	// names made for groups and the note never take one.
	for _, sec := range s.Sections {
		for _, it := range sec.Items {
			if err := checkName(it); err != nil {
				return nil, err
			}
			if b.names[it.Name] {
				return nil, fmt.Errorf("xlsform: two questions are named %q; XLSForm needs every name once", it.Name)
			}
			b.names[it.Name] = true
		}
	}
	form := &Form{Survey: []row{surveyHead}, Choices: []row{choicesHead}}
	form.Survey = append(form.Survey, row{"note", b.unique("intro"), text(s.Intro), text(s.Footer), ""})
	for _, sec := range s.Sections {
		// The segment questions stand outside any group, after a note
		// with the section's title and help: an export that puts the
		// group in its headers ("about/Role") would otherwise name the
		// attribute differently from --segment Role.
		segments := sec.ID == "about"
		if segments {
			form.Survey = append(form.Survey, row{"note", b.unique(xmlName(sec.ID, "section")), text(sec.Title), text(sec.Help), ""})
		} else {
			form.Survey = append(form.Survey, row{"begin_group", b.unique(xmlName(sec.ID, "section")), text(sec.Title), text(sec.Help), "field-list"})
		}
		for _, it := range sec.Items {
			typ, appearance := "text", ""
			switch it.Kind {
			case survey.KindScale:
				typ = "select_one " + b.list(form, it, it.ScaleID)
			case survey.KindChoice:
				typ = "select_one " + b.list(form, it, "")
			case survey.KindMulti:
				typ = "select_multiple " + b.list(form, it, "")
			case survey.KindSegment:
				if len(it.Choices) > 0 {
					typ = "select_one " + b.list(form, it, "")
				}
			case survey.KindText:
				appearance = "multiline"
			}
			form.Survey = append(form.Survey, row{typ, it.Name, text(it.Title), text(it.Help), appearance})
		}
		if !segments {
			form.Survey = append(form.Survey, row{"end_group", "", "", "", ""})
		}
	}
	// The version: the rubric's, and a digest of everything above, so
	// that any change of the form changes it.
	h := sha256.New()
	for _, rows := range [][]row{form.Survey, form.Choices} {
		for _, r := range rows {
			for _, c := range r {
				fmt.Fprintf(h, "%d:%s", len(c), c)
			}
			h.Write([]byte{'\n'})
		}
	}
	title := text(s.Title)
	fmt.Fprintf(h, "%s\x00%s", title, s.ID)
	version := versionPart(s.Version)
	if version != "" {
		version += "-"
	}
	version += hex.EncodeToString(h.Sum(nil))[:12]
	form.Settings = []row{settingsHead, {title, xmlName(s.ID, "aiready_survey"), version, "pages"}}
	for _, sheet := range [][]row{form.Survey, form.Choices, form.Settings} {
		for _, r := range sheet {
			for _, c := range r {
				if utf8.RuneCountInString(c) > maxCell {
					return nil, fmt.Errorf("xlsform: a text is longer than a spreadsheet cell holds (%d characters), at %.60q", maxCell, c)
				}
			}
		}
	}
	return form, nil
}

// builder keeps the names given out.
type builder struct {
	names  map[string]bool   // the survey sheet's names
	lists  map[string]bool   // the choices sheet's list names
	listOf map[string]string // a scale's id → its list's name
}

// unique is base, or base_2, base_3, ... when that name is taken.
func (b *builder) unique(base string) string {
	n := survey.FreeName(base, func(n string) bool { return b.names[n] })
	b.names[n] = true
	return n
}

// list is the name of the choices list of it, adding the list when it is
// new. The items of a scale share the list named after the scale; an item
// that adds skip answers of its own, and every choice, multi or segment
// item, gets a list named after itself.
func (b *builder) list(form *Form, it *survey.Item, scale string) string {
	shared := scale != "" && it.Question != nil && len(it.Question.Skip) == 0
	if shared {
		if n, ok := b.listOf[scale]; ok {
			return n
		}
	}
	base := xmlName(it.Name, "list")
	if shared {
		base = xmlName(scale, "scale")
	}
	n := survey.FreeName(base, func(n string) bool { return b.lists[n] })
	b.lists[n] = true
	if shared {
		b.listOf[scale] = n
	}
	for _, c := range it.Choices {
		form.Choices = append(form.Choices, row{n, c.Name, text(c.Label)})
	}
	return n
}

// checkName refuses an item name XLSForm does not allow.
func checkName(it *survey.Item) error {
	if survey.NamePattern.MatchString(it.Name) {
		return nil
	}
	suggest := xmlName(it.Name, "")
	if it.Kind == survey.KindSegment {
		msg := fmt.Sprintf("xlsform: segment %q cannot be an XLSForm question name (a letter or _ first, then letters, digits, _, - or .; no spaces)", it.Name)
		if suggest != "" {
			msg += fmt.Sprintf(": use e.g. --segment %s, and score with the same name", suggest)
		}
		return errors.New(msg)
	}
	msg := fmt.Sprintf("xlsform: question id %q cannot be an XLSForm question name (a letter or _ first, then letters, digits, _, - or .; no spaces)", it.Name)
	if suggest != "" {
		msg += fmt.Sprintf(": rename it in the rubric, e.g. to %s", suggest)
	}
	return errors.New(msg)
}

var notName = regexp.MustCompile(`[^\p{L}\p{N}_.-]+`)

// xmlName makes s a name survey.NamePattern allows: runs of other
// characters as "_", and "_" first when s does not start with a letter or
// "_"; fallback when nothing is left.
func xmlName(s, fallback string) string {
	n := strings.Trim(notName.ReplaceAllString(s, "_"), "_")
	if n == "" {
		return fallback
	}
	if !survey.NamePattern.MatchString(n) {
		n = "_" + n
	}
	return n
}

// versionPart is the rubric's version as a version string may hold it.
func versionPart(v string) string {
	return strings.Trim(regexp.MustCompile(`[^A-Za-z0-9._]+`).ReplaceAllString(v, "_"), "_")
}

// text is s as a cell may hold it and XLSForm shows it: without the
// characters XML 1.0 cannot hold, and with "${" (a reference to another
// question in XLSForm) written "＄{".
func text(s string) string {
	s = clean(s)
	return strings.ReplaceAll(s, "${", "\uff04{")
}

// clean leaves out what XML 1.0 cannot hold: control characters other
// than tab, newline and carriage return, U+FFFE, U+FFFF, and bytes that
// are no UTF-8.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// HowTo says, step by step, how to use the file in the tool: shown by
// `aiready questionnaire --help` and in the README.
const HowTo = `An XLSForm: a workbook that KoboToolbox, ODK Central, SurveyCTO and Ona
turn into a form. Upload it as it is: do not rename questions or answers
in the tool's form builder (aiready reads the export by those names), and
do not make questions required (every question is optional).

KoboToolbox:
  1. Projects → NEW → Upload an XLSForm → choose questionnaire.xlsx, give
     the project a name → CREATE PROJECT.
  2. DEPLOY, then share the link under FORM → Collect data.
  3. When the answers are in: DATA → Downloads. Select export type: XLS.
     Value and header format: "XML values and headers" (best: the cells
     hold the answers' names, which never change). "Labels" works too,
     as long as the labels were not edited and no two questions share
     a text. "Include groups in headers"
     may stay as it is. "Export select_multiple responses as": any;
     "Single column" leaves aiready no column unused. EXPORT, then
     download the file.
  4. aiready score --segment Role export.xlsx
     (with "XML values" a segment's groups are named by the answers'
     names, e.g. frontline_staff; the "Labels" export keeps the values
     as you gave them.)

ODK Central:
  1. In your project: Forms → New → upload questionnaire.xlsx → Create,
     then Publish Draft, and share a Public Access link or an app user.
  2. When the answers are in: the form's Submissions → Download, with
     the options as they are (group names in the headers or not, either
     way); unzip the download if it comes as a .zip.
  3. aiready score --segment Role submissions.csv

SurveyCTO and Ona: upload questionnaire.xlsx as a new form; export the
data as CSV or XLSX with the choices' values (names) and score it as
above.`
