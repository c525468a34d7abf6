"""Follow-ups reach Telegram as the user expects: an update replies to the alert, a confirmation edits it."""
from datetime import timedelta

from sqlite_utils import Database
from telegram import Bot

import bot.tg  # noqa: F401  (PTB_TIMEDELTA)
from bot.tg.delivery import send_due
from bot.tg.limits import Pacer
from tests.botapi_server import BotApiServer
from tests.test_ingest import HOTEL, NOW, TOLL, ingest, story, watch


async def test_update_replies_to_the_alert_and_a_new_source_edits_it_silently(
    db: Database, bot: Bot, api: BotApiServer
) -> None:
    watch(db, 7, "Bamako")
    at = NOW - timedelta(hours=2)
    ingest(db, story(HOTEL[0], source="AFP", at=at, slug="afp"))
    assert await send_due(bot, db, pacer=Pacer(), now=lambda: NOW) >= 1
    (alert,) = api.sent(chat_id=7)
    alert_id = [c for c in api.calls if c.method == "sendMessage"][0].response["result"]["message_id"]
    assert "Single source so far (unconfirmed)." in alert["text"]

    ingest(db, story(HOTEL[1], source="Reuters", at=at + timedelta(minutes=10), slug="reuters"))
    ingest(db, story(TOLL, source="RFI", at=at + timedelta(minutes=40), slug="rfi"))
    await send_due(bot, db, pacer=Pacer(), now=lambda: NOW)

    update = api.sent(chat_id=7)[-1]
    assert "Death toll rises to 21 (was 3)" in update["text"]
    assert update["reply_parameters"]["message_id"] == alert_id
    edits = api.sent(chat_id=7, method="editMessageText")
    assert edits and edits[-1]["message_id"] == alert_id
    assert "Reported by 3 independent sources: AFP, Reuters, RFI." in edits[-1]["text"]
    assert len(api.sent(chat_id=7)) == 2  # the alert and one update: confirmations never add a message
