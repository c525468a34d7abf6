"""Does a report follow up an event already reported, or at least speak of one? (pure)

A follow-up points back at an event the reader is assumed to know: the death toll rises, a group
claims it, an attacker is named, the day after. Such a report often shares few words with the first
one (new names, new numbers), so clustering asks it for less evidence, at the same place only.
The cues are deliberately strong ones: "killed in the attack" is as common in a first report.
"""
from __future__ import annotations

import re

from bot.analysis.normalize import fold

_EVENT = (r"(?:attacks?|raids?|bombings?|blasts?|explosions?|shootings?|ambush(?:es)?|assault|massacre|siege|"
          r"stabbings?|strikes?|airstrikes?|shelling|kidnappings?|abductions?|hostage[- ]taking|violence|clashes|"
          r"attentats?|attaques?|explosions?|fusillades?|embuscades?|enlevements?|violences|affrontements)")
_WHEN = r"(?:the|this|these|last|yesterday's|\w+day's|l'|la|le|les|cet(?:te)?|ces)"

# Only as the news itself, in the headline or first sentence: many first reports end with
# "no group has claimed responsibility for the attack".
_LEAD_CUES = re.compile(
    r"^[^.!?\n]{0,80}?\b(?:claim(?:s|ed)?|has claimed|have claimed) responsibility for " + _WHEN + r"\b"
    r"|^[^.!?\n]{0,80}?\brevendiqu\w*\s+(?:l'|la|le|les|cet(?:te)?)\s*" + _EVENT
    # the headline form: "Islamic State claims Kerman bombings", "PKK claims Ankara suicide attack" (but not
    # "no group has claimed the attack", nor "the blast claimed 20 lives")
    + r"|^(?:(?!\b(?:no|not|nobody|yet|none)\b)[^.!?\n]){0,80}?\bclaim(?:s|ed)\s+(?:" + _WHEN + r"\s*)?"
    r"(?:[\w'-]+\s+){0,3}?" + _EVENT + r"\b",
    re.MULTILINE,
)
_CUES = re.compile(
    "|".join((
        # the toll moves: "death toll from Friday's attacks rises to 129", "le bilan s'alourdit"
        r"\b(?:death|casualty) toll\b[^.;]{0,60}?\b(?:rises|rose|risen|climbs|climbed|jumps|jumped|reaches|reached|"
        r"stands|stood|increases|increased|grows|grew|now)\b",
        r"\bbilan\b[^.;]{0,60}?\b(?:s'alourdit|s'est alourdi|passe a|est passe|grimpe|atteint|s'eleve desormais)\b",
        # the perpetrators are named, caught or charged
        r"\b(?:one of the|the|an?)\s+(?:\w+\s+){0,2}(?:attackers?|gunm[ae]n|bombers?|assailants?|perpetrators?|"
        r"hijackers?|kidnappers?|plotters?)\s+(?:\w+\s+){0,3}(?:identified|named|arrested|captured|charged)\b",
        r"\b(?:identified|named) as (?:one of )?the (?:\w+\s+)?(?:attackers?|gunm[ae]n|bombers?|assailants?)\b",
        # "police name the bomber as Salman Abedi", "police identify the suspects in the attack as ..."
        r"\b(?:identif(?:y|ies|ied)|names?|named)\s+(?:the|a|one of the)\s+(?:\w+\s+){0,1}(?:attackers?|gunm[ae]n|"
        r"bombers?|assailants?|perpetrators?|hijackers?|kidnappers?|shooters?|suspects?|driver)\s+"
        r"(?:[\w'-]+\s+){0,5}?as\b",
        # caught after a manhunt: "police capture the attacker after a five-hour manhunt", "after manhunt, police
        # arrest ..." (not "police launch a manhunt": a first report says that too)
        r"\b(?:captur(?:e|es|ed)|arrest(?:s|ed)?|caught|detain(?:s|ed)?|shot dead|kill(?:s|ed)?)\b[^.;]{0,60}?"
        r"\bafter (?:an? )?(?:[\w-]+ )?manhunt\b"
        r"|\bafter (?:an? )?(?:[\w-]+ )?manhunt\b[^.;]{0,60}?\b(?:captur(?:e|es|ed)|arrest(?:s|ed)?|caught|detain(?:s|ed)?|"
        r"shot dead|kill(?:s|ed)?)\b",
        # suspects held over it: "police arrest three men in connection with the bombing"
        r"\b(?:arrest(?:s|ed)?|detain(?:s|ed)?)\s+(?:[\w'-]+\s+){0,6}?(?:in connection with|over|for)\s+"
        + _WHEN + r"\s*(?:[\w'-]+\s+){0,3}" + _EVENT + r"\b",
        # someone is blamed for it: "the government blames the attack on the Haqqani network",
        # "India blames Jaish-e-Mohammed for the Uri attack"
        r"\bblam(?:e|es|ed|ing)\s+" + _WHEN + r"\s*(?:\w+\s+){0,2}" + _EVENT + r"\s+on\b",
        # (headlines drop the article: "police blame 400 Mawozo gang for missionary kidnapping")
        r"\bblam(?:e|es|ed|ing)\s+(?:[\w'-]+\s+){1,5}?for\s+(?:" + _WHEN + r"\s*)?(?:[\w'-]+\s+){0,3}" + _EVENT + r"\b",
        # (or passive: "the attack is blamed on Boko Haram", "l'attentat est attribué au JNIM")
        r"\b(?:the|this|that|l'|la|le|cet(?:te)?)\s*(?:\w+\s+){0,2}" + _EVENT + r"\s+(?:is|was|has been|had been|est|a ete)\s+"
        r"(?:blamed on|attribu\w* (?:to|a|au|aux))\b",
        r"\b(?:attribu\w*|impute\w*)\s+(?:l'|la|le|les|cet(?:te)?)\s*(?:\w+\s+){0,2}" + _EVENT + r"\s+(?:a|au|aux)\b",
        # the hostages are freed: "the 11 students kidnapped from a school ... have been released"
        r"\b(?:kidnapped|abducted|taken hostage|held hostage|enleve\w*)\b[^.;]{0,80}?\b(?:released|freed|rescued|liberee?s?)\b",
        r"\b(?:releases?|frees?|rescues?|released|freed|rescued|liberation)\s+(?:of\s+)?(?:[\w'-]+\s+){0,3}?"
        r"(?:kidnapped|abducted|hostages?|otages?)\b",
        # what it shut opens again: "Haiti's main airport reopens after gunfire shut it down"
        # (what security closures shut: not "schools reopen after the holidays")
        r"\b(?:airports?|airspace|borders?|crossings?|embass(?:y|ies)|consulates?|aeroports?|espace aerien|frontieres?|"
        r"ambassades?)\b[^.;]{0,40}?\b(?:reopen(?:s|ed)?|re-open(?:s|ed)?|resume[sd]? (?:flights|operations)|"
        r"rouv(?:re|rent|ert|erte|erts|ertes)|reouvert\w*)\b[^.;]{0,60}?\b(?:after|since|following|apres|suite a)\b",
        # ... and what it shut: "Tripoli airport suspends flights after clashes", "l'aeroport suspend ses vols apres
        # l'attaque" (the closure told after the event it follows, often the next morning)
        r"\b(?:airports?|airspace|flights?|aeroports?|espace aerien|vols?)\b[^.;]{0,60}?\b(?:suspend(?:s|ed)?|halt(?:s|ed)?|"
        r"clos(?:e|es|ed)|shut(?:s)?|cancel+(?:s|ed)?|grounded|divert(?:s|ed)?|suspend\w*|ferme\w*|annule\w*|interromp\w*)\b"
        # (fighting, clashes, attacks: what goes on; one attack only as "the attack": "after a rocket attack" tells of
        # its own event)
        # (or while it goes on: "Mitiga airport halts flights as fighting erupts", "amid clashes", "en raison des combats")
        r"[^.;]{0,40}?\b(?:after|following|apres|suite a|amid|as|due to|because of|"
        r"(?:en raison|a cause|sur fond) (?:des|de la|du|de|d'))\s*(?:"
        r"(?:(?:the|des|les|de|d')\s*)?(?:[\w'-]+\s+){0,2}?(?:clashes|fighting|gunfire|violence|unrest|attacks|combats|"
        r"affrontements|heurts|tirs|violences|attaques)"
        r"|(?:the|this|yesterday's|\w+day's|l'|la|le|cet(?:te)?)\s*(?:[\w'-]+\s+){0,2}?(?:attack|raid|strike|bombing|"
        r"shooting|explosion|blast|attaque|attentat|frappe|fusillade))\b",
        # pictures of it come out: "video emerged showing ...", "footage has emerged of ..."
        r"\b(?:video|videos|footage|images|photos)\s+(?:has |have |had )?(?:emerged|surfaced)\b",
        # time points back at it: "a day after the attack", "au lendemain de l'attentat"
        r"\b(?:a day|two days|hours|the day|days) after " + _WHEN + r"\s*(?:\w+\s+){0,3}" + _EVENT + r"\b",
        r"\bau lendemain d(?:e|u|es)\s+(?:l'|la|le|les)?\s*" + _EVENT,
    ))
)


