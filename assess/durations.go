package assess

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// How long a respondent took, read from an export's duration or its start
// and end times, for finding speeders only (quality.go): never shown,
// never in an output.

// maxSeconds bounds a duration taken as real: a week. A longer one (a
// survey left open, a mistyped date) is no evidence of speeding either way.
const maxSeconds = 7 * 24 * 3600

// parseSeconds reads a duration in seconds ("161", "161.0").
func parseSeconds(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || x < 0 || x > maxSeconds {
		return 0, false
	}
	return x, true
}

// stampLayouts are the time stamps the exports write: ISO (Qualtrics,
// LimeSurvey), and the locale's dates of Microsoft Forms, SurveyMonkey
// and Excel re-saves: month first (US), day first, dotted (German), with
// or without seconds and AM/PM. Both stamps of a row are read with the
// first layout that reads both, so an ambiguous 3/2 is the same day in
// each.
var stampLayouts = []string{
	"2006-01-02 15:04:05", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04",
	"1/2/06 15:04", "1/2/06 15:04:05", "1/2/2006 15:04", "1/2/2006 15:04:05",
	"1/2/2006 3:04 PM", "1/2/2006 3:04:05 PM", "1/2/06 3:04 PM", "1/2/06 3:04:05 PM",
	"2/1/2006 15:04", "2/1/2006 15:04:05", "2/1/06 15:04", "2/1/06 15:04:05",
	"2.1.2006 15:04", "2.1.2006 15:04:05", "2.1.06 15:04", "2.1.06 15:04:05",
}

// elapsed is the time from start to end, in seconds. Stamps that are
// numbers are Excel's serial days (a workbook's date cells).
func elapsed(start, end string) (float64, bool) {
	start, end = strings.TrimSpace(start), strings.TrimSpace(end)
	if start == "" || end == "" || len(start) > 64 || len(end) > 64 {
		return 0, false
	}
	a, err1 := strconv.ParseFloat(start, 64)
	b, err2 := strconv.ParseFloat(end, 64)
	if err1 == nil && err2 == nil {
		return within(math.Round((b - a) * 86400)) // to the second: serials are not exact
	}
	for _, l := range stampLayouts {
		t0, err := time.Parse(l, start)
		if err != nil {
			continue
		}
		t1, err := time.Parse(l, end)
		if err != nil {
			continue
		}
		return within(t1.Sub(t0).Seconds())
	}
	return 0, false
}

func within(d float64) (float64, bool) {
	if math.IsNaN(d) || d < 0 || d > maxSeconds {
		return 0, false
	}
	return d, true
}
