"""Detection and places, round 9: probes written in the French styles of the held-out set (Le Monde RSS title and
description, BBC Afrique openings, francophone front pages "Mali : ...", Wikipedia-style one-liners) and English items from
Latin America and South Asia, not taken from the devset.

What they showed: French ways of telling an attack were missed ("des Casques bleus pris pour cible à Bria", "le camp
militaire de Kaya attaqué", "une attaque de drones a visé l'aéroport", "une attaque à l'explosif", "des militants armés ont
pris d'assaut un hôtel", "des bandits tuent 30 personnes", "une roquette tombe près de l'ambassade", an army's toll of its
enemies, a helicopter shot down, officers holding or ousting a president); so were "Attack kills five in Baghdad",
"gunfights", armies exchanging fire, "violence erupts", a mob lynching. Clashes between communities or party supporters
("affrontements meurtriers entre éleveurs et agriculteurs", "Hindu-Muslim clashes") were called military; an airport closed
after gunfire was a shooting, not the closure a traveller acts on; a commissariat "incendié" was read as a fire (a disaster).
Words about words were alarms: "part à l'attaque contre la vie chère", "une attaque contre la démocratie", "coup d'État
constitutionnel", "la bombe du mercato", "exports explode", a match report ("CAN 2024 : ... s'impose"), a fear ("les habitants
craignent de nouvelles attaques"), a visit after an attack. Places: "Carrefour-Feuilles" gave Haiti's town of Carrefour; the
French "la Monusco" (not in capitals) placed nothing; small towns after "un hôtel de", "à X fait 71 morts", "X, un mort", "le
contrôle de X", "blow up ... in X, killing" were lost.
"""
from __future__ import annotations

import pytest

from bot.analysis import analyze
from bot.analysis.facts import Category


def _facts(text: str):  # noqa: ANN202 - Facts
    facts = analyze("", text)
    assert facts.is_incident, text
    return facts


@pytest.mark.parametrize(("text", "category"), [
    # French ways of telling an attack
    ("Centrafrique : Des Casques bleus pris pour cible à Bria", Category.ARMED_ATTACK),
    ("Burkina : Le camp militaire de Kaya attaqué", Category.ARMED_ATTACK),
    ("Des militants armés ont pris d'assaut un hôtel dans la capitale somalienne, Mogadiscio, tuant au moins neuf personnes.",
     Category.ARMED_ATTACK),
    ("Nigeria : des bandits tuent 30 personnes dans l'Etat de Zamfara", Category.ARMED_ATTACK),
    ("Bénin : Deux gardes forestiers tués dans le parc W", Category.ARMED_ATTACK),
    ("En Colombie, six policiers tués dans une attaque à l'explosif dans le Huila\nLa patrouille a été visée par un engin "
     "explosif sur une route rurale, selon les autorités.", Category.BOMBING),
    ("The Colombian military says FARC dissidents attacked a police station in Jamundí with explosives, wounding five officers.",
     Category.BOMBING),
    ("Une attaque de drones a visé l'aéroport de Kidal, contrôlé par les rebelles, selon des sources locales.", Category.MILITARY),
    ("Irak : une roquette tombe près de l'ambassade américaine à Bagdad", Category.MILITARY),
    ("Au Mali, les rebelles touareg disent avoir abattu un hélicoptère de l'armée près de Kidal", Category.MILITARY),
    ("L'armée nigériane affirme avoir tué une trentaine de combattants de Boko Haram lors d'une opération près de Bama, dans "
     "l'État de Borno.", Category.MILITARY),
    ("RDC : des échanges de tirs entre les FARDC et le M23 à Kibumba", Category.MILITARY),
    ("Afghan Taliban and Pakistani forces exchange fire at the Torkham border crossing.", Category.MILITARY),
    ("Au Niger, des militaires retiennent le président Bazoum au palais présidentiel", Category.MILITARY),
    ("Au Burkina Faso, le capitaine Traoré renverse le lieutenant-colonel Damiba", Category.MILITARY),
    ("La Guinée a fermé ses frontières terrestres et aériennes après l'arrestation du président Alpha Condé par des militaires "
     "dimanche à Conakry.", Category.MILITARY),
    # an airspace closed after a coup is the coup's news
    ("Le Mali a fermé son espace aérien et ses frontières terrestres après le coup de force des militaires à Bamako.",
     Category.MILITARY),
    # a headline telling an attack by its toll
    ("Attack kills five in Baghdad", Category.ARMED_ATTACK),
    ("Attack in Mir Ali, Pakistan kills two", Category.ARMED_ATTACK),
    ("Brazilian police raid a favela in Rio de Janeiro; at least 25 people are killed in gunfights.", Category.SHOOTING),
    # crowds and communities, not armies
    ("Tchad : Affrontements meurtriers entre éleveurs et agriculteurs à Mangalmé", Category.UNREST),
    ("Une quarantaine de personnes ont été tuées lors d'affrontements entre deux communautés dans la région du Kasaï, en RDC.",
     Category.UNREST),
    ("Hindu-Muslim clashes in Nuh, Haryana, leave six dead; internet suspended.", Category.UNREST),
    ("Bangladesh: Clashes between Awami League and BNP supporters in Chittagong leave 4 dead.", Category.UNREST),
    ("En Inde, des violences ethniques au Manipur font au moins 50 morts\nL'armée a été déployée à Imphal.", Category.UNREST),
    ("Violence erupts in Murshidabad over the Waqf law; three killed, internet suspended.", Category.UNREST),
    ("Mob lynches two men over cow-smuggling rumours in Jharkhand.", Category.UNREST),
    ("Sénégal : Manifestations violentes à Mbacké, un commissariat incendié", Category.UNREST),
    ("Au Venezuela, des tirs contre des manifestants à Caracas font deux morts", Category.UNREST),
    ("Au Népal, l'armée déployée à Katmandou après l'incendie du Parlement par des manifestants", Category.UNREST),
    ("RDC : des Casques bleus de la Monusco attaqués à Goma par des manifestants\nLes protestataires réclamaient le départ de "
     "la mission de l'ONU ; au moins cinq morts.", Category.UNREST),
    # an airport closed, its cause told after: the closure is the news
    ("L'aéroport international de Bangui est fermé après des tirs à proximité.", Category.DISRUPTION),
    ("Haïti : l'aéroport de Port-au-Prince fermé après des tirs sur un avion\nUn appareil a été touché par des balles à "
     "l'atterrissage, les vols sont suspendus.", Category.DISRUPTION),
    ("Les autorités maliennes ont annoncé la fermeture de l'aéroport de Tombouctou après des tirs d'obus qui ont visé la piste.",
     Category.DISRUPTION),
    ("Haiti's main international airport in Port-au-Prince suspends flights after gang gunfire hits a plane.",
     Category.DISRUPTION),
])
def test_incidents_and_their_kind(text: str, category: Category) -> None:
    assert _facts(text).category is category, text


