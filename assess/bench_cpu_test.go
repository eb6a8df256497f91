package assess

import (
	"bytes"
	"sync"
	"syscall"
	"testing"
	"time"
)

var cpuBenchData = sync.OnceValue(func() []byte { return benchCSV(1_000_000, 32, 1) })

// cpuTime is the process's user and system time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScoreCPU is BenchmarkScoreCSV's 1M rows, made once before the
// timing, with the CPU time per row (user and system, every thread) beside
// the wall time: on a loaded machine the wall time says little.
func BenchmarkScoreCPU(b *testing.B) {
	rb := benchRubric(b)
	data := cpuBenchData()
	b.SetBytes(int64(len(data)))
	rows := 0
	t0 := cpuTime(b)
	for b.Loop() {
		src, err := OpenAnswers("bench.csv", bytes.NewReader(data), rb, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		s := NewScorer(rb, Options{Segments: []string{"Role", "Team"}})
		if err := s.AddSource(src); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Result(); err != nil {
			b.Fatal(err)
		}
		rows += 1_000_000
	}
	b.ReportMetric(float64(cpuTime(b)-t0)/float64(rows), "cpu-ns/row")
}
