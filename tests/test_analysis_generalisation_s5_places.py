"""Places on probes written for generalisation (not taken from the devset): a major airport named by its IATA code alone
(airport_codes.json), news agencies named like places (news_agencies.json), "X accuses Y of <an attack>", a place in an
"after ..." clause beside the event's own place, and "<X> airport in <City>". Each group has look-alikes that must keep
working: codes that are words or in a line of capitals, a code as a trip's end, the capital Sanaa spelled "Sana", an
accusation with the scene named, a place that is the scene of what is described after "killed after"."""
from __future__ import annotations

import pytest

from bot.analysis import analyze


def facts(title: str, text: str = ""):  # type: ignore[no-untyped-def]
    return analyze(title, text)


# 1. A major airport by its code alone, in an incident story: that airport, its city and country.
@pytest.mark.parametrize(("title", "text", "iata", "city", "country"), [
    ("Security alert at JFK as terminal evacuated",
     "A terminal was evacuated on Sunday after a suspicious package was found, and police closed the roads around it.",
     "JFK", "New York City", "US"),
    ("Flights diverted from LHR after drone sightings", "Several flights were diverted on Friday after drones were spotted, "
     "police said.", "LHR", "London", "GB"),
    ("Bomb threat grounds flights at CDG", "Police evacuated a terminal after an anonymous bomb threat, delaying flights.",
     "CDG", "Paris", "FR"),
    ("Drone sighting halts flights at LGW", "Flights were suspended for hours on Wednesday after drones were seen over the "
     "runway.", "LGW", "London", "GB"),
    ("", "A man with a knife was shot by police at ORD's Terminal 3 on Monday.", "ORD", "Chicago", "US"),
    ("Alerte à la bombe à CDG", "Un terminal a été évacué après la découverte d'un colis suspect.", "CDG", "Paris", "FR"),
])
def test_a_major_airport_named_by_its_code_alone(title: str, text: str, iata: str, city: str, country: str) -> None:
    f = facts(title, text)
    assert (f.airports[:1], f.city, f.country) == ((iata,), city, country), title or text


# ... but not a code that is a word, one in a line of capitals, a person (JFK), a sports score, or a trip's end.
@pytest.mark.parametrize(("title", "text", "airports", "city"), [
    ("CAN YOU HELP? ONE MAN SHOT IN SUN VALLEY", "A man was shot in Sun Valley, Idaho, police said.", (), "Sun Valley"),
    ("", "JFK was assassinated in Dallas in 1963, and a gunman opened fire at a memorial in Dallas on Friday, killing two.",
     (), "Dallas"),
    ("Mexico beat FRA 2-1", "Gunmen shot dead two fans outside the stadium in Guadalajara after the match.", (), "Guadalajara"),
    ("Emirates flight from DXB diverted to Mumbai after bomb threat", "The plane landed safely and passengers were "
     "evacuated.", ("BOM",), "Mumbai"),
    ("", "Police evacuated a JFK-bound flight at Heathrow airport after a bomb threat.", ("LHR",), "London"),
    ("Security alert at JFK Airport", "A terminal was evacuated after a suspicious package was found.", ("JFK",),
     "New York City"),
])
def test_codes_that_are_no_scene_stay_out(title: str, text: str, airports: tuple[str, ...], city: str) -> None:
    f = facts(title, text)
    assert (f.airports, f.city) == (airports, city), title or text


# 2. A news agency named like a place places nothing: Syria's SANA is not Sanaa, Jordan's Petra not the ancient city.
@pytest.mark.parametrize(("title", "text", "country"), [
    ("Car bomb kills 10 in central Syria", "A car bomb exploded near a hospital, killing 10 people, Sana reported.", "SY"),
    ("Blast kills soldiers", "A blast killed four soldiers at a checkpoint on Monday, the SANA news agency reported.", None),
    ("", "Gunmen killed four policemen at a checkpoint on Sunday, according to SANA.", None),
    ("Rockets hit army post", "Two rockets hit an army post on Friday, killing a soldier, the official SANA news agency said.",
     None),
    ("Suicide bomber kills 9 at checkpoint (SANA)", "A suicide bomber blew himself up at an army checkpoint, killing nine.",
     None),
])
def test_a_news_agency_named_like_a_place_places_nothing(title: str, text: str, country: str | None) -> None:
    f = facts(title, text)
    assert (f.city, f.country) == (None, country), title or text


# ... nor do other agencies (look-alikes that must keep placing nothing).
@pytest.mark.parametrize(("title", "text"), [
    ("Rockets hit army post", "Two rockets hit an army post on Friday, Sana said, citing a military source."),
    ("Explosion rocks market", "An explosion tore through a market on Friday, killing seven, Xinhua reported."),
    ("Gunmen attack border post", "Gunmen attacked a border post overnight, killing two guards, Petra news agency reported."),
    ("Three soldiers killed in attack, Anadolu says", "Militants attacked a military convoy, killing three soldiers."),
])
def test_other_agencies_place_nothing(title: str, text: str) -> None:
    f = facts(title, text)
    assert (f.city, f.country) == (None, None), title


