"""Hands-on QA of the Telegram side (session 10): what a user saw go wrong, replayed against the real
bot in-process and the Bot API test server on 127.0.0.1, asserting what the user sees."""
from __future__ import annotations

from typing import Any

import pytest

from bot import chat_settings
from bot.places import Ambiguous, Resolved, resolve_place
from bot.store import subscriptions
from tests.telegram_harness import ADMIN, ALICE, GROUP, MEMBER, Harness


def watched(tg: Harness, chat_id: int = ALICE) -> list[tuple[str, str, str]]:
    return [(w.kind, w.country or "", w.name) for _, w in subscriptions.list_watches(tg.db, chat_id)]


def ambush(tg: Harness, town: str, killed: int, n: int) -> None:
    tg.publish(f"Gunmen kill {killed} soldiers in {town} ambush",
               f"{town.upper()}, Mali — Gunmen ambushed an army patrol near {town} on Monday, killing {killed} soldiers, "
               "the army said.", url=f"https://x.example/{n}")


# ---------------------------------------------------------------- towns named like an airport code

async def test_watch_gao_is_the_town_in_mali_not_an_airport_in_cuba(tg: Harness) -> None:
    """`/watch Gao` (a city of 130,000 in northern Mali) answered "Watching Mariana Grajales Airport (GAO),
    Cuba": GAO is that airport's IATA code, and the town was not even offered."""
    answer = await tg.say(ALICE, "/watch Gao")
    assert "Gao, Mali" in answer and "Cuba" in answer  # which one? the town first, the airport still offered
    assert "(GAO), Cuba: <code>/watch GAO</code>" in answer  # a command that finds it
    mali = next(b for b in tg.buttons(ALICE) if b["text"] == "Gao, Mali")
    await tg.press(ALICE, mali["callback_data"])
    assert "Watching <b>Gao, Mali</b>" in tg.api.sent(ALICE)[-1]["text"]
    assert watched(tg) == [("city", "ML", "Gao, Mali")]
    assert "Watching <b>Mariana Grajales Airport (GAO), Cuba</b>" in await tg.say(ALICE, "/watch GAO")  # the code


@pytest.mark.parametrize(("typed", "kind", "name", "country"), [
    ("Lira", "city", "Lira", "UG"),  # not Rome Ciampino, ICAO LIRA
    ("Kobe", "city", "Kobe", "JP"),  # not Okeechobee County Airport, ICAO KOBE
    ("Aba", "city", "Aba", "NG"),  # not Abakan Airport (ABA), Russia
    ("bko", "airport", "Modibo Keita International Airport (BKO)", "ML"),  # no town is called that: the code
    ("GABS", "airport", "Modibo Keita International Airport (BKO)", "ML"),
])
def test_a_town_named_like_an_airport_code(gazetteer: Any, typed: str, kind: str, name: str, country: str) -> None:
    found = resolve_place(typed, gazetteer)
    assert isinstance(found, Resolved)
    assert (found.place.kind, found.place.name, found.place.country) == (kind, name, country)


def test_gao_offers_both_towns_and_the_airport(gazetteer: Any) -> None:
    found = resolve_place("gao", gazetteer)
    assert isinstance(found, Ambiguous)
    assert [(p.kind, p.country) for p in found.options] == [("city", "ML"), ("city", "BF"), ("airport", "CU")]


# ---------------------------------------------------------------- a blocked bot, back days later

async def test_back_after_blocking_the_bot_no_burst_of_stale_alerts(tg: Harness) -> None:
    """A user blocked the bot while three incidents were planned for her; unblocking it three days later and
    sending /start brought two three-day-old alerts and three map pins at once, one of them the pin of an
    alert she never got (it had failed with the 403), alone and unexplained."""
    await tg.say(ALICE, "/watch Mali")
    tg.api.block_chat(ALICE)
    for n, town in enumerate(["Gao", "Mopti", "Kayes"]):
        ambush(tg, town, 4 + n, n)
    await tg.deliver()
    tg.clock.advance(days=3)
    tg.api.unblock_chat(ALICE)
    before = len(tg.api.sent(ALICE))
    assert "Welcome back" in await tg.say(ALICE, "/start")
    await tg.deliver()
    assert len(tg.api.sent(ALICE)) == before + 1  # the answer to /start, nothing else
    assert tg.api.sent(ALICE, "sendVenue") == []
    assert "Kayes ambush" in await tg.say(ALICE, "/recent")  # what she missed is one command away


