package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/docx"
	"github.com/aiready/aiready/site/mdreport"
	"github.com/aiready/aiready/site/output"
	"github.com/aiready/aiready/site/pdf"
	"github.com/aiready/aiready/site/view"
)

// Ahead is the part of a build that needs no report (see Prepare), begun
// on another processor as soon as a caller knows its templates folder,
// while the rest is read and scored.
type Ahead struct {
	prep chan *Prepared
	// slots share the processors among the outputs written at once (see
	// Options): a send takes a slot, a receive gives it back.
	slots chan struct{}
	// pace gives the collector back its pace (holdGC); Write calls it
	// when the outputs start.
	pace func()
}

// Start begins readying the site's templates.
func Start(templates string) *Ahead {
	a := &Ahead{prep: make(chan *Prepared, 1), slots: make(chan struct{}, runtime.GOMAXPROCS(0)), pace: holdGC()}
	go func() { a.prep <- Prepare(Options{Templates: templates, Slots: a.slots}) }()
	return a
}

// Release gives the collector back its pace, for a caller whose build
// stopped before Write.
func (a *Ahead) Release() { a.pace() }

// holdGC has the collector run at a fifth of its default pace until the
// function it returns is called, unless GOGC is set. A build's start (its
// rubric, answers and templates) allocates a few megabytes that are
// garbage by the time the outputs are written, and the heap is so small
// then that at the default pace the collector ran over it three or four
// times: a tenth of the demo's time. The outputs are written at the
// default pace, so the PDF's memory is what bench/perf measures.
func holdGC() func() {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(500)
	var once sync.Once
	return func() { once.Do(func() { debug.SetGCPercent(old) }) }
}

// WriteOptions are how a build writes, beyond what its plan says.
type WriteOptions struct {
	Out   string // the output folder; "" for the plan's
	Force bool   // write beside files that are not aiready's
	Paper string // "A4" or "letter"
	// Ahead, if the caller started it (Start), serves this build.
	Ahead *Ahead
}

// Written is what a build did.
type Written struct {
	Result *assess.Result // nil if scoring failed
	Out    string
	// Warnings are the outputs' ("report.pdf: warning: ..."); Notes say
	// where files of the user's were kept aside, and are told even when
	// the build failed.
	Warnings, Notes []string
}

// Write scores the plan's answers and writes the outputs of the plan's
// Formats (all unless it names some): site/, results.json, report.pdf,
// report.md and report.docx, into a folder that replaces the output folder
// in one step (package output).
func Write(p *assess.Plan, o WriteOptions) (Written, error) {
	b := Written{Out: p.Out}
	if o.Out != "" {
		b.Out = o.Out
	}
	ahead := o.Ahead
	if ahead == nil {
		ahead = Start(p.Report.Templates)
	}
	defer ahead.pace()
	res, err := p.Result()
	if err != nil {
		return b, err
	}
	b.Result = res
	rep := view.New(res, MetaOf(p.Report))
	w := &writing{rep: rep, Ahead: ahead, formats: chosen(p.Formats),
		pdf: pdf.Options{Paper: o.Paper, Created: p.Report.Date, Font: p.Report.Font, BoldFont: p.Report.BoldFont},
		markdown: sync.OnceValues(func() ([]byte, error) {
			var b bytes.Buffer
			err := mdreport.Render(&b, rep)
			return b.Bytes(), err
		})}
	var outs []outputFile
	for _, o := range outputs {
		if w.formats[o.format] {
			outs = append(outs, o)
		}
	}
	ahead.pace()
	b.Notes, err = output.Write(b.Out, o.Force, func(dir string) error {
		// The outputs are written at the same time; warnings and the
		// first error are taken in the order of outputs, so nothing
		// depends on which finishes first. The PDF takes longest, so it
		// holds a slot of its own from the start and never waits for one;
		// the other outputs share the rest, and the PDF's once it is done.
		if w.formats["pdf"] {
			ahead.slots <- struct{}{}
		}
		warns := make([][]string, len(outs))
		errs := make([]error, len(outs))
		var wg sync.WaitGroup
		for i, o := range outs {
			wg.Go(func() { warns[i], errs[i] = o.write(dir, w) })
		}
		wg.Wait()
		for i, o := range outs {
			if errs[i] != nil {
				return fmt.Errorf("%s: %w", o.name, errs[i])
			}
			for _, msg := range warns[i] {
				b.Warnings = append(b.Warnings, o.name+": warning: "+msg)
			}
		}
		if !w.formats["site"] {
			return nil
		}
		return copyDownloads(dir, w.downloads())
	})
	if err != nil {
		b.Warnings = nil
	}
	return b, err
}

