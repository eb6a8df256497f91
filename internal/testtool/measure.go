package testtool

import "github.com/aiready/aiready/assess"

// Measured sets issue 19's figures, crafted by hand, on the demo's result (the built-in
// rubric scored on the demo answers: 150 respondents; every dimension
// below the target of 75; the teams Internal Audit and Marketing
// suppressed), so that the site, the PDF and report.md can be checked
// before assess computes them. The tests check the words below against
// figures worked out here, never against the program's own output.
//
//	reliability: service alpha 0.81 (n 131), s04 item-rest -0.31 and alpha
//	  without it 0.864 (reads as reverse-keyed, and alpha would rise to
//	  0.86), s02 0.55 / 0.78 (fine); human alpha 0.62 (n 128: weak, below
//	  0.7), h03 item-rest 0.12 (below 0.2) / 0.6 (no rise); upskill null
//	  with n 7 (fewer than 10); longterm null with n 40 (no spread).
//	participation: 150 of 300 asked, 50% (below 60%); Frontline staff 100
//	  of 250, 40% (low); Executive 8 of 10, 80%; Internal Audit and
//	  Marketing are suppressed groups with head counts, never shown.
//	response quality: 2 straight-liners, 1 speeder, 3 left out.
//	drivers: outcome s06, n 140, R² 0.41; weights service 0.19 (46% of
//	  R²), human 0.12 (29%), upskill 0.06 (15%), longterm 0.04 (10%). The
//	  even share is 25%: service and human are above it and below the
//	  target, so they are to fix first, service first.
func Measured(res *assess.Result) {
	f := func(v float64) *float64 { return &v }
	res.Reliability = []assess.ReliabilityResult{
		{Dimension: "service", Alpha: f(0.81), N: 131, Items: []assess.ItemReliability{
			{ID: "s02", ItemRest: f(0.55), AlphaIfDeleted: f(0.78)},
			{ID: "s04", ItemRest: f(-0.31), AlphaIfDeleted: f(0.864)},
		}},
		{Dimension: "human", Alpha: f(0.62), N: 128, Items: []assess.ItemReliability{
			{ID: "h01", ItemRest: f(0.41), AlphaIfDeleted: f(0.55)},
			{ID: "h03", ItemRest: f(0.12), AlphaIfDeleted: f(0.6)},
		}},
		{Dimension: "upskill", N: 7},
		{Dimension: "longterm", N: 40},
	}
	res.Participation = &assess.ParticipationResult{Population: 300, Rate: 0.5, Segments: []assess.SegmentParticipation{
		{Attribute: "Role", Value: "Executive", Population: 10, Rate: 0.8},
		{Attribute: "Role", Value: "Frontline staff", Population: 250, Rate: 0.4},
		{Attribute: "Team", Value: "Internal Audit", Population: MeasuredSuppressedPopulation, Rate: 0.25},
		{Attribute: "Team", Value: "Marketing", Population: 9, Rate: 0.3333},
	}}
	res.DataQuality.StraightLiners, res.DataQuality.Speeders, res.DataQuality.Excluded = 2, 1, 3
	res.Drivers = &assess.DriversResult{Outcome: "s06", N: 140, R2: 0.41, Dimensions: []assess.DriverWeight{
		{ID: "service", Weight: 0.19}, {ID: "human", Weight: 0.12}, {ID: "upskill", Weight: 0.06}, {ID: "longterm", Weight: 0.04},
	}}
}

// MeasuredSuppressedPopulation is the head count Measured gives the
// suppressed team Internal Audit: a figure no output may show.
const MeasuredSuppressedPopulation = 17

// MeasuredWords are what every output of a result with Measured's figures
// must say, in English, as its text reads with tags, table rules and
// emphasis taken away and white space made single spaces: the figures
// of Measured's comment, written out by hand.
var MeasuredWords = []string{
	// reliability
	"Service, not savings 0.81 131",
	"Humans in the loop 0.62 128 Weak: below 0.7",
	"No alpha: fewer than 10 respondents answered all its questions (7 did).",
	"No alpha: the respondents’ totals did not vary.",
	"s04 “Our AI business cases count headcount reduction as the main benefit.”: This question behaves as if it were reverse-keyed (item-rest correlation −0.31)",
	"Without it, alpha would rise from 0.81 to 0.86.",
	"(item-rest correlation 0.12, below 0.2)",
	// participation
	"150 of the 300 people asked answered: a response rate of 50%.",
	"Everyone asked 300 150 50%",
	"Role: Executive 10 8 80%",
	"Role: Frontline staff 250 100 40%",
	"A response rate of 50% is below 60%",
	"The response rate is below 60% in one group, Role: Frontline staff (40%)",
	// response quality
	"3 respondents left out: they gave the same answer to every scale question (2) or they answered in under a third of the median time (1).",
	// drivers
	"together the dimensions explain 41% of its variance (R² = 0.41)",
	"Fix first: Service, not savings (importance 46%",
	"Humans in the loop (importance 29%",
	"They matter more than the even share of 25% and score below the target of 75.",
}

// MeasuredHidden are the suppressed groups that Measured gives head
// counts: no participation table may list them.
var MeasuredHidden = []string{"Internal Audit", "Marketing"}
