"""End to end: the bot in its own process, a Bot API server and feed servers on 127.0.0.1.

Driven as a user would: /start, /watch; a feed publishes the seed article; the
chat receives exactly one advisory; the same story elsewhere brings nothing; a
restart sends nothing again.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.botapi_server import BotApiServer
from tests.e2e_support import BotProcess, polls, rss, say, seed_item, wait_calls, write_config
from tests.feed_server import FeedServer

ALICE, BOB, CAROL = 1001, 2002, 3003


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[BotApiServer, FeedServer, BotProcess]]:
    with BotApiServer() as api, FeedServer() as feeds:
        feeds.set("/a.xml", rss())
        feeds.set("/b.xml", rss())
        feeds.set("/broken.xml", b"<rss><channel><item><title>unclosed & broken")
        feeds.set("/slow.xml", rss(), delay=3600)
        config = write_config(tmp_path / "config.toml", api, feeds, [
            ("Feed A", "/a.xml"), ("Feed B", "/b.xml"), ("Broken", "/broken.xml"), ("Slow", "/slow.xml")])
        bot = BotProcess(config, tmp_path / "bot.log")
        bot.start()
        try:
            yield api, feeds, bot
        finally:
            bot.close()


def test_seed_article_reaches_the_bamako_watcher_once(world: tuple[BotApiServer, FeedServer, BotProcess]) -> None:
    api, feeds, bot = world
    api.wait_for_call("setMyCommands", timeout=45)
    assert {c["command"] for c in api.commands} >= {"start", "help", "stop", "watch", "watching", "unwatch"}

    assert "security advisory" in say(api, ALICE, "/start", 1)
    assert "Watching" in say(api, ALICE, "/watch Bamako", 2)
    say(api, BOB, "/start", 1)
    assert "Nairobi" in say(api, BOB, "/watch Nairobi", 2)

    feeds.set("/a.xml", rss(seed_item("https://news.example/africa/bamako-attack?utm_source=rss")))
    advisory = api.wait_for(3, chat_id=ALICE, timeout=45)[-1]
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
    wait_calls(api, "setMyCommands", 2)  # the new process is up
    polls(feeds, "/a.xml", 2)
    assert len(api.sent(chat_id=ALICE)) == 3

    assert "Stopped watching" in say(api, ALICE, "/unwatch Bamako", 4)
    assert "no place" in say(api, ALICE, "/watching", 5)


def test_feed_html_is_escaped_and_bad_input_gets_answers(world: tuple[BotApiServer, FeedServer, BotProcess]) -> None:
    api, feeds, _ = world
    api.wait_for_call("setMyCommands", timeout=45)
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
    assert "Watching <b>Tripoli, Libya" in api.wait_for(7, chat_id=CAROL, timeout=45)[-1]["text"]
    title = "Gunmen <script>alert(1)</script> attack R&B club in Bamako, killing 3 <b>guests</b> <3"
    text = "BAMAKO, Mali — Gunmen stormed a club in Bamako on Friday, killing three guests, police said."
    feeds.set("/a.xml", rss((title, "https://news.example/x?a=1&b=2", text)))
    advisory = api.wait_for(8, chat_id=CAROL, timeout=45)[-1]["text"]
    # The test server rejects malformed HTML as Telegram does, so arriving at all proves the escaping.
    assert "script" not in advisory  # feed markup is reduced to its text, never passed through
    assert "R&amp;B club" in advisory and "&lt;3" in advisory
    assert 'href="https://news.example/x?a=1&amp;b=2"' in advisory