async def test_a_map_pin_never_comes_without_its_alert(tg: Harness) -> None:
    """Telegram refused an alert for good (a 400): its map pin was still sent, alone."""
    await tg.say(ALICE, "/watch Mali")
    tg.api.fail_next("sendMessage", error_code=400, description="Bad Request: message is too long", chat_id=ALICE)
    ambush(tg, "Gao", 5, 1)
    await tg.deliver()
    assert tg.api.sent(ALICE, "sendVenue") == []
    ambush(tg, "Kayes", 6, 2)  # the next incident comes with its pin as usual
    await tg.deliver()
    assert len(tg.api.sent(ALICE, "sendVenue")) == 1


async def test_the_map_pin_names_the_country_as_people_do(tg: Harness) -> None:
    """The pin of an alert in Goma read "Congo, The Democratic Republic of the"."""
    await tg.say(ALICE, "/watch Goma")
    tg.publish("Rebels shell Goma, killing 8 civilians", "GOMA, DR Congo — M23 rebels shelled neighbourhoods of Goma "
               "on Monday, killing eight civilians and wounding 20, the provincial governor said.", url="https://g.example/1")
    await tg.deliver()
    (venue,) = tg.api.sent(ALICE, "sendVenue")
    assert venue["title"] == "Goma" and venue["address"] == "DR Congo"


# ---------------------------------------------------------------- /timezone as people write it

@pytest.mark.parametrize(("typed", "zone"), [
    ("EAT", "Africa/Nairobi"),  # was America/Los_Angeles (EAT: an airport in Washington state)
    ("WAT", "Africa/Lagos"),  # was Europe/Dublin (Waterford airport)
    ("CAT", "Africa/Maputo"),  # was Europe/Lisbon
    ("IST", "Asia/Kolkata"),  # was Europe/Istanbul (IST: Istanbul airport)
    ("PKT", "Asia/Karachi"),  # was Australia/Darwin
    ("UTC+4:30", "Asia/Kabul"),  # was "I don't know the time zone"
    ("UTC+5:30", "Asia/Kolkata"),
])
async def test_timezone_by_its_usual_abbreviation_or_a_half_hour_offset(tg: Harness, typed: str, zone: str) -> None:
    assert f"set to {zone}." in await tg.say(ALICE, f"/timezone {typed}")


async def test_timezone_never_taken_from_an_airport_code(tg: Harness) -> None:
    """"BST" (British Summer Time, or Bangladesh's) set the chat to Asia/Kabul: Bost airport's code."""
    answer = await tg.say(ALICE, "/timezone BST")
    assert "I don't know the time zone “BST”" in answer
    assert "Time zone: UTC" in await tg.say(ALICE, "/status")
    assert "/timezone Gao, ML" in await tg.say(ALICE, "/timezone Gao")  # the towns; no Cuban airport among them


def test_find_zone_keeps_iana_names_before_abbreviations() -> None:
    assert chat_settings.find_zone("EST") == "EST" and chat_settings.find_zone("CET") == "CET"
    assert chat_settings.find_zone("eat") == "Africa/Nairobi"
    assert chat_settings.find_zone("UTC+7:30") is None


# ---------------------------------------------------------------- /recent shows an incident as it stands now

async def test_recent_shows_the_severity_and_toll_an_incident_rose_to(tg: Harness) -> None:
    """A bombing in Kabul first reported with 5 dead rose to 30 (critical; the user had the updates): /recent
    still showed it 🟠 high, "kills 5", and a chat on `/severity critical` did not see it there at all."""
    await tg.say(ALICE, "/watch Kabul")
    tg.publish("Blast near Kabul Green Zone kills 5", "KABUL, Afghanistan — A bomb exploded near the Green Zone in "
               "Kabul on Monday, killing 5 people and wounding 12, police said.", url="https://k.example/1")
    for n, toll in enumerate([11, 30]):
        tg.clock.advance(minutes=30)
        tg.publish(f"Kabul blast toll rises to {toll}", f"KABUL, Afghanistan — The death toll from Monday's bomb blast "
                   f"near the Green Zone in Kabul has risen to {toll}, the health ministry said.",
                   url=f"https://k.example/t{n}", source=f"Wire{n}")
    answer = await tg.say(ALICE, "/recent")
    assert "🔴" in answer and "🟠" not in answer and "kills 5</a> (30 killed so far)" in answer
    await tg.say(ALICE, "/severity critical")
    assert "Blast near Kabul" in await tg.say(ALICE, "/recent")


# ---------------------------------------------------------------- a town and its country, country abbreviations

