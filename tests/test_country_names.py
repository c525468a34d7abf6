"""Countries are shown by the names people use, the same in alerts, digests and watch labels."""
from __future__ import annotations

from typing import Any

import pytest

from bot.analysis import analyze
from bot.analysis.advisory import render_text
from bot.analysis.facts import ArticleMeta
from bot.analysis.gazetteer import display_country_names


@pytest.mark.parametrize(("text", "shown"), [
    ("Israeli strikes killed at least four Palestinians in northern Gaza on Monday, medics said.", "Palestine"),
    ("Gunmen killed 12 villagers in an attack in Ituri province in eastern DR Congo, officials said.", "DR Congo"),
    ("Ukrainian drones struck an oil depot in Russia's Belgorod region overnight, injuring two people.", "Russia"),
])
def test_an_alert_names_the_country_as_people_do(text: str, shown: str, gazetteer: Any) -> None:
    facts = analyze("", text)
    assert facts.country_name == shown
    place_line = next(line for line in render_text(facts, ArticleMeta()).splitlines() if line.startswith("📍"))
    assert shown in place_line and "," not in place_line.replace(f", {shown}", "")


def test_no_country_is_shown_like_an_index_entry(gazetteer: Any) -> None:
    names = gazetteer.countries
    assert not [n for n in names.values() if ", " in n or "(" in n]
    assert all(names[code] == name for code, name in display_country_names().items())


def test_watch_labels_use_the_same_names_as_alerts(gazetteer: Any) -> None:
    from bot.places import country_name

    assert all(country_name(code) == gazetteer.countries[code] for code in ("CD", "CG", "RU", "PS", "BN", "VG", "IR"))
