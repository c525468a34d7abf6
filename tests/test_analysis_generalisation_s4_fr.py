"""French, francophone Africa first (fourth round): probes written in the styles of Le Monde Afrique, RFI, BBC Afrique,
VOA Afrique and the front pages of Sahel, Central African and Haitian news sites. Each case exposed a general failure:
approximate numbers ("une quinzaine"), French verb forms of harm, causative and passive blasts ("font exploser",
"touché par un EEI"), ground taken ("s'emparent de plusieurs localités"), marches put down, coups told by their gunfire,
regions named by their unit ("le cercle de", "l'Alibori"), and the look-alikes that must stay quiet (denials, fears, lifted
curfews, visits to the wounded, disasters' evacuations, mining blasts, support words alone)."""
from __future__ import annotations

import pytest

from bot.analysis import analyze
from bot.analysis.casualties import count_casualties
from bot.analysis.facts import Category
from bot.analysis.normalize import fold


def counts(text: str) -> tuple[int | None, int | None]:
    return count_casualties(fold(text))


# -- casualties -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # approximate numbers: "une quinzaine", "une douzaine", "une soixantaine"
    ("Des hommes armés ont tué une quinzaine de villageois dans la région de Ménaka.", (15, None)),
    ("Une collision entre un bus et un camion a fait une quinzaine de morts sur l'axe Bafoussam-Douala.", (15, None)),
    ("L'explosion a fait une douzaine de blessés.", (None, 12)),
    # "a fait 12 blessés", "left five people injured": a count of the hurt after a killing verb is no death toll
    ("L'attaque a fait 12 blessés parmi les civils.", (None, 12)),
    ("The blast left five people injured.", (None, 5)),
    ("Une soixantaine de morts dans l'attaque du village.", (60, None)),
    # a singular victim with its auxiliary after more than three words
    ("Un casque bleu tchadien a été tué dans l'attaque du camp.", (1, None)),
    # the present tense: "tue onze", "tuent cinq"
    ("Un incendie dans un hôpital de Tivaouane tue onze nouveau-nés.", (11, None)),
    ("Boko Haram tue cinq personnes dans l'Extrême-Nord.", (5, None)),
    # killed by other words: "abattu", "assassiné", "massacrées"
    ("Un policier abattu à Conakry par des individus non identifiés.", (1, None)),
    ("Mali : un chef de village assassiné dans le cercle de Niono.", (1, None)),
    ("Au moins dix-huit personnes ont été massacrées à la machette dans un quartier de Beni.", (18, None)),
])
def test_french_casualty_wording(text: str, expected: tuple[int | None, int | None]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "Le tribunal militaire a condamné quatre séparatistes à mort pour le massacre.",  # a sentence, not deaths
])
def test_a_death_sentence_is_no_death_toll(text: str) -> None:
    assert counts(text)[0] is None


# -- detection: positives ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body", "category"), [
    # improvised devices by their French abbreviation, and vehicles "touched" by a mine
    ("Mali : un véhicule de l'armée touché par un EEI près de Mopti",
     "Un véhicule des forces armées maliennes a été touché par un EEI près de Sévaré. Trois soldats ont été blessés.",
     Category.BOMBING),
    ("Mali : un convoi de la Minusma touché par une mine près de Tessalit",
     "Un convoi logistique de la Minusma a heurté une mine près de Tessalit. Deux casques bleus ont été blessés.",
     Category.BOMBING),
    # the causative: "font exploser un pont"
    ("Mali : des jihadistes font exploser un pont sur la route de Gao",
     "Des jihadistes ont fait sauter un pont reliant Gao à Ansongo, coupant l'axe routier.", Category.BOMBING),
    # ground taken, in the plural
    ("Tchad : des rebelles du FACT s'emparent de plusieurs localités dans le nord",
     "Les rebelles du Front pour l'alternance et la concorde au Tchad se sont emparés de plusieurs localités dans le Tibesti.",
     Category.MILITARY),
    # a march put down
    ("Togo : marche de l'opposition réprimée à Lomé",
     "Les forces de l'ordre ont réprimé une marche de l'opposition à Lomé, faisant au moins deux blessés.", Category.UNREST),
    # violence between protesters and police is unrest, not an armed attack
    ("Sénégal : trois morts dans des violences à Ziguinchor",
     "Trois personnes ont été tuées dans des violences entre manifestants et forces de sécurité à Ziguinchor.", Category.UNREST),
    # gunfire in a coup or a mutiny is the coup
    ("Guinée : tentative de coup d'État à Conakry, des tirs près de la présidence",
     "Des tirs nourris ont été entendus dimanche près du palais présidentiel à Conakry, où des militaires affirment avoir arrêté "
     "le président.", Category.MILITARY),
    ("Burkina Faso : tirs dans plusieurs casernes, le président arrêté",
     "Des tirs ont été entendus dans plusieurs casernes ; le président Kaboré a été arrêté par des militaires mutins.",
     Category.MILITARY),
    # gangs burning houses
    ("Artibonite : des gangs incendient des maisons à Liancourt",
     "Des membres de gangs armés ont incendié des dizaines de maisons à Liancourt, dans le département de l'Artibonite.",
     Category.ARMED_ATTACK),
])
def test_french_incident_wording(title: str, body: str, category: Category) -> None:
    assert analyze(title, body).category is category


