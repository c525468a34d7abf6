"""Hands-on QA of the Telegram side (session 11): what a user saw go wrong, replayed against the real
bot in-process and the Bot API test server on 127.0.0.1, asserting what the user sees."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.places import Ambiguous, Resolved, prepare_other_scripts, resolve_place
from bot.store import subscriptions
from bot.tg.common import ADMINS_ONLY
from tests.telegram_harness import ADMIN, ALICE, GROUP, MEMBER, RAID, Harness, running_bot


@pytest.fixture(scope="module", autouse=True)
def other_scripts() -> None:
    """Names in other scripts are read (or built, on a machine's first run) before the bot answers anything."""
    prepare_other_scripts()


async def in_group(tg: Harness, text: str, user_id: int = ADMIN) -> str:
    return await tg.say(GROUP, text, user_id=user_id, chat_type="group")


def alerts(tg: Harness, chat_id: int = ALICE) -> list[str]:
    return [m["text"] for m in tg.api.sent(chat_id)]


# ---------------------------------------------------------------- settings after /stop

@pytest.mark.parametrize("command", ["/severity high", "/mute 2h", "/quiet 22-7", "/timezone Europe/Paris", "/map off",
                                     "/unmute", "/categories", "/severity", "/timezone"])
async def test_a_settings_command_after_stop_does_not_subscribe_again(tg: Harness, command: str) -> None:
    """After /stop, "/severity high" answered "✅ You will get alerts of high and above" and quietly subscribed the
    chat again, with no places: /status showed it subscribed, and the next /watch had no "alerts are off" hint."""
    await tg.say(ALICE, "/watch Bamako")
    assert "unsubscribed" in await tg.say(ALICE, "/stop")
    answer = await tg.say(ALICE, command)
    assert "Alerts are off in this chat" in answer and "/start" in answer
    assert not subscriptions.is_active(tg.db, ALICE)
    assert "not subscribed: /start" in await tg.say(ALICE, "/status")
    assert "I send a short security advisory" in await tg.say(ALICE, "/start")  # /start: back, settings fresh
    assert "every severity" in await tg.say(ALICE, "/severity")


async def test_a_group_added_back_stays_off_until_start_whatever_an_admin_sets(tg: Harness) -> None:
    """README: re-added to a group, "alerts stay off until an administrator sends /start"; yet an admin's
    "/severity high" turned them back on, without a word."""
    await in_group(tg, "/watch Bamako")
    subscriptions.deactivate_chat(tg.db, GROUP, now=tg.clock())  # removed from the group (then added back)
    answer = await in_group(tg, "/severity high")
    assert "Alerts are off in this chat" in answer and "/start" in answer
    assert not subscriptions.is_active(tg.db, GROUP)
    assert "Welcome back" in await in_group(tg, "/start")
    assert "high and above" in await in_group(tg, "/severity high")


async def test_watch_after_stop_subscribes_again(tg: Harness) -> None:
    """/watch is asking for alerts: after /stop it subscribes the chat again (as README's /start row implies)."""
    await tg.say(ALICE, "/stop")
    assert "Watching <b>Bamako, Mali</b>" in await tg.say(ALICE, "/watch Bamako")
    assert subscriptions.is_active(tg.db, ALICE)


async def test_a_first_settings_command_still_subscribes_a_new_chat(tg: Harness) -> None:
    assert "Asia/Tokyo" in await tg.say(2002, "/timezone Asia/Tokyo")
    assert "Time zone: Asia/Tokyo" in await tg.say(2002, "/status")


# ---------------------------------------------------------------- members may look at a group's settings

@pytest.mark.parametrize(("command", "shown", "change"), [
    ("/timezone", "Your time zone: Europe/Paris", "/timezone UTC"),
    ("/quiet", "Quiet hours: 22:00–07:00, Europe/Paris", "/quiet off"),
    ("/severity", "You get alerts of high and above", "/severity low"), ("/map", "Map pins are on", "/map off"),
    ("/categories", "You get every kind of incident", "/mute 1h"),
])
async def test_a_member_may_view_a_setting_but_not_change_it(tg: Harness, command: str, shown: str, change: str) -> None:
    """A member typing "/timezone" to learn the group's zone got "Only this group's administrators can change its
    settings", though he changed nothing (and /status, which shows more, was allowed)."""
    for setting in ("/watch Bamako", "/timezone Europe/Paris", "/quiet 22-7", "/severity high"):
        await in_group(tg, setting)
    assert shown in await in_group(tg, command, MEMBER)
    assert await in_group(tg, change, MEMBER) == ADMINS_ONLY
    status = await in_group(tg, "/status", MEMBER)
    assert "Europe/Paris" in status and "Quiet 22:00–07:00" in status and "high and above" in status


async def test_a_member_viewing_a_new_group_does_not_subscribe_it(tg: Harness) -> None:
    assert "Alerts are off in this chat" not in await in_group(tg, "/timezone", MEMBER)
    assert "not subscribed" in await in_group(tg, "/status", MEMBER)


# ---------------------------------------------------------------- a name that is the place's own comes first

def test_a_place_named_so_comes_before_one_only_also_called_so(gazetteer: Any) -> None:
    """"/watch Victoria" listed Hong Kong first (an alternate name of it), before Victoria, Canada and Victoria,
    Seychelles' capital is not in the index but the own-named towns should lead."""
    found = resolve_place("Victoria", gazetteer)
    assert isinstance(found, Ambiguous)
    names = [p.name for p in found.options]
    assert names[0] == "Victoria" and "Hong Kong" not in names[:3]
    own = [p for p in found.options if p.name == "Victoria"]
    assert own == sorted(own, key=lambda p: -p.population)


async def test_watch_victoria_offers_the_victorias_first(tg: Harness) -> None:
    answer = await tg.say(ALICE, "/watch Victoria")
    first = answer.split("\n")[1]
    assert first.startswith("• Victoria,"), answer
    assert tg.buttons(ALICE)[0]["text"].startswith("Victoria,")
    # each with a command that finds it ("Victoria, HK" was Hong Kong or Victoria again: "its button below")
    assert "• Victoria, Hong Kong: <code>/watch Victoria, HK</code>" in answer
    assert "Watching <b>Victoria, Hong Kong</b>" in await tg.say(ALICE, "/watch Victoria, HK")


@pytest.mark.parametrize(("typed", "name"), [("Kiev", "Kyiv"), ("Bombay", "Mumbai"), ("Saigon", "Ho Chi Minh City")])
def test_a_former_name_still_finds_its_city(gazetteer: Any, typed: str, name: str) -> None:
    """The city itself (shown by the name typed, as any other of its names: see test_places.py)."""
    found, city = resolve_place(typed, gazetteer), resolve_place(name, gazetteer)
    assert isinstance(found, Resolved) and isinstance(city, Resolved)
    assert (found.place.key, found.place.name) == (city.place.key, typed)


# ---------------------------------------------------------------- the mute digest's window

async def test_the_digest_after_a_restart_names_the_real_mute(tmp_path: Path, gazetteer: Any) -> None:
    """A one-hour mute ran out while the bot was down; when it came back 30 minutes later, the digest said
    "While you were muted (last 2 h, UTC time)"."""
    async with running_bot(tmp_path, gazetteer) as tg:
        await tg.say(ALICE, "/watch Bamako")
        assert "Muted until 10 Mar 13:00 (Africa/Bamako)" in await tg.say(ALICE, "/mute 1h")
        tg.clock.advance(minutes=20)
        tg.publish(*RAID, url="https://n.example/raid")
    async with running_bot(tmp_path, gazetteer) as tg:  # the restart, 90 minutes after /mute
        tg.clock.advance(minutes=90)
        (job,) = tg.app.job_queue.get_jobs_by_name("mutes that ran out")
        await job.run(tg.app)
        await tg.deliver()
        (digest,) = alerts(tg)
        assert "mute has ended" in digest and "Raiders" in digest
        assert "While you were muted (12:00–13:00, Africa/Bamako time)" in digest and "last 2 h" not in digest


async def test_unmute_names_the_time_it_was_muted(tg: Harness) -> None:
    await tg.say(ALICE, "/watch Bamako")
    await tg.say(ALICE, "/timezone Europe/Paris")
    await tg.say(ALICE, "/mute 8h")
    tg.clock.advance(minutes=30)
    tg.publish(*RAID, url="https://n.example/raid")
    tg.clock.advance(minutes=60)
    answer = await tg.say(ALICE, "/unmute")
    assert "While you were muted (13:00–14:30, Europe/Paris time)" in answer and "Raiders" in answer


# ---------------------------------------------------------------- names in other scripts

@pytest.mark.parametrize(("typed", "watched"), [
    ("Бамако", "Bamako, Mali"), ("دمشق", "Damascus, Syria"), ("喀布尔", "Kabul, Afghanistan"),
    ("カブール", "Kabul, Afghanistan"), ("Бамако, Мали", "Bamako, Mali"), ("Мали", "Mali"), ("مالي", "Mali"),
])
async def test_a_place_named_in_its_own_script(tg: Harness, typed: str, watched: str) -> None:
    """"/watch Бамако", "/watch دمشق", "/watch 喀布尔" answered "I don't know": GeoNames lists those names (and
    pycountry translates the countries'), but only the Latin ones were read."""
    assert f"Watching <b>{watched}</b>" in await tg.say(ALICE, f"/watch {typed}")


async def test_other_scripts_in_every_command_that_reads_a_place(tg: Harness) -> None:
    assert "Watching <b>Damascus, Syria</b> (within 40 km)" in await tg.say(ALICE, "/watch دمشق 40 km")
    answer = await tg.say(ALICE, "/watch طرابلس")  # Tripoli: Libya's or Lebanon's?
    assert "could be several places" in answer and "<code>/watch Tripoli, LB</code>" in answer
    lebanon = next(b for b in tg.buttons(ALICE) if b["text"] == "Tripoli, Lebanon")
    await tg.press(ALICE, lebanon["callback_data"])
    assert "Watching <b>Tripoli, Lebanon</b>" in tg.api.sent(ALICE)[-1]["text"]
    assert "set to Europe/Moscow" in await tg.say(ALICE, "/timezone Москва")
    assert "Stopped watching <b>Damascus, Syria</b>" in await tg.say(ALICE, "/unwatch دمشق")
    assert "I don't know “Жжжжж”" in await tg.say(ALICE, "/watch Жжжжж")


@pytest.mark.parametrize(("typed", "name"), [
    ("Se\u0301gou", "Ségou"),  # an accent typed as a combining mark (some keyboards send it so): was unknown
    ("Hà Nội", "Hanoi"), ("Đà Nẵng", "Da Nang"),  # were unknown: the gazetteer has them without their marks
])
def test_latin_with_accents_is_read_as_latin(gazetteer: Any, typed: str, name: str) -> None:
    found = resolve_place(typed, gazetteer)
    assert isinstance(found, Resolved) and found.place.name == name


# ---------------------------------------------------------------- exploratory QA: what users typed

@pytest.mark.parametrize("typed", ["Africa", "Afrique", "North America", "Африка"])
async def test_a_continent_is_no_place_and_is_said_so(tg: Harness, typed: str) -> None:
    """"/watch Africa" answered "✅ Watching Mahdia, Tunisia" (one of that town's old names), "/watch North America"
    watched North Salt Lake, Utah."""
    answer = await tg.say(ALICE, f"/watch {typed}")
    assert "is a continent" in answer and "/watch Mali, Niger, Burkina Faso" in answer
    assert subscriptions.list_watches(tg.db, ALICE) == []


async def test_a_continent_named_like_a_town_says_how_to_get_the_town(tg: Harness) -> None:
    assert "(the town: /watch Asia, PH)" in await tg.say(ALICE, "/watch Asia")
    assert "Watching <b>Asia, Philippines</b>" in await tg.say(ALICE, "/watch Asia, PH")
    assert "Watching <b>Antarctica</b> (anywhere in it)" in await tg.say(ALICE, "/watch Antarctica")  # a country too


@pytest.mark.parametrize(("typed", "watched"), [
    ('"Bamako"', "Bamako, Mali"), ("“Goma”", "Goma, DR Congo"), ("bamako.", "Bamako, Mali"), ("#Goma", "Goma, DR Congo"),
    ("«Ségou»", "Ségou, Mali"),
])
async def test_quotes_and_punctuation_around_a_name(tg: Harness, typed: str, watched: str) -> None:
    """"/watch "Bamako"" and "/watch bamako." answered "I don't know"."""
    assert f"Watching <b>{watched}</b>" in await tg.say(ALICE, f"/watch {typed}")


@pytest.mark.parametrize(("typed", "shown"), [
    ("12, -8", "📍 12.0000, -8.0000"),  # whole degrees: was unknown
    ("12.65°N 8.0°W", "📍 12.6500, -8.0000"),  # as maps and Wikipedia copy them: was unknown
    ("8.0°W, 12.65°N", "📍 12.6500, -8.0000"),
    ("0, 0", "📍 0.0000, 0.0000"),  # was "The radius must be between 1 and 500 km"
])
async def test_coordinates_as_people_copy_them(tg: Harness, typed: str, shown: str) -> None:
    assert f"Watching <b>{shown}</b>" in await tg.say(ALICE, f"/watch {typed}")


async def test_coordinates_with_a_radius_and_bare_numbers(tg: Harness) -> None:
    assert "Watching <b>📍 12.6500, -8.0000</b> (within 10 km)" in await tg.say(ALICE, "/watch 12.65°N 8.0°W 10 km")
    assert "I don't know" in await tg.say(ALICE, "/watch 12 40")  # no one copies coordinates so
    assert len(subscriptions.list_watches(tg.db, ALICE)) == 1


@pytest.mark.parametrize("typed", ["Nairobi; Mombasa", "Nairobi and Mombasa", "Nairobi & Mombasa", "Nairobi / Mombasa"])
async def test_a_list_with_other_separators(tg: Harness, typed: str) -> None:
    """"/watch Nairobi and Mombasa" answered "I don't know “Nairobi and Mombasa”"."""
    answer = await tg.say(ALICE, f"/watch {typed}")
    assert "Watching <b>Nairobi, Kenya</b>" in answer and "Watching <b>Mombasa, Kenya</b>" in answer


async def test_a_country_named_with_and_stays_one_place(tg: Harness) -> None:
    assert "Watching <b>Bosnia and Herzegovina</b>" in await tg.say(ALICE, "/watch Bosnia and Herzegovina")
    assert "Watching <b>Trinidad and Tobago</b>" in await tg.say(ALICE, "/watch Trinidad & Tobago")  # was unknown
    assert "already watch <b>Bosnia and Herzegovina</b>" in await tg.say(ALICE, "/watch Bosnia & Herzegovina")
    assert len(subscriptions.list_watches(tg.db, ALICE)) == 2


async def test_unwatch_a_place_named_twice_answers_once(tg: Harness) -> None:
    """"/unwatch 1 1" answered "Stopped watching Bamako, Mali." twice."""
    await tg.say(ALICE, "/watch Bamako\nMopti")
    answer = await tg.say(ALICE, "/unwatch 1 1")
    assert answer == "Stopped watching <b>Bamako, Mali</b>."
    assert [w.name for _, w in subscriptions.list_watches(tg.db, ALICE)] == ["Mopti, Mali"]


async def test_unwatch_all(tg: Harness) -> None:
    """"/unwatch all" answered "You don't watch “all”"; the only way out was one number at a time, or /stop."""
    await tg.say(ALICE, "/watch Bamako\nMopti\nGoma")
    await tg.say(ALICE, "/severity high")
    assert "Stopped watching all 3 places" in await tg.say(ALICE, "/unwatch all")
    assert subscriptions.list_watches(tg.db, ALICE) == []
    assert "high and above" in await tg.say(ALICE, "/status")  # the settings stay: that is /stop's job
    assert "You watch no place" in await tg.say(ALICE, "/unwatch all")


@pytest.mark.parametrize(("typed", "until"), [("1.5h", "13:30"), ("1h30", "13:30"), ("1h 30m", "13:30"), ("2,5 h", "14:30")])
async def test_mute_for_an_hour_and_a_half(tg: Harness, typed: str, until: str) -> None:
    """"/mute 1.5h" and "/mute 1h30" answered "For how long?"."""
    assert f"Muted until 10 Mar {until} UTC" in await tg.say(ALICE, f"/mute {typed}")


async def test_a_settings_button_tapped_after_stop_changes_nothing(tg: Harness) -> None:
    """The /severity buttons of a message from before /stop subscribed the chat again when tapped."""
    await tg.say(ALICE, "/watch Bamako")
    await tg.say(ALICE, "/severity")
    high = next(b for b in tg.buttons(ALICE) if b["text"].endswith("high"))
    await tg.say(ALICE, "/stop")
    await tg.press(ALICE, high["callback_data"], method="answerCallbackQuery")
    popup = tg.api.sent(method="answerCallbackQuery")[-1]
    assert "Alerts are off in this chat" in popup["text"] and popup["show_alert"] is True
    assert not subscriptions.is_active(tg.db, ALICE)
    assert "not subscribed" in await tg.say(ALICE, "/status")


async def test_flags_side_by_side_are_a_list(tg: Harness) -> None:
    """"/watch 🇲🇱🇳🇪" answered "I don't know “Mali Niger”", "/watch 🇲🇱, 🇳🇪" "I don't know “Mali, Niger”"."""
    answer = await tg.say(ALICE, "/watch 🇲🇱🇳🇪")
    assert "Watching <b>Mali</b>" in answer and "Watching <b>Niger</b>" in answer
    answer = await tg.say(ALICE, "/watch Burkina Faso, Chad")
    assert "Watching <b>Burkina Faso</b>" in answer and "Watching <b>Chad</b>" in answer
    assert "I don't know “Bamako, Niger”" in await tg.say(ALICE, "/watch Bamako, Niger")  # still a town's country


async def test_the_same_place_twice_in_a_list_is_answered_once(tg: Harness) -> None:
    """"/watch Bamako, Mopti, bamako" answered "Watching Bamako", then "You already watch Bamako"."""
    answer = await tg.say(ALICE, "/watch Bamako, Mopti, bamako")
    assert answer.count("Bamako, Mali") == 1 and "already watch" not in answer and "Mopti, Mali" in answer


async def test_unwatch_says_what_it_left_out_of_a_long_list(tg: Harness) -> None:
    """"/unwatch" with 30 names answered about the first ten and dropped the rest without a word."""
    answer = await tg.say(ALICE, "/unwatch " + "\n".join(f"Town{i}" for i in range(30)))
    assert answer.count("You don't watch") == 10 and "I take 10 places at a time" in answer


async def test_a_name_typed_in_full_width_letters(tg: Harness) -> None:
    assert "Watching <b>Bamako, Mali</b>" in await tg.say(ALICE, "/watch ＢＡＭＡＫＯ")


async def test_a_place_name_sent_alone_offers_to_watch_it(tg: Harness) -> None:
    """A new user's first message is often just "Bamako": the answer was "send /watch PLACE (e.g. /watch Bamako)",
    the very name, with nothing to tap."""
    answer = await tg.say(ALICE, "Bamako")
    assert "To get alerts for <b>Bamako, Mali</b>" in answer and "<code>/watch Bamako</code>" in answer
    (button,) = tg.buttons(ALICE)
    await tg.press(ALICE, button["callback_data"])
    assert "Watching <b>Bamako, Mali</b>" in tg.api.sent(ALICE)[-1]["text"]
    assert "To follow a place, send /watch PLACE" in await tg.say(ALICE, "yes")  # not Yasouj Airport (YES)
    assert "To follow a place, send /watch PLACE" in await tg.say(ALICE, "hello <b>there</b>")


async def test_a_mistyped_command_gets_the_one_meant(tg: Harness) -> None:
    """"/wacth Bamako" answered "I don't know that command" and nothing more."""
    assert "Did you mean <code>/watch Bamako</code>?" in await tg.say(ALICE, "/wacth Bamako")
    assert "Did you mean <code>/unmute</code>?" in await tg.say(ALICE, "/unmte")
    answer = await tg.say(ALICE, "/wacth <b>x</b>")
    assert "<code>/watch &lt;b&gt;x&lt;/b&gt;</code>" in answer
    assert "Did you mean" not in await tg.say(ALICE, "/frobnicate")


def test_names_in_other_scripts_are_built_once_into_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a machine's first start the index is built (in a child process) into the cache directory, then read."""
    from bot import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    keys, values = places._load_other_scripts()
    (built,) = (tmp_path / "secalert-bot").glob("other-scripts-*.bin")
    assert len(keys) == len(values) > 100_000 and list(keys) == sorted(keys)
    again = places._read_other_scripts(built)
    assert again is not None and again[0] == keys


@pytest.mark.parametrize(("command", "answer"), [
    ("/map no", "Map pins off."), ("/map disable", "Map pins off."), ("/map yes", "🗺 Map pins on"),
    ("/quiet disable", "Quiet hours off"), ("/quiet no", "Quiet hours off"),
])
async def test_on_and_off_as_people_type_them(tg: Harness, command: str, answer: str) -> None:
    """"/map no" answered "Map pins are on" (and left them on); "/quiet disable" "I can't read “disable”"."""
    await tg.say(ALICE, "/quiet 22-7")
    assert answer in await tg.say(ALICE, command)


@pytest.mark.parametrize(("typed", "shown"), [
    ("high+", "high and above"), ("high and above", "high and above"), ("critical only", "critical only"),
    ("all", "every severity"),
])
async def test_severity_as_people_type_it(tg: Harness, typed: str, shown: str) -> None:
    """"/severity critical only" (the bot's own words in /status) answered "Use one of: low, medium, high, critical"."""
    assert f"You will get alerts of {shown}" in await tg.say(ALICE, f"/severity {typed}")
    assert shown in await tg.say(ALICE, "/status")


# ---------------------------------------------------------------- back after blocking the bot

async def _blocked_with_places(tg: Harness) -> None:
    """Alice watches Mali and Niger, blocks the bot, and an alert to her fails with Telegram's 403."""
    await tg.say(ALICE, "/watch Mali")
    await tg.say(ALICE, "/watch Niger")
    tg.api.block_chat(ALICE)
    tg.publish("Gunmen kill 6 soldiers in ambush near Gao", "GAO, Mali — Gunmen ambushed an army patrol near Gao on "
               "Monday, killing six soldiers, the army said.", url="https://gao.example/1")
    await tg.deliver()
    assert not subscriptions.is_active(tg.db, ALICE)
    tg.api.unblock_chat(ALICE)


async def test_watch_after_blocking_the_bot_says_the_kept_places_alert_again(tg: Harness) -> None:
    """Back days later, she sent /watch Bamako: her Mali and Niger alerts came back on too, without a word."""
    await _blocked_with_places(tg)
    answer = await tg.say(ALICE, "/watch Bamako")
    assert "Watching <b>Bamako, Mali</b>" in answer
    assert "alerts are on again for the 2 places you watched before too" in answer


async def test_watch_of_a_kept_place_after_blocking_the_bot_says_alerts_are_on_again(tg: Harness) -> None:
    await _blocked_with_places(tg)
    answer = await tg.say(ALICE, "/watch Mali")
    assert "You already watch <b>Mali</b>" in answer
    assert "alerts are on again for the place you watched before too" in answer
    # and nothing is said to a chat that never left
    assert "Welcome back" not in await tg.say(ALICE, "/watch Gao")


async def test_a_radius_at_the_end_of_a_one_line_list_is_every_places(tg: Harness) -> None:
    """"/watch Mopti and Kidal 40 km" watched Kidal within 40 km and Mopti at the default radius."""
    answer = await tg.say(ALICE, "/watch Mopti and Kidal 40 km")
    assert answer.count("within 40 km") == 2
    answer = await tg.say(ALICE, "/watch Segou 10 km, Sikasso 60 km")  # each its own, as typed
    assert "within 10 km" in answer and "within 60 km" in answer
