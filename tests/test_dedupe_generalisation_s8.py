"""One incident, one alert (round 8): rules found on a probe set of wire leads, Wikipedia one-liners, French
items and follow-ups (a line saying no one claimed it, the toll later rising, the airport reopening), and on
look-alikes (the same city the next day, the same group elsewhere the same day, a raid quoting the same
spokesman as an attack the day before).

Each test says what a user sees: these reports are one alert, those are two. None is a devset item.
"""
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from bot.analysis.facts import Category
from bot.dedupe.cluster import CONTINUATION_GAP, KnownIncident, Report, choose_incident
from bot.dedupe.followup import is_follow_up
from bot.dedupe.sketch import conflicts, key_terms, tells_of_a_new_one, term_overlap
from bot.model import Article
from tests.dedupe_support import incident_facts, ingest_each, joins, known, placed_report

T0 = datetime(2023, 6, 14, 8, 0, tzinfo=UTC)
KABUL = (1138958, 34.53, 69.17, "Kabul", "AF", "Afghanistan")
KANDAHAR = (1138336, 31.61, 65.71, "Kandahar", "AF", "Afghanistan")
HERAT = (1140026, 34.35, 62.20, "Herat", "AF", "Afghanistan")
ERBIL = (95446, 36.19, 44.01, "Erbil", "IQ", "Iraq")
NANTERRE = (2990970, 48.89, 2.21, "Nanterre", "FR", "France")
MAIDUGURI = (2331447, 11.85, 13.16, "Maiduguri", "NG", "Nigeria")
PORT_AU_PRINCE = (3718426, 18.54, -72.34, "Port-au-Prince", "HT", "Haiti")
SUKHNAH = (170000, 34.89, 38.87, "Al-Sukhnah", "SY", "Syria")


def report(text: str, *, city=KABUL, at: datetime = T0, **details) -> Report:
    return placed_report(text, city=city, at=at, **details)


def seen(r: Report, incident_id: int, last_seen: datetime | None = None) -> KnownIncident:
    """The incident r opened, last reported at last_seen."""
    return KnownIncident(incident_id, r.category, r.country, r.geonameid, r.lat, r.lon, r.published,
                         last_seen or r.published, r.sketch, r.terms, r.killed)


# A line that only points back: a summary split into lines, a live page's next entry.

def test_no_one_claiming_the_bombing_files_under_the_bombing_reported_just_before() -> None:
    bombing = report("A car bomb explodes outside a police station in Diyarbakir, Turkey, killing three police "
                     "officers.", city=(298117, 37.91, 40.24, "Diyarbakir", "TR", "Turkey"))
    older = report("Gunmen kill two soldiers at a checkpoint in Hakkari province.", city=None, country="TR",
                   at=T0 - timedelta(hours=5), category=Category.ARMED_ATTACK)
    line = report("No group has claimed responsibility for the bombing.", city=None, country="TR",
                  at=T0 + timedelta(minutes=1))
    assert line.follow_up and line.geonameid is None
    verdict = choose_incident(line, [seen(older, 1), seen(bombing, 2)])
    assert verdict is not None and verdict.incident_id == 2


def test_a_line_placed_nowhere_is_not_taken_for_the_last_report_in_the_world() -> None:
    """Its candidates are every recent event anywhere: joining one would send that event's chats a false update."""
    bombing = report("A car bomb explodes outside a police station in Diyarbakir, Turkey, killing three police "
                     "officers.", city=(298117, 37.91, 40.24, "Diyarbakir", "TR", "Turkey"))
    toll = report("The death toll later rises to 25.", city=None, category=Category.NONE,
                  at=T0 + timedelta(minutes=1), killed=25)
    assert toll.follow_up and toll.country is None
    assert choose_incident(toll, [seen(bombing, 1)]) is None


def test_the_toll_later_rising_joins_the_attack_it_follows_not_an_earlier_one() -> None:
    attack = report("Gunmen kill 17 people in an attack on a village in Burkina Faso's Sahel region.", city=None,
                    country="BF", category=Category.ARMED_ATTACK, killed=17)
    earlier = report("A suicide bomber kills four soldiers at an army camp in Djibo, Burkina Faso.", city=None,
                     country="BF", at=T0 - timedelta(minutes=5))
    toll = report("The death toll from the attack later rises to 25.", city=None, country="BF",
                  category=Category.NONE, at=T0 + timedelta(minutes=1), killed=25)
    assert toll.follow_up
    verdict = choose_incident(toll, [seen(earlier, 1), seen(attack, 2)])
    assert verdict is not None and verdict.incident_id == 2


