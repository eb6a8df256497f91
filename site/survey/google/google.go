// Package google writes a survey as a Google Apps Script that creates the
// Google Form.
//
// The script (questionnaire.gs) is pasted into a new project at
// script.google.com and run once: its function createForm makes the form
// with the documented FormApp API (FormApp.create, Form.addPageBreakItem,
// addGridItem, addMultipleChoiceItem, addCheckboxItem, addListItem,
// addParagraphTextItem, addTextItem, the items' setTitle, setHelpText,
// setRows, setColumns, setChoiceValues and setRequired) and logs the
// form's edit and respond links (Form.getEditUrl, getPublishedUrl). The
// survey is one JSON object literal at the top of the script, the code
// after it: every text of the rubric is a JSON string, HTML-escaped, so
// that no text can end the literal, a comment or a script.
//
// Google Forms' export (Responses → Download responses (.csv)) heads each
// column with the item's title, a grid's rows with "Title [Row]", and
// writes an answer as the option's text: the titles here are the rubric's
// question texts (a grid's rows), the segment attribute for a segment
// question, and the options are the rubric's labels, so that the export
// scores with `aiready score` as it comes.
package google

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/survey"
)

// form is the script's SURVEY object.
type form struct {
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Sections    []*section `json:"sections"`
}

type section struct {
	Title string  `json:"title"`
	Help  string  `json:"help"`
	Items []*item `json:"items"`
}

// item is one form item. Type is the script's: grid (GridItem), choice
// (MultipleChoiceItem), checkbox (CheckboxItem), list (ListItem),
// paragraph (ParagraphTextItem) or text (TextItem).
type item struct {
	Type    string   `json:"type"`
	Title   string   `json:"title"`
	Help    string   `json:"help"`
	Rows    []string `json:"rows,omitempty"`
	Columns []string `json:"columns,omitempty"`
	Choices []string `json:"choices,omitempty"`
}

// Write writes the script of s to w.
func Write(w io.Writer, s *survey.Survey) error {
	f := &form{Title: s.Title, Description: s.Intro}
	if s.Footer != "" {
		f.Description += "\n\n" + s.Footer
	}
	if strings.TrimSpace(f.Title) == "" {
		return fmt.Errorf("google: the rubric has no title, and a Google Form needs one")
	}
	if err := distinctTitles(s); err != nil {
		return err
	}
	for _, sec := range s.Sections {
		out := &section{Title: sec.Title, Help: sec.Help}
		for i := 0; i < len(sec.Items); {
			it := sec.Items[i]
			if n := gridRun(sec.Items[i:]); n >= 2 {
				g := &item{Type: "grid", Title: s.Words["gridTitle"], Columns: labels(it.Choices)}
				for _, r := range sec.Items[i : i+n] {
					g.Rows = append(g.Rows, r.Title)
				}
				out.Items = append(out.Items, g)
				i += n
				continue
			}
			x, err := single(it)
			if err != nil {
				return err
			}
			out.Items = append(out.Items, x)
			i++
		}
		f.Sections = append(f.Sections, out)
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString(head)
	b.WriteString("var SURVEY = ")
	b.Write(data)
	b.WriteString(";\n")
	b.WriteString(code)
	_, err = w.Write(b.Bytes())
	return err
}

// distinctTitles refuses two items whose titles are one header as aiready
// compares them: a Google Forms export heads each column by its item's
// title (a grid row's by "Grid [Row]"), so their answers could not be
// told apart.
func distinctTitles(s *survey.Survey) error {
	seen := map[string]*survey.Item{}
	for _, sec := range s.Sections {
		for _, it := range sec.Items {
			k := assess.Normalize(it.Title)
			if prev, ok := seen[k]; ok {
				return fmt.Errorf("google: %q and %q have the same text, %q: a Google Forms export heads each column by its question's text, so aiready could not tell their answers apart; make the texts differ (the other formats name columns by id)", prev.Name, it.Name, it.Title)
			}
			seen[k] = it
		}
	}
	return nil
}

// gridRun counts the items at the start of items that go into one grid:
// consecutive scale questions of one scale with the same answers. A
// question with a help text keeps it (a grid row has none), and one whose
// text holds a bracket is asked alone, since its header "Grid [Row]"
// would not read back as its row.
func gridRun(items []*survey.Item) int {
	first := items[0]
	n := 0
	for _, it := range items {
		if it.Kind != survey.KindScale || it.ScaleID != first.ScaleID || it.Help != "" ||
			strings.ContainsAny(it.Title, "[]") || len(it.Choices) == 0 ||
			!slices.Equal(labels(it.Choices), labels(first.Choices)) {
			break
		}
		n++
	}
	return n
}

// single is the item of one question.
func single(it *survey.Item) (*item, error) {
	x := &item{Title: it.Title, Help: it.Help}
	switch it.Kind {
	case survey.KindScale, survey.KindChoice:
		x.Type, x.Choices = "choice", labels(it.Choices)
	case survey.KindMulti:
		x.Type, x.Choices = "checkbox", labels(it.Choices)
	case survey.KindText:
		x.Type = "paragraph"
	case survey.KindSegment:
		switch {
		case len(it.Choices) == 0:
			x.Type = "text"
		case it.DropDown():
			x.Type, x.Choices = "list", labels(it.Choices)
		default:
			x.Type, x.Choices = "choice", labels(it.Choices)
		}
	default:
		return nil, fmt.Errorf("google: item %q: no form item for kind %v", it.Name, it.Kind)
	}
	if (x.Type == "choice" || x.Type == "checkbox") && len(x.Choices) == 0 {
		return nil, fmt.Errorf("google: question %q has no answers to offer", it.Name)
	}
	return x, nil
}

func labels(cs []survey.Choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Label
	}
	return out
}

