"""Speed and memory of the analysis, next to geotext on the same texts.

    .venv/bin/python bench/analysis_speed.py [--items 10000]

One process, one core: gazetteer load time, items/second for `analyze` (everything:
detection, casualties, places, airports, UN, severity, summary) and for `GeoText(text)`
(place names only), and the peak resident memory of the whole process.

It also prints the floor of any gazetteer-based analyser: the items/second of only folding each
text and one pass of the compiled gazetteer automaton (pyahocorasick) over it, with nothing
decided. The issue's target, half of geotext's rate while doing everything, is compared with it.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--data", default=str(ROOT / "tests" / "fixtures" / "devset" / "incidents.jsonl"))
    a = ap.parse_args()
    texts = [json.loads(line)["text"] for line in open(a.data, encoding="utf-8") if line.strip()]
    items = (texts * (a.items // len(texts) + 1))[:a.items]

    t0 = time.perf_counter()
    from bot.analysis import analyze
    from bot.analysis.gazetteer import load_gazetteer

    load_gazetteer()
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for text in items:
        analyze("", text)
    ours = len(items) / (time.perf_counter() - t0)
    rss_ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    from geotext import GeoText

    GeoText("warm up Paris")
    t0 = time.perf_counter()
    for text in items:
        GeoText(text)
    theirs = len(items) / (time.perf_counter() - t0)
    rss_all = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    from bot.analysis.normalize import fold

    automaton = load_gazetteer().automaton
    t0 = time.perf_counter()
    for text in items:
        for _ in automaton.iter_long(fold(text)):
            pass
    scan_floor = len(items) / (time.perf_counter() - t0)

    print(f"items={len(items)} gazetteer_load_s={load_s:.2f} analyze_items_per_s={ours:.0f} "
          f"geotext_items_per_s={theirs:.0f} ratio={ours / theirs:.2f} target_items_per_s={theirs / 2:.0f} "
          f"fold_and_gazetteer_scan_only_items_per_s={scan_floor:.0f} "
          f"peak_rss_mb_after_analyze={rss_ours:.0f} peak_rss_mb_with_geotext={rss_all:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
