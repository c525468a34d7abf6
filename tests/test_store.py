import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.analysis.facts import Place
from bot.store import outbox, subscriptions
from bot.store.db import StoreError, open_database

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
BAMAKO = Place("city", "2460596", "Bamako", "ML", 12.60915, -7.97522, 4227569)


def test_schema_is_created_in_wal_mode_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "alerts.db"
    db = open_database(path)
    assert {"articles", "incidents", "chats", "watches", "deliveries", "source_state"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    again = open_database(path)  # migrations already applied: nothing to do, no error
    assert again.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] >= 1
    again.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    with pytest.raises(StoreError, match="cannot open database"):
        open_database(locked / "sub" / "alerts.db")


def test_database_path_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match=r"cannot open database .*file/alerts.db"):
        open_database(blocker / "alerts.db")


def test_watch_once_then_limit(db: Database) -> None:
    subscriptions.save_chat(db, 1, chat_type="private", title="a", now=NOW)
    assert subscriptions.add_watch(db, 1, BAMAKO, radius_km=30, now=NOW) is True
    assert subscriptions.add_watch(db, 1, BAMAKO, radius_km=30, now=NOW) is False
    for i in range(subscriptions.MAX_WATCHES_PER_CHAT - 1):
        subscriptions.add_watch(db, 1, Place("city", str(i), f"C{i}", "ML"), radius_km=30, now=NOW)
    with pytest.raises(subscriptions.WatchLimitError):
        subscriptions.add_watch(db, 1, Place("city", "x", "X", "ML"), radius_km=30, now=NOW)


def test_stop_deletes_the_chat_and_its_places(db: Database) -> None:
    subscriptions.save_chat(db, 1, chat_type="private", title="a", now=NOW)
    subscriptions.add_watch(db, 1, BAMAKO, radius_km=30, now=NOW)
    subscriptions.delete_chat(db, 1)
    assert subscriptions.list_watches(db, 1) == []
    assert subscriptions.active_watches(db) == []
    assert not subscriptions.is_active(db, 1)


def _incident(db: Database) -> int:
    return int(db["incidents"].insert({
        "created_at": "", "updated_at": "", "published": "", "first_seen": "", "last_seen": "", "category": "bombing", "title": "t", "url": "",
        "source": "s", "sources": "[]", "facts": "{}"}).last_pk)


def test_outbox_never_plans_twice_and_orders_by_severity(db: Database) -> None:
    for chat in (1, 2):
        subscriptions.save_chat(db, chat, chat_type="private", title=None, now=NOW)
    low, critical = _incident(db), _incident(db)
    assert outbox.enqueue_delivery(db, incident_id=low, chat_id=1, text="low", priority=0, now=NOW)
    assert not outbox.enqueue_delivery(db, incident_id=low, chat_id=1, text="again", priority=0, now=NOW)
    outbox.enqueue_delivery(db, incident_id=critical, chat_id=2, text="critical", priority=3, now=NOW)
    assert [d.text for d in outbox.due_deliveries(db, now=NOW)] == ["critical", "low"]
    d = outbox.due_deliveries(db, now=NOW)[0]
    outbox.mark_sent(db, d.id, message_id=7, now=NOW)
    assert [x.text for x in outbox.due_deliveries(db, now=NOW)] == ["low"]


def test_deactivated_chat_gets_nothing_and_retry_waits(db: Database) -> None:
    subscriptions.save_chat(db, 1, chat_type="private", title=None, now=NOW)
    inc = _incident(db)
    outbox.enqueue_delivery(db, incident_id=inc, chat_id=1, text="x", priority=0, now=NOW)
    (d,) = outbox.due_deliveries(db, now=NOW)
    outbox.mark_retry(db, d, error="502", not_before=NOW + outbox.backoff(0))
    assert outbox.due_deliveries(db, now=NOW) == []
    assert len(outbox.due_deliveries(db, now=NOW + outbox.backoff(0))) == 1
    subscriptions.deactivate_chat(db, 1, now=NOW)
    assert outbox.due_deliveries(db, now=NOW + outbox.backoff(5)) == []


def test_migrated_group_keeps_its_places(db: Database) -> None:
    subscriptions.save_chat(db, -100, chat_type="group", title="g", now=NOW)
    subscriptions.add_watch(db, -100, BAMAKO, radius_km=30, now=NOW)
    outbox.move_chat(db, -100, -100123)
    assert [w.name for _, w in subscriptions.list_watches(db, -100123)] == [BAMAKO.label]


def test_candidates_are_the_events_near_the_report_across_grid_lines(tmp_path: Path) -> None:
    """Clustering reads only events near a report (found by grid cell) and those placed no closer than
    the country or a neighbouring one; a town 12 km away across a cell line is near, a city 900 km away in
    the country is not, nor an event placed only in a far country."""
    from datetime import timedelta

    from bot.analysis.facts import Category, Facts
    from bot.dedupe.changes import IncidentState
    from bot.ingest import report_of
    from bot.model import Article
    from bot.store import incidents

    db = open_database(tmp_path / "alerts.db")

    def event(name: str, country: str | None, lat: float | None, lon: float | None, geonameid: int | None) -> int:
        facts = Facts(is_incident=True, category=Category.ARMED_ATTACK, city=name if geonameid else None,
                      country=country, lat=lat, lon=lon, geonameid=geonameid)
        article = Article(source="Feed", url=f"https://news.example/{name}", title=f"Attack in {name}",
                          text=f"Gunmen attacked a post in {name}.", published=NOW, facts=facts)
        return incidents.create_incident(db, article, facts, report_of(article, facts), IncidentState(), now=NOW)

    across_line = event("Kati", "ML", 12.49, -8.06, 2455290)  # south of the 12.5 degree line, Bamako north of it
    bamako = event("Bamako", "ML", 12.61, -7.98, 2460596)
    event("Gao", "ML", 16.27, -0.04, 2457163)
    country_level = event("northern Mali", "ML", None, None, None)
    event("Niamey", "NE", 13.51, 2.11, 2440485)
    across_border = event("western Burkina Faso", "BF", None, None, None)  # a neighbour, placed at country level
    event("Somalia", "SO", None, None, None)
    nowhere = event("the Sahel", None, None, None, None)
    facts = Facts(is_incident=True, category=Category.ARMED_ATTACK, city="Bamako", country="ML", lat=12.65, lon=-7.99,
                  geonameid=2460596)
    article = Article(source="Other", url="https://other.example/1", title="Shooting in Bamako",
                      text="Shots were fired in Bamako.", published=NOW + timedelta(hours=1), facts=facts)
    found = incidents.candidate_incidents(db, report_of(article, facts), seen_since=NOW - timedelta(hours=48))
    assert {i.id for i in found} == {across_line, bamako, country_level, across_border, nowhere}
    later = incidents.candidate_incidents(db, report_of(article, facts), seen_since=NOW + timedelta(minutes=1))
    assert later == []  # events last reported before the window are not read


def test_a_database_of_an_older_version_gets_the_grid_cells_and_watch_stamp(tmp_path: Path) -> None:
    """Upgrading in place: incidents stored before the grid existed are found by their cell afterwards,
    and watch changes renew the stamp ingest keys its watch index on."""
    from datetime import timedelta

    from bot.analysis.facts import Category, Facts
    from bot.dedupe.changes import IncidentState
    from bot.ingest import report_of
    from bot.model import Article
    from bot.store import incidents

    path = tmp_path / "alerts.db"
    db = open_database(path)
    facts = Facts(is_incident=True, category=Category.BOMBING, city="Bamako", country="ML", lat=12.61, lon=-7.98,
                  geonameid=2460596)
    article = Article(source="Feed", url="https://news.example/1", title="Blast in Bamako", text="A bomb exploded in Bamako.",
                      published=NOW, facts=facts)
    stored = incidents.create_incident(db, article, facts, report_of(article, facts), IncidentState(), now=NOW)
    # Back to the schema before the grid and the stamp: no cell column, no triggers, migrations not recorded.
    for statement in ("DROP INDEX incidents_cell_seen", "DROP INDEX incidents_unplaced", "ALTER TABLE incidents DROP COLUMN cell",
                      *(f"DROP TRIGGER {t}" for t in ("watches_inserted", "watches_updated", "watches_deleted",
                                                      "chats_inserted", "chats_activity", "chats_deleted")),
                      "DROP TABLE generations",
                      "DELETE FROM _sqlite_migrations WHERE name IN ('m003_watch_generation', 'm004_incident_cells')"):
        db.execute(statement)
    db.close()

    db = open_database(path)
    later = Article(source="Other", url="https://other.example/1", title="Explosion in Bamako",
                    text="An explosion shook Bamako.", published=NOW + timedelta(hours=1), facts=facts)
    found = incidents.candidate_incidents(db, report_of(later, facts), seen_since=NOW - timedelta(hours=48))
    assert [i.id for i in found] == [stored]
    before = subscriptions.watch_index(db)
    subscriptions.save_chat(db, 1, chat_type="private", title=None, now=NOW)
    subscriptions.add_watch(db, 1, BAMAKO, radius_km=30, now=NOW)
    assert subscriptions.watch_index(db) is not before
    assert [w.chat_id for w in subscriptions.watch_index(db).near(facts)] == [1]
