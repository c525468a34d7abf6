"""End to end, one incident one alert: three outlets, a death-toll update, a rewording, a second incident.

The bot runs in its own process against the Bot API test server and three feeds on 127.0.0.1.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.botapi_server import BotApiServer
from tests.e2e_support import BotProcess, polls, rss, say, write_config
from tests.feed_server import FeedServer
from tests.test_ingest import HOTEL, MARKET, TOLL, TOLL_REWORDED

DANA = 4004


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[BotApiServer, FeedServer]]:
    with BotApiServer() as api, FeedServer() as feeds:
        for path in ("/afp.xml", "/reuters.xml", "/rfi.xml"):
            feeds.set(path, rss())
        config = write_config(tmp_path / "config.toml", api, feeds,
                              [("AFP", "/afp.xml"), ("Reuters", "/reuters.xml"), ("RFI", "/rfi.xml")])
        bot = BotProcess(config, tmp_path / "bot.log")
        bot.start()
        try:
            yield api, feeds
        finally:
            bot.close()


def item(title_text: tuple[str, str], slug: str) -> tuple[str, str, str]:
    return title_text[0], f"https://{slug}.example/news/{abs(hash(title_text[0])) % 10**6}", title_text[1]


def test_one_alert_then_one_reply_for_the_toll_then_nothing_then_a_new_incident(
    world: tuple[BotApiServer, FeedServer],
) -> None:
    api, feeds = world
    api.wait_for_call("setMyCommands", timeout=45)
    say(api, DANA, "/start", 1)
    say(api, DANA, "/watch Bamako", 2)
    yesterday = datetime.now(UTC) - timedelta(hours=23)

    # Three outlets report the hotel attack (published yesterday, still within the alert window).
    for path, slug, story in zip(("/afp.xml", "/reuters.xml", "/rfi.xml"), ("afp", "reuters", "rfi"), HOTEL,
                                 strict=True):
        feeds.set(path, rss(item(story, slug), published=yesterday))
    alert = api.wait_for(3, chat_id=DANA, timeout=45)[-1]
    assert "Radisson" in alert["text"] and "Bamako" in alert["text"]
    def names_all(text: str) -> bool:  # in whatever order the outlets were read
        return "Reported by 3 independent sources" in text and all(s in text for s in ("AFP", "Reuters", "RFI"))

    if not names_all(alert["text"]):  # sent before every outlet was read: brought up to date in place
        api.wait_for_call("editMessageText", lambda p: p.get("chat_id") == DANA and names_all(p["text"]), timeout=45)
    polls(feeds, "/rfi.xml", 2)
    assert len(api.sent(chat_id=DANA)) == 3  # one alert, however many outlets

    # The death toll rises: one short update, as a reply to the alert.
    feeds.set("/reuters.xml", rss(item(TOLL, "reuters"), published=yesterday + timedelta(hours=2)))
    update = api.wait_for(4, chat_id=DANA, timeout=45)[-1]
    alert_call = [c for c in api.calls if c.method == "sendMessage" and c.params.get("chat_id") == DANA][2]
    assert "Death toll rises to 21" in update["text"]
    assert update["reply_parameters"]["message_id"] == alert_call.response["result"]["message_id"]

    # A rewording of the same facts: nothing.
    feeds.set("/rfi.xml", rss(item(TOLL_REWORDED, "rfi"), published=yesterday + timedelta(hours=3)))
    polls(feeds, "/rfi.xml", 2)
    polls(feeds, "/afp.xml", 1)
    assert len(api.sent(chat_id=DANA)) == 4

    # A different incident in the same city a day later: a second alert.
    feeds.set("/afp.xml", rss(item(MARKET, "afp")))
    second = api.wait_for(5, chat_id=DANA, timeout=45)[-1]
    assert "Bamako" in second["text"] and "reply_parameters" not in second
