// Package output writes a build's output folder without ever exposing
// half of one, and without ever losing a file that aiready did not write
// (docs/reliability.md, "Files of yours").
package output

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aiready/aiready/assess"
)

// markerName is the file by which aiready knows an output folder as its
// own; it lists every file aiready wrote there, with the SHA-256 of what
// it wrote, so that a file changed since is never taken for aiready's.
const markerName = ".aiready-output"

const markerHead = "This folder was written by aiready; it lists the files aiready wrote here.\n" +
	"aiready replaces them on the next build and never touches any other file.\n"

// markerBuild starts a complete marker's third line; the build's token
// follows. Each file is then a line "sha256 HEX /PATH".
const markerBuild = "format 2, build "

// markerShared is the line of a marker written beside files that are not
// aiready's (--force into a folder of the user's): later builds replace
// aiready's files there one by one and leave the others where they are.
const markerShared = "shared: the other files here are not aiready's; it writes beside them"

// inProgress starts the marker's last line while a build fills its
// temporary folder: "in progress: aiready process PID, build TOKEN".
const inProgress = "in progress: aiready process "

// maxMarker bounds what is read of a file named .aiready-output.
const maxMarker = 16 << 20

// marker is what an output folder's .aiready-output says.
type marker struct {
	token  string
	shared bool
	// legacy: written by an aiready that kept no checksums; its files
	// cannot be told from edited ones.
	legacy bool
	files  map[string]string // slash path → SHA-256, hex ("" if legacy)
}

// newToken is a build's random name: its temporary folder and its marker
// carry it, so that a folder is only ever taken for a build's when both
// agree.
func newToken() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

