"""French, francophone Africa first: front pages, Le Monde RSS items and BBC Afrique leads, written the ways they write."""
from __future__ import annotations

from bot.analysis import analyze
from bot.analysis.casualties import count_casualties
from bot.analysis.facts import Category
from bot.analysis.normalize import fold


def killed(text: str) -> int | None:
    return count_casualties(fold(text))[0]


# -- casualties: numbers in words ---------------------------------------------------------------------------------


def test_french_compound_numbers_are_counted_whole() -> None:
    assert killed("Dix-sept soldats ont été tués et vingt autres blessés.") == 17
    assert killed("Des hommes armés ont tué trente-sept civils dans le village.") == 37
    assert killed("Soixante et onze soldats nigériens ont été tués mardi.") == 71
    assert killed("Des hommes armés ont tué quatre-vingt-dix villageois.") == 90


def test_lost_their_lives_and_vague_tens() -> None:
    assert killed("Trois gendarmes ont perdu la vie lundi soir lors d'une attaque.") == 3
    assert killed("Plusieurs dizaines de soldats ont été tués samedi.") == 24


def test_a_folded_a_is_not_one_killed() -> None:
    # "à" folds to "a": "... près de la frontière avec le Burkina" / "à la Minusca" is no English "a" = 1.
    assert killed("Un poste de l'armée attaqué à Kafolo, près de la frontière avec le Burkina\nTrois soldats ont été tués "
                  "et quatre autres blessés.") == 3
    assert killed("Trois casques bleus de la Minusca ont été tués dans une embuscade.") == 3


def test_killing_in_the_present_participle_is_read() -> None:
    assert killed("Un kamikaze a déclenché sa ceinture d'explosifs sur le marché, tuant au moins onze personnes.") == 11


# -- detection: kinds -------------------------------------------------------------------------------------------------


def test_french_coup_words() -> None:
    f = analyze("Burkina Faso : le capitaine Ibrahim Traoré prend le pouvoir",
                "Des militaires ont annoncé à la télévision nationale la destitution du lieutenant-colonel Damiba, la dissolution du "
                "gouvernement et la suspension de la Constitution. Des tirs ont été entendus à Ouagadougou.")
    assert f.category is Category.MILITARY
    f = analyze("Niger : le président Mohamed Bazoum retenu par des militaires de la garde présidentielle",
                "Des éléments de la garde présidentielle retiennent le président dans son palais à Niamey. Les frontières ont été fermées.")
    assert f.is_incident and f.country == "NE"


def test_french_strikes_and_fighting() -> None:
    f = analyze("Liban : frappes israéliennes sur la banlieue sud de Beyrouth",
                "Des frappes israéliennes ont visé dimanche la banlieue sud de Beyrouth, faisant au moins six morts.")
    assert (f.category, f.country, f.killed) == (Category.MILITARY, "LB", 6)
    assert analyze("Goma : les combats reprennent entre le M23 et l'armée", "").category is Category.MILITARY
    assert analyze("Kidal : l'armée reprend le contrôle de la ville", "").category is Category.MILITARY


def test_front_page_headlines_without_a_body() -> None:
    assert analyze("Diffa : une attaque de Boko Haram repoussée", "").category is Category.ARMED_ATTACK
    assert analyze("Menaka : l'EIGS attaque plusieurs villages", "").category is Category.ARMED_ATTACK
    f = analyze("Mopti : un car de transport saute sur une mine, 14 morts", "")
    assert (f.category, f.killed) == (Category.BOMBING, 14)


def test_clashes_with_a_crowd_or_between_communities_are_unrest() -> None:
    f = analyze("Tchad : affrontements intercommunautaires dans le Moyen-Chari",
                "Des affrontements intercommunautaires entre éleveurs et agriculteurs ont fait au moins treize morts, selon les "
                "autorités locales.")
    assert f.category is Category.UNREST
    f = analyze("Guinée : affrontements entre forces de l'ordre et manifestants à Kankan",
                "Des affrontements entre forces de l'ordre et manifestants à Kankan ont fait au moins trois morts.")
    assert (f.category, f.city, f.country) == (Category.UNREST, "Kankan", "GN")


def test_a_defused_device_is_a_bombing() -> None:
    f = analyze("Togo : un attentat déjoué à Lomé",
                "Les services de sécurité ont désamorcé un engin explosif déposé près d'un commissariat de Lomé.")
    assert f.category is Category.BOMBING


# -- detection: French negatives --------------------------------------------------------------------------------------


