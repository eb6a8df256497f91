package main

import (
	"fmt"
	"io"
	"os"

	"github.com/aiready/aiready/assess"
)

// Bounds on the files a build embeds whole. A logo is a few hundred KB
// and a TrueType font a few MB (Noto Sans CJK, among the largest, is
// 16 MB); without a bound, --logo /dev/zero read until the kernel killed
// it at 24 GB.
const (
	maxLogoSize = 10 << 20
	maxFontSize = 50 << 20
)

// readBounded reads a regular file of at most limit bytes, refusing a
// device, a pipe or a larger file before reading it.
func readBounded(path string, limit int64, what string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(path, err)
	}
	at := assess.Position{File: path}
	switch {
	case st.IsDir():
		return nil, fileError(path, errIsDir)
	case !st.Mode().IsRegular():
		return nil, &assess.Error{Pos: at, Msg: fmt.Sprintf("%s is not a regular file (a device or a pipe); give the path of a file", what)}
	case st.Size() > limit:
		return nil, &assess.Error{Pos: at, Msg: fmt.Sprintf("%s is %d MB; the limit is %d MB", what, st.Size()>>20, limit>>20)}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	if int64(len(b)) > limit {
		return nil, &assess.Error{Pos: at, Msg: fmt.Sprintf("%s grew past %d MB while it was read", what, limit>>20)}
	}
	return b, nil
}
