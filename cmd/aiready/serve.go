package main

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site"
	"github.com/aiready/aiready/site/output"
	"github.com/aiready/aiready/site/term"
	"github.com/aiready/aiready/templates"
	"github.com/fsnotify/fsnotify"
	"github.com/spf13/pflag"
)

// serveFlags are build's report flags and the port; serve has no --out:
// it builds into a temporary folder of its own.
type serveFlags struct {
	buildFlags
	port int
}

func (sf *serveFlags) add(fs *pflag.FlagSet) {
	sf.scoreFlags.add(fs)
	sf.addReport(fs)
	fs.IntVar(&sf.port, "port", 0, "port on 127.0.0.1 (default: a free port the system chooses)")
}

func serveCommand() *command {
	var sf serveFlags
	return &command{
		name:  "serve",
		args:  "[flags] [PROJECT | ANSWERS...]",
		short: "preview the site on 127.0.0.1, rebuilt whenever a project file changes",
		examples: `  aiready serve                           # the project in this folder
  aiready serve my-assessment/ --port 8080
  aiready serve --client "Northwind Financial" responses.csv`,
		flags: sf.add,
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return sf.serve(ctx, e, fs, args, nil)
		},
	}
}

// debounce lets an editor finish its save (write, rename, chmod) before
// one rebuild, rather than a rebuild per event.
const debounce = 150 * time.Millisecond

// server serves the last good build, or the last build's error.
type server struct {
	sf   *serveFlags
	fs   *pflag.FlagSet
	e    *env
	args []string
	root string       // the temporary folder, removed on exit
	out  string       // root/out: what build writes
	addr string       // host:port it listens on
	plan *assess.Plan // the last build's, for the files to watch

	mu      sync.RWMutex
	failure []byte // the error page while the last build failed
}

// serve builds, listens and rebuilds until ctx ends, then removes its
// temporary folder. ready, if given, is called once it listens (tests).
func (sf *serveFlags) serve(ctx context.Context, e *env, fs *pflag.FlagSet, args []string, ready func(*server)) error {
	if len(args) == 0 {
		args = []string{"."}
	}
	if err := sf.check(); err != nil {
		return err
	}
	for _, a := range args {
		if a == "-" {
			return usagef("serve rereads its inputs on every change; give files, not - (standard input)")
		}
	}
	if assess.IsProject(args) {
		// Without an assessment.toml there is nothing to watch: say so now
		// rather than serve an error page.
		if _, err := assess.OpenProject(args[0]); err != nil && errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if sf.port < 0 || sf.port > 65535 {
		return usagef("--port %d: use 1-65535, or 0 for a free port", sf.port)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(sf.port)))
	if err != nil {
		return &assess.Error{Pos: assess.Position{File: "127.0.0.1:" + strconv.Itoa(sf.port)}, Msg: "cannot listen: " + output.ErrText(err), Err: err}
	}
	defer ln.Close()
	root, err := output.PreviewFolder()
	if err != nil {
		return assess.FileError(os.TempDir(), err)
	}
	defer output.RemoveOurs(root)
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return &assess.Error{Pos: assess.Position{File: args[0]}, Msg: "cannot watch for changes: " + output.ErrText(err), Err: err}
	}
	defer w.Close()

	s := &server{sf: sf, fs: fs, e: e, args: args, root: root, out: filepath.Join(root, "out"), addr: ln.Addr().String()}
	s.rebuild("")
	watched := s.updateWatches(w, nil)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	fmt.Fprintf(e.stdout, "serving http://%s/ (Ctrl-C stops; refresh the browser after a change)\n", s.addr)
	if ready != nil {
		ready(s)
	}

	var timer *time.Timer
	var fire <-chan time.Time
	changed := ""
	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			srv.Shutdown(shut)
			cancel()
			return nil
		case err := <-done:
			return &assess.Error{Pos: assess.Position{File: s.addr}, Msg: "server stopped: " + output.ErrText(err), Err: err}
		case ev, ok := <-w.Events:
			if !ok || !s.relevant(ev, watched) {
				continue
			}
			changed = ev.Name
			if timer == nil {
				timer = time.NewTimer(debounce)
			} else {
				timer.Reset(debounce)
			}
			fire = timer.C
		case err, ok := <-w.Errors:
			if ok && !sf.quiet {
				fmt.Fprintf(e.stderr, "aiready: warning: watching for changes: %s\n", term.OneLine(err.Error()))
			}
		case <-fire:
			fire = nil
			s.rebuild(changed)
			watched = s.updateWatches(w, watched)
		}
	}
}

