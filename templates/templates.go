// Package templates holds the site's embedded HTML templates and CSS.
//
// base.html is the layout every page shares; each other *.html file is one
// kind of page. Every part of a page is a named {{block}}, so a user's
// --templates folder can redefine any of them with {{define "name"}} in a
// *.html file of its own, the way a Hugo site overrides its theme. The
// blocks most worth overriding are listed in README.md beside this file.
//
// style.css is the site's stylesheet; it is inlined into every page, so the
// site needs no other file and works from file:// under a strict
// Content-Security-Policy. A user adds CSS by redefining the "extra-css"
// block.
package templates

import "embed"

// FS holds the templates (*.html) and the stylesheet (style.css).
//
//go:embed *.html style.css
var FS embed.FS

// Project holds what 'aiready init' writes into a new project, as
// text/template files: project/assessment.toml and project/README.md.
//
//go:embed project/assessment.toml project/README.md
var Project embed.FS

// NewRubric is the smallest rubric that shows every part, each explained:
// what 'aiready rubric new' prints. TestRubricNewValidates loads it.
//
//go:embed project/rubric.toml
var NewRubric string

// Serve holds the page 'aiready serve' shows while the last build failed
// (html/template, over the error's lines): serve-error.html.tmpl.
//
//go:embed serve-error.html.tmpl
var Serve embed.FS
