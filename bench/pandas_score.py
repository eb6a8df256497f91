"""The peer of `aiready score` in bench/run: the SPEC scoring of
bench/rubric.toml, written the usual pandas way (vectorised, groupby).

    /usr/bin/python3 bench/pandas_score.py answers.csv > scores.json

It prints the overall, dimension, segment (Role, Team) and question
figures and the red flag as JSON; bench/run checks its dimension scores
against aiready's results.json.
"""
import json
import sys

import numpy as np
import pandas as pd

DIMS = ["service", "humans", "skills", "long"]
DIM_WEIGHT = {"service": 1, "humans": 2, "skills": 1, "long": 2}
QS = ["q%02d" % i for i in range(1, 33)]
Q_DIM = {q: DIMS[i // 8] for i, q in enumerate(QS)}
Q_W = {q: (2.0 if i % 8 == 0 else 1.0) for i, q in enumerate(QS)}
Q_REV = {q: i % 8 == 7 for i, q in enumerate(QS)}
MIN_ANSWERED = 0.5
LEVELS = [("low", 0), ("mid", 50), ("high", 75)]
T = [0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
     2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
     2.056, 2.052, 2.048, 2.045, 2.042]


def tcrit(df):
    if df < len(T):
        return T[df]
    if df < 60:
        return 2.0 + 0.042 * (60 - df) / 30
    if df < 120:
        return 1.98 + 0.02 * (120 - df) / 60
    return 1.96


def level(score):
    out = None
    for lid, m in LEVELS:
        if score >= m:
            out = lid
    return out


def main(path):
    df = pd.read_csv(path, dtype={q: "float64" for q in QS} | {"Role": "category", "Team": "category"})
    pts = df[QS]
    vals = (pts - 1.0) / 4.0
    rev = [q for q in QS if Q_REV[q]]
    vals[rev] = 1.0 - vals[rev]
    answered = pts.notna()
    scores = pd.DataFrame(index=df.index)
    for d in DIMS:
        qs = [q for q in QS if Q_DIM[q] == d]
        w = np.array([Q_W[q] for q in qs])
        wsum = (answered[qs] * w).sum(axis=1)
        num = (vals[qs].fillna(0.0) * w).sum(axis=1)
        ok = (wsum > 0) & (wsum >= MIN_ANSWERED * w.sum())
        scores[d] = (100.0 * num / wsum).where(ok)

    def group(sc, n):
        dims = {}
        for d in DIMS:
            s = sc[d].dropna()
            m = s.mean() if len(s) else None
            sd = s.std(ddof=1) if len(s) > 1 else 0.0
            half = tcrit(len(s) - 1) * sd / np.sqrt(len(s)) if len(s) > 1 else 0.0
            dims[d] = {"score": m, "n": int(len(s)), "level": level(m) if m is not None else None,
                       "ci": [max(m - half, 0), min(m + half, 100)] if m is not None else None}
        present = [d for d in DIMS if dims[d]["score"] is not None]
        w = sum(DIM_WEIGHT[d] for d in present)
        overall = sum(DIM_WEIGHT[d] * dims[d]["score"] for d in present) / w if w else None
        return {"n": int(n), "overall": overall, "dimensions": dims}

    res = group(scores, len(df))
    res["questions"] = {q: {"n": int(answered[q].sum()), "mean_value": vals[q].mean(),
                            "counts": {str(int(k)): int(v) for k, v in pts[q].value_counts().sort_index().items()}}
                        for q in QS}
    segs = []
    for attr in ["Role", "Team"]:
        sc = scores.join(df[attr])
        for value, g in sc.groupby(attr, observed=True):
            if len(g) >= 5:
                segs.append({"attribute": attr, "value": value, **group(g, len(g))})
    res["segments"] = segs
    ev = scores["service"].notna() & pts["q09"].notna()
    match = ev & (scores["service"] <= 50) & (pts["q09"] <= 3)
    share = match.sum() / ev.sum() if ev.sum() else 0.0
    res["flags"] = [{"id": "weak-service", "share": share, "raised": bool(share >= 0.2)}]
    json.dump(res, sys.stdout, default=float)


if __name__ == "__main__":
    main(sys.argv[1])
