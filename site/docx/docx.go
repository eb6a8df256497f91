// Package docx writes report.docx: report.md's content as a Word document,
// for a consultant who hands reports over in Word.
//
// The words, figures and order are report.md's: the report is rendered by
// site/mdreport (which follows view.Report.Sections and the view's
// sentences), and that Markdown, parsed with site/markdown, is laid out
// here with github.com/gomutex/godocx. So report.docx cannot say anything
// report.md does not, and a heading of one is a heading of the other.
// What Word adds: headings in Word's built-in Heading styles (navigation
// pane, table of contents), GFM tables as Word tables with a repeated
// header row in the client's colour, the consultant's judgement (notes,
// overrides, dropped and added actions) in the Intense Quote style, the
// dimension scores and the radar as PNG images, and the client's logo
// above the title.
package docx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gomutex/godocx"
	gdocx "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/aiready/aiready/site/markdown"
	"github.com/aiready/aiready/site/view"
)

// Style IDs of godocx's default template (Word's built-in styles).
const (
	styleQuote     = "Quote"
	styleJudgement = "IntenseQuote"
	styleBullet    = "ListBullet"
	styleNumbered  = "ListParagraph"
	styleTable     = "TableGrid"
	codeFont       = "Consolas"
)

// Render writes report.docx from md, rep's report.md (mdreport.Render),
// in the brand colours a (the site derives them from the report's colour:
// site/color.go).
func Render(w io.Writer, rep *view.Report, md []byte, a Accent) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("report.docx: %w", err)
	}
	tmp, err := os.MkdirTemp("", "aiready-docx-")
	if err != nil {
		return fmt.Errorf("report.docx: %w", err)
	}
	defer os.RemoveAll(tmp)
	c := &conv{doc: doc, rep: rep, tmp: tmp, accent: a, judged: judgements(rep)}
	c.brand()
	root, src := markdown.Parse(string(md))
	c.src = src
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := c.block(n, ""); err != nil {
			return fmt.Errorf("report.docx: %w", err)
		}
	}
	var b bytes.Buffer
	if err := doc.Write(&b); err != nil {
		return fmt.Errorf("report.docx: %w", err)
	}
	return finish(w, b.Bytes(), rep)
}

// conv lays out one report's Markdown.
type conv struct {
	doc    *gdocx.RootDoc
	rep    *view.Report
	src    []byte
	tmp    string // a folder for the images godocx reads from files
	accent Accent
	// judged are the sentences in which a person placed an action
	// (view.OverrideText, the reasons for dropping one).
	judged map[string]bool
	// heads is the heading path: heads[i] the text of the level i+1
	// heading the block is under.
	heads  [6]string
	images int
	// charted is set once the charts follow the dimension scores table.
	charted bool
}

// judgements are the sentences of the consultant's judgement that report.md
// writes as paragraphs of their own (mdreport's judgement and dropped).
func judgements(rep *view.Report) map[string]bool {
	set := map[string]bool{}
	for _, it := range rep.Plan {
		if o := rep.OverrideOf(it.Rec.ID); o != nil {
			set[norm(view.OverrideText(rep.P(), o))] = true
		}
	}
	for _, d := range rep.Dropped() {
		set[norm(rep.P().T("report.judgement.drop", norm(d.Reason)))] = true
	}
	return set
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// brand colours the headings and the title with the client's colour.
func (c *conv) brand() {
	for _, id := range []string{"Title", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6"} {
		st := c.doc.GetStyleByID(id, stypes.StyleTypeParagraph)
		if st == nil {
			continue
		}
		if st.RunProp == nil {
			st.RunProp = &ctypes.RunProperty{}
		}
		st.RunProp.Color = ctypes.NewColor(wordHex(c.accent.Text))
	}
}

// under tells whether the block is under a level-n heading of that text.
func (c *conv) under(level int, text string) bool { return c.heads[level-1] == text }

// block lays out one block node; quote is the paragraph style of the
// block quote it is in, or "".
func (c *conv) block(n ast.Node, quote string) error {
	switch n := n.(type) {
	case *ast.Heading:
		text := c.plain(n)
		if n.Level == 1 && c.heads[0] == "" {
			if err := c.logo(); err != nil {
				return err
			}
		}
		c.heads[n.Level-1] = text
		for i := n.Level; i < len(c.heads); i++ {
			c.heads[i] = ""
		}
		if _, err := c.doc.AddHeading(text, uint(n.Level)); err != nil {
			return err
		}
	case *ast.Paragraph, *ast.TextBlock:
		p := c.doc.AddEmptyParagraph()
		style := quote
		if style == "" && c.judged[c.plain(n)] {
			style = styleJudgement
		}
		if style != "" {
			p.Style(style)
		}
		c.inlines(p, n, runFmt{})
	case *ast.Blockquote:
		style := styleQuote
		if c.judgement(n) {
			style = styleJudgement
		}
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			if err := c.block(k, style); err != nil {
				return err
			}
		}
	case *ast.List:
		i := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			first := true
			for k := item.FirstChild(); k != nil; k = k.NextSibling() {
				if _, ok := k.(*ast.List); ok || !first {
					if err := c.block(k, quote); err != nil {
						return err
					}
					continue
				}
				first = false
				p := c.doc.AddEmptyParagraph()
				if n.IsOrdered() {
					p.Style(styleNumbered)
					p.AddText(fmt.Sprintf("%d%c ", i, n.Marker))
				} else {
					p.Style(styleBullet)
				}
				c.inlines(p, k, runFmt{})
			}
			i++
		}
	case *east.Table:
		c.table(n)
		if !c.charted && c.under(3, c.rep.P().T("report.scores_by_dimension")) {
			c.charted = true
			return c.charts()
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			s := lines.At(i)
			p := c.doc.AddEmptyParagraph()
			p.AddText(strings.TrimRight(string(s.Value(c.src)), "\n")).Font(codeFont)
		}
	case *ast.ThematicBreak, *ast.HTMLBlock:
	default:
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			if err := c.block(k, quote); err != nil {
				return err
			}
		}
	}
	return nil
}

