package assess

import (
	"fmt"
	"math"
	"slices"
)

// Norms are a consultancy's benchmark: how earlier assessments with the
// same rubric scored on each dimension, so that a new one can be placed
// among them as a percentile. They hold aggregates only: per dimension,
// how many assessments scored each whole point. Nothing of a segment,
// nothing of a group below MinGroupSize, no name, no client.
type Norms struct {
	// Rubric and Version are the method every assessment in the norms used;
	// scores of another rubric or version are not comparable.
	Rubric, Version string
	// MinGroupSize is the least number of respondents an assessment (and a
	// dimension of it) needs to be counted.
	MinGroupSize int
	// Sources are the sorted keys (NormsSource.Key) of the assessments
	// folded in, so that none counts twice.
	Sources []string
	// Dimensions are in the rubric's order.
	Dimensions []*NormsDimension

	file string     // where it was read from, for positions
	ix   *tomlIndex // nil for new norms
}

// NormsDimension is one dimension's distribution of assessment scores.
type NormsDimension struct {
	ID string
	// Counts[p] is how many assessments scored at least p and less than
	// p+1 (100 counts as 100).
	Counts [101]int
	N      int // the sum of Counts
}

// MinNormsAssessments is the least number of assessments that norms need
// before a percentile is shown: against fewer, one assessment more or less
// swings the percentile by ten points or more, and a handful of known
// clients could be told apart.
const MinNormsAssessments = 10

// NormsFormat is the norms file's "format"; it rises on a breaking change.
const NormsFormat = 1

// NewNorms returns empty norms that count only groups of at least minGroup.
func NewNorms(minGroup int) *Norms { return &Norms{MinGroupSize: max(minGroup, 1)} }

// Assessments is how many assessments the norms hold.
func (n *Norms) Assessments() int { return len(n.Sources) }

// Dimension returns the distribution of a dimension, or nil.
func (n *Norms) Dimension(id string) *NormsDimension {
	for _, d := range n.Dimensions {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// NormsSource is what norms take from one results.json: its key, method,
// size and the whole group's dimension scores. Segments are never read.
type NormsSource struct {
	File            string
	Key             string // sha256 of the scored content, see ReadNormsSource
	Rubric, Version string
	Respondents     int
	Dimensions      []NormsScore
	rubricPos       Position
}

// NormsScore is the whole group's score on one dimension.
type NormsScore struct {
	ID    string
	Score *float64
	N     int
}

// Fold outcomes, for the message a command prints.
const (
	FoldAdded     = "added"
	FoldDuplicate = "already in the norms"
	FoldSmall     = "too few respondents"
)

// Fold adds an assessment to the norms. It returns FoldAdded, or why the
// assessment was left out: it is already in (same key), or it has fewer
// respondents than MinGroupSize. A dimension answered by fewer than
// MinGroupSize respondents is left out of that dimension alone. An
// assessment of another rubric or version, or with other dimensions, is
// an error: its scores do not measure the same thing.
func (n *Norms) Fold(s *NormsSource) (string, error) {
	if len(n.Sources) > 0 || n.Rubric != "" {
		if s.Rubric != n.Rubric || s.Version != n.Version {
			return "", Errorf(s.rubricPos, "rubric %q version %q, but the norms hold rubric %q version %q; keep one norms file per rubric version",
				s.Rubric, s.Version, n.Rubric, n.Version)
		}
		if !sameDimensions(n.Dimensions, s.Dimensions) {
			return "", Errorf(s.rubricPos, "dimensions %v differ from the norms' %v, though the rubric id and version are the same; give the changed rubric a new version",
				scoreIDs(s.Dimensions), dimIDs(n.Dimensions))
		}
	}
	if _, found := slices.BinarySearch(n.Sources, s.Key); found {
		return FoldDuplicate, nil
	}
	if s.Respondents < n.MinGroupSize {
		return FoldSmall, nil
	}
	if n.Rubric == "" {
		n.Rubric, n.Version = s.Rubric, s.Version
		for _, d := range s.Dimensions {
			n.Dimensions = append(n.Dimensions, &NormsDimension{ID: d.ID})
		}
	}
	i, _ := slices.BinarySearch(n.Sources, s.Key)
	n.Sources = slices.Insert(n.Sources, i, s.Key)
	for i, d := range s.Dimensions {
		if d.Score == nil || d.N < n.MinGroupSize {
			continue
		}
		nd := n.Dimensions[i]
		nd.Counts[bin(*d.Score)]++
		nd.N++
	}
	return FoldAdded, nil
}

func bin(score float64) int {
	return int(math.Floor(math.Max(0, math.Min(100, score))))
}

// Percentile is the share of the norms' assessments that scored below
// score, counting those in the same whole point as half (the usual
// percentile rank), from 0 to 100.
func (d *NormsDimension) Percentile(score float64) float64 {
	if d.N == 0 {
		return math.NaN()
	}
	b := bin(score)
	below := 0
	for _, c := range d.Counts[:b] {
		below += c
	}
	return 100 * (float64(below) + float64(d.Counts[b])/2) / float64(d.N)
}

// NormsResult is results.json's "norms" block: each dimension's place
// among the norms. Suppressed (with only Assessments) when the norms hold
// fewer than MinNormsAssessments.
type NormsResult struct {
	Rubric      string          `json:"rubric"`
	Version     string          `json:"version"`
	Assessments int             `json:"assessments"`
	Suppressed  bool            `json:"suppressed"`
	Dimensions  []DimensionNorm `json:"dimensions,omitempty"`
}

// DimensionNorm is one dimension's percentile. Percentile is null when the
// dimension has no score, or fewer than MinNormsAssessments in the norms.
type DimensionNorm struct {
	ID         string   `json:"id"`
	N          int      `json:"n"`
	Percentile *float64 `json:"percentile"`
}

// Apply sets res.Norms. Norms of another rubric or version are an error,
// at the norms file's rubric key.
func (n *Norms) Apply(res *Result) error {
	if n.Rubric != res.Rubric.ID || n.Version != res.Rubric.Version {
		return Errorf(n.pos("rubric"), "the norms are for rubric %q version %q; this assessment uses %q version %q, so its scores cannot be compared",
			n.Rubric, n.Version, res.Rubric.ID, res.Rubric.Version)
	}
	nr := &NormsResult{Rubric: n.Rubric, Version: n.Version, Assessments: n.Assessments()}
	res.Norms = nr
	if nr.Assessments < MinNormsAssessments {
		nr.Suppressed = true
		return nil
	}
	for _, d := range res.Dimensions {
		dn := DimensionNorm{ID: d.ID}
		if nd := n.Dimension(d.ID); nd != nil {
			dn.N = nd.N
			if d.Score != nil && nd.N >= MinNormsAssessments {
				p := nd.Percentile(*d.Score)
				dn.Percentile = &p
			}
		}
		nr.Dimensions = append(nr.Dimensions, dn)
	}
	return nil
}

func (n *Norms) pos(key ...any) Position {
	if n.ix == nil {
		return Position{File: n.file}
	}
	return n.ix.at(tomlPath(key...))
}

func sameDimensions(nd []*NormsDimension, sd []NormsScore) bool {
	return slices.Equal(dimIDs(nd), scoreIDs(sd))
}

func dimIDs(ds []*NormsDimension) []string {
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	return ids
}

func scoreIDs(ds []NormsScore) []string {
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	return ids
}

// String names the norms for messages.
func (n *Norms) String() string {
	return fmt.Sprintf("%s (rubric %q version %q, %d assessments)", n.file, n.Rubric, n.Version, n.Assessments())
}
