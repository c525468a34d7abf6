"""Per-chat settings as a user lives them: what arrives, what does not, and how (silently, with a map pin)."""
from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.sources.fetch import Validators
from bot.store import source_state
from bot.tg.catch_up import plan_mute_end_digests
from tests.telegram_harness import RAID, Harness, running_bot

ALICE = 1001
PROTEST = ("Protest in Bamako over fuel prices",
           "BAMAKO, Mali — Hundreds of people protested peacefully in Bamako on Monday over fuel prices, police said. "
           "Some roads were blocked.")  # unrest, low
BOMBING = ("Explosion at Bamako hotel kills 20",
           "BAMAKO, Mali — A car bomb exploded outside a hotel in Bamako on Tuesday, killing 20 people and injuring "
           "dozens, officials said.")  # critical


@pytest.fixture
async def tg(tmp_path: Path, gazetteer: Any) -> AsyncIterator[Harness]:
    async with running_bot(tmp_path, gazetteer) as harness:
        await harness.say(ALICE, "/watch Bamako")
        yield harness


def alerts(tg: Harness) -> list[dict[str, Any]]:
    return [m for m in tg.api.sent(ALICE) if "Source:" in m["text"]]


async def publish(tg: Harness, story: tuple[str, str], url: str) -> None:
    tg.publish(*story, url=url)
    await tg.deliver()


async def test_severity_minimum(tg: Harness) -> None:
    assert "high and above" in await tg.say(ALICE, "/severity high")
    await publish(tg, PROTEST, "https://n.example/1")
    await publish(tg, RAID, "https://n.example/2")
    assert [("Raiders" in a["text"]) for a in alerts(tg)] == [True]
    assert "Use one of" in await tg.say(ALICE, "/severity extreme")


async def test_severity_buttons(tg: Harness) -> None:
    assert "every severity" in await tg.say(ALICE, "/severity")
    await tg.press(ALICE, "sev:critical", method="editMessageText")
    assert "critical only" in tg.api.sent(ALICE, "editMessageText")[-1]["text"]
    assert "Severity: critical only" in await tg.say(ALICE, "/status")


async def test_categories_toggle_with_buttons(tg: Harness) -> None:
    assert "every kind" in await tg.say(ALICE, "/categories")
    unrest = next(b for b in tg.buttons(ALICE) if "Unrest" in b["text"])
    assert unrest["text"].startswith("✅")
    await tg.press(ALICE, unrest["callback_data"], method="editMessageText")
    edited = tg.api.sent(ALICE, "editMessageText")[-1]
    keyboard = [b for row in edited["reply_markup"]["inline_keyboard"] for b in row]
    assert next(b for b in keyboard if "Unrest" in b["text"])["text"].startswith("🔕")
    await publish(tg, PROTEST, "https://n.example/1")
    await publish(tg, RAID, "https://n.example/2")
    assert len(alerts(tg)) == 1 and "Raiders" in alerts(tg)[0]["text"]
    assert "all but Unrest" in await tg.say(ALICE, "/status")


async def test_mute_then_unmute_gets_one_digest_not_a_burst(tg: Harness) -> None:
    assert "Muted until" in await tg.say(ALICE, "/mute 8h")
    await publish(tg, RAID, "https://n.example/2")
    await publish(tg, BOMBING, "https://n.example/3")
    assert alerts(tg) == []
    tg.clock.advance(hours=1)
    sent_before = len(tg.api.sent(ALICE))
    answer = await tg.say(ALICE, "/unmute")
    assert "back on" in answer and "While you were muted" in answer
    assert "Raiders" in answer and "Explosion at Bamako hotel" in answer
    await tg.deliver()
    assert len(tg.api.sent(ALICE)) == sent_before + 1  # one message: the digest, not two old alerts
    assert "not muted" in await tg.say(ALICE, "/unmute")
    assert "For how long" in await tg.say(ALICE, "/mute forever")


async def test_adding_a_place_brings_one_short_digest(tg: Harness) -> None:
    await publish(tg, RAID, "https://n.example/2")  # Alice watches Bamako: she gets this one
    assert len(alerts(tg)) == 1
    tg.api.push_message(2002, "/start")
    await tg.api.wait_for_async(1, chat_id=2002)
    answer = await tg.say(2002, "/watch Bamako")
    assert "Watching" in answer and "Lately there" in answer and "Raiders" in answer
    assert "Lately there" not in await tg.say(ALICE, "/watch BKO")  # Alice already had it


async def test_a_digest_does_not_list_again_what_an_earlier_one_listed(tg: Harness) -> None:
    """Bob had no alert for the raid, only a line of his first digest: the next place he adds nearby,
    and a later /unmute, do not list it again; after /stop he starts afresh and sees it once more."""
    bob = 2002
    await publish(tg, RAID, "https://n.example/2")
    tg.api.push_message(bob, "/start")
    await tg.api.wait_for_async(1, chat_id=bob)
    assert "Raiders" in await tg.say(bob, "/watch Bamako")
    assert "Lately there" not in await tg.say(bob, "/watch BKO")
    await tg.say(bob, "/mute 30m")
    await publish(tg, BOMBING, "https://n.example/3")
    answer = await tg.say(bob, "/unmute")  # the last hour: both incidents, but the raid was listed already
    assert "Explosion at Bamako hotel" in answer and "Raiders" not in answer
    await tg.say(bob, "/mute 30m")
    assert "While you were muted" not in await tg.say(bob, "/unmute")
    await tg.say(bob, "/stop")
    await tg.say(bob, "/start")
    answer = await tg.say(bob, "/watch Bamako")
    assert "Raiders" in answer and "Explosion at Bamako hotel" in answer