def test_depot_explosions_with_a_named_cause_are_accidents() -> None:
    assert not analyze("Burkina Faso : explosion d'un dépôt d'explosifs sur un site minier",
                       "Une explosion accidentelle survenue dans un dépôt d'explosifs sur un site d'orpaillage a fait au moins "
                       "60 morts, selon un bilan provisoire.").is_incident
    assert not analyze("Tchad : explosion d'un dépôt de munitions à N'Djamena",
                       "Une série d'explosions a secoué jeudi soir un dépôt de munitions de l'armée à N'Djamena, faisant neuf "
                       "morts, selon le gouvernement qui évoque un incendie.").is_incident


def test_trial_headlines_are_never_alerts() -> None:
    assert not analyze("Mali : ouverture du procès des auteurs de l'attaque du Radisson Blu",
                       "Le procès des auteurs présumés de l'attaque contre l'hôtel Radisson Blu de Bamako, qui avait fait 20 "
                       "morts en 2015, s'est ouvert lundi devant la cour d'assises spéciale.").is_incident
    assert not analyze("Procès des attentats du 13-Novembre : Salah Abdeslam condamné à la perpétuité",
                       "La cour d'assises spéciale de Paris a condamné Salah Abdeslam à la réclusion criminelle à perpétuité "
                       "pour les attentats du 13 novembre 2015.").is_incident


def test_looking_back_headlines_are_not_alerts() -> None:
    assert not analyze("Attentats du 13-Novembre : hommage aux victimes huit ans après",
                       "Des cérémonies d'hommage ont eu lieu lundi à Paris et Saint-Denis, huit ans après les attentats qui "
                       "avaient fait 130 morts.").is_incident
    assert not analyze("Liban : l'explosion du port de Beyrouth, quatre ans après",
                       "Quatre ans après l'explosion du port de Beyrouth, qui avait fait plus de 220 morts, les familles des "
                       "victimes réclament toujours justice.").is_incident
    assert not analyze("Burkina Faso : questions sur le massacre de Solenzo",
                       "Des vidéos diffusées sur les réseaux sociaux montrent des dizaines de corps.").is_incident


def test_sport_and_politics_stay_quiet() -> None:
    for title, text in (
        ("Cameroun : les Lions indomptables qualifiés pour la CAN",
         "Les Lions indomptables se sont qualifiés après leur victoire 3-0 contre le Kenya. L'attaquant Vincent Aboubakar a "
         "inscrit un doublé."),
        ("Sénégal : les Lions qualifiés pour les huitièmes de finale",
         "Les Lions de la Teranga ont battu l'Équateur 2-1. Le tir au but d'Ismaïla Sarr et la frappe de Kalidou Koulibaly "
         "ont fait la différence."),
        ("Mali : les sanctions de la CEDEAO levées",
         "La CEDEAO a levé dimanche les sanctions économiques et financières imposées au Mali."),
        ("Tchad : le dialogue national inclusif s'ouvre à N'Djamena",
         "Le dialogue national inclusif et souverain s'est ouvert samedi à N'Djamena, sans les principaux groupes rebelles."),
    ):
        assert not analyze(title, text).is_incident, title


# -- where ------------------------------------------------------------------------------------------------------------


def test_an_unlisted_town_placed_in_a_region_province_or_circle() -> None:
    f = analyze("Burkina Faso : au moins 50 morts dans une attaque contre des civils",
                "Au moins 50 civils ont été tués dans une attaque perpétrée par des hommes armés à Seytenga, dans la province "
                "du Séno, près de la frontière avec le Niger.")
    assert (f.city, f.country, f.killed) == ("Seytenga", "BF", 50)
    f = analyze("Niger : enlèvement d'un humanitaire américain",
                "Un travailleur humanitaire américain a été enlevé à Massalata, dans la région de Tahoua, par des hommes armés.")
    assert (f.city, f.country, f.category) == ("Massalata", "NE", Category.KIDNAPPING)


def test_a_front_page_headline_names_the_scene() -> None:
    f = analyze("Attaque à Boni : trois gendarmes ont perdu la vie",
                "Trois gendarmes ont perdu la vie lundi soir lors d'une attaque contre leur poste, dans le cercle de Douentza, "
                "région de Mopti, a-t-on appris de sources locales.")
    assert (f.city, f.country, f.killed) == ("Boni", "ML", 3)


def test_a_camp_named_after_its_town() -> None:
    f = analyze("Niger : 71 soldats tués dans l'attaque du camp d'Inates",
                "Soixante et onze soldats nigériens ont été tués mardi dans l'attaque du camp militaire d'Inates, près de la "
                "frontière avec le Mali.")
    assert (f.city, f.country, f.killed) == ("Inates", "NE", 71)
