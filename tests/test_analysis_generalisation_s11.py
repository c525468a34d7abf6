"""Places, detection and casualties, round 11: one test per general rule, each asserting what a user sees (city, country,
kind, counts, or no alert).

What the misses were: a bureau's town named again as a landmark ("MAIDUGURI (AP) - ... a base in Konduga, near Maiduguri")
took the scene from the town the event was in; French spellings of Arabic names ("El-Facher", "Moukalla") matched nothing,
and a displaced people's camp ("le camp de déplacés d'Abou Chouk, près d'El-Facher") was taken for a town; Nowshera, which
GeoNames lists with no population (unknown) beside "Nowshera Cantonment" and "Nowshera Kalan", was known only once its
country was named; a front page's "Ouganda :" placed a town on the border with Uganda in Uganda, and "Tchad :" refused
Niger's Diffa; a trade headline naming a protest as one worry among others ("India concern over Trump tariffs and Iran
protest") was an unrest alert; "ont abattu un chef de village et son fils", "injured their mother", "wounded her two
brothers" were not counted, and "12 victimes" (the hurt, killed or not) was counted as 12 dead. Found on the held-back
probes: "à Tillabéri" (a region and its town) did not set aside the bureau's dateline, and "in Balad, near Mogadishu"
went to Iraq's Balad.
"""
from __future__ import annotations

import pytest

from bot.analysis import analyze
from bot.analysis.facts import Category
from tests.analysis_support import counts, incident_facts, scene

# ----------------------------------------------------------------------------------------------------------- places

@pytest.mark.parametrize(("text", "expected"), [
    ("MAIDUGURI, Nigeria (AP) — Boko Haram insurgents attacked a military base in Konduga, near Maiduguri, killing three "
     "soldiers.", ("NG", "Konduga")),
    ("KANO, Nigeria (Reuters) - Gunmen attacked a police station in Wudil, near Kano, killing two officers.", ("NG", "Wudil")),
    ("OUAGADOUGOU (AFP) - Des hommes armés ont attaqué un poste de gendarmerie à Kaya, près de Ouagadougou, tuant quatre "
     "gendarmes.", ("BF", "Kaya")),
])
def test_the_bureaus_town_named_as_a_landmark_is_not_the_scene(text: str, expected: tuple[str, str]) -> None:
    assert scene(text) == expected


def test_a_regions_namesake_town_near_the_bureaus_town_is_the_scene() -> None:
    # Tillabéri is a region and its town; after "à" it is the town
    assert scene("NIAMEY (AFP) - Des hommes armés ont attaqué un camp militaire à Tillabéri, près de Niamey, tuant 11 "
                  "soldats.") == ("NE", "Tillabéri")


def test_a_town_placed_near_a_city_is_no_namesake_far_from_it() -> None:
    # Somalia's Balad (not in GeoNames), not Iraq's
    assert scene("MOGADISHU (Reuters) - Al Shabaab fighters attacked a military base in Balad, near Mogadishu, killing "
                  "five soldiers.")[0] == "SO"
    assert scene("A car bomb exploded in Balad, north of Baghdad, killing 12.") == ("IQ", "Balad")


def test_the_bureaus_town_is_still_the_scene_when_the_event_is_near_it_and_nowhere_else() -> None:
    assert scene("BAMAKO (Reuters) - Gunmen attacked an army checkpoint near Bamako, killing two soldiers.") == ("ML", "Bamako")


@pytest.mark.parametrize(("text", "expected"), [
    ("Soudan : au moins 20 morts dans un bombardement sur El-Facher", ("SD", "El Fasher")),
    ("Yémen : une frappe aérienne sur Moukalla fait cinq morts", ("YE", "Mukalla")),
    ("Des paramilitaires ont attaqué le marché d'El-Facher, tuant 12 personnes.", ("SD", "El Fasher")),
    # another of its names spelled the French way ("Abu Kamal" -> "Abou Kamal")
    ("Syrie : attentat à la voiture piégée à Abou Kamal, huit morts", ("SY", "Albu Kamal")),
])
def test_french_spellings_of_arabic_names_are_the_citys_own_name(text: str, expected: tuple[str, str]) -> None:
    # "u" written "ou", "sh" written "ch", the article "El-"/"Al-" either way
    assert scene(text) == expected


def test_a_displaced_peoples_camp_near_a_town_is_at_that_town() -> None:
    assert scene("Des paramilitaires ont attaqué le camp de déplacés d'Abou Chouk, près d'El-Facher, tuant 12 "
                  "personnes.") == ("SD", "El Fasher")
    # a camp named alone is still where the text puts it
    assert scene("Des hommes armés ont attaqué le camp de déplacés de Kalma, à Nyala.") == ("SD", "Nyala")