# An event known by its place's name: "in the Saint-Denis raid", "one of the Paris attackers".
_NAMED_EVENT = re.compile(
    r"\b(?:the|of the|in the) (?:[A-Z][\w'-]+ ){1,2}(?:attacks|attackers|raid|bombings|bombers|massacre|siege|"
    r"attack|bombing|shooting|gunmen)\b")


# Every cue above contains one of these: most reports have none, and skip the patterns.
_GATE = ("toll", "bilan", "responsib", "revendiqu", "claims", "claimed", "identif", "name", "arrest", "detain",
         "captured", "charged", " after ", "lendemain", "blam", "attribu", "impute", "emerged", "surfaced", "releas",
         "freed", "rescue", "libere", "liberation", "open", "resume", "rouv", "ouvert", "manhunt", "arrete", "interpell", "held",
         # (an airport's closure after or amid fighting holds one of its verbs)
         "suspend", "halt", "clos", "shut", "cancel", "grounded", "divert", "ferme", "annul", "interromp")


def is_follow_up(title: str, text: str) -> bool:
    """True when the title or lead refers back to an event it assumes is known."""
    return lead_cues(title, text)[0]


# A headline about a suspect caught after it: "Suspect arrested after Solingen knife attack", "un suspect arrete apres
# l'attaque au couteau" (the headline only: a first report's lead often ends "police arrested two men after the
# shooting").
_TITLE_CUES = re.compile(
    r"\b(?:arrest(?:s|ed)?|detain(?:s|ed)?|held|arrete\w*|interpelle\w*)\s+(?:[\w'-]+\s+){0,4}?(?:after|apres)\s+"
    + _WHEN + r"?\s*(?:[\w'-]+\s+){0,3}" + _EVENT + r"\b")


