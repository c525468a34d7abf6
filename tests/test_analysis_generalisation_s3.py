"""Country from countries alone, ground taken by force, and reaction pieces: probes written for generalisation in the
sources' styles (Wikipedia current-events one-liners, wire leads, French leads), not taken from the devset."""
from __future__ import annotations

import pytest

from bot.analysis import analyze


# A craft hit by another state's forces, or a civil craft, is not the scene: "a Russian military aircraft".
@pytest.mark.parametrize(("text", "country"), [
    ("Turkish warplanes shoot down a Russian military aircraft on the border with Syria, an act the Kremlin calls a stab "
     "in the back.", "TR"),
    ("Azerbaijani forces shoot down an Armenian military helicopter near the border with Armenia.", "AZ"),
    ("A Ukrainian airliner is shot down shortly after take-off, Iranian state television reports.", "IR"),
    ("Les forces turques abattent un avion militaire russe à la frontière avec la Syrie.", "TR"),
    # rebels who down a national army's helicopter are at home; the dead soldiers' nationality is not the scene
    ("Islamist rebels shoot down a Malian army helicopter, killing two French soldiers.", "ML"),
    ("An Indian army helicopter is shot down by Maoist rebels, killing four.", "IN"),
    # a fishing boat stays home
    ("Saudi-led coalition warplanes strike a Yemeni fishing boat, killing 12 fishermen.", "YE"),
])
def test_a_craft_that_was_hit_is_not_the_scene(text: str, country: str) -> None:
    assert analyze("", text).country == country, text


# "shot down over Syria": the country under the aircraft.
@pytest.mark.parametrize(("text", "country"), [
    ("Russia says a Turkish drone was shot down over Syria near the border with Turkey.", "SY"),
    ("Houthi rebels say they shot down an American drone over Yemen.", "YE"),
    ("A Malaysian airliner is shot down over eastern Ukraine, killing all 298 people on board.", "UA"),
])
def test_the_country_under_a_downed_aircraft_is_the_scene(text: str, country: str) -> None:
    assert analyze("", text).country == country, text


# "Israel says", "Kenya says": the government speaking, not the scene, when another country is named.
@pytest.mark.parametrize(("text", "country"), [
    ("Israel says its air force shot down a drone over Syria after it approached the Golan Heights.", "SY"),
    ("Kenya says it killed 100 al-Shabaab fighters in an air strike in Somalia.", "SO"),
    ("Nigeria says Boko Haram killed 30 villagers in a night raid.", "NG"),
    ("Mali says gunmen killed 20 soldiers near the border with Niger.", "ML"),
])
def test_a_country_speaking_is_not_the_scene(text: str, country: str) -> None:
    assert analyze("", text).country == country, text


# "a South Korean island", "Israeli territory": an adjective that names the land itself.
@pytest.mark.parametrize(("text", "country"), [
    ("North Korean artillery shells a South Korean island, killing two marines.", "KR"),
    ("Rockets fired by militants land in Israeli territory; no injuries are reported.", "IL"),
    ("Turkey shot down a Syrian military helicopter that had violated Turkish airspace, the deputy prime minister said.", "TR"),
])
def test_a_demonym_naming_the_land_is_the_scene(text: str, country: str) -> None:
    assert analyze("", text).country == country, text


# Ground taken by force is military action; the same verbs in sport, business and votes are not.
@pytest.mark.parametrize("text", [
    "Taliban fighters seized a district centre in northern Afghanistan after days of fighting, officials said.",
    "Houthi rebels took control of the presidential palace in Sanaa on Tuesday.",
    "Kurdish fighters drove Islamic State militants out of the town of Tal Abyad, a monitoring group said.",
    "Government forces retook the city of Ramadi from Islamic State militants.",
    "Rebels pushed government troops out of two villages in the east, the UN said.",
    "Pro-Russian separatists seized a police headquarters in the eastern town of Sloviansk.",
    "Militants took control of a key border crossing after government troops withdrew, officials said.",
])
def test_ground_taken_by_force_is_an_incident(text: str) -> None:
    facts = analyze("", text)
    assert facts.is_incident, text
    assert facts.category.value in {"military", "armed_attack"}, (text, facts.category)


@pytest.mark.parametrize("text", [
    "Messi drove the ball past the keeper to give Barcelona the lead.",
    "Private equity firm took control of the company after a $2 billion deal.",
    "Labour took control of the city council after winning 30 seats.",
    "Security forces took two suspects to the police station for questioning.",
    "Troops took part in a parade in the capital to mark independence day.",
    "Opposition forces captured the city in municipal elections, ending 20 years of ruling-party control.",
    "International pressure forced Israel to pull its troops out of southern Lebanon, the envoy said.",
    "A peace deal pushed the government to withdraw its forces from the disputed border area, the envoy said.",
    "The Yankees drove the Red Sox from first place with a 7-2 win.",
])
def test_taking_control_in_sport_business_and_votes_is_not_an_incident(text: str) -> None:
    assert not analyze("", text).is_incident, text


# Leaders at a summit or a meeting reacting, with the attack only the topic of their talks: no incident; violence at
# the meeting itself still is.
@pytest.mark.parametrize(("text", "incident"), [
    ("The leaders of the G20 vow to step up the fight against terrorism as the terror attacks in Paris dominate "
     "conversations at the summit.", False),
    ("Interior ministers from the G7 meet in Rome to discuss terrorism after the Manchester attack.", False),
    ("Les dirigeants du G7 condamnent les attentats de Bruxelles lors de leur sommet.", False),
    ("Arab foreign ministers agree at an emergency meeting in Cairo to form a joint force after the attacks on "
     "Egyptian Christians.", False),
    ("Leaders meet in Kabul as a suicide bomber kills 20 outside the conference hall.", True),
    ("Foreign ministers meeting in Baghdad are evacuated after rockets hit the Green Zone.", True),
    ("Ministers gathered in Bamako for a regional meeting are taken hostage by gunmen at their hotel.", True),
    ("Police fire tear gas at protesters outside the G20 summit in Hamburg.", True),
    ("A suicide bomber kills 12 people near the venue of an African Union summit in Addis Ababa.", True),
])
def test_a_summit_reacting_to_an_attack_is_not_the_attack(text: str, incident: bool) -> None:
    assert analyze("", text).is_incident is incident, text
