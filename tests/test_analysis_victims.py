"""Victims' nationality is who, not where; a capital acting is its government."""
from __future__ import annotations

from bot.analysis import analyze


def test_a_named_place_beats_the_victims_nationalities() -> None:
    facts = analyze("UN staff abducted", "Two Nepalese and one Sudanese UN staff were abducted by gunmen near Kadugli on "
                                         "Tuesday, the United Nations said.")
    assert (facts.city, facts.country) == ("Kadugli", "SD")


def test_counted_victims_of_several_nationalities_all_count_as_victims() -> None:
    # Foreigners are listed first: the host country's staff come last; never the first nationality by default.
    facts = analyze("", "Two Nepalese and one Sudanese UN staff taken to an unknown location by unidentified gunmen.")
    assert facts.country == "SD"


def test_people_abroad_by_definition_name_no_country() -> None:
    assert analyze("Tourists kidnapped", "Two French tourists were kidnapped by gunmen on Tuesday.").country is None
    assert analyze("Peacekeepers killed", "Two Indian peacekeepers were killed in an ambush on Tuesday.").country is None
    facts = analyze("Tourists kidnapped in Mali", "Two French tourists were kidnapped by gunmen near Timbuktu in Mali.")
    assert (facts.city, facts.country) == ("Timbuktu", "ML")


def test_a_capital_that_targets_is_the_government() -> None:
    facts = analyze("Russian attacks kill 7 in Ukraine as Kyiv targets gas plants deep in Arctic",
                    "Ukraine launches one of its deepest strikes to date, targeting natural gas plants in Russia's "
                    "Arctic region.")
    assert facts.country == "UA" and facts.city is None
