"""Fan-out: N chats (default 10,000) watch Bamako; one incident; how fast does every chat get it?

The real pieces: a SQLite file, the real ingest (analysis, matching, per-chat filters, outbox
rows in one transaction), the real outbox sender (bot/tg/delivery.py) over HTTP to the Bot API
test server on 127.0.0.1 with Telegram's flood limits enforced (30/s overall, 1/s per chat,
20/min per group; a 429 for every excess). Map pins are off in these chats so that there is
exactly one message per chat.

    .venv/bin/python bench/fanout.py                 # 10,000 chats, ~6 minutes
    .venv/bin/python bench/fanout.py --chats 1000    # quicker

Prints the time until every chat has the alert, the achieved messages per second as a
fraction of Telegram's 30/s, and the number of 429s. Target: >= 0.9 and no 429.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Bot  # noqa: E402
from telegram.request import HTTPXRequest  # noqa: E402

import bot.tg  # noqa: E402,F401  (PTB_TIMEDELTA before telegram is imported)
from bot.analysis import analyze  # noqa: E402
from bot.analysis.advisory import render_html  # noqa: E402
from bot.ingest import ingest_articles  # noqa: E402
from bot.model import Article  # noqa: E402
from bot.store.db import open_database  # noqa: E402
from bot.tg.delivery import DEFAULT_CONCURRENCY, send_due  # noqa: E402
from bot.tg.limits import GLOBAL_RATE_PER_S, Pacer  # noqa: E402
from tests.botapi_server import DEFAULT_TOKEN, BotApiServer  # noqa: E402

TELEGRAM_LIMIT = 30.0
BAMAKO = ("city", "2460596", "Bamako, Mali", "ML", 12.60915, -7.97522, 30.0)
STORY = ("Robbers attack shop in Bamako market",
         "BAMAKO, Mali — Armed robbers attacked a shop in a Bamako market on Monday, injuring one man, police said.")


def populate(db: object, chats: int, now: datetime) -> None:
    stamp = now.isoformat()
    with db.atomic():  # type: ignore[attr-defined]
        db.conn.executemany(  # type: ignore[attr-defined]
            "INSERT INTO chats (chat_id, type, title, active, created_at, updated_at, map_pins) "
            "VALUES (?, 'private', NULL, 1, ?, ?, 0)",
            [(1_000_000 + i, stamp, stamp) for i in range(chats)],
        )
        db.conn.executemany(  # type: ignore[attr-defined]
            "INSERT INTO watches (chat_id, kind, key, name, country, lat, lon, radius_km, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(1_000_000 + i, *BAMAKO, stamp) for i in range(chats)],
        )


async def run(chats: int, rate: float, concurrency: int) -> int:
    with tempfile.TemporaryDirectory() as tmp, BotApiServer(enforce_limits=True) as api:
        db = open_database(Path(tmp) / "alerts.db")
        now = datetime.now(UTC)
        populate(db, chats, now)
        t_plan = time.perf_counter()
        article = Article(source="Bench Wire", url="https://bench.example/1", title=STORY[0], text=STORY[1], published=now)
        report = ingest_articles(db, [article], analyze=analyze, render_html=render_html, now=now,
                                 max_age=timedelta(hours=24))
        plan_s = time.perf_counter() - t_plan
        request = HTTPXRequest(connection_pool_size=concurrency + 4)
        async with Bot(DEFAULT_TOKEN, base_url=f"{api.url}/bot", request=request) as bot:
            t0 = time.perf_counter()
            confirmed = await send_due(bot, db, pacer=Pacer(rate), now=lambda: datetime.now(UTC),
                                       concurrency=concurrency)
            elapsed = time.perf_counter() - t0
        received = {m["chat_id"] for m in api.sent()}
        per_s = len(api.sent()) / elapsed
        print(f"chats: {chats}; planned: {report.deliveries} in {plan_s:.2f} s (one transaction)")
        print(f"every chat has it after {elapsed:.1f} s; {len(received)} chats reached, {confirmed} confirmed")
        print(f"achieved {per_s:.2f} messages/s = {per_s / TELEGRAM_LIMIT:.3f} of Telegram's 30/s "
              f"(pacer {rate}/s, {concurrency} in flight)")
        print(f"429 Too Many Requests: {api.too_many_requests}")
        db.close()
        ok = len(received) == chats and api.too_many_requests == 0 and per_s / TELEGRAM_LIMIT >= 0.9
        return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=GLOBAL_RATE_PER_S, help="pacer messages per second")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY)
    args = parser.parse_args()
    return asyncio.run(run(args.chats, args.rate, args.concurrency))


if __name__ == "__main__":
    sys.exit(main())
