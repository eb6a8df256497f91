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
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/fsnotify/fsnotify"
	"github.com/spf13/pflag"
)

// serveFlags are build's report flags and the port; serve has no --out:
// it builds into a temporary folder of its own.
type serveFlags struct {
	buildFlags
	port int
}

func (f *serveFlags) add(fs *pflag.FlagSet) {
	f.scoreFlags.add(fs)
	f.addReport(fs)
	fs.IntVar(&f.port, "port", 0, "port on 127.0.0.1 (default: a free port the system chooses)")
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
	root string // the temporary folder, removed on exit
	out  string // root/out: what build writes
	addr string // host:port it listens on

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
	if isProject(args) {
		// Without an assessment.toml there is nothing to watch: say so now
		// rather than serve an error page.
		if _, err := loadProject(args[0]); err != nil && errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if sf.port < 0 || sf.port > 65535 {
		return usagef("--port %d: use 1-65535, or 0 for a free port", sf.port)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(sf.port)))
	if err != nil {
		return &assess.Error{Pos: assess.Position{File: "127.0.0.1:" + strconv.Itoa(sf.port)}, Msg: "cannot listen: " + errText(err), Err: err}
	}
	defer ln.Close()
	root, err := makeServeFolder()
	if err != nil {
		return fileError(os.TempDir(), err)
	}
	defer removeOurs(root)
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return &assess.Error{Pos: assess.Position{File: args[0]}, Msg: "cannot watch for changes: " + errText(err), Err: err}
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
			return &assess.Error{Pos: assess.Position{File: s.addr}, Msg: "server stopped: " + errText(err), Err: err}
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
				fmt.Fprintf(e.stderr, "aiready: warning: watching for changes: %s\n", oneLine(err.Error()))
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
	a, err := s.sf.assessment(s.e, s.fs, s.args)
	if err == nil {
		// Never the project's own out folder, never --force.
		a.out, a.force = s.out, false
		err = a.build(s.e)
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

// watchList names every file the next build reads, from the flags and,
// when it loads, the project. Folders rather than files are watched, as
// editors save by writing a new file and renaming it over the old one.
func (s *server) watchList() *watched {
	wl := &watched{files: map[string]bool{}, dirs: map[string]bool{}}
	add := func(p string) {
		if p != "" {
			wl.files[abs(p)] = true
		}
	}
	bf := &s.sf.buildFlags
	rubricChanged := s.fs.Changed("rubric")
	if isProject(s.args) {
		file := s.args[0]
		if st, err := os.Stat(file); err == nil && st.IsDir() {
			file = filepath.Join(file, "assessment.toml")
		}
		add(file)
		wl.dirs[filepath.Dir(abs(file))] = true
		wl.skip = abs(filepath.Join(filepath.Dir(file), "out"))
		if p, err := loadProject(s.args[0]); err == nil {
			if !rubricChanged && !rubrics.IsBuiltin(p.Rubric) {
				add(p.Rubric)
			}
			for _, in := range p.Inputs {
				add(in)
			}
			add(p.Brand.Logo)
			add(p.Previous)
			if p.Out != "" {
				wl.skip = abs(p.Out)
			}
		}
	} else {
		for _, in := range s.args {
			add(in)
		}
	}
	if rubricChanged && !rubrics.IsBuiltin(bf.rubric) {
		add(bf.rubric)
	}
	for _, f := range []string{bf.logo, bf.norms, bf.font, bf.boldFont, bf.mapFile} {
		add(f)
	}
	if bf.templates != "" {
		wl.dirs[abs(bf.templates)] = true
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
	case "/report.pdf", "/report.md", "/results.json":
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
		lines = append(lines, "aiready: "+oneLine(one.Error()))
	}
	var h *hinted
	if errors.As(err, &h) {
		lines = append(lines, "hint: "+h.hint)
	}
	return lines
}

var errorTmpl = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>aiready: the build failed</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
pre{background:#fdf0ee;border-left:.3rem solid #b3261e;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere}</style>
</head>
<body>
<main>
<h1>The build failed</h1>
<pre>{{range .}}{{.}}
{{end}}</pre>
<p>Fix the file and save it: aiready rebuilds on its own. Then refresh this page.</p>
</main>
</body>
</html>
`))

func errorPage(lines []string) []byte {
	var b strings.Builder
	_ = errorTmpl.Execute(&b, lines) // a template of our own over strings
	return []byte(b.String())
}

// serveMarker marks serve's preview folder as aiready's, for the next run
// to remove should this serve be killed (SIGKILL leaves no time to).
const serveMarker = ".aiready-output"

func serveMarkerText(pid int, token string) string {
	return "This folder was made by aiready serve, process " + strconv.Itoa(pid) + ", build " + token +
		", for its preview; it is removed when serve stops, or by the next aiready run if serve was killed.\n"
}

// servePattern matches serve's preview folders: aiready-serve-PID-TOKEN.
var servePattern = regexp.MustCompile(`^aiready-serve-([1-9][0-9]{0,9})-([0-9a-f]{16})$`)

// makeServeFolder makes serve's private preview folder in the system's
// temporary folder, named by the process and a token that its marker
// repeats; it first removes what killed serves left.
func makeServeFolder() (string, error) {
	removeDeadServeFoldersOnce()
	token := newToken()
	root := filepath.Join(os.TempDir(), "aiready-serve-"+strconv.Itoa(os.Getpid())+"-"+token)
	if err := os.Mkdir(root, 0o700); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(root, serveMarker), []byte(serveMarkerText(os.Getpid(), token)), 0o600); err != nil {
		os.Remove(root)
		return "", err
	}
	return root, nil
}

// removeDeadServeFolders removes the preview folders of serve processes
// that were killed: only a folder whose name has serve's pattern, whose
// process is gone, and whose marker names that process and token. They
// hold a whole report, comments included, which must not outlive serve.
func removeDeadServeFolders() {
	dir := os.TempDir()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		g := servePattern.FindStringSubmatch(e.Name())
		if g == nil || !e.IsDir() {
			continue
		}
		pid, _ := strconv.Atoi(g[1])
		if pid == os.Getpid() || processAlive(pid) {
			continue
		}
		root := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(filepath.Join(root, serveMarker))
		if err != nil || string(b) != serveMarkerText(pid, g[2]) {
			continue
		}
		removeOurs(root)
	}
}
