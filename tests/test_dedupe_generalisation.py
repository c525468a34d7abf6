"""One incident, one alert: rules that make "same incident" hold beyond the devset (pure).

Each test is a general pattern found on probe scenarios written in the devset's styles (a Wikipedia
summary and an outlet's lead, follow-ups, French reports, look-alikes), not a devset item.
"""
from datetime import UTC, datetime, timedelta

from bot.analysis.facts import Category
from bot.dedupe.cluster import Report, choose_incident
from bot.dedupe.followup import is_follow_up
from bot.dedupe.sketch import conflicts, key_terms, term_overlap
from tests.dedupe_support import known, placed_report

T0 = datetime(2017, 6, 23, 9, 0, tzinfo=UTC)
PARACHINAR = (1168312, 33.9, 70.1, "Parachinar", "PK", "Pakistan")
CHIBOK = (2346561, 10.87, 12.84, "Chibok", "NG", "Nigeria")
BERLIN = (2950159, 52.52, 13.41, "Berlin", "DE", "Germany")
BUJUMBURA = (425378, -3.38, 29.36, "Bujumbura", "BI", "Burundi")
MOGADISHU = (53654, 2.04, 45.34, "Mogadishu", "SO", "Somalia")


def report(text: str, *, city=PARACHINAR, at: datetime = T0, **details) -> Report:
    return placed_report(text, city=city, at=at, **details)


# French reports: what was hit and how, in the words an English report of the same event uses.

def test_a_french_report_of_the_same_bombing_joins_the_english_one() -> None:
    english = report("Twin bombings at a crowded market in Parachinar in Pakistan's Kurram Agency kill at least "
                     "45 people ahead of Eid.", killed=45)
    french = report("Un double attentat dans un marché de Parachinar, dans le nord-ouest du Pakistan, a fait au "
                    "moins 45 morts vendredi.", category=Category.ARMED_ATTACK, at=T0 + timedelta(hours=5), killed=45)
    verdict = choose_incident(french, [known(english)])
    assert verdict is not None and verdict.incident_id == 1


def test_french_words_of_what_was_hit_match_the_english_ones() -> None:
    fr = key_terms("", "Une attaque contre l'hôpital et l'école du village a fait dix morts; des otages ont été pris.")
    en = key_terms("", "An attack on the village hospital and school killed ten people; hostages were taken.")
    assert {"hospit", "school", "hostag"} <= fr & en
    # a protest march is no market: only the accented "marché" is one
    assert "market" not in key_terms("", "Dispersion des marches contre Kabila à Kinshasa, la police tire.")
    assert "market" in key_terms("", "Une explosion dans un marché de Maiduguri a fait cinq morts.")


def test_french_filler_words_do_not_dilute_the_shared_ones() -> None:
    fr = key_terms("", "Tentative de coup d'Etat en Turquie : le gouvernement affirme avoir repris le contrôle "
                       "après une nuit de violences.")
    assert not {"avoir", "nuit"} & fr


# Follow-ups: the perpetrators named, people held over it, someone blamed for it.

def test_naming_identifying_or_arresting_over_the_attack_refers_back_to_it() -> None:
    for text in ("Police name the bomber as Salman Abedi, a 22-year-old British man.",
                 "Police identify the gunman as Stephen Paddock, a 64-year-old retiree.",
                 "French police name the suspects in the magazine attack as brothers Said and Cherif Kouachi.",
                 "Police arrest three more men in south Manchester in connection with the concert bombing.",
                 "Venezuela arrests six people over the drone attack on the president.",
                 "Turkish police detain eight people in connection with the nightclub massacre."):
        assert is_follow_up("", text), text


def test_blaming_someone_for_the_attack_refers_back_to_it() -> None:
    assert is_follow_up("", "Somali authorities blame the bombing on al-Shabaab, which has not claimed it.")
    assert is_follow_up("", "India blames Jaish-e-Mohammed for the Uri attack and says the militants came from Pakistan.")


def test_a_first_report_mentioning_an_arrest_is_no_follow_up() -> None:
    assert not is_follow_up("", "Gunmen shot dead two people in a market; police arrested two men after the shooting.")


# The only recent event of the country: only events of a kind the follow-up could be about count.