// MetaOf is what the report says of itself, as the plan settled it.
func MetaOf(r assess.Report) view.Meta {
	return view.Meta{Title: r.Title, Client: r.Client, Date: r.Date, Consultancy: r.Consultancy,
		Logo: r.Logo, LogoType: r.LogoType, Color: r.Color, Comments: r.Comments, Lang: r.Lang}
}

// writing is what the outputs of one build share.
type writing struct {
	rep     *view.Report
	pdf     pdf.Options
	formats map[string]bool // of assess.Formats
	// markdown is report.md, rendered once for report.md and report.docx
	// (which lays out the same Markdown).
	markdown func() ([]byte, error)
	*Ahead
}

// slot runs f holding one of the slots.
func (w *writing) slot(f func() error) error {
	w.slots <- struct{}{}
	defer func() { <-w.slots }()
	return f()
}

// chosen is the set of formats a build writes: all if none are named.
func chosen(formats []string) map[string]bool {
	if formats == nil {
		formats = assess.Formats
	}
	set := map[string]bool{}
	for _, f := range formats {
		set[f] = true
	}
	return set
}

// downloads are the Downloads this build writes.
func (w *writing) downloads() []string {
	var names []string
	for _, name := range Downloads {
		if w.formats[downloadFormat[name]] {
			names = append(names, name)
		}
	}
	return names
}

// outputFile is one file or folder a build writes, as format (one of
// assess.Formats); it may return warnings.
type outputFile struct {
	name, format string
	write        func(dir string, w *writing) ([]string, error)
}

// outputs are in the order of their warnings and errors.
var outputs = []outputFile{
	{"site", "site", func(dir string, w *writing) ([]string, error) {
		siteDir := filepath.Join(dir, "site")
		if err := os.Mkdir(siteDir, 0o755); err != nil {
			return nil, assess.FileError(siteDir, err)
		}
		pr := <-w.prep
		pr.opt.Downloads = w.downloads()
		return nil, pr.Build(siteDir, w.rep)
	}},
	{"results.json", "json", func(dir string, w *writing) ([]string, error) {
		return nil, w.slot(func() error {
			return output.File(dir, "results.json", func(b io.Writer) error { return WriteResults(b, w.rep.Result) })
		})
	}},
	{"report.pdf", "pdf", func(dir string, w *writing) (warnings []string, err error) {
		defer func() { <-w.slots }() // the slot taken for it before it started
		err = output.File(dir, "report.pdf", func(b io.Writer) error {
			warnings, err = pdf.Render(b, w.rep, w.pdf)
			return err
		})
		return warnings, err
	}},
	{"report.md", "md", func(dir string, w *writing) ([]string, error) {
		return nil, w.slot(func() error {
			return output.File(dir, "report.md", func(b io.Writer) error {
				md, err := w.markdown()
				if err != nil {
					return err
				}
				_, err = b.Write(md)
				return err
			})
		})
	}},
	{"report.docx", "docx", func(dir string, w *writing) ([]string, error) {
		return nil, w.slot(func() error {
			return output.File(dir, "report.docx", func(b io.Writer) error {
				md, err := w.markdown()
				if err != nil {
					return err
				}
				a := newAccent(w.rep.Meta.Color)
				return docx.Render(b, w.rep, md, docx.Accent{Color: a.Color, OnText: a.OnText, Text: a.Text, Graphic: a.Graphic})
			})
		})
	}},
}

// WriteResults writes results.json: stable key order, two-space indent.
func WriteResults(w io.Writer, res *assess.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// Downloads are the outputs that the site links and a build copies into
// site/ beside its pages: a site published on its own (only site/ on a
// static host) still offers them, where a link to ../report.pdf would
// point outside what was published. `aiready serve` serves the same
// files at /report.pdf and so on, from the output folder.
var Downloads = []string{"report.pdf", "report.md", "report.docx", "results.json"}

// downloadFormat is the format (assess.Formats) of each of Downloads.
var downloadFormat = map[string]string{"report.pdf": "pdf", "report.md": "md", "report.docx": "docx", "results.json": "json"}

// copyDownloads copies the named Downloads from dir into dir/site.
func copyDownloads(dir string, names []string) error {
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "site", name), data, 0o644); err != nil {
			return fmt.Errorf("site: %w", err)
		}
	}
	return nil
}
