package assess

// OverrideResult is results.json's record of a person's change to the plan.
type OverrideResult struct {
	Recommendation string `json:"recommendation"`
	Action         string `json:"action"`
	Reason         string `json:"reason"`
}

// ApplyOverrides applies the consultant's judgement to the plan: a dropped
// recommendation leaves it, a pinned one leads it (in the order of the
// overrides), an added one follows the pinned ones. Every override is
// recorded with its reason. Overrides must have passed CheckProject.
func ApplyOverrides(res *Result, overrides []Override, notes []Note) {
	res.Notes = append([]Note(nil), notes...)
	if len(overrides) == 0 {
		return
	}
	drop, pin := map[string]bool{}, map[string]bool{}
	var pinned, added []RecommendationResult
	byID := map[string]RecommendationResult{}
	for _, rr := range res.Recommendations {
		byID[rr.ID] = rr
	}
	res.overrideAt, res.addedAt = map[string]int{}, map[string]*Recommendation{}
	for _, o := range overrides {
		if _, ok := res.overrideAt[o.Recommendation]; !ok {
			res.overrideAt[o.Recommendation] = len(res.Overrides)
		}
		res.Overrides = append(res.Overrides, OverrideResult{Recommendation: o.Recommendation, Action: o.Action, Reason: o.Reason})
		switch o.Action {
		case ActionDrop:
			drop[o.Recommendation] = true
		case ActionPin:
			pin[o.Recommendation] = true
			rr, ok := byID[o.Recommendation]
			if !ok {
				// Not proposed at this level: the person wants it anyway.
				rc := res.RubricDef.Recommendation(o.Recommendation)
				rr = RecommendationResult{ID: rc.ID, Dimension: rc.Dimension, Flag: rc.Flag, Check: rc.Check, Horizon: rc.Horizon}
			}
			pinned = append(pinned, rr)
		case ActionAdd:
			rc := &Recommendation{ID: o.Recommendation, Dimension: o.Dimension, Title: o.Title, Horizon: o.Horizon, Body: o.Body}
			res.Added = append(res.Added, rc)
			if _, ok := res.addedAt[rc.ID]; !ok {
				res.addedAt[rc.ID] = rc
			}
			added = append(added, RecommendationResult{ID: rc.ID, Dimension: rc.Dimension, Horizon: rc.Horizon})
		}
	}
	plan := append(append([]RecommendationResult{}, pinned...), added...)
	for _, rr := range res.Recommendations {
		if !drop[rr.ID] && !pin[rr.ID] {
			plan = append(plan, rr)
		}
	}
	res.Recommendations = plan
}

// Recommendation returns a recommendation of the plan by id: the rubric's,
// or one the consultant added.
func (res *Result) Recommendation(id string) *Recommendation {
	if rc := res.RubricDef.Recommendation(id); rc != nil {
		return rc
	}
	if res.addedAt != nil {
		return res.addedAt[id]
	}
	for _, rc := range res.Added {
		if rc.ID == id {
			return rc
		}
	}
	return nil
}

// Override returns the override of a recommendation, if a person made one.
func (res *Result) Override(id string) *OverrideResult {
	if res.overrideAt != nil {
		if i, ok := res.overrideAt[id]; ok {
			return &res.Overrides[i]
		}
		return nil
	}
	for i := range res.Overrides {
		if res.Overrides[i].Recommendation == id {
			return &res.Overrides[i]
		}
	}
	return nil
}
