"""One incident, one alert: rules found on a probe set of wire, BBC-style, French, toll, claim and
follow-up reports, and look-alikes (same city another day, neighbouring towns, trials of old attacks).

Each test says what a user sees: these reports are one alert, those are two. None is a devset item.
"""
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from bot.analysis.facts import Category
from bot.dedupe.cluster import Report, choose_incident
from bot.dedupe.followup import is_follow_up
from bot.dedupe.sketch import conflicts, fact_terms, key_terms, term_overlap
from bot.model import Article
from tests.dedupe_support import incident_facts, ingest_each, joins, known, placed_report

T0 = datetime(2024, 3, 15, 9, 0, tzinfo=UTC)
KABUL = (1138958, 34.53, 69.17, "Kabul", "AF", "Afghanistan")
KHARKIV = (706483, 49.98, 36.25, "Kharkiv", "UA", "Ukraine")
NAIROBI = (184745, -1.28, 36.82, "Nairobi", "KE", "Kenya")
JERUSALEM = (281184, 31.77, 35.22, "Jerusalem", "IL", "Israel")
TULSA = (4553433, 36.15, -95.99, "Tulsa", "US", "United States")
SURABAYA = (1625822, -7.25, 112.75, "Surabaya", "ID", "Indonesia")
SIDOARJO = (1626916, -7.45, 112.72, "Sidoarjo", "ID", "Indonesia")
BAMENDA = (2234359, 5.96, 10.15, "Bamenda", "CM", "Cameroon")
DJIBO = (2360886, 14.10, -1.63, "Djibo", "BF", "Burkina Faso")
PESHAWAR = (1168197, 34.01, 71.58, "Peshawar", "PK", "Pakistan")
COTABATO = (1717512, 7.22, 124.25, "Cotabato", "PH", "Philippines")


def report(text: str, *, city=KABUL, at: datetime = T0, **details) -> Report:
    return placed_report(text, city=city, at=at, **details)


# Wire datelines and outlet names are not the event's words.

def test_two_wire_stories_from_one_bureau_do_not_share_the_bureau_or_the_agency() -> None:
    idlib = key_terms("Air strikes on market in Syria's Idlib kill 11",
                      "BEIRUT (Reuters) - Air strikes hit a vegetable market in the city of Idlib on Monday.",
                      place_names=["Idlib", "Syria"])
    assert not {t.lower() for t in idlib} & {"beirut", "reuter"}
    tulsa = key_terms("", "TULSA, Okla. (AP) — A gunman opened fire inside a nightclub early Sunday.")
    assert not {t.lower() for t in tulsa} & {"tulsa", "okla"}
    assert "gunman" in tulsa


def test_two_strikes_on_one_city_reported_by_the_same_agency_two_days_apart_are_two_alerts() -> None:
    first = report("KYIV (Reuters) - A Russian missile struck a residential area in the northeastern Ukrainian city "
                   "of Kharkiv on Thursday, killing seven people and wounding 30, the regional governor said.",
                   title="Russian missile strike on Kharkiv kills 7", category=Category.MILITARY, city=KHARKIV)
    second = report("KYIV (Reuters) - Russian glide bombs struck a crowded shopping centre in Kharkiv on Saturday, "
                    "killing 14 people, the regional governor said.",
                    title="Russian glide bombs hit Kharkiv shopping centre, 14 dead", city=KHARKIV,
                    at=T0 + timedelta(hours=44), killed=14)
    assert not joins(second, first)


# The day a report tells of.

def test_protests_in_one_city_on_tuesday_and_on_thursday_are_two_alerts() -> None:
    tuesday = report("Protesters stormed Kenya's parliament in Nairobi on Tuesday as lawmakers passed a finance bill; "
                     "police opened fire, killing at least five people.", category=Category.UNREST, city=NAIROBI)
    thursday = report("Kenyan police fired tear gas at protesters in central Nairobi on Thursday as demonstrators "
                      "demanded that the president resign.", category=Category.UNREST, city=NAIROBI,
                      at=T0 + timedelta(hours=46))
    assert not joins(thursday, tuesday)


def test_the_day_something_was_said_is_not_the_day_of_the_event() -> None:
    kidnap = report("Gunmen kidnapped 11 students from a secondary school in Bamenda on Monday, the army said, "
                    "blaming separatists.", category=Category.KIDNAPPING, city=BAMENDA)
    freed = report("The 11 students kidnapped from a school in Bamenda have been released, the army said on "
                   "Wednesday.", title="Kidnapped Cameroon students freed", category=Category.KIDNAPPING,
                   city=BAMENDA, at=T0 + timedelta(hours=40))
    assert freed.follow_up
    assert joins(freed, kidnap)