def test_a_group_blamed_for_the_attack_in_the_next_line_joins_it() -> None:
    assert is_follow_up("", "The attack is blamed on Boko Haram.")
    bombing = report("Two suicide bombers attack a market in Maiduguri, Nigeria, killing at least 15 people.",
                     city=MAIDUGURI, killed=15)
    blamed = report("The attack is blamed on Boko Haram.", city=None, country="NG", category=Category.NONE,
                    at=T0 + timedelta(minutes=1))
    assert joins(blamed, bombing)


def test_a_line_after_a_calm_story_is_not_filed_under_an_attack_reported_before_it() -> None:
    attack = report("Gunmen attack a Shia mosque in Herat, Afghanistan, killing six worshippers.", city=HERAT,
                    category=Category.ARMED_ATTACK, at=T0 - timedelta(minutes=3))
    quake = report("A magnitude 6.1 earthquake strikes western Afghanistan, destroying hundreds of homes.",
                   city=None, country="AF", category=Category.NONE, at=T0 - timedelta(minutes=1))
    toll = report("The death toll later rises to 47.", city=None, category=Category.NONE, at=T0)
    assert choose_incident(toll, [seen(attack, 1), seen(quake, 2)]) is None


def test_a_line_pointing_back_hours_later_is_not_taken_for_the_last_report() -> None:
    bombing = report("Twin blasts hit Jalalabad, killing five people including two Taliban members.",
                     city=(1138957, 34.43, 70.45, "Jalalabad", "AF", "Afghanistan"))
    line = report("No one has claimed responsibility for the attack.", city=None,
                  at=T0 + CONTINUATION_GAP + timedelta(hours=3), category=Category.ARMED_ATTACK)
    assert choose_incident(line, [seen(bombing, 1)]) is None


def test_a_claim_naming_another_group_is_not_the_continuation_of_the_last_report() -> None:
    raid = report("Al Shabaab militants attacked a military base in Somalia's Hiraan region with car bombs, "
                  "killing ten soldiers.", city=None, country="SO", category=Category.ARMED_ATTACK)
    claim = report("Islamic State claims responsibility for the attack.", city=None,
                   at=T0 + timedelta(minutes=1), category=Category.ARMED_ATTACK)
    assert claim.follow_up
    assert conflicts(claim.terms, raid.terms)
    assert choose_incident(claim, [seen(raid, 1)]) is None


def test_the_attacker_caught_after_a_manhunt_is_filed_under_the_stabbing() -> None:
    stabbing = report("A Palestinian stabbed two Israelis at a bus stop in Jerusalem and fled the scene, police said.",
                      city=(281184, 31.77, 35.22, "Jerusalem", "IL", "Israel"), category=Category.ARMED_ATTACK)
    caught = report("After a seven-hour manhunt, police capture Ahmad Nasser, 19, in an orchard; two relatives are "
                    "held on suspicion of hiding him.", city=None, country="IL", category=Category.NONE,
                    at=T0 + timedelta(hours=8))
    assert caught.follow_up
    assert joins(caught, stabbing)
    assert not is_follow_up("", "Police launched a manhunt after a gunman killed three people at a bar.")


# A report that sets its event apart, and one that quotes the same authorities.

def test_bandits_killing_nine_in_another_village_raid_the_next_day_is_a_new_alert() -> None:
    first = report("Gunmen on motorcycles stormed the village of Kurya in Nigeria's Zamfara state on Tuesday, "
                   "killing 12 people, police said.", city=None, country="NG",
                   title="Gunmen kill 12 in attack on village in Nigeria's Zamfara", category=Category.ARMED_ATTACK)
    second = report("Armed bandits attacked Maru village in Zamfara state on Wednesday night, killing nine people, "
                    "police said.", title="Bandits kill 9 in another Zamfara village raid", city=None, country="NG",
                    category=Category.ARMED_ATTACK, at=T0 + timedelta(hours=30))
    assert tells_of_a_new_one(second.terms)
    assert not joins(second, first)
    assert not tells_of_a_new_one(key_terms("", "Residents of Kurya fear another attack on the village."))