# -- detection: look-alikes -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    # support words alone ("jeunes") make no unrest
    ("Côte d'Ivoire : le gouvernement adopte un plan de lutte contre le chômage des jeunes",
     "Le conseil des ministres a adopté un programme en faveur de l'emploi des jeunes."),
    # a recruitment drive
    ("Burkina Faso : l'armée recrute 5 000 soldats supplémentaires",
     "Le ministère de la Défense a lancé le recrutement de cinq mille soldats pour renforcer la lutte contre le terrorisme."),
    # "protester contre": the French verb, not English "protester"
    ("Mali : Bamako accuse Alger d'ingérence",
     "Le gouvernement malien a convoqué l'ambassadeur d'Algérie pour protester contre des actes inamicaux."),
    # a denial
    ("Cameroun : le gouvernement dément une attaque à Buea",
     "Le ministre de la Communication a démenti les rumeurs d'une attaque séparatiste à Buea, affirmant que la situation est calme."),
    # fears of attacks
    ("Niger : les habitants de Tillabéri craignent de nouvelles attaques",
     "Dans la région, les villageois vivent dans la peur d'une nouvelle offensive des groupes armés."),
    # an evacuation for a volcano
    ("RDC : le volcan Nyiragongo entre en éruption, la population évacuée",
     "Les autorités ont ordonné l'évacuation de plusieurs quartiers de Goma après l'éruption du Nyiragongo."),
    # a curfew lifted
    ("Guinée : la junte lève le couvre-feu à Conakry", "Le couvre-feu instauré après les événements du 5 septembre a été levé."),
    # a film about the displaced
    ("Burkina Faso : un documentaire sur les déplacés primé au Fespaco",
     "Le film retrace le quotidien des familles chassées par les attaques jihadistes."),
    # a propaganda video
    ("Mali : le JNIM revendique des attaques dans une vidéo",
     "Le groupe jihadiste a publié une vidéo de propagande menaçant les forces armées."),
    # a visit to the wounded
    ("Niger : le ministre de la Défense visite les blessés de l'attaque de Tabatol",
     "Le ministre s'est rendu au chevet des soldats blessés lors de l'attaque de lundi."),
    # accidental blasts: a fuel warehouse, a gold diggers' site
    ("Bénin : explosion d'un entrepôt de carburant à Sèmè-Podji",
     "Un incendie suivi d'une explosion dans un entrepôt de carburant de contrebande a fait au moins trente-cinq morts."),
    ("Burkina Faso : une explosion sur un site d'orpaillage fait plusieurs dizaines de morts",
     "Une explosion de dynamite stockée sur un site d'orpaillage près de Gbomblora a fait au moins 60 morts."),
])
def test_french_look_alikes_stay_quiet(title: str, body: str) -> None:
    assert not analyze(title, body).is_incident


# -- places -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body", "country"), [
    # a unit named after its seat: the seat's country, no city
    ("Attaque dans le cercle de Bandiagara : au moins 30 morts",
     "Des individus armés ont attaqué le village de Songho, dans le cercle de Bandiagara, tuant au moins trente civils.", "ML"),
    # first-level units of Benin, Mauritania, Haiti
    ("Alibori : des hommes armés attaquent un poste de police",
     "Un poste de police a été attaqué dans la commune de Karimama ; deux policiers ont été tués.", "BJ"),
    ("Hodh Ech Chargui : des hommes armés enlèvent deux bergers",
     "Deux bergers ont été enlevés par des hommes armés venus du Mali près de Bassikounou.", "MR"),
    ("Artibonite : des gangs incendient des maisons à Liancourt",
     "Des membres de gangs armés ont incendié des dizaines de maisons à Liancourt, dans le département de l'Artibonite.", "HT"),
])
def test_french_regions_name_the_country(title: str, body: str, country: str) -> None:
    f = analyze(title, body)
    assert f.is_incident and f.country == country
