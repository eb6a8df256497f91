package assess

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"sort"
	"sync/atomic"
)

// The same respondent twice. A respondent id that an input gives (its id
// column, or a native respondent's id; never the "row N" made up for an
// input without one) and that comes back on another row, of the same
// input or a later one, is counted and reported with both places: an
// export appended to itself, or two exports that overlap, would otherwise
// count those people twice in silence. Both rows are still counted;
// Options.Strict makes the first repeat an error.
//
// Memory must not grow with respondents, so only a 64-bit hash of each id
// and where it was first met are kept, in one table of fixed size that
// holds MaxCheckedIDs ids. Past that many distinct ids the check stops:
// the rows after are counted in IDRepeats.Unchecked, and inspect says so.
// Two different ids share a hash with odds of about n²/2⁶⁵ (1 in 5·10⁸ at
// MaxCheckedIDs), and the hash is the same on every run, so two builds of
// the same inputs report the same repeats.

// MaxCheckedIDs is how many distinct respondent ids the repeat check
// holds (a 4 MiB table, and a log of up to 2 MiB touched as far as it is
// filled); docs/imports.md "The same answers twice".
const MaxCheckedIDs = 1 << idBits

const (
	idBits = 18
	// idSlots: the table is never more than half full.
	idSlots = 2 << idBits
	// maxReportedRepeats bounds the repeats kept with their places; all
	// of them are counted.
	maxReportedRepeats = 10
)

// IDRepeats tells which rows repeat an earlier row's respondent id. It
// is part of DataQuality; the ids themselves are never kept.
type IDRepeats struct {
	// RepeatedIDs counts the rows whose respondent id an earlier row has.
	RepeatedIDs int `json:"repeated_ids,omitempty"`
	// Repeated holds the first repeats with both places, for warnings.
	Repeated []RepeatedID `json:"-"`
	// Unchecked counts the rows with an id that were not checked: those
	// after MaxCheckedIDs distinct ids.
	Unchecked int `json:"-"`
}

// RepeatedID is a row whose respondent id the row at First has already
// given.
type RepeatedID struct {
	Pos, First Position
}

// Error is the repeat as --strict reports it, and as a warning's text.
func (r RepeatedID) Error() *Error {
	return &Error{Pos: r.Pos, Msg: fmt.Sprintf("this row has the same respondent id as %s (exported twice?)", r.First.place()), Err: ErrRepeatedID}
}

// place is a position as FILE:LINE, the way a message names another row.
func (p Position) place() string {
	return Position{File: p.File, Line: p.Line}.String()
}

// idCheck is a scorer's repeat check: the table of ids met (nil until the
// first), what it found, and, in the fast path, the ids of a chunk's rows
// waiting to be checked in input order (takeIDs).
type idCheck struct {
	t *idTable
	IDRepeats
	pend []idRow
	// full is set once t is: the fast path's workers then only count
	// the rows with an id (in Unchecked, which takeIDs adds up).
	full atomic.Bool
}

// idRow is a row's id hash and line, as a worker of the fast path notes it.
type idRow struct {
	h    uint64
	line int
}

// idTable is open addressing by linear probing over idSlots slots of
// one word each: the high bits of a hash (above the 19 that choose its
// first slot) and its number in the log of ids kept, plus one (0 marks
// an empty slot). The log holds, in a word per id written one after
// another, the hash's low bits and where it was first met; it is read
// only when a slot's high bits match, to tell the hash whole: a repeat,
// almost always. So adding an id reads and writes one word of the 4 MiB
// table, at random, and the log's 2 MiB are touched as far as they are
// filled.
type idTable struct {
	slots []uint64
	log   []uint64 // place<<32 | the hash's low bits, in the order kept
	full  bool     // an id did not fit: nothing after it is checked
	// A place is a line number plus the base of its input, so that one
	// 32-bit number tells both.
	files []idFile
	next  uint64 // the place after the last one kept
	touch uint64 // takeIDs' loads, kept so that they are made
}

type idFile struct {
	name string
	base uint64
}

