"""A dateline is where the reporter is; the scene is where the lede says it happened."""
from __future__ import annotations

from bot.analysis import analyze


def test_a_bureau_dateline_gives_way_to_a_scene_abroad() -> None:
    facts = analyze("", "LONDON (Reuters) - Gunmen killed four police officers in an attack on a checkpoint in the "
                        "Mexican state of Guerrero on Tuesday, officials said.")
    assert (facts.city, facts.country) == (None, "MX")


def test_a_dateline_is_never_a_small_namesake_picked_by_a_state_named_later() -> None:
    # London, Kentucky must not come out of "LONDON (Reuters)" because Texas is named: city and country agree.
    facts = analyze("", "LONDON (Reuters) - Police in Texas said a gunman opened fire at a shopping mall on Saturday, "
                        "killing three people.")
    assert (facts.city, facts.country) == (None, "US")


def test_a_dateline_alone_is_its_best_known_namesake() -> None:
    facts = analyze("Terror suspects in court", "LONDON (Reuters) - British terror suspects charged in a plot appeared "
                                                "in court on Tuesday.")
    assert (facts.city, facts.country) == ("London", "GB")


def test_a_dateline_with_its_state_beside_it_is_that_namesake() -> None:
    facts = analyze("", "PARIS, Texas (AP) - A gunman opened fire at a church on Sunday, killing two people, police said.")
    assert (facts.city, facts.country) == ("Paris", "US")


def test_a_dateline_gives_way_to_a_region_of_its_own_country() -> None:
    facts = analyze("", "MOSCOW (Reuters) - A suicide bomber blew himself up at a checkpoint in Dagestan, killing two policemen.")
    assert (facts.city, facts.country) == (None, "RU")


def test_a_dateline_gives_way_to_another_town_of_its_own_country() -> None:
    facts = analyze("", "SYDNEY (Reuters) - Police shot dead a man who stabbed two people in Melbourne on Friday.")
    assert (facts.city, facts.country) == ("Melbourne", "AU")


def test_a_dateline_named_again_as_the_scene_stays() -> None:
    facts = analyze("", "BAMAKO (Reuters) - Gunmen attacked a hotel in Bamako on Friday, killing three guards.")
    assert (facts.city, facts.country) == ("Bamako", "ML")


def test_a_neighbour_named_in_passing_or_as_an_actor_does_not_move_the_scene() -> None:
    facts = analyze("", "KABUL (Reuters) - A suicide bomber killed 10 people at a mosque on Friday, officials said, "
                        "days after Pakistani forces shelled border villages.")
    assert (facts.city, facts.country) == ("Kabul", "AF")
    facts = analyze("", "KABUL (Reuters) - A suicide bomber killed 10 people at a mosque on Friday, days after a "
                        "similar attack in Pakistan.")
    assert facts.country == "AF"


def test_a_demonym_naming_a_town_abroad_moves_the_scene() -> None:
    facts = analyze("", "DUBAI (Reuters) - Houthi forces fired missiles at the Saudi city of Jizan on Tuesday.")
    assert facts.country == "SA"


def test_a_flight_bound_for_a_city_is_not_there() -> None:
    facts = analyze("", "Two Air France flights bound for Paris from the United States were diverted on Tuesday "
                        "following anonymous bomb threats.")
    assert facts.is_incident and facts.city is None and facts.country == "US"
