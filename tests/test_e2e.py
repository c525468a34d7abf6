"""End to end: the bot in its own process, a Bot API server and feed servers on 127.0.0.1.

Driven as a user would: /start, /watch; a feed publishes the seed article; the
chat receives exactly one advisory; the same story elsewhere brings nothing; a
restart sends nothing again.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.botapi_server import DEFAULT_TOKEN, BotApiServer
from tests.conftest import ROOT, SEED
from tests.feed_server import FeedServer

ALICE, BOB, CAROL = 1001, 2002, 3003


def rss(*items: tuple[str, str, str]) -> bytes:
    """An RSS 2.0 feed of (title, link, description) items published now."""
    now = format_datetime(datetime.now(UTC), usegmt=True)
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<description>{escape(d)}</description><pubDate>{now}</pubDate></item>"
        for t, link, d in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()


def seed_item(link: str) -> tuple[str, str, str]:
    title, _, text = SEED.read_text(encoding="utf-8").partition("\n")
    return title, link, text


class BotProcess:
    def __init__(self, config: Path, log: Path) -> None:
        self.config, self.log = config, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN, "PYTHONUNBUFFERED": "1"}
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "--config", str(self.config), "run"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )

    def stop(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[BotApiServer, FeedServer, BotProcess]]:
    with BotApiServer() as api, FeedServer() as feeds:
        feeds.set("/a.xml", rss())
        feeds.set("/b.xml", rss())
        feeds.set("/broken.xml", b"<rss><channel><item><title>unclosed & broken")
        feeds.set("/slow.xml", rss(), delay=3600)
        config = tmp_path / "config.toml"
        config.write_text(
            f'[telegram]\napi_base_url = "{api.url}"\n'
            f'[storage]\ndatabase = "{tmp_path / "alerts.db"}"\n'
            "[polling]\ninterval_seconds = 1\ntimeout_seconds = 2\n"
            + "".join(
                f'[[sources]]\nname = "{name}"\ntype = "rss"\nurl = "{feeds.url}{path}"\n'
                for name, path in [("Feed A", "/a.xml"), ("Feed B", "/b.xml"), ("Broken", "/broken.xml"),
                                   ("Slow", "/slow.xml")]
            ),
            encoding="utf-8",
        )
        bot = BotProcess(config, tmp_path / "bot.log")
        bot.start()
        try:
            yield api, feeds, bot
        finally:
            if bot.proc and bot.proc.poll() is None:
                bot.stop()
            log = bot.log.read_text(errors="replace")
            assert DEFAULT_TOKEN not in log, "the bot token leaked into the log"


def say(api: BotApiServer, chat: int, text: str, expect_total: int) -> str:
    api.push_message(chat, text, user_id=chat)
    return str(api.wait_for(expect_total, chat_id=chat, timeout=20)[-1]["text"])


def polls(feeds: FeedServer, path: str, more: int) -> None:
    """Wait until the bot has polled `path` `more` more times."""
    feeds.wait_for_requests(path, len(feeds.requests(path)) + more, timeout=30)


def test_seed_article_reaches_the_bamako_watcher_once(world: tuple[BotApiServer, FeedServer, BotProcess]) -> None:
    api, feeds, bot = world
    api.wait_for_call("setMyCommands", timeout=30)
    assert {c["command"] for c in api.commands} >= {"start", "help", "stop", "watch", "watching", "unwatch"}

    assert "security advisory" in say(api, ALICE, "/start", 1)
    assert "Watching" in say(api, ALICE, "/watch Bamako", 2)
    say(api, BOB, "/start", 1)
    assert "Nairobi" in say(api, BOB, "/watch Nairobi", 2)

    feeds.set("/a.xml", rss(seed_item("https://news.example/africa/bamako-attack?utm_source=rss")))
    advisory = api.wait_for(3, chat_id=ALICE, timeout=30)[-1]
    assert "Bamako" in advisory["text"] and "BKO" in advisory["text"]
    assert "https://news.example/africa/bamako-attack" in str(advisory)
    assert advisory["parse_mode"] == "HTML"

    # The same story from a second outlet under another URL: no second advisory.
    feeds.set("/b.xml", rss(seed_item("https://other.example/story/123")))
    polls(feeds, "/b.xml", 2)
    polls(feeds, "/a.xml", 1)
    assert len(api.sent(chat_id=ALICE)) == 3
    assert len(api.sent(chat_id=BOB)) == 2  # Nairobi watcher: nothing

    # Restart on the same database: nothing is sent again.
    assert bot.stop() == 0
    bot.start()
    api.wait_for_call("getUpdates", lambda p: True, timeout=30)
    polls(feeds, "/a.xml", 2)
    assert len(api.sent(chat_id=ALICE)) == 3

    assert "Stopped watching" in say(api, ALICE, "/unwatch Bamako", 4)
    assert "no place" in say(api, ALICE, "/watching", 5)


def test_feed_html_is_escaped_and_bad_input_gets_answers(world: tuple[BotApiServer, FeedServer, BotProcess]) -> None:
    api, feeds, _ = world
    api.wait_for_call("setMyCommands", timeout=30)
    say(api, CAROL, "/start", 1)
    assert "which place" in say(api, CAROL, "/watch", 2).lower()
    assert "too long" in say(api, CAROL, "/watch " + "x" * 500, 3)
    assert "don't know" in say(api, CAROL, "/watch Qwxzzyville", 4)
    assert "Watching" in say(api, CAROL, "/watch BKO", 5)
    assert "Which one?" in say(api, CAROL, "/watch Tripoli", 6)
    asked = [c for c in api.calls if c.method == "sendMessage" and c.params.get("chat_id") == CAROL][-1]
    buttons = [b[0] for b in asked.params["reply_markup"]["inline_keyboard"]]
    libya = next(b for b in buttons if "Libya" in b["text"])
    api.push_callback_query(CAROL, libya["callback_data"], message_id=asked.response["result"]["message_id"])
    assert "Watching <b>Tripoli, Libya" in api.wait_for(7, chat_id=CAROL, timeout=20)[-1]["text"]
    title = "Gunmen <script>alert(1)</script> attack R&B club in Bamako, killing 3 <b>guests</b> <3"
    text = "BAMAKO, Mali — Gunmen stormed a club in Bamako on Friday, killing three guests, police said."
    feeds.set("/a.xml", rss((title, "https://news.example/x?a=1&b=2", text)))
    advisory = api.wait_for(8, chat_id=CAROL, timeout=30)[-1]["text"]
    # The test server rejects malformed HTML as Telegram does, so arriving at all proves the escaping.
    assert "script" not in advisory  # feed markup is reduced to its text, never passed through
    assert "R&amp;B club" in advisory and "&lt;3" in advisory
    assert 'href="https://news.example/x?a=1&amp;b=2"' in advisory
