package assess

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// maxChunkBytes bounds one chunk of chunkLines lines held in memory; an
// input with longer lines is read the plain way from there on, which
// streams row by row.
const maxChunkBytes = 16 << 20

// chunkBuf is the size a chunk's buffer starts with: chunkLines lines of
// up to 128 bytes, so that the usual export never grows one.
const chunkBuf = chunkLines * 128

// countLines moves scan past line ends in buf until seen reaches need or
// buf ends, counting whole blocks at once (bytes.Count is vectorised) and
// only the block where the chunk ends line by line.
func countLines(buf []byte, scan, seen, need int) (int, int) {
	const block = 16 << 10
	for seen < need && scan < len(buf) {
		b := buf[scan:min(len(buf), scan+block)]
		if c := bytes.Count(b, newline); seen+c < need {
			seen += c
			scan += len(b)
			continue
		}
		for seen < need {
			i := bytes.IndexByte(buf[scan:], '\n')
			if i < 0 {
				break
			}
			scan += i + 1
			seen++
		}
	}
	return seen, scan
}

var newline = []byte{'\n'}

// fastJob is one chunk of lines on its way through the workers.
type fastJob struct {
	c, line int // chunk number, and the line its data starts on
	data    []byte
	w       *Scorer
	err     error
	done    chan struct{}
}

// addFast scores ts from where the header ends: the rows read ahead
// while finding the header as Next would, then the rest in chunks of
// chunkLines lines, split at line ends and scored on every core, merged in
// input order. At a quote, or a chunk too long to hold, it stops and
// leaves ts reading the rest with encoding/csv from that chunk's first
// line, so that the caller goes on the plain way.
func (s *Scorer) addFast(ts *tableSource) error {
	cr := ts.rr.(*csvRows)
	for len(ts.pending) > 0 {
		row := ts.pending[0]
		ts.pending = ts.pending[1:]
		if row.blank() {
			continue
		}
		resp, err := ts.respondent(row)
		if err != nil {
			ts.Close()
			return err
		}
		if err := s.Add(resp); err != nil {
			return err
		}
	}
	rest, line, ok := cr.unread()
	cr.t.keep, cr.t.tail = false, nil
	if !ok {
		return nil
	}
	comma := cr.t.comma
	s.fast = s.newFastState(ts, comma)
	s.fast.idsFull = &s.ids.full // scoring inline, too, stops hashing ids once the table is full
	in := io.MultiReader(bytes.NewReader(rest), cr.t.r)
	p := newPipeline(s, ts, comma)
	buf := append(make([]byte, 0, chunkBuf), rest[:0]...)
	eof := false
	for !p.stopped() {
		c := chunkOf(line)
		need := (c+1)*chunkLines - line + 1
		end, scan, seen := -1, 0, 0
		for end < 0 {
			seen, scan = countLines(buf, scan, seen, need)
			if seen == need {
				end = scan
				break
			}
			if eof {
				end = len(buf)
				break
			}
			if len(buf) >= maxChunkBytes {
				return p.fallback(buf, in, line)
			}
			if len(buf) == cap(buf) {
				buf = append(buf, make([]byte, cap(buf))...)[:len(buf)]
			}
			n, err := in.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				eof = true
			} else if err != nil {
				p.wait()
				ts.Close()
				var e *Error
				if errors.As(err, &e) {
					return e
				}
				return &Error{Pos: Position{File: ts.name, Line: line + seen}, Msg: "cannot read: " + err.Error(), Err: err}
			}
		}
		if end == 0 && eof {
			break
		}
		data := buf[:end]
		if bytes.IndexByte(data, '"') >= 0 || bareCR(data) {
			return p.fallback(buf, in, line)
		}
		next := p.buffer()
		next = append(next, buf[end:]...)
		p.score(c, line, data)
		buf = next
		line += seen
		if eof && len(buf) == 0 {
			break
		}
	}
	if err := p.wait(); err != nil {
		ts.Close()
		return err
	}
	ts.Close() // everything is read
	return nil
}

// pipeline runs the workers of addFast and merges their chunks in order.
type pipeline struct {
	s      *Scorer
	ts     *tableSource
	comma  byte
	n      int
	work   chan *fastJob
	order  chan *fastJob
	accs   chan *Scorer
	bufs   sync.Pool
	wg     sync.WaitGroup
	merged chan struct{}
	err    error
	stop   atomic.Bool
	closed bool
	// started is set once a chunk has gone to the workers; before that
	// the merger touches nothing and the reader may score inline.
	started bool
}

