package assess

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// trendSource is an earlier results.json and where it was named, so that
// a problem with it points at the line of assessment.toml or at the flag.
type trendSource struct {
	path string
	at   Position // the assessment.toml key, or the file a flag names
	key  string   // "previous", "history", "--previous" or "--history"
}

// trendSources returns the previous assessment and the history to compare
// with: the caller's override the project's keys.
func (p *Plan) trendSources() (prev *trendSource, hist []trendSource) {
	s, pr := p.Settings, p.Project
	switch {
	case s.Previous != nil:
		if *s.Previous != "" {
			prev = &trendSource{path: *s.Previous, at: Position{File: *s.Previous}, key: "--previous"}
		}
	case pr != nil && pr.Previous != "":
		prev = &trendSource{path: pr.Previous, at: pr.KeyPos("previous"), key: "previous"}
	}
	switch {
	case s.History != nil:
		for _, h := range *s.History {
			hist = append(hist, trendSource{path: h, at: Position{File: h}, key: "--history"})
		}
	case pr != nil:
		for i, h := range pr.History {
			hist = append(hist, trendSource{path: h, at: pr.KeyPos("history", i), key: "history"})
		}
	}
	return prev, hist
}

// readTrend reads the previous assessment and the history. An earlier
// result inside the output folder is the build's own output, and reading
// it would make every build compare with the last build of the same data
// (a cycle that always shows no change).
func (p *Plan) readTrend(prev *trendSource, hist []trendSource) (*Snapshot, []*Snapshot, error) {
	var errs ErrorList
	read := func(s trendSource) *Snapshot {
		p.file(s.path)
		snap, err := readSnapshot(s, p.Out)
		if err != nil {
			for _, e := range Errors(err) {
				var ae *Error
				if errors.As(e, &ae) {
					errs = append(errs, ae)
				} else {
					errs = append(errs, &Error{Pos: s.at, Msg: e.Error(), Err: e})
				}
			}
		}
		return snap
	}
	var ps *Snapshot
	if prev != nil {
		ps = read(*prev)
	}
	var hs []*Snapshot
	for _, h := range hist {
		if s := read(h); s != nil {
			hs = append(hs, s)
		}
	}
	return ps, hs, errs.Err()
}

func readSnapshot(s trendSource, out string) (*Snapshot, error) {
	if out != "" && sameFile(s.path, filepath.Join(out, "results.json")) {
		msg := fmt.Sprintf("%s %q is this build's own output: a build cannot be its own earlier assessment", s.key, s.path)
		if strings.HasPrefix(s.key, "--") {
			msg = s.key + " names this build's own output: a build cannot be its own earlier assessment"
		}
		return nil, &Error{Pos: s.at, Msg: msg}
	}
	f, err := os.Open(s.path)
	if err != nil {
		return nil, FileError(s.path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, FileError(s.path, err)
	}
	if st.IsDir() {
		return nil, &Error{Pos: Position{File: s.path}, Msg: "is a folder; name the results.json of an earlier build"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxPreviousSize+1))
	if err != nil {
		return nil, FileError(s.path, err)
	}
	if len(data) > MaxPreviousSize {
		return nil, Errorf(Position{File: s.path, Line: 1, Col: 1}, "not a results.json: larger than %d MB", MaxPreviousSize>>20)
	}
	return ReadSnapshot(s.path, data, st.ModTime())
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

// history is the earlier assessments for the trend chart, oldest first,
// each once: the previous one may also be among the history.
func history(prev *Snapshot, hist []*Snapshot) []*Snapshot {
	var out []*Snapshot
	seen := map[string]bool{}
	for _, s := range append(append([]*Snapshot{}, hist...), prev) {
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