// A hash's low idBits+1 bits choose its first slot; a slot's hold the
// log number of its id, plus one (at most MaxCheckedIDs).
const idLogMask = idSlots - 1

// seeID checks the id of the respondent at pos, given by hash h; under
// Strict a repeat is the error.
func (s *Scorer) seeID(h uint64, pos Position) error {
	return s.ids.see(h, pos, s.opt.Strict)
}

func (c *idCheck) see(h uint64, pos Position, strict bool) error {
	t := c.table()
	first, ok := t.add(h, t.base(pos.File)+uint64(max(pos.Line, 1)))
	switch {
	case ok:
		return c.repeat(pos, t.position(first), strict)
	case t.full:
		c.Unchecked++
	}
	return nil
}

func (c *idCheck) table() *idTable {
	if c.t == nil {
		c.t = &idTable{slots: make([]uint64, idSlots), log: make([]uint64, 0, MaxCheckedIDs)}
	}
	return c.t
}

// repeat counts the row at pos, whose id the row at first gave; under
// strict it is the error.
func (c *idCheck) repeat(pos, first Position, strict bool) error {
	r := RepeatedID{Pos: pos, First: first}
	if strict {
		e := r.Error()
		e.Msg += "; give each respondent once, or score without --strict to count both"
		return e
	}
	c.RepeatedIDs++
	if len(c.Repeated) < maxReportedRepeats {
		c.Repeated = append(c.Repeated, r)
	}
	return nil
}

// checkID checks the id of a respondent that Add has counted.
func (s *Scorer) checkID(resp *Respondent) error {
	return s.ids.respondent(resp, s.opt.Strict)
}

func (c *idCheck) respondent(resp *Respondent, strict bool) error {
	if resp.ID == "" || resp.IDGenerated {
		return nil
	}
	return c.see(idHash([]byte(resp.ID)), resp.Pos, strict)
}

// IDCheck finds repeated respondent ids across the inputs that Inspect
// reads with it (InspectWith), as a Scorer does across its sources.
type IDCheck struct{ c idCheck }

// noteID notes the id cell of a row the fast path has counted, for
// takeIDs; the cell is checked to be UTF-8 already (splitRow).
func (s *Scorer) noteID(f *fastState, l []byte, nf, line int) {
	j := f.idCol
	if j < 0 || j >= nf {
		return
	}
	if f.idsOff { // past the cap: only counted, which needs no trimming
		if hasText(l[f.starts[j]:f.ends[j]]) {
			s.ids.Unchecked++
		}
		return
	}
	if v := trimSpace(l[f.starts[j]:f.ends[j]]); len(v) > 0 {
		s.ids.pend = append(s.ids.pend, idRow{idHash(v), line})
	}
}

// takeIDs checks the ids w (a worker, or s itself) noted while scoring a
// chunk of input name, in input order, and forgets them. err is the error
// that stopped the chunk, after the rows noted: a repeat before it comes
// first.
func (s *Scorer) takeIDs(w *Scorer, name string, err error) error {
	pend := w.ids.pend
	w.ids.pend = pend[:0]
	c := &s.ids
	if w != s {
		c.Unchecked += w.ids.Unchecked
		w.ids.Unchecked = 0
	}
	if len(pend) == 0 {
		return err
	}
	t := c.table()
	base := t.base(name)
	defer func() { c.full.Store(t.full) }()
	for k := 0; k < len(pend); k += 16 {
		if t.full {
			c.Unchecked += len(pend) - k
			break
		}
		batch := pend[k:min(k+16, len(pend))]
		// The slots of the batch's ids are fetched first, by loads that
		// wait for nothing, so that their cache misses overlap.
		var touch uint64
		for _, r := range batch {
			touch += t.slots[r.h&(idSlots-1)]
		}
		t.touch += touch
		for _, r := range batch {
			first, ok := t.add(r.h, base+uint64(r.line))
			switch {
			case ok:
				if e := c.repeat(Position{File: name, Line: r.line, Col: 1}, t.position(first), s.opt.Strict); e != nil {
					return e
				}
			case t.full:
				c.Unchecked++
			}
		}
	}
	return err
}

