"""Indexes for queries of every area, found missing by tests/test_store_plans.py (which checks that no statement
of ingest, the sender or the commands reads a whole table). Registered after every area's tables and columns
exist, on the shared migration set (bot.store.schema.migrations); imported by db.py."""
from __future__ import annotations

from sqlite_utils import Database

# Their migrations are registered first, so the columns indexed here exist when these run.
from bot.store import schema_sources, schema_telegram  # noqa: F401
from bot.store.schema import migrations


@migrations()
def m300_recent_and_mute_indexes(db: Database) -> None:
    """/recent and catch-up digests list the incidents published since a time: incidents are kept for good
    (only article text is purged), so without an index each reads every incident ever stored. The mutes that
    have run out are looked for every minute, among the few chats that have one."""
    db.execute("CREATE INDEX IF NOT EXISTS incidents_published ON incidents(published)")
    db.execute("CREATE INDEX IF NOT EXISTS chats_muted_until ON chats(muted_until) WHERE muted_until IS NOT NULL")
