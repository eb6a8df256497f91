package view

import (
	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
)

// FrameworkSection is one framework of the rubric in the report: the
// clauses that questions bear on, in the rubric's order.
type FrameworkSection struct {
	Def     *assess.Framework
	Clauses []*FrameworkClause
}

// FrameworkClause is one clause and the questions that bear on it.
type FrameworkClause struct {
	Def       *assess.Clause
	Questions []*FrameworkQuestion
}

// FrameworkQuestion is a question that bears on a clause, with its score:
// the question's mean answer on 0 to 100 (results.json's mean_value ×
// 100). Score is nil when the question has too few answers to show, and
// Why then says so.
type FrameworkQuestion struct {
	Def       *assess.Question
	Dimension *assess.Dimension
	N         int
	Score     *float64
	Why       string
}

// frameworks lists the rubric's frameworks that questions bear on, each
// with its clauses that questions bear on, in the rubric's order (Report.
// Frameworks); nil when the rubric maps no question to a framework. A
// question answered by fewer respondents than the smallest group shown
// has no score here: the page is evidence, and a handful of answers is
// not.
func (rep *Report) frameworks() {
	p := rep.P()
	var out []*FrameworkSection
	for _, f := range rep.Rubric.Frameworks {
		fs := &FrameworkSection{Def: f}
		for _, c := range f.Clauses {
			if len(c.Questions) == 0 {
				continue
			}
			fc := &FrameworkClause{Def: c}
			for _, q := range c.Questions {
				fc.Questions = append(fc.Questions, rep.frameworkQuestion(p, q))
			}
			fs.Clauses = append(fs.Clauses, fc)
		}
		if len(fs.Clauses) > 0 {
			out = append(out, fs)
		}
	}
	rep.Frameworks = out
}

func (rep *Report) frameworkQuestion(p *i18n.Printer, q *assess.Question) *FrameworkQuestion {
	fq := &FrameworkQuestion{Def: q, Dimension: q.Dim}
	if q.Index >= len(rep.Result.Questions) {
		fq.Why = p.T("report.frameworks.no_answers")
		return fq
	}
	qr := rep.Result.Questions[q.Index]
	fq.N = qr.N
	switch {
	case qr.Suppressed, qr.N > 0 && qr.N < rep.MinGroup():
		fq.Why = p.T("report.frameworks.too_few", rep.MinGroup())
	case qr.MeanValue == nil:
		fq.Why = p.T("report.frameworks.no_answers")
	default:
		s := *qr.MeanValue * 100
		fq.Score = &s
	}
	return fq
}

// ScoreText is the question's score as every output writes it, or why
// there is none.
func (fq *FrameworkQuestion) ScoreText(p *i18n.Printer) string {
	if fq.Score == nil {
		return fq.Why
	}
	return Score(p, *fq.Score)
}

// FrameworksNote says what the scores on the Frameworks page are and
// what the mapping is not.
func FrameworksNote(p *i18n.Printer, minGroup int) string {
	return p.T("report.frameworks.note", minGroup)
}