func isToken(s string) bool {
	if len(s) != 16 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// parseMarker reads a complete marker; anything else (a list of the
// user's, a marker of a build in progress, a damaged one) is not one.
func parseMarker(b []byte) *marker {
	rest, ok := bytes.CutPrefix(b, []byte(markerHead))
	if !ok || len(rest) == 0 || rest[len(rest)-1] != '\n' {
		return nil
	}
	lines := strings.Split(string(rest[:len(rest)-1]), "\n")
	m := &marker{files: map[string]string{}}
	if tok, ok := strings.CutPrefix(lines[0], markerBuild); ok {
		m.token, lines = tok, lines[1:]
		if !isToken(tok) || listToken(lines) != tok {
			return nil
		}
		if len(lines) > 0 && lines[0] == markerShared {
			m.shared, lines = true, lines[1:]
		}
		for _, l := range lines {
			sum, p, ok := strings.Cut(strings.TrimPrefix(l, "sha256 "), " /")
			if !ok || !strings.HasPrefix(l, "sha256 ") || len(sum) != 64 || !validRel(p) {
				return nil
			}
			if _, err := hex.DecodeString(sum); err != nil {
				return nil
			}
			m.files[p] = sum
		}
		return m
	}
	// An earlier aiready listed its files without checksums.
	m.legacy = true
	for _, l := range lines {
		p, ok := strings.CutPrefix(l, "/")
		if ok && p == markerName {
			continue
		}
		if !ok || !validRel(p) {
			return nil
		}
		m.files[p] = ""
	}
	return m
}

// validRel reports whether p is a clean slash path inside a folder.
func validRel(p string) bool {
	return p != "" && p != markerName && filepath.IsLocal(filepath.FromSlash(p)) && filepath.ToSlash(filepath.Clean(filepath.FromSlash(p))) == p
}

// readMarkerFile reads a folder's .aiready-output if it is a regular file
// of reasonable size; nil when there is none.
func readMarkerFile(dir string) []byte {
	p := filepath.Join(dir, markerName)
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxMarker {
		return nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	return b
}

// readMarker returns the folder's marker, or nil if it has none that is
// aiready's.
func readMarker(dir string) *marker {
	if b := readMarkerFile(dir); b != nil {
		return parseMarker(b)
	}
	return nil
}

// listToken is a complete marker's token: the first 16 hex digits of the
// SHA-256 of the lines that follow it. It ties the marker to this very
// build's files, keeps two builds of the same inputs byte for byte the
// same, and no list written by hand has it.
func listToken(lines []string) string {
	h := sha256.New()
	for _, l := range lines {
		io.WriteString(h, l+"\n")
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func writeMarker(dir string, shared bool, sums map[string]string) error {
	var lines []string
	if shared {
		lines = append(lines, markerShared)
	}
	names := make([]string, 0, len(sums))
	for f := range sums {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		lines = append(lines, "sha256 "+sums[f]+" /"+f)
	}
	b := markerHead + markerBuild + listToken(lines) + "\n" + strings.Join(lines, "\n")
	if len(lines) > 0 {
		b += "\n"
	}
	return os.WriteFile(filepath.Join(dir, markerName), []byte(b), 0o644)
}

// fileSum is the SHA-256 of a regular file; ok is false for anything else
// (a symbolic link, a folder, a file that cannot be read).
func fileSum(p string) (sum string, ok bool) {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	f, err := os.Open(p)
	if err != nil {
		return "", false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", false
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// contents sorts a folder's files by whose they are.
type contents struct {
	ours    []string // listed by the marker and unchanged: aiready may remove them
	changed []string // listed, but changed since aiready wrote them (or unverifiable)
	foreign []string // not listed: never aiready's
}

func classify(dir string, m *marker) (contents, error) {
	var c contents
	all, err := listFiles(dir)
	if err != nil {
		return c, err
	}
	for _, f := range all {
		if m != nil && f == markerName {
			continue
		}
		want, listed := "", false
		if m != nil {
			want, listed = m.files[f]
		}
		switch {
		case !listed:
			c.foreign = append(c.foreign, f)
		case m.legacy:
			c.changed = append(c.changed, f)
		default:
			if got, ok := fileSum(filepath.Join(dir, filepath.FromSlash(f))); ok && got == want {
				c.ours = append(c.ours, f)
			} else {
				c.changed = append(c.changed, f)
			}
		}
	}
	return c, nil
}

// plan is how a build replaces its output folder.
type plan struct {
	old *marker // the folder's marker; nil if it has none of aiready's
	// shared: the folder holds files that are not aiready's, which stay:
	// aiready's own are replaced one by one.
	shared bool
}

// Write builds an output folder without ever exposing half of one:
// fill writes into a temporary folder beside out, which then replaces out
// in one step. A failure leaves out as it was. It refuses a folder that
// aiready did not create (unless force), and files of aiready's that were
// changed since it wrote them (unless force, and then they are kept aside
// in a folder beside out); it never deletes a file that it did not write.
// notes say where files were kept aside, one line each.
func Write(out string, force bool, fill func(dir string) error) (notes []string, err error) {
	out = filepath.Clean(out)
	// loc names out where its parent matters (the current folder, "."):
	// temporary and kept folders go beside it.
	loc := out
	if b := filepath.Base(out); b == "." || b == ".." || b == string(filepath.Separator) {
		if a, err := filepath.Abs(out); err == nil {
			loc = a
		}
	}
	parent, base := filepath.Dir(loc), filepath.Base(loc)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, assess.FileError(parent, err)
	}
	p, err := checkOutput(out, force)
	if err != nil {
		return nil, err
	}
	kept := &keeper{out: out, loc: loc}
	removeStale(parent, base, kept)
	removeDeadServeFoldersOnce()
	token := newToken()
	// The process id and the token in the name let the next build remove
	// this folder if this process is killed at any moment.
	tmp := filepath.Join(parent, "."+base+".tmp-"+strconv.Itoa(os.Getpid())+"-"+token)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, &assess.Error{Pos: assess.Position{File: parent}, Msg: "cannot write here: " + ErrText(err), Err: err}
	}
	ok := false
	defer func() {
		if !ok {
			RemoveOurs(tmp) // nothing but what this build wrote
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, assess.FileError(tmp, err)
	}
	// Until the real marker replaces it, this one says whose the folder is,
	// so that the next build can remove it if this one is killed.
	if err := os.WriteFile(filepath.Join(tmp, markerName), []byte(inProgressMarker(os.Getpid(), token)), 0o644); err != nil {
		return nil, writeError(out, tmp, err)
	}
	if err := fill(tmp); err != nil {
		return nil, writeError(out, tmp, err)
	}
	files, err := listFiles(tmp)
	if err != nil {
		return nil, assess.FileError(tmp, err)
	}
	sums := map[string]string{}
	for _, f := range files {
		if f == markerName {
			continue
		}
		sum, ok := fileSum(filepath.Join(tmp, filepath.FromSlash(f)))
		if !ok {
			return nil, assess.FileError(filepath.Join(out, filepath.FromSlash(f)), errors.New("cannot be read back"))
		}
		sums[f] = sum
	}
	if err := writeMarker(tmp, p.shared, sums); err != nil {
		return nil, writeError(out, tmp, err)
	}
	// From here on the move takes care of tmp, which may come to hold the
	// old output's files.
	ok = true
	if p.shared {
		err = moveInto(tmp, out, p, kept)
	} else {
		err = swapInto(tmp, out, p, kept)
	}
	return kept.summary(), err
}

func inProgressMarker(pid int, token string) string {
	return markerHead + inProgress + strconv.Itoa(pid) + ", build " + token + "\n"
}

// checkOutput decides whether and how out may be replaced.
func checkOutput(out string, force bool) (plan, error) {
	st, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return plan{}, nil
	}
	if err != nil {
		return plan{}, assess.FileError(out, err)
	}
	if !st.IsDir() {
		return plan{}, &assess.Error{Pos: assess.Position{File: out}, Msg: "is a file, not an output folder; choose another --out"}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return plan{}, assess.FileError(out, err)
	}
	if len(entries) == 0 {
		return plan{}, nil
	}
	m := readMarker(out)
	if m == nil && !force {
		return plan{}, &assess.Hinted{Err: &assess.Error{Pos: assess.Position{File: out}, Msg: "folder exists and was not written by aiready; refusing to write into it"},
			Hint: "choose another --out, or add --force to write beside the files already there (none of them is changed)"}
	}
	c, err := classify(out, m)
	if err != nil {
		return plan{}, assess.FileError(out, err)
	}
	p := plan{old: m, shared: m == nil || m.shared || len(c.foreign) > 0}
	if force || m == nil {
		return p, nil
	}
	// Every reason to refuse, each on its line.
	owned := m.topLevel()
	var outside, inside []string
	for _, f := range c.foreign {
		if top, _, ok := strings.Cut(f, "/"); ok && owned[top] {
			inside = append(inside, f)
		} else {
			outside = append(outside, f)
		}
	}
	var errs assess.ErrorList
	var hint string
	if len(outside) > 0 && !m.shared {
		errs = append(errs, &assess.Error{Pos: assess.Position{File: out}, Msg: fmt.Sprintf("holds files that aiready did not write (%s); refusing to replace the folder", assess.Summarize(outside))})
		hint = "move those files elsewhere, or add --force to write beside them from now on (none of them is changed)"
	}
	if len(inside) > 0 {
		// Files of the user's inside aiready's own folders (site/) would
		// have to move aside.
		errs = append(errs, &assess.Error{Pos: assess.Position{File: out}, Msg: fmt.Sprintf("holds files that aiready did not write inside folders it writes (%s); refusing to replace them", assess.Summarize(inside))})
		hint = "move those files elsewhere, or add --force: the build then keeps them aside in a folder beside " + out + " and says where"
	}
	if len(c.changed) > 0 {
		ce := changedError(out, c.changed, m.legacy)
		errs = append(errs, ce.Err.(*assess.Error))
		hint = ce.Hint
	}
	switch len(errs) {
	case 0:
		return p, nil
	case 1:
		return p, &assess.Hinted{Err: errs[0], Hint: hint}
	}
	return p, &assess.Hinted{Err: errs, Hint: "move or copy those files elsewhere, or add --force: files beside aiready's stay where they are, the others are kept aside in a folder beside " + out + ", and the build says where"}
}

// changedError refuses to replace files of aiready's that were changed
// since it wrote them (or, written by an earlier version, cannot be
// checked).
func changedError(out string, changed []string, legacy bool) *assess.Hinted {
	hint := "copy your edits elsewhere, or add --force: the build then keeps the changed files aside in a folder beside " + out + " and says where"
	var e *assess.Error
	switch {
	case legacy:
		e = &assess.Error{Pos: assess.Position{File: out}, Msg: fmt.Sprintf("was written by an earlier aiready, which kept no checksums, so changes to its files (%s) cannot be seen; refusing to replace them", assess.Summarize(changed))}
		hint = "add --force to replace the folder: its files are then kept aside in a folder beside " + out + ", and the build says where"
	case len(changed) == 1:
		e = &assess.Error{Pos: assess.Position{File: filepath.Join(out, filepath.FromSlash(changed[0]))}, Msg: "changed since aiready wrote it; refusing to replace it"}
	default:
		e = &assess.Error{Pos: assess.Position{File: out}, Msg: fmt.Sprintf("%d files changed since aiready wrote them (%s); refusing to replace them", len(changed), assess.Summarize(changed))}
	}
	return &assess.Hinted{Err: e, Hint: hint}
}

// topLevel names the entries of the folder that hold aiready's files.
func (m *marker) topLevel() map[string]bool {
	top := map[string]bool{markerName: true}
	for f := range m.files {
		t, _, _ := strings.Cut(f, "/")
		top[t] = true
	}
	return top
}

// listFiles returns every file under dir, slash-separated and sorted.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// swapInto puts tmp in out's place. Where the system can exchange two
// folders in one step the old output is never missing, not even for an
// instant; elsewhere the old folder is moved aside first. Of the old
// folder, only the files aiready wrote and nobody changed are removed;
// any other (one written into out while the build ran, say) is kept aside.
func swapInto(tmp, out string, p plan, kept *keeper) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			RemoveOurs(tmp)
			return assess.FileError(out, err)
		}
		return nil
	}
	if exchange(tmp, out) == nil {
		cleanOld(tmp, p.old, kept) // now the old output
		return nil
	}
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		RemoveOurs(tmp)
		return assess.FileError(out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		RemoveOurs(tmp)
		return assess.FileError(out, err)
	}
	cleanOld(old, p.old, kept)
	return nil
}

// moveInto puts each top-level entry of tmp into out, a folder shared with
// files that are not aiready's. An entry of the same name must be one of
// aiready's (it is moved into a folder tmp.old, then cleaned as an old
// output is); any other name taken refuses the build before anything
// moves. The marker goes last, so that until then out's marker is the old
// one.
func moveInto(tmp, out string, p plan, kept *keeper) error {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		RemoveOurs(tmp)
		return assess.FileError(tmp, err)
	}
	var owned map[string]bool
	if p.old != nil {
		owned = p.old.topLevel()
	}
	var names, taken []string
	for _, e := range entries {
		if e.Name() != markerName {
			names = append(names, e.Name())
		}
		if _, err := os.Lstat(filepath.Join(out, e.Name())); err == nil && !owned[e.Name()] {
			taken = append(taken, e.Name())
		}
	}
	if len(taken) > 0 {
		RemoveOurs(tmp)
		return &assess.Error{Pos: assess.Position{File: out}, Msg: fmt.Sprintf("already holds %s; refusing to overwrite files that aiready did not write", assess.Summarize(taken))}
	}
	names = append(names, markerName)
	old := tmp + ".old"
	if err := os.Mkdir(old, 0o755); err != nil {
		RemoveOurs(tmp)
		return assess.FileError(out, err)
	}
	// The old marker's copy makes tmp.old provably aiready's from the
	// start, should this process be killed half way.
	if b := readMarkerFile(out); p.old != nil && b != nil {
		if err := os.WriteFile(filepath.Join(old, markerName), b, 0o644); err != nil {
			os.Remove(old)
			RemoveOurs(tmp)
			return assess.FileError(out, err)
		}
	}
	var moveErr error
	for _, n := range names {
		src, dst := filepath.Join(tmp, n), filepath.Join(out, n)
		if _, err := os.Lstat(dst); err != nil {
			if err := os.Rename(src, dst); err != nil {
				moveErr = assess.FileError(dst, err)
				break
			}
			continue
		}
		if n == markerName {
			// The old marker is already copied into old.
			if err := os.Rename(src, dst); err != nil {
				moveErr = assess.FileError(dst, err)
			}
			break
		}
		if exchange(src, dst) == nil {
			if err := os.Rename(src, filepath.Join(old, n)); err != nil {
				moveErr = assess.FileError(dst, err)
				break
			}
			continue
		}
		if err := os.Rename(dst, filepath.Join(old, n)); err != nil {
			moveErr = assess.FileError(dst, err)
			break
		}
		if err := os.Rename(src, dst); err != nil {
			_ = os.Rename(filepath.Join(old, n), dst)
			moveErr = assess.FileError(dst, err)
			break
		}
	}
	RemoveOurs(tmp) // what is left of it is this build's
	cleanOld(old, p.old, kept)
	return moveErr
}

