"""General rules of detection and placing, each on made-up texts."""
from __future__ import annotations

import pytest

from bot.analysis import analyze
from bot.analysis.facts import Category, Severity
from bot.analysis.gazetteer import load_gazetteer
from bot.analysis.severity import rate_severity


@pytest.mark.parametrize(("title", "text"), [
    ("", "A coach carrying pilgrims plunged into a ravine in Peru, killing 24 people, the transport ministry said."),
    ("", "Four more victims of the warehouse fire died in hospital, bringing the death toll to 19."),
    ("Suspect charged in kidnapping of businessman", "Police said the man was arrested on Monday and will appear in court."),
    ("", "Investigators say the men were planning to explode a bomb on a train, prosecutors said."),
    ("Minister was not kidnapped, police say", "The minister had switched off his phone during a trip."),
    ("Routers vulnerable to attack", "A flaw lets a denial-of-service attack crash networks until a patch is applied."),
    ("", "Army unveils new missile defense system at the parade."),
])
def test_harm_alone_or_plans_or_court_steps_are_not_incidents(title: str, text: str) -> None:
    assert not analyze(title, text).is_incident


@pytest.mark.parametrize(("text", "kind"), [
    ("Two soldiers were killed when their patrol came under fire near the border town of Zorbo, in Niger.", {"armed_attack", "shooting"}),
    ("A suicide bomber blew himself up at a checkpoint, killing five police officers.", {"bombing"}),
    ("Flights were diverted after an anonymous bomb threat against two airliners.", {"disruption"}),
    ("Seven people died in clashes between security forces and worshippers at a festival in Ethiopia.", {"unrest"}),
    ("Militants claimed responsibility for the attack on the police post.", {"armed_attack"}),
    ("Rebels bombed the consulate, wounding two guards, to mark the anniversary of their leader's death.", {"bombing"}),
])
def test_violence_without_the_usual_words_is_found_and_kinded(text: str, kind: set[str]) -> None:
    facts = analyze("", text)
    assert facts.is_incident and facts.category.value in kind


def test_a_town_no_gazetteer_lists_is_taken_from_a_strong_cue() -> None:
    facts = analyze("", "Gunmen killed six villagers in Zorbolo, a village in Mali's Mopti region, on Sunday.")
    assert (facts.city, facts.country) == ("Zorbolo", "ML")
    assert facts.lat is None and facts.geonameid is None  # named, not located


def test_town_of_beats_the_dateline() -> None:
    facts = analyze("", "BAGHDAD (Reuters) - A car bomb exploded at a hotel in the northern Iraqi city of Tikrit, killing 9.")
    assert facts.country == "IQ" and facts.city and facts.city.startswith("Tikr")


def test_victims_nationality_is_not_the_place() -> None:
    facts = analyze("", "Five Indian nationals escorting a UN convoy were killed by rebels in Jonglei region.")
    assert facts.country == "SS"
    facts = analyze("", "A peacekeeper from India was killed in an ambush in eastern Congo.")
    assert facts.country == "CD"


def test_place_right_after_the_event_wins_over_a_later_one() -> None:
    facts = analyze("", "The convoy was attacked near Lokoja on Friday. The team, from Nigeria, had been travelling to Kano.")
    assert (facts.city, facts.country) == ("Lokoja", "NG")


def test_a_person_named_like_a_town_is_not_a_place() -> None:
    facts = analyze("", "Prosecutors said Anthony Sawina fired at a car in Minneapolis, injuring two men.")
    assert facts.city == "Minneapolis"


def test_french_us_state_and_region_names_give_the_country() -> None:
    assert analyze("Fusillade dans un lycée", "Une fusillade a fait 17 morts dans un lycée de Floride.").country == "US"
    assert analyze("", "Suicide bombers struck a market in Borno, killing 12.").country == "NG"


def test_places_carry_their_timezone() -> None:
    gaz = load_gazetteer()
    assert gaz.search("Bamako")[0].extra["timezone"] == "Africa/Bamako"
    assert gaz.search("BKO")[0].extra["timezone"] == "Africa/Bamako"
    assert gaz.search("Mali")[0].extra["timezone"] == "Africa/Bamako"
    assert gaz.search("MINUSCA")[0].extra["timezone"] == "Africa/Bangui"
    assert gaz.search("France")[0].extra["timezone"] == "Europe/Paris"


