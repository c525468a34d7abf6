"""The /watch lookups."""
from __future__ import annotations

from pathlib import Path

from bot.analysis.gazetteer import load_gazetteer


def test_city_by_name() -> None:
    [bamako] = load_gazetteer().search("Bamako")
    assert (bamako.kind, bamako.country, bamako.name) == ("city", "ML", "Bamako")
    assert bamako.key == "2460596"


def test_airport_by_iata_any_case_and_by_icao() -> None:
    gaz = load_gazetteer()
    for query in ("BKO", "bko", "GABS"):
        place = gaz.search(query)[0]
        assert (place.kind, place.key, place.country) == ("airport", "BKO", "ML")
        assert "Modibo Keita International Airport" in place.name and place.lat is not None


def test_ambiguous_city_lists_both_sorted_by_population() -> None:
    results = load_gazetteer().search("Tripoli")
    countries = [p.country for p in results]
    assert countries[:2] == ["LY", "LB"]


def test_country_qualifier_picks_one() -> None:
    gaz = load_gazetteer()
    assert [p.country for p in gaz.search("Tripoli, LY")] == ["LY"]
    assert [p.country for p in gaz.search("Tripoli, Libya")] == ["LY"]
    assert [p.country for p in gaz.search("tripoli, lebanon")] == ["LB"]


def test_country_and_un_sites() -> None:
    gaz = load_gazetteer()
    assert (gaz.search("Mali")[0].kind, gaz.search("Mali")[0].key) == ("country", "ML")
    for query in ("MINUSCA", "UNMISS HQ", "UN Gigiri", "UNON"):
        assert gaz.search(query)[0].kind == "un_site", query


def test_accents_and_case_do_not_matter() -> None:
    gaz = load_gazetteer()
    assert gaz.search("BAMAKO")[0].key == gaz.search("bamakó")[0].key


def test_unknown_gives_nothing_but_suggestions() -> None:
    gaz = load_gazetteer()
    assert gaz.search("Bamakko") == []
    assert "Bamako" in gaz.suggest("Bamakko")
    assert gaz.search("") == []


def test_cities_are_shown_in_the_spelling_readers_know() -> None:
    from bot.analysis import analyze

    # GeoNames writes "Khōst", "Diyarbakır", "Būr Sa‘īd": alerts and /watch show the plain spelling ...
    assert analyze("", "A suicide bomber killed twelve people in Khost, Afghanistan.").city == "Khost"
    assert analyze("", "A car bomb exploded in Diyarbakir, killing three soldiers.").city == "Diyarbakir"
    [port_said] = [p for p in load_gazetteer().search("Port Said") if p.country == "EG"][:1]
    assert port_said.name == "Port Said"
    # ... the transliterated spelling still finds the city, and ordinary accents are kept.
    assert analyze("", "Three people were killed in a blast in Khōst, Afghanistan.").city == "Khost"
    assert analyze("", "Attaque à Ségou, au Mali : cinq morts.").city == "Ségou"


def test_the_small_towns_index_is_read_from_its_file_and_a_broken_file_means_none(tmp_path: Path) -> None:
    """GeoNames' smaller places stay on disk (about 40 MB in memory otherwise), asked a name at a time."""
    from bot.analysis import gazetteer

    cache = tmp_path / "gazetteer-test.pickle"
    gazetteer._save_small_towns({"parachinar": "PK 33.8997 70.1001 1168394"}, cache)
    index = gazetteer._load_small_towns(str(gazetteer._small_path(cache)))
    assert index.get("parachinar") == "PK 33.8997 70.1001 1168394"
    assert index.get("nowhere") is None
    broken = tmp_path / "broken.small"
    broken.write_bytes(b"not an index")
    assert gazetteer._load_small_towns(str(broken)) == {}  # the analysis goes on without small towns
    assert gazetteer._load_small_towns(str(tmp_path / "missing.small")) == {}


def test_a_small_town_is_found_only_in_the_country_the_text_is_placed_in() -> None:
    gaz = load_gazetteer()
    (town,) = gaz.small_towns("Parachinar", "PK")
    assert (town.country, round(town.lat), round(town.lon)) == ("PK", 34, 70)
    assert gaz.small_towns("Parachinar", "AF") == () and gaz.small_towns("Parachinar", None) == ()


def test_a_new_cache_keeps_the_recently_used_caches_of_other_versions(tmp_path: Path) -> None:
    """A deployed bot and a test run of the next version share one cache folder: building one must not make the
    other rebuild at its next start; only caches long unused go."""
    import os

    from bot.analysis import gazetteer

    for age, stem in enumerate(["gazetteer-v1-a", "gazetteer-v2-b", "gazetteer-v3-c", "gazetteer-v4-d"]):
        for suffix in (".pickle", ".automaton", ".small"):
            f = tmp_path / f"{stem}{suffix}"
            f.write_bytes(b"x")
            os.utime(f, (1_000_000 - age * 1000, 1_000_000 - age * 1000))  # v1 used last, v4 longest ago
    current = tmp_path / "gazetteer-v5-e.pickle"
    current.write_bytes(b"x")
    gazetteer.prune_caches(current)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in left if n.startswith("gazetteer-v4")] == []
    assert {n.rsplit(".", 1)[0] for n in left} == {"gazetteer-v1-a", "gazetteer-v2-b", "gazetteer-v3-c", "gazetteer-v5-e"}
