"""An incident that grows graver reaches the chats that asked only for graver ones; a calm report that the airport
reopened reaches the chats that were told it closed."""
from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.analysis.facts import Severity
from bot.store import subscriptions
from tests.test_ingest import NOW, alerts_and_updates, ingest, story, watch

BLAST = ("Bomb blast near Kabul market kills 5",
         "KABUL, Afghanistan — A bomb exploded near a crowded market in Kabul on Monday, killing 5 people and wounding "
         "12, police said.")
TOLL_11 = ("Kabul market blast toll rises to 11",
           "The death toll from Monday's bomb blast near a market in Kabul has risen to 11, the health ministry said.")
TOLL_30 = ("Kabul market blast toll rises to 30",
           "The death toll from Monday's bomb blast near a market in Kabul has risen to 30, the health ministry said.")


def test_a_chat_that_wants_only_critical_gets_the_alert_when_the_toll_makes_it_critical(db: Database) -> None:
    watch(db, 1, "Kabul")  # every severity
    watch(db, 2, "Kabul")
    subscriptions.update_settings(db, 2, now=NOW, min_severity=Severity.CRITICAL)
    at = NOW - timedelta(hours=3)
    ingest(db, story(BLAST, source="AFP", at=at, slug="afp"))
    assert [(c, k) for c, k, _ in alerts_and_updates(db)] == [(1, "alert")]  # high: not for chat 2 yet

    ingest(db, story(TOLL_11, source="Reuters", at=at + timedelta(hours=1), slug="reuters"))
    sent = alerts_and_updates(db)
    assert [(c, k) for c, k, _ in sent] == [(1, "alert"), (1, "update"), (2, "alert")]
    assert "Death toll rises to 11" in sent[1][2]
    critical = sent[2][2]
    assert "CRITICAL" in critical and "11" in critical and "Kabul" in critical

    ingest(db, story(TOLL_30, source="BBC", at=at + timedelta(hours=2), slug="bbc"))
    later = alerts_and_updates(db)[3:]
    assert sorted((c, k) for c, k, _ in later) == [(1, "update"), (2, "update")]  # one alert each, then updates


AIRPORT_SHUT = ("Explosions near Kabul airport, flights suspended",
                "KABUL, Afghanistan — Two explosions struck near Hamid Karzai International Airport in Kabul on Monday, "
                "killing 4 people, and all flights were suspended, officials said.")
AIRPORT_OPEN = ("Kabul airport reopens to flights",
                "KABUL, Afghanistan — Hamid Karzai International Airport reopened to commercial flights on Tuesday, a day "
                "after the explosions near its gates, the civil aviation authority said.")


def test_a_calm_report_that_the_airport_reopened_is_an_update(db: Database) -> None:
    watch(db, 1, "Kabul")
    at = NOW - timedelta(hours=20)
    ingest(db, story(AIRPORT_SHUT, source="AFP", at=at, slug="afp"))
    ingest(db, story(AIRPORT_OPEN, source="Reuters", at=at + timedelta(hours=18), slug="reuters"))
    sent = alerts_and_updates(db)
    assert [(c, k) for c, k, _ in sent] == [(1, "alert"), (1, "update")]
    assert "Airport reopened" in sent[1][2]
