"""How many people were killed and injured, read from the text (English and French).

"at least 12 killed", "killing three soldiers", "dozens dead", "au moins 44 morts",
"trois soldats ont été tués". The largest figure stated wins: follow-up stories
repeat earlier, lower counts. Vague words get a conservative number ("dozens" = 24).
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
_NUM_WORDS = sorted(_WORD_NUMBERS, key=len, reverse=True)
# The number words as a trie (same matches as a flat longest-first alternation, far fewer branch tries).
_NUMBER = (r"(?P<n>\d{1,3}(?:[,.\s]\d{3})+|\d+|" + _FR_TENS + r"(?:-| )" + _FR_UNITS + r"(?:-" + _FR_UNITS + r")?(?![\w-])|"
           r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?" + trie_alternation(_NUM_WORDS) + r")")
# No qualifier is a prefix of another, so their order does not matter and a trie is the same.
_QUALIFIER = (r"(?:" + trie_alternation(sorted(["at least", "more than", "over", "nearly", "almost", "some", "about", "around",
                                               "up to", "au moins", "plus de", "pres de", "environ", "quelque"],
                                              key=len, reverse=True)) + r"\s+)?")
# Who was hit: up to three words between the number and the verb ("three French soldiers were killed").
_WHO = r"(?:[a-z'-]+\s+){0,3}?(?:(?:de\s+la\s+|de\s+l'|du\s+|des\s+|d')[a-z-]+\s+)?"  # "... de la Minusca"
_KILLED = (r"(?:killed|dead|died|deaths|killing|slain|massacred|murdered|lives|bodies|fatalities|"
           r"morts|(?<!\sa )mort|tues?|tuees?|decedes?|victimes|personnes tuees|ont peri|ont ete tues|ont ete tuees|trouve la mort|tue|"
           r"(?:ont |a )?perdu la vie|assassinee?s?|abattue?s?|(?:ont|a) ete massacree?s?)")
_INJURED = r"(?:injured|wounded|injuring|wounding|hurt|injuries|casualties|blesses?|blessees?|ont ete blesses)"
# Auxiliaries after who was hit ("un casque bleu tchadien a été tué"): they do not count against the three words of _WHO.
_AUX = r"(?:(?:were|have been|had been|are|was|has been|ont ete|sont|a ete|est|people|persons|personnes|others|autres)\s+)*"

# Gate needles: every word of _KILLED / _INJURED contains one of them.
_KILLED_NEEDLES = ("kill", "dead", "died", "death", "slain", "massacr", "murdered", "lives", "bodies", "fatalities", "mort",
                   "tue", "decede", "victimes", "ont peri", "trouve la mort", "perdu la vie", "assassine", "abattu")
_INJURED_NEEDLES = ("injur", "wound", "hurt", "casualties", "bless")
# "un drone abattu", "two planes shot down": machines are not people killed.
_NOT_PEOPLE = r"(?!(?:drones?|avions?|helicopteres?|appareils?|aeronefs?|planes?|helicopters?|aircraft)\b)"
_KILLED_AFTER = Gated(re.compile(r"\b" + _QUALIFIER + _NUMBER + r"\s+" + _NOT_PEOPLE + _WHO + _AUX + _KILLED + r"\b"),
                      *_KILLED_NEEDLES)
_INJURED_AFTER = Gated(re.compile(r"\b" + _QUALIFIER + _NUMBER + r"\s+" + _WHO + _AUX + _INJURED + r"\b"),
                       *_INJURED_NEEDLES)
# "killing 12", "killed at least 30 people", "left 50 dead", "death toll rose to 40", "fait 12 morts"
_KILLED_BEFORE = Gated(re.compile(
    r"\b(?:killing|killed|kills|kill|shot dead|shoots dead|shooting dead|gunned down|death toll of|left|leaves|leaving|claimed the lives of|bilan de|tuant|ont tue|a tue|a fait|tue|tuent)\s+"
    # not "a fait 12 blessés", "left five people injured": a count of the hurt
    + _QUALIFIER + r"(?>" + _NUMBER + r")\b(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|ago|jours?|mois|ans|heures?)\b)"
    r"(?!\s+(?:(?!and\b|et\b)[a-z'-]+\s+)?(?:injured|wounded|hurt|blesses?|blessees?)\b)"
    r"(?:\s+" + _WHO + r"(?:dead|morts?|people|persons|personnes|civilians|soldiers|"
    r"civils|soldats|militaires|others|police|policemen|officers|children|students|worshippers|troops)\b)?"),
    "kill", "dead", "gunned down", "death toll of", "left", "leav", "claimed the lives of", "bilan de", "tue", "tuant", "a fait")
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
_INJURED_BEFORE = Gated(re.compile(r"\b(?:injuring|wounding|injured|wounded|injures|wounds|blessant|ont blesse|a blesse)\s+"
                                   + _QUALIFIER + _NUMBER),
                        "injur", "wound", "blessant", "blesse")
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
    r"(?:^|[.!?;:]\s+|\n)(?:(?:a|an|the|one|another)\s+)?(?:[a-z'-]+\s+){0,2}?(?:" + _PERSON + r")\s+"
    r"(?:(?:was|is|has been|had been)\s+)?(?:(?:kidnapped|abducted|tortured|attacked|shot|stabbed|robbed) and\s+)?(?:shot dead|gunned down|killed|slain|murdered|(?:stabbed|beaten|hacked) to death|"
    r"beheaded|lynched)\b(?!\s+(?:" + _QUALIFIER + _NUMBER + r"|his|her|their|the|a|an)\b)"
    # or the verb and then the person: "gunmen kill teacher", "bomb kills policeman"
    r"|(?<!\bto )\b(?:kills?|killed|killing|shoot dead|shoots dead|shot dead)\s+(?:(?:a|an|the|one)\s+)?(?:[a-z'-]+\s+){0,2}?"
    r"(?:" + _PERSON + r")\b(?!['-])"), "kill", "shot dead", "shoot", "gunned down", "slain", "murdered", "to death",
    "beheaded", "lynched")
_NO_ONE = re.compile(r"\b(?:no one|nobody|no casualties|no injuries|aucune victime|pas de victime|no deaths)\b")


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
    digits = re.sub(r"[,.\s]", "", w)
    return int(digits) if digits.isdigit() else None


_FR_COMPOUND_HEADS = ("quatre-vingt", "dix", "vingt", "trente", "quarante", "cinquante", "soixante")
# "à" folds to "a": in a French clause ("à la Minusca ont été tués") it is no English "a" = 1.
_FRENCH_CLAUSE = re.compile(r"\b(?:ont|ete|sont|tues?|tuees?|morts?|blesses?|blessees?|personnes|perdu)\b")


def _max_count(patterns: tuple[Gated, ...], text: str) -> int | None:
    best: int | None = None
    for pattern in patterns:
        for m in pattern.finditer(text):
            if text[max(0, m.start() - 4):m.start()].endswith(("no ", "not ")):
                continue  # "no one was hurt"
            if m.group("n") in ("a", "an") and _FRENCH_CLAUSE.search(m.group()):
                continue
            n = _value(m.group("n"))
            # Years and huge numbers are dates or other figures, not casualty counts.
            if n is None or n > 20000 or (1900 <= n <= 2100 and m.group("n").isdigit()):
                continue
            best = n if best is None else max(best, n)
    return best


# Cheap gate: the big patterns only run on texts that use a casualty word at all.
_ANY_CASUALTY_WORD = ("kill", "dead", "died", "death", "slain", "massacr", "murder", "lives", "bodies", "fatalit", "mort", "tue", "tuant", "perdu la vie",
                      "assassine", "abattu",
                      "dece", "victime", "peri", "injur", "wound", "hurt", "casualt", "bless", "toll", "bilan", "no one", "nobody",
                      "aucune")


def count_casualties(folded_text: str) -> tuple[int | None, int | None]:
    """(killed, injured) from lower-case, accent-free text; None where the text says nothing."""
    if not any(word in folded_text for word in _ANY_CASUALTY_WORD):
        return None, None
    killed = _max_count((_KILLED_AFTER, _KILLED_BEFORE, _TOLL, _TOLL_TO), folded_text)
    if killed is None and _SINGLE_KILLED.search(folded_text):
        killed = 1
    injured = _max_count((_INJURED_AFTER, _INJURED_BEFORE), folded_text)
    if killed is None and injured is None and _NO_ONE.search(folded_text):
        return 0, 0
    return killed, injured
