"""Articles -> incidents -> planned deliveries, on a real SQLite file."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlite_utils import Database

from bot.analysis import analyze
from bot.analysis.advisory import render_html
from bot.ingest import IngestReport, ingest_articles
from bot.model import Article
from bot.store import outbox
from tests.conftest import SEED
from tests.poll_support import NOW, planned, watch

MAX_AGE = timedelta(hours=24)


def seed_article(url: str = "https://news.example/bamako", source: str = "Feed A") -> Article:
    title, _, text = SEED.read_text(encoding="utf-8").partition("\n")
    return Article(source=source, url=url, title=title, text=text, published=NOW - timedelta(minutes=5))


def ingest(db: Database, *articles: Article, now: datetime = NOW) -> IngestReport:
    return ingest_articles(db, articles, analyze=analyze, render_html=render_html, now=now, max_age=MAX_AGE)


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


# --- one incident, one alert (clustering, follow-ups, expiry, retention) ---

HOTEL = [
    ("Gunmen attack Radisson Blu hotel in Mali's capital Bamako",
     "BAMAKO, Mali — Gunmen stormed the Radisson Blu hotel in Bamako on Friday morning, killing at least three "
     "people and taking guests hostage, security sources said."),
    ("Hostages taken in attack on Bamako's Radisson Blu hotel",
     "Armed men attacked the Radisson Blu hotel in Bamako, Mali, on Friday and took about 170 guests and staff "
     "hostage. At least three people were killed, officials said."),
    ("Mali: assault on Radisson Blu hotel in Bamako, hostages held",
     "Attackers shouting slogans opened fire in the Radisson Blu hotel in the Malian capital Bamako on Friday; "
     "special forces surrounded the building."),
]
TOLL = ("Bamako hotel attack: 21 killed at the Radisson Blu",
        "Gunmen killed 21 people at the Radisson Blu hotel in Bamako on Friday, the government said.")
TOLL_REWORDED = ("21 dead in Radisson Blu hotel attack in Bamako",
                 "The attack on the Radisson Blu hotel in Bamako on Friday left 21 people dead, the government said.")
MARKET = ("Explosion at Bamako market wounds vendors",
          "BAMAKO, Mali — An explosive device went off at the Grand Marché in Bamako, wounding five vendors, police said.")


def story(title_text: tuple[str, str], *, source: str, at: datetime, slug: str) -> Article:
    title, text = title_text
    return Article(source=source, url=f"https://{slug}.example/{abs(hash(title)) % 10**8}", title=title, text=text,
                   published=at)


def alerts_and_updates(db: Database) -> list[tuple[int, str, str]]:
    return [(r[0], r[1], r[2]) for r in db.execute(
        "SELECT chat_id, kind, text FROM deliveries WHERE kind IN ('alert', 'update') ORDER BY id")]


def test_three_outlets_one_alert_naming_three_sources(db: Database) -> None:
    watch(db, 1, "Bamako")
    at = NOW - timedelta(hours=1)
    report = ingest(db, *(story(t, source=s, at=at + timedelta(minutes=i), slug=s.lower())
                          for i, (t, s) in enumerate(zip(HOTEL, ["AFP", "Reuters", "RFI"], strict=True))))
    assert len(report.incidents) == 1 and report.same_incident == 2
    ((chat, kind, text),) = alerts_and_updates(db)
    assert (chat, kind) == (1, "alert")
    assert "Reported by 3 independent sources: AFP, Reuters, RFI." in text


def test_death_toll_update_once_and_rewording_brings_nothing(db: Database) -> None:
    watch(db, 1, "Bamako")
    at = NOW - timedelta(hours=3)
    ingest(db, story(HOTEL[0], source="AFP", at=at, slug="afp"))
    ingest(db, story(TOLL, source="Reuters", at=at + timedelta(hours=1), slug="reuters"))
    ingest(db, story(TOLL_REWORDED, source="RFI", at=at + timedelta(hours=2), slug="rfi"))
    rows = alerts_and_updates(db)
    assert [k for _, k, _ in rows] == ["alert", "update"]
    assert "Death toll rises to 21 (was 3)" in rows[1][2]
    (reply_to,) = db.execute("SELECT reply_to_delivery_id FROM deliveries WHERE kind = 'update'").fetchone()
    (alert_id,) = db.execute("SELECT id FROM deliveries WHERE kind = 'alert'").fetchone()
    assert reply_to == alert_id  # sent as a reply to the chat's alert


def test_two_incidents_in_one_city_a_day_apart_are_two_alerts(db: Database) -> None:
    watch(db, 1, "Bamako")
    ingest(db, story(HOTEL[0], source="AFP", at=NOW - timedelta(hours=26), slug="afp"), now=NOW - timedelta(hours=25))
    ingest(db, story(MARKET, source="AFP", at=NOW - timedelta(hours=1), slug="afp2"))
    assert [k for _, k, _ in alerts_and_updates(db)] == ["alert", "alert"]


def test_updates_per_chat_are_capped(db: Database) -> None:
    watch(db, 1, "Bamako")
    at = NOW - timedelta(hours=6)
    ingest(db, story(HOTEL[0], source="AFP", at=at, slug="a"))
    for i, toll in enumerate((5, 9, 14, 21, 30), 1):
        text = f"Gunmen killed {toll} people at the Radisson Blu hotel in Bamako on Friday, the government said."
        ingest(db, story((f"Radisson Blu hotel attack in Bamako: toll rises to {toll}", text), source=f"S{i}",
                         at=at + timedelta(minutes=20 * i), slug=f"s{i}"))
    kinds = [k for _, k, _ in alerts_and_updates(db)]
    assert kinds.count("alert") == 1 and kinds.count("update") == 3


def test_late_report_of_a_closed_incident_is_filed_silently(db: Database) -> None:
    watch(db, 1, "Bamako")
    first = NOW - timedelta(days=4)
    ingest(db, story(HOTEL[0], source="AFP", at=first, slug="a"), now=first)
    late = story(TOLL, source="Reuters", at=NOW - timedelta(hours=1), slug="r")
    report = ingest(db, late)
    assert report.incidents == [] and report.same_incident == 1
    assert [k for _, k, _ in alerts_and_updates(db)] == ["alert"]


def test_old_article_text_is_purged_but_the_incident_stays(db: Database) -> None:
    watch(db, 1, "Bamako")
    old = NOW - timedelta(days=40)
    ingest(db, story(HOTEL[0], source="AFP", at=old, slug="a"), now=old)
    ingest(db, story(MARKET, source="AFP", at=NOW, slug="b"))
    texts = [r[0] for r in db.execute("SELECT text FROM articles ORDER BY id")]
    assert texts[0] == "" and texts[1]
    assert db.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2


def _sent_alert_from_afp(db: Database) -> tuple[datetime, int]:
    """A Bamako watcher has AFP's alert of the hotel attack on the phone: (when AFP reported it, its delivery id)."""
    watch(db, 1, "Bamako")
    at = NOW - timedelta(hours=1)
    ingest(db, story(HOTEL[0], source="AFP", at=at, slug="afp"))
    (alert_id,) = db.execute("SELECT id FROM deliveries WHERE kind = 'alert'").fetchone()
    outbox.mark_sent(db, alert_id, message_id=77, now=NOW)
    return at, alert_id


