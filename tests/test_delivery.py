"""Outbox -> Telegram over the real Bot API protocol, against the test server on 127.0.0.1."""
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database
from telegram import Bot

from bot.store import outbox, subscriptions
from bot.tg.delivery import Pacer, send_due
from tests.botapi_server import DEFAULT_TOKEN, BotApiServer
from tests.poll_support import Clock

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)




def plan(db: Database, chat_id: int, text: str = "<b>Advisory</b>", priority: int = 2) -> int:
    subscriptions.save_chat(db, chat_id, chat_type="private" if chat_id > 0 else "group", title=None, now=T0)
    incident = int(db["incidents"].insert({
        "created_at": "", "updated_at": "", "published": "", "first_seen": "", "last_seen": "", "category": "bombing",
        "title": "t", "url": "",
        "source": "s", "sources": "[]", "facts": "{}"}).last_pk)
    outbox.enqueue_delivery(db, incident_id=incident, chat_id=chat_id, text=text, priority=priority, now=T0)
    return incident


def status(db: Database) -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in db.execute("SELECT chat_id, status FROM deliveries ORDER BY id")]


async def test_sends_once_and_records_the_message_id(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 11)
    clock = Clock()
    assert await send_due(bot, db, pacer=Pacer(), now=clock) == 1
    assert await send_due(bot, db, pacer=Pacer(), now=clock) == 0  # nothing twice
    (msg,) = api.sent(chat_id=11)
    assert msg["text"] == "Advisory" or msg["text"] == "<b>Advisory</b>"
    assert msg["parse_mode"] == "HTML"
    row = db.execute("SELECT status, message_id FROM deliveries").fetchone()
    assert row[0] == "sent" and row[1] is not None


async def test_429_waits_retry_after_then_sends(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 12)
    api.fail_next("sendMessage", error_code=429, retry_after=1)
    assert await send_due(bot, db, pacer=Pacer(), now=Clock()) == 1
    assert len(api.sent(chat_id=12)) == 1
    assert [c.status for c in api.calls if c.method == "sendMessage"] == [429, 200]


async def test_blocked_chat_is_deactivated_and_others_still_get_theirs(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 13)
    plan(db, 14)
    api.block_chat(13)
    assert await send_due(bot, db, pacer=Pacer(), now=Clock()) == 1
    assert status(db) == [(13, "failed"), (14, "sent")]
    assert not subscriptions.is_active(db, 13)


async def test_chat_not_found_deactivates(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 15)
    api.fail_next("sendMessage", error_code=400, description="Bad Request: chat not found")
    await send_due(bot, db, pacer=Pacer(), now=Clock())
    assert status(db) == [(15, "failed")] and not subscriptions.is_active(db, 15)


async def test_server_error_is_retried_later_not_lost(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 16)
    api.fail_next("sendMessage", error_code=502, description="Bad Gateway")
    clock = Clock()
    assert await send_due(bot, db, pacer=Pacer(), now=clock) == 0
    assert status(db) == [(16, "pending")]
    clock.now = T0 + timedelta(minutes=1)
    assert await send_due(bot, db, pacer=Pacer(), now=clock) == 1
    assert len(api.sent(chat_id=16)) == 1


async def test_migrated_group_gets_the_message_at_its_new_id(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, -500)
    api.fail_next("sendMessage", error_code=400, migrate_to_chat_id=-100500)
    assert await send_due(bot, db, pacer=Pacer(), now=Clock()) == 1
    assert len(api.sent(chat_id=-100500)) == 1
    assert status(db) == [(-100500, "sent")]


async def test_most_severe_first(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 17, text="low", priority=0)
    plan(db, 18, text="critical", priority=3)
    await send_due(bot, db, pacer=Pacer(), now=Clock())
    assert [m["text"] for m in api.sent()] == ["critical", "low"]


async def test_429_waits_exactly_retry_after(db: Database, bot: Bot, api: BotApiServer) -> None:
    import time

    plan(db, 19)
    api.fail_next("sendMessage", error_code=429, retry_after=1)
    start = time.monotonic()
    assert await send_due(bot, db, pacer=Pacer(), now=Clock()) == 1
    assert 1.0 <= time.monotonic() - start < 1.6


async def test_telegram_limits_are_obeyed_without_a_single_429(db: Database, bot: Bot) -> None:
    """Several messages to one chat and one group, among many chats: spaced per chat, <30/s overall."""
    with BotApiServer(enforce_limits=True) as strict:
        async with Bot(DEFAULT_TOKEN, base_url=f"{strict.url}/bot") as b:
            for _ in range(3):
                plan(db, 20)
            for _ in range(2):
                plan(db, -20)
            for chat in range(100, 140):
                plan(db, chat)
            assert await send_due(b, db, pacer=Pacer(), now=Clock()) == 45
        assert strict.too_many_requests == 0
        assert len(strict.sent(chat_id=20)) == 3 and len(strict.sent(chat_id=-20)) == 2


async def test_network_errors_are_retried_later(db: Database, api: BotApiServer) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/bot"
    plan(db, 21)
    clock = Clock()
    unreachable = Bot(DEFAULT_TOKEN, base_url=dead)  # not initialised: that would call getMe
    try:
        assert await send_due(unreachable, db, pacer=Pacer(), now=clock) == 0
    finally:
        await unreachable.shutdown()
    assert status(db) == [(21, "pending")]
    clock.now = T0 + timedelta(minutes=1)
    async with Bot(DEFAULT_TOKEN, base_url=f"{api.url}/bot") as b:
        assert await send_due(b, db, pacer=Pacer(), now=clock) == 1


async def test_a_message_is_never_over_4096_characters(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 22, text="<b>Long</b> " + "word " * 2000)
    assert await send_due(bot, db, pacer=Pacer(), now=Clock()) == 1
    (msg,) = api.sent(chat_id=22)
    assert len(msg["text"]) <= 4096 and msg["text"].endswith("…") and msg["text"].startswith("Long word")


async def test_html_telegram_rejects_still_arrives_as_plain_text(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 23, text="<b>Attack</b> near <unknown> R&D site")
    assert await send_due(bot, db, pacer=Pacer(), now=Clock()) == 1
    (msg,) = api.sent(chat_id=23)
    assert msg["text"] == "Attack near  R&D site" and "parse_mode" not in msg


async def test_other_bad_request_is_failed_and_logged_not_retried(db: Database, bot: Bot, api: BotApiServer) -> None:
    plan(db, 24)
    api.fail_next("sendMessage", error_code=400, description="Bad Request: message is too long")
    assert await send_due(bot, db, pacer=Pacer(), now=Clock()) == 0
    assert status(db) == [(24, "failed")] and subscriptions.is_active(db, 24)


async def test_concurrent_sends_never_repeat_a_message(db: Database, bot: Bot, api: BotApiServer) -> None:
    for chat in range(200, 500):
        plan(db, chat)
    assert await send_due(bot, db, pacer=Pacer(1000), now=Clock(), concurrency=8) == 300
    chats = [m["chat_id"] for m in api.sent()]
    assert len(chats) == 300 and len(set(chats)) == 300