def test_a_raid_quoting_the_same_spokesman_as_a_mosque_bombing_is_a_second_alert() -> None:
    mosque = report("A suicide bomber attacked a Shi'ite mosque in Kandahar during Friday prayers, killing at least "
                    "30 worshippers, a Taliban official said.", city=KANDAHAR, killed=30)
    raid = report("Taliban forces raided an Islamic State hideout in Kandahar on Saturday, killing four militants, "
                  "a spokesman said.", city=KANDAHAR, category=Category.ARMED_ATTACK, at=T0 + timedelta(hours=30))
    assert "TALIBA" not in mosque.terms and "taliba" not in mosque.terms  # who was quoted, not who did it
    assert not joins(raid, mosque)


def test_a_war_monitor_quoted_by_two_reports_is_no_shared_detail() -> None:
    seized = key_terms("", "Islamic State militants seized the town of Al-Sukhnah on Saturday, a war monitor said.")
    shelled = key_terms("", "Government forces shelled villages in Idlib on Saturday, a war monitor said.")
    assert term_overlap(seized, shelled) < 0.2


def test_the_same_group_taking_a_town_the_outlet_does_not_name_is_one_alert() -> None:
    named = report("Islamic State militants seized control of the town of Al-Sukhnah in Syria's Homs province on "
                   "Saturday after heavy clashes with government forces, a war monitor said.",
                   city=SUKHNAH, category=Category.MILITARY)
    unnamed = report("Islamic State fighters pushed Syrian troops out of a town in the desert on Saturday, the group's "
                     "Amaq agency said, as Russian jets pounded rebel areas in the west.", city=None, country="SY",
                     category=Category.MILITARY, at=T0 + timedelta(hours=2))
    assert joins(unnamed, named)


# Who was hit and how.

def test_nine_policemen_at_a_checkpoint_and_four_soldiers_at_a_post_are_two_attacks() -> None:
    checkpoint = report("Gunmen attacked a police checkpoint in Pakistan's southwestern Balochistan province on "
                        "Wednesday, killing nine policemen, officials said.", city=None, country="PK",
                        category=Category.ARMED_ATTACK, killed=9)
    post = report("Militants of the Balochistan Liberation Army attacked a Frontier Corps post in Balochistan's Kech "
                  "district on Wednesday, killing four soldiers.", city=None, country="PK",
                  category=Category.ARMED_ATTACK, at=T0 + timedelta(hours=4), killed=4)
    assert conflicts(checkpoint.terms, post.terms) >= 1
    assert not joins(post, checkpoint)


def test_a_wedding_hall_blast_the_day_after_a_mosque_shooting_is_a_second_alert() -> None:
    shooting = report("Gunmen attack a Shia mosque in Herat, Afghanistan, killing six worshippers.", city=HERAT,
                      category=Category.ARMED_ATTACK)
    blast = report("A blast at a wedding hall in the western Afghan city of Herat killed three people on Friday, a "
                   "Taliban official said.", city=HERAT, at=T0 + timedelta(hours=28))
    assert conflicts(shooting.terms, blast.terms) >= 1
    assert not joins(blast, shooting)


# French words of the same event.

def test_riots_told_in_french_and_in_english_are_one_alert() -> None:
    fr = report("De violentes émeutes ont éclaté dans la nuit à Nanterre après la mort d'un adolescent tué par un "
                "policier lors d'un contrôle routier.", city=NANTERRE, category=Category.UNREST)
    en = report("Riots broke out in Nanterre overnight after a police officer shot dead a teenager during a traffic "
                "stop; rioters set cars ablaze.", city=NANTERRE, category=Category.UNREST, at=T0 + timedelta(hours=3))
    assert joins(en, fr)


