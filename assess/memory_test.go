package assess

import (
	"fmt"
	"io"
	"runtime"
	"testing"
)

// rowsReader produces a CSV of n respondents on the fly, so the test holds
// no data of its own and any growth is the reader's or the scorer's.
type rowsReader struct {
	n, i int
	buf  []byte
}

func (r *rowsReader) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) && r.i <= r.n {
		if r.i == 0 {
			r.buf = append(r.buf, "Respondent,Team,a1,a2,b1,b2\n"...)
		} else {
			r.buf = fmt.Appendf(r.buf, "R%d,T%d,%d,Agree,Speed,\"x;y\"\n", r.i, r.i%7, 1+r.i%5)
		}
		r.i++
	}
	if len(r.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

func liveHeapAfterScoring(t *testing.T, r *Rubric, n int) uint64 {
	s := NewScorer(r, Options{Segments: []string{"Team"}})
	src, err := OpenAnswers("gen.csv", &rowsReader{n: n}, r, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	res, err := s.Result()
	if err != nil || res.Respondents != n {
		t.Fatalf("scored %v respondents: %v", res, err)
	}
	return m.HeapAlloc
}

// TestMemoryFlat scores ten times more respondents and expects the live
// heap to stay where it was: nothing is kept per respondent.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 220 000 generated rows")
	}
	r := loadTestRubric(t, "small.toml")
	small := liveHeapAfterScoring(t, r, 20_000)
	large := liveHeapAfterScoring(t, r, 200_000)
	t.Logf("live heap: %d KiB after 20k rows, %d KiB after 200k rows", small/1024, large/1024)
	if large > small+512*1024 {
		t.Errorf("live heap grew from %d to %d bytes with ten times the rows", small, large)
	}
}
