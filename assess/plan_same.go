package assess

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// The same answers twice (docs/imports.md). Inputs that are one file (the
// same path twice, a symbolic or hard link, another spelling of the path)
// or two files with the same bytes (a copy) would count every respondent
// twice, so they are refused before anything is read or written. Only
// files of the same size are read to compare them, and bytes are compared
// to confirm, so that a refusal is never a hash's mistake. Standard input
// cannot be compared before it is read: when files are given beside it,
// it is hashed as it streams and compared, at its end, with the files of
// its size; a match is refused then, still before any output. Rows that
// repeat a respondent id, a copy that was edited or re-saved, are found
// while scoring (assess/repeats.go) and warned about.

// sameInput is two inputs that give the same answers: inputs[j] is the
// same as inputs[i], i < j, for the reason how.
type sameInput struct {
	i, j int
	a, b string
	how  string
}

func (s *sameInput) Error() string {
	return fmt.Sprintf("the same answers as %s (%s): each respondent would count twice; give it once", s.a, s.how)
}

// sameError is s as an error naming the later input.
func (s *sameInput) err() error {
	return &Error{Pos: Position{File: s.b}, Msg: s.Error(), Err: s}
}

// sameInputs returns the first later input that is the same as an earlier
// one, or nil. Inputs that cannot be opened are left for the reader to
// report; standard input ("-") is compared later (stdinCheck).
func sameInputs(inputs []string) *sameInput {
	type file struct {
		i  int
		st os.FileInfo
	}
	var files []file
	for j, in := range inputs {
		if in == "-" {
			continue
		}
		st, err := os.Stat(in)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		for _, f := range files {
			if os.SameFile(f.st, st) {
				return &sameInput{i: f.i, j: j, a: inputs[f.i], b: in, how: sameFileHow(inputs[f.i], in)}
			}
		}
		files = append(files, file{j, st})
	}
	// A copy: the same size, then the same bytes. A group of one size is
	// hashed first, so that each file is read once unless two match.
	bySize := map[int64][]int{}
	for _, f := range files {
		bySize[f.st.Size()] = append(bySize[f.st.Size()], f.i)
	}
	var first *sameInput
	for _, idx := range bySize {
		if len(idx) < 2 {
			continue
		}
		sums := map[uint64]int{}
		for _, j := range idx {
			h, err := hashFile(inputs[j])
			if err != nil {
				continue
			}
			i, ok := sums[h]
			if !ok {
				sums[h] = j
				continue
			}
			if same, err := sameBytes(inputs[i], inputs[j]); err == nil && same {
				if first == nil || j < first.j {
					first = &sameInput{i: i, j: j, a: inputs[i], b: inputs[j], how: "a copy of the same file"}
				}
			}
		}
	}
	return first
}

// sameFileHow tells how two paths name one file.
func sameFileHow(a, b string) string {
	if filepath.Clean(a) == filepath.Clean(b) {
		return "the same file named twice"
	}
	for _, p := range []string{a, b} {
		if st, err := os.Lstat(p); err == nil && st.Mode()&os.ModeSymlink != 0 {
			return "a symbolic link to the same file"
		}
	}
	return "the same file by another path or a hard link"
}

// inputSeed hashes files and standard input alike within one run.
var inputSeed = maphash.MakeSeed()

func hashFile(name string) (uint64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var h maphash.Hash
	h.SetSeed(inputSeed)
	if _, err := io.Copy(&h, f); err != nil {
		return 0, err
	}
	return h.Sum64(), nil
}

func sameBytes(a, b string) (bool, error) {
	fa, err := os.Open(a)
	if err != nil {
		return false, err
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false, err
	}
	defer fb.Close()
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, ea := io.ReadFull(fa, ba)
		nb, eb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false, nil
		}
		if ea == io.EOF || ea == io.ErrUnexpectedEOF {
			return eb == io.EOF || eb == io.ErrUnexpectedEOF, nil
		}
		if ea != nil {
			return false, ea
		}
		if eb != nil {
			return false, eb
		}
	}
}

// stdinCheck hashes standard input as it is read, when files are read
// beside it, to compare it with them at its end.
type stdinCheck struct {
	r io.Reader
	h maphash.Hash
	n int64
}

func newStdinCheck(r io.Reader) *stdinCheck {
	c := &stdinCheck{r: r}
	c.h.SetSeed(inputSeed)
	return c
}

func (c *stdinCheck) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.h.Write(p[:n])
	return n, err
}

// same reads what the reader left of standard input (nothing, usually)
// and returns the first file input with the same bytes, or nil.
func (c *stdinCheck) same(inputs []string) *sameInput {
	if _, err := io.Copy(io.Discard, c); err != nil {
		return nil
	}
	j := 0
	for k, in := range inputs {
		if in == "-" {
			j = k
		}
	}
	for i, in := range inputs {
		if in == "-" {
			continue
		}
		st, err := os.Stat(in)
		if err != nil || !st.Mode().IsRegular() || st.Size() != c.n {
			continue
		}
		if h, err := hashFile(in); err == nil && h == c.h.Sum64() {
			a, b := in, "stdin"
			if i > j {
				a, b = "stdin", in
			}
			return &sameInput{i: min(i, j), j: max(i, j), a: a, b: b, how: "a copy of the same file"}
		}
	}
	return nil
}

// refuseSame refuses inputs that are the same file or copies of one, and
// returns the standard input to read them with and a check to run once
// they are read: standard input against the files of its size.
func refuseSame(stdin io.Reader, inputs []string) (io.Reader, func() error, error) {
	if s := sameInputs(inputs); s != nil {
		return stdin, nil, s.err()
	}
	if len(inputs) < 2 || !slices.Contains(inputs, "-") {
		return stdin, func() error { return nil }, nil
	}
	c := newStdinCheck(stdin)
	return c, func() error {
		if s := c.same(inputs); s != nil {
			return s.err()
		}
		return nil
	}, nil
}

// inProject points an error about two inputs at the second one's entry
// in the project's inputs = [...].
func (p *Plan) inProject(err error) error {
	var s *sameInput
	if p.Project == nil || !errors.As(err, &s) {
		return err
	}
	return &Error{Pos: p.Project.KeyPos("inputs", s.j), Msg: fmt.Sprintf("inputs: %s: %s", s.b, s.Error()), Err: s}
}

// SameInputs returns the first later input that gives the same answers as
// an earlier one (the same file, a link or a copy): the later one, the
// earlier one and how they are the same; "" if none.
func SameInputs(inputs []string) (later, earlier, how string) {
	if s := sameInputs(inputs); s != nil {
		return s.b, s.a, s.how
	}
	return "", "", ""
}