def _refers_back(lead: str, folded: str, title_len: int) -> bool:
    if _NAMED_EVENT.search(lead) is not None:
        return True
    if not any(word in folded for word in _GATE):
        return False
    return _CUES.search(folded) is not None or _LEAD_CUES.search(folded[: title_len + 240]) is not None \
        or title_len > 0 and _TITLE_CUES.search(folded[:title_len]) is not None


# A calm report (a trial, an arrest, a video) that still speaks of violence is often the aftermath
# of an event: it is asked for less than a story about something else altogether.
_VIOLENCE = re.compile(
    r"\b(?:shot|shoot(?:s|ing|ings)?|gunfire|gunm[ae]n|killed|killing|attack(?:s|ed|er|ers)?|stabb(?:ed|ing)|"
    r"bomb(?:s|ed|ing|ings|er|ers)?|raid(?:s|ed)?|massacre|clash(?:es|ed)?|protest(?:s|ers|ed|ing)?|riot(?:s|ing|ers)?|tear ?gas|explosions?|"
    r"hostages?|kidnapp(?:ed|ing)|abducted|tues?|tuees?|attaques?|attaquee?s?|attentats?|fusillade|enleves?)\b")


def speaks_of_violence(title: str, text: str) -> bool:
    return lead_cues(title, text)[1]


