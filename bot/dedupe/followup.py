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
    r"|^[^.!?\n]{0,80}?\brevendiqu\w*\s+(?:l'|la|le|les|cet(?:te)?)\s*" + _EVENT,
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
        # suspects held over it: "police arrest three men in connection with the bombing"
        r"\b(?:arrest(?:s|ed)?|detain(?:s|ed)?)\s+(?:[\w'-]+\s+){0,6}?(?:in connection with|over|for)\s+"
        + _WHEN + r"\s*(?:[\w'-]+\s+){0,3}" + _EVENT + r"\b",
        # someone is blamed for it: "the government blames the attack on the Haqqani network",
        # "India blames Jaish-e-Mohammed for the Uri attack"
        r"\bblam(?:e|es|ed|ing)\s+" + _WHEN + r"\s*(?:\w+\s+){0,2}" + _EVENT + r"\s+on\b",
        r"\bblam(?:e|es|ed|ing)\s+(?:[\w'-]+\s+){1,5}?for\s+" + _WHEN + r"\s*(?:[\w'-]+\s+){0,3}" + _EVENT + r"\b",
        r"\b(?:attribu\w*|impute\w*)\s+(?:l'|la|le|les|cet(?:te)?)\s*(?:\w+\s+){0,2}" + _EVENT + r"\s+(?:a|au|aux)\b",
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
_GATE = ("toll", "bilan", "responsib", "revendiqu", "identif", "name", "arrest", "detain", "captured", "charged",
         " after ", "lendemain", "blam", "attribu", "impute", "emerged", "surfaced")


def is_follow_up(title: str, text: str) -> bool:
    """True when the title or lead refers back to an event it assumes is known."""
    return lead_cues(title, text)[0]


def _refers_back(lead: str, folded: str, title_len: int) -> bool:
    if _NAMED_EVENT.search(lead) is not None:
        return True
    if not any(word in folded for word in _GATE):
        return False
    return _CUES.search(folded) is not None or _LEAD_CUES.search(folded[: title_len + 240]) is not None


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