// judgement tells whether a block quote holds the consultant's words: a
// note (labelled "Note:" by report.md) or the body of an action the
// consultant added (under report.md's "Added" heading).
func (c *conv) judgement(q *ast.Blockquote) bool {
	if c.under(3, c.rep.P().T("report.added")) && c.heads[3] != "" {
		return true
	}
	p := q.FirstChild()
	if p == nil {
		return false
	}
	e, ok := p.FirstChild().(*ast.Emphasis)
	return ok && e.Level == 2 && c.plain(e) == c.rep.P().T("report.note")+":"
}

// table lays out a GFM table as a Word table whose first row is its
// header, repeated on every page, in the client's colour.
func (c *conv) table(n *east.Table) {
	t := c.doc.AddTable()
	t.Style(styleTable)
	if cols := len(n.Alignments); cols > 0 {
		// The grid, which Word and readers count the columns by: the
		// text width (6.5 in, in twentieths of a point) shared evenly.
		widths := make([]uint64, cols)
		for i := range widths {
			widths[i] = 9360 / uint64(cols)
		}
		t.Grid(widths...)
	}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		_, header := r.(*east.TableHeader)
		row := t.AddRow()
		col := 0
		for k := r.FirstChild(); k != nil; k = k.NextSibling() {
			cell := row.AddCell()
			p := cell.AddEmptyPara()
			if col < len(n.Alignments) && n.Alignments[col] == east.AlignRight {
				p.Justification(stypes.JustificationRight)
			}
			f := runFmt{}
			if header {
				cell.BackgroundColor(wordHex(c.accent.Color))
				f.bold, f.color = true, wordHex(c.accent.OnText)
			}
			c.inlines(p, k, f)
			col++
		}
	}
	ct := t.GetCT()
	if len(ct.RowContents) > 0 && ct.RowContents[0].Row != nil {
		row := ct.RowContents[0].Row
		if row.Property == nil {
			row.Property = &ctypes.RowProperty{}
		}
		row.Property.Header = &ctypes.OnOff{}
	}
	c.doc.AddEmptyParagraph() // Word joins tables that touch
}

// runFmt is the formatting inline content inherits.
type runFmt struct {
	bold, italic, strike, code bool
	color                      string
}

func (f runFmt) apply(r *gdocx.Run) {
	if f.bold {
		r.Bold(true)
	}
	if f.italic {
		r.Italic(true)
	}
	if f.strike {
		r.Strike(true)
	}
	if f.code {
		r.Font(codeFont)
	}
	if f.color != "" {
		r.Color(f.color)
	}
}

// inlines lays out n's inline children into p.
func (c *conv) inlines(p *gdocx.Paragraph, n ast.Node, f runFmt) {
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		switch k := k.(type) {
		case *ast.Text:
			s := string(k.Value(c.src))
			if !k.IsRaw() {
				s = markdown.Unescape(k.Value(c.src))
			}
			if s != "" {
				f.apply(p.AddText(s))
			}
			switch {
			case k.HardLineBreak():
				r := p.AddRun()
				r.AddBreak(nil)
			case k.SoftLineBreak():
				f.apply(p.AddText(" "))
			}
		case *ast.String:
			f.apply(p.AddText(string(k.Value)))
		case *ast.Emphasis:
			g := f
			if k.Level >= 2 {
				g.bold = true
			} else {
				g.italic = true
			}
			c.inlines(p, k, g)
		case *east.Strikethrough:
			g := f
			g.strike = true
			c.inlines(p, k, g)
		case *ast.CodeSpan:
			g := f
			g.code = true
			g.apply(p.AddText(c.plain(k)))
		case *ast.Link:
			h := p.AddLink(c.plain(k), string(k.Destination))
			h.Underline(stypes.UnderlineSingle)
		case *ast.AutoLink:
			label := string(k.Label(c.src))
			url := string(k.URL(c.src))
			h := p.AddLink(label, url)
			h.Underline(stypes.UnderlineSingle)
		case *ast.RawHTML:
		default:
			c.inlines(p, k, f)
		}
	}
}

// plain is the text of n's inline content as a reader sees it, on one line.
func (c *conv) plain(n ast.Node) string { return markdown.InlineText(n, c.src) }

// image writes an image into the temporary folder for godocx to read.
func (c *conv) image(data []byte, ext string) (string, error) {
	c.images++
	path := filepath.Join(c.tmp, fmt.Sprintf("image%d.%s", c.images, ext))
	return path, os.WriteFile(path, data, 0o600)
}
