"""Hands-on QA of the Telegram side (session 9): what a user saw go wrong, replayed against the real
bot in-process and the Bot API test server on 127.0.0.1, asserting what the user sees."""
from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import pytest

from bot import chat_settings
from bot.chat_settings import parse_quiet
from bot.places import Ambiguous, Resolved, resolve_place
from bot.store import subscriptions
from tests.telegram_harness import ADMIN, ALICE, GROUP, MEMBER, RAID, Harness


def watched(tg: Harness, chat_id: int = ALICE) -> list[tuple[str, str, float, bool]]:
    return [(w.kind, w.key, w.radius_km, w.radius_custom) for _, w in subscriptions.list_watches(tg.db, chat_id)]


async def settle(tg: Harness, chat_id: int = ALICE) -> None:
    """Updates are handled in order: once /help is answered, everything pushed before it was handled."""
    assert "What I understand" in await tg.say(chat_id, "/help", user_id=ADMIN if chat_id < 0 else None,
                                               chat_type="group" if chat_id < 0 else "private")


# ---------------------------------------------------------------- /watch PLACE N km, buttons

async def test_watch_again_with_a_radius_changes_the_radius(tg: Harness) -> None:
    """README: `/watch Bamako 40 km` sets the radius. On a place already watched it answered
    "You already watch Bamako, Mali." and kept 30 km."""
    await tg.say(ALICE, "/watch Bamako")
    answer = await tg.say(ALICE, "/watch Bamako 40 km")
    assert "now within 40 km" in answer and "already" not in answer
    assert "1. Bamako, Mali (40 km)" in await tg.say(ALICE, "/watching")
    assert "already watch <b>Bamako, Mali</b> (40 km)" in await tg.say(ALICE, "/watch Bamako 40km")  # idempotent
    assert "already watch <b>Bamako, Mali</b> (40 km)" in await tg.say(ALICE, "/watch Bamako")  # says which radius


async def test_a_radius_asked_for_a_country_is_not_dropped_silently(tg: Harness) -> None:
    answer = await tg.say(ALICE, "/watch Mali 40 km")
    assert "Watching <b>Mali</b> (anywhere in it; a country has no radius)" in answer
    assert "a country has no radius" not in await tg.say(ALICE, "/watch Niger")


async def test_a_tap_on_an_ambiguous_place_keeps_the_radius_asked_for(tg: Harness) -> None:
    """`/watch Tripoli 40 km`, then a tap on "Tripoli, Lebanon": it watched with the default 30 km."""
    assert "Which one?" in await tg.say(ALICE, "/watch Tripoli 40 km")
    lebanon = next(b for b in tg.buttons(ALICE) if "Lebanon" in b["text"])
    await tg.press(ALICE, lebanon["callback_data"])
    assert "Watching <b>Tripoli, Lebanon</b> (within 40 km)" in tg.api.sent(ALICE)[-1]["text"]
    ((kind, _, km, custom),) = watched(tg)
    assert (kind, km, custom) == ("city", 40.0, True)


async def test_ambiguous_choices_are_distinct_and_each_button_watches_its_own_place(tg: Harness) -> None:
    """`/watch San Jose` listed "San Jose, Philippines" and "San José, Costa Rica" twice each, with
    identical buttons: a tap on the second one watched the first."""
    answer = await tg.say(ALICE, "/watch San Jose")
    buttons = tg.buttons(ALICE)
    labels = [b["text"] for b in buttons]
    assert len(labels) == len(set(labels)) >= 3
    assert answer.count("San Jose, Philippines") == 1
    for button in buttons:
        await tg.press(ALICE, button["callback_data"])
    assert len({key for _, key, _, _ in watched(tg)}) == len(buttons)


