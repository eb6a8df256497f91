package assess

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// What drives the outcome (SPEC "What drives the outcome"): Johnson's
// (2000) relative weights of the dimensions for the rubric's outcome
// question, from the sums and cross-products of the dimension scores and
// the outcome's value over the respondents who have all of them; never
// the rows. Scores are kept shifted by 50 and the outcome by one half,
// which changes no correlation and keeps the sums of squares small.

// drvStat is the sums of p dimension scores and the outcome (p+1
// variables x): n, Σx_i (p+1), and Σx_i·x_j for i <= j, row by row.
type drvStat struct {
	q int // the outcome question
	msums
	x []float64 // scratch: the respondent's x
}

func newDrvStat(r *Rubric) *drvStat {
	if r.Outcome == nil || len(r.Dimensions) == 0 {
		return nil
	}
	k := len(r.Dimensions) + 1
	size := k + k*(k+1)/2
	return &drvStat{q: r.Outcome.Index, msums: newMSums(size), x: make([]float64, k)}
}

// add counts the respondent with dimension sums rd and the outcome
// answered with value u + 0.5, if every dimension score is there.
func (st *drvStat) add(rd []rdim, u float64) {
	x := st.x
	for d := range rd {
		if !rd[d].ok {
			return
		}
		x[d] = rd[d].v - 50
	}
	x[len(rd)] = u
	st.n++
	k := len(x)
	p := st.psum
	for i, xi := range x {
		p[i] += xi
	}
	o := k
	for i, xi := range x {
		for _, xj := range x[i:] {
			p[o] += float64(xi * xj) // rounded before the sum: no fused multiply-add
			o++
		}
	}
}

// result works out the relative weights from the sums (flushed); nil
// with fewer than MinDriversN respondents, a constant variable or
// dimensions that are linearly dependent.
func (st *drvStat) result(r *Rubric) *DriversResult {
	if st == nil || st.n < MinDriversN {
		return nil
	}
	k := len(st.x)
	n := float64(st.n)
	cov := mat.NewSymDense(k, nil)
	o := k
	for i := range k {
		for j := i; j < k; j++ {
			cov.SetSym(i, j, (st.sum[o]-st.sum[i]*st.sum[j]/n)/(n-1))
			o++
		}
	}
	sd := make([]float64, k)
	for i := range k {
		if v := cov.At(i, i); v > zeroVar {
			sd[i] = math.Sqrt(v)
		} else {
			return nil
		}
	}
	p := k - 1
	rxx := mat.NewSymDense(p, nil)
	rxy := make([]float64, p)
	for i := range p {
		for j := i; j < p; j++ {
			rxx.SetSym(i, j, cov.At(i, j)/(sd[i]*sd[j]))
		}
		rxy[i] = cov.At(i, p) / (sd[i] * sd[p])
	}
	w, r2, ok := relativeWeights(rxx, rxy)
	if !ok {
		return nil
	}
	res := &DriversResult{Outcome: r.Outcome.ID, N: st.n, R2: r2, Dimensions: make([]DriverWeight, p)}
	for i, d := range r.Dimensions {
		res.Dimensions[i] = DriverWeight{ID: d.ID, Weight: w[i]}
	}
	return res
}

// minEigen is the smallest eigenvalue of the predictors' correlation
// matrix taken as non-zero: below it the dimensions are (nearly) linear
// combinations of each other and no weight is meaningful.
const minEigen = 1e-10

// relativeWeights are Johnson's (2000) relative weights of predictors with
// correlation matrix rxx and correlations rxy with the criterion:
// rxx = V diag(λ) Vᵀ, Λ = V diag(√λ) Vᵀ (the correlations of the
// predictors with their orthogonal counterparts), β = Λ⁻¹ rxy (the
// criterion regressed on the counterparts), weight_j = Σ_k Λ_jk² β_k².
// The weights add up to R² = Σ β_k².
func relativeWeights(rxx *mat.SymDense, rxy []float64) (w []float64, r2 float64, ok bool) {
	p := len(rxy)
	var es mat.EigenSym
	if !es.Factorize(rxx, true) {
		return nil, 0, false
	}
	vals := es.Values(nil)
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	root, inv := make([]float64, p), make([]float64, p)
	for i, l := range vals {
		if !(l > minEigen) {
			return nil, 0, false
		}
		root[i], inv[i] = math.Sqrt(l), 1/math.Sqrt(l)
	}
	var lam, lamInv, tmp mat.Dense
	tmp.Mul(&vecs, mat.NewDiagDense(p, root))
	lam.Mul(&tmp, vecs.T())
	tmp.Mul(&vecs, mat.NewDiagDense(p, inv))
	lamInv.Mul(&tmp, vecs.T())
	var beta mat.VecDense
	beta.MulVec(&lamInv, mat.NewVecDense(p, rxy))
	w = make([]float64, p)
	for j := range p {
		for k := range p {
			l, b := lam.At(j, k), beta.AtVec(k)
			w[j] += l * l * b * b
		}
	}
	for k := range p {
		r2 += beta.AtVec(k) * beta.AtVec(k)
	}
	for _, x := range append(w, r2) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, 0, false
		}
	}
	return w, r2, true
}
