"""Places (country, city, UN) on probes written for generalisation in the sources' styles (Wikipedia current-events
one-liners, wire leads with a bureau's dateline, terrorism-database summaries starting "COUNTRY.", francophone front
pages "Pays : ... à X"), not taken from the devset: historical country names, regions that name only a country,
towns no gazetteer lists but the text places (by an adjective, a border, a region, a headline's country, or as the only
place after what happened), a transliterated ayn, a building named after a saint, people in a capital, a common word
in a French headline, and UN staff evacuated."""
from __future__ import annotations

import pytest

from bot.analysis import analyze


def where(text: str) -> tuple[str | None, str | None]:
    facts = analyze("", text)
    return facts.city, facts.country


# The terrorism database's 1970s-80s summaries name countries as they were then: the country holding the place today.
@pytest.mark.parametrize(("text", "country"), [
    ("ZAIRE.  Rebels kidnapped three Belgian missionaries in Kivu province.", "CD"),
    ("CEYLON.  Tamil militants shot dead a police inspector at a checkpoint.", "LK"),
    ("RHODESIA.  Guerrillas ambushed a farm convoy, killing four civilians.", "ZW"),
    ("SOVIET UNION.  A man hijacked an Aeroflot flight and demanded to be flown abroad.", "RU"),
    ("UPPER VOLTA.  Soldiers stormed the presidential palace in an attempted coup.", "BF"),
])
def test_a_historical_country_name_is_the_country_of_today(text: str, country: str) -> None:
    assert analyze("", text).country == country, text


# A state or province that is no town names its country (and no city); "Niger State" is Nigeria's, not Niger.
@pytest.mark.parametrize(("text", "country"), [
    ("Gunmen abduct 42 people including 27 students from a school in Kagara, Niger State. (BBC)", "NG"),
    ("Gunmen kill 11 villagers in an overnight raid in Ebonyi. (Punch)", "NG"),
    ("Clan militias clash over grazing land in Galgaduud, killing 15 people.", "SO"),
    ("ADF rebels kill 20 civilians in an attack on a village in Maniema.", "CD"),
    ("Cartel gunmen kill 13 police officers in an ambush in Coahuila.", "MX"),
    ("Maoist rebels kill 22 security personnel in an ambush in Telangana.", "IN"),
    ("Armed men kill 12 people in clashes between herders and farmers in Ouaddaï. (RFI)", "TD"),
])
def test_a_region_names_its_country(text: str, country: str) -> None:
    assert analyze("", text).country == country, text


# A town no gazetteer lists, or whose namesakes are all in other countries, placed by the text: by an adjective ("the
# Mozambican town of"), a border, a region after "dans l'", a French front page's country, a part of the country.
@pytest.mark.parametrize(("text", "expected"), [
    ("JOHANNESBURG (Reuters) - Islamist insurgents attacked the Mozambican town of Palma, close to gas projects worth "
     "$60 billion, killing dozens.", ("Palma", "MZ")),
    ("Militants from Mali attack a Nigerien army base at Inates, near the border, killing 71 soldiers.", ("Inates", "NE")),
    ("Niger : l'armée repousse une attaque jihadiste contre Chinégodar, près de la frontière malienne",
     ("Chinégodar", "NE")),
    ("Cameroun : attaque de Boko Haram à Mozogo, dans l'Extrême-Nord\nDes combattants de Boko Haram ont tué six civils à "
     "Mozogo.", ("Mozogo", "CM")),
    ("Niger : sept soldats tués dans une embuscade près de Tillia\nSept militaires nigériens ont été tués dans une "
     "embuscade dans la région de Tahoua.", ("Tillia", "NE")),
    ("Burkina Faso : l'attaque de Solhan a fait 132 morts, selon le gouvernement", ("Solhan", "BF")),
    ("Un gendarme tué dans une attaque à Kafolo, au nord de la Côte d'Ivoire", ("Kafolo", "CI")),
    ("Gunmen attack a Sufi mosque in Bir al-Abed in northern Sinai, killing 305 people. (Reuters)", ("Bir al-Abed", "EG")),
])
def test_a_town_no_gazetteer_lists_is_placed_by_the_text(text: str, expected: tuple[str, str]) -> None:
    assert where(text) == expected


# When nothing else names a town, an unknown name right after "in/near" and what happened, ending the clause, is it.
@pytest.mark.parametrize(("text", "expected"), [
    ("A Pakistani Taliban suicide bomber kills 30 at a market in Parachinar. (Dawn)", ("Parachinar", "PK")),
    ("COLOMBIA.  Members of the ELN kidnapped two engineers working on an oil pipeline near Saravena.",
     ("Saravena", "CO")),
    ("Indian peacekeepers in South Sudan come under fire at their base in Akobo. (The Hindu)", ("Akobo", "SS")),
])
def test_the_only_place_after_what_happened_is_the_town(text: str, expected: tuple[str, str]) -> None:
    assert where(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # no incident word before the name, or a word that is no town
    ("The minister said the talks would resume in Geneva next week.", ("Geneva", "CH")),
    ("Gunmen killed two soldiers in northern Mali during Ramadan.", (None, "ML")),
    ("Gunmen killed two soldiers in Mali, officials said.", (None, "ML")),
])
def test_no_town_is_made_up_from_other_words(text: str, expected: tuple[str | None, str]) -> None:
    assert where(text) == expected


# Other ways a town is missed or mistaken.
@pytest.mark.parametrize(("text", "expected"), [
    # "Maan": Ma'an without its transliterated ayn (shown as the report spells it)
    ("AMMAN (Reuters) - Jordanian police killed two militants in a shootout in the southern city of Maan on Monday.",
     ("Maan", "JO")),
    # a cathedral named after a saint is no town abroad: the dateline is the scene
    ("PARIS (AP) — A man armed with a knife attacked police officers outside the Notre Dame cathedral, officials said.",
     ("Paris", "FR")),
    # "Attaque à Nice :": a common English word is a town in a French headline
    ("Attaque terroriste à Nice : un homme armé d'un couteau tue trois personnes dans la basilique", ("Nice", "FR")),
    # protesters in a capital are people there, not its government demanding
    ("Protesters in Bamako demand the resignation of President Keïta; police fire tear gas. (RFI)", ("Bamako", "ML")),
    # "Marawi city" after a bureau's dateline in the same country: the scene inland
    ("MANILA (Reuters) - Islamist militants seized parts of Marawi city on the southern island of Mindanao, the army said.",
     ("Marawi City", "PH")),
])
def test_a_town_named_otherwise(text: str, expected: tuple[str, str]) -> None:
    assert where(text) == expected


@pytest.mark.parametrize("text", [
    "The United Nations is evacuating non-essential staff from Yemen after Houthi fighters seize Sanaa.",
    "The UN is relocating non-essential staff out of Kabul after a rocket attack on the city.",
])
def test_un_staff_pulled_out_for_their_safety_is_involvement(text: str) -> None:
    from bot.analysis.gazetteer import load_gazetteer
    from bot.analysis.sites import _un_affected
    from bot.analysis.normalize import clean_text, fold

    load_gazetteer()
    clean = clean_text(text)
    assert _un_affected(clean, fold(clean)), text


# A city of 100,000 or more that GeoNames lists under another spelling, named right after what happened.
@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen stormed a hotel in Hargeisa, killing two guards.", ("Hargeisa", "SO")),
    ("A bomb exploded at a market in Hargeisa.", ("Hargeisa", "SO")),
])
def test_a_big_city_by_its_news_spelling_at_the_scene(text: str, expected: tuple[str, str]) -> None:
    assert where(text) == expected