async def test_congo_asks_which_country_and_each_choice_works(tg: Harness) -> None:
    """`/watch Congo` silently watched the Republic of the Congo, never the DRC; and a DRC button
    ("watch:Congo, The Democratic Republic of the") could not be found again."""
    answer = await tg.say(ALICE, "/watch Congo")
    assert "could be several places" in answer and "DR Congo" in answer and "Republic of the Congo" in answer
    drc = next(b for b in tg.buttons(ALICE) if b["text"] == "DR Congo")
    await tg.press(ALICE, drc["callback_data"])
    assert "Watching <b>DR Congo</b> (anywhere in it)" in tg.api.sent(ALICE)[-1]["text"]
    assert watched(tg)[0][:2] == ("country", "CD")


async def test_an_older_place_button_still_works(tg: Harness) -> None:
    """Buttons sent before this change carry "watch:Tripoli, LY"."""
    await tg.say(ALICE, "/watch Tripoli")
    await tg.press(ALICE, "watch:Tripoli, LY")
    assert "Watching <b>Tripoli, Libya</b>" in tg.api.sent(ALICE)[-1]["text"]


async def test_country_names_read_as_people_say_them(tg: Harness) -> None:
    """"Congo, The Democratic Republic of the", "Kinshasa, Congo, The Democratic Republic of the"."""
    assert "Watching <b>DR Congo</b>" in await tg.say(ALICE, "/watch DRC")
    assert "Watching <b>Kinshasa, DR Congo</b>" in await tg.say(ALICE, "/watch Kinshasa")
    listing = await tg.say(ALICE, "/watching")
    assert "Congo, The Democratic" not in listing


async def test_an_airport_by_its_name(tg: Harness) -> None:
    """README: an airport by IATA or ICAO code *or name*; "Modibo Keita" was unknown."""
    assert "Watching <b>Modibo Keita International Airport (BKO), Mali</b>" in await tg.say(ALICE, "/watch Modibo Keita")


# ---------------------------------------------------------------- /unwatch

async def test_unwatch_understands_what_watch_does(tg: Harness) -> None:
    """`/watch MINUSCA` worked, `/unwatch MINUSCA` answered "You don't watch “MINUSCA”"."""
    await tg.say(ALICE, "/watch MINUSCA")
    await tg.say(ALICE, "/watch BKO")
    assert "Stopped watching <b>MINUSCA headquarters" in await tg.say(ALICE, "/unwatch MINUSCA")
    assert "Stopped watching <b>Modibo Keita" in await tg.say(ALICE, "/unwatch GABS")  # its ICAO code
    assert watched(tg) == []


async def test_unwatch_a_wrong_number_says_how_many_places_there_are(tg: Harness) -> None:
    await tg.say(ALICE, "/watch Bamako")
    answer = await tg.say(ALICE, "/unwatch 7")
    assert "no place number 7" in answer and "you watch 1 place." in answer


# ---------------------------------------------------------------- location pins

async def test_a_live_location_adds_one_place_not_one_per_move(tg: Harness) -> None:
    """A live location's moves arrive as edited messages: each one added a place and a reply."""
    tg.api.push_location(ALICE, 12.65, -8.0)
    (first,) = await tg.api.wait_for_async(1, chat_id=ALICE)
    assert "Watching" in first["text"]
    for i in range(1, 4):
        tg.api.push_update({"edited_message": {
            "message_id": 1, "date": 0, "edit_date": i, "chat": tg.api.chat(ALICE),
            "from": {"id": ALICE, "is_bot": False, "first_name": "Alice"},
            "location": {"latitude": 12.65 + i / 1000, "longitude": -8.0, "live_period": 900}}})
    await settle(tg)
    assert len(watched(tg)) == 1
    assert len(tg.api.sent(ALICE)) == 2  # the first answer and /help's


async def test_a_members_location_in_a_group_gets_no_admins_only_answer(tg: Harness) -> None:
    """Team members share locations with each other: each pin got "Only this group's administrators..."."""
    await tg.say(GROUP, "/watch Bamako", user_id=ADMIN, chat_type="group")
    tg.api.push_location(GROUP, 12.0, -8.0, user_id=MEMBER, chat_type="group")
    await settle(tg, GROUP)
    texts = [m["text"] for m in tg.api.sent(GROUP)]
    assert len(texts) == 2 and not any("administrators" in t for t in texts)
    assert [k for k, *_ in watched(tg, GROUP)] == ["city"]