def test_rockets_on_an_airport_in_french_and_in_english_are_one_alert() -> None:
    en = report("Several rockets struck near Erbil airport in northern Iraq late on Tuesday, wounding two "
                "contractors, Kurdish officials said.", city=ERBIL, category=Category.MILITARY)
    fr = report("Plusieurs roquettes se sont abattues mardi soir près de l'aéroport d'Erbil, dans le nord de l'Irak, "
                "blessant deux sous-traitants.", city=ERBIL, category=Category.NONE, at=T0 + timedelta(hours=3))
    assert {"rocket", "airpor"} <= {t.lower() for t in fr.terms & en.terms}
    assert joins(fr, en)


# The airport reopens.

def test_an_airport_reopening_after_the_gunfire_refers_back_to_it() -> None:
    assert is_follow_up("", "Haiti's main airport reopens after gunfire shut it down.")
    assert is_follow_up("", "L'aéroport de Bamako a rouvert jeudi après l'attaque du camp voisin.")
    assert not is_follow_up("", "Schools reopen after the summer holidays in Port-au-Prince.")


def test_an_airport_reopening_does_not_file_under_a_gang_attack_on_a_neighbourhood() -> None:
    gangs = report("Gang members attacked the Carrefour-Feuilles neighbourhood of Port-au-Prince, killing 12 "
                   "residents and torching homes.", city=PORT_AU_PRINCE, category=Category.ARMED_ATTACK)
    reopens = report("Haiti's main airport reopened on Saturday after gunfire near the runway forced it to suspend "
                     "flights.", city=None, country="HT", category=Category.NONE, at=T0 + timedelta(hours=20))
    assert reopens.follow_up
    assert choose_incident(reopens, [known(gangs)]) is None


# Through the ingest path: a Wikipedia line, the line under it, an outlet's lead, and a protest the same hour.

def test_ingest_files_a_suicide_bombing_its_unclaimed_line_and_a_wire_lead_under_one_incident(db: Database) -> None:
    kabul = incident_facts(Category.BOMBING, "Kabul", "AF", KABUL[0], KABUL[1], KABUL[2], 20)
    articles = [
        (Article(source="Wikipedia", url="https://w.example/1", title="",
                 text="A suicide bomber blows himself up at a checkpoint near the Ministry of Foreign Affairs in "
                      "Kabul, Afghanistan, killing at least 20 people.", published=T0), kabul),
        (Article(source="Wikipedia", url="https://w.example/2", title="",
                 text="The Islamic State's Afghan branch claims responsibility for the attack.",
                 published=T0 + timedelta(minutes=1)), incident_facts(Category.ARMED_ATTACK, None, "AF", None)),
        (Article(source="Reuters", url="https://w.example/3", title="Suicide bomber kills 20 near Afghan foreign ministry",
                 text="KABUL (Reuters) - A suicide bomber blew himself up at a checkpoint near the foreign ministry in "
                      "Kabul on Friday, killing at least 20 people, a Taliban spokesman said.",
                 published=T0 + timedelta(hours=3)), kabul),
        (Article(source="Wikipedia", url="https://w.example/4", title="",
                 text="Protesters in Herat march against power cuts; police disperse them with tear gas.",
                 published=T0 + timedelta(hours=3, minutes=1)),
         incident_facts(Category.UNREST, "Herat", "AF", HERAT[0], HERAT[1], HERAT[2])),
        (Article(source="Wikipedia", url="https://w.example/5", title="",
                 text="No one has claimed responsibility for the bombing.",
                 published=T0 + timedelta(hours=3, minutes=2)), incident_facts(Category.BOMBING, None, None, None)),
    ]
    incident_of = ingest_each(db, articles)
    assert incident_of["https://w.example/1"] == incident_of["https://w.example/2"] == incident_of["https://w.example/3"]
    assert incident_of["https://w.example/4"] != incident_of["https://w.example/1"]
    # the line after the protest is not the protest's, and not taken for the bombing behind it either
    assert incident_of["https://w.example/5"] != incident_of["https://w.example/4"]


# Across a border: one side placed no closer than its country, the other in the neighbouring one.

def test_a_plane_shot_down_on_a_border_told_from_both_sides_is_one_alert() -> None:
    turkey = report("Turkey's military said two F-16 jets shot down a Russian Su-24 bomber after it violated Turkish "
                    "airspace near the border with Syria.", title="Turkish jets shoot down Russian warplane near "
                    "Syrian border", city=None, country="TR", category=Category.MILITARY)
    syria = report("Russia's defence ministry said a Su-24 bomber was shot down over Syria by Turkish F-16 jets, and "
                   "denied it had crossed into Turkish airspace.", title="Russian warplane downed over Syria, Moscow says",
                   city=None, country="SY", category=Category.MILITARY, at=T0 + timedelta(hours=1))
    assert joins(syria, turkey)


