package assess

import "io"

// Pilot scores a pilot's answers (files, "-" for in) against r and
// returns the result, whose Reliability is the table validate --answers
// prints.
func Pilot(r *Rubric, files []string, in io.Reader) (*Result, error) {
	p, err := NewPlan(Settings{RubricData: r, Inputs: files, Stdin: in, DateOnlyIfGiven: true})
	if err != nil {
		return nil, err
	}
	return p.Score(nil)
}
