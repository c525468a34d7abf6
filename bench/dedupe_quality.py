"""Pairwise precision and recall of "same incident" on a labelled set.

Every item goes through what the bot does with an article (analysis, fingerprints, clustering,
a real SQLite file), in time order. Two items are predicted the same incident when they end up
in one incident; they are the same in truth when they share a `dup_group`. Items without a date
(database summaries, AG News) arrive as a stream in file order, six hours apart; the figures for
dated items alone are printed too.

    .venv/bin/python bench/dedupe_quality.py [--data tests/fixtures/devset/incidents.jsonl] [--show 10]
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.analysis import analyze  # noqa: E402
from bot.analysis.advisory import render_html  # noqa: E402
from bot.dedupe.sketch import content_hash  # noqa: E402
from bot.ingest import ingest_articles  # noqa: E402
from bot.model import Article  # noqa: E402
from bot.store.db import open_database  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "devset" / "incidents.jsonl"
UNDATED_START = datetime(2000, 1, 1, 12, tzinfo=UTC)
UNDATED_STEP = timedelta(hours=6)


def when(item: dict, position: int) -> datetime:
    """A dated item at noon of its day (plus minutes, so a day's reports keep an order);
    an undated one at its place in the file's stream."""
    if item.get("date"):
        return datetime.fromisoformat(item["date"]).replace(hour=12, tzinfo=UTC) + timedelta(minutes=position % 600)
    return UNDATED_START + position * UNDATED_STEP


def split(text: str) -> tuple[str, str]:
    title, sep, rest = text.partition("\n")
    return (title, rest) if sep and len(title) < 200 else ("", text)


def clusters(items: list[dict], db_path: Path) -> dict[str, str]:
    db = open_database(db_path)
    predicted: dict[str, str] = {}
    ordered = sorted(enumerate(items), key=lambda p: (when(p[1], p[0]), p[1]["id"]))
    for order, (position, item) in enumerate(ordered):
        title, text = split(item["text"])
        published = when(item, position)
        article = Article(source=f"src-{order % 7}", url="", title=title, text=text, published=published)
        ingest_articles(db, [article], analyze=analyze, render_html=render_html, now=published,
                        max_age=timedelta(days=1))
        row = db.execute("SELECT id, incident_id FROM articles WHERE content_hash = ?",
                         [content_hash(title, text)]).fetchone()
        predicted[item["id"]] = f"i{row[1]}" if row and row[1] is not None else f"a{row[0] if row else item['id']}"
    db.close()
    return predicted


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--show", type=int, default=0, help="print this many wrong pairs of each kind")
    a = ap.parse_args()
    items = [json.loads(line) for line in open(a.data, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        predicted = clusters(items, Path(tmp) / "bench.db")
    dated = [i for i in items if i.get("date")]
    for label, subset in (("dated", dated), ("all", items)):
        print(f"{label}: " + score(subset, predicted, show=a.show if label == "all" else 0))
    return 0


def score(items: list[dict], predicted: dict[str, str], *, show: int) -> str:
    tp = fp = fn = 0
    wrong: dict[str, list[str]] = {"fp": [], "fn": []}
    hard_apart = hard_total = 0
    for x, y in itertools.combinations(items, 2):
        gold = bool(x.get("dup_group")) and x.get("dup_group") == y.get("dup_group")
        same = predicted[x["id"]] == predicted[y["id"]]
        tp += gold and same
        if same and not gold:
            fp += 1
            wrong["fp"].append(f"{x['id']} ~ {y['id']}: {x['text'][:60]!r} / {y['text'][:60]!r}")
        if gold and not same:
            fn += 1
            wrong["fn"].append(f"{x['id']} / {y['id']}: {x['text'][:60]!r} / {y['text'][:60]!r}")
        if x.get("hard_pair") and x.get("hard_pair") == y.get("dup_group"):
            hard_total += 1
            hard_apart += not same
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    for kind, rows in wrong.items():
        for row in rows[:show]:
            print(f"{kind}: {row}")
    return (f"items={len(items)} gold_pairs={tp + fn} predicted_pairs={tp + fp} "
            f"precision={p:.3f} recall={r:.3f} hard_pairs_kept_apart={hard_apart}/{hard_total}")


if __name__ == "__main__":
    sys.exit(main())
