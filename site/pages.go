package site

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/aiready/aiready/site/view"
	"github.com/aiready/aiready/templates"
)

// Page kinds: the template of each is named after its kind.
const (
	kindOverview    = "overview"
	kindDimension   = "dimension"
	kindSegment     = "segment"
	kindSegments    = "segments"
	kindPlan        = "plan"
	kindMethodology = "methodology"
	kindComments    = "comments"
	kindFrameworks  = "frameworks"
)

// page is what a template is executed with.
type page struct {
	Kind  string
	File  string
	Title string // the page's own title, its h1
	// Section is the navigation entry the page belongs to.
	Section string
	Rep     *view.Report
	Site    *siteData
	Dim     *view.Dimension // dimension pages
	Seg     *view.Segment   // segment pages
}

// siteData is what every page shares.
type siteData struct {
	Title    string // the report's title
	Lang     string
	Dir      string // "rtl" for a language written right to left, else ""
	CSS      template.CSS
	Logo     template.URL // a data: URL, or ""
	Accent   accent
	Nav      []navItem
	MinGroup int
	Date     string
	// Downloads: the build copies the outputs it wrote (report.pdf,
	// report.md, report.docx, results.json) into the site, and the pages
	// link them (Options.Downloads).
	Downloads []string
	loc       loc
}

type navItem struct {
	File, Label string
}

func dimFile(d *view.Dimension) string { return "dimension-" + d.Slug + ".html" }
func segFile(slug string) string       { return "segment-" + slug + ".html" }

func newSite(rep *view.Report, l loc) *siteData {
	m := rep.Meta
	s := &siteData{
		Title:    m.Title,
		Lang:     l.p.Tag(),
		Accent:   newAccent(m.Color),
		MinGroup: rep.Result.MinGroupSize,
		loc:      l,
	}
	if s.Title == "" {
		s.Title = rep.Rubric.Title
	}
	if l.p.RTL() {
		s.Dir = "rtl"
	}
	if s.MinGroup <= 0 {
		s.MinGroup = 5
	}
	if !m.Date.IsZero() {
		s.Date = view.Date(l.p, m.Date)
	}
	// The logo's type is read from its bytes, not trusted from its name;
	// anything but PNG or JPEG is left out, and its metadata never
	// reaches a page (logoURL).
	s.Logo = logoURL(m.Logo)
	css, _ := templates.FS.ReadFile("style.css")
	s.CSS = template.CSS(string(css) + generatedCSS(rep, s.Accent))
	s.Nav = append(s.Nav, navItem{"index.html", l.p.T("site.page.overview")})
	for _, d := range rep.Dimensions {
		s.Nav = append(s.Nav, navItem{dimFile(d), d.Def.Title})
	}
	if len(rep.Attributes) > 0 {
		s.Nav = append(s.Nav, navItem{"segments.html", l.p.T("site.page.segments")})
	}
	s.Nav = append(s.Nav, navItem{"plan.html", l.p.T("site.page.plan")}, navItem{"methodology.html", l.p.T("site.page.methodology")})
	if len(rep.Frameworks) > 0 {
		s.Nav = append(s.Nav, navItem{"frameworks.html", l.p.T("report.frameworks.title")})
	}
	if rep.Meta.Comments || rep.Themes != nil {
		s.Nav = append(s.Nav, navItem{"comments.html", l.p.T("site.page.comments")})
	}
	return s
}

// generatedCSS is the part of the stylesheet that depends on the report:
// the brand colours and one class per maturity level.
func generatedCSS(rep *view.Report, a accent) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n:root{--accent:%s;--on-accent:%s;--accent-text:%s;--accent-tint:%s;--accent-graphic:%s}\n", a.Color, a.OnText, a.Text, a.Tint, a.Graphic)
	n := len(rep.Rubric.Levels)
	for i := range n {
		fmt.Fprintf(&b, ".lvl-%d{--lvl:%s}\n", i, levelColor(i, n))
	}
	return b.String()
}

// pagesOf lists every page of the site in a fixed order.
func pagesOf(rep *view.Report, s *siteData) []*page {
	var ps []*page
	t := s.loc.p.T
	add := func(p *page) {
		p.Rep, p.Site = rep, s
		if p.Section == "" {
			p.Section = p.File
		}
		ps = append(ps, p)
	}
	add(&page{Kind: kindOverview, File: "index.html", Title: s.Title})
	for _, d := range rep.Dimensions {
		add(&page{Kind: kindDimension, File: dimFile(d), Title: d.Def.Title, Dim: d})
	}
	if len(rep.Attributes) > 0 {
		add(&page{Kind: kindSegments, File: "segments.html", Title: t("site.page.segments")})
		for _, a := range rep.Attributes {
			for _, sg := range a.Values {
				if sg.Slug == "" {
					continue // suppressed: no page
				}
				add(&page{Kind: kindSegment, File: segFile(sg.Slug), Title: sg.Attribute + ": " + sg.Value, Seg: sg, Section: "segments.html"})
			}
		}
	}
	add(&page{Kind: kindPlan, File: "plan.html", Title: t("site.page.plan")})
	add(&page{Kind: kindMethodology, File: "methodology.html", Title: t("site.page.methodology")})
	if len(rep.Frameworks) > 0 {
		add(&page{Kind: kindFrameworks, File: "frameworks.html", Title: t("report.frameworks.title")})
	}
	if rep.Meta.Comments || rep.Themes != nil {
		add(&page{Kind: kindComments, File: "comments.html", Title: t("site.page.comments")})
	}
	return ps
}
