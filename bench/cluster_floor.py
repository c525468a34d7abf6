"""The database's share of clustering at scale: cluster_scale's statements replayed alone, with no Python deciding.

The ingest of cluster_scale's stream runs once, untimed, recording every statement it sends to SQLite with
its parameters. The statements are then replayed, in order, with the same parameters and the same batching
(one transaction per batch, a savepoint per article, the simulated sender between batches), into a fresh
database set up the same way; each result is read in full. The replay's rate is what clustering and writes
could reach if everything around the statements (analysis of facts aside: it is excluded from both) took
no time at all: the ceiling of this schema and these queries, beside the target of 2,000 articles/s.

    .venv/bin/python bench/cluster_floor.py [--articles 100000] [--days 30]
"""
from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_scale import SENDER, _no_analysis, add_chats, batches, make_articles, stream_arguments  # noqa: E402

from bot.analysis.advisory import render_html  # noqa: E402
from bot.ingest import ingest_articles  # noqa: E402
from bot.store.db import open_database  # noqa: E402

Statement = tuple[str, Any, bool]  # (sql, parameters, executemany)


class Recorder:
    """A sqlite3 connection that notes every statement on its way through."""

    def __init__(self, conn: Any, log: list[Statement]) -> None:
        self._conn, self._log = conn, log

    def execute(self, sql: str, params: Any = ()) -> Any:
        self._log.append((sql, tuple(params), False))
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        rows = [tuple(r) for r in rows]
        self._log.append((sql, rows, True))
        return self._conn.executemany(sql, rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def record(articles: list, chats: int, folder: Path) -> list[list[Statement]]:
    """Each batch's statements, as the ingest sent them."""
    db = open_database(folder / "recorded.db")
    add_chats(db, chats, now=articles[0].published)
    per_batch: list[list[Statement]] = []
    for chunk in batches(articles):
        log: list[Statement] = []
        plain, db.conn = db.conn, Recorder(db.conn, log)
        ingest_articles(db, chunk, analyze=_no_analysis, render_html=render_html, now=chunk[-1].published,
                        max_age=timedelta(hours=24))
        db.conn = plain
        db.execute(SENDER)
        per_batch.append(log)
    db.close()
    return per_batch


def replay(per_batch: list[list[Statement]], articles: list, chats: int, folder: Path) -> tuple[float, float, Counter]:
    """(wall seconds, cpu seconds, wall seconds by kind of statement) of the statements alone."""
    db = open_database(folder / "replayed.db")
    add_chats(db, chats, now=articles[0].published)
    conn = db.conn
    wall = cpu = 0.0
    by_kind: Counter = Counter()
    clock = time.perf_counter
    for log in per_batch:
        started, cpu_started = clock(), time.process_time()
        for sql, params, many in log:
            before = clock()
            if many:
                conn.executemany(sql, params)
            else:
                conn.execute(sql, params).fetchall()
            by_kind[_kind(sql)] += clock() - before
        wall += clock() - started
        cpu += time.process_time() - cpu_started
        conn.execute(SENDER)
    db.close()
    return wall, cpu, by_kind


def _kind(sql: str) -> str:
    verb = sql.lstrip().split(None, 1)[0].upper()
    return {"SAVEPOINT": "transactions", "RELEASE": "transactions", "ROLLBACK": "transactions", "BEGIN": "transactions",
            "COMMIT": "transactions", "SELECT": "reads"}.get(verb, "writes")


def main() -> int:
    a = stream_arguments(__doc__.splitlines()[0])
    articles = make_articles(a.articles, a.days)
    with tempfile.TemporaryDirectory() as tmp:
        per_batch = record(articles, a.chats, Path(tmp))
        statements = sum(len(log) for log in per_batch)
        wall, cpu, by_kind = replay(per_batch, articles, a.chats, Path(tmp))
    n = len(articles)
    print(f"articles={n} statements={statements} ({statements / n:.1f} per article)")
    print(f"database work alone: {wall:.1f} s, {n / wall:,.0f} articles/s; cpu {cpu:.1f} s, "
          f"{n / cpu:,.0f} articles per cpu-second (target for everything >= 2,000)")
    print("of which " + ", ".join(f"{kind} {seconds:.1f} s" for kind, seconds in by_kind.most_common()))
    budget = 1e6 / 2000 - 1e6 * wall / n
    print(f"left for everything else at 2,000 articles/s: {budget:.0f} µs per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
