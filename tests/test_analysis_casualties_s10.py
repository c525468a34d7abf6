"""Casualty counts a user sees (`killed` / `injured` of `analyze`): one test per rule of bot/analysis/casualties.py
added in round 10. Rule for attackers: the dead counted are the victims; the perpetrators' own deaths ("the gunman
was shot dead", "three militants were killed", "un assaillant a été tué") are not, unless a stated total includes
them ("six people, including the gunman, died" = 6)."""
from __future__ import annotations

import pytest

from tests.analysis_support import counts


@pytest.mark.parametrize(("text", "expected"), [
    ("SARAJEVO (Reuters) - Two soldiers of the Bosnian army were shot dead late on Wednesday when an attacker opened "
     "fire on a military barracks.", (2, None)),
    ("Thirteen civilians travelling from Burkina Faso are killed after their vehicle struck a landmine.", (13, None)),
    ("Seven members of one family were killed when a shell hit their home.", (7, None)),
])
def test_who_was_hit_may_be_named_with_of_or_from(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Six people, including the gunman, died in the shooting at the school.", (6, None)),
    ("Cinq personnes, dont trois enfants, ont été tuées dans une frappe de drone.", (5, None)),
])
def test_an_aside_between_the_count_and_the_verb_is_skipped(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two people were stabbed to death and three others wounded in a knife attack in Marseille.", (2, 3)),
    ("Une femme a été poignardée à mort dans le métro parisien.", (1, None)),
    ("At least six people are shot and killed by gunmen who ambushed two buses.", (6, None)),
    ("Two police officers were shot and wounded in Minneapolis overnight.", (None, 2)),
    ("Huit personnes sont mortes dans l'incendie criminel de la mosquée.", (8, None)),
    ("Deux gendarmes ont perdu la vie et trois autres ont été grièvement blessés.", (2, 3)),
    ("Une explosion a coûté la vie à cinq personnes jeudi à Goma.", (5, None)),
    ("One hundred and twenty people were killed in the bombing, officials said.", (120, None)),
])
def test_more_ways_to_say_killed_and_hurt(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two soldiers and three civilians were killed in the attack near Gao.", (5, None)),
    ("Quatre militaires et deux civils ont été tués lors de l'attaque de Boulkessi.", (6, None)),
    ("Unidentified gunmen killed a local chief and his two sons in Ituri province.", (3, None)),
    ("Militants attacked a customs post in Mopti, killing two civilians and a customs officer.", (3, None)),
    # not groups of the dead: another count, attackers, a second blast
    ("Gunmen killed 4 people and 2 were wounded.", (4, 2)),
    ("Police arrested 2 men and 3 soldiers were killed.", (3, None)),
    ("Attaque de Ouagadougou: au moins 9 assaillants et 7 militaires burkinabè tués", (7, None)),
    ("Explosions killed up to 10 people and injured 30 others and a second blast struck a metro station.", (10, 30)),
])
def test_groups_joined_by_and_add_up(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("L'explosion a fait un mort et six blessés dans le quartier de Kalaban Coura.", (1, 6)),
    ("Des hommes armés ont tué 12 villageois et blessé 4 autres dans la nuit.", (12, 4)),
    ("The shooting left one dead and three wounded.", (1, 3)),
    ("Les combats ont fait des dizaines de morts et de blessés.", (24, 24)),
])
def test_dead_and_wounded_in_one_phrase_are_two_counts(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("L'assaillant a été abattu par la police après avoir blessé trois passants.", (None, 3)),
    ("The gunman was shot dead by police after he stabbed two passers-by.", (None, 2)),
    ("A gunman killed three people at a shopping mall before being shot dead by police.", (3, None)),
    ("Three terrorists shot and killed two U.S. Air Force officers in Tehran.", (2, None)),
])
def test_attackers_killed_are_not_counted_among_the_dead(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "The militant group threatened to kill 50 hostages if its demands were not met.",
    "The car bomb could have killed dozens if it had detonated, police said.",
    "If 100 people died in such an attack, the government would fall, the minister said.",
])
def test_threats_and_hypotheses_give_no_count(text: str) -> None:
    assert counts(text) == (None, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("The 2015 Paris attacks killed 130 people.", (None, None)),
    ("Two people were injured in the explosion. In 2017, a similar attack at the same market killed 30 people.", (None, 2)),
    ("More than 3,000 people have been killed in jihadist violence in the region since 2015.", (None, None)),
    ("A gunman opened fire outside a bar in Oslo, killing two people. Last year, 77 people were killed in attacks.", (2, None)),
    ("Two years after the attack that killed 22 people, survivors gathered at the arena.", (None, None)),
    ("L'attaque qui a fait 12 morts en 2019 reste dans les mémoires. Mardi, deux soldats ont été tués.", (2, None)),
    ("Depuis 2015, plus de 2 000 personnes ont été tuées dans ces violences.", (None, None)),
    # a superlative is no earlier event; a toll update about an event named by its year is news
    ("The blast, the deadliest since 2019, killed 11 people.", (11, None)),
    ("The death toll from the 2024 Kerman bombings rises to 95.", (95, None)),
])
def test_earlier_events_are_not_this_incident(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Police said a 32-year-old woman was injured in the incident.", (None, 1)),
    ("A soldier was killed and another was injured when their patrol came under fire.", (1, 1)),
    ("The man, 45, was killed when a bomb detonated under his car.", (1, None)),
    ("Le conducteur du camion a été tué sur le coup.", (1, None)),
    ("Police shot dead a man armed with a knife outside the station; no one else was hurt.", (0, 0)),
])
def test_one_person_named_by_role(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Les assaillants ont été neutralisés, aucun blessé n'a été signalé.", (None, 0)),
    ("La frappe a fait au moins 13 victimes, dont 8 morts.", (8, None)),
    ("A roadside bomb killed five people on Monday. The death toll later rose to nine after four of the wounded died.",
     (9, None)),
])
def test_what_a_count_refers_to(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A 40-year-old farmer was hacked to death by herders in Benue state.", (1, None)),
    ("Two men aged 20 and 25 were shot dead outside a pub in Belfast.", (2, None)),
    ("Un homme de 52 ans a été tué par balle devant son domicile.", (1, None)),
    ("Une fillette de 8 ans a été blessée par une balle perdue.", (None, 1)),
])
def test_ages_are_no_count(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen killed a pastor and his wife in Plateau state.", (2, None)),
    ("Des hommes armés ont tué un imam et son frère près de Mopti.", (2, None)),
    ("The grenade killed a policeman and wounded his colleague.", (1, 1)),
    ("The bomber blew himself up, killing himself and 14 soldiers at the base.", (14, None)),
    ("Ten people including three children were killed in the strike.", (10, None)),
])
def test_relatives_and_the_bomber_himself(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Police found the bodies of three hostages in the forest.", (3, None)),
    ("Le corps d'un soldat a été retrouvé près du camp.", (1, None)),
    ("Aucune autre victime n'a été signalée après l'explosion.", (0, 0)),
])
def test_bodies_found_and_no_other_victims(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A man stabbed two people to death in Hamburg.", (2, None)),
    ("Un homme a poignardé à mort deux passants à Lyon.", (2, None)),
    ("A man stabbed three people in Hamburg on Friday.", (None, 3)),
])
def test_stabbed_to_death_or_stabbed(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Security forces killed 20 militants in an operation in North Waziristan, the army said.", (20, None)),
    ("Three militants were killed when the army repelled an attack on a base; two soldiers were wounded.", (3, 2)),
    ("Trois terroristes ont été tués lors de l'assaut des forces spéciales.", (3, None)),
])
def test_fighters_killed_by_the_forces_are_the_toll_of_that_fighting(text: str, expected: tuple[int | None, int | None]) -> None:
    """An operation that kills 20 militants is a deadly clash for the people near it, not one "with no casualties
    reported"; only the attacker of a victim-attack (gunman, bomber, assailant) is left out of the dead."""
    assert counts(text) == expected
