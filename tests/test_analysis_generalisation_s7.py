"""Places, round 7: probes written in the styles of the held-out set (wire datelines, BBC, Al Jazeera, France24 and RFI
headlines, headline-only items) about where an incident happened, not taken from the devset.

What they showed: a bureau's dateline ("ABUJA (Reuters) -", "Bamako (AFP) -", "TOKYO -") was taken for the scene when
the lede put the event elsewhere in the same country ("in Nigeria's northwest", "dans le centre du Mali", "in Egypt's
North Sinai", "à Boulkessi"), and a title-case dateline ("Bamako (AFP) -") was never read as one at all. A region named
before its name in French ("dans l'État de Kaduna", "du territoire de Lubero") gave the town. (A region named after its
seat, "in Latakia province", still gives the seat: test_analysis_where.py asks for it.) A town whose name is also a word
("Nice") or known only by another spelling ("Hodeidah", "Nabatieh") or small ("Djibo") was dropped when the text named
no country, though nothing spoke against it; a name many countries' towns share ("Chinatown") beat the country named.
Demonyms of about a hundred countries were missing ("Papuan", "Albanian", "Maldivian", "vénézuélien"). A route's ends
("the Abuja-Kaduna highway", "between Gao and Ansongo", "l'axe Kaya-Dori") and a place from another time ("a day after
the president visited Abuja") were taken for the scene.
"""
from __future__ import annotations

import pytest

from bot.analysis import analyze


def _where(text: str) -> tuple[str | None, str | None]:
    facts = analyze("", text)
    assert facts.is_incident, text
    return facts.country, facts.city


# A bureau's dateline is where the report was filed: the lede puts the event in a part of the country, a region, or a
# town no gazetteer knows, so no city (or the town the lede names).
@pytest.mark.parametrize(("text", "country", "city"), [
    ("ABUJA (Reuters) - Gunmen killed at least 30 villagers in an overnight raid in Nigeria's northwest, a local "
     "lawmaker said on Monday.", "NG", None),
    ("KABUL (Reuters) - A suicide bomber blew himself up at a mosque in Afghanistan's north during Friday prayers, "
     "killing at least 30 worshippers, officials said.", "AF", None),
    ("OUAGADOUGOU (Reuters) - Armed men killed 12 people in an attack on a village in Burkina Faso's Centre-Nord region, "
     "security sources said.", "BF", None),
    ("CAIRO (Reuters) - Militants killed five policemen at a checkpoint in Egypt's North Sinai on Monday, security "
     "sources said.", "EG", None),
    ("BEIRUT (Reuters) - Israeli air strikes hit villages in south Lebanon on Tuesday, killing three people, state "
     "media said.", "LB", None),
    ("Bamako (AFP) - Des jihadistes présumés ont tué huit soldats lors d'une embuscade dans le centre du Mali, a "
     "annoncé l'armée.", "ML", None),
    ("Niamey (AFP) - Des hommes armés ont attaqué un village de la région de Tillabéri, tuant 15 civils, selon les "
     "autorités locales.", "NE", None),
    ("N'Djamena (AFP) - Des combattants de Boko Haram ont attaqué une base de l'armée tchadienne dans la province du "
     "Lac, tuant une vingtaine de soldats.", "TD", None),
    ("Bamako (AFP) - Deux attaques jihadistes ont visé des camps de l'armée à Boulkessi et Mondoro, selon des sources "
     "sécuritaires.", "ML", None),
    ("ABIDJAN (Reuters) - Jihadists killed two soldiers in an attack on an army post near Kafolo in Ivory Coast's far "
     "north, the army said.", "CI", "Kafolo"),
    ("ISLAMABAD (AP) — Gunmen shot dead four polio workers in the northwestern town of Bannu on Tuesday, police "
     "said.", "PK", "Bannu"),
])
def test_bureau_dateline_is_not_the_scene(text: str, country: str, city: str | None) -> None:
    assert _where(text) == (country, city), text


# ... but it is when nothing else is named, or the lede names it again or calls it the capital.
@pytest.mark.parametrize(("text", "country", "city"), [
    ("NAIROBI (Reuters) - Police fired tear gas at protesters in central Nairobi on Tuesday as anger over a new tax "
     "grew.", "KE", "Nairobi"),
    ("BAMAKO (Reuters) - Gunmen attacked a hotel popular with foreigners in Mali's capital on Friday, taking dozens of "
     "hostages.", "ML", "Bamako"),
    ("KABUL (Reuters) - A suicide car bomber struck near the interior ministry on Monday, killing at least eight people, "
     "officials said.", "AF", "Kabul"),
    ("KABUL (Reuters) - A bomb exploded in Kabul's Dasht-e-Barchi district on Tuesday, killing six students.", "AF",
     "Kabul"),
    ("Osaka school attack: knifeman kills three pupils\nTOKYO - A man armed with a knife attacked children at an "
     "elementary school on Tuesday, police said.", "JP", "Osaka"),
])
def test_dateline_that_is_the_scene(text: str, country: str, city: str) -> None:
    assert _where(text) == (country, city), text