// head opens the script: what it is and how to run it.
const head = `// A Google Form for an aiready rubric, written by
// "aiready questionnaire --format google".
//
// 1. Open https://script.google.com and click New project.
// 2. Replace the editor's few lines with this whole file and click Save.
// 3. Choose createForm next to Run, click Run, and allow the script to
//    manage your forms when Google asks.
// 4. The execution log shows two links: the form to edit (check it, then
//    click Send) and the link the respondents answer at.
//
// Every question is optional: none is made required (setRequired(false)),
// because aiready counts a question left out as missing, and every scale
// offers its skip answers ("Don't know", "Not applicable") as well.
// Keep the titles and answers as they are: aiready reads the responses
// (Responses, then Download responses (.csv)) by them.
//
// SURVEY is the survey; createForm below makes the form from it.

`

// code makes the form from SURVEY with the documented FormApp API.
const code = `
function createForm() {
  var form = FormApp.create(SURVEY.title);
  form.setDescription(SURVEY.description);
  for (var i = 0; i < SURVEY.sections.length; i++) {
    var section = SURVEY.sections[i];
    // Each section is a page of the form.
    var page = form.addPageBreakItem();
    page.setTitle(section.title);
    if (section.help !== '') {
      page.setHelpText(section.help);
    }
    for (var j = 0; j < section.items.length; j++) {
      addItem_(form, section.items[j]);
    }
  }
  Logger.log('Edit the form (check it, then click Send): %s', form.getEditUrl());
  Logger.log('The link to answer the form: %s', form.getPublishedUrl());
}

// addItem_ adds one question to the form.
function addItem_(form, q) {
  var item;
  switch (q.type) {
    case 'grid':
      item = form.addGridItem();
      item.setRows(q.rows);
      item.setColumns(q.columns);
      break;
    case 'choice':
      item = form.addMultipleChoiceItem();
      item.setChoiceValues(q.choices);
      break;
    case 'checkbox':
      item = form.addCheckboxItem();
      item.setChoiceValues(q.choices);
      break;
    case 'list':
      item = form.addListItem();
      item.setChoiceValues(q.choices);
      break;
    case 'paragraph':
      item = form.addParagraphTextItem();
      break;
    case 'text':
      item = form.addTextItem();
      break;
    default:
      throw new Error('unknown item type: ' + q.type);
  }
  item.setTitle(q.title);
  if (q.help !== '') {
    item.setHelpText(q.help);
  }
  // Optional, as every question of the rubric.
  item.setRequired(false);
}
`

// HowTo says, step by step, how to use the file in the tool: shown by
// `aiready questionnaire --help` and in the README.
const HowTo = `  1. Open https://script.google.com and click New project.
  2. Select the few lines the editor shows, paste the whole of
     questionnaire.gs over them, and click Save.
  3. In the toolbar, choose createForm in the list of functions, then
     click Run.
  4. The first time, Google asks you to authorise the script: Review
     permissions, choose your account, Allow. If it warns that Google
     hasn't verified the app, click Advanced, then Go to ... (unsafe):
     it is your own script, and it only creates the form in your Drive.
  5. The execution log shows two links. Open the first, the form's edit
     link: look the form over, then click Send and share the link with
     the respondents. Leave the questions and answers as they are:
     aiready reads the responses by their wording.
  6. When the answers are in: in the form, Responses, then the ⋮ menu,
     Download responses (.csv) (unzip it if it comes as a .zip), and
       aiready score --segment Role responses.csv`
