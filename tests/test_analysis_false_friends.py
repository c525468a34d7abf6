"""Words that sound like incidents but are not: each must not raise an alert."""
from __future__ import annotations

import pytest

from bot.analysis import analyze

NOT_INCIDENTS = {
    "sport": ("United striker shot past the keeper as City attack bombed out",
              "The striker's late shot sealed a 2-1 win in the league match as the visitors' attack faded."),
    "film_shoot": ("Explosions on set as action film shoot begins in Prague",
                   "The movie's director said the blast scenes were filmed with actors and stunt crews for the sequel."),
    "drill": ("Army holds counter-terror drill at Nairobi airport",
              "Soldiers staged a mock attack and evacuation exercise on Tuesday; officials said the simulation went well."),
    "anniversary": ("Kenya marks 25th anniversary of 1998 embassy bombing",
                    "Survivors laid wreaths at the memorial park in Nairobi to commemorate the victims of the attack years ago."),
    "court": ("Man sentenced over 2015 attack plot",
              "A court in Paris sentenced the defendant to 12 years in prison after a jury convicted him of plotting an attack."),
    "opinion": ("Why the Sahel keeps burning?",
                "Opinion: an analysis of how coups and jihadist attacks feed each other in the region, and what the West can do."),
    "cyber": ("Hackers launch cyber attack on bank websites",
              "A ransomware and DDoS cyberattack disrupted online banking; no physical damage, the software company said."),
    "airport_expansion": ("Bamako airport expansion opens new terminal",
                          "The new terminal and runway extension will double capacity, the airport operator said at the opening."),
    "un_summit": ("UN summit in Nairobi discusses climate finance",
                  "Delegates at the United Nations conference in Gigiri debated a resolution on climate funding."),
}


@pytest.mark.parametrize("kind", sorted(NOT_INCIDENTS))
def test_false_friend_is_not_an_incident(kind: str) -> None:
    title, text = NOT_INCIDENTS[kind]
    facts = analyze(title, text)
    assert not facts.is_incident, (kind, facts.category)
    assert not facts.un_involved


@pytest.mark.parametrize(("title", "text", "kinds"), [
    ("Car bomb kills 12 in Mogadishu", "A car bomb exploded near a hotel in Mogadishu, killing at least 12 people.", {"bombing"}),
    ("Gunmen kidnap aid workers in Niger", "Armed men abducted three aid workers near Agadez on Monday.", {"kidnapping"}),
    ("Soldiers seize power in coup", "Mutinous soldiers seized power in a coup in Niamey, Niger, and closed the borders.", {"military"}),
    ("Thousands protest in Dakar", "Police fired tear gas at protesters in Dakar, Senegal.", {"unrest"}),
    ("Attaque contre un camp militaire au Mali", "Des hommes armés ont attaqué un camp militaire à Mopti, au Mali, tuant trois soldats.",
     {"armed_attack", "military"}),
])
def test_real_incidents_are_detected_with_their_kind(title: str, text: str, kinds: set[str]) -> None:
    facts = analyze(title, text)
    assert facts.is_incident
    assert facts.category.value in kinds


@pytest.mark.parametrize(("title", "text", "kind"), [
    # Words of computers in their physical or everyday sense are no cyber story.
    ("", "A car bomb exploded outside the police headquarters in Kandahar, killing four people. The blast "
         "shattered windows across the street.", "bombing"),
    ("", "Gunmen opened fire on a bus in Kano, security sources said. The shots shattered windows.", "armed_attack"),
    ("", "Gunmen opened fire on a bus in Kano, security sources said, and smuggling networks are blamed.",
     "armed_attack"),
    ("", "Gunmen opened fire on a bus in Kano, security sources said; a video of the attack was posted online.",
     "armed_attack"),
    ("", "Police fired tear gas at protesters in Kinshasa after the government cut internet access; the "
         "opposition's website called for more marches.", "unrest"),
])
def test_everyday_computer_words_do_not_make_an_incident_a_cyber_story(title: str, text: str, kind: str) -> None:
    facts = analyze(title, text)
    assert facts.is_incident and facts.category.value == kind


def test_a_real_cyber_story_is_still_one() -> None:
    assert not analyze("Microsoft rushes out Windows update", "Hackers exploited a flaw in Windows 10 computers "
                       "and corporate networks to spread ransomware.").is_incident
