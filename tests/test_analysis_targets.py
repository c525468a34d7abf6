"""What was hit, as the severity line tells it: not every site the story names.

A user reads "High: an armed attack targeting an airport" and plans around an attacked airport; a story
that only places the attack near the airport, or says the airport closed as a precaution, must not say so.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis import analyze
from bot.analysis.facts import Severity

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c5c1507d6d7ba607.txt"


def reason(title: str, text: str) -> str:
    return analyze(title, text).severity_reason or ""


def test_seed_names_the_gendarmerie_base_not_the_airport_nearby_or_the_schools_that_closed() -> None:
    title, _, text = SEED.read_text(encoding="utf-8").partition("\n")
    facts = analyze(title, text)
    assert facts.severity is Severity.HIGH
    assert "military base" in (facts.severity_reason or "")
    assert "airport" not in (facts.severity_reason or "") and "school" not in (facts.severity_reason or "")
    assert facts.airports == ("BKO",) and "Airport temporarily closed" in facts.key_facts  # still shown, with its closure


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a checkpoint near the US embassy in Kabul on Monday, wounding two guards, police said.",
    "A bomb exploded in a crowded street about 2 km from the Serena hotel in Kabul, wounding four people.",
    "Des hommes armés ont attaqué un poste de contrôle près de l'ambassade de France à Ouagadougou, blessant deux gardes.",
])
def test_a_site_named_only_as_a_landmark_is_not_a_target(text: str) -> None:
    said = reason("", text)
    assert said and "embassy" not in said and "hotel" not in said


@pytest.mark.parametrize(("text", "target"), [
    ("Gunmen stormed the US embassy in Kabul on Monday, wounding two guards, police said.", "embassy"),
    ("A car bomb exploded outside the Serena hotel in Kabul, wounding four people, police said.", "hotel"),
    ("Gunmen attacked a school near the market in Maiduguri, wounding three pupils, police said.", "school"),
])
def test_what_was_hit_is_still_a_target(text: str, target: str) -> None:
    assert target in reason("", text)


def test_a_place_that_closed_as_a_precaution_is_not_a_target() -> None:
    said = reason("", "A bomb exploded at a market in Jos, wounding 12 people, police said. The airport and nearby "
                      "schools were closed as a precaution.")
    assert "market" in said and "airport" not in said and "school" not in said


@pytest.mark.parametrize("text", [
    "Gunmen attacked a gendarmerie school in Bamako on Tuesday, wounding three cadets, the army said.",
    "Des hommes armés ont attaqué l'école de gendarmerie de Bamako mardi, blessant trois élèves, selon l'armée.",
    "Militants attacked a police academy in Quetta, wounding six recruits, officials said.",
])
def test_a_school_of_the_security_forces_counts_as_theirs_not_as_a_school(text: str) -> None:
    said = reason("", text)
    assert "school" not in said and ("military base" in said or "police station" in said)
