"""Quality of the incident analysis on the labelled devset, scored as acceptance scores it.

    .venv/bin/python bench/analysis_quality.py [--data tests/fixtures/devset/incidents.jsonl] [--show N]

Runs the shared scorer (../shared/tools/score_analysis.py) when it is there, which drives
`python -m bot analyze --jsonl`; otherwise prints the same figures computed in process.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score_analysis.py"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT / "tests" / "fixtures" / "devset" / "incidents.jsonl"))
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    if SHARED_SCORER.exists():
        return subprocess.call([sys.executable, str(SHARED_SCORER), "--python", sys.executable, "--data", a.data,
                                "--show", str(a.show)], cwd=ROOT)
    return score_in_process(Path(a.data))


def score_in_process(path: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from bot.analysis import analyze

    gold = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    tp = fp = fn = cty = cty_n = city = city_n = ap = ap_n = un = un_n = un_fp = 0
    for g in gold:
        f = analyze("", g["text"])
        tp += f.is_incident and g["is_incident"]
        fp += f.is_incident and not g["is_incident"]
        fn += (not f.is_incident) and g["is_incident"]
        if not g["is_incident"]:
            un_fp += f.un_involved
            continue
        if g.get("country"):
            cty_n += 1
            cty += f.country == g["country"]
        if g.get("city"):
            city_n += 1
            city += (f.city or "").casefold() == g["city"].casefold()
        if g.get("airport"):
            ap_n += 1
            ap += g["airport"] in f.airports
        if g.get("un_involved"):
            un_n += 1
            un += f.un_involved
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    print(f"n={len(gold)} P={p:.3f} R={r:.3f} F1={f1:.3f} country={cty / max(cty_n, 1):.3f} ({cty_n}) "
          f"city={city / max(city_n, 1):.3f} ({city_n}) airport={ap}/{ap_n} un={un}/{un_n} un_fp={un_fp}"
          " (in-process; city compared by name only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
