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
    ("An explosion at a restaurant injures nine people", (None, 9)),
    ("A bomb wounds 12 in Kabul", (None, 12)),
])
def test_casualties_are_read_from_text(text: str, expected: tuple[int | None, int | None]) -> None:
    assert count_casualties(fold(text)) == expected


@pytest.mark.parametrize(("text", "killed"), [
    ("Bride shot dead in attack on French wedding party", 1),
    ("Journalist killed in Mogadishu blast", 1),
    ("Gunmen kill teacher in Maiduguri", 1),
    ("Priest kidnapped and killed in Nigeria", 1),
    ("Police said. A UN peacekeeper was killed when the convoy hit a mine", 1),
    # no one person: the count is unknown, or the person did the killing
    ("Soldiers killed in ambush near the border", None),
    ("The soldier killed the gunman who had stormed the hotel", None),
    ("Soldier shot dead three civilians in a rampage", 3),
])
def test_one_person_killed_named_by_role_counts_one(text: str, killed: int | None) -> None:
    assert count_casualties(fold(text))[0] == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("Kidnappers threaten to kill western journalist", None),
    ("Two men were shot dead four days before the wedding", 2),
    ("Gunmen killed four days after the truce, officials said", None),
])
def test_threats_and_time_spans_are_no_count_of_the_dead(text: str, killed: int | None) -> None:
    assert count_casualties(fold(text))[0] == killed