// RemoveOurs removes a folder that only this build (or a build that died)
// wrote: the marker goes last, so that a folder cut short by a kill is
// still known for aiready's by the next build.
func RemoveOurs(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != markerName {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	os.Remove(filepath.Join(dir, markerName))
	os.Remove(dir)
}

// cleanOld removes, of an old output folder moved out of the way, the
// files that m lists and that still hold what aiready wrote, and the
// folders that leaves empty. Every other file is kept aside (see keeper).
// The marker goes last.
func cleanOld(dir string, m *marker, kept *keeper) {
	c, err := classify(dir, m)
	if err != nil {
		return // left whole: nothing is lost
	}
	for _, f := range c.ours {
		os.Remove(filepath.Join(dir, filepath.FromSlash(f)))
	}
	why := "changed since aiready wrote it"
	if m != nil && m.legacy {
		why = "written by an earlier aiready, which kept no checksums"
	}
	for _, f := range c.changed {
		kept.keep(dir, f, why)
	}
	for _, f := range c.foreign {
		kept.keep(dir, f, "not written by aiready")
	}
	removeEmptyDirs(dir)
	if m != nil {
		if b := readMarkerFile(dir); b != nil && parseMarker(b) != nil {
			os.Remove(filepath.Join(dir, markerName))
		} else if _, err := os.Lstat(filepath.Join(dir, markerName)); err == nil {
			kept.keep(dir, markerName, "not written by aiready")
		}
	}
	os.Remove(dir)
}

// removeEmptyDirs removes the folders under dir that hold nothing, deepest
// first (os.Remove refuses any other).
func removeEmptyDirs(dir string) {
	var dirs []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != dir {
			dirs = append(dirs, p)
		}
		return nil
	})
	for _, d := range slices.Backward(dirs) {
		os.Remove(d)
	}
}

