"""What the analysis says of a made-up text, as the generalisation rounds' tests ask it."""
from __future__ import annotations

from bot.analysis import analyze
from bot.analysis.facts import Facts


def incident_facts(text: str) -> Facts:
    """The facts of a text that must be an incident."""
    facts = analyze("", text)
    assert facts.is_incident, text
    return facts


def scene(text: str) -> tuple[str | None, str | None]:
    """(country, city) of an incident."""
    facts = incident_facts(text)
    return facts.country, facts.city


def counts(text: str) -> tuple[int | None, int | None]:
    """(killed, injured), incident or not."""
    facts = analyze("", text)
    return facts.killed, facts.injured
