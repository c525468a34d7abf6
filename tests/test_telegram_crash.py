"""Crash safety: the bot (its own process) is killed with SIGKILL in the middle of a fan-out to
1,000 chats, then restarted on the same database. At the Bot API server we count, per chat,
the alerts and map pins received: none may be lost; a duplicate is allowed only for a message
that was in flight at the kill (at most `concurrency` of them, at most one per chat)."""
from __future__ import annotations

import signal
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from bot.store.db import open_database
from tests.botapi_server import BotApiServer
from tests.feed_server import FeedServer
from tests.telegram_harness import RAID as STORY
from tests.test_e2e import BotProcess, rss

CHATS = 1000
CONCURRENCY = 8


def subscribe_chats(path: Path) -> list[int]:
    db = open_database(path)
    stamp = datetime.now(UTC).isoformat()
    ids = [2_000_000 + i for i in range(CHATS)]
    with db.atomic():
        db.conn.executemany("INSERT INTO chats (chat_id, type, active, created_at, updated_at) "
                            "VALUES (?, 'private', 1, ?, ?)", [(c, stamp, stamp) for c in ids])
        db.conn.executemany("INSERT INTO watches (chat_id, kind, key, name, country, lat, lon, radius_km, created_at) "
                            "VALUES (?, 'city', '2460596', 'Bamako, Mali', 'ML', 12.60915, -7.97522, 30, ?)",
                            [(c, stamp) for c in ids])
    db.close()
    return ids


def wait_until(check: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_kill_9_mid_fanout_loses_nothing_and_duplicates_only_in_flight(tmp_path: Path) -> None:
    database = tmp_path / "alerts.db"
    chats = subscribe_chats(database)
    with BotApiServer() as api, FeedServer() as feeds:
        feeds.set("/a.xml", rss((STORY[0], "https://news.example/bamako-market", STORY[1])))
        config = tmp_path / "config.toml"
        config.write_text(
            f'[telegram]\napi_base_url = "{api.url}"\n[storage]\ndatabase = "{database}"\n'
            "[polling]\ninterval_seconds = 1\ntimeout_seconds = 2\n"
            f"[delivery]\nmessages_per_second = 250\nconcurrency = {CONCURRENCY}\n"
            f'[[sources]]\nname = "Wire"\ntype = "rss"\nurl = "{feeds.url}/a.xml"\n',
            encoding="utf-8",
        )
        bot = BotProcess(config, tmp_path / "bot.log")
        bot.start()
        try:
            wait_until(lambda: len(api.sent()) >= 300, timeout=60)
            assert bot.proc is not None
            bot.proc.send_signal(signal.SIGKILL)
            bot.proc.wait(timeout=10)
            at_kill = len(api.sent()) + len(api.sent(method="sendVenue"))
            assert at_kill < 2 * CHATS, "the fan-out had finished before the kill"
            bot.start()
            wait_until(lambda: len({m["chat_id"] for m in api.sent()}) >= CHATS
                       and len({m["chat_id"] for m in api.sent(method="sendVenue")}) >= CHATS, timeout=90)
            time.sleep(0.3)  # anything else still on its way would show now
        finally:
            if bot.proc and bot.proc.poll() is None:
                bot.stop()
        alerts = Counter(m["chat_id"] for m in api.sent())
        pins = Counter(m["chat_id"] for m in api.sent(method="sendVenue"))
        lost = sum(1 for c in chats if alerts[c] == 0) + sum(1 for c in chats if pins[c] == 0)
        duplicated = sum(n - 1 for n in alerts.values()) + sum(n - 1 for n in pins.values())
        print(f"\ncrash test: {CHATS} chats, killed after {at_kill} messages; "
              f"lost {lost}, duplicated {duplicated} (bound: {CONCURRENCY} in flight)")
        assert set(alerts) == set(chats)
        assert lost == 0
        assert duplicated <= CONCURRENCY
        assert all(n <= 2 for n in alerts.values()) and all(n <= 2 for n in pins.values())