@pytest.mark.parametrize("text", [
    "CAN 2024 : la Côte d'Ivoire s'impose face au Mali grâce à une attaque inspirée\nLes Éléphants ont fait la différence en "
    "seconde période à Bouaké.",
    "Burkina Faso : le gouvernement part à l'attaque contre la vie chère",
    "Mali : les habitants de Gao craignent de nouvelles attaques jihadistes",
    "Bangladesh's garment exports explode as orders shift from China.",
    "Neymar, la bombe du mercato, signe à Al-Hilal",
    "RDC : Tshisekedi dénonce une « attaque contre la démocratie » après le rejet de sa loi",
    "Tchad : les opposants dénoncent le « coup d'État constitutionnel » du CMT",
    "Tchad : le ministre de la défense en visite à Bol après l'attaque de Boko Haram",
    "Le président ivoirien attaque en justice un journal français",
    "Heart attack kills former minister in Lahore",
    "Pakistan army chief ousted by prime minister in reshuffle",
])
def test_not_incidents(text: str) -> None:
    assert not analyze("", text).is_incident, text


@pytest.mark.parametrize(("text", "country", "city"), [
    # a quarter named like a town is the city it is in; a hyphenated name is not its first part's town
    ("Haïti : des gangs attaquent le quartier de Carrefour-Feuilles à Port-au-Prince\nDes dizaines d'habitants ont fui.",
     "HT", "Port-au-Prince"),
    # small towns named with a French cue no gazetteer lists
    ("Mali : prise d'otages dans un hôtel de Sévaré\nDes jihadistes ont attaqué l'hôtel, selon une source sécuritaire.",
     "ML", "Sévaré"),
    ("Une attaque contre une base militaire à Inates fait 71 morts parmi les soldats nigériens.", "NE", "Inates"),
    ("RDC : Le M23 prend le contrôle de Bunagana", "CD", "Bunagana"),
    ("Au Sri Lanka, la police ouvre le feu sur des manifestants à Rambukkana, un mort", "LK", "Rambukkana"),
    ("Naxals blow up a vehicle carrying police in Dantewada, killing ten.", "IN", "Dantewada"),
    ("Un Casque bleu a été tué lorsque des hommes armés ont tendu une embuscade à une patrouille de la Minusca près de Nzako, "
     "a indiqué la mission.", "CF", "Nzako"),
])
def test_where(text: str, country: str, city: str) -> None:
    facts = _facts(text)
    assert (facts.country, facts.city) == (country, city), text


def test_a_un_mission_written_as_a_word_places_the_event() -> None:
    facts = _facts("La Monusco a annoncé qu'un de ses camps à Kiwanja avait été attaqué par des miliciens ; un Casque bleu a "
                   "été blessé.")
    assert facts.country == "CD" and facts.un_involved


def test_a_group_named_by_its_people_hints_the_country() -> None:
    facts = _facts("Baloch separatists hijack a passenger train in Bolan Pass, taking hundreds hostage. (BBC)")
    assert facts.category is Category.KIDNAPPING and facts.country == "PK"
