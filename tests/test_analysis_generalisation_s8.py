"""Places and detection, round 8: probes written in the styles of the held-out set (Wikipedia "Current events" one-liners
with an outlet's lead, terrorism-database summaries, AP/Reuters wire leads, French front pages, AG News), not taken from
the devset.

What they showed: another spelling of a town under 100,000 named alone ("clashes in Sweida", GeoNames' "As-Suwayda") was
dropped; a town followed by its region and country ("Palma in Cabo Delgado Province, Mozambique", "Kuriga, Kaduna State",
"Palma in northern Mozambique") was taken for a namesake abroad or lost, because "Province"/"State" in capitals and
"northern <country>" did not place it; a bureau's dateline beat a town no gazetteer lists ("MOGADISHU (AP) — ... a base in
Janaale, killing", "NIAMEY (Reuters) - ... near Banibangou, the government said"); "the Paris suburb of Levallois-Perret"
gave Paris; "deuxième ville de Côte d'Ivoire" gave a town called "Côte"; towns GeoNames lists without a population
(Parachinar, Tal Afar, Tessalit) had no coordinates. Detection missed an army's raid ("Israeli forces raid Jenin", "raid
israélien"), "a knife attacker", a town taken in French ("le M23 s'empare de Goma"), soldiers firing on each other,
"Rocket hits a house", "forces storm a camp", "Army seizes <town>"; a curfew imposed after riots was called unrest; a
football result ("Chelsea attack sinks Blackburn") was an incident.
"""
from __future__ import annotations

import math

import pytest

from bot.analysis import analyze
from bot.analysis.facts import Category


def _facts(text: str):  # noqa: ANN202 - Facts
    facts = analyze("", text)
    assert facts.is_incident, text
    return facts


# Detection: what happened, and of which kind.
@pytest.mark.parametrize(("text", "category"), [
    ("Israeli forces raid Jenin; three Palestinians are killed. (Al Jazeera)", Category.MILITARY),
    ("Cisjordanie : trois Palestiniens tués lors d'un raid israélien à Jénine", Category.MILITARY),
    ("Two killed as Israeli forces storm Tulkarm refugee camp", Category.MILITARY),
    ("Rocket hits a house in Sderot", Category.MILITARY),
    ("RDC : le M23 s'empare de Goma", Category.MILITARY),
    ("RDC : les rebelles du M23 s'emparent de la cité de Rubaya", Category.MILITARY),
    ("Tunisie : un assaillant tue deux personnes près de la synagogue de la Ghriba à Djerba", Category.ARMED_ATTACK),
    ("A knife attacker kills two in Mulhouse, France. (Le Monde)", Category.ARMED_ATTACK),
    ("A Palestinian stabbed and wounded an Israeli at a bus stop in Ma'ale Adumim.", Category.ARMED_ATTACK),
    ("Tchad : des soldats tirent les uns sur les autres dans une caserne de N'Djamena", Category.SHOOTING),
    ("Afghan soldier opens fire on fellow troops in Kandahar, killing three", Category.SHOOTING),
    ("Nigeria: soldiers fire on each other at Maiduguri barracks", Category.SHOOTING),
    ("Taliban claim attack on army checkpost in Bajaur", Category.ARMED_ATTACK),
    ("Suspected herders kill 40 in attacks on villages in Bokkos, Plateau State. (Reuters)", Category.ARMED_ATTACK),
    ("Soudan : les FSR prennent le contrôle de Wad Madani", Category.MILITARY),
    ("Éthiopie : des combats à Lalibela entre l'armée et les milices Fano", Category.MILITARY),
    ("Niger : un drone de l'armée frappe par erreur un mariage à Tahoua", Category.MILITARY),
    ("FRANCE.  Two exiled dissidents were found dead in their apartment in Paris.  A group calling itself the Revolutionary "
     "Cells claimed credit for the murders.", Category.ARMED_ATTACK),
    # a building seized with people inside is a hostage-taking, not ground taken
    ("Chechen rebels seize school in Beslan (Reuters)\nReuters - Armed militants seized a school in the town of Beslan in "
     "North Ossetia, taking hundreds of hostages.", Category.KIDNAPPING),
])
def test_incidents_the_cues_missed(text: str, category: Category) -> None:
    assert _facts(text).category is category, text