// keeper moves files that aiready must not remove out of its way, into a
// folder beside the output named OUT.kept-DATE-TIME, which it creates when
// the first file comes, and notes each one.
type keeper struct {
	out   string // the output folder, as the user named it
	loc   string // the same, where its parent is known
	dir   string
	notes []string
}

func (k *keeper) keep(root, rel, why string) {
	name := filepath.Join(k.out, filepath.FromSlash(rel))
	if k.dir == "" {
		stamp := k.loc + ".kept-" + time.Now().Format("20060102-150405")
		for i := 1; ; i++ {
			d := stamp
			if i > 1 {
				d += "-" + strconv.Itoa(i)
			}
			err := os.Mkdir(d, 0o755)
			if err == nil {
				k.dir = d
				break
			}
			if !errors.Is(err, fs.ErrExist) || i == 100 {
				k.notes = append(k.notes, fmt.Sprintf("%s: %s; could not be kept aside (%s), so it stays in %s", name, why, ErrText(err), root))
				return
			}
		}
	}
	dst := filepath.Join(k.dir, filepath.FromSlash(rel))
	err := os.MkdirAll(filepath.Dir(dst), 0o755)
	if err == nil {
		err = os.Rename(filepath.Join(root, filepath.FromSlash(rel)), dst)
	}
	if err != nil {
		k.notes = append(k.notes, fmt.Sprintf("%s: %s; could not be kept aside (%s), so it stays in %s", name, why, ErrText(err), root))
		return
	}
	k.notes = append(k.notes, fmt.Sprintf("%s: %s; kept as %s", name, why, dst))
}

