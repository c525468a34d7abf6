"""What a user types after /watch, resolved against the real gazetteers."""
import pytest

from bot.analysis.gazetteer import load_gazetteer
from bot.places import Ambiguous, Invalid, Resolved, Unknown, resolve_place


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer()


def resolved(query: str, gaz) -> tuple[str, str, str | None]:  # type: ignore[no-untyped-def]
    result = resolve_place(query, gaz)
    assert isinstance(result, Resolved), result
    return result.place.kind, result.place.key, result.place.country


def test_city(gaz) -> None:  # type: ignore[no-untyped-def]
    kind, _, country = resolved("Bamako", gaz)
    assert (kind, country) == ("city", "ML")


@pytest.mark.parametrize("query", ["BKO", "bko", "GABS"])
def test_airport_by_iata_or_icao(gaz, query: str) -> None:  # type: ignore[no-untyped-def]
    assert resolved(query, gaz) == ("airport", "BKO", "ML")


@pytest.mark.parametrize("query", ["Tripoli, LY", "Tripoli, Libya", "tripoli ,  ly"])
def test_city_with_country(gaz, query: str) -> None:  # type: ignore[no-untyped-def]
    kind, _, country = resolved(query, gaz)
    assert (kind, country) == ("city", "LY")


def test_ambiguous_name_offers_both(gaz) -> None:  # type: ignore[no-untyped-def]
    result = resolve_place("Tripoli", gaz)
    assert isinstance(result, Ambiguous)
    assert {p.country for p in result.options} >= {"LY", "LB"}


def test_dominant_city_is_taken_without_asking(gaz) -> None:  # type: ignore[no-untyped-def]
    kind, _, country = resolved("Paris", gaz)
    assert (kind, country) == ("city", "FR")


def test_country(gaz) -> None:  # type: ignore[no-untyped-def]
    assert resolved("Mali", gaz) == ("country", "ML", "ML")


def test_unknown_place_gets_suggestions(gaz) -> None:  # type: ignore[no-untyped-def]
    result = resolve_place("Bamakko", gaz)
    assert isinstance(result, Unknown)
    assert any("Bamako" in s for s in result.suggestions)


@pytest.mark.parametrize("query", ["", "   ", "\x00\x01", "x" * 500])
def test_empty_or_abusive_input_is_refused_with_a_reason(gaz, query: str) -> None:  # type: ignore[no-untyped-def]
    result = resolve_place(query, gaz)
    assert isinstance(result, Invalid) and result.reason


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", "'; DROP TABLE watches; --", "🔥🔥🔥", "Bamako\u202e"])
def test_odd_input_never_crashes(gaz, query: str) -> None:  # type: ignore[no-untyped-def]
    assert resolve_place(query, gaz) is not None


@pytest.mark.parametrize(("query", "country", "city"), [
    ("Gaza", "PS", "Gaza"),  # the whole of Palestine, West Bank included, or Gaza?
    ("Djibouti", "DJ", "Djibouti"),
    ("Kuwait", "KW", "Kuwait City"),
])
def test_a_name_of_both_a_country_and_its_city_asks_which(gaz, query: str, country: str, city: str) -> None:  # type: ignore[no-untyped-def]
    result = resolve_place(query, gaz)
    assert isinstance(result, Ambiguous)
    assert [(p.kind, p.country) for p in result.options[:2]] == [("country", country), ("city", country)]
    assert result.options[1].name == city


def test_a_name_with_its_country_is_the_town(gaz) -> None:  # type: ignore[no-untyped-def]
    """What the console (no buttons) and a user sure of the town write: "Gaza, PS"."""
    assert resolved("Gaza, PS", gaz)[0::2] == ("city", "PS")


@pytest.mark.parametrize(("query", "shown", "gazetteer_name"), [
    ("Raqqa", "Raqqa, Syria", "Ar Raqqah"), ("Hodeidah", "Hodeidah, Yemen", "Al Hudaydah"),
    ("Raqqa, SY", "Raqqa, Syria", "Ar Raqqah"), ("raqqa", "Ar Raqqah, Syria", "Ar Raqqah"),
    ("RAQQA", "Ar Raqqah, Syria", "Ar Raqqah"), ("Bamako", "Bamako, Mali", "Bamako")])
def test_a_town_watched_by_another_of_its_names_is_shown_by_it(gaz, query: str, shown: str,  # type: ignore[no-untyped-def]
                                                               gazetteer_name: str) -> None:
    """"/watch Raqqa" answered "Watching Ar Raqqah, Syria", while its alerts say Raqqa, as the news does. A name
    typed in lower case or capitals says nothing of its spelling: the gazetteer's name then."""
    from bot.places import label

    found, same = resolve_place(query, gaz), resolve_place(gazetteer_name, gaz)
    assert isinstance(found, Resolved) and isinstance(same, Resolved)
    assert label(found.place) == shown
    assert found.place.key == same.place.key  # the same town, whatever it is called


@pytest.mark.parametrize(("query", "country"), [("Tigray", "Ethiopia"), ("Borno", "Nigeria"), ("Nord-Kivu", "DR Congo"),
                                                ("Cabo Delgado", "Mozambique"), ("Texas", "the United States")])
def test_a_region_is_answered_with_its_country(gaz, query: str, country: str) -> None:  # type: ignore[no-untyped-def]
    """"/watch Borno" (the Nigerian state) watched Borna, a German town also called Borno; "/watch Tigray" was unknown."""
    found = resolve_place(query, gaz)
    assert isinstance(found, Invalid)
    assert f"{query} is a region of {country}" in found.reason
    assert f"/watch {country.removeprefix('the ')} covers all of it" in found.reason


@pytest.mark.parametrize(("query", "shown"), [("Kandahar", "Kandahar, Afghanistan"), ("Idlib", "Idlib, Syria"),
                                              ("Donbas", "Ukraine")])
def test_a_town_or_country_of_a_regions_name_is_still_watched(gaz, query: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    from bot.places import label

    found = resolve_place(query, gaz)
    assert isinstance(found, Resolved) and label(found.place) == shown