@pytest.mark.parametrize(("category", "killed", "targets", "reason"), [
    (Category.MILITARY, 9, frozenset(), "High: 9 killed in military action."),
    (Category.ARMED_ATTACK, 3, frozenset(), "High: 3 killed in an armed attack."),
    (Category.UNREST, None, frozenset(), "Low: unrest without reported casualties."),
    (Category.MILITARY, None, frozenset({"military base"}), "Medium: military action with no casualties reported."),
    (Category.SHOOTING, None, frozenset({"school"}), "High: a shooting targeting a school."),
    (Category.BOMBING, None, frozenset({"airport", "UN site"}), "High: a bombing targeting a UN site and an airport."),
])
def test_the_severity_reason_reads_as_a_sentence(category: Category, killed: int | None, targets: frozenset[str],
                                                 reason: str) -> None:
    assert rate_severity(category, killed=killed, injured=None, targets=targets, ongoing=False,
                         airport_closed=False, is_coup=False)[1] == reason


def test_an_ongoing_siege_of_a_hotel_is_critical() -> None:
    severity, reason = rate_severity(Category.ARMED_ATTACK, killed=None, injured=None, targets=frozenset({"hotel"}),
                                     ongoing=True, airport_closed=False, is_coup=False)
    assert severity is Severity.CRITICAL and reason == "Critical: an ongoing armed attack at a hotel."


@pytest.mark.parametrize(("title", "text"), [
    ("Robbers attack shop in Bamako market",
     "BAMAKO, Mali — Armed robbers attacked a shop in a Bamako market on Monday, injuring one man, police said."),
    ("Gunmen kill two in robbery at Johannesburg mall",
     "Two security guards were shot dead during an armed robbery at a mall in Johannesburg on Monday, police said."),
    ("", "Des braqueurs ont attaqué une bijouterie à Abidjan jeudi, blessant le gérant, selon la police."),
])
def test_a_robbery_is_ordinary_crime_not_an_alert(title: str, text: str) -> None:
    assert not analyze(title, text).is_incident


@pytest.mark.parametrize("text", [
    "Armed bandits and robbers riding motorbikes killed 48 people in villages in Nigeria's Zamfara State.",
    "Gunmen stormed a bank in Kabul, killing six people in a robbery, police said, and three guards were wounded.",
    "Gang members robbed and set fire to shops in Port-au-Prince, killing two people, residents said.",
])
def test_a_robbery_by_an_armed_group_or_with_many_dead_still_alerts(text: str) -> None:
    assert analyze("", text).is_incident


def test_victims_or_casualties_without_a_breakdown_are_not_called_injured() -> None:
    """"L'attaque a fait 12 victimes" (often the dead) read "At least 12 injured" and "12 injured, no deaths
    reported": a claim the report does not make. Figures of the wounded are still the injured."""
    for text, told in [("Des hommes armés ont attaqué un marché de Mopti dimanche, faisant 12 victimes.", 12),
                       ("Gunmen attacked a market in Mopti on Sunday, causing 20 casualties, officials said.", 20)]:
        facts = analyze("", text)
        assert (facts.killed, facts.injured, facts.injured_or_killed) == (None, told, True), text
        assert f"At least {told} casualties (killed or injured)" in facts.key_facts
        assert not any("injured" in line and "casualties" not in line for line in facts.key_facts)
    wounded = analyze("", "Gunmen attacked a market in Mopti on Sunday, wounding 20 people, officials said.")
    assert (wounded.injured, wounded.injured_or_killed) == (20, False)
    assert "At least 20 injured" in wounded.key_facts
    level, reason = rate_severity(Category.BOMBING, killed=None, injured=5, targets=frozenset(), ongoing=False,
                                  airport_closed=False, is_coup=False, injured_or_killed=True)
    assert (level, reason) == (Severity.MEDIUM, "Medium: 5 casualties reported (killed or injured, not told apart).")


def test_any_relative_counted_after_the_dead_is_one_more() -> None:
    """"ont abattu un chef de village et son neveu" counted 1: a nephew was no person to the count."""
    assert analyze("", "Des hommes armés ont abattu un chef de village et son neveu à Mopti.").killed == 2
    assert analyze("", "A drone strike killed a commander and his two nephews.").killed == 3
    assert analyze("", "The blast killed a woman and injured her niece.").injured == 1