def test_a_sent_alert_is_edited_when_more_sources_confirm_it(db: Database) -> None:
    at, alert_id = _sent_alert_from_afp(db)
    ingest(db, story(HOTEL[1], source="Reuters", at=at + timedelta(minutes=5), slug="reuters"))
    ingest(db, story(HOTEL[2], source="RFI", at=at + timedelta(minutes=9), slug="rfi"))
    edits = db.execute("SELECT text, reply_to_delivery_id FROM deliveries WHERE kind = 'edit' AND status = 'pending'")
    ((text, target),) = edits.fetchall()  # only the newest edit is kept
    assert target == alert_id and "Reported by 3 independent sources: AFP, Reuters, RFI." in text
    assert [k for _, k, _ in alerts_and_updates(db)] == ["alert"]  # no new message, no notification


def test_confirmations_in_one_batch_make_one_edit_with_the_final_sources(db: Database) -> None:
    at, _ = _sent_alert_from_afp(db)
    report = ingest(db, story(HOTEL[1], source="Reuters", at=at + timedelta(minutes=5), slug="reuters"),
                    story(HOTEL[2], source="RFI", at=at + timedelta(minutes=9), slug="rfi"))
    assert report.edits == 1  # 2 sources, then 3: one edit, not one per step
    ((text, seq),) = db.execute("SELECT text, seq FROM deliveries WHERE kind = 'edit'").fetchall()
    assert seq == 1 and "Reported by 3 independent sources: AFP, Reuters, RFI." in text

def test_syndicated_copies_are_carried_not_confirming(db: Database) -> None:
    watch(db, 1, "Bamako")
    at = NOW - timedelta(hours=1)
    ingest(db, story(HOTEL[0], source="AFP", at=at, slug="afp"))
    title, text = HOTEL[0]
    copy = (title, text + " More to follow.")  # the wire text, lightly extended by a second site
    ingest(db, story(copy, source="Site A", at=at + timedelta(minutes=3), slug="site-a"))
    ((_, _, alert),) = alerts_and_updates(db)
    assert "Single source so far (unconfirmed). The same report was carried by 1 more outlet." in alert


