package assess

// How far the figures can be trusted, and what drives the outcome (SPEC
// "Reliability of each dimension", "Participation", "What drives the
// outcome"). Every figure is worked out from sufficient statistics kept
// while reading, never from the respondents' rows.

// ReliabilityResult is Cronbach's alpha of one dimension with at least two
// scored questions, over the N respondents who answered all of them.
// Alpha is nil with fewer than MinReliabilityN such respondents or zero
// total variance.
type ReliabilityResult struct {
	Dimension string            `json:"dimension"`
	Alpha     *float64          `json:"alpha"`
	N         int               `json:"n"`
	Items     []ItemReliability `json:"items"`
}

// ItemReliability is one question's corrected item-total (item-rest)
// correlation and the alpha of its dimension without it; nil where not
// computable.
type ItemReliability struct {
	ID             string   `json:"id"`
	ItemRest       *float64 `json:"item_rest"`
	AlphaIfDeleted *float64 `json:"alpha_if_deleted"`
}

// MinReliabilityN is the fewest complete respondents for an alpha.
const MinReliabilityN = 10

// Reliability thresholds the methodology page names (SPEC).
const (
	WeakAlpha    = 0.7
	WeakItemRest = 0.2
)

// ParticipationResult is the response rate, with [population] in
// assessment.toml: overall, and for each shown group with a head count.
// A suppressed group is never listed.
type ParticipationResult struct {
	Population int                    `json:"population"`
	Rate       float64                `json:"rate"`
	Segments   []SegmentParticipation `json:"segments"`
}

// SegmentParticipation is one shown group's response rate.
type SegmentParticipation struct {
	Attribute  string  `json:"attribute"`
	Value      string  `json:"value"`
	Population int     `json:"population"`
	Rate       float64 `json:"rate"`
}

// LowParticipation is the response rate below which the rate is named
// as a limit of the findings.
const LowParticipation = 0.6

// DriversResult is what drives the outcome question: Johnson's relative
// weights of the dimensions over the N respondents with the outcome and
// every dimension score; the weights sum to R2.
type DriversResult struct {
	Outcome    string         `json:"outcome"`
	N          int            `json:"n"`
	R2         float64        `json:"r2"`
	Dimensions []DriverWeight `json:"dimensions"`
}

// DriverWeight is one dimension's relative weight.
type DriverWeight struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"`
}

// MinDriversN is the fewest respondents for a drivers analysis.
const MinDriversN = 30