# A curfew put in place is the news a traveller acts on, whatever caused it; protesters defying one are still unrest.
@pytest.mark.parametrize(("text", "category"), [
    ("Couvre-feu à Conakry après des manifestations meurtrières", Category.DISRUPTION),
    ("Police impose a curfew in parts of Baltimore after riots over the death of Freddie Gray.", Category.DISRUPTION),
    ("Curfew declared in Kandy as anti-Muslim riots spread. (Reuters)\nSri Lanka declared a curfew in the central district "
     "of Kandy after mobs attacked mosques and Muslim-owned shops.", Category.DISRUPTION),
    ("Authorities impose an indefinite curfew in Jos after clashes between Christian and Muslim youths left 20 dead.",
     Category.DISRUPTION),
    ("Protesters defy curfew in Khartoum as thousands march", Category.UNREST),
])
def test_a_curfew_imposed_is_a_disruption(text: str, category: Category) -> None:
    assert _facts(text).category is category, text


@pytest.mark.parametrize("text", [
    "Chelsea attack sinks Blackburn\nDidier Drogba scored twice as Chelsea's attack proved too strong for Blackburn.",
    "Curfew lifted in Jos as calm returns",
    "Pakistan army chief visits troops in North Waziristan",
    "Exercise simulating a terror attack held at Frankfurt airport",
    "India beat Pakistan by 7 wickets in Dubai thriller",
    "Man sentenced for plotting attack on Kabul embassy",
    "Israel and Hamas agree to a ceasefire mediated by Egypt. (Reuters)",
    "Mali : la junte annonce un calendrier électoral\nLes autorités de transition ont annoncé la tenue d'élections en 2024.",
    "Dozens of soldiers seized by locals in Colombian mountains",  # a kidnapping, not an army taking ground
    "Explosion at a military depot in Brazzaville kills 200. (Reuters)",  # the depot's own blast
    "Kenya's tourism rebounds after attacks\nVisitor numbers to Mombasa rose 20% this year.",
    # a raid is an incident when people are killed or hurt in it
    "Israeli army raids Palestinian bank accounts in crackdown on Hamas funding",
    "Troops raid drug lab in Colombian jungle, seize 2 tonnes of cocaine",
    "Le M23 s'empare du débat à Kinshasa",
    "Spain train bomb suspects arrested (Reuters)\nReuters - Police arrested three men over the Madrid train bombings.",
    "Soldiers fire on each other in training mishap",  # a drill gone wrong, not soldiers turning on each other
])
def test_not_military_action(text: str) -> None:
    facts = analyze("", text)
    assert facts.category is not Category.MILITARY, text
    if "seized by locals" not in text:
        assert not facts.is_incident, text


