package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/spf13/pflag"
)

// maxPreviousSize bounds an earlier results.json: the demo's is 40 KB, so
// 64 MB is ample and keeps a wrong path (a disk image, /dev/zero) cheap.
const maxPreviousSize = 64 << 20

// trendSource is an earlier results.json and where it was named, so that
// a problem with it points at the line of assessment.toml or at the flag.
type trendSource struct {
	path string
	at   assess.Position // the assessment.toml key, or the file a flag names
	key  string          // "previous", "history", "--previous" or "--history"
}

// trendSources returns the previous assessment and the history to compare
// with: flags override the project's keys.
func trendSources(fs *pflag.FlagSet, bf *buildFlags, p *assess.Project) (prev *trendSource, hist []trendSource) {
	switch {
	case fs.Changed("previous"):
		if bf.previous != "" {
			prev = &trendSource{path: bf.previous, at: assess.Position{File: bf.previous}, key: "--previous"}
		}
	case p != nil && p.Previous != "":
		prev = &trendSource{path: p.Previous, at: p.KeyPos("previous"), key: "previous"}
	}
	switch {
	case fs.Changed("history"):
		for _, h := range bf.history {
			hist = append(hist, trendSource{path: h, at: assess.Position{File: h}, key: "--history"})
		}
	case p != nil:
		for i, h := range p.History {
			hist = append(hist, trendSource{path: h, at: p.KeyPos("history", i), key: "history"})
		}
	}
	return prev, hist
}

// readTrend reads the previous assessment and the history. out is the
// build's output folder: an earlier result inside it is the build's own
// output, and reading it would make every build compare with the last
// build of the same data (a cycle that always shows no change).
func readTrend(prev *trendSource, hist []trendSource, out string) (*assess.Snapshot, []*assess.Snapshot, error) {
	var errs assess.ErrorList
	read := func(s trendSource) *assess.Snapshot {
		snap, err := readSnapshot(s, out)
		if err != nil {
			for _, e := range assess.Errors(err) {
				var ae *assess.Error
				if errors.As(e, &ae) {
					errs = append(errs, ae)
				} else {
					errs = append(errs, &assess.Error{Pos: s.at, Msg: e.Error(), Err: e})
				}
			}
		}
		return snap
	}
	var p *assess.Snapshot
	if prev != nil {
		p = read(*prev)
	}
	var hs []*assess.Snapshot
	for _, h := range hist {
		if s := read(h); s != nil {
			hs = append(hs, s)
		}
	}
	return p, hs, errs.Err()
}

func readSnapshot(s trendSource, out string) (*assess.Snapshot, error) {
	if out != "" && sameFile(s.path, filepath.Join(out, "results.json")) {
		msg := fmt.Sprintf("%s %q is this build's own output: a build cannot be its own earlier assessment", s.key, s.path)
		if strings.HasPrefix(s.key, "--") {
			msg = s.key + " names this build's own output: a build cannot be its own earlier assessment"
		}
		return nil, &hinted{&assess.Error{Pos: s.at, Msg: msg},
			"point it at the last assessment's results.json, or build into another --out"}
	}
	f, err := os.Open(s.path)
	if err != nil {
		return nil, fileError(s.path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(s.path, err)
	}
	if st.IsDir() {
		return nil, &assess.Error{Pos: assess.Position{File: s.path}, Msg: "is a folder; name the results.json of an earlier build"}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPreviousSize+1))
	if err != nil {
		return nil, fileError(s.path, err)
	}
	if len(data) > maxPreviousSize {
		return nil, assess.Errorf(assess.Position{File: s.path, Line: 1, Col: 1}, "not a results.json: larger than %d MB", maxPreviousSize>>20)
	}
	return assess.ReadSnapshot(s.path, data, st.ModTime())
}

// sameFile reports whether a and b are one file: the same path once
// cleaned and made absolute, or the same file on disk (a link).
func sameFile(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// applyJudgement adds to res what people said: the consultant's notes and
// overrides, and the comparison with earlier assessments.
func (a *assessment) applyJudgement(res *assess.Result) {
	if p := a.project; p != nil {
		assess.ApplyOverrides(res, p.Overrides, p.Notes)
	}
	if a.previous != nil {
		assess.Compare(res, a.previous)
	}
	res.History = history(a.previous, a.history)
}

// history is the earlier assessments for the trend chart, oldest first,
// each once: the previous one may also be among --history.
func history(prev *assess.Snapshot, hist []*assess.Snapshot) []*assess.Snapshot {
	var out []*assess.Snapshot
	seen := map[string]bool{}
	for _, s := range append(append([]*assess.Snapshot{}, hist...), prev) {
		if s == nil {
			continue
		}
		key := s.File
		if abs, err := filepath.Abs(s.File); err == nil {
			key = abs
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