def test_a_country_only_follow_up_ignores_a_protest_when_it_points_at_a_bombing() -> None:
    bombing = report("A truck bomb explodes at a busy intersection in the K5 area of Mogadishu, Somalia, killing at "
                     "least 230 people.", city=MOGADISHU, at=T0, killed=230)
    protest = report("Thousands of people march through Mogadishu to protest against the truck bombing, defying "
                     "the militants.", category=Category.UNREST, city=MOGADISHU, at=T0 + timedelta(hours=20))
    blame = report("The government blames the attack on al-Shabaab, which has not commented.", city=None,
                   country="SO", at=T0 + timedelta(hours=30))
    assert blame.follow_up
    verdict = choose_incident(blame, [known(bombing, 1), known(protest, 2)])
    assert verdict is not None and verdict.incident_id == 1


# The event's own place named as a word by a report the analysis placed no closer than the country.

def test_a_report_naming_the_events_town_it_was_not_placed_at_joins_it() -> None:
    english = report("Boko Haram militants abduct 276 schoolgirls from a government secondary school in Chibok, "
                     "Borno State.", category=Category.KIDNAPPING, city=CHIBOK)
    french = report("Plus de 200 lycéennes ont été enlevées par des hommes armés dans leur établissement de Chibok, "
                    "dans le nord-est.", category=Category.KIDNAPPING, city=None, country="NG",
                    at=T0 + timedelta(hours=8))
    verdict = choose_incident(french, [known(english)])
    assert verdict is not None and verdict.incident_id == 1


def test_the_events_town_named_by_an_unplaced_report_is_no_conflicting_name() -> None:
    first = report("A truck is driven into a crowd at Breitscheidplatz in Berlin, killing 12 people and injuring 56.",
                   category=Category.ARMED_ATTACK, city=BERLIN)
    claim = report("Islamic State claims responsibility for the Berlin truck attack.", category=Category.ARMED_ATTACK,
                   city=None, country=None, at=T0 + timedelta(hours=22))
    assert conflicts(first.terms, claim.terms) == 0
    assert term_overlap(first.terms, claim.terms) > term_overlap(first.terms, claim.terms - {"BERLIN"})


def test_a_place_named_by_a_report_placed_elsewhere_counts_for_nothing() -> None:
    paris = (2988507, 48.85, 2.35, "Paris", "FR", "France")
    montrouge = (2991214, 48.82, 2.32, "Montrouge", "FR", "France")
    hebdo = report("Gunmen attack the offices of a satirical magazine in Paris, killing 12 people.", city=paris,
                   category=Category.ARMED_ATTACK)
    suburb = report("A gunman shoots dead a policewoman in Montrouge, a southern suburb of Paris.", city=montrouge,
                    category=Category.SHOOTING)
    # both are placed (within 25 km: the same place): "Paris" on the suburb's side is one more name, no shared one
    assert term_overlap(hebdo.terms, suburb.terms) == term_overlap(hebdo.terms, suburb.terms - {"PARIS"} | {"LYON"})


# Unrest and fighting are one clash only when told at the same time.

def test_a_protest_and_a_coup_the_next_day_naming_the_same_president_stay_apart() -> None:
    protest = report("Police fire tear gas at protesters in Bujumbura opposing President Pierre Nkurunziza's bid "
                     "for a third term.", category=Category.UNREST, city=BUJUMBURA)
    coup = report("Major General Godefroid Niyombare announces a coup against President Pierre Nkurunziza in "
                  "Burundi while he is abroad.", category=Category.MILITARY, city=None, country="BI",
                  at=T0 + timedelta(hours=24))
    assert choose_incident(coup, [known(protest)]) is None


def test_clashes_told_as_unrest_and_as_fighting_at_the_same_time_still_join() -> None:
    unrest = report("Protesters clashed with security forces in Bujumbura's Musaga district, where police fired "
                    "live rounds and two people were killed.", category=Category.UNREST, city=BUJUMBURA)
    fighting = report("Soldiers and police fought in Bujumbura's Musaga district, firing live rounds; two people "
                      "were killed in the clashes.", category=Category.MILITARY, city=BUJUMBURA,
                      at=T0 + timedelta(hours=2))
    verdict = choose_incident(fighting, [known(unrest)])
    assert verdict is not None
