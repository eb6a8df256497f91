// Package qsf writes a survey as a Qualtrics survey file (QSF).
package qsf

import (
	"errors"
	"io"

	"github.com/aiready/aiready/site/survey"
)

// Write writes the survey file of s to w.
func Write(w io.Writer, s *survey.Survey) error {
	return errors.New("qsf: not written yet")
}

// HowTo says, step by step, how to use the file in the tool: shown by
// `aiready questionnaire --help` and in the README.
const HowTo = `(to be written)`