// add puts h, met at place, into the table, or returns where it was
// first met if it was met before. A full table adds nothing and finds
// nothing.
func (t *idTable) add(h, place uint64) (uint32, bool) {
	if t.full {
		return 0, false
	}
	const mask = idSlots - 1
	hi := h &^ idLogMask
	i := h & mask
	for {
		v := t.slots[i]
		if v == 0 {
			break
		}
		if v&^idLogMask == hi {
			if e := t.log[v&idLogMask-1]; e&idLogMask == h&idLogMask {
				return uint32(e >> 32), true
			}
		}
		i = (i + 1) & mask
	}
	n := len(t.log)
	if n >= MaxCheckedIDs || place > math.MaxUint32 {
		t.full = true
		return 0, false
	}
	t.slots[i] = hi | uint64(n+1)
	t.log = append(t.log, place<<32|h&idLogMask)
	if n == idResidentAt {
		t.resident()
	}
	t.next = max(t.next, place+1)
	return 0, false
}

// idResidentAt is the number of ids at which the whole log is made
// resident (idTable.resident).
const idResidentAt = 4096

// resident makes every page of the log resident, as random inserts by
// then have made nearly every page of the slots: the memory then stays
// the same from some thousands of ids to the cap ("flat" in bench/run)
// rather than creeping up with respondents, and a small survey does not
// pay for it.
func (t *idTable) resident() {
	log := t.log[:MaxCheckedIDs]
	for i := len(t.log); i < len(log); i += 4096 / 8 {
		log[i] = 0
	}
}

// base returns the number that the lines of input name are added to, to
// make places: a new input's is past every place given so far.
func (t *idTable) base(name string) uint64 {
	if len(t.files) == 0 || t.files[len(t.files)-1].name != name {
		t.files = append(t.files, idFile{name: name, base: t.next})
	}
	return t.files[len(t.files)-1].base
}

// position decodes a place: the last input whose base is below it.
func (t *idTable) position(p uint32) Position {
	i := sort.Search(len(t.files), func(i int) bool { return t.files[i].base >= uint64(p) }) - 1
	f := t.files[max(i, 0)]
	return Position{File: f.name, Line: int(uint64(p) - f.base), Col: 1}
}

// idHash is a 64-bit hash of an id, the same on every run: eight bytes
// at a time, each word mixed in by a multiplication whose high and low
// halves are folded together, then murmur3's finaliser. The last word is
// read as wyhash does: the last eight bytes, overlapping the word before;
// of a shorter id, its first and last four bytes, or three of its bytes,
// which with its length tell it whole.
func idHash(b []byte) uint64 {
	const k0, k1 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	n := len(b)
	h := uint64(n)*k0 ^ 0x8ebc6af09c88c6e3
	var w uint64
	switch {
	case n > 8: // all but the last word, folded in
		for p := 0; p < n-8; p += 8 {
			hi, lo := bits.Mul64(h^binary.LittleEndian.Uint64(b[p:]), k1)
			h = hi ^ lo
		}
		w = binary.LittleEndian.Uint64(b[n-8:])
	case n >= 4:
		w = uint64(binary.LittleEndian.Uint32(b))<<32 | uint64(binary.LittleEndian.Uint32(b[n-4:]))
	case n > 0:
		w = uint64(b[0])<<16 | uint64(b[n/2])<<8 | uint64(b[n-1])
	}
	if n > 8 {
		hi, lo := bits.Mul64(h^w, k1)
		w = hi ^ lo
	} else {
		// a bijection of w for each length: no two ids of up to eight
		// bytes and one length share a hash
		w ^= h
	}
	h = w ^ w>>33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// result is what the check found, for DataQuality.
func (c *idCheck) result() IDRepeats {
	r := c.IDRepeats
	r.Repeated = append([]RepeatedID(nil), r.Repeated...)
	return r
}