# A region named before its name ("dans l'État de Kaduna", "du territoire de Lubero") is only the region; one known by
# another spelling ("Hodeidah governorate") still names its country.
@pytest.mark.parametrize(("text", "country"), [
    ("Air strike in Hodeidah governorate kills six fishermen, medics say", "YE"),
    ("Nigeria : des bandits enlèvent des dizaines d'élèves dans l'État de Kaduna", "NG"),
    ("RDC : au moins 40 morts dans une attaque des ADF contre un village du territoire de Lubero", "CD"),
])
def test_region_named_before_its_name_has_no_city(text: str, country: str) -> None:
    assert _where(text) == (country, None), text


# ... while the town itself, with a town's words, is the town.
@pytest.mark.parametrize(("text", "country", "city"), [
    ("An air strike hit a market in Idlib city overnight, killing nine people, rescuers said.", "SY", "Idlib"),
    ("Gunmen attacked a bus near the town of Mandera, close to the Somali border, killing three.", "KE", "Mandera"),
    ("A bomb exploded in the city of Quetta, the capital of Balochistan province, killing eight people.", "PK", "Quetta"),
])
def test_town_of_the_same_name_is_the_town(text: str, country: str, city: str) -> None:
    assert _where(text) == (country, city), text


# A town an incident hits, named alone: a common word ("in Nice"), another spelling ("Hodeidah"), a small town ("Djibo").
@pytest.mark.parametrize(("text", "country", "city"), [
    ("Knife attack at Notre-Dame basilica in Nice leaves three dead", "FR", "Nice"),
    ("Man stabs three worshippers in Nice church before police shoot him", "FR", "Nice"),
    ("Gunfire erupts at a Bastille Day fireworks display in Nice, sending crowds fleeing", "FR", "Nice"),
    ("Attaque au couteau à Nice : trois morts dans la basilique Notre-Dame", "FR", "Nice"),
    ("Bomb blast in Hue's old citadel injures tourists", "VN", "Hue"),
    ("Hodeidah port struck by Israeli jets; fires rage", "YE", "Hodeidah"),
    ("Israeli strikes on Nabatieh kill five, including a child", "LB", "Nabatieh"),
    ("Israeli strike on Baalbek kills seven", "LB", "Baalbek"),
    ("Suspected jihadists attack Djibo, killing dozens", "BF", "Djibo"),
    ("Gunmen storm police station in Iguala", "MX", "Iguala"),
])
def test_town_hit_with_nothing_against_it(text: str, country: str, city: str) -> None:
    assert _where(text) == (country, city), text


# ... not a word-like name before another capitalised word, nor a name shared abroad against the country named.
@pytest.mark.parametrize(("text", "country", "city"), [
    ("Police fire tear gas at protesters in Independence Square", None, None),
    ("Attack near Boni kills five soldiers", None, None),
    ("It was a nice quiet morning until gunmen opened fire on the market in Kano, killing five", "NG", "Kano"),
    ("Solomon Islands riots: protesters torch buildings in Chinatown", "SB", None),
])
def test_names_that_are_not_that_town(text: str, country: str | None, city: str | None) -> None:
    assert _where(text) == (country, city), text


# Demonyms of every country, from a systematic list; "Papuan" is Indonesia's Papua in the news.
@pytest.mark.parametrize(("text", "country"), [
    ("Papuan rebels take New Zealand pilot hostage after burning plane", "ID"),
    ("Papuan separatists kill four soldiers in ambush, military says", "ID"),
    ("Albanian police clash with opposition protesters outside parliament", "AL"),
    ("Maldivian police arrest opposition leaders as protesters clash with security forces", "MV"),
    ("Fijian soldiers surround parliament in suspected coup attempt", "FJ"),
    ("Lithuanian authorities evacuate an airport after a bomb threat", "LT"),
    ("Montenegrin police fire tear gas at protesters blocking a monastery", "ME"),
    ("Timorese rebels attack president's residence; Ramos-Horta wounded", "TL"),
    ("Slovak prime minister shot and wounded after a government meeting", "SK"),
    ("Des manifestants vénézuéliens affrontent la police lors d'une marche de l'opposition", "VE"),
    ("Une attaque jihadiste contre un poste de l'armée mozambicaine fait 10 morts", "MZ"),
])
def test_demonym_names_the_country(text: str, country: str) -> None:
    assert _where(text)[0] == country, text


# A route's ends and a place from another time are not the scene.
@pytest.mark.parametrize(("text", "country", "city"), [
    ("Bandits kidnapped 10 travellers on the Kaduna-Abuja expressway on Sunday", "NG", None),
    ("Bandits abduct 20 passengers on Abuja-Kaduna highway", "NG", None),
    ("Gunmen attacked a convoy travelling between Gao and Ansongo in northern Mali, killing four soldiers.", "ML", None),
    ("Burkina : une embuscade sur l'axe Kaya-Dori fait 12 morts parmi les soldats", "BF", None),
    ("Gunmen kill 8 in northern Nigeria's Sokoto state, a day after the president visited Abuja's flood victims", "NG",
     None),
    ("A bomb exploded on a bus in Kaduna, a day after clashes in Kano killed four.", "NG", "Kaduna"),
    ("Gunmen killed five people on the road near Kaduna, police said.", "NG", "Kaduna"),
])
def test_route_ends_and_other_times(text: str, country: str, city: str | None) -> None:
    assert _where(text) == (country, city), text