async def test_a_mute_that_runs_out_does_not_list_what_the_last_digest_did(tg: Harness) -> None:
    await tg.say(ALICE, "/mute 30m")
    await publish(tg, RAID, "https://n.example/2")
    await publish(tg, BOMBING, "https://n.example/3")
    tg.clock.advance(minutes=31)
    assert plan_mute_end_digests(tg.services.db, tg.clock()) == 1
    await tg.say(ALICE, "/mute 10m")  # a digest covers an hour at least: the raid is in this one's hour
    tg.clock.advance(minutes=11)
    assert plan_mute_end_digests(tg.services.db, tg.clock()) == 0  # nothing new: no second digest of the two


async def test_quiet_hours_in_the_chat_time_zone_except_critical(tg: Harness) -> None:
    assert "Asia/Tokyo" in await tg.say(ALICE, "/timezone Asia/Tokyo")
    assert "Quiet hours 20:00–07:00" in await tg.say(ALICE, "/quiet 20:00-07:00")  # 12:00 UTC is 21:00 in Tokyo
    await publish(tg, RAID, "https://n.example/2")
    await publish(tg, BOMBING, "https://n.example/3")
    by_text = {("Raiders" in a["text"]): a for a in alerts(tg)}
    assert by_text[True].get("disable_notification") is True  # high: silent
    assert not by_text[False].get("disable_notification")  # critical: rings
    tg.clock.advance(hours=11)  # 08:00 in Tokyo
    await publish(tg, PROTEST, "https://n.example/1")
    assert not alerts(tg)[-1].get("disable_notification")
    assert "Quiet hours off" in await tg.say(ALICE, "/quiet off")
    assert "don't know the time zone" in await tg.say(ALICE, "/timezone Mars/Olympus")


async def test_map_pin_with_serious_alerts_per_chat_setting(tg: Harness) -> None:
    tg.publish(*RAID, url="https://n.example/2")
    await tg.deliver()
    (venue,) = tg.api.sent(ALICE, "sendVenue")
    assert venue["title"] == "Bamako" and venue["address"] == "Mali" and abs(venue["latitude"] - 12.61) < 0.01
    alert = tg.last_call(ALICE)
    assert venue["reply_parameters"]["message_id"] == alert.response["result"]["message_id"]
    assert "off" in await tg.say(ALICE, "/map off")
    await publish(tg, BOMBING, "https://n.example/3")
    assert len(tg.api.sent(ALICE, "sendVenue")) == 1 and len(alerts(tg)) == 2
    await publish(tg, PROTEST, "https://n.example/1")  # low: never a pin
    assert "Map pins are off" in await tg.say(ALICE, "/map")


async def test_recent_lists_the_last_seven_days(tg: Harness) -> None:
    assert "Nothing in your places" in await tg.say(ALICE, "/recent")
    tg.publish(*PROTEST, url="https://n.example/1", published=tg.clock() - timedelta(days=9))
    tg.publish(*RAID, url="https://n.example/2", published=tg.clock() - timedelta(hours=20))
    answer = await tg.say(ALICE, "/recent")
    assert "Raiders" in answer and "Protest" not in answer


async def test_status_shows_settings_and_source_health(tg: Harness) -> None:
    now = tg.clock()
    source_state.record_success(tg.db, "Feed A", "http://a", Validators(), now=now)
    source_state.record_failure(tg.db, "Feed <B>", "http://b", "timeout", now=now)
    await tg.say(ALICE, "/mute 2h")
    status = await tg.say(ALICE, "/status")
    assert "Places: 1 (Bamako, Mali)" in status and "Muted until" in status and "Map pins: on" in status
    assert "1 of 2 working" in status and "Feed &lt;B&gt; (1×)" in status


async def test_a_mute_that_runs_out_ends_with_one_digest(tg: Harness) -> None:
    assert "Muted until" in await tg.say(ALICE, "/mute 2h")
    await publish(tg, RAID, "https://n.example/2")
    await publish(tg, BOMBING, "https://n.example/3")
    assert alerts(tg) == []
    assert plan_mute_end_digests(tg.db, tg.clock()) == 0  # not yet: still muted
    tg.clock.advance(hours=3)
    sent_before = len(tg.api.sent(ALICE))
    (job,) = tg.app.job_queue.get_jobs_by_name("mutes that ran out")  # the bot's own minute job
    await job.run(tg.app)
    await tg.deliver()
    new = tg.api.sent(ALICE)[sent_before:]
    assert len(new) == 1  # one message, not the two alerts it missed
    assert "mute has ended" in new[0]["text"] and "Raiders" in new[0]["text"] and "Explosion at Bamako hotel" in new[0]["text"]
    assert plan_mute_end_digests(tg.db, tg.clock()) == 0  # never twice
    assert "not muted" in await tg.say(ALICE, "/unmute")
    await publish(tg, PROTEST, "https://n.example/1")  # alerts are back on
    assert "Protest in Bamako" in alerts(tg)[-1]["text"]


async def test_a_mute_that_runs_out_quietly_when_nothing_happened(tg: Harness) -> None:
    await tg.say(ALICE, "/mute 30m")
    tg.clock.advance(hours=1)
    sent_before = len(tg.api.sent(ALICE))
    assert plan_mute_end_digests(tg.db, tg.clock()) == 0
    await tg.deliver()
    assert len(tg.api.sent(ALICE)) == sent_before  # nothing to tell: no message
    assert "Muted" not in await tg.say(ALICE, "/status")
