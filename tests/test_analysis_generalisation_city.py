"""The city of an incident on texts unlike the devset's: a bureau's dateline, a trip's ends, a landmark after a comma, a
city's quarters, a region named after its town, towns the gazetteer does not list (devset README: `city` is where it
happened; a text that names only a region has no city). One test per rule, on texts written for these tests."""
from __future__ import annotations

from bot.analysis import analyze


def where(text: str, title: str = "") -> tuple[str | None, str | None]:
    facts = analyze(title, text)
    return facts.city, facts.country


def test_a_trips_ends_are_not_the_scene() -> None:
    # geo._DESTINATION_BEFORE: "travelling from X to Y" names where a bus was going, not where it was attacked
    assert where("Gunmen attacked a bus travelling from Nairobi to Mombasa near Lamu, killing three passengers.") == ("Lamu", "KE")


def test_a_place_after_a_town_and_a_comma_is_a_landmark() -> None:
    # geo._BESIDE_TOWN_BEFORE: "in X, south of Y", "X, near Y"
    assert where("A truck bomb kills at least 30 people in Hillah, south of Baghdad.")[0] in ("Hillah", "Al Hillah")
    assert where("A bomb exploded at a market in Mardan, near Peshawar, killing 12.")[0] == "Mardan"


def test_the_bureau_is_not_the_scene_when_the_lede_names_a_town_of_the_country() -> None:
    # geo._without_bureau_dateline: "near the coastal town of X" is a scene inland, like "in X"
    assert where("NAIROBI, Kenya (AP) — Suspected militants killed six people in an attack on a village near the coastal "
                 "town of Lamu, police said.") == ("Lamu", "KE")


def test_the_bureau_is_not_the_scene_when_the_lede_names_a_region() -> None:
    # geo._INLAND_REGION: "in the western state of X", "in Nigeria's central X state": no city; the bureau's country stays
    assert where("MEXICO CITY (AP) — Gunmen killed 13 police officers in an ambush in the western state of Michoacan, "
                 "officials said.") == (None, "MX")
    assert where("LAGOS (Reuters) - Gunmen killed at least 20 people in an attack on a village in Nigeria's central Plateau "
                 "state, police said.") == (None, "NG")
    assert where("BANGKOK (Reuters) - A bomb exploded in a market in Thailand's southern province of Yala, wounding 10.") \
        == (None, "TH")


def test_a_described_quarter_is_its_city() -> None:
    # geo._QUARTER_OF / _QUARTER_BEFORE: "a residential district of X" is a part of the town, not a region
    assert where("DAMASCUS (Reuters) - Rebel shells hit a residential district of Aleppo on Tuesday, killing eight people, "
                 "state media said.") == ("Aleppo", "SY")


def test_a_named_quarter_of_a_city_is_the_city() -> None:
    # geo._QUARTER_AFTER: "the X borough of Y", "the X district of Y": the quarter is no town of its own
    assert where("Gunmen open fire at a bar in the Iztapalapa borough of Mexico City, killing six.") == ("Mexico City", "MX")


def test_a_regions_name_with_a_towns_words_is_the_town() -> None:
    # geo._region_named_as_town: "près de X", "X city" (X a region and a town of the same country)
    assert where("Niger : une attaque jihadiste fait 12 morts près de Tillabéri, dans l'ouest du pays.") == ("Tillabéri", "NE")
    assert where("Houthi rebels fire a missile at Marib city, killing eight civilians.") == ("Ma'rib", "YE")
    # ... but "in X province" is still the region
    assert where("Houthi rebels fire a missile at a camp in Marib province, killing eight.") == (None, "YE")


def test_an_unlisted_town_placed_from_a_known_place() -> None:
    # geo._UNLISTED (needs a place after): "in X, west of Y", "à X, à 70 km au nord de Y", "attacked X village, 5 km from Y"
    assert where("Soldiers killed in an ambush in Tal Afar, west of Mosul.") == ("Tal Afar", "IQ")
    assert where("Des combats opposent l'armée et les rebelles du M23 à Kiwanja, à 70 km au nord de Goma.") == ("Kiwanja", "CD")
    assert where("At least 20 people were killed when Boko Haram attacked Dalori village, 5 km from Maiduguri.") == ("Dalori", "NG")


def test_a_french_headline_against_a_target_at_a_town() -> None:
    # geo._HEADLINE_AT: "Attaque contre ... à X :" names the town, listed or not; "un casque bleu tchadien" is no country
    assert where("Attaque contre la base de la Minusma à Aguelhok : un casque bleu tchadien tué.") == ("Aguelhok", "ML")


def test_a_town_placed_in_a_province() -> None:
    # geo._PLACED: "X, dans la province du Y" is not a namesake elsewhere (regions.json: Burkina Faso's provinces)
    assert where("Des hommes armés ont attaqué dimanche le village de Solhan, dans la province du Yagha, tuant au moins "
                 "130 civils.") == ("Solhan", "BF")


def test_people_in_a_town_speaking_are_not_its_government() -> None:
    # geo._SPEAKERS_IN: "police in X said"
    assert where("Police in Dhaka said a bomb blast at a Shia shrine in the old part of the city killed one.") == ("Dhaka", "BD")


def test_an_alternate_name_wins_where_the_text_places_the_town() -> None:
    # geo._own_name_placed_elsewhere: "León, Guanajuato" is Mexico's León, not Spain's
    assert where("Gunmen killed six people at a bar in León, Guanajuato.")[1] == "MX"
    assert where("Gunmen killed six people at a bar in León, Guanajuato.")[0] is not None


def test_a_country_possessive_with_a_towns_word_places_the_town() -> None:
    # geo._PLACED_END: "X, Bolivia's largest city" (not "Baghdad, Poland's defence ministry said")
    assert where("Police fired tear gas at protesters in Santa Cruz, Bolivia's largest city.")[1] == "BO"


def test_a_french_town_with_its_part_of_the_country_in_brackets() -> None:
    # geo._DIRECTION_AFTER_FR: "à X (centre)" names the scene, listed or not; "la frontière burkinabè" is the neighbour's
    assert where("Au Mali, au moins 12 soldats tués à Boulkessi (centre), près de la frontière burkinabè.") == ("Boulkessi", "ML")
    assert where("Niger : au moins 17 morts dans une attaque contre une mosquée à Tahoua (ouest).") == ("Tahoua", "NE")


def test_a_nigerian_state_called_etat() -> None:
    # the unlisted "à X, dans l'État du Y" (a capital É)
    assert where("Nigeria : des hommes armés enlèvent 30 élèves à Kagara, dans l'État du Niger.") == ("Kagara", "NG")


def test_the_bureau_is_not_the_scene_when_the_lede_names_an_unlisted_town() -> None:
    # geo._INLAND_TOWN: "OUAGADOUGOU (Reuters) - ... in the eastern town of X", X in no gazetteer
    assert where("OUAGADOUGOU (Reuters) - Suspected jihadists killed 14 worshippers at a church in the eastern town of "
                 "Hantoukoura on Sunday.") == ("Hantoukoura", "BF")


def test_a_town_described_with_the_definite_article() -> None:
    # geo._UNLISTED: "X, the main town of Y" as "X, a town in Y" (regions.json: Pakistan's Kurram)
    assert where("A bomb ripped through a market in Parachinar, the main town of Kurram tribal district, killing 25.") \
        == ("Parachinar", "PK")