async def test_a_town_and_its_country_without_a_comma(tg: Harness) -> None:
    """"/watch Tripoli Libya" (and "Tripoli (Libya)", "Tripoli - LY") answered "I don't know “Tripoli Libya”"
    with no suggestion at all; only "Tripoli, Libya" worked."""
    assert "Watching <b>Tripoli, Libya</b> (within 40 km)" in await tg.say(ALICE, "/watch Tripoli Libya 40 km")
    assert "already watch <b>Tripoli, Libya</b>" in await tg.say(ALICE, "/watch Tripoli (Libya)")
    assert "Watching <b>Juba, South Sudan</b>" in await tg.say(ALICE, "/watch Juba South Sudan")
    assert "Stopped watching <b>Tripoli, Libya</b>" in await tg.say(ALICE, "/unwatch Tripoli - LY")


@pytest.mark.parametrize(("typed", "country"), [
    ("RDC", "DR Congo"),  # French: was Redencao Airport, Brazil
    ("CAR", "Central African Republic"),  # was Caribou Municipal Airport, Maine
    ("RCA", "Central African Republic"),
    ("USA", "United States"),  # was Concord-Padgett Regional Airport
    ("US", "United States"),  # was unknown
])
async def test_a_country_by_its_usual_abbreviation(tg: Harness, typed: str, country: str) -> None:
    assert f"Watching <b>{country}</b> (anywhere in it)" in await tg.say(ALICE, f"/watch {typed}")


# ---------------------------------------------------------------- radius and lists as people type them

@pytest.mark.parametrize(("typed", "km"), [
    ("Bamako 40,5 km", "40.5"),  # a decimal comma: was "I don't know “Bamako 40”" (5 km taken as the radius)
    ("Bamako within 40 km", "40"), ("Bamako radius 40 km", "40"), ("Bamako 40 km radius", "40"),
    ("Bamako 25 miles", "40.2"),  # in km
    ("Bamako\n40 km", "40"),  # a radius on a line of its own is no second place
])
async def test_a_radius_as_people_write_it(tg: Harness, typed: str, km: str) -> None:
    assert f"Watching <b>Bamako, Mali</b> (within {km} km)" in await tg.say(ALICE, f"/watch {typed}")


async def test_several_places_in_one_watch(tg: Harness) -> None:
    """A list pasted one place a line became "I don't know “BamakoGaoMopti”"; "Bamako, Gao, Mopti" was unknown."""
    answer = await tg.say(ALICE, "/watch Bamako\nMopti 40 km\nXqzville")
    assert "Watching <b>Bamako, Mali</b>" in answer and "Watching <b>Mopti, Mali</b> (within 40 km)" in answer
    assert "I don't know “Xqzville”" in answer
    answer = await tg.say(ALICE, "/watch Segou, Gao, Bamako")
    assert "Watching <b>Ségou, Mali</b>" in answer and "/watch Gao, ML" in answer and "already watch <b>Bamako" in answer
    assert [name for _, _, name in watched(tg)] == ["Bamako, Mali", "Mopti, Mali", "Ségou, Mali"]
    assert "Watching <b>Tripoli, Libya</b>" in await tg.say(ALICE, "/watch Tripoli, LY")  # still one place
    assert "I don't know “Bamako, Niger”" in await tg.say(ALICE, "/watch Bamako, Niger")  # not Bamako and Niger


async def test_a_town_with_its_province_gets_a_suggestion(tg: Harness) -> None:
    """"/watch Goma, Nord-Kivu" answered "I don't know" and nothing else."""
    assert "Did you mean: Goma, DR Congo?" in await tg.say(ALICE, "/watch Goma, Nord-Kivu")


async def test_updates_are_not_saved_up_for_a_user_who_blocked_the_bot(tg: Harness) -> None:
    """She had the alert of a Kabul bombing, then blocked the bot; the toll rose twice. Unblocking it four days
    later, /start brought both stale "Death toll rises" updates at once."""
    await tg.say(ALICE, "/watch Kabul")
    tg.publish("Blast near Kabul Green Zone kills 5", "KABUL, Afghanistan — A bomb exploded near the Green Zone in "
               "Kabul on Monday, killing 5 people and wounding 12, police said.", url="https://k.example/1")
    await tg.deliver()
    tg.api.push_update({"my_chat_member": {  # what Telegram sends when a user blocks the bot
        "chat": tg.api.chat(ALICE), "from": {"id": ALICE, "is_bot": False, "first_name": "Alice"}, "date": 1,
        "old_chat_member": {"status": "member", "user": tg.api.bot_user},
        "new_chat_member": {"status": "kicked", "user": tg.api.bot_user, "until_date": 0}}})
    assert "What I understand" in await tg.say(2002, "/help")  # the update above was handled
    for n, toll in enumerate([11, 30]):
        tg.clock.advance(minutes=30)
        tg.publish(f"Kabul blast toll rises to {toll}", f"KABUL, Afghanistan — The death toll from Monday's bomb blast "
                   f"near the Green Zone in Kabul has risen to {toll}, the health ministry said.",
                   url=f"https://k.example/t{n}", source=f"Wire{n}")
    tg.clock.advance(days=4)
    before = len(tg.api.sent(ALICE))
    assert "Welcome back" in await tg.say(ALICE, "/start")
    await tg.deliver()
    assert len(tg.api.sent(ALICE)) == before + 1
    assert "(30 killed so far)" in await tg.say(ALICE, "/recent")


async def test_unwatch_a_name_two_watched_places_share_asks_which(tg: Harness) -> None:
    """Watching Tripoli, Libya and Tripoli, Lebanon, "/unwatch Tripoli" silently removed the Libyan one."""
    await tg.say(ALICE, "/watch Tripoli, LY")
    await tg.say(ALICE, "/watch Tripoli, LB")
    answer = await tg.say(ALICE, "/unwatch Tripoli")
    assert "2 places called “Tripoli”" in answer and "1. Tripoli, Libya\n2. Tripoli, Lebanon" in answer
    assert len(watched(tg)) == 2
    assert "Stopped watching <b>Tripoli, Lebanon</b>" in await tg.say(ALICE, "/unwatch Tripoli, Lebanon")
    assert "Stopped watching <b>Tripoli, Libya</b>" in await tg.say(ALICE, "/unwatch Tripoli")  # now only one



async def test_a_reply_that_meets_a_telegram_5xx_is_tried_again(tg: Harness) -> None:
    """One 502 from Telegram on the answer to /watch: the place was watched, the user saw nothing at all."""
    tg.api.fail_next("sendMessage", error_code=502, chat_id=ALICE)
    assert "Watching <b>Bamako, Mali</b>" in await tg.say(ALICE, "/watch Bamako")
    assert len(tg.api.sent(ALICE)) == 1  # once


async def test_a_list_longer_than_ten_places_says_what_was_left_out(tg: Harness) -> None:
    towns = ["Bamako", "Mopti", "Segou", "Sikasso", "Koutiala", "Kati", "Timbuktu", "Kidal", "Menaka", "Bougouni", "Nioro"]
    answer = await tg.say(ALICE, "/watch " + "\n".join(towns))
    assert "I take 10 places at a time" in answer and len(watched(tg)) == 10


async def test_a_group_the_bot_is_added_back_to_is_told_its_alerts_are_off(tg: Harness) -> None:
    """Removed and added back, the bot greeted the group as new ("an administrator can start with /watch PLACE");
    /watching still listed Bamako, and nobody learnt that no alert would come until /start."""
    def membership(old: str, new: str) -> None:
        tg.api.push_update({"my_chat_member": {
            "chat": tg.api.chat(GROUP, "group", title="Team"), "from": {"id": ADMIN, "is_bot": False, "first_name": "A"},
            "date": 1, "old_chat_member": {"status": old, "user": tg.api.bot_user},
            "new_chat_member": {"status": new, "user": tg.api.bot_user}}})

    await tg.say(GROUP, "/watch Bamako", user_id=ADMIN, chat_type="group")
    membership("member", "left")
    membership("left", "member")
    (hello,) = (await tg.api.wait_for_async(2, chat_id=GROUP))[1:]
    assert "Welcome back" in hello["text"] and "1 place" in hello["text"] and "/start" in hello["text"]
    assert "/start to turn them back on" in await tg.say(GROUP, "/watching", user_id=MEMBER, chat_type="group")
    assert "Welcome back" in await tg.say(GROUP, "/start", user_id=ADMIN, chat_type="group")
    assert "/start to turn" not in await tg.say(GROUP, "/watching", user_id=MEMBER, chat_type="group")


@pytest.mark.parametrize(("typed", "code"), [
    ("aéroport de Bamako", "BKO"), ("Aeroport de Goma", "GOM"), ("aéroport d'Abidjan", "ABJ"),
    ("Aéroport international de Niamey", "NIM"),
])
async def test_an_airport_named_in_french(tg: Harness, typed: str, code: str) -> None:
    """"/watch aéroport de Bamako" was unknown: Bamako's French-speaking users write it so."""
    assert f"({code})" in await tg.say(ALICE, f"/watch {typed}")
    assert watched(tg)[0][0] == "airport"