// rebuild builds into the temporary folder; on failure the page shows the
// error and the server keeps running.
func (s *server) rebuild(changed string) {
	set, err := s.sf.settings(s.e, s.fs, s.args)
	if err == nil {
		// The plan lists the files to watch even when it fails.
		s.plan, err = assess.NewPlan(set)
		if err == nil && !slices.Contains(s.plan.Formats, "site") {
			s.plan.Formats = append(slices.Clone(s.plan.Formats), "site") // a preview is of the site
		}
		if err == nil {
			// Never the project's own out folder, never --force.
			_, err = s.sf.write(s.e, s.plan, site.WriteOptions{Out: s.out})
		}
	}
	var page []byte
	if err != nil {
		lines := errorLines(err)
		page = errorPage(lines)
		for _, l := range lines {
			fmt.Fprintln(s.e.stderr, l)
		}
	}
	s.mu.Lock()
	s.failure = page
	s.mu.Unlock()
	switch {
	case changed == "":
	case err != nil:
		fmt.Fprintf(s.e.stdout, "build failed after a change to %s; the page shows why\n", filepath.Base(changed))
	default:
		fmt.Fprintf(s.e.stdout, "rebuilt after a change to %s; refresh the browser\n", filepath.Base(changed))
	}
}

// watched is what a change is looked for in: the files the build reads,
// and the folders whose every file counts.
type watched struct {
	files map[string]bool
	dirs  map[string]bool // project folder, templates folder
	skip  string          // the project's out folder
}

// watchList names every file the last build's plan reads (Plan.Files),
// even if the build failed. Folders rather than files are watched, as
// editors save by writing a new file and renaming it over the old one.
func (s *server) watchList() *watched {
	wl := &watched{files: map[string]bool{}, dirs: map[string]bool{}}
	p := s.plan
	if p == nil { // the flags were refused: the arguments are all there is
		for _, in := range s.args {
			wl.files[abs(in)] = true
		}
		return wl
	}
	for _, f := range p.Files() {
		wl.files[abs(f)] = true
	}
	for _, d := range p.Dirs() {
		wl.dirs[abs(d)] = true
	}
	if file := p.Settings.Project; file != "" {
		wl.skip = abs(filepath.Join(filepath.Dir(assess.ProjectFile(file)), "out"))
		if p.Project != nil {
			wl.skip = abs(p.Out)
		}
	}
	return wl
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// updateWatches watches the folders of the next build's files, and stops
// watching those it no longer reads.
func (s *server) updateWatches(w *fsnotify.Watcher, old *watched) *watched {
	wl := s.watchList()
	want := map[string]bool{}
	for f := range wl.files {
		want[filepath.Dir(f)] = true
	}
	for d := range wl.dirs {
		want[d] = true
	}
	have := map[string]bool{}
	for _, d := range w.WatchList() {
		have[d] = true
		if !want[d] {
			w.Remove(d)
		}
	}
	for d := range want {
		if !have[d] {
			// A folder that does not exist yet cannot be watched; the build
			// reports the missing file.
			_ = w.Add(d)
		}
	}
	return wl
}

// relevant reports whether a change may change the build: a file it reads,
// or any visible file in the project or templates folder (notes an init
// may keep beside assessment.toml), but not the project's own out folder.
func (s *server) relevant(ev fsnotify.Event, wl *watched) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := abs(ev.Name)
	if wl.files[name] {
		return true
	}
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || name == wl.skip {
		return false // editors' swap files, build's temporary folders
	}
	return wl.dirs[filepath.Dir(name)]
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// A page on the web may point a name of its own at 127.0.0.1 (DNS
	// rebinding) to read the report: answer only to loopback names.
	_, port, _ := net.SplitHostPort(s.addr)
	if r.Host != s.addr && r.Host != "localhost:"+port {
		http.Error(w, "aiready serve answers only to 127.0.0.1 and localhost", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "aiready serve only reads", http.StatusMethodNotAllowed)
		return
	}
	// Each refresh shows the newest build, never a cached older one.
	w.Header().Set("Cache-Control", "no-store")
	s.mu.RLock()
	page := s.failure
	s.mu.RUnlock()
	if page != nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(page)
		return
	}
	switch p := path.Clean("/" + r.URL.Path); p {
	case "/report.pdf", "/report.md", "/report.docx", "/results.json":
		http.ServeFile(w, r, filepath.Join(s.out, p[1:]))
	default:
		http.FileServer(http.Dir(filepath.Join(s.out, "site"))).ServeHTTP(w, r)
	}
}

// errorLines are the lines the CLI would print for err.
func errorLines(err error) []string {
	var ue *usageError
	if errors.As(err, &ue) {
		return []string{"aiready serve: " + ue.msg}
	}
	var lines []string
	for _, one := range assess.Errors(err) {
		lines = append(lines, "aiready: "+term.OneLine(one.Error()))
	}
	var h *assess.Hinted
	if errors.As(err, &h) {
		lines = append(lines, "hint: "+h.Hint)
	}
	return lines
}

// errorTmpl is the page serve shows while the last build failed.
var errorTmpl = template.Must(template.ParseFS(templates.Serve, "serve-error.html.tmpl"))

func errorPage(lines []string) []byte {
	var b strings.Builder
	_ = errorTmpl.Execute(&b, lines) // a template of our own over strings
	return []byte(b.String())
}
