// Package markdown parses the Markdown of rubrics and notes once, with one
// configuration, for every renderer: HTML for the site, an AST walk for the
// PDF, and plain CommonMark for report.md. Raw HTML is never passed
// through and links with dangerous schemes (javascript:, data:, ...) are
// not rendered as links.
package markdown

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is safe for concurrent use: goldmark's Markdown holds no per-call state.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(noImages{}, 100))),
	// No html.WithUnsafe: raw HTML becomes a comment and dangerous link
	// destinations are dropped.
)

// noImages replaces every image by its alternative text. An image in a
// rubric or a note would be a request to another server each time a page
// is opened (a tracking pixel), which the site's promise of no network
// request, and its Content-Security-Policy, forbid; the PDF could not
// fetch it either. The alternative text keeps the author's meaning.
type noImages struct{}

func (noImages) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		parent := img.Parent()
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, img, c)
			c = next
		}
		parent.RemoveChild(parent, img)
	}
}

// Parse returns the document's AST; source is needed to read its text.
func Parse(src string) (ast.Node, []byte) {
	source := []byte(src)
	return md.Parser().Parse(text.NewReader(source)), source
}

// HTML renders Markdown to safe HTML.
func HTML(src string) template.HTML {
	if src == "" {
		return ""
	}
	var b bytes.Buffer
	doc, source := Parse(src)
	if err := md.Renderer().Render(&b, source, doc); err != nil {
		// The renderer writes to memory and fails only on a broken
		// AST; show the text escaped rather than nothing.
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(b.String()) //nolint:gosec // goldmark with raw HTML off
}