def lead_cues(title: str, text: str) -> tuple[bool, bool]:
    """(refers back to a known event, speaks of violence), from the title and lead, folded once."""
    lead = f"{title}\n{text[:800]}"
    folded = fold(lead)
    return _refers_back(lead, folded, len(title)), _VIOLENCE.search(folded) is not None


# A report that tells of another event than one a reader may know: "the second mosque blast in two days",
# "a day after a deadly attack in the west of the city" (an event, not the one), "au lendemain d'un attentat".
# Such a report is of a new event: it does not join one reported a day before.
_NEW_EVENT = re.compile(
    r"\b(?:second|third|fourth|another|fresh|new)\s+(?:[\w'-]+\s+){0,2}?" + _EVENT + r"\b[^.;]{0,40}?"
    r"\bin\s+(?:two|three|four|five|six|seven|a few|several|as many|\d+)\s+(?:days|weeks)\b"
    # "bandits kill 9 in another village raid", "Another bomb blast hits Kabul" (not "fears of another attack")
    r"|(?:(?<![^\n])|\bin\s+)another\s+(?:[\w'-]+\s+){0,2}?" + _EVENT + r"\b"
    r"|\b(?:a day|one day|two days|days|a week|hours)\s+after\s+(?:an?|another)\s+(?:[\w'-]+\s+){0,2}?" + _EVENT + r"\b"
    r"|\b(?:nouvel(?:le)?|deuxieme|seconde?|autre)\s+(?:[\w'-]+\s+){0,1}?" + _EVENT + r"[^.;]{0,40}?"
    r"\ben\s+(?:deux|trois|quatre|quelques)\s+(?:jours|semaines)\b"
    r"|\b(?:au lendemain|(?:deux|trois|quelques) jours apres)\s+d'une?\s+(?:[\w'-]+\s+){0,2}?" + _EVENT +
    # a run of raids: "drones attacked Kyiv for a second night running", "frappes ... pour la deuxieme nuit
    # consecutive" (raids, not clashes or protests: those "for a second day" go on, one event)
    r"|\b(?:drones?|missiles?|rockets?|shell(?:s|ing)|air ?strikes?|strikes?|air raids?|bomb(?:s|ing|ings)|"
    r"bombard\w*|frappes?|roquettes?)\b[^.;]{0,80}?(?:"
    r"\bfor (?:a|the) (?:second|third|fourth|fifth|sixth|\d+(?:nd|rd|th)) (?:straight |consecutive )?nights?\b"
    r"|\bpour la (?:deuxieme|troisieme|quatrieme|\d+e) nuit (?:consecutive|d'affilee)\b)"
    # the headline says it: "Russian drones hit Kyiv again" (one line: not "... again, officials said" in a body)
    r"|^[^.\n]{0,60}?\b(?:hits?|strikes?|attacks?|pounds?|rocks?|bombs?|shells?|targets?) (?:[\w'-]+ ){1,3}?again\b")
_NEW_EVENT_GATE = ("another", " after ", " days", " weeks", "lendemain", " jours", " semaines", " night", " nuit",
                   "again")


def tells_of_a_new_event(folded_lead: str) -> bool:
    """True when the (folded) lead sets its event apart from an earlier one."""
    if not any(word in folded_lead for word in _NEW_EVENT_GATE):
        return False
    return _NEW_EVENT.search(folded_lead) is not None


