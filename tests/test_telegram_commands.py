"""Commands end to end: the real bot in-process, the Bot API test server on 127.0.0.1,
what the user sees in the chat."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.analysis.facts import Place
from bot.store import subscriptions
from tests.telegram_harness import Harness, running_bot

ALICE = 1001


async def test_start_help_and_the_command_menu(tg: Harness) -> None:
    await tg.api.wait_for_call_async("setMyCommands")
    menu = {c["command"] for c in tg.api.commands}
    assert menu >= {"start", "help", "stop", "watch", "unwatch", "watching", "severity", "categories", "mute",
                    "unmute", "quiet", "timezone", "map", "recent", "status"}
    assert "security advisory" in await tg.say(ALICE, "/start")
    help_text = await tg.say(ALICE, "/help")
    assert "/quiet" in help_text and "/severity" in help_text and len(help_text) < 1200


async def test_unknown_command_and_free_text_get_a_hint(tg: Harness) -> None:
    assert "/help" in await tg.say(ALICE, "/frobnicate")
    assert "/watch" in await tg.say(ALICE, "hello bot")


async def test_watch_with_radius_then_list_and_unwatch(tg: Harness) -> None:
    answer = await tg.say(ALICE, "/watch Bamako 40 km")
    assert "Watching <b>Bamako, Mali</b> (within 40 km)" in answer
    default = await tg.say(ALICE, "/watch BKO")
    assert "Watching" in default and "farther for critical events" in default
    country = await tg.say(ALICE, "/watch Mali")
    assert "anywhere in it" in country
    listing = await tg.say(ALICE, "/watching")
    assert "1. Bamako, Mali (40 km)" in listing and "Mali" in listing
    assert "Stopped watching <b>Bamako, Mali</b>" in await tg.say(ALICE, "/unwatch 1")
    assert "don't watch" in await tg.say(ALICE, "/unwatch Timbuktu")
    assert "already watch" in await tg.say(ALICE, "/watch BKO")


async def test_radius_out_of_bounds_is_refused(tg: Harness) -> None:
    assert "between 1 and 500 km" in await tg.say(ALICE, "/watch Bamako 5000 km")


async def test_ambiguous_name_gets_buttons_and_a_tap_watches_the_pick(tg: Harness) -> None:
    assert "Which one?" in await tg.say(ALICE, "/watch Tripoli")
    lebanon = next(b for b in tg.buttons(ALICE) if "Lebanon" in b["text"])
    await tg.press(ALICE, lebanon["callback_data"])
    assert "Watching <b>Tripoli, Lebanon" in tg.api.sent(ALICE)[-1]["text"]
    assert any(c.method == "answerCallbackQuery" and c.status == 200 for c in tg.api.calls)


async def test_a_location_pin_watches_that_point(tg: Harness) -> None:
    before = len(tg.api.sent(ALICE))
    tg.api.push_location(ALICE, 12.65, -8.0)
    answer = (await tg.api.wait_for_async(before + 1, chat_id=ALICE))[-1]["text"]
    assert "Watching" in answer and "12.6500, -8.0000" in answer and "25 km" in answer
    assert "12.6500, -8.0000" in await tg.say(ALICE, "/watching")


async def test_limits_have_clear_answers(tg: Harness) -> None:
    await tg.say(ALICE, "/start")
    for i in range(subscriptions.MAX_WATCHES_PER_CHAT):
        place = Place(kind="city", key=f"x{i}", name=f"Town {i}", country="ML", lat=10.0, lon=float(i % 50))
        subscriptions.add_watch(tg.db, ALICE, place, radius_km=30, now=tg.clock())
    assert "50 places, the most I allow" in await tg.say(ALICE, "/watch Bamako")
    assert "too long" in await tg.say(ALICE, "/watch " + "x" * 101)
    assert "which place" in (await tg.say(ALICE, "/watch")).lower()


async def test_user_input_is_escaped_in_replies(tg: Harness) -> None:
    # The test server rejects malformed HTML as Telegram does: an answer at all proves the escaping.
    answer = await tg.say(ALICE, "/unwatch <b>&amp; <script>")
    assert "&lt;b&gt;&amp;amp; &lt;script&gt;" in answer or "<b>&amp; <script>" in answer


async def test_stop_deletes_the_chat_data(tg: Harness) -> None:
    await tg.say(ALICE, "/watch Bamako")
    assert "unsubscribed" in await tg.say(ALICE, "/stop")
    assert "no place" in await tg.say(ALICE, "/watching")


async def test_per_user_command_rate_limit(tmp_path: Path, gazetteer: Any) -> None:
    async with running_bot(tmp_path, gazetteer, commands_per_minute=5) as tg:
        for _ in range(5):
            assert "What I understand" in await tg.say(ALICE, "/help")
        assert "wait a minute" in await tg.say(ALICE, "/help")
        # Beyond that: silence until the bucket refills. Another user is not affected (and, updates
        # being handled in order, their answer means Alice's extra command was handled).
        tg.api.push_message(ALICE, "/help")
        assert "What I understand" in await tg.say(2002, "/help")
        tg.clock.advance(seconds=13)  # 5 per minute: one command back after 12 s
        assert "What I understand" in await tg.say(ALICE, "/help")
        texts = [m["text"] for m in tg.api.sent(ALICE)]
        assert len(texts) == 7 and texts.count("⏳ That is a lot of commands: please wait a minute and try again.") == 1