async def test_a_flag_names_its_country(tg: Harness) -> None:
    """"/watch 🇲🇱" and "/watch Bamako 🇲🇱" (a phone keyboard's way to say Mali) were unknown."""
    assert "Watching <b>Mali</b> (anywhere in it)" in await tg.say(ALICE, "/watch 🇲🇱")
    assert "Watching <b>Tripoli, Lebanon</b>" in await tg.say(ALICE, "/watch Tripoli 🇱🇧")


async def test_coordinates_typed_watch_a_point_and_set_its_radius(tg: Harness) -> None:
    """Telegram Desktop cannot share a location, and a shared pin's radius could never be changed:
    "/watch 12.65, -8.0" was unknown, "/watch 📍 12.6500, -8.0000 10 km" too."""
    tg.api.push_location(ALICE, 12.65, -8.0)
    await tg.api.wait_for_async(1, chat_id=ALICE)
    answer = await tg.say(ALICE, "/watch 📍 12.6500, -8.0000 10 km")
    assert "<b>📍 12.6500, -8.0000</b>: now within 10 km" in answer
    assert "Watching <b>📍 13.5000, 2.1000</b>" in await tg.say(ALICE, "/watch 13.5, 2.1")  # no "2.1 km" radius
    assert [kind for kind, _, _ in watched(tg)] == ["point", "point"]
    assert "Stopped watching <b>📍 13.5000, 2.1000</b>" in await tg.say(ALICE, "/unwatch 13.5, 2.1")
    assert "latitude is from -90 to 90" in await tg.say(ALICE, "/watch 95.5, 2.1")


async def test_quiet_hours_from_to(tg: Harness) -> None:
    """"/quiet from 22 to 7" answered "I can't read “from 22 to 7” as quiet hours"."""
    assert "Quiet hours 22:00–07:00" in await tg.say(ALICE, "/quiet from 22 to 7")


async def test_mute_for_a_week(tg: Harness) -> None:
    """"/mute 1w" (a week's leave) answered "For how long?"."""
    assert "Muted until 17 Mar 12:00 UTC" in await tg.say(ALICE, "/mute 1w")


async def test_every_command_an_ambiguous_answer_suggests_finds_its_place(tg: Harness) -> None:
    """"/watch Mexico" offered "• Mexico: /watch Mexico" (which only asks again), and "/watch Gao" offered
    "/watch Mariana Grajales Airport (GAO)", which no search finds."""
    answer = await tg.say(ALICE, "/watch Mexico")
    assert "• Mexico: its button below" in answer and "<code>/watch Mexico City, MX</code>" in answer
    mexico = next(b for b in tg.buttons(ALICE) if b["text"] == "Mexico")
    await tg.press(ALICE, mexico["callback_data"])
    assert "Watching <b>Mexico</b> (anywhere in it)" in tg.api.sent(ALICE)[-1]["text"]


async def test_a_list_into_a_full_chat_says_so_once(tg: Harness) -> None:
    from bot.analysis.facts import Place

    await tg.say(ALICE, "/start")
    for i in range(subscriptions.MAX_WATCHES_PER_CHAT):
        place = Place(kind="point", key=f"p{i}", name=f"📍 {i}", country=None, lat=0.0, lon=float(i))
        subscriptions.add_watch(tg.db, ALICE, place, radius_km=25, now=tg.clock())
    answer = await tg.say(ALICE, "/watch Bamako\nGao, ML\nMopti")
    assert answer.count("the most I allow") == 1


async def test_unwatch_several_places_at_once(tg: Harness) -> None:
    """"/unwatch 1 3" answered "You don't watch “1 3”"; a list of names one a line, "You don't watch “Bamako Gao”"."""
    await tg.say(ALICE, "/watch Bamako\nMopti\nSegou\nKayes, ML")
    answer = await tg.say(ALICE, "/unwatch 1 3")  # the numbers of one /watching, not renumbered in between
    assert "Stopped watching <b>Bamako, Mali</b>" in answer and "Stopped watching <b>Ségou, Mali</b>" in answer
    answer = await tg.say(ALICE, "/unwatch Mopti\nKayes")
    assert "Stopped watching <b>Mopti, Mali</b>" in answer and "Stopped watching <b>Kayes, Mali</b>" in answer
    assert watched(tg) == []