# A report about an event of an earlier year: a trial, a verdict or an anniversary ("court sentences 7 over a
# 2017 attack", "trial opens for man accused in 2022 Tulsa hospital shooting"). The year it names is the year
# of its event: beside a new event in the same place it is another story.
_OLD_EVENT = re.compile(
    r"\b(?:the|a|an|its|over|of|for|in)\s+((?:19|20)\d\d)\s+(?:[\w'-]+\s+){0,3}?" + _EVENT + r"\b"
    r"|\b" + _EVENT + r"\s+(?:de|d'|du)\s*((?:19|20)\d\d)\b")
_RETROSPECT = re.compile(
    r"\b(?:trial|court|judge|jury|sentenc\w*|convict\w*|verdict|acquit\w*|appeal|inquest|inquiry|extradit\w*|"
    r"anniversary|commemorat\w*|memorial|mourn\w*|remembrance|proces|tribunal|condamn\w*|anniversaire|"
    r"commemor\w*|hommage)\b")
_RETROSPECT_GATE = ("trial", "court", "judge", "jury", "sentenc", "convict", "verdict", "acquit", "appeal", "inquest",
                    "inquiry", "extradit", "anniversar", "commemor", "memorial", "mourn", "remembrance", "proces",
                    "tribunal", "condamn", "hommage")


def years_told_of(folded_lead: str) -> tuple[int, ...]:
    """The years of the events a retrospective lead tells of ("over a 2017 attack"); () for any other lead."""
    if not any(word in folded_lead for word in _RETROSPECT_GATE) or _RETROSPECT.search(folded_lead) is None:
        return ()
    return tuple(int(m[1] or m[2]) for m in _OLD_EVENT.finditer(folded_lead))


# A protest about an event ("Hundreds protest in Timbuktu after convoy attack", "manifestation a Tombouctou apres
# l'attaque d'un convoi"): another event than the attack it protests, whatever kind the analysis gives it. Only as
# the news itself, in the headline or the first sentence (an attack report may end "residents protested").
_PROTEST_ABOUT = re.compile(
    r"^[^.!?\n]{0,120}?\b(?:protest(?:s|ed|ing|ers)?|rall(?:y|ies|ied)|(?<!\d )march|marched|marches|demonstrat\w*|manifest\w*|"
    r"sit-ins?)\b[^.!?\n]{0,80}?\b(?:after|over|against|following|to (?:denounce|condemn)|apres|contre|suite a|"
    r"pour (?:denoncer|condamner))\s+(?:[\w'-]+\s+){0,5}?(?:l'|d')?" + _EVENT + r"\b",
    re.MULTILINE)
_PROTEST_GATE = ("protest", "rall", "march", "demonstrat", "manifest", "sit-in")
# ... or a tribute to its victims: "marche blanche en hommage a l'enseignant tue", "a vigil in memory of the victims"
# (a gathering after the event, which names the victim, not the attack)
_TRIBUTE = re.compile(
    r"^[^.!?\n]{0,120}?\b(?:marches? blanches?"
    r"|(?:vigils?|veillees?|rassemblements?|marches?|marched|gathered|memorial|ceremon(?:y|ies|ie)|minute'?s? (?:of )?silence)"
    r"\b[^.!?\n]{0,60}?\b(?:in (?:memory|honou?r) of|in tribute to|to (?:honou?r|mourn|remember)|en (?:hommage|memoire)|"
    r"a la memoire|pour (?:rendre )?hommage))\b",
    re.MULTILINE)
_TRIBUTE_GATE = re.compile("blanche|memory|honou?r|tribute|mourn|remember|hommage|memoire")


def protests_an_event(folded_title: str, folded_text: str) -> bool:
    """True when the headline or the first sentence tells of a protest about an event, or of a tribute to its
    victims (folded text)."""
    head = f"{folded_title}\n{folded_text[:400]}"
    if any(word in head for word in _PROTEST_GATE) and _PROTEST_ABOUT.search(head) is not None:
        return True
    return _TRIBUTE_GATE.search(head) is not None and _TRIBUTE.search(head) is not None