// summary is the notes to print: each file kept aside, or past five, the
// first three and how many more went where.
// A file that could not be moved is always named.
func (k *keeper) summary() []string {
	if len(k.notes) <= 5 {
		return k.notes
	}
	var moved, stuck []string
	for _, n := range k.notes {
		if strings.Contains(n, "; could not be kept aside") {
			stuck = append(stuck, n)
		} else {
			moved = append(moved, n)
		}
	}
	if len(moved) > 5 {
		moved = append(moved[:3:3], fmt.Sprintf("%s: %d more files kept aside, in %s", k.out, len(moved)-3, k.dir))
	}
	return append(moved, stuck...)
}

// tmpPattern matches the temporary folders of builds of out named base:
// ".BASE.tmp-PID-TOKEN", and ".BASE.tmp-PID-TOKEN.old" for the old output
// moved aside. Earlier versions used decimal digits for the token.
func tmpPattern(base string) *regexp.Regexp {
	return regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `\.tmp-([1-9][0-9]{0,9})-([0-9a-f]{16}|[0-9]{1,10})(\.old)?$`)
}

// removeStale clears what builds of the same output left behind when they
// were killed, and only what is provably theirs: a folder named by the
// pattern of a build whose process is gone, and then
//   - empty (killed before it wrote its marker): removed;
//   - holding the in-progress marker of that very build (the pid and
//     token of its name): removed, all of it being that build's;
//   - holding a complete marker (the build's output, never swapped in, or
//     the old output it swapped out): cleaned as an old output is, file
//     by file, checksums compared; any other file in it is kept aside.
//
// Anything else (no marker, a marker of the user's, a name of another
// form, a live process) is left alone.
func removeStale(parent, base string, kept *keeper) {
	re := tmpPattern(base)
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		g := re.FindStringSubmatch(e.Name())
		if g == nil || !e.IsDir() { // a symbolic link is not a folder here
			continue
		}
		m := filepath.Join(parent, e.Name())
		pid, _ := strconv.Atoi(g[1])
		if pid == os.Getpid() || processAlive(pid) {
			continue
		}
		inside, err := os.ReadDir(m)
		if err == nil && len(inside) == 0 {
			os.Remove(m)
			continue
		}
		b := readMarkerFile(m)
		if b == nil {
			continue
		}
		// Killed while it wrote its first marker: the folder holds nothing
		// but the start of the marker this very build would write.
		if g[3] == "" && len(inside) == 1 && inside[0].Name() == markerName &&
			strings.HasPrefix(inProgressMarker(pid, g[2]), string(b)) {
			RemoveOurs(m)
			continue
		}
		own := string(b) == inProgressMarker(pid, g[2]) ||
			string(b) == markerHead+inProgress+g[1]+"\n" // earlier versions
		if g[3] == "" && own {
			RemoveOurs(m)
			continue
		}
		// A complete marker: this build's output, never swapped in, or the
		// old output it swapped out; either way only files that still
		// hold what aiready wrote go.
		// A folder .old may be the only copy of the output (killed between
		// the two renames where folders cannot be exchanged): it waits
		// until an output is back in place.
		if mk := parseMarker(b); mk != nil {
			if _, err := os.Lstat(filepath.Join(parent, base)); err == nil || g[3] == "" {
				cleanOld(m, mk, kept)
			}
		}
	}
}