def test_a_later_report_naming_the_city_reaches_the_chats_watching_it(db: Database) -> None:
    """First "in central Mali" (the country's watchers are alerted), then a report naming Mopti: the
    incident takes the city, and the chat watching Mopti gets the alert it could not get before; once."""
    watch(db, 21, "Mopti")
    watch(db, 22, "Mali")
    at = NOW - timedelta(hours=1)
    vague = ("Jihadists attack army camp in central Mali",
             "Jihadist gunmen attacked an army camp in central Mali on Sunday, killing at least eight soldiers, "
             "the army said.")
    ingest(db, story(vague, source="AFP", at=at, slug="vague"))
    assert set(planned(db)) == {22}
    (city,) = db.execute("SELECT city FROM incidents").fetchone()
    assert city is None
    precise = ("Eight soldiers killed in attack on army camp near Mopti",
               "MOPTI, Mali — Jihadist gunmen attacked an army camp near Mopti on Sunday, killing eight soldiers, "
               "officials said.")
    report = ingest(db, story(precise, source="Reuters", at=at + timedelta(minutes=30), slug="precise"))
    assert report.incidents == [] and report.same_incident == 1  # one incident, now in Mopti
    plans = planned(db)
    assert set(plans) == {21, 22} and len(plans[21]) == 1 and len(plans[22]) == 1
    assert "Mopti" in plans[21][0] and "Reported by 2 independent sources" in plans[21][0]
    assert db.execute("SELECT city FROM incidents").fetchone() == ("Mopti",)
    ingest(db, story(precise, source="RFI", at=at + timedelta(minutes=50), slug="again"))
    assert len(planned(db)[21]) == 1  # never twice


def test_watch_changes_between_batches_reach_the_next_batch(watchers: Database) -> None:
    """The watches are indexed once and kept across batches: a place added, a watch removed or a
    chat that blocked the bot must still count from the very next batch."""
    from bot.store import subscriptions

    ingest(watchers, replace(seed_article(), url="https://news.example/first", published=NOW - timedelta(hours=1),
                             title="Gunmen attack a hotel in Bamako, Mali", text="Gunmen stormed a hotel in Bamako, Mali, killing three guards."))
    assert set(planned(watchers)) == {1, 2, 4}
    watch(watchers, 5, "Bamako")  # a new subscriber
    (watch_id,) = watchers.execute("SELECT id FROM watches WHERE chat_id = 2").fetchone()
    subscriptions.remove_watch(watchers, 2, watch_id)  # BKO no longer watched
    subscriptions.deactivate_chat(watchers, 4, now=NOW)  # blocked the bot
    ingest(watchers, seed_article())  # another incident in Bamako
    seed_alerts = {chat for (chat,) in watchers.execute(
        "SELECT d.chat_id FROM deliveries d JOIN incidents i ON i.id = d.incident_id "
        "WHERE d.kind = 'alert' AND i.url = 'https://news.example/bamako'")}
    assert seed_alerts == {1, 5}


def test_a_watched_place_named_with_an_ampersand_is_escaped_in_the_distance_line(db: Database) -> None:
    """The distance line is HTML: a place named "Kati & Koulikoro" must not break the alert's markup."""
    from bot.analysis.facts import Place
    from bot.store import subscriptions

    subscriptions.save_chat(db, 5, chat_type="private", title=None, now=NOW)
    subscriptions.add_watch(db, 5, Place("point", "12.74,-8.07", "Kati & Koulikoro", "ML", 12.74, -8.07, 0),
                            radius_km=40, now=NOW)
    ingest(db, story(HOTEL[0], source="AFP", at=NOW - timedelta(hours=1), slug="afp"))
    (text,) = db.execute("SELECT text FROM deliveries WHERE chat_id = 5 AND kind = 'alert'").fetchone()
    assert "from your place Kati &amp; Koulikoro" in text and "Kati & Koulikoro" not in text


def test_an_alert_tells_the_report_time_in_the_chats_time_zone(db: Database) -> None:
    """The source line gives UTC; a chat in Tokyo also reads its own time (and date, past midnight there);
    a chat on UTC (Bamako) gets no such line."""
    from bot.store import subscriptions

    watch(db, 1, "Bamako")
    watch(db, 2, "Bamako")
    subscriptions.update_settings(db, 2, now=NOW, timezone="Asia/Tokyo")
    at = NOW.replace(hour=16, minute=5) - timedelta(days=1)  # 01:05 the next day in Tokyo
    ingest(db, story(HOTEL[0], source="AFP", at=at, slug="afp"), now=at + timedelta(minutes=10))
    texts = dict(db.execute("SELECT chat_id, text FROM deliveries WHERE kind = 'alert'").fetchall())
    assert f"Reported at 01:05 on {NOW.day} {NOW:%b} your time (Asia/Tokyo)." in texts[2]
    assert "your time" not in texts[1]
