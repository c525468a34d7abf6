"""How many people were killed and injured, read from the text (English and French).

"at least 12 killed", "killing three soldiers", "dozens dead", "au moins 44 morts",
"trois soldats ont été tués". The largest figure stated wins: follow-up stories
repeat earlier, lower counts. Vague words get a conservative number ("dozens" = 24).

What counts: the victims of this incident. Not counted: the perpetrators' own deaths ("the gunman was
shot dead", "three militants were killed", "un assaillant a été tué"; a stated total that includes them,
"six people, including the gunman, died", stays 6), threats and hypotheses ("threatened to kill 50",
"could have killed dozens"), other events ("the 2015 attacks killed 130", "in 2017, ... killed 30",
"since 2015, 3,000 killed", "last year"). Groups joined by "and" add up ("two soldiers and three
civilians were killed" = 5; "killed a chief and his two sons" = 3). "12 victimes", like "12 casualties", are people
hurt, killed or not: counted as hurt, never as dead, unless set against a count of the injured ("20 victimes et 30
blessés": 20 dead).
"""
from __future__ import annotations

import re

from bot.analysis.gate import Gated, trie_alternation

_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "dozen": 12, "dozens": 24, "dozens of": 24, "scores of": 40, "hundreds": 200,
    "hundreds of": 200, "several": 3, "a number of": 3, "many": 10,
    # French (folded: no accents)
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "une dizaine": 10,
    "une vingtaine": 20, "une trentaine": 30, "une quarantaine": 40, "une cinquantaine": 50, "une centaine": 100,
    "des dizaines": 24, "des dizaines de": 24, "des centaines": 200, "des centaines de": 200, "plusieurs": 3,
    "plusieurs dizaines": 24, "plusieurs dizaines de": 24, "plusieurs centaines": 200, "plusieurs centaines de": 200,
    "quatre-vingt": 80, "quatre-vingts": 80,
}
# "une quinzaine", "plus d'une centaine": French approximate numbers, counted at their round value.
_WORD_NUMBERS.update({f"{head}{word}": n for word, n in (
    ("dizaine", 10), ("douzaine", 12), ("quinzaine", 15), ("vingtaine", 20), ("trentaine", 30), ("quarantaine", 40),
    ("cinquantaine", 50), ("soixantaine", 60), ("centaine", 100)) for head in ("une ", "plus d'une ", "pres d'une ")})
