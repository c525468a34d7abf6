"""The database schema, as named migrations applied in order (sqlite-utils' Migrations).

Each change is one function, recorded in `_sqlite_migrations` when applied, so an
old database file is upgraded in place on start. Areas that add tables or columns
keep their migrations in their own module (schema_*.py), registered on the same set.
"""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("secalert")


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            title_hash TEXT,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            language TEXT,
            published TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            is_incident INTEGER NOT NULL,
            incident_id INTEGER REFERENCES incidents(id),
            facts TEXT NOT NULL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url != ''")
    db.execute("CREATE INDEX articles_content_hash ON articles(content_hash)")
    db.execute("CREATE INDEX articles_title_hash ON articles(title_hash, published)")
    db.execute("CREATE INDEX articles_incident ON articles(incident_id)")
    # Retention purges the text of old articles: only rows that still have text are looked at.
    db.execute("CREATE INDEX articles_unpurged ON articles(seen_at) WHERE text != ''")
    db.execute(
        """
        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            published TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            category TEXT NOT NULL,
            severity TEXT,
            city TEXT,
            country TEXT,
            geonameid INTEGER,
            lat REAL,
            lon REAL,
            killed INTEGER,
            injured INTEGER,
            airport_closed INTEGER,
            all_clear INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL,
            url TEXT NOT NULL,
            source TEXT NOT NULL,
            sources TEXT NOT NULL,
            copies TEXT NOT NULL DEFAULT '[]',
            report_count INTEGER NOT NULL DEFAULT 1,
            sketch BLOB,
            terms TEXT NOT NULL DEFAULT '',
            facts TEXT NOT NULL
        )"""
    )
    # Clustering looks for candidates near the same place in a time window, never the whole history.
    db.execute("CREATE INDEX incidents_country_seen ON incidents(country, last_seen)")
    db.execute("CREATE INDEX incidents_seen ON incidents(last_seen)")
    db.execute(
        """
        CREATE TABLE chats (
            chat_id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            title TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE watches (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(chat_id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            country TEXT,
            lat REAL,
            lon REAL,
            radius_km REAL NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (chat_id, kind, key)
        )"""
    )
    db.execute("CREATE INDEX watches_country ON watches(country)")
    db.execute(
        """
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            chat_id INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT 'alert',
            seq INTEGER NOT NULL DEFAULT 0,
            reply_to_delivery_id INTEGER REFERENCES deliveries(id),
            priority INTEGER NOT NULL,
            text TEXT NOT NULL,
            context TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            message_id INTEGER,
            last_error TEXT,
            UNIQUE (incident_id, chat_id, kind, seq)
        )"""
    )
    db.execute("CREATE INDEX deliveries_chat ON deliveries(chat_id, incident_id)")
    db.execute("CREATE INDEX deliveries_incident ON deliveries(incident_id, kind)")
    db.execute("CREATE INDEX deliveries_reply_to ON deliveries(reply_to_delivery_id) WHERE reply_to_delivery_id IS NOT NULL")
    db.execute("CREATE INDEX deliveries_pending ON deliveries(status, priority DESC, id) WHERE status = 'pending'")
    db.execute(
        """
        CREATE TABLE source_state (
            name TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_success TEXT,
            last_error TEXT,
            last_error_at TEXT,
            failures INTEGER NOT NULL DEFAULT 0
        )"""
    )


@migrations()
def m002_candidate_index(db: Database) -> None:
    """Candidate incidents are looked up by country, time and place: with the place in the index,
    far-away incidents of a big country are passed over without reading their rows."""
    db.execute("DROP INDEX IF EXISTS incidents_country_seen")
    db.execute("CREATE INDEX incidents_country_seen ON incidents(country, last_seen, geonameid, lat, lon)")


@migrations()
def m003_watch_generation(db: Database) -> None:
    """A stamp that every change of who watches what renews: ingest keeps its index of the watches
    (built from every row) for as long as the stamp stands. Random, not a count: a count rolled back
    with its transaction could come back for other changes."""
    db.execute("CREATE TABLE generations (name TEXT PRIMARY KEY, n INTEGER NOT NULL)")
    db.execute("INSERT INTO generations (name, n) VALUES ('watches', 0)")
    bump = "BEGIN UPDATE generations SET n = random() WHERE name = 'watches'; END"
    for trigger, event in (
        ("watches_inserted", "AFTER INSERT ON watches"),
        ("watches_updated", "AFTER UPDATE ON watches"),
        ("watches_deleted", "AFTER DELETE ON watches"),
        ("chats_inserted", "AFTER INSERT ON chats"),
        ("chats_activity", "AFTER UPDATE OF active ON chats"),
        ("chats_deleted", "AFTER DELETE ON chats"),
    ):
        db.execute(f"CREATE TRIGGER {trigger} {event} {bump}")


@migrations()
def m004_incident_cells(db: Database) -> None:
    """Events placed in a city are found by the cell of a half-degree grid they lie in (see
    bot/store/incidents.py: candidate_incidents); events placed only in a country by a partial index."""
    from bot.store.incidents import cell_of

    db.execute("ALTER TABLE incidents ADD COLUMN cell INTEGER")
    rows = db.execute("SELECT id, lat, lon FROM incidents WHERE geonameid IS NOT NULL").fetchall()
    db.conn.executemany("UPDATE incidents SET cell = ? WHERE id = ?", [(cell_of(lat, lon), id_) for id_, lat, lon in rows])
    db.execute("CREATE INDEX incidents_cell_seen ON incidents(cell, last_seen)")
    db.execute("CREATE INDEX incidents_unplaced ON incidents(country, last_seen) WHERE geonameid IS NULL")