func newPipeline(s *Scorer, ts *tableSource, comma byte) *pipeline {
	p := &pipeline{s: s, ts: ts, comma: comma, n: runtime.GOMAXPROCS(0)}
	if p.n < 2 {
		return p
	}
	// Every job is in order (at most n) or being merged (one) while it
	// holds a scorer, so n+2 scorers never run out; few jobs in flight
	// keep few chunk buffers in memory.
	p.work = make(chan *fastJob)
	p.order = make(chan *fastJob, p.n)
	p.accs = make(chan *Scorer, p.n+2)
	for range p.n + 2 {
		w := NewScorer(s.r, s.opt)
		w.fast = w.newFastState(ts, comma)
		w.fast.idsFull = &s.ids.full
		p.accs <- w
	}
	for range p.n {
		p.wg.Go(func() {
			for j := range p.work {
				w := <-p.accs
				w.resetChunk()
				j.w, j.err = w, w.scoreLines(j.data, j.line)
				w.flushCounts()
				close(j.done)
			}
		})
	}
	p.merged = make(chan struct{})
	go func() {
		defer close(p.merged)
		for j := range p.order {
			<-j.done
			if p.err == nil {
				// The ids of the chunk's rows first: a repeat before
				// the row that stopped it is the first error.
				if err := s.takeIDs(j.w, ts.name, j.err); err != nil {
					p.err = err
					p.stop.Store(true)
				} else {
					s.merge(j.w, j.c)
				}
			}
			j.w.ids.pend = j.w.ids.pend[:0]
			p.accs <- j.w
			b := j.data[:0]
			p.bufs.Put(&b) // a pointer: a slice in an interface allocates
		}
	}()
	return p
}

func (p *pipeline) stopped() bool { return p.stop.Load() }

func (p *pipeline) buffer() []byte {
	if b, ok := p.bufs.Get().(*[]byte); ok {
		return *b
	}
	return make([]byte, 0, chunkBuf)
}

// score scores chunk c, inline when it continues the scorer's current
// chunk (the rows read with the header) or when there is one core.
func (p *pipeline) score(c, line int, data []byte) {
	if p.n < 2 || !p.started && c == p.s.chunk {
		if p.err == nil {
			p.err = p.s.takeIDs(p.s, p.ts.name, p.s.scoreLines(data, line))
			if p.err != nil {
				p.stop.Store(true)
			}
		}
		b := data[:0]
		p.bufs.Put(&b) // done with: the next chunk reads into it
		return
	}
	p.started = true
	j := &fastJob{c: c, line: line, data: data, done: make(chan struct{})}
	p.order <- j
	p.work <- j
}

// wait ends the workers and returns the first error in input order.
func (p *pipeline) wait() error {
	if p.n >= 2 && !p.closed {
		p.closed = true
		close(p.work)
		close(p.order)
		p.wg.Wait()
		<-p.merged
		// p stays reachable from the runtime's list of sync.Pools (bufs)
		// for a collection or two: let the scorers, whose workers point
		// at the main one's repeat check, go now.
		p.s, p.accs = nil, nil
	}
	return p.err
}

// fallback hands the rest of the input, from the chunk starting at line
// (whose bytes so far are buf), to encoding/csv.
func (p *pipeline) fallback(buf []byte, in io.Reader, line int) error {
	if err := p.wait(); err != nil {
		p.ts.Close()
		return err
	}
	r := io.MultiReader(bytes.NewReader(buf), in)
	rows := newCSVRowsAt(p.ts.name, r, p.comma, false, line)
	if old, ok := p.ts.rr.(*csvRows); ok {
		rows.fb = old.fb // the input's decoding goes on, and its warning
	}
	p.ts.rr = rows
	return nil
}

// bareCR reports whether data holds a CR that is not followed by LF: the
// plain path reports it (csvTracker), so the fast path hands it over.
func bareCR(data []byte) bool {
	n := bytes.Count(data, []byte{'\r'})
	return n > 0 && n != bytes.Count(data, []byte("\r\n"))
}