# French compounds: "dix-sept", "trente-sept", "soixante et onze", "quatre-vingt-dix" (tens, then "-" or " et ", then units).
_FR_TENS = r"(?:quatre-vingts?|dix|vingt|trente|quarante|cinquante|soixante)"
_FR_UNITS = r"(?:et[- ](?:un|une|onze)|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize)"
_EN_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_EN_TEEN_TENS = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-" + _EN_UNIT + r")?|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _EN_UNIT + r")")
# "one hundred and twenty", "two hundred": English hundreds, as words of the trie, then "and ..." (read by _value).
_WORD_NUMBERS.update({f"{head} hundred": 100 * (_WORD_NUMBERS[head]) for head in (
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")})
_NUM_WORDS = sorted(_WORD_NUMBERS, key=len, reverse=True)
_EN_HUNDREDS_TAIL = r"(?:(?<=hundred) and " + _EN_TEEN_TENS + r"(?![\w-]))?"
# The number words as a trie (same matches as a flat longest-first alternation, far fewer branch tries).
_NUMBER = (r"(?P<n>\d{1,3}(?:[,.\s]\d{3})+|\d+|" + _FR_TENS + r"(?:-| )" + _FR_UNITS + r"(?:-" + _FR_UNITS + r")?(?![\w-])|"
           r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?" + trie_alternation(_NUM_WORDS) + _EN_HUNDREDS_TAIL + r")")
# No qualifier is a prefix of another, so their order does not matter and a trie is the same.
_QUALIFIER = (r"(?:" + trie_alternation(sorted(["at least", "more than", "over", "nearly", "almost", "some", "about", "around",
                                               "up to", "au moins", "plus de", "pres de", "environ", "quelque"],
                                              key=len, reverse=True)) + r"\s+)?")
# Who was hit: up to three words between the number and the verb ("three French soldiers were killed").
# No "and"/"et" inside: "un mort et six blessés" is two groups (see _EARLIER_GROUP), not six people "mort et six" hurt.
# Then who they were ("... de la Minusca", "two soldiers of the Bosnian army were shot dead") and an aside
# ("six people, including the gunman, died", "cinq personnes, dont trois enfants, ont été tuées").
_WHO = (r"(?:(?!(?:and|et)\b)[a-z'-]+\s+){0,3}?"
        r"(?:(?:(?:of|from)\s+(?:the\s+|a\s+|an\s+|one\s+|his\s+|her\s+|their\s+)?|de\s+la\s+|de\s+l'|du\s+|des\s+|d')"
        r"(?:(?!(?:and|et)\b)[a-z'-]+\s+){0,2}?[a-z-]+\s+)?"
        r"(?:[a-z'-]+(?:,\s+(?:including|among them|dont|parmi lesquels|parmi elles|y compris)\s+[^,.;:!?\n]{1,40},\s+|"
        r"\s+(?:including|among them|dont|parmi lesquels|y compris)\s+[^,.;:!?\n]{1,40}?\s+"
        r"(?=(?:were|was|are|have been|had been|ont ete|sont|a ete)\b)))?"
        # ages: "two men aged 20 and 25", "un homme de 52 ans"
        r"(?:(?:aged\s+\d{1,3}(?:\s+(?:and|to|et|a)\s+\d{1,3})?|de\s+\d{1,3}\s+ans)\s+)?")
_KILLED = (r"(?:(?:shot|stabbed|beaten|hacked|burned|burnt|crushed) (?:dead|to death)|shot and killed|"
           r"(?:poignarde|battu|frappe)e?s? a mort|mortes?|"
           r"killed|dead|died|deaths|killing|slain|massacred|murdered|lives|bodies|fatalities|"
           r"morts|(?<!\sa )mort|tues?|tuees?|decedes?|victimes|personnes tuees|ont peri|ont ete tues|ont ete tuees|trouve la mort|tue|"
           r"(?:ont |a )?perdu la vie|assassinee?s?|abattue?s?|(?:ont|a) ete massacree?s?)")
_INJURED = r"(?:(?:shot|stabbed|hit|attacked) and |(?:seriously|critically|slightly|badly|severely|grievement|legerement|gravement|serieusement) )?(?:injured|wounded|injuring|wounding|hurt|injuries|casualties|victimes|blesses?|blessees?|ont ete blesses)"
# Auxiliaries after who was hit ("un casque bleu tchadien a été tué"): they do not count against the three words of _WHO.
_AUX = r"(?:(?:were|have been|had been|are|was|has been|ont ete|sont|a ete|est|people|persons|personnes|others|autres)\s+)*"

# Gate needles: every word of _KILLED / _INJURED contains one of them.
_KILLED_NEEDLES = ("kill", "dead", "died", "death", "slain", "massacr", "murdered", "lives", "bodies", "fatalities", "mort",
                   "tue", "decede", "victimes", "ont peri", "trouve la mort", "perdu la vie", "assassine", "abattu")
_INJURED_NEEDLES = ("injur", "wound", "hurt", "casualties", "victimes", "bless")
# "un drone abattu", "two planes shot down": machines are not people killed.
_NOT_PEOPLE = r"(?!(?:drones?|avions?|helicopteres?|appareils?|aeronefs?|planes?|helicopters?|aircraft)\b)"
_NOT_TIME = r"(?!(?:days?|weeks?|months?|years?|hours?|minutes?|jours?|mois|ans|heures?|semaines?)\b)"
_KILLED_AFTER = Gated(re.compile(r"\b" + _QUALIFIER + _NUMBER + r"\s+" + _NOT_PEOPLE + _NOT_TIME + r"(?P<who>" + _WHO + r")" + _AUX + _KILLED + r"\b"),
                      *_KILLED_NEEDLES)
_INJURED_AFTER = Gated(re.compile(r"\b" + _QUALIFIER + _NUMBER + r"\s+" + _NOT_TIME + r"(?P<who>" + _WHO + r")" + _AUX + _INJURED + r"\b"),
                       *_INJURED_NEEDLES)
# "killing 12", "killed at least 30 people", "left 50 dead", "death toll rose to 40", "fait 12 morts"
_KILLED_BEFORE = Gated(re.compile(
    r"\b(?:(?:killing|killed|kills) (?:himself|herself|themselves) (?:and|et)|killing|killed|kills|kill|shot dead|shoots dead|shooting dead|gunned down|death toll of|left|leaves|leaving|claimed the lives of|bodies of|corps de|(?:a|ont|avait|aurait) coute la vie a|coutant la vie a|bilan de|tuant|ont tue|a tue|a fait|tue|tuent|(?:ont|a|avoir|aurait|auraient|avait|avaient) abattu|abattant)\s+"
    r"(?:(?:his|her|their|ses|leurs)\s+)?"  # "killed his two sons"
    # not "a fait 12 blessés", "left five people injured": a count of the hurt ("12 victimes": the hurt, killed or not)
    + _QUALIFIER + r"(?>" + _NUMBER + r")\b(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|ago|jours?|mois|ans|heures?)\b)"
    r"(?!\s+(?:(?!and\b|et\b)[a-z'-]+\s+)?(?:injured|wounded|hurt|blesses?|blessees?|victimes|casualties)\b)"
    r"(?!\s+(?:[a-z'-]+\s+)?(?:drones?|avions?|helicopteres?|appareils?|aeronefs?|planes?|helicopters?|aircraft)\b)"
    r"(?:\s+" + _WHO + r"(?:dead|morts?|people|persons|personnes|civilians|soldiers|"
    r"civils|soldats|militaires|others|police|policemen|officers|children|students|worshippers|troops)\b)?"),
    "kill", "dead", "gunned down", "death toll of", "left", "leav", "claimed the lives of", "bodies of", "corps de", "coute la vie", "coutant la vie", "bilan de", "tue", "tuant", "a fait", "abattu", "abattant")
# "stabbed two people to death", "a battu à mort trois hommes" (the count sits between verb and "to death").
_KILLED_TO_DEATH = Gated(re.compile(
    r"\b(?:stabbed|stabbing|hacked|hacking|beat|beating|burned|burning|poignarde|poignardant|battu)\s+(?:a mort\s+|(?=" + _QUALIFIER
    + _NUMBER.replace("(?P<n>", "(?:") + r"\s+(?:[a-z'-]+\s+){0,2}?(?:to death|a mort)\b))" + _QUALIFIER + _NUMBER + r"\b"),
    "to death", "a mort")
# "The death toll from Friday's attack on the hotel has risen to 21", "bringing the death toll to 45",
# "the toll now stands at 50", "le bilan s'alourdit a 12 morts": a toll update says how many died.
_TOLL = Gated(re.compile(r"\b(?:death toll|toll|number of (?:dead|deaths|people killed|victims)|bilan(?: humain| provisoire| officiel)?)"
                   r"(?:\s+[^.;:!?\n]{0,90}?)??\s+(?:(?:has|had|have|now|officially|further|again|a|est|s'est)\s+)*"
                   r"(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|jumps|increased|increases|reached|reaches|hit|hits|"
                   r"stands|stood|stand|is|was|went up|gone up|soared|s'alourdit|alourdi|s'eleve|eleve|passe|grimpe|atteint|monte)"
                   r"(?:\s+(?:now|further|officially|desormais))?\s+(?:to|at|a|de)\s+" + _QUALIFIER + _NUMBER
                   + r"\b(?!\s+(?:[a-z-]+\s+){0,2}?(?:injured|wounded|hurt|blesses?|blessees?))"), "toll", "number of", "bilan")
_TOLL_TO = Gated(re.compile(r"\b(?:bringing|raising|pushing|taking|brought|raised|pushed|took|lifting|portant|porte)\s+(?:the|a|le)\s+"
                      r"(?:overall |total |official )?(?:death toll|toll|number of (?:dead|deaths)|bilan)\s+(?:to|at|a)\s+"
                      + _QUALIFIER + _NUMBER + r"\b(?!\s+(?:[a-z-]+\s+){0,2}?(?:injured|wounded|hurt|blesses?|blessees?))"),
                 "toll", "number of", "bilan")
# "des dizaines de morts et de blessés", "dozens of dead and injured": the one figure counts both.
_INJURED_BOTH = Gated(re.compile(r"\b" + _QUALIFIER + _NUMBER + r"\s+(?:de\s+morts et de\s+blesses|morts et blesses|"
                                 r"(?:dead|killed) and (?:injured|wounded))\b"), "morts et ", "dead and ", "killed and ")
_INJURED_BEFORE = Gated(re.compile(r"\b(?:injuring|wounding|injured|wounded|injures|wounds|blessant|ont blesse|a blesse|et blesse|"
                                   r"avoir blesse|stabbed|stabbing|stabs|poignarde|poignardant)\s+(?!a mort\b)"
                                   r"(?:(?:his|her|their|ses|leurs)\s+)?" + _QUALIFIER + _NUMBER + r"\b(?!\s+(?:[a-z'-]+\s+){0,3}?(?:to death|a mort)\b)"),
                        "injur", "wound", "blessant", "blesse", "stab", "poignard")
# One person named by role, with no number: "Bride shot dead in attack", "Journalist killed in Mogadishu blast",
# "Gunmen kill teacher in Maiduguri". Singular nouns only: "soldiers killed" says how many no more than "a soldier".
_PERSON = trie_alternation(sorted("""man woman boy girl child baby teenager student pupil teacher lecturer professor priest
    pastor imam cleric monk nun bishop bride groom journalist reporter photographer cameraman blogger activist lawyer judge
    prosecutor doctor nurse official mayor governor minister lawmaker senator politician candidate chief leader commander
    general colonel officer policeman policewoman soldier guard gendarme peacekeeper ranger driver farmer herder villager
    trader shopkeeper businessman businesswoman worker tourist civilian protester demonstrator refugee pilgrim worshipper
    resident passenger pedestrian mp deputy envoy diplomat ambassador""".split(), key=len, reverse=True))
_SINGLE_KILLED = Gated(re.compile(
    # the person starting a headline or sentence, then how they died (not "soldier killed three civilians")
    r"(?:^|[.!?;:]\s+|\n)(?:(?:a|an|the|one|another)\s+)?(?:[a-z0-9'-]+\s+){0,2}?(?:" + _PERSON + r"|\d{1,3}-year-old)(?:,\s*\d{1,3},)?\s+"
    r"(?:(?:was|is|has been|had been)\s+)?(?:(?:kidnapped|abducted|tortured|attacked|shot|stabbed|robbed) and\s+)?(?:shot dead|gunned down|killed|slain|murdered|(?:stabbed|beaten|hacked) to death|"
    r"beheaded|lynched)\b(?!\s+(?:" + _QUALIFIER + _NUMBER + r"|his|her|their|the|a|an)\b)"
    # or the verb and then the person: "gunmen kill teacher", "bomb kills policeman"
    r"|(?<!\bto )\b(?:kills?|killed|killing|shoot dead|shoots dead|shot dead)\s+(?:(?:a|an|the|one)\s+)?(?:[a-z'-]+\s+){0,2}?"
    r"(?:" + _PERSON + r")\b(?!['-])(?!\s+(?:armed|wielding|carrying|suspected|who (?:had )?(?:attacked|stabbed|opened)))"), "kill", "shot dead", "shoot", "gunned down", "slain", "murdered", "to death",
    "beheaded", "lynched")
_NO_ONE = re.compile(r"\b(?:no one|nobody|no casualties|no injuries|aucune (?:autre )?victime|pas de victime|no (?:other )?casualties|no deaths)\b")
# "aucun blessé n'a été signalé", "no one was injured": nobody hurt, said of the injured only.
_NO_INJURED = re.compile(r"\b(?:aucun blesse|aucune personne n'a ete blessee|pas de blesses?|(?:no one|nobody) (?:else )?(?:was|were) "
                         r"(?:injured|wounded|hurt))\b")
# One person hurt, named by role: "a 32-year-old woman was injured", "a soldier was killed and another was injured".
_SINGLE_INJURED = Gated(re.compile(
    r"(?:(?:^|[.!?;:]\s+|\n|\bsaid\s+|\bsays\s+)(?:a|an|one)\s+(?:[a-z0-9'-]+\s+){0,2}?(?:" + _PERSON + r")|\banother(?:\s+(?:"
    + _PERSON + r"))?)\s+(?:was|has been|had been)\s+(?:(?:seriously|critically|slightly|badly)\s+)?(?:injured|wounded|hurt)\b"),
    "injured", "wounded", "hurt")
# One person killed, French, named by role with "le"/"la": "le conducteur du camion a été tué sur le coup".
_FR_PERSON = trie_alternation(sorted("""conducteur chauffeur policier gendarme soldat militaire enseignant instituteur journaliste
    pretre imam pasteur maire chef commandant femme homme enfant eleve etudiant medecin infirmier infirmiere agent passager
    commercant depute prefet juge avocat directeur casque""".split(), key=len, reverse=True))
_FR_SINGLE_KILLED = Gated(re.compile(
    r"(?:^|[.!?;:]\s+|\n)(?:le|la|l')\s*(?:[a-z'-]+\s+){0,1}?(?:" + _FR_PERSON + r")\b(?:\s+(?:du|de la|de l'|des|d')\s*[a-z'-]+)?\s+"
    r"(?:a ete (?:tuee?|abattue?|assassinee?|poignardee? a mort)|est mort|est morte|est decedee?|a perdu la vie)\b"),
    "tue", "abattu", "assassine", "poignarde", "mort", "decede", "perdu la vie")
# Who did the killing is not counted among the dead: "three militants were killed", "killing the gunman",
# "un assaillant a été tué" (a stated total that includes them, "six people, including the gunman", stays).
# Only those who carried out the attack: militants or rebels killed by the forces are the casualties of that fighting,
# and the toll users need ("Army kills 20 jihadists" is a deadly clash, not one "with no casualties reported").
_PERPETRATORS = (r"(?:(?:man|woman|person|individual|homme|individu) (?:armed|wielding|carrying|arme)|gunm[ae]n|attackers?|assailants?|(?:suicide )?bombers?|"
                 r"suspects?|kidnappers?|assaillants?|kamikazes?|agresseurs?)")
_PERP_WHO = re.compile(r"(?:^|\s)(?:[a-z'-]+\s+){0,2}?" + _PERPETRATORS + r"\b")
# ... but "three terrorists shot and killed two officers": fighters who kill the people counted after the verb.
_COMBATANT_WHO = re.compile(r"(?:^|\s)(?:[a-z'-]+\s+){0,2}?(?:militants?|terrorists?|jihadists?|insurgents?|rebels?|"
                            r"terroristes?|d?jihadistes?|insurges?|islamistes?|rebelles?)\b")
_OBJECT_COUNT = re.compile(r"\s+(?:at least |more than |some |about |au moins |plus de )?(?:\d|an? |one|two|three|four|five|six|"
                           r"seven|eight|nine|ten|dozens|scores|hundreds|une? |deux|trois|quatre|cinq|sept|huit|neuf|dix)")
_PERP_AFTER = re.compile(r"\s+(?:(?!(?:and|et)\b)[a-z'-]+\s+){0,2}?" + _PERPETRATORS + r"\b")
# A threat or a hypothesis right before the figure: "threatened to kill 50", "could have killed dozens", "if 100 died".
_HYPOTHETICAL = re.compile(r"(?:\bto|\bcould(?: have)?|\bwould(?: have)?|\bmight(?: have)?|\bmay have|\bif|\bsi|"
                           r"\bpourrai(?:t|ent)|\baurai(?:t|ent) pu)\s+$")
# Another time: "the 2015 Paris attacks killed 130", "in 2017, a similar attack killed 30", "since 2015, 3,000 killed",
# "last year, 77 people were killed", "two years after the attack that killed 22". Its clause, or its whole sentence when
# it opens one, tells of no casualties of this incident.
# 1950-2099; the leading character class lets the regex engine skip to a "1" or "2" (a lookbehind first would not).
_YEAR = re.compile(r"[12](?<!\d[12])(?:(?<=1)9[5-9]|(?<=2)0\d)\d(?![\d:])")
_BEFORE_YEAR = re.compile(r"\b(?:in|en|the|of|de|from|until|jusqu'en|(?<!deadliest )(?<!worst )(?<!biggest )since|depuis)\s+"
                          r"(?:(?:early|late|mid|debut|fin)\s+)?$")
# Grouped by first letter with no "\b" first, so the regex engine skips to candidate letters (a word start is checked after).
_BACKGROUND = re.compile(r"(?:l(?:ast (?:year|month)|'an dernier|'annee derniere|'an passe)|years? (?:after|apres|ago|plus tot)|"
                         r"m(?:onths?|ois) (?:after|apres|ago|plus tot)|a(?:ns (?:apres|plus tot)|nniversa(?:ry|ire))|commemorat)")
# An earlier group joined by "and": "two soldiers and three civilians were killed" (5), "quatre militaires et deux civils".
# Its words are no verbs or auxiliaries: "two were killed and three injured" is two counts, not five injured.
_NOT_VERB = r"(?!(?:were|was|are|is|have|has|had|been|ont|ete|sont|a|est|killed|dead|died|injured|wounded|hurt|tues?|tuees?|morts?|blesses?|blessees?)\b)"
_EARLIER_GROUP = re.compile(r"(?<![\w'-])" + _QUALIFIER + _NUMBER + r"\s+(?:" + _NOT_VERB + r"[a-z'-]+\s+){1,3}?(?:and|et)\s+$")
# The earlier group starts a clause: not "police arrested two men and three soldiers were killed".
_CLAUSE_START = re.compile(r"(?:^|[.,;:!?(\n-]|\b(?:and|but|while|when|as|after|where|including|said|says|et|mais|lorsque|quand|"
                           r"dont|que|qu'|selon))\s*$")
# People, as a later group names them: "and his two sons", "and a customs officer", "et deux civils".
_PEOPLE = trie_alternation(sorted(set(
    """man woman boy girl child baby teenager student pupil teacher priest imam journalist reporter activist official
    officer policeman policewoman soldier guard gendarme peacekeeper ranger driver farmer villager trader worker tourist
    civilian protester refugee pilgrim worshipper resident passenger pedestrian member relative aide bodyguard son daughter
    brother sister wife husband colleague companion employee commander chief customs father mother frere soeur epouse mari
    pere mere fils fille femme enfant collegue garde nephew niece cousin uncle aunt grandson granddaughter grandfather
    grandmother neveu cousine oncle tante""".split()
    + [w + "s" for w in """boy girl teenager student pupil teacher priest imam journalist reporter activist official officer
    soldier guard gendarme peacekeeper ranger driver farmer villager trader worker tourist civilian protester refugee pilgrim
    worshipper resident passenger pedestrian member relative aide bodyguard son daughter brother sister colleague companion
    employee commander chief personne civil soldat militaire enfant femme homme policier villageois fils fille garde
    casque nephew niece cousin uncle aunt grandson granddaughter cousine oncle tante""".split()]
    + "people persons men women children policemen wives fils villageois neveux".split()), key=len, reverse=True))
_POSSESSIVES = ("his", "her", "son", "sa")
# One more person, no number: "the body of a soldier", "le corps d'un policier" (dead); "wounded his colleague" (hurt).
_BODY_OF_ONE = Gated(re.compile(r"\b(?:body of (?:a|an|one)|corps d'une?)\s+(?:[a-z'-]+\s+)?(?:" + _PEOPLE + r"|" + _PERSON + r"|" + _FR_PERSON
                                + r")\b"), "body of", "corps d'un")
_INJURED_ONE = Gated(re.compile(r"\b(?:injuring|wounding|injured|wounded|blessant|a blesse|ont blesse|et blesse) (?:his|her|their|son|sa|leur) "
                                r"(?:[a-z'-]+\s+)?(?:" + _PEOPLE + r")\b"), "injur", "wound", "blesse")
# A later group after the verb: "killed a local chief and his two sons", "killing three soldiers and two civilians".
_LATER_GROUP = re.compile(r"(?:\s+(?!(?:and|et)\b)[a-z'-]+){0,5}?\s+(?:and|et)\s+(?:his\s+|her\s+|their\s+|ses\s+|leurs?\s+)?"
                          r"(?P<n>\d+|" + _EN_TEEN_TENS + r"|a|an|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|his|her|son|sa)"
                          r"\s+(?:of\s+(?:his|her|their)\s+)?(?:[a-z'-]+\s+){0,2}?(?:" + _PEOPLE + r")\b"
                          r"(?!\s+(?:[a-z'-]+\s+)?(?:(?:were|was|have been|had been|ont ete|sont)\s+)?"
                          r"(?:injured|wounded|hurt|blesses?|blessees?|arrested|abducted|kidnapped|missing)\b)")


def _value(word: str) -> int | None:
    w = word.strip().lower()
    if w.startswith(_FR_COMPOUND_HEADS) and ("-" in w or " et " in w):
        parts = [x for x in re.split(r"[- ]", w) if x != "et"]
        if parts[:2] in (["quatre", "vingt"], ["quatre", "vingts"]):
            parts = ["quatre-vingt", *parts[2:]]
        if all(x in _WORD_NUMBERS for x in parts):
            return sum(_WORD_NUMBERS[x] for x in parts)
    if "-" in w and w.split("-")[0] in _WORD_NUMBERS:
        a, b = w.split("-", 1)
        return _WORD_NUMBERS.get(a, 0) + _WORD_NUMBERS.get(b, 0)
    if w in _WORD_NUMBERS:
        return _WORD_NUMBERS[w]
    if " hundred" in w:  # "one hundred and twenty-five"
        head, _, tail = w.partition(" hundred")
        rest = tail.replace(" and ", "", 1).strip()
        return 100 * _WORD_NUMBERS.get(head, 1) + ((_value(rest) or 0) if rest else 0)
    digits = re.sub(r"[,.\s]", "", w)
    return int(digits) if digits.isdigit() else None


_FR_COMPOUND_HEADS = ("quatre-vingt", "dix", "vingt", "trente", "quarante", "cinquante", "soixante")
# "à" folds to "a": in a French clause ("à la Minusca ont été tués") it is no English "a" = 1.
_FRENCH_CLAUSE = re.compile(r"\b(?:ont|ete|sont|tues?|tuees?|morts?|blesses?|blessees?|personnes|perdu|victimes)\b")


_VICTIMS_THEN_DEAD = re.compile(r"\s+(?:[a-z'-]+\s+){0,2}?(?:victimes|casualties),?\s+(?:dont|including|among them)\b")
# "20 victimes et 30 blessés": set against a count of the hurt, the victims are the dead.
_AND_HURT_AFTER = re.compile(r"\s+(?:et|ainsi que)\s+" + _QUALIFIER + _NUMBER.replace("(?P<n>", "(?:")
                             + r"\s+(?:[a-z'-]+\s+)?(?:blesses?|blessees?)\b")


def _background_spans(text: str) -> list[tuple[int, int, bool]]:
    """Where the text tells of another time: the cue's clause, or its sentence when the cue opens it. The flag marks an
    event named by its year ("the 2024 Kerman bombings"): a toll update about it is still news."""
    spans = []
    cues = [(b.start(), y.end(), b.group().startswith("the")) for y in _YEAR.finditer(text)
            if (b := _BEFORE_YEAR.search(text, max(0, y.start() - 24), y.start()))]
    cues += [(*cue.span(), False) for cue in _BACKGROUND.finditer(text) if not text[cue.start() - 1:cue.start()].isalpha()]
    for start, end, named in cues:
        # It opens its sentence ("In 2017, ...", "Four years ago, ...") when at most three words and no comma come before it.
        sentence = max(text.rfind(c if c == "\n" else c + " ", 0, start) for c in ".!?;\n")
        head = text[sentence + 1:start]
        opens = "," not in head and len(head.split()) <= 3
        stops = ".!?;\n" if opens else ".!?;\n,"
        lo = max(text.rfind(c if c == "\n" else c + " ", 0, start) for c in stops)
        ends = [i for i in (text.find(c if c == "\n" else c + " ", end) for c in stops) if i >= 0]
        spans.append((lo + 1, min(ends) if ends else len(text), named))
    return spans


def _max_count(patterns: tuple[Gated, ...], text: str, spans: list[list[tuple[int, int, bool]]],
               told: list[str] | None = None) -> int | None:
    """The largest count the patterns read; `spans` caches the text's background spans (computed on the first match);
    `told` receives the words that gave it."""
    best: int | None = None
    for pattern in patterns:
        after = pattern is _KILLED_AFTER or pattern is _INJURED_AFTER
        for m in pattern.finditer(text):
            if text[max(0, m.start() - 4):m.start()].endswith(("no ", "not ")):
                continue  # "no one was hurt"
            if m.group("n") in ("a", "an") and _FRENCH_CLAUSE.search(m.group()):
                continue
            if _HYPOTHETICAL.search(text, max(0, m.start() - 16), m.start()):
                continue
            if not spans:
                spans.append(_background_spans(text))
            toll = pattern is _TOLL or pattern is _TOLL_TO
            if any(lo <= m.start("n") < hi and not (named and toll) for lo, hi, named in spans[0]):
                continue
            if after:
                who = m.group("who")
                subject = who.split(",")[0]
                if _PERP_WHO.search(subject) or (pattern is _INJURED_AFTER and who.startswith(("of the ", "of those ", "d'entre "))) \
                        or _COMBATANT_WHO.search(subject) and _OBJECT_COUNT.match(text, m.end()):
                    continue  # "three militants were killed", "four of the wounded died"
            elif _PERP_AFTER.match(text, m.end("n")):
                continue  # "killing the gunman", "security forces killed 20 militants"
            if _VICTIMS_THEN_DEAD.match(text, m.end("n")):
                continue  # "13 victimes, dont 8 morts": the dead are counted on their own
            if after and m.group().endswith("victimes") and (pattern is _KILLED_AFTER) != bool(_AND_HURT_AFTER.match(text, m.end())):
                continue  # "12 victimes": hurt, killed or not; "20 victimes et 30 blessés": the dead
            n = _value(m.group("n"))
            # Years and huge numbers are dates or other figures, not casualty counts.
            if n is None or n > 20000 or (1900 <= n <= 2100 and m.group("n").isdigit()):
                continue
            if after and m.group("who").strip():
                g = _EARLIER_GROUP.search(text, max(0, m.start() - 60), m.start())
                if g and _CLAUSE_START.search(text, max(0, g.start() - 12), g.start()) and not _PERP_WHO.search(g.group()):
                    n += _value(g.group("n")) or 0
            elif pattern is _KILLED_BEFORE or pattern is _INJURED_BEFORE:
                g = _LATER_GROUP.match(text, m.end())
                if g and not _PERP_AFTER.match(text, g.start("n") + len(g.group("n"))):
                    n += 1 if g.group("n") in _POSSESSIVES else (_value(g.group("n")) or 0)  # "and his wife": one more
            if best is None or n > best:
                best = n
                if told is not None:
                    told[:] = [m.group()]
    return best


# Cheap gate: the big patterns only run on texts that use a casualty word at all.
_ANY_CASUALTY_WORD = ("kill", "dead", "died", "death", "slain", "massacr", "murder", "lives", "bodies", "fatalit", "mort", "tue", "tuant", "perdu la vie", "coute la vie", "coutant la vie", "body of", "corps d", "stab", "poignard",
                      "assassine", "abattu",
                      "dece", "victime", "peri", "injur", "wound", "hurt", "casualt", "bless", "toll", "bilan", "no one", "nobody",
                      "aucune")


def count_casualties(folded_text: str) -> tuple[int | None, int | None]:
    """(killed, injured) from lower-case, accent-free text; None where the text says nothing."""
    if not any(word in folded_text for word in _ANY_CASUALTY_WORD):
        return None, None
    spans: list[list[tuple[int, int, bool]]] = []
    killed = _max_count((_KILLED_AFTER, _KILLED_BEFORE, _KILLED_TO_DEATH, _TOLL, _TOLL_TO), folded_text, spans)
    if killed is None and (_SINGLE_KILLED.search(folded_text) or _FR_SINGLE_KILLED.search(folded_text)
                           or _BODY_OF_ONE.search(folded_text)):
        killed = 1
    injured = _max_count((_INJURED_AFTER, _INJURED_BEFORE, _INJURED_BOTH), folded_text, spans)
    if injured is None and (_SINGLE_INJURED.search(folded_text) or _INJURED_ONE.search(folded_text)):
        injured = 1
    if killed is None and injured is None and _NO_ONE.search(folded_text):
        return 0, 0
    if injured is None and _NO_INJURED.search(folded_text):
        injured = 0
    return killed, injured


def hurt_told_as_victims(folded_text: str) -> bool:
    """The count of the hurt is of "victimes" or "casualties" with no breakdown: people hurt, killed or not ("l'attaque a
    fait 12 victimes"), which an alert must not call injured."""
    told: list[str] = []
    _max_count((_INJURED_AFTER, _INJURED_BEFORE, _INJURED_BOTH), folded_text, [], told)
    return bool(told) and any(word in told[0] for word in ("victime", "casualt"))