// writeError names what could not be written as the file in the output
// folder (not in the temporary one), with the system's reason: a full
// disk, a quota, a read-only folder.
func writeError(out, tmp string, err error) error {
	var ae *assess.Error
	var al assess.ErrorList
	if errors.As(err, &ae) || errors.As(err, &al) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		name := out
		if rel, rerr := filepath.Rel(tmp, pe.Path); rerr == nil && !strings.HasPrefix(rel, "..") {
			name = filepath.Join(out, rel)
		}
		return &assess.Error{Pos: assess.Position{File: name}, Msg: "cannot write: " + pe.Err.Error(), Err: err}
	}
	return &assess.Error{Pos: assess.Position{File: out}, Msg: "cannot write the output: " + err.Error(), Err: err}
}

func ErrText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

var deadServeOnce sync.Once

// removeDeadServeFoldersOnce clears, once a process, the preview folders
// that killed serve processes left in the temporary folder (serve.go).
func removeDeadServeFoldersOnce() { deadServeOnce.Do(removeDeadServeFolders) }

// File renders into a file of the folder that Write fills.
func File(dir, name string, render func(io.Writer) error) error {
	// Straight to the file: it is in Write's temporary folder, which goes
	// if anything fails, so a render cut short leaves nothing.
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return assess.FileError(name, err)
	}
	b := bufio.NewWriterSize(f, 64<<10)
	if err := render(b); err != nil {
		f.Close()
		return err
	}
	if err := b.Flush(); err != nil {
		f.Close()
		return assess.FileError(name, err)
	}
	if err := f.Close(); err != nil {
		return assess.FileError(name, err)
	}
	return nil
}