# ---------------------------------------------------------------- /timezone, /quiet, times shown

async def test_timezone_in_any_case_or_as_an_offset(tg: Harness) -> None:
    """"/timezone europe/paris" and "/timezone utc" were unknown; "UTC+3" too."""
    assert "set to Europe/Paris" in await tg.say(ALICE, "/timezone europe/paris")
    assert "set to UTC." in await tg.say(ALICE, "/timezone utc")
    assert "set to UTC+3." in await tg.say(ALICE, "/timezone UTC+3")
    assert "Time zone: UTC+3" in await tg.say(ALICE, "/status")
    assert "(UTC+3)" in await tg.say(ALICE, "/mute 1h")


async def test_timezone_naming_a_region_gets_an_answer(tg: Harness) -> None:
    """`/timezone Europe` crashed the handler (IsADirectoryError): the user got no answer at all."""
    answer = await tg.say(ALICE, "/timezone Europe")
    assert "several time zones" in answer and "Europe/" in answer


async def test_timezone_of_an_ambiguous_city_asks_which(tg: Harness) -> None:
    answer = await tg.say(ALICE, "/timezone Tripoli")
    assert "/timezone Tripoli, LY" in answer and "/timezone Tripoli, LB" in answer
    assert "Asia/Beirut" in await tg.say(ALICE, "/timezone Tripoli, LB")


async def test_recent_shows_times_in_the_chat_time_zone(tg: Harness) -> None:
    """/recent printed UTC times, unlabelled, in a chat set to Asia/Tokyo."""
    await tg.say(ALICE, "/watch Bamako")
    await tg.say(ALICE, "/timezone Asia/Tokyo")
    tg.publish(*RAID, url="https://n.example/2", published=tg.clock() - timedelta(hours=2))  # 10:00 UTC
    answer = await tg.say(ALICE, "/recent")
    assert "Asia/Tokyo time" in answer and "10 Mar 19:00" in answer


async def test_quiet_hours_not_understood_say_so(tg: Harness) -> None:
    """`/quiet 25:00-07:00` answered as if nothing had been asked; "10pm-7am" was not understood."""
    assert "can't read “25:00-07:00”" in await tg.say(ALICE, "/quiet 25:00-07:00")
    assert "Quiet hours 22:00–07:00" in await tg.say(ALICE, "/quiet 10pm-7am")


# ---------------------------------------------------------------- /start again

async def test_start_again_says_the_places_are_kept(tg: Harness) -> None:
    await tg.say(ALICE, "/watch Bamako")
    assert "you watch 1 place " in await tg.say(ALICE, "/start")


# ---------------------------------------------------------------- pure parsing

@pytest.mark.parametrize(("text", "expected"), [
    ("Europe/Paris", "Europe/Paris"), ("europe/paris", "Europe/Paris"), ("utc", "UTC"), ("UTC+3", "Etc/GMT-3"),
    ("GMT-5", "Etc/GMT+5"), ("+3", "Etc/GMT-3"), ("america/new york", "America/New_York"),
    ("Europe", None), ("America", None), ("UTC+15", None), ("x" * 500, None),
])
def test_find_zone(text: str, expected: str | None) -> None:
    assert chat_settings.find_zone(text) == expected


def test_zone_label_shows_offsets_the_usual_way_round() -> None:
    label = chat_settings.zone_label
    assert label("Etc/GMT-3") == "UTC+3" and label(None) == "UTC" and label("Asia/Tokyo") == "Asia/Tokyo"


@pytest.mark.parametrize(("text", "expected"), [
    ("10pm-7am", (time(22), time(7))), ("10 PM to 6:30 AM", (time(22), time(6, 30))), ("12am-6am", (time(0), time(6))),
])
def test_quiet_hours_in_am_pm(text: str, expected: tuple[time, time]) -> None:
    assert parse_quiet(text) == expected