def test_an_outlets_report_of_the_same_evening_in_french_still_joins() -> None:
    english = report("Two bombs exploded near a convenience store in Peshawar on Friday night, wounding eight "
                     "people, police said.", city=PESHAWAR)
    french = report("Deux bombes ont explosé vendredi soir près d'une supérette à Peshawar, blessant huit personnes.",
                    city=PESHAWAR, at=T0 + timedelta(hours=4))
    assert joins(french, english)


# A report that sets its event apart from an earlier one, and one about an old attack.

def test_the_second_mosque_blast_in_two_days_is_a_new_alert() -> None:
    friday = report("An explosion tore through a Shi'ite mosque in western Kabul during Friday prayers, killing at "
                    "least 21 worshippers, a Taliban spokesman said.", killed=21)
    second = report("A bomb exploded at a Sunni mosque in northern Kabul, killing at least seven people, police "
                    "said, a day after a deadly attack in the west of the city.",
                    title="Second mosque blast in two days hits north Kabul", at=T0 + timedelta(hours=25), killed=7)
    assert not joins(second, friday)


def test_a_trial_over_an_old_shooting_is_not_todays_shooting() -> None:
    shooting = report("A gunman opened fire inside a crowded nightclub in Tulsa early Sunday, killing five people "
                      "before officers shot him dead, police said.", category=Category.SHOOTING, city=TULSA)
    trial = report("Jury selection began Sunday in the trial of a man accused of helping the gunman who killed four "
                   "people at a Tulsa hospital in 2022, prosecutors said.",
                   title="Trial opens for man accused in 2022 Tulsa hospital shooting", category=Category.SHOOTING,
                   city=TULSA, at=T0 + timedelta(hours=5))
    assert not joins(trial, shooting)


def test_a_claim_of_the_new_attack_does_not_file_under_a_verdict_about_an_old_one() -> None:
    verdict = report("An Egyptian military court sentenced seven men to death over a 2017 attack on a bus carrying "
                     "Coptic Christians in Minya province.", category=Category.NONE, city=None, country="EG")
    claim = report("Islamic State claimed responsibility for the attack on Coptic Christians in Minya province.",
                   title="Islamic State claims attack on Egyptian Christians", category=Category.ARMED_ATTACK,
                   city=None, country="EG", at=T0 + timedelta(hours=15))
    assert claim.follow_up
    assert choose_incident(claim, [known(verdict)]) is None


# How it was done, and the next town.

def test_a_shooting_and_a_stabbing_in_one_city_a_day_apart_are_two_alerts() -> None:
    shooting = report("Two Palestinian gunmen opened fire at a bus stop at the entrance to Jerusalem during the morning "
                      "rush hour, killing three people before being shot dead, police said.",
                      category=Category.ARMED_ATTACK, city=JERUSALEM, killed=3)
    stabbing = report("A Palestinian stabbed two Israeli police officers near Damascus Gate in Jerusalem's Old City "
                      "before being shot, police said.", category=Category.ARMED_ATTACK, city=JERUSALEM,
                      at=T0 + timedelta(hours=26))
    assert conflicts(shooting.terms, stabbing.terms) >= 1
    assert not joins(stabbing, shooting)


def test_a_blast_in_the_next_town_the_same_day_is_a_second_alert() -> None:
    churches = report("Suicide bombers from one family attacked three churches in Surabaya during Sunday services, "
                      "killing at least 13 people, police said.", city=SURABAYA, killed=13)
    flat = report("A bomb exploded in an apartment in Sidoarjo, south of Surabaya, on Sunday night, killing three "
                  "members of a family, police said.", city=SIDOARJO, at=T0 + timedelta(hours=14), killed=3)
    assert not joins(flat, churches)


def test_a_report_placed_in_the_next_town_sharing_the_events_words_still_joins() -> None:
    churches = report("Suicide bombers attacked three churches in Surabaya during Sunday services, killing at least "
                      "13 people, police said.", city=SURABAYA, killed=13)
    suburb = report("Suicide bombers attacked three churches during Sunday services near Sidoarjo, killing at least "
                    "13 people, police said.", city=SIDOARJO, at=T0 + timedelta(hours=3), killed=13)
    assert joins(suburb, churches)


# Outlets' words for the same thing.

def test_a_bazaar_is_a_market_and_a_motorbike_a_motorcycle() -> None:
    wire = report("A bomb planted on a motorcycle exploded in a busy market in Peshawar on Saturday afternoon, "
                  "killing four people, police said.", city=PESHAWAR, killed=4)
    local = report("Four people were killed when a bomb planted on a motorbike went off at Qissa Khwani bazaar.",
                   city=PESHAWAR, at=T0 + timedelta(hours=2), killed=4)
    assert conflicts(wire.terms, local.terms) == 0
    assert joins(local, wire)


def test_french_clashes_between_militias_match_the_english_words() -> None:
    fr = key_terms("", "De violents affrontements ont éclaté entre milices rivales, selon le ministère de la Santé.")
    en = key_terms("", "Heavy clashes broke out between rival militias, the health ministry said.")
    assert {"clash", "militi", "rival", "health"} <= {t.lower() for t in fr & en} | (fr & en)