# ... while Yemen's capital written "Sana" (and "Sanaa") is still the capital.
@pytest.mark.parametrize(("title", "text"), [
    ("", "A car bomb exploded in Sana, the Yemeni capital, killing 12 people."),
    ("Gunmen kill 3 in Sana", "Gunmen opened fire on a checkpoint in Sana on Monday, killing three soldiers."),
    ("", "A car bomb exploded in Sanaa on Tuesday, killing 12 people, the Saba news agency reported."),
])
def test_sanaa_spelled_sana_is_still_yemens_capital(title: str, text: str) -> None:
    f = facts(title, text)
    assert (f.country, f.geonameid) == ("YE", 71137), title or text  # Sanaa, shown as the report spells it


# 3. "X accuses Y of <an attack>": the accused is not the scene by itself; the accuser, hit, is.
@pytest.mark.parametrize(("title", "text", "country"), [
    ("Pakistan accuses India of shelling border villages", "Two civilians were killed and five wounded when Indian troops "
     "fired mortar shells on villages, the Pakistani military said.", "PK"),
    ("Lebanon blames Israel for drone strike", "A drone strike hit a car killing two men, officials said.", "LB"),
    ("Pakistan accuses India of shelling villages", "Two civilians were killed when shells hit their homes.", "PK"),
])
def test_the_accused_state_is_not_the_scene(title: str, text: str, country: str) -> None:
    assert facts(title, text).country == country, title


# ... but a scene the text names still decides.
@pytest.mark.parametrize(("title", "text", "city", "country"), [
    ("Israel accuses Hezbollah of firing rockets at northern Israel", "Rockets hit Kiryat Shmona, wounding two people.",
     "Kiryat Shmona", "IL"),
    ("US accuses Russia of bombing hospitals in Syria", "Air strikes hit two hospitals in Aleppo on Monday.", "Aleppo", "SY"),
    ("Syria blames Israel for air strikes near Damascus airport", "Air defences intercepted several missiles.", "Damascus", "SY"),
])
def test_an_accusation_with_a_named_scene(title: str, text: str, city: str, country: str) -> None:
    f = facts(title, text)
    assert (f.city, f.country) == (city, country), title


# 4. A place in an "after ..." clause (the cause) weighs less than the main clause's place.
@pytest.mark.parametrize(("title", "text", "city", "country"), [
    ("Israeli aircraft strike targets in Gaza after a rocket is fired at Sderot", "", None, "PS"),
    ("Israeli jets strike Gaza after rocket fire on Ashkelon", "Israel said it struck Hamas sites.", None, "PS"),
    ("Police fire tear gas in Nairobi after protests in Kisumu turn violent", "", "Nairobi", "KE"),
])
def test_the_cause_after_after_is_not_the_scene(title: str, text: str, city: str | None, country: str) -> None:
    f = facts(title, text)
    assert (f.city, f.country) == (city, country), title


# ... but "killed after ..." tells how, and a place in the same country as the main clause's stays the scene.
@pytest.mark.parametrize(("title", "text", "city", "country"), [
    ("", "Thirteen civilians travelling from Burkina Faso are killed after their vehicle struck a landmine near the "
     "village of Boni in Mali's Mopti Region.", "Boni", "ML"),
    ("Curfew imposed in Nigeria after clashes in Jos", "Dozens were killed in clashes in the city.", "Jos", "NG"),
    ("Gunmen kill five in Kano after protests in Lagos", "Gunmen opened fire on a crowd in Kano on Tuesday.", "Kano", "NG"),
])
def test_after_that_tells_the_event_keeps_its_place(title: str, text: str, city: str, country: str) -> None:
    f = facts(title, text)
    assert (f.city, f.country) == (city, country), title or text


# 5. "<X> airport in <City>": the city named after "in", not the town the airport is named after.
@pytest.mark.parametrize(("title", "text", "iata", "city"), [
    ("Explosion at Domodedovo airport in Moscow kills 35", "A suicide bomber struck the arrivals hall.", "DME", "Moscow"),
    ("", "A bomb exploded at Domodedovo airport in Moscow, killing 35 people.", "DME", "Moscow"),
    ("Gunmen attack Jinnah airport in Karachi", "Militants stormed the old terminal overnight, killing 18.", "KHI", "Karachi"),
    ("", "Taliban fighters attacked Kandahar airport in southern Afghanistan, killing 50 people.", "KDH", "Kandahar"),
])
def test_an_airport_in_a_city_is_in_that_city(title: str, text: str, iata: str, city: str) -> None:
    f = facts(title, text)
    assert (f.airports[:1], f.city) == ((iata,), city), title or text
