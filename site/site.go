// Package site writes an assessment as a static website: plain HTML files
// with inline CSS and inline SVG charts, no JavaScript, no network request,
// relative links only, so that it opens from file:// as well as from any
// static host. Every page is drawn from the same *view.Report as the PDF and
// report.md, with the embedded templates of package templates, which a
// user may override block by block.
package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/view"
	"github.com/aiready/aiready/templates"
)

// Options configure a build.
type Options struct {
	// Templates is a folder whose *.html files redefine blocks of the
	// embedded templates with {{define "name"}}, like a Hugo theme
	// override; "" for none.
	Templates string
	// Slots, if not nil, shares the processors with work that runs beside
	// the build: a buffered channel, in which a send takes a slot and a
	// receive gives it back. Each page is rendered holding a slot, so the
	// site uses only the processors the other work leaves free, and more
	// as soon as it gives its slots back.
	Slots chan struct{}
	// Downloads are the files of Downloads (report.pdf, report.md,
	// report.docx, results.json) that the overview and every page's
	// footer link: set by Write to those it wrote and copies into the
	// site, so that a site published alone offers them too.
	Downloads []string
}

// Build writes the site into dir, an existing empty folder. It only writes
// files; the caller builds into a temporary folder and renames it into
// place. The same report gives the same bytes.
func Build(dir string, rep *view.Report, opt Options) error {
	return Prepare(opt).Build(dir, rep)
}

// Prepared is a build begun before its report exists: its templates are
// parsed, overridden and made ready to execute. It serves one build.
type Prepared struct {
	opt Options
	t   *template.Template
	err error
}

// Prepare does the part of a build that needs no report, so that a caller
// can run it while the report is still being scored: it reads the
// templates, the user's overrides included, and has html/template work
// out their escaping. Its errors are returned by Build.
func Prepare(opt Options) *Prepared {
	t, err := load(opt.Templates)
	if err == nil {
		// html/template escapes a set when it first executes it. Executing
		// "page" without data escapes it and everything it calls, then
		// stops at the first field it reads; only that error, which every
		// real page is spared, is ignored here. An escaping error (a user's
		// override that is not safe HTML) stays with the templates and is
		// returned by every later execution, so Build reports it as before.
		_ = t.ExecuteTemplate(io.Discard, "page", nil)
	}
	return &Prepared{opt: opt, t: t, err: err}
}

// Build writes the site of rep into dir, as Build does.
func (pr *Prepared) Build(dir string, rep *view.Report) error {
	if pr.err != nil {
		return pr.err
	}
	l := loc{rep.P()}
	t := pr.t.Funcs(funcsFor(l))
	s := newSite(rep, l)
	s.Downloads = pr.opt.Downloads
	pages := pagesOf(rep, s)
	// One worker per core renders pages and writes each as it is done,
	// so memory holds a page per core, not the whole site. The first
	// error in page order is reported; the caller discards the folder.
	errs := make([]error, len(pages))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Go(func() {
			var b bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(pages) {
					return
				}
				if pr.opt.Slots != nil {
					pr.opt.Slots <- struct{}{}
				}
				errs[i] = writePage(t, &b, dir, pages[i])
				if pr.opt.Slots != nil {
					<-pr.opt.Slots
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return writeCharts(dir, pages)
}

// writePage renders one page into b and writes it.
func writePage(t *template.Template, b *bytes.Buffer, dir string, p *page) error {
	b.Reset()
	if err := t.ExecuteTemplate(b, "page", p); err != nil {
		return fmt.Errorf("site: %s: %w", p.File, err)
	}
	if err := os.WriteFile(filepath.Join(dir, p.File), view.Clean(b.Bytes()), 0o644); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	return nil
}

// embedded is the parsed embedded set. It is never executed itself, only
// cloned, because html/template cannot clone a template once it has run.
var embedded = sync.OnceValues(func() (*template.Template, error) {
	// Parsed with the English functions; each build binds its own.
	t, err := template.New("site").Funcs(funcsFor(loc{i18n.English()})).ParseFS(templates.FS, "*.html")
	if err != nil {
		return nil, fmt.Errorf("site: embedded templates: %w", err)
	}
	return t, nil
})

// load returns a fresh clone of the embedded templates with the user's
// overrides, if any, parsed into it. The clone has the English functions
// until a build binds those of its report's language: every language has
// the same names, which is all parsing needs.
func load(dir string) (*template.Template, error) {
	base, err := embedded()
	if err != nil {
		return nil, err
	}
	t, err := base.Clone()
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	if dir == "" {
		return t, nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return nil, fmt.Errorf("site: templates: %w", err)
	}
	if len(files) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("site: templates: %w", err)
		}
		return nil, fmt.Errorf("site: templates: %s holds no *.html file", dir)
	}
	// Glob sorts, so overrides apply in a fixed order: a block defined in
	// two files takes the later file's definition.
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("site: templates: %w", err)
		}
		if _, err := t.New(filepath.Base(f)).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("site: templates: %w", err)
		}
	}
	return t, nil
}
