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
)

// md is safe for concurrent use: goldmark's Markdown holds no per-call state.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	// No html.WithUnsafe: raw HTML becomes a comment and dangerous link
	// destinations are dropped.
)

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