def test_places_congo_is_ambiguous_and_san_jose_has_no_twins(gazetteer: Any) -> None:
    congo = resolve_place("Congo", gazetteer)
    assert isinstance(congo, Ambiguous) and {p.key for p in congo.options} == {"CG", "CD"}
    san_jose = resolve_place("San Jose", gazetteer)
    assert isinstance(san_jose, Ambiguous)
    labels = [p.label for p in san_jose.options]
    assert len(labels) == len(set(labels))
    airport = resolve_place("Jomo Kenyatta", gazetteer)
    assert isinstance(airport, Resolved) and airport.place.key == "NBO"


# ---------------------------------------------------------------- counts in digests

TOWNS = ["Segou", "Mopti", "Kayes", "Sikasso", "Gao", "Timbuktu", "Kidal", "Koutiala", "Bougouni", "Kati", "Nioro",
         "Menaka", "Bandiagara", "Djenne", "Kita"]


async def test_recent_and_lately_count_what_they_leave_out(tg: Harness) -> None:
    """With 15 incidents, /recent ended "…and 1 more" and the /watch digest "…and 3 more" (the
    query's limit, not the count)."""
    for i, town in enumerate(TOWNS):
        tg.publish(f"Gunmen kill {i + 3} villagers in attack near {town}",
                   f"{town.upper()}, Mali — Gunmen on motorbikes attacked a village near {town} on Monday, killing "
                   f"{i + 3} civilians, local officials said.", url=f"https://n.example/{i}",
                   published=tg.clock() - timedelta(hours=i))
    lately = await tg.say(ALICE, "/watch Mali")
    assert "…and 12 more: /recent" in lately
    assert "…and 5 more" in await tg.say(ALICE, "/recent")


async def test_watching_fifty_long_airport_names_still_answers(tg: Harness) -> None:
    """50 airports with long names made /watching longer than 4,096 characters: Telegram refused it
    and the user got nothing."""
    from bot.analysis.facts import Place

    await tg.say(ALICE, "/start")
    for i in range(subscriptions.MAX_WATCHES_PER_CHAT):
        name = f"Aeroporto Internacional Presidente Juscelino Kubitschek Terminal {i:02d} (X{i:02d})"
        place = Place(kind="airport", key=f"X{i:02d}", name=name, country="BR", lat=-15.0, lon=float(i))
        subscriptions.add_watch(tg.db, ALICE, place, radius_km=25, now=tg.clock())
    before = len(tg.api.sent(ALICE))
    tg.api.push_message(ALICE, "/watching")
    got = (await tg.api.wait_for_async(before + 2, chat_id=ALICE))[before:]
    text = "\n".join(m["text"] for m in got)
    assert text.startswith("You watch:") and "50. Aeroporto" in text and "/unwatch NUMBER" in text
    assert all(len(m["text"]) <= 4096 for m in got)


async def test_a_tap_answered_too_late_still_watches_the_place(tg: Harness) -> None:
    """After a restart's backlog Telegram refuses the late answerCallbackQuery ("query is too old"):
    the handler stopped there and the place the user tapped was never watched, silently."""
    await tg.say(ALICE, "/watch Tripoli")
    lebanon = next(b for b in tg.buttons(ALICE) if "Lebanon" in b["text"])
    tg.api.fail_next("answerCallbackQuery", error_code=400,
                     description="Bad Request: query is too old and response timeout expired or query ID is invalid")
    await tg.press(ALICE, lebanon["callback_data"])
    assert "Watching <b>Tripoli, Lebanon</b>" in tg.api.sent(ALICE)[-1]["text"]


async def test_a_group_command_for_another_bot_gets_no_hint(tg: Harness) -> None:
    """In a group with several bots, "/poll" (another bot's command, not addressed to anyone) got
    "I don't know that command." from this bot."""
    tg.api.push_message(GROUP, "/poll lunch?", user_id=MEMBER, chat_type="group")
    await settle(tg, GROUP)
    assert [m["text"] for m in tg.api.sent(GROUP)][:-1] == []
    assert "/help lists" in await tg.say(GROUP, "/poll@secalert_test_bot", user_id=MEMBER, chat_type="group")