@pytest.mark.parametrize("text", [
    "Suicide bomber kills 5 at a mosque in Nowshera",
    "Gunmen shot dead two policemen in Nowshera on Monday.",
    "Pakistan : un attentat-suicide fait sept morts à Nowshera",
])
def test_a_town_listed_without_population_beside_its_namesake_quarters_is_known(text: str) -> None:
    # GeoNames gives Nowshera no population but lists "Nowshera Cantonment" and "Nowshera Kalan" beside it
    assert scene(text) == ("PK", "Nowshera")


def test_a_front_pages_country_on_the_other_side_of_the_border_is_not_the_scene() -> None:
    assert scene("Ouganda : le M23 prend le contrôle de Bunagana, poste frontière avec l'Ouganda") == ("CD", "Bunagana")
    assert scene("Ouganda : le M23 s'empare de Bunagana, à la frontière ougandaise") == ("CD", "Bunagana")


@pytest.mark.parametrize(("text", "expected"), [
    ("Tchad : des soldats tchadiens tués lors d'une attaque à Diffa", ("NE", "Diffa")),
    ("Rwanda : des obus tombent sur Goma, trois morts", ("CD", "Goma")),
])
def test_a_front_page_tells_of_a_town_just_across_its_border(text: str, expected: tuple[str, str]) -> None:
    assert scene(text) == expected


def test_a_front_pages_country_still_places_its_own_towns() -> None:
    # a namesake far away (Turkey's Solhan, Mallorca's Palma) is still refused
    assert scene("Burkina : au moins 100 civils tués à Solhan") == ("BF", "Solhan")
    assert scene("Mozambique : attaque jihadiste à Palma, des dizaines de morts") == ("MZ", "Palma")


# ---------------------------------------------------------------------------------------------------------- detection

@pytest.mark.parametrize("text", [
    "Chabahar Port : India Concern Over Trump Tariffs And Iran Protest",
    "Oil prices rise on Iran protest worries and Chinese demand",
    "Rupee weakens as markets weigh US tariffs, Bangladesh protests",
    "Port de Chabahar : l'Inde inquiète des tarifs de Trump et des manifestations en Iran",
])
def test_protests_named_as_one_worry_among_others_are_no_alert(text: str) -> None:
    assert not analyze("", text).is_incident


@pytest.mark.parametrize("text", [
    "Protesters rally against tariffs in Ottawa",
    "Manifestation à Abidjan contre les droits de douane",
    "Protesters clash with police in Dhaka as markets weigh tariffs",
    "EU concerned about unrest in Georgia",
])
def test_protests_about_trade_or_worried_about_are_still_protests(text: str) -> None:
    assert incident_facts(text).category is Category.UNREST


def test_fighting_at_a_town_with_deaths_in_french_is_military() -> None:
    assert incident_facts("Soudan : des combats à El-Geneina font 30 morts").category is Category.MILITARY
    assert incident_facts("Libye : combats à Tobrouk, 4 morts").category is Category.MILITARY


# -------------------------------------------------------------------------------------------------------- casualties

@pytest.mark.parametrize(("text", "expected"), [
    ("Des hommes armés ont abattu un chef de village et son fils à Ménaka.", (2, None)),
    ("Des inconnus ont abattu un commerçant et ses deux fils près de Gao.", (3, None)),
    ("Des hommes armés ont abattu deux soldats à un poste de contrôle.", (2, None)),
    ("L'armée affirme avoir abattu un drone au-dessus de la base.", (None, None)),
])
def test_shot_dead_in_french_abattu_counts_the_dead(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The blast killed a child and injured his mother.", (1, 1)),
    ("The explosion killed two children and injured their mother.", (2, 1)),
    ("A mortar round killed a girl and wounded her two brothers.", (1, 2)),
    ("L'explosion a tué un enfant et blessé sa mère.", (1, 1)),
])
def test_one_relative_hurt_after_the_dead_is_counted(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # victims with no breakdown: people hurt, killed or not (like "casualties"): never "at least 12 killed"
    ("L'attaque a fait 12 victimes à Mopti, selon une source locale.", (None, 12)),
    ("L'attentat a fait une dizaine de victimes, selon la police.", (None, 10)),
    ("The attack caused 20 casualties, officials said.", (None, 20)),
    # set against a count of the injured, the victims are the dead; a breakdown counts the dead on their own
    ("L'attentat a fait 20 victimes et 30 blessés.", (20, 30)),
    ("La frappe a fait au moins 13 victimes, dont 8 morts.", (8, None)),
])
def test_victims_without_a_breakdown_are_not_counted_as_dead(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected
