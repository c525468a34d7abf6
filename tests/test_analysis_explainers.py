"""Explainers, analyses and quarrels are not alerts; some words change the kind of incident."""
from __future__ import annotations

from bot.analysis import analyze
from bot.analysis.facts import Category


def test_french_explainer_headlines_are_not_alerts() -> None:
    for title, body in (
        ("Fusillade à Marseille : ce que l'on sait", "Deux personnes ont été tuées par balles dans la nuit à Marseille."),
        ("Attentat de Nice : pourquoi l'enquête piétine", "L'enquête sur l'attentat qui a fait 86 morts à Nice n'avance pas."),
        ("Coups d'État au Mali : ont-ils mis fin aux attaques djihadistes ?", "Les attaques jihadistes continuent au Sahel."),
        ("Entretien : « Les attaques vont continuer », selon un expert", "Un chercheur explique la multiplication des attaques."),
        ("Mali : qui est le chef des jihadistes qui ont attaqué Kati", "Des jihadistes ont attaqué le camp militaire de Kati."),
    ):
        assert not analyze(title, body).is_incident, title


def test_english_explainer_headlines_are_not_alerts() -> None:
    facts = analyze("Decoy flights and seven B-2 stealth bombers - how US says it hit Iran's nuclear sites",
                    "A timeline of how the complex mission unfolded was laid out in a Pentagon briefing.")
    assert not facts.is_incident
    assert not analyze("What we know about the shooting at the mall", "A gunman killed three people on Saturday.").is_incident


def test_a_relative_who_or_qui_is_no_explainer() -> None:
    assert analyze("Gunman who was on a watchlist kills 3 in Lyon",
                   "A gunman opened fire in a cafe in Lyon on Friday, killing three people.").is_incident
    assert analyze("Un policier qui est intervenu blessé par balles à Lyon",
                   "Un policier a été blessé par balles lors d'une fusillade à Lyon.").is_incident


def test_a_political_quarrel_is_no_clash() -> None:
    facts = analyze("Pro-Israel Democrat makes video appearance at party convention",
                    "The senator, who has clashed with his party over Israel support, says he will reject the extremes.")
    assert not facts.is_incident


def test_solitary_confinement_is_no_lockdown() -> None:
    facts = analyze("Opposition leader's husband urges help for other prisoners",
                    "After his unexpected release, he broke down describing his five years in solitary confinement.")
    assert not facts.is_incident


def test_an_observance_day_is_no_attack() -> None:
    facts = analyze("Children raised during the conflict begin their first school year",
                    "On the International Day to Protect Education from Attack, the Red Cross presents accounts of children. "
                    "Schools have been affected by hostilities.")
    assert not facts.is_incident


def test_drone_strikes_are_military_action() -> None:
    facts = analyze("Ukrainian drones strike Russian Caspian Sea port in Dagestan",
                    "Fires and explosions were seen in Russia's Dagestan after a Ukrainian drone attack.")
    assert (facts.category, facts.country) == (Category.MILITARY, "RU")


def test_a_state_saying_it_struck_a_place_is_military_action() -> None:
    facts = analyze("Israel says it struck Tehran's Evin prison", "Iran's judiciary says the attack damaged parts of Evin.")
    assert (facts.category, facts.city, facts.country) == (Category.MILITARY, "Tehran", "IR")


def test_clashes_between_security_forces_and_civilians_are_unrest() -> None:
    facts = analyze("", "At least seven people died after clashes broke out between security forces and worshippers "
                        "taking part in a religious ceremony in northern Ethiopia.")
    assert (facts.category, facts.country) == (Category.UNREST, "ET")
    facts = analyze("Police fire rubber bullets", "Spanish police fired rubber bullets at protesters in Barcelona.")
    assert facts.category is Category.UNREST


def test_people_seized_by_a_group_are_kidnapped() -> None:
    facts = analyze("Dozens of soldiers seized by locals in Colombian mountains",
                    "The military says the civilians were acting under pressure from dissidents of the Farc rebel group.")
    assert (facts.category, facts.country) == (Category.KIDNAPPING, "CO")


def test_aid_workers_are_victims_not_politics() -> None:
    facts = analyze("", "GENEVA (Reuters) - The United Nations said on Tuesday that gunmen had abducted three aid workers "
                        "in South Sudan.")
    assert (facts.category, facts.country) == (Category.KIDNAPPING, "SS")
