"""Articles -> incidents -> planned deliveries, on a real SQLite file."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from bot.analysis import analyze
from bot.analysis.advisory import render_html
from bot.analysis.gazetteer import load_gazetteer
from bot.ingest import IngestReport, ingest_articles
from bot.match import DEFAULT_RADIUS_KM
from bot.model import Article
from bot.places import Resolved, resolve_place
from bot.store import outbox, subscriptions
from tests.conftest import SEED

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
MAX_AGE = timedelta(hours=24)


def seed_article(url: str = "https://news.example/bamako", source: str = "Feed A") -> Article:
    title, _, text = SEED.read_text(encoding="utf-8").partition("\n")
    return Article(source=source, url=url, title=title, text=text, published=NOW - timedelta(minutes=5))


def watch(db: Database, chat_id: int, name: str) -> None:
    result = resolve_place(name, load_gazetteer())
    assert isinstance(result, Resolved), result
    subscriptions.save_chat(db, chat_id, chat_type="private", title=None, now=NOW)
    subscriptions.add_watch(db, chat_id, result.place, radius_km=DEFAULT_RADIUS_KM[result.place.kind], now=NOW)


def ingest(db: Database, *articles: Article, now: datetime = NOW) -> IngestReport:
    return ingest_articles(db, articles, analyze=analyze, render_html=render_html, now=now, max_age=MAX_AGE)


def planned(db: Database) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for chat_id, text in db.execute("SELECT chat_id, text FROM deliveries ORDER BY id"):
        out.setdefault(chat_id, []).append(text)
    return out


@pytest.fixture
def watchers(db: Database) -> Database:
    watch(db, 1, "Bamako")
    watch(db, 2, "BKO")
    watch(db, 3, "Nairobi")
    watch(db, 4, "Mali")
    return db


def test_seed_plans_one_advisory_per_watcher_of_bamako(watchers: Database) -> None:
    report = ingest(watchers, seed_article())
    assert len(report.incidents) == 1
    plans = planned(watchers)
    assert set(plans) == {1, 2, 4}  # not the Nairobi watcher
    assert all(len(v) == 1 for v in plans.values())
    assert "Bamako" in plans[1][0] and "BKO" in plans[1][0] and "https://news.example/bamako" in plans[1][0]


def test_same_item_twice_or_from_another_feed_is_one_incident(watchers: Database) -> None:
    ingest(watchers, seed_article())
    again = ingest(watchers, seed_article(), seed_article(url="https://other.example/x", source="Feed B"))
    assert again.duplicates == 2 and again.incidents == []
    assert sum(len(v) for v in planned(watchers).values()) == 3


def test_same_headline_new_teaser_joins_the_incident_and_counts_the_source(watchers: Database) -> None:
    ingest(watchers, seed_article())
    variant = replace(seed_article(url="https://other.example/y", source="Feed B"), text="Gunfire near the airport.")
    report = ingest(watchers, variant)
    assert report.same_incident == 1 and report.incidents == []
    (sources,) = watchers.execute("SELECT sources FROM incidents").fetchone()
    assert "Feed A" in sources and "Feed B" in sources


def test_old_articles_are_stored_but_not_alerted(watchers: Database) -> None:
    old = replace(seed_article(), published=NOW - timedelta(days=3))
    report = ingest(watchers, old)
    assert report.new_articles == 1 and planned(watchers) == {}


def test_a_chat_watching_city_and_airport_gets_one_message(db: Database) -> None:
    watch(db, 9, "Bamako")
    watch(db, 9, "BKO")
    ingest(db, seed_article())
    assert len(planned(db)[9]) == 1


def test_not_an_incident_plans_nothing(watchers: Database) -> None:
    match = Article(source="S", url="https://s.example/f", title="Bamako striker shot twice in cup final",
                    text="The Malian striker scored two goals as Bamako's team won the cup final.",
                    published=NOW)
    report = ingest(watchers, match)
    assert report.new_articles == 1 and report.incidents == [] and planned(watchers) == {}
    assert outbox.due_deliveries(watchers, now=NOW) == []
