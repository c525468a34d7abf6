"""The canonical item: an attack near Bamako's airport; UN staff told to limit movement."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis import analyze
from bot.analysis.advisory import render_html, render_text
from bot.analysis.facts import ArticleMeta, Category, Facts, Severity

SEED = next((Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_facts() -> Facts:
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    return analyze(title, body)


def test_seed_is_an_armed_attack_in_bamako_mali(seed_facts: Facts) -> None:
    assert seed_facts.is_incident
    assert seed_facts.category is Category.ARMED_ATTACK
    assert (seed_facts.city, seed_facts.country) == ("Bamako", "ML")
    assert seed_facts.lat == pytest.approx(12.6, abs=0.2) and seed_facts.lon == pytest.approx(-8.0, abs=0.2)


def test_seed_involves_bko_and_the_un(seed_facts: Facts) -> None:
    assert seed_facts.airports == ("BKO",)
    assert seed_facts.un_involved


def test_seed_key_facts_tell_airport_closed_and_un_guidance(seed_facts: Facts) -> None:
    assert "Airport temporarily closed" in seed_facts.key_facts
    assert "UN staff told to limit movement" in seed_facts.key_facts


def test_seed_severity_is_explained(seed_facts: Facts) -> None:
    assert seed_facts.severity in (Severity.HIGH, Severity.CRITICAL)
    assert seed_facts.severity_reason and seed_facts.severity.value in seed_facts.severity_reason.lower()


def test_seed_advisory_is_short_and_names_place_and_airport(seed_facts: Facts) -> None:
    meta = ArticleMeta(title="Attack in Bamako", url="https://example.org/a?x=1&y=2", source="example.org")
    text = render_text(seed_facts, meta)
    assert "Bamako, Mali" in text and "BKO" in text
    assert len(text) < 1500  # a summary, not the article
    html = render_html(seed_facts, meta)
    assert 'href="https://example.org/a?x=1&amp;y=2"' in html


def test_seed_declared_under_control_is_not_called_ongoing(seed_facts: Facts) -> None:
    # "Mopping-up operations are under way", but "the situation is now under control": the latter wins.
    assert not seed_facts.ongoing
    assert "Authorities say the situation is under control" in seed_facts.key_facts
    assert "Situation may be ongoing" not in seed_facts.key_facts


def test_an_unfolding_siege_is_ongoing_and_critical() -> None:
    facts = analyze("Gunmen hold hostages in Bamako hotel",
                    "BAMAKO, Mali — Gunmen are still holding hostages inside a hotel near the airport; "
                    "the siege is ongoing, security sources said.")
    assert facts.ongoing and facts.severity is Severity.CRITICAL