def test_attacks_in_two_neighbouring_countries_the_same_day_are_two_alerts() -> None:
    mali = report("Gunmen on motorbikes killed nine soldiers in an attack on an army post in central Mali, the army "
                  "said.", city=None, country="ML", category=Category.ARMED_ATTACK, killed=9)
    burkina = report("Gunmen killed 12 villagers in an attack on a market in northern Burkina Faso, local officials "
                     "said.", city=None, country="BF", category=Category.ARMED_ATTACK, killed=12,
                     at=T0 + timedelta(hours=2))
    assert not joins(burkina, mali)


def test_calm_stories_of_neighbouring_countries_are_never_joined_by_the_border() -> None:
    raid = report("Police raid a mansion owned by a nephew of the president, who faces drug charges in New York.",
                  city=None, country="DO", category=Category.NONE)
    charges = report("Two nephews of the president, arrested by US agents last week, are charged in New York with "
                     "drug smuggling.", city=None, country="HT", category=Category.NONE, at=T0 + timedelta(hours=3))
    assert not joins(charges, raid)


# A town no gazetteer lists: the analysis names it without coordinates, and only its name identifies it.

def _unlisted(title: str, text: str, town: str, *, at: datetime = T0) -> Report:
    from bot.ingest import report_of

    facts = incident_facts(Category.ARMED_ATTACK, town, "MZ", None)
    return report_of(Article(source="Feed", url="", title=title, text=text, published=at), facts)


def test_two_outlets_naming_the_same_unlisted_town_are_one_alert() -> None:
    english = _unlisted("Militants attack gas plant town in Mozambique", "MAPUTO (Reuters) - Islamist insurgents attacked "
                        "the town of Palma in northern Mozambique on Saturday, near a gas project, security sources said.",
                        "Palma")
    french = _unlisted("Mozambique : des jihadistes attaquent la ville de Palma", "Des jihadistes ont attaqué samedi la "
                       "ville de Palma, dans le nord du Mozambique, près d'un projet gazier.", "Palma",
                       at=T0 + timedelta(hours=4))
    assert joins(french, english)


def test_attacks_on_two_unlisted_towns_of_one_country_the_same_day_are_two_alerts() -> None:
    first = _unlisted("Insurgents attack Mocimboa", "Insurgents attacked the town of Mocimboa in northern Mozambique on "
                      "Saturday, security sources said.", "Mocimboa")
    second = _unlisted("Insurgents attack Quissanga", "Insurgents attacked the town of Quissanga in northern Mozambique "
                       "on Saturday, security sources said.", "Quissanga", at=T0 + timedelta(hours=2))
    assert not joins(second, first)


def test_an_unlisted_town_named_in_full_and_shortened_is_one_place() -> None:
    full = _unlisted("Insurgents attack Mocimboa da Praia", "Insurgents attacked the port town of Mocimboa da Praia "
                     "on Wednesday, seizing the harbour, security sources said.", "Mocimboa da Praia")
    short = _unlisted("Residents flee Mocimboa", "Thousands fled Mocimboa as insurgents held the harbour, aid workers "
                      "said.", "Mocimboa", at=T0 + timedelta(hours=3))
    assert joins(short, full)


# Synonyms outlets use for one place and one harm: "a restaurant" / "a cafe", "injures" / "wounds".

BENGALURU = (1277333, 12.97, 77.59, "Bengaluru", "IN", "India")


def test_a_cafe_and_a_restaurant_told_of_one_blast_are_one_alert() -> None:
    first = report("An explosion at a restaurant in Bangalore, India, injures nine people.", city=BENGALURU)
    second = report("BENGALURU, India (Reuters) - A low-intensity bomb exploded at a popular cafe in the southern "
                    "Indian city of Bengaluru on Friday, wounding nine people, police said.",
                    title="Blast at Bengaluru cafe wounds nine", city=BENGALURU, at=T0 + timedelta(hours=3))
    assert joins(second, first)