# Follow-ups in headline form.

def test_a_headline_claim_refers_back_to_the_attack() -> None:
    for title in ("Islamic State claims Philippine church bombing", "PKK claims Ankara suicide bombing",
                  "Islamic State claims ambush that killed 29 Niger soldiers"):
        assert is_follow_up(title, ""), title
    assert not is_follow_up("", "No group has claimed the attack on the hotel.")
    assert not is_follow_up("", "The blast, which claimed 20 lives, hit a market.")


def test_blaming_a_gang_for_a_kidnapping_without_an_article_is_a_follow_up() -> None:
    assert is_follow_up("Haiti police blame 400 Mawozo gang for missionary kidnapping", "")


def test_a_country_only_claim_joins_the_bombing_it_names() -> None:
    bombing = report("A bomb exploded during a Catholic mass in a university gymnasium in Cotabato City on Sunday, "
                     "killing four people, the military said.", city=COTABATO, killed=4)
    claim = report("Islamic State claimed the bombing of the Catholic mass in the southern Philippines, its Amaq "
                   "news agency said.", title="Islamic State claims Philippine church bombing", city=None,
                   country="PH", at=T0 + timedelta(hours=14))
    assert joins(claim, bombing)


def test_a_claim_naming_the_town_joins_it_though_its_country_was_taken_from_the_group() -> None:
    attack = report("Hundreds of jihadist fighters attacked the besieged town of Djibo in northern Burkina Faso on "
                    "Sunday, killing dozens of civilians and soldiers.", category=Category.ARMED_ATTACK, city=DJIBO)
    claim = report("Le JNIM a revendiqué l'attaque de Djibo, affirmant que ses combattants avaient pris un poste.",
                   title="JNIM revendique l'attaque de Djibo", category=Category.ARMED_ATTACK, city=None,
                   country="ML", at=T0 + timedelta(hours=30))
    assert claim.follow_up
    assert joins(claim, attack)


# Rare facts as terms: an airport code is no date.

def test_an_airport_starting_with_d_is_not_a_stated_date() -> None:
    dubai = key_terms("", "Flights at Dubai airport were suspended after a drone attack.") | fact_terms(
        un_involved=False, airports=["DXB"])
    dated = key_terms("", "On 3 March 2024 a drone hit the airport terminal, halting flights.")
    first = Report(Category.DISRUPTION, "AE", None, None, None, T0, (), dubai)
    later = Report(Category.DISRUPTION, "AE", None, None, None, T0 + timedelta(hours=1), (), dated)
    assert term_overlap(dubai, dated) > 0
    assert choose_incident(later, [known(first)]) is not None


# Through the ingest path: a wire story, a French report, a claim and a look-alike the next day.

def test_ingest_files_the_reports_of_one_bombing_under_one_incident_and_the_next_days_apart(db: Database) -> None:
    mosque = incident_facts(Category.BOMBING, "Kabul", "AF", KABUL[0], KABUL[1], KABUL[2], 21)
    articles = [
        (Article(source="Reuters", url="https://w.example/1", title="Blast at Kabul mosque during Friday prayers kills 21",
                 text="KABUL (Reuters) - An explosion tore through a Shi'ite mosque in western Kabul during Friday "
                      "prayers, killing at least 21 worshippers, a Taliban spokesman said.", published=T0), mosque),
        (Article(source="AFP", url="https://w.example/2", title="Afghanistan : un attentat contre une mosquée de Kaboul",
                 text="Une explosion a frappé vendredi une mosquée chiite de l'ouest de Kaboul pendant la prière, "
                      "tuant au moins 21 fidèles.", published=T0 + timedelta(hours=3)), mosque),
        (Article(source="BBC", url="https://w.example/3", title="IS claims Kabul mosque bombing",
                 text="Islamic State claimed responsibility for the bombing of the mosque in Kabul.",
                 published=T0 + timedelta(hours=8)), incident_facts(Category.BOMBING, None, "AF", None)),
        (Article(source="Reuters", url="https://w.example/4", title="Second mosque blast in two days hits north Kabul",
                 text="KABUL (Reuters) - A bomb exploded at a Sunni mosque in northern Kabul on Saturday, killing "
                      "seven people, police said, a day after a deadly attack in the west of the city.",
                 published=T0 + timedelta(hours=25)), incident_facts(Category.BOMBING, "Kabul", "AF", KABUL[0], KABUL[1],
                                                              KABUL[2], 7)),
    ]
    incident_of = ingest_each(db, articles)
    assert incident_of["https://w.example/1"] == incident_of["https://w.example/2"] == incident_of["https://w.example/3"]
    assert incident_of["https://w.example/4"] != incident_of["https://w.example/1"]
