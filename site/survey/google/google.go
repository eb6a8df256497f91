// Package google writes a survey as a Google Apps Script that creates the
// Google Form.
package google

import (
	"errors"
	"io"

	"github.com/aiready/aiready/site/survey"
)

// Write writes the script of s to w.
func Write(w io.Writer, s *survey.Survey) error {
	return errors.New("google: not written yet")
}

// HowTo says, step by step, how to use the file in the tool: shown by
// `aiready questionnaire --help` and in the README.
const HowTo = `(to be written)`