# Where: the town, by the rules of the devset README.
@pytest.mark.parametrize(("text", "country", "city"), [
    # another spelling of a town under 100,000, named alone where something happened
    ("Clashes between Druze militiamen and Bedouin fighters in Sweida leave 30 dead. (Reuters)", "SY", "Sweida"),
    ("Israeli forces raid Jenin; three Palestinians are killed. (Al Jazeera)", "PS", "Janin"),
    # a town placed by its region and country
    ("Islamist insurgents attack the town of Palma in Cabo Delgado Province, Mozambique, killing dozens. (BBC)", "MZ", "Palma"),
    ("Islamist militants attack Palma in northern Mozambique", "MZ", "Palma"),
    ("Gunmen abduct 80 students from a school in Kuriga, Kaduna State. (BBC)", "NG", "Kuriga"),
    ("Jihadists attack Mansila in Yagha province, killing dozens of soldiers. (AFP)", "BF", "Mansila"),
    # a bureau's dateline is not the scene when the lede names a town no gazetteer lists
    ("MOGADISHU, Somalia (AP) — Al-Shabab fighters overran an African Union base in Janaale, killing dozens of Ugandan "
     "soldiers.", "SO", "Janaale"),
    ("NIAMEY, Niger (Reuters) - Gunmen on motorbikes killed 69 people in an attack on a convoy near Banibangou, the "
     "government said.", "NE", "Banibangou"),
    ("PARIS (Reuters) - A man drove a car into soldiers in the Paris suburb of Levallois-Perret, injuring six.", "FR",
     "Levallois-Perret"),
    # the start of a country's name is no town
    ("Des tirs ont été entendus dans la nuit à Bouaké, deuxième ville de Côte d'Ivoire, où des soldats se sont mutinés.",
     "CI", "Bouaké"),
    ("Rebels seize Bunagana near the Ugandan border", None, "Bunagana"),
    ("RDC : les rebelles du M23 s'emparent de la cité de Rubaya", "CD", "Rubaya"),
    ("Couvre-feu à Conakry après des manifestations meurtrières", "GN", "Conakry"),
    ("Rocket hits a house in Sderot", "IL", "Sderot"),
    ("A knife attacker kills two in Mulhouse, France. (Le Monde)", "FR", "Mulhouse"),
    # a city's own name with "City" is that city (Gaza, 281133), shown as the report writes it
    ("Israeli missile strike kills Hamas leader (AP)\nAP - An Israeli helicopter fired missiles at a car in Gaza City, "
     "killing a senior Hamas militant.", "PS", "Gaza City"),
    # a town of two words placed from another ("Sidi Moussa, south of Algiers") is the scene, not the landmark
    ("ALGERIA.  Islamic militants massacred 43 villagers in Sidi Moussa, south of Algiers.", "DZ", "Sidi Moussa"),
    # a front page's country before the colon places the town: not Chad's or Nigeria's Léré
    ("Mali : la ville de Léré attaquée par des jihadistes", "ML", "Léré"),
    # a town that is also its province's name, named where something happened in it
    ("TURKEY.  A bomb exploded in a crowded street in Hakkari, killing three.", "TR", "Hakkâri"),
    ("Saudi-led coalition air strikes hit Saada, Yemen, killing 12 civilians. (Reuters)", "YE", "Sa'dah"),
    ("At least 10 people were killed when security forces fired on demonstrators in Kassala, eastern Sudan.", "SD", "Kassala"),
    # a town placed from a known one ("Nyanya, near Abuja") is the scene, not the landmark
    ("A bomb explodes at a bus station in Nyanya, near Abuja, killing 71. (BBC)", "NG", "Nyanya"),
    # a front page's country places its towns: not Turkey's Solhan
    ("Burkina : au moins 100 civils tués à Solhan, dans le nord-est du pays", "BF", "Solhan"),
    # the port a strike hits is the scene, not the bureau
    ("SANAA, Yemen (Reuters) - Saudi-led air strikes pounded the Houthi-held port of Hodeidah on Friday.", "YE", "Hodeidah"),
    # a French building "de" a town, an adjective between
    ("RDC : un attentat à la bombe dans une église pentecôtiste de Kasindi fait 17 morts", "CD", "Kasindi"),
])
def test_the_scene(text: str, country: str | None, city: str) -> None:
    facts = _facts(text)
    assert facts.city == city, text
    if country is not None:
        assert facts.country == country, text


# Towns GeoNames lists among its smaller places (or without a population) get their coordinates in the country the text
# is placed in; not elsewhere.
@pytest.mark.parametrize(("text", "country", "city", "lat", "lon"), [
    ("Iraq: A car bomb exploded at a market in Tal Afar Monday, killing 12 people.", "IQ", "Tal Afar", 36.38, 42.45),
    ("Mali: a roadside bomb killed four soldiers near Tessalit on Monday, the army said.", "ML", "Tessalit", 20.20, 1.01),
    ("PAKISTAN.  Gunmen killed 14 people at a market in Parachinar on Friday.", "PK", "Parachinar", 33.90, 70.10),
    ("Gunmen kill 14 people in an attack on a market in the town of Parachinar in Pakistan's Kurram district. (Dawn)", "PK",
     "Parachinar", 33.90, 70.10),
    ("Pakistan: militants attacked a checkpoint in Landi Kotal overnight, killing two.", "PK", "Landi Kotal", 34.10, 71.14),
])
def test_small_towns_get_coordinates(text: str, country: str, city: str, lat: float, lon: float) -> None:
    facts = _facts(text)
    assert (facts.country, facts.city) == (country, city), text
    assert facts.lat is not None and facts.lon is not None
    assert math.isclose(facts.lat, lat, abs_tol=0.05) and math.isclose(facts.lon, lon, abs_tol=0.05), text


def test_a_foreign_name_of_a_town_abroad_is_not_read_into_it() -> None:
    """"Inata" is a Burkinabe village and an old name of Japan's Inada: with no country named, no town and no country."""
    facts = _facts("Gunmen attack checkpoint in Inata, killing 20 soldiers")
    assert (facts.country, facts.city) == (None, None)
