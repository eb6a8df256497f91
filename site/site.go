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
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/aiready/aiready/site/view"
	"github.com/aiready/aiready/templates"
)

// Options configure a build.
type Options struct {
	// Templates is a folder whose *.html files redefine blocks of the
	// embedded templates with {{define "name"}}, like a Hugo theme
	// override; "" for none.
	Templates string
}

// Build writes the site into dir, an existing empty folder. It only writes
// files; the caller builds into a temporary folder and renames it into
// place. The same report gives the same bytes.
func Build(dir string, rep *view.Report, opt Options) error {
	l := loc{rep.P()}
	t, err := load(opt.Templates, l)
	if err != nil {
		return err
	}
	pages := pagesOf(rep, newSite(rep, l))
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
				p := pages[i]
				b.Reset()
				if err := t.ExecuteTemplate(&b, "page", p); err != nil {
					errs[i] = fmt.Errorf("site: %s: %w", p.File, err)
					continue
				}
				if err := os.WriteFile(filepath.Join(dir, p.File), b.Bytes(), 0o644); err != nil {
					errs[i] = fmt.Errorf("site: %w", err)
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
	return nil
}

// embedded is the parsed embedded set. It is never executed itself, only
// cloned, because html/template cannot clone a template once it has run.
var embedded = sync.OnceValues(func() (*template.Template, error) {
	t, err := template.New("site").Funcs(funcs).ParseFS(templates.FS, "*.html")
	if err != nil {
		return nil, fmt.Errorf("site: embedded templates: %w", err)
	}
	return t, nil
})

// load returns a fresh clone of the embedded templates, with the
// functions of the report's language and the user's overrides, if any,
// parsed into it.
func load(dir string, l loc) (*template.Template, error) {
	base, err := embedded()
	if err != nil {
		return nil, err
	}
	t, err := base.Clone()
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	t.Funcs(funcsFor(l))
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
