package assess

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"sort"
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
// Two different ids share a hash with odds of about n²/2⁶⁵ (1 in 10⁸ at
// MaxCheckedIDs), and the hash is the same on every run, so two builds of
// the same inputs report the same repeats.

// MaxCheckedIDs is how many distinct respondent ids the repeat check
// holds (a 6 MiB table); docs/imports.md "The same answers twice".
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
}

// idRow is a row's id hash and line, as a worker of the fast path notes it.
type idRow struct {
	h    uint64
	line int
}

// idTable is open addressing by linear probing over idSlots slots: keys
// holds the hashes (0 for an empty slot), places where each was first met.
type idTable struct {
	keys   []uint64
	places []uint32
	n      int
	full   bool // an id did not fit: nothing after it is checked
	// A place is a line number plus the base of its input, so that one
	// 32-bit number tells both.
	files []idFile
	next  uint64 // the place after the last one kept
}

type idFile struct {
	name string
	base uint64
}

// seeID checks the id of the respondent at pos, given by hash h; under
// Strict a repeat is the error.
func (s *Scorer) seeID(h uint64, pos Position) error {
	return s.ids.see(h, pos, s.opt.Strict)
}

func (c *idCheck) see(h uint64, pos Position, strict bool) error {
	if c.t == nil {
		c.t = &idTable{keys: make([]uint64, idSlots), places: make([]uint32, idSlots)}
	}
	first, ok := c.t.see(h, pos)
	if !ok {
		if c.t.full {
			c.Unchecked++
		}
		return nil
	}
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
	if v := trimSpace(l[f.starts[j]:f.ends[j]]); len(v) > 0 {
		s.ids.pend = append(s.ids.pend, idRow{idHash(v), line})
	}
}

// takeIDs checks the ids w (a worker, or s itself) noted while scoring a
// chunk, in input order, and forgets them. err is the error that stopped
// the chunk, after the rows noted: a repeat before it comes first.
func (s *Scorer) takeIDs(w *Scorer, name string, err error) error {
	pend := w.ids.pend
	w.ids.pend = pend[:0]
	for _, r := range pend {
		if e := s.seeID(r.h, Position{File: name, Line: r.line, Col: 1}); e != nil {
			return e
		}
	}
	return err
}

// see adds h, met at pos, and returns where it was first met if it was
// met before. A full table adds nothing and finds nothing.
func (t *idTable) see(h uint64, pos Position) (Position, bool) {
	if t.full {
		return Position{}, false
	}
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	const mask = idSlots - 1
	i := h >> (64 - idBits - 1)
	for {
		k := t.keys[i]
		if k == h {
			return t.position(t.places[i]), true
		}
		if k == 0 {
			break
		}
		i = (i + 1) & mask
	}
	p, ok := t.place(pos)
	if !ok || t.n >= MaxCheckedIDs {
		t.full = true
		return Position{}, false
	}
	t.keys[i], t.places[i] = h, p
	t.n++
	return Position{}, false
}

// place encodes pos as a number that position decodes.
func (t *idTable) place(pos Position) (uint32, bool) {
	if len(t.files) == 0 || t.files[len(t.files)-1].name != pos.File {
		t.files = append(t.files, idFile{name: pos.File, base: t.next})
	}
	f := t.files[len(t.files)-1]
	p := f.base + uint64(max(pos.Line, 1))
	if p > math.MaxUint32 {
		return 0, false
	}
	t.next = max(t.next, p+1)
	return uint32(p), true
}

// position decodes a place: the last input whose base is below it.
func (t *idTable) position(p uint32) Position {
	i := sort.Search(len(t.files), func(i int) bool { return t.files[i].base >= uint64(p) }) - 1
	f := t.files[max(i, 0)]
	return Position{File: f.name, Line: int(uint64(p) - f.base), Col: 1}
}

// idHash is a 64-bit hash of an id, the same on every run: eight bytes
// at a time, each word mixed in by a multiplication whose high and low
// halves are folded together, then murmur3's finaliser.
func idHash(b []byte) uint64 {
	const k0, k1 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	h := uint64(len(b))*k0 ^ 0x8ebc6af09c88c6e3
	for len(b) >= 8 {
		hi, lo := bits.Mul64(h^binary.LittleEndian.Uint64(b), k1)
		h = hi ^ lo
		b = b[8:]
	}
	var w uint64
	for i := len(b) - 1; i >= 0; i-- {
		w = w<<8 | uint64(b[i])
	}
	hi, lo := bits.Mul64(h^w^k0, k1)
	h = hi ^ lo
	h ^= h >> 33
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
