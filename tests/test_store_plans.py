"""Every statement ingest runs is answered from an index: none reads a whole table, and none walks every pending
message of every chat to find one incident's. A fan-out to thousands of chats leaves thousands of messages pending
for minutes (Telegram takes about 30 a second), and an incident confirmed by a new source meanwhile must not cost
a walk through all of them."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlite_utils import Database

from bot.store import outbox, recent, subscriptions
from tests.test_ingest import HOTEL, NOW, TOLL, ingest, story, watch

# A plan line reading one of our tables from end to end ("SCAN deliveries"); SQLite's own helpers (json_each) may.
_FULL_SCAN = re.compile(r"^SCAN (articles|incidents|deliveries|chats|watches|digest_items)\b")


def _plans(db: Database, statements: list[str]) -> dict[str, list[str]]:
    plans = {}
    for sql in statements:
        if re.match(r"\s*(SELECT|UPDATE|DELETE|INSERT)", sql, re.IGNORECASE):
            plans[sql] = [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()]
    return plans


def test_an_alert_its_edit_and_its_update_are_planned_from_indexes(db: Database) -> None:
    for chat_id in (1, 2, 3):
        watch(db, chat_id, "Bamako")
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    ingest(db, story(HOTEL[0], source="Reuters", at=NOW, slug="reuters"))
    db.execute("UPDATE deliveries SET status = 'sent', message_id = id WHERE status = 'pending'")  # the sender
    ingest(db, story(HOTEL[1], source="AP", at=NOW + timedelta(hours=1), slug="ap"),  # a second source: an edit
           story(TOLL, source="RFI", at=NOW + timedelta(hours=2), slug="rfi"),  # a higher toll: an update
           now=NOW + timedelta(hours=2))
    db.conn.set_trace_callback(None)

    kinds = {kind for (kind,) in db.execute("SELECT DISTINCT kind FROM deliveries").fetchall()}
    assert {"alert", "edit", "update"} <= kinds  # every path below was taken
    plans = _plans(db, statements)
    full_scans = {sql: plan for sql, plan in plans.items() if any(_FULL_SCAN.match(line) for line in plan)}
    assert not full_scans
    # One incident's messages are found by the incident, not among every chat's pending messages.
    by_pending = {sql: plan for sql, plan in plans.items()
                  if "incident_id =" in sql and any("deliveries_pending" in line for line in plan)}
    assert not by_pending


def test_sending_and_the_commands_read_from_indexes(db: Database) -> None:
    """The sender's queue, /recent, catch-up digests, mutes that end and a chat that blocked the bot."""
    for chat_id in (1, 2, 3):
        watch(db, chat_id, "Bamako")
    ingest(db, story(HOTEL[0], source="Reuters", at=NOW, slug="reuters"))
    later = NOW + timedelta(minutes=5)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    due = outbox.due_deliveries(db, now=later)
    outbox.mark_sent(db, due[0].id, message_id=10, now=later)
    outbox.mark_retry(db, due[1], error="timed out", not_before=later + timedelta(seconds=5))
    outbox.mark_failed(db, due[2].id, error="Forbidden: bot was blocked by the user")
    subscriptions.deactivate_chat(db, 3, now=later)
    recent.for_watches(db, [w for _, w in subscriptions.list_watches(db, 1)], since=NOW - timedelta(days=1))
    recent.told_incidents(db, 1)
    subscriptions.ended_mutes(db, later)
    db.conn.set_trace_callback(None)

    assert len(due) == 3  # the three chats' alerts were there to send
    plans = _plans(db, statements)
    assert not {sql: plan for sql, plan in plans.items() if any(_FULL_SCAN.match(line) for line in plan)}
