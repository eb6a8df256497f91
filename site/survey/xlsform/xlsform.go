// Package xlsform writes a survey as an XLSForm workbook (KoboToolbox, ODK).
package xlsform

import (
	"errors"
	"io"

	"github.com/aiready/aiready/site/survey"
)

// Write writes the workbook of s to w.
func Write(w io.Writer, s *survey.Survey) error {
	return errors.New("xlsform: not written yet")
}

// HowTo says, step by step, how to use the file in the tool: shown by
// `aiready questionnaire --help` and in the README.
const HowTo = `(to be written)`
