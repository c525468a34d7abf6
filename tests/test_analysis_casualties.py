from __future__ import annotations

import pytest

from bot.analysis.casualties import count_casualties
from bot.analysis.normalize import fold


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 12 killed in blast", (12, None)),
    ("Dozens dead after the attack", (24, None)),
    ("Three soldiers were killed and 5 injured", (3, 5)),
    ("twenty-one people were killed", (21, None)),
    ("The blast killed 3 and wounded 15", (3, 15)),
    ("au moins 44 morts et 12 blessés", (44, 12)),
    ("trois soldats ont été tués", (3, None)),
    ("No one was hurt in the attack", (0, 0)),
    ("The 2015 attack was remembered", (None, None)),
    # death-toll updates: the deduplication sends these on when the count grows
    ("The death toll from Friday's attack on the hotel in Bamako has risen to 21", (21, None)),
    ("Death toll climbs to 30 after market blast", (30, None)),
    ("Two more bodies were found, bringing the death toll to 45", (45, None)),
    ("The toll now stands at at least 50, officials said", (50, None)),
    ("Le bilan de l'attaque s'est alourdi à 19 morts", (19, None)),
    ("Le bilan s'alourdit à 12 morts et 30 blessés", (12, 30)),
    ("Le bilan est passé à 40 blessés", (None, 40)),
])
def test_casualties_are_read_from_text(text: str, expected: tuple[int | None, int | None]) -> None:
    assert count_casualties(fold(text)) == expected
