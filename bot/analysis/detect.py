"""Is this item a security incident, and of which kind?

Weighted cue phrases per kind (English and French, matched on folded text), minus the
"false friends" that use the same words for something else: sport ("attack", "shot",
"striker"), films, drills, anniversaries, trials and reports about old attacks, opinion,
cyber attacks, disasters and accidents. The title counts double: it says what the story is.
Harm ("killed", "wounded") and armed actors ("militants") are evidence that something happened, never
the kind: a bus plunging into a ravine kills people too. Words inside a plan or a fear ("planning to
explode a bomb") do not count; a headline that denies the event, or is about a charge or a trial, weighs
against it. A headline announcing an explainer, an analysis or an interview ("ce que l'on sait", "pourquoi ...",
"What we know about ...") is never an alert.
Meanings of the kinds live in categories.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

import ahocorasick

from bot.analysis.categories import PRIORITY
from bot.analysis.facts import Category
from bot.analysis.gate import Gated


class _Cue:
    """A word-bounded alternation of cue phrases, matched only where one of its literal prefixes starts.
    One Aho-Corasick pass finds every prefix of every cue at once (`_candidates`); a cue then tries
    `rx.match` at its own candidate positions instead of scanning the text. Every match starts with one
    of the prefixes, and matching candidates in order, each at or after the last match's end, is what
    `findall` does: the hits are the same. Parts without a literal prefix ("\\d+-\\d+ win") come with
    needles, words every match of theirs contains: the whole regex scans only texts holding one. A cue whose
    prefixes are frequent words ("took ... hostage") may also name `needs`, words every one of its matches
    contains: it is not tried at all on a text holding none of them."""

    __slots__ = ("rx", "id", "gated", "rest_needles", "needs")

    def __init__(self, parts: tuple[str, ...], rest_needles: tuple[str, ...] = (), needs: tuple[str, ...] = ()) -> None:
        self.rx = re.compile(r"\b(?:" + "|".join(parts) + r")\b")
        self.id = len(_CUES)
        prefixes = [_prefixes(p) for p in parts]
        self.gated = all(prefixes) or bool(rest_needles)
        self.rest_needles = rest_needles
        self.needs = needs
        if self.gated:
            for group in prefixes:
                for prefix in group or ():
                    _PREFIX_CUES.setdefault(prefix, set()).add(self.id)
        _CUES.append(self)

    def findall(self, text: str, candidates: dict[int, list[int]]) -> list[str]:
        """`rx.findall(text)`; `candidates` is `_candidates(text)`."""
        if not self.gated:
            return self.rx.findall(text) if not self.needs or any(needle in text for needle in self.needs) else []
        for needle in self.rest_needles:
            if needle in text:
                return self.rx.findall(text)
        starts = candidates.get(self.id)
        if not starts or (self.needs and not any(needle in text for needle in self.needs)):
            return []
        out: list[str] = []
        match = self.rx.match
        end = 0
        for start in starts:
            if start >= end:
                m = match(text, start)  # \b still sees the character before `start`
                if m is not None:
                    out.append(m.group())
                    end = m.end()
        return out


_CUES: list[_Cue] = []
_PREFIX_CUES: dict[str, set[int]] = {}
_META = set("\\()[]|.^$?*+{")


def _literal(part: str) -> str:
    """The literal text every match of `part` starts with ('' when it starts with a class or a group)."""
    out: list[str] = []
    i = 0
    while i < len(part):
        c = part[i]
        if c == "\\":
            if i + 1 < len(part) and not part[i + 1].isalnum():
                out.append(part[i + 1])
                i += 2
                continue
            break
        if c in "?*{":
            if out:
                out.pop()  # the character before is optional
            break
        if c in _META:
            break
        out.append(c)
        i += 1
    return "".join(out)


def _prefixes(part: str) -> tuple[str, ...] | None:
    """Literal prefixes (3+ characters) one of which every match of `part` contains; None when there are none."""
    depth = 0
    for i, c in enumerate(part):
        escaped = i > 0 and part[i - 1] == "\\"
        depth += (c == "(" and not escaped) - (c == ")" and not escaped)
        if c == "|" and depth == 0 and not escaped:
            return None  # "a|b" at the top: no single prefix
    head = _literal(part)
    if len(head) >= 3:
        return (head,)
    if head or not part.startswith("(?:"):
        return None
    depth, i = 0, 0
    for i, c in enumerate(part):  # the leading group "(?:a|b|c)" and its alternatives
        depth += c == "(" and (i == 0 or part[i - 1] != "\\")
        depth -= c == ")" and part[i - 1] != "\\"
        if depth == 0:
            break
    inner = part[3:i]
    if part[i + 1:i + 2] in ("?", "*", "{") or "(" in inner or "[" in inner:
        return None
    alternatives = [_literal(a) for a in inner.split("|")]
    if any(len(a) < 3 for a in alternatives) and part[i + 1:i + 2] not in ("?", "*", "{"):
        after = _literal(part[i + 1:])  # "(?:is|was) killed": "is killed", "was killed"
        alternatives = [a + after for a in alternatives]
    return tuple(alternatives) if all(len(a) >= 3 for a in alternatives) else None


def _rx(*parts: str, rest_needles: tuple[str, ...] = (), needs: tuple[str, ...] = ()) -> _Cue:
    return _Cue(parts, rest_needles, needs)


def _candidates(text: str) -> dict[int, list[int]]:
    """Gated cue id -> sorted positions in `text` where one of its prefixes starts."""
    found: dict[int, list[int]] = {}
    for last, (size, ids) in _PREFIX_AUTOMATON.iter(text):
        start = last + 1 - size
        for cue in ids:
            at = found.get(cue)
            if at is None:
                found[cue] = [start]
            else:
                at.append(start)
    for at in found.values():
        if len(at) > 1:
            at.sort()  # the automaton reports by end position
    return found


# "clashes between security forces and worshippers", "accrochage entre l'armée avec un groupe des jeunes": unrest.
_WITH_CIVILIANS = (r" (?:broke out |erupted |have |has )?(?:with|between|entre|avec) (?:[\w'-]+ ){0,6}?"
                   r"(?:youths?|jeunes|worshippers|fideles|pilgrims|students|etudiants|residents|habitants|villagers|villageois|"
                   r"civilians|civils|crowds?|foule|protesters|demonstrators|manifestants|supporters|partisans|eleveurs|agriculteurs|herders|farmers|"
                   r"communautes|communities|ethnies|clans|tribus|tribes|groupes ethniques|ethnic groups)")

# "clashes between Awami League and BNP supporters", "clashed with rival communities": a crowd's side, not an army's.
_CROWD_SIDE = (r" (?:broke out |erupted )?(?:with|between) (?:[\w'-]+ ){0,4}?(?:supporters|partisans|youths|protesters|demonstrators|"
               r"communities|farmers|herders|students|worshippers|residents|activists|rival (?:groups|gangs|factions))\b")

# An armed actor (named just before) takes a place: "seized the town of", "overran a base", "took control of the palace".
_TAKES_PLACE = (r"(?:[\w'-]+ ){0,4}?(?:seized|captured|overran|overrun|took|retook|recaptured|retaken|taken|seize|seizes|capture|"
                r"captures|overruns|take|takes|retake|retakes|recapture|recaptures) "
                r"(?:full |complete |effective |total )?(?:control (?:of|over) )?(?:the |a |an |two |three |four |several |most of |"
                r"much of |parts? of |large parts of |swathes of |dozens of )?(?:(?!to |into |from |at |in |for |with |on |part )[\w'-]+ ){0,2}?"
                r"(?:town|towns|city|cities|village|villages|district|districts|district cent(?:re|er)|base|bases|airbase|air base|"
                r"outpost|outposts|border crossing|crossing|checkpoint|police (?:station|headquarters)|barracks|province|"
                r"provincial capital|capital(?! (?:markets?|gains?|punishment|flight|expenditure|spending))|oil ?fields?|refinery|"
                r"airport|airfield|garrison|army post|military post|port|palace|state (?:television|tv|radio)|radio station|"
                r"television station|government buildings?|headquarters|prison|dam|bridge|hill|hilltop|territory|neighbou?rhoods?|"
                r"suburbs?)(?! council)")

# People killed or hurt later in the same sentence (no full stop or semicolon between).
_HARM_IN_SENTENCE = (r"\b[^.]{0,100}?\b(?:kill(?:s|ed|ing)?|dead|deaths?|died|wound(?:s|ed|ing)?|injur(?:es|ed|ing)|shot|tue|tues|"
                     r"tuee|tuees|morts?|blesses?|martyred)\b")

# An army taking a place, named after the verb: "Arakan Army captures Maungdaw", "troops recapture the town" (not "the army
# seized weapons", "troops captured three militants").
_ARMY_TAKES = (r"(?:[\w'-]+ ){0,3}?(?:capture|captures|captured|retake|retakes|retook|recapture|recaptures|recaptured|overrun|overruns|"
               r"overran) (?!(?:the |a |an |\d+ |two |three |four |five |several |dozens of |hundreds of |large quantities of )?"
               r"(?:[\w-]+ )?(?:suspects?|leaders?|commanders?|chiefs?|kingpins?|lords?|militants?|fighters|rebels|insurgents|jihadists|"
               r"members|men|women|children|soldiers|troops|policemen|weapons|arms|ammunition|drugs|cocaine|heroin|cash|documents|"
               r"equipment|vehicles?|tanks?|boats?|vessels?|ships?|hostages?|attention|hearts?|headlines|momentum|imagination|images?|"
               r"footage|prisoners|deserters|gunmen|pirates|smugglers|traffickers|votes?|seats?|elections?|city council|majority)\b)")

# Places and things an attack is aimed at, after "bombed the ...", "shelling of a ...".
_TARGET = (r"(?:[\w.'-]+ ){0,3}?(?:embassy|consulate|offices?|headquarters|school|schools|hospital|hospitals|market|marketplace|mosque|church|"
           r"synagogue|temple|shrine|hotel|restaurant|cafe|bar|nightclub|bank|police station|barracks|checkpoint|base|camp|compound|"
           r"village|villages|town|neighbou?rhood|district|residence|home|house|bus|train|station|airport|bridge|pipeline|"
           r"power (?:station|plant|lines?)|pylons?|convoy|ministry|parliament|courthouse|stadium|shelter|refinery|"
           r"health (?:cent(?:re|er)|facility|post)|clinic|medical (?:cent(?:re|er)|facility))")

# (pattern, weight) per kind. Weight 2 = enough on its own in a title; 1 = supporting.
CUES: dict[Category, tuple[tuple[_Cue, float], ...]] = {
    Category.ARMED_ATTACK: (
        (_rx(r"gunm[ae]n", r"armed (?:men|assailants|attackers|militants|group|bandits|robbers)", r"militants? (?:attack(?:ed|s)?|stormed|seized|overran|killed)",
             r"insurgents? (?:attack(?:ed|s)?|stormed|killed)", r"stormed", r"storming", r"ambush(?:ed|es)?", r"massacred?", r"massacr(?:ent|ing|ons)",
             r"(?:attack|assault|raid)(?:ed|s)?(?<!air raid)(?<!air raids)(?<!air attack)(?<!air attacks) (?:on |against )?(?:a |an |the )?(?:main )?(?:[\w.-]+ ){0,2}(?:military|army|police|gendarmerie|base|camp|convoy|checkpoint|village|villages|towns|camps|bases|convoys|checkpoints|posts|schools|churches|mosques|markets|hotel|school|church|mosque|market|barracks|post|patrol|outpost|town|embassy|compound|prison|station|consulate|office|offices|airport|bus|train|restaurant|home|house|headquarters|"
             r"hospital|university|college|mall|courthouse|residence|shops?|shrine|temple|synagogue|cathedral|wedding|funeral|rally|"
             r"health (?:cent(?:re|er)|facility|post)|clinic|medical (?:cent(?:re|er)|facility)|neighbou?rhood|district|suburb|displacement camp)",
             # present tense, as summaries write: "gunmen storm a prison", "rebels attack a village"
             r"(?:gunmen|militants|insurgents|rebels|jihadists|terrorists|attackers|assailants|bandits|extremists|islamists|fighters|guerrillas|"
             r"separatists|militiamen) (?:[\w'-]+ ){0,2}?(?:storm|storms|attack|attacks|raid|raids|overrun|overruns|overran|ambush|ambushes|"
             r"besiege|besieges|besieged)",
             r"(?:hommes armes|individus armes|assaillants|jihadistes|djihadistes|terroristes|rebelles|miliciens|bandits armes|insurges|"
             r"separatistes|islamistes|combattants|gangs|gangs armes|membres de gangs|bandits|groupes armes|hommes en armes) "
             r"(?:[\w'-]+ ){0,3}?(?:ont attaque|attaquent|ont tue|tuent|"
             r"ont pris d'assaut|prennent d'assaut)",
             # one attacker: "un assaillant tue deux personnes", "un homme arme a ouvert le feu"
             r"un (?:assaillant|homme arme|individu arme|tireur|agresseur) (?:[\w'-]+ ){0,3}?(?:a attaque|attaque|a tue|tue|"
             r"a poignarde|poignarde|a blesse|blesse)",
             r"(?:eglise|mosquee|camp|base|poste|convoi|village|ecole|caserne|gendarmerie|commissariat|position|patrouille|hotel|marche)s? "
             r"(?:[\w'-]+ ){0,5}?attaquee?s?(?! en justice)",
             # "des militants armés ont pris d'assaut un hôtel" (the crowd storming parliament is unrest's)
             r"(?:ont|a|avaient|avait) pris d'assaut (?:un |une |le |la |l'|des |les |plusieurs )?(?:[\w'-]+ )?(?:hotels?|camps?|bases?|postes?|"
             r"casernes?|prisons?|villages?|ecoles?|eglises?|mosquees?|gendarmeries?|commissariats?|restaurants?|centres? commerciaux|"
             r"centre commercial|positions?|localites?)", r"poignarde(?:e|s|es)?", r"(?:a|ont) poignarde",
             r"attaquee?s? (?:par|lundi par|mardi par|mercredi par|jeudi par|vendredi par|samedi par|dimanche par) (?:des |les |un |une |de |d')?"
             r"(?:[\w-]+ )?(?:jihadistes|djihadistes|terroristes|rebelles|hommes armes|individus armes|assaillants|bandits|miliciens|"
             r"insurges|islamistes|gangs|combattants|separatistes|inconnus)",
             r"terrorist attacks?", r"terror attacks?", r"(?:came|comes|come|coming) under attack",
             # "twelve people were killed in an attack", "tuées dans une attaque": harm done by an attack
             r"(?:killed|wounded|injured|died) (?:in|during) (?:an|the|a|two|twin) (?:(?!heart|shark|bear|dog|animal|asthma|panic|crocodile|"
             r"lion|tiger|elephant|hippo|snake|bee|wolf)[\w-]+ )?attacks?(?! (?:dogs?|helicopters?|ads?|submarines?))",
             r"(?:tue|tues|tuee|tuees|blesse|blesses|blessee|blessees|morts?) (?:dans|lors d') ?(?:une|l'|deux) (?:[\w-]+ )?attaques?",
             r"(?:soldiers|troops|peacekeepers|peace-keepers|policemen|police officers|police|patrols?|convoys?|bases?|camps?|checkpoints?|gendarmes|"
             r"forces|guards|villagers|civilians) (?:[\w'-]+ ){0,6}?(?:were|was|have been|has been|had been) (?:attacked|ambushed)", r"militant attacks?", r"jihadist attacks?", r"rebel attacks?", r"assailants",
             r"stab(?:s|bed|bing)? (?:\w+ )?(?:people|persons|passersby|passers-by|worshippers|police|officers?|soldiers?|civilians|students)",
             r"knife attack", r"attaques? au couteau", r"stabb(?:ed|ing) and (?:wounded|killed|injured)",
             # the attacker named by the weapon: "a knife attacker kills two", "knifeman", "un assaillant arme d'un couteau"
             r"(?:knife|axe|machete|hammer|sword) (?:attackers?|assailants?|m[ae]n)", r"knifem[ae]n",
             r"(?:assaillant|agresseur|individu|homme)s? arme(?:e|s)? d'(?:un )?(?:couteau|machette|hache|arme blanche)", r"assassination attempt", r"assassinated", r"assassinations?(?! (?:of (?:[\w'-]+ ){1,3})?(?:anniversary|plot))",
             r"assassine(?:e|s|es)?", r"assassinats?",
             # arson by armed groups or attackers: "militants torched three schools", "des assaillants ont incendie"
             r"(?:militants|insurgents|rebels|gunmen|attackers|assailants|jihadists|extremists|arsonists|guerrillas|separatists|"
             r"assaillants|jihadistes|djihadistes|terroristes|rebelles|hommes armes|individus armes|bandits|separatistes|miliciens|islamistes|"
             r"insurges|gangs|gangs armes|membres de gangs|gangsters|settlers|colons) (?:[\w'-]+ ){0,4}?"
             r"(?:set (?:fire|ablaze)|sets (?:fire|ablaze)|torch|torches|torched|burn(?:ed|t|s)? down|firebombed|ont incendie|incendient|ont brule|brulent)",
             r"arson attacks?",
             # the killer named after the harm: "un Palestinien tué par des colons", "two villagers shot dead by bandits"
             r"(?:killed|shot dead|shot|wounded|injured|stabbed|hacked|tue|tues|tuee|tuees|blesse|blesses|abattu|abattus|poignarde) "
             r"(?:[\w-]+ )?(?:by|par) (?:des |les |de |d'|an? |the |suspected |presumed |presumes |armed )?(?:[\w-]+ )?(?:gunmen|militants|"
             r"insurgents|jihadists|rebels|bandits|settlers|attackers|assailants|extremists|terrorists|militiamen|colons|jihadistes|"
             r"djihadistes|terroristes|rebelles|hommes armes|individus armes|assaillants|bandits armes|miliciens)\b",
             # "targeted in an attack", "vise par une attaque"
             r"(?:targeted|hit) (?:in|by) (?:an |a )?(?:[\w-]+ )?attack", r"(?:vise|visee|vises|visees|cible|ciblee|cibles|ciblees) par "
             r"(?:une |des )?attaques?", r"attempted assassination", r"tentative d'assassinat", r"attack(?:ed|s|ing)? (?:\w+ )?(?:passersby|passers-by|people|civilians|worshippers|villagers|pedestrians|shoppers|travell?ers|tourists|"
             r"passengers|commuters|guests|customers|diners|worshipers|residents|pupils|schoolchildren)",
             # "insurgents launch a coordinated assault on the parliament"
             r"launch(?:es|ed|ing)? (?:an? |the |their )?(?:[\w-]+ ){0,2}?(?:assault|attack|raid)s? (?:on|against)",
             # a vehicle driven into people on purpose: "a man drives a truck into a crowd"
             r"(?:drove|drives|drive|driving|ploughed|plowed|ploughs|plows|rammed|smashed) (?:a |an |his |her |their |the )?(?:[\w-]+ ){0,2}?"
             r"(?:truck|lorry|car|van|vehicle|bus|suv)s? into (?:a |the )?(?:[\w-]+ ){0,2}?(?:crowds?|pedestrians|people|shoppers|worshippers|"
             r"protesters|demonstrators|passersby|passers-by|soldiers|police|policemen|revellers|cyclists|market)",
             # ... told in the passive: "a truck is driven into a Christmas market", "a van was driven into pedestrians"
             r"(?:truck|lorry|car|van|vehicle|bus|suv) (?:is |was |has been |had been )?(?:driven|deliberately driven|rammed) into "
             r"(?:a |the )?(?:[\w-]+ ){0,2}?(?:crowds?|pedestrians|people|shoppers|worshippers|protesters|demonstrators|passersby|"
             r"passers-by|soldiers|police|revellers|cyclists|markets?)",
             # ... told with the vehicle as the subject: "Car drives into crowd at Christmas market", "truck ploughs into shoppers"
             r"(?:truck|lorry|car|van|vehicle|suv)s? (?:drives|drove|ploughs|ploughed|plows|plowed|rams|rammed) into (?:a |the )?"
             r"(?:[\w-]+ ){0,2}?(?:crowds?|pedestrians|people|shoppers|worshippers|protesters|demonstrators|passersby|passers-by|soldiers|"
             r"police|revellers|cyclists|markets?)",
             # an attack fought off is an attack: "the army says it repelled an attack by Boko Haram on its base" (not a
             # plot "foiled" by arrests)
             r"(?:repelled|repulsed|fought off|beat back|repoussee?s?) (?:an? |the |une |l')?(?:[\w-]+ )?"
             r"(?:attacks?|assault|raid|attaques?|offensive|incursion)",
             r"claim(?:ed|s)? responsibility for (?:the |a |an |this |that )?(?:\w+ )?(?:attacks?|bombings?|blasts?|explosions?|assault|killings?|shootings?)",
             # "claimed credit for the murders": killings claimed by a group
             r"claim(?:ed|s)? (?:responsibility|credit) for (?:the |a |an |this |that )?(?:\w+ )?(?:murders?|assassinations?)", r"revendique (?:l'attaque|l'attentat)", r"hacked to death", r"behead(?:s|ed|ing)?", r"plow(?:s|ed)? into", r"plough(?:s|ed)? into", r"rammed",
             r"hommes armes", r"individus armes", r"assaillants", r"attaque (?:terroriste|jihadiste|djihadiste|armee|rebelle|islamiste|separatiste|contre|d'un|d'une|de la|du|des)",
             r"attaques? (?:terroristes|jihadistes|djihadistes|rebelles|islamistes|separatistes)",
             # a front page's "Attaque de Grand-Bassam : au moins 16 morts"
             r"attaques? (?:de |d'|du |a )[^.:]{0,40}:? (?:au moins |plus de )?\d+ (?:morts|tues|blesses)", r"embuscade",
             # "une attaque de Boko Haram", "l'EIGS attaque plusieurs villages"
             r"attaques? (?:de |d')(?:boko haram|l'etat islamique|l'ei\w*|jihadistes|djihadistes|terroristes|rebelles|bandits|miliciens|"
             r"hommes armes|individus armes|insurges|islamistes|groupes? arme\w*|presumes jihadistes)",
             r"attaque(?:nt)? (?:plusieurs |des |un |une |le |la |les |l')?(?:[\w-]+ )?(?:villages?|positions?|postes?|camps?|bases?|convois?|"
             r"patrouilles?|localites?|casernes?|gendarmeries?|commissariats?|sites? de deplaces|ecoles?|eglises?|mosquees?)", r"ont attaque", r"a ete attaque", r"ont ete attaques?",
             r"attentats?", r"terroristes? presumes?", r"jihadistes presumes", r"tuerie",
             # a headline telling an attack by its toll: "Attack kills five in Baghdad", "Attack in Mir Ali, Pakistan kills two"
             # (not "heart attack kills", nor "air attack": a military one)
             r"attacks?(?<!heart attack)(?<!heart attacks)(?<!shark attack)(?<!dog attack)(?<!bear attack)(?<!panic attack)"
             r"(?<!asthma attack)(?<!air attack)(?<!air attacks)(?<!cyber attack)(?<!cyber-attack) (?:(?:in|on|near|at|against) "
             r"(?:[\w'.,-]+ ){1,5}?)?(?:kills?|killed|leaves? (?:\w+ ){0,2}?dead|wounds|injures)",
             # people attacked, in French: "des Casques bleus pris pour cible à Bria", "des soldats attaqués près de Gao" (not
             # "attaqués en justice")
             r"(?:casques bleus|soldats|militaires|policiers|gendarmes|civils|villageois|fideles|humanitaires|convois?|patrouilles?|"
             r"elements|agents de securite|forces de defense|forces de securite) (?:[\w'-]+ ){0,5}?(?:attaquee?s?|pris(?:es)? pour cibles?|"
             r"pris(?:es)? (?:a partie|en embuscade)|tombee?s? dans une embuscade)(?! en justice| en diffamation| verbalement| (?:[\w'-]+ ){0,4}?par (?:des |les |une |la |de |d')?(?:[\w-]+ )?(?:manifestants|protestataires|foule|jeunes|emeutiers|habitants))"), 2.0),
        (_rx(r"attack(?:ed|ers?|s)?", r"assault(?:ed)?", r"assailant",
             r"(?:knife|axe|machete|sword|hammer|gun)-wielding", r"wielding (?:a |an )?(?:knife|axe|machete|sword|hammer|gun|rifle|pistol)", r"attaques?", r"set (?:fire|ablaze)", r"torched", r"burnt down", r"burned down",
             r"stabs?", r"rampage", r"battle[ds]?", r"hostilities", r"fired upon", r"fired on", r"machete", r"stabb(?:ed|ing)",
             r"violence", r"violences", r"raids?(?<!air raid)(?<!air raids)", r"raided", r"arsonists?", r"attaquee?s?"), 1.0),
    ),
    Category.BOMBING: (
        (_rx(r"bomb(?:s|ing|ings|ed)?(?! (?:threats?|scares?|hoax(?:es)?|alerts?))",
             # "des soldats tués par une mine près de Diffa"
             r"(?:tue|tues|tuee|tuees|blesse|blesses|morts?) (?:[\w'-]+ )?(?:par|dans l'explosion d') ?(?:une |des )?mines?(?: antipersonnel| artisanales?)?\b",
             # "B-2 stealth bombers", "strategic bombers": aircraft, not people who set off bombs
             r"bomber(?<!stealth bomber)(?<!strategic bomber)(?<!long-range bomber)(?<!heavy bomber)(?<!b-\d bomber)"
             r"(?<!b-\d\d bomber)s?", r"blasts?(?! from the past)", r"explosions?", r"explosives?",
             r"exploded", r"explodes?", r"ieds?", r"dynamit(?:e|ed|ing)",
             r"improvised explosive", r"car bomb", r"suicide (?:bomber|attack|bombing)", r"grenades?", r"detonat(?:ed|ion|es|e|ing)",
             r"landmines?", r"roadside bomb", r"kamikaze", r"engin explosif", r"engins explosifs", # not "une alerte à la bombe" (a threat: a disruption)
             r"bombes?(?<!alerte a la bombe)(?<!menace a la bombe)(?<!alertes a la bombe)(?<!menaces a la bombe)", r"explosion", r"attentat[- ]suicide",
             r"voiture piegee", r"vehicule piege", r"mine artisanale", r"defused", r"rocket[- ]propelled grenade",
             r"fire ?bomb(?:s|ed|ing|ings)?", r"molotov", r"incendiary devices?", r"went off", r"blew (?:himself|herself|themselves) up", r"blown up",
             r"blow(?:s|ing)? up",
             # "guerrillas blew up a section of the pipeline" (not "the row blew up")
             r"blew up (?:a |an |the |two |three |several |part of (?:the |a )?|a section of (?:the |a )?)?(?:[\w-]+ ){0,3}?(?:pipelines?|bridges?|"
             r"cars?|vehicles?|bus|buses|buildings?|stations?|railway|rail line|tracks|pylons?|towers?|embassy|offices?|houses?|homes?|"
             r"checkpoints?|posts?|convoys?|tanks?|trucks?|trains?|mosques?|churches|church|schools?|planes?|aircraft|hotels?|banks?|"
             r"depots?|barracks|headquarters)",
             r"a saute(?:nt)? sur (?:une |des |un )?(?:mines?|engins? explosifs?)",
             r"ont saute(?:nt)? sur (?:une |des |un )?(?:mines?|engins? explosifs?)",
             r"saute(?:nt)? sur (?:une |des |un )?(?:mines?|engins? explosifs?)", r"desamorce(?:e|s|es|r)?", r"(?:colis|lettre|paquet|engin|moto|voiture|vehicule|camion) piegee?s?",
             # "un EEI" (engin explosif improvisé), "un véhicule touché par une mine", "le convoi a heurté un engin explosif"
             r"eei", r"(?:heurte|touche)e?s? (?:par |sur )?(?:une |un |des )?(?:mines?|eei|engins? (?:explosifs?|artisanaux|artisanal))",
             # the causative: "les jihadistes font exploser un pont", "ont fait sauter un pylône", "un kamikaze s'est fait exploser"
             # (not "fait exploser les prix / les cas")
             r"(?:font|fait|ont fait|a fait|avoir fait|faisant) (?:exploser|sauter) (?:un |une |le |la |les |des |deux |trois |plusieurs |l')?"
             r"(?:[\w-]+ ){0,2}?(?:ponts?|vehicules?|voitures?|bus|cars?|camions?|pylones?|bombes?|charges?|engins?|ceintures?|gazoducs?|"
             r"oleoducs?|pipelines?|batiments?|immeubles?|maisons?|ecoles?|eglises?|mosquees?|postes?|voies? ferrees?|rails?|antennes?|"
             r"convois?|checkpoints?|barrages?|residences?|bureaux)",
             r"s'est fait exploser", r"s'etait fait exploser", r"se sont fait exploser", r"se (?:fait|font|faisant) exploser"), 2.0),
        (_rx(r"(?:threw|thrown|tossed|hurled|lobbed) (?:[\w-]+ ){0,4}(?:at|into)", r"(?:ripped|tore) through"), 1.0),
        # the attack told by its device, a group of its own so that it outweighs the "attack" of the same phrase: "Grenade
        # attack on a market", "a suicide bomber attacked a police station", "attaque à la grenade"
        (_rx(r"(?:grenade|suicide|car bomb|truck bomb|bomb|ied|explosive) attacks?",
             r"(?:suicide bombers?|car bombers?|bombers?) (?:[\w'-]+ ){0,2}?(?:attack|attacks|attacked|struck|strikes|targeted|hit|hits)",
             # "attacked a police station with explosives", "ont attaqué le poste avec des explosifs"
             *(verb + r" (?:[\w'-]+ ){0,5}?(?:with|avec|a l'aide d') (?:an? |des |un |une )?(?:[\w-]+ )?(?:explosives?|explosifs?|bombs?|"
               r"bombes?|grenades?|ieds?|engins? explosifs?)\b" for verb in (r"attack(?:ed|s)?", r"(?:ont attaque|attaquent|a attaque)")),
             r"attaques? (?:a la grenade|a l'engin explosif|a la bombe|a la voiture piegee|kamikaze|suicide|a l'explosif|aux explosifs|"
             r"au vehicule piege|a la moto piegee|a l'eei)"), 2.0),
        # a target named beside the bombing, a group of its own: "bombed the Bolivian Embassy", "the bombing of a market"
        (_rx(r"(?:bombed|bombs|bombing|bombings|firebomb|firebombed|firebombs|firebombing|blew up|blow up|blows up|blowing up|blown up) (?:of |at |on |against )?(?:an? |the |two |three |several )?" + _TARGET), 2.0),
    ),
    Category.SHOOTING: (
        (_rx(r"shooting(?! stars?)", r"shootings", r"shot dead", r"shot and killed", r"opened fire", r"open fire", r"opens fire", r"opening fire", r"gunfire", r"gunshots?",
             r"sniper", r"gunman", r"shooter", r"fusillade", r"ont ouvert le feu", r"a ouvert le feu", r"coups de feu", r"tirs(?! au but)",
             r"abattus?", r"par balles?", r"mass shooting",
             r"(?:people|persons|men|women|teenagers|teens|students|children|officers|others) (?:were|was|have been|had been|are|got) shot\b", r"mitraill(?:e|es|ee|ees|ent|ant|age)", r"fired (?!(?:[\w-]+ ){0,2}?(?:mortars?|rockets?|missiles?|shells?|grenades?|tear ?gas|rubber|water)\b)(?:[\w-]+ ){0,2}(?:shots|on|at|into)", r"fatally shot", r"shot (?:at|and wounded|in the)",
             r"shoots? (?:into|at|dead)", r"gunfights?", r"shootouts?", r"shoot-outs?", r"gun ?battles?", r"exchang(?:e|es|ed|ing) (?:heavy |sporadic |intense )?(?:fire|gunfire)",
             r"echanges? de tirs", r"shot (?:\w+ )?(?:people|civilians|officers|policemen|troopers|soldiers)",
             r"(?:were|was) shot", r"injured by gunfire",
             r"(?:came|comes|come|coming) under (?:heavy |sustained |small[- ]arms )?(?:fire|gunfire)(?! (?:for|over|after|from (?:critics|lawmakers|opposition|rights groups)))",
             r"shots (?:were |had been |have been )?fired",
             # soldiers or police turning their guns on each other: "soldiers fire on each other", "a soldier opened fire on
             # fellow troops", "des soldats tirent les uns sur les autres"
             r"(?:fired|fire|fires|firing|shot|shoot|shoots|shooting|opened fire|opens fire|open fire) (?:on |at |upon )?"
             r"(?:each other|one another|(?:his |their )?fellow (?:soldiers|troops|officers|policemen|police officers|guards|servicemen)|"
             r"(?:his |their )?(?:colleagues|comrades|comrades-in-arms))",
             r"turned (?:his|their) (?:guns?|weapons?|rifles?) on (?:each other|one another|(?:his |their )?(?:fellow|colleagues|comrades))",
             r"(?:tirent|ont tire|tire|se tirent|se sont tire dessus|ouvre le feu|a ouvert le feu|ont ouvert le feu) (?:sur )?"
             r"(?:les uns sur les autres|(?:ses|leurs) (?:collegues|camarades|freres d'armes))"), 2.0),
        (_rx(r"shot", r"guns?", r"rifles?", r"pistol"), 0.5),
    ),
    Category.KIDNAPPING: (
        (_rx(r"kidnap(?:ped|ping|pers|s)?", r"abduct(?:ed|ion|ions|s)?", r"hostages?", r"hijack(?:ed|ing|er|ers)?", r"taken captive",
             r"seized (?:a |the )?(?:[\w-]+ ){0,2}?(?:plane|aircraft|airliner|ship|vessel|bus|tanker|freighter|boat|trawler|yacht)",
             r"pirates? (?:[\w'-]+ ){0,2}?(?:seized|hijacked|attacked|boarded|captured|took|seize|seizes|hijack|hijacks|attack|attacks|board|boards|capture|captures)",
             # a vessel or a plane taken, told in the passive: "Tanker seized by Iranian navy", "ship hijacked by pirates"
             r"(?:ships?|vessels?|tankers?|freighters?|boats?|trawlers?|yachts?|planes?|aircraft|airliners?|cargo ships?) (?:was |were |has been "
             r"|have been |is |are )?(?:seized|hijacked|boarded|captured) by",
             r"(?:seized|snatched|grabbed|carried off) (?:[\w-]+ ){0,3}?(?:passengers|villagers|students|schoolchildren|schoolgirls|pupils|"
             r"workers|tourists|travell?ers|worshippers|women|children|girls|civilians|farmers)", r"enlev(?:e|es|ee|ees|ement|ements|ent)", r"otages?", r"rapt",
             r"kidnapp(?:e|es|ee|ees|ent)", r"prise d'otages", r"pris en otage", r"detournement d'avion", r"held captive",
             r"taken to an unknown (?:location|destination)", r"emmenes? vers une destination inconnue",
             # "dozens of soldiers seized by locals": people taken by a group (not arrested by the authorities)
             r"(?:soldiers|troops|policemen|police officers|officers|workers|engineers|tourists|journalists|villagers|civilians|"
             r"staff|students|passengers) (?:were |have been |had been )?(?:seized|captured|held|taken|rounded up) by "
             r"(?!(?:the )?(?:police|authorities|security forces|immigration|customs|border))"), 2.0),
        # hostage-taking told with its verb, a group of its own so that it adds to "hostages": "gunmen seize hostages at a
        # theatre", "took hundreds hostage", "are holding 20 people hostage"
        (_rx(r"(?:seize|seizes|seized|seizing|take|takes|took|taking|taken|hold|holds|held|holding) (?:[\w-]+ ){0,3}?hostages?", needs=("hostage",)), 2.0),
        # an armed group as the kidnapper, a group of its own so that it outweighs the "gunmen" of the same phrase: "Gunmen
        # kidnap dozens of students", "ELN rebels kidnapped the father of a footballer", "des hommes armés enlèvent un chef"
        (_rx(r"(?:gunmen|militants|insurgents|rebels|jihadists|terrorists|attackers|assailants|bandits|extremists|islamists|fighters|"
             r"guerrillas|separatists|militiamen|pirates|kidnappers|gangs|gang members) (?:[\w'-]+ ){0,2}?(?:kidnap|kidnaps|kidnapped|"
             r"abduct|abducts|abducted)",
             r"(?:hommes armes|individus armes|assaillants|jihadistes|djihadistes|terroristes|rebelles|miliciens|bandits|ravisseurs|"
             r"gangs|gangs armes|membres de gangs|pirates) (?:[\w'-]+ ){0,2}?(?:enlevent|ont enleve|kidnappent|ont kidnappe)"), 2.0),
    ),
    Category.UNREST: (
        (_rx(r"protests?", r"protesters?(?! (?:contre|pour|aupres|vivement|energiquement|devant))", r"protestors?", r"demonstrators?", r"demonstrations?", r"riots?", r"rioters?", r"rioting",
             r"tear ?gas", r"unrest", r"clash(?:ed|es)? (?:with|between) (?:police|protesters|demonstrators|security forces|rival)",
             # "des violences interreligieuses font cinq morts", "la police tire sur des étudiants"
             r"violences (?:[\w-]+ )?(?:font|ont fait|a fait|fait) (?:au moins |plus de )?(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|"
             r"neuf|dix|plusieurs|des dizaines de|une dizaine de) (?:morts|tues|blesses)",
             r"(?:police|policiers|forces de l'ordre|forces de securite|gendarmes|soldats|militaires) (?:[\w'-]+ ){0,2}?(?:tire|tirent|a tire|"
             r"ont tire) (?:a balles reelles )?sur (?:des |les )?(?:manifestants|etudiants|eleves|foule|protestataires|jeunes|"
             r"grevistes|fideles)",
             r"manifestations?", r"manifestants?", r"emeutes?", r"heurts", r"gaz lacrymogenes?", r"marche de protestation",
             r"sit-in", r"march(?:ed)? (?:on|through|against)", r"looting", r"pillages?", r"barricades?", r"counter-protesters",
             r"dispersion des marches", r"marches? contre", r"dispers(?:e|es|ed|ent|ing) (?:the |a |an |une |un |la |les |des |le )?(?:[\w-]+ )?(?:crowds?|protest\w*|demonstrat\w*|marche?s?|march|rall(?:y|ies)|"
             r"manifest\w*|rassemblements?|foule|sit-in|protesters|manifestants)",
             # crowd-control weapons: "police fired rubber bullets at protesters" is unrest, not a shooting
             r"rubber bullets?", r"water cannons?",
             r"ont manifeste", r"took to the streets", r"descendus? dans (?:la|les) rues?", r"protest(?:ed|ing) (?:against|in|outside|at|near|on|over|across|through|for)",
             r"(?:communal|ethnic|sectarian|religious|tribal|inter-?communal|post-?election|street) (?:clashes|violence|riots?|fighting)",
             # "Hindu-Muslim clashes in Nuh", "Buddhist-Muslim violence", "caste clashes"
             r"(?:hindu|muslim|christian|buddhist|sikh|caste|clan|inter-?faith|inter-?religious)(?:-\w+)? (?:clashes|violence|riots?)",
             # "Violence erupts in Murshidabad over the Waqf law", "des violences ont éclaté à Mbacké"
             r"violence (?:erupts|erupted|broke out|breaks out|flares|flared|spread|spreads)",
             r"violences (?:ont eclate|eclatent|ont eclate|ont repris|se poursuivent)",
             # a mob killing: "Mob lynches two men", "lynché par la foule"
             r"(?:mobs?|crowds?|villagers|foule) (?:[\w'-]+ ){0,2}?(?:lynch(?:es|ed|ing)?|beat (?:[\w'-]+ ){0,2}?to death)",
             r"lynch(?:ed|ing)? (?:by|par) (?:an? |the |une |la )?(?:angry |enraged )?(?:mob|crowd|foule)", r"lynchages?",
             r"(?:affrontements|violences|heurts) (?:intercommunautaires|interethniques|ethniques|communautaires|religieuses|"
             r"confessionnelles|tribales|post-?electora(?:les|ux))",
             r"burn(?:ed|ing|t|s)? (?:tyres|tires)", r"pneus brules", r"echauffourees?", r"scuffles?", r"scuffled", r"balles en caoutchouc", r"canons? a eau",
             # a march broken up: "marche de l'opposition réprimée", "la police a réprimé une manifestation"
             r"(?:marches?|manifestations?|rassemblements?|sit-in|protests?|demonstrations?|rally|rallies) (?:[\w'-]+ ){0,4}?"
             r"(?:violemment |brutalement |durement )?(?:reprimee?s?|dispersee?s?|brutally dispersed|violently dispersed|broken up)",
             r"(?:reprime|reprimee|reprimes|reprimees|reprimer|reprimant|repriment|ont reprime|a reprime) (?:dans le sang |violemment )?"
             r"(?:une |la |les |des |un |le )?(?:marches?|manifestations?|manifestants|rassemblements?|protestataires|sit-in)"), 2.0),
        # clashes with a crowd or between communities, a group of its own so that it adds to "manifestants" in the same phrase:
        # "affrontements entre forces de l'ordre et manifestants", "violences entre manifestants et policiers"
        (_rx(*(word + _WITH_CIVILIANS for word in (r"clash(?:es|ed)?", r"affrontements?(?: (?:meurtriers|violents|sanglants))?", r"accrochages?", r"heurts",
                                                         r"violences(?: (?:meurtrieres|intercommunautaires))?"))), 2.0),
        # a crowd on the move, a group of its own so that it adds to "protesters": "thousands of protesters march through",
        # "tens of thousands of people demonstrate", "migrants riot at a camp"
        (_rx(r"(?:thousands|hundreds|dozens|crowds|milliers|centaines|dizaines) (?:of [\w-]+ |de [\w-]+ )?(?:rallied|marched|gathered|demonstrated|"
             r"march|rally|gather|demonstrate|protest|protested|block|blocks|blocked|ont defile|ont marche|defilent|manifestent)",
             r"riot(?:ed|s|ing)? (?:at|in|over|outside|across|after|against|erupt\w*|broke out|break out)"), 2.0),
        # forces firing on a crowd, a crowd burning or wrecking things (a group of its own, so "protesters" counts too):
        # "police fired live rounds at protesters", "youths torched the police station", "des jeunes ont incendie"
        (_rx(r"tirs? (?:a balles reelles )?(?:contre|sur) (?:des |les |la )?(?:manifestants|protestataires|foule|marcheurs)",
             # a building burnt by a crowd, told as a noun: "l'incendie du Parlement par des manifestants"
             r"incendies? (?:du |de la |des |de l'|d')(?:[\w'-]+ ){0,3}?par (?:des |les )?(?:manifestants|emeutiers|jeunes|protestataires|foule)",
             r"(?:fired|opened fire|shot|tire) (?:[\w-]+ ){0,3}?(?:on|at|into|sur) (?:the |a |des |les )?(?:[\w-]+ )?(?:protesters|demonstrators|crowds?|"
             r"rioters|manifestants|foule)",
             r"(?:protesters|demonstrators|rioters|crowds?|mobs?|manifestants|emeutiers) (?:[\w'-]+ ){0,2}?(?:storm|storms|stormed|broke into|"
             r"ransack|ransacks|ransacked|envahi|envahissent|ont envahi|ont pris d'assaut)",
             r"(?:youths|jeunes|mobs?|crowds?|foule|rioters|emeutiers|protesters|manifestants|demonstrators) (?:[\w'-]+ ){0,4}?"
             r"(?:set (?:fire|ablaze)|torched|burn(?:ed|t) down|ransacked|looted|stoned|pelted|ont incendie|ont saccage|ont brule|"
             r"sets? (?:fire|ablaze)|torch|torches|burns? down|ransacks?|loots?|stones?|pelts?|incendient|saccagent)",
             r"(?:incendiee?s?|saccagee?s?|pillee?s?|torched|ransacked|looted|set on fire) (?:par|by) (?:des |les |the |a |an )?(?:[\w-]+ )?(?:manifestants|jeunes|"
             r"emeutiers|foule|protesters|demonstrators|rioters|mobs?|crowds?|youths)"), 2.0),
        # clashes or violence after an election or a verdict: "Clashes erupt in Maputo after disputed election results"
        (_rx(r"(?:clashes|violence|riots?|unrest|affrontements|violences|heurts) (?:[\w'-]+ ){0,4}?(?:after|over|following|apres) "
             r"(?:the |a |an |les |la |le )?(?:disputed |contested |presidential |general |local |legislative )?(?:elections?|vote|polls?|"
             r"election results|results|verdict|resultats|elections?|scrutin|presidentielle)"), 2.5),
        (_rx(r"rallies", r"rally", r"rallied", r"tension", r"(?:blocked|blocking|barricaded|block|blocks) (?:the |main )?(?:roads?|streets?|highways?)", r"worshippers", r"students", r"youths?", r"jeunes", r"crowds?", r"foule",
             r"anti-?riot", r"anti-?emeutes?"), 0.7),
    ),
    Category.MILITARY: (
        (_rx(r"coup(?! d'envoi| de (?:sifflet|pouce|coeur|theatre|gueule|poing|main|pied|tete|fil|foudre|grace|maitre|projecteur|frein|com|chance|bluff)\b)", r"coup d'etat", r"putsch", r"mutin(?:y|ies|ied|eers|ous|s|erie|ying)", r"air ?strikes?", r"airstrikes?", r"drone strikes?",
             r"shelling", r"shelled", r"bombard(?:ment|ed|ements?|ee|e|ent|s|ing)", r"missiles? (?:strike|strikes|attack|hit|hits|struck|fired|landed|slams|slammed)",
             r"rockets? (?:fire|fired|attack|hit|hits|struck|strikes|landed|lands|fell|falls|slammed|slams|rained)",
             # "a Houthi projectile hit the border city of Jazan", "an Israeli strike on a car in Khan Younis killed three"
             r"projectiles? (?:hit|hits|struck|strikes|landed|lands|fell|falls|slammed|slams|exploded)",
             # "une frappe sur un camp de déplacés à Rafah fait des dizaines de morts", "une vague de drones russes"
             r"frappes? (?:[\w-]+ )?(?:sur|contre|visant) [^.]{0,60}?(?:morts|tues|tuees|blesses|victimes)", r"vagues? de (?:drones|missiles)",
             # "des drones ukrainiens frappent Moscou", "des roquettes tirées depuis le Liban ont touché Kiryat Shmona"
             r"(?:drones?|missiles?|roquettes?|obus) (?:[\w'-]+ ){0,4}?(?:frappent|ont frappe|a frappe|visent|ont vise|a vise|"
             r"ont touche|a touche|touchent|se sont abattue?s|s'abattent|sont tombee?s|est tombee?)",
             r"strikes? (?:on|against|targeting|targeted|hit|hits) (?:a |an |the |two |several )?(?:[\w-]+ ){0,2}?(?:car|cars|vehicle|vehicles|"
             r"house|houses|home|homes|building|buildings|apartment|apartments|tent|tents|shelter|motorcycle|truck|camp|village|"
             r"neighbou?rhood|school|mosque|hospital|market|gathering|convoy)" + _HARM_IN_SENTENCE,
             # an army's toll of its enemies: "l'armée affirme avoir « neutralisé » une quarantaine de terroristes"
             r"(?:l'armee|armee|militaires|soldats|forces|fds|fama|troupes) [^.]{0,40}?neutralise(?:s|r)? [^.]{0,40}?(?:terroristes|"
             r"jihadistes|djihadistes|assaillants|rebelles|insurges|bandits|combattants|elements)",
             r"air ?raids?", r"raids? aeriens?", r"obus",
             # an army's raid on a town or camp, people killed or wounded in the same sentence: "Israeli forces raid Jenin; three
             # killed", "trois Palestiniens tues lors d'un raid israelien" (not "the army raids bank accounts")
             r"(?:israeli|military|army|idf) raids?" + _HARM_IN_SENTENCE,
             r"(?:forces|troops|soldiers|army) (?:[\w'-]+ ){0,2}?(?:raid|raids|raided|storm|storms|stormed)" + _HARM_IN_SENTENCE,
             r"(?:killed|dead|wounded|injured) (?:[^.]{0,60} )?(?:as|when|after) (?:[\w'-]+ ){0,2}?(?:forces|troops|soldiers|army) "
             r"(?:[\w'-]+ ){0,2}?(?:raid|raids|raided|storm|storms|stormed)",
             r"raids? (?:israeliens?|militaires?|de l'armee)" + _HARM_IN_SENTENCE,
             r"(?:killed|dead|wounded|injured|tues?|tuees?|morts?|blesses?) (?:[^.]{0,60} )?(?:during|in|as|when|lors d'|pendant|dans) ?"
             r"(?:an? |the |un |une |le |la )?(?:[\w'-]+ )?(?:raid|raids|raid israelien|raid militaire|incursion)"
             r"(?! (?:on|of) (?:the )?(?:[\w'-]+ )?(?:offices?|accounts?|homes? of))",
             # a town taken by armed men, in French: "les rebelles prennent la ville de Masisi"
             r"(?:rebelles|jihadistes|djihadistes|terroristes|insurges|miliciens|combattants|islamistes|m23|paramilitaires|fsr|rsf) "
             r"(?:[\w'-]+ ){0,3}?(?:prennent|ont pris|a pris|prend|reprennent|ont repris) (?:la ville|le village|la localite|la cite|le camp|"
             r"la base|le chef-lieu|la commune|le poste)",
             # fighting between an army and an armed group, in French: "des combats à Lalibela entre l'armée et les milices Fano"
             r"combats (?:[\w'-]+ ){0,5}?(?:entre|opposant|contre) (?:l'armee|les forces|les militaires|les soldats|les rebelles|"
             r"les jihadistes|les djihadistes|les milices|des rebelles|des jihadistes|des milices)",
             # a town taken, in French: "le M23 s'empare de Goma", "les rebelles se sont empares de la cite de Rubaya"
             r"(?:rebelles|jihadistes|djihadistes|terroristes|insurges|miliciens|combattants|islamistes|separatistes|m23|armee|militaires|"
             r"soldats|forces|paramilitaires|milices?|fsr|rsf) (?:[\w'-]+ ){0,4}?(?:s'empare|s'emparent|s'est empare|s'est emparee|se sont empares|ont pris le controle|"
             r"prennent le controle|a pris le controle|prend le controle|reprennent le controle|ont repris le controle|a repris le controle) "
             r"(?:de |du |des |d')(?!(?:la |l')?(?:debat|dossier|sujet|question|affaire|polemique|titre|record|tete|leadership|micro|parole|"
             r"agenda|recit|discours|campagne)s?\b)",
             r"shells (?:landed|fell|hit|struck|slammed|rained)",
             r"(?:army|military|soldiers|troops|junta|officers) (?:[\w'-]+ ){0,6}?(?:taken|took|seized|seizes|seize|takes|take|seizing) (?:power|control of the (?:country|government|state))",
             r"(?:soldiers|soldats|militaires|mutins|troops|army|armee|garde presidentielle|presidential guard) (?:[\w'-]+ ){0,3}?"
             r"(?:arrest|arrests|arrested|detain|detains|detained|"
             r"arretent|ont arrete|detiennent|seized|captured|capture|capturent|ont capture|retiennent|ont retenu|sequestrent|ont sequestre|"
             r"renversent|ont renverse|destituent|ont destitue) (?:the |le |la )?(?:president|prime minister|premier ministre|chef de l'etat|"
             r"head of state)",
             # officers ousting a ruler: "le capitaine Traoré renverse le lieutenant-colonel Damiba", "Army ousts the president"
             r"(?:capitaine|lieutenant|lieutenant-colonel|colonel|commandant|general|sergent|junte|captain|junta|army|"
             r"military|soldiers|troops|officers|mutineers) (?:[\w'-]+ ){0,3}?(?:renverse|renversent|a renverse|ont renverse|depose|"
             r"deposent|a depose|ont depose|destitue|destituent|ousts|ousted|overthrows|overthrew|overthrown|topples|toppled|deposes|"
             r"deposed)(?! by| par) (?:the |le |la |l')?(?:[\w'-]+ ){0,3}?(?:president|presidente|prime minister|premier ministre|"
             r"chef de l'etat|head of state|leader|lieutenant-colonel|colonel|general|capitaine|regime|government|gouvernement|junte|junta)",
             r"suspended the constitution", r"suspendu la constitution", r"suspension de la constitution",
             # the coup told as a noun: "après l'arrestation du président Alpha Condé par des militaires"
             r"(?:arrestation|detention|enlevement|capture|arrest) (?:du |de l'ancien |of (?:the )?)?(?:president|chef de l'etat|"
             r"premier ministre|prime minister) (?:[\w'-]+ ){0,3}?(?:par|by) (?:des |les |la |le |the )?(?:militaires|soldats|mutins|"
             r"forces speciales|garde presidentielle|soldiers|troops|mutineers|army|armee|junte|junta|military)",
             r"dissolution (?:du gouvernement|des institutions|de toutes les institutions)",
             r"(?:president|chef de l'etat|premier ministre) (?:[\w'-]+ ){0,4}?(?:retenu|sequestre|detenu|capture|arrete)e? par (?:des |les |la )?"
             r"(?:militaires|soldats|mutins|garde presidentielle|forces speciales|elements)",
             r"(?:reprend|reprennent|repris|prend|prennent|pris) (?:le )?controle (?:de la ville|de la localite|du camp|de la base)",
             # an armed subject taking a named place: "des rebelles du M23 prennent le contrôle de Bunagana"
             r"(?:rebelles|jihadistes|djihadistes|insurges|terroristes|assaillants|combattants|miliciens|hommes armes|militaires|soldats|"
             r"armee|forces|troupes|m23|fds|fama|gangs) (?:[\w'-]+ ){0,4}?(?:prend|prennent|a pris|ont pris|reprend|reprennent|a repris|"
             r"ont repris) (?:le )?controle (?:total |complet |entier )?(?:de |du |d')",
             # ground taken: "les rebelles s'emparent de plusieurs localités", "s'est emparé du camp militaire"
             r"(?:s'empare|s'emparent|s'est empare|se sont empares|s'etaient empares|s'etait empare|s'emparant)e?s? (?:de |du |d')"
             r"(?:la |l'|plusieurs |deux |trois |nombreuses |nombreux |certaines |certains |toute la |la quasi-totalite (?:de la |des )|"
             r"une partie (?:de la |du |des )|des )?(?:ville|villes|localites?|villages?|camps?|bases?|positions?|postes?|casernes?|garnisons?|"
             r"chefs?-lieux|aeroports?|palais|quartiers?|secteurs?|territoires?)",
             r"frappes? (?:israeliennes?|americaines?|russes?|ukrainiennes?|francaises?|turques?|iraniennes?|militaires?|ciblees?|de missiles?)",
             r"(?:reprise des|nouveaux|intenses|violents|d'intenses|de violents) combats", r"combats (?:reprennent|ont repris|font rage|opposent|meurtriers)", r"dissous (?:les institutions|le gouvernement)", r"tank shells?", r"struck (?:the |a )?(?:military|army|arms)(?! (?:vehicles?|convoys?|patrols?|trucks?|personnel|jeeps?))",
             r"mortar", r"artillery", r"offensive", r"frappes? (?:aeriennes?|de drones?)", r"combats (?:entre|ont|se|dans|contre)", r"violents combats",
             # "Soudan : des combats à El-Geneina font 30 morts", "Libye : combats à Tobrouk, 4 morts"
             r"combats (?:a|au|aux|autour de|pres de|pres d')",
             r"accrochages?", r"fighting (?:between|broke out|erupted|in|near|around|raged|rages|raging)", r"(?:fight|fights|fighting|battle|battles|battling) for (?:control of )?the (?:town|city|village|capital|airport|base|port)", r"(?:fresh|renewed|heavy|fierce) fighting", r"troops (?:killed|clashed|seized|captured|retook)",
             r"recaptured", r"captured the (?:town|city)", r"warplanes?", r"fighter jets?", r"drove .{0,40} forces from", r"seize(?:d|s)? (?:control|the town|the city)",
             r"(?:seiz|captur|retak|recaptur)(?:e|es|ed|ing) (?:the |a )?(?:key |strategic |border |frontline |eastern |western |northern |"
             r"southern |nearby |rebel-held |government-held )?(?:town|city|village|district|base) of", r"overthrown?", r"seized power",
             r"prise (?:de|du) pouvoir", r"constitution suspendue", r"coup de force", r"(?:a|ont) pris le pouvoir", r"renverse(?:r)? (?:le |la )?(?:president|regime|gouvernement|junte)", r"soldats? mutines?", r"army (?:killed|seized)", r"military (?:killed|seized|takeover|junta)",
             r"shoot(?:s)? down", r"shot down", r"shootdown", r"incursion", r"airspace violation", r"hostilities (?:resumed?|broke out|erupted)",
             r"fired (?:a |two |three |several |\d+ )?(?:missiles?|rockets?)",
             # "Ukrainian drones strike a port", "a drone attack on", "Israeli strikes on Iran", "strategic bombers"
             r"drones? (?:strike|strikes|struck|attack(?:s|ed)?|hit|hits|slammed|targeted)", r"drone attacks?",
             r"drones? (?:frappent|ont frappe|a frappe|visent|ont vise|ciblent|attaquent|ont attaque)",
             # "une attaque de drones a visé l'aéroport", "attaque au drone kamikaze"
             r"attaques? (?:de |au |aux |par )drones?",
             # "une roquette tombe près de l'ambassade", "des obus s'abattent sur Goma"
             r"(?:roquettes?|obus|missiles?|tirs de mortier) (?:[\w'-]+ ){0,2}?(?:tombe|tombent|est tombee?|sont tombee?s|s'abat|s'abattent|"
             r"se sont abattue?s|s'est abattue?|a frappe|ont frappe|frappe|frappent|a vise|ont vise|vise|visent)\b",
             # "un drone de l'armee frappe un mariage"
             r"drones? (?:de |d'|du )(?:[\w'-]+ ){0,2}?(?:frappe|frappent|a frappe|ont frappe|vise|visent|cible|ciblent)",
             r"(?:israeli|u\.s\.|us|american|russian|ukrainian|coalition|saudi-led|saudi|nato|iranian|turkish|pakistani|indian) "
             r"(?:air ?|missile |drone |military )?strikes (?:on|in|against|hit|killed)",
             r"(?:stealth|strategic|long-range) bombers?", r"(?:a|ont) tire (?:un |des |plusieurs )?(?:missiles?|roquettes?|obus)", r"clashes(?<!communal clashes)(?<!ethnic clashes)(?<!sectarian clashes)(?<!tribal clashes)(?<!religious clashes)"
             r"(?<!hindu clashes)(?<!muslim clashes)(?<!christian clashes)(?<!buddhist clashes)(?<!sikh clashes)(?<!caste clashes)"
             r"(?! (?:with (?:[\w'-]+ ){1,3})?over\b| (?:with|between) (?:the )?(?:riot |anti-riot )?police|" + _CROWD_SIDE + ")",
             r"clashed(?! (?:with (?:[\w'-]+ ){1,3})?over\b| with (?:the )?(?:riot |anti-riot )?police)",
             r"affrontements?(?!(?: (?:meurtriers|violents|sanglants|armes))? (?:intercommunautaires|interethniques|communautaires|"
             r"post-?electora\w+)|(?: (?:meurtriers|violents|sanglants|armes))? (?:entre|avec) (?:les |des |deux |plusieurs )?"
             r"(?:forces de l'ordre|forces de securite|policiers|la police|gendarmes|jeunes|manifestants|eleveurs|agriculteurs|"
             r"communautes|ethnies|clans|tribus|groupes ethniques))",
             # an aircraft brought down: "les rebelles disent avoir abattu un hélicoptère de l'armée"
             r"abattu (?:un |une |deux |trois |plusieurs |le |l')?(?:[\w-]+ )?(?:helicopteres?|avions?|aeronefs?|drones?|chasseurs?|"
             r"mig|sukhoi)",
             # an army's toll of its enemies: "l'armée affirme avoir tué une trentaine de combattants de Boko Haram"
             r"(?:armee|militaires|soldats|forces|fds|fama|fardc|troupes|etat-major) (?:[\w'-]+ ){0,4}?(?:avoir |a |ont )?"
             r"(?:tue|neutralise|abattu|elimine) (?:[\w'-]+ ){0,4}?(?:jihadistes|djihadistes|terroristes|combattants|rebelles|insurges|"
             r"assaillants|bandits armes|miliciens|islamistes)"), 2.0),
        # "Israel says it struck Tehran's Evin prison", "the army said it had hit militant positions" (a cue of its own:
        # "said" is frequent, and a small regex is cheap to try at each one)
        # artillery and air attacks, above "fired at" (2.0, a shooting): "rockets were fired at the Green Zone", "tirs de roquettes"
        (_rx(r"(?:rockets?|mortars?|missiles?|shells?|mortar rounds|mortar shells|mortar bombs) (?:were |was |had been |have been )?(?:fired|launched|lobbed)",
             r"fired (?:[\w-]+ ){0,2}?(?:mortars?|rockets?|missiles?|shells?)", r"tirs? (?:de |d')(?:roquettes?|obus|mortiers?|artillerie|missiles?)",
             # armies or armed groups exchanging fire: "Afghan Taliban and Pakistani forces exchange fire", "échanges de tirs
             # entre les FARDC et le M23"
             r"(?:troops|forces|soldiers|army|armies|border guards|taliban|militaries) (?:[\w'-]+ ){0,5}?exchang(?:e|es|ed|ing) "
             r"(?:heavy |sporadic |intense |artillery |mortar )?(?:fire|gunfire)",
             r"echanges? de tirs (?:nourris )?entre (?:l'armee|les forces|les militaires|les soldats|les fardc|les fds|les fama|les fanci|"
             r"les rebelles|les jihadistes|des militaires|des soldats|des rebelles|des jihadistes|des hommes armes|l'armee)",
             # an army bombing from the air: "Myanmar's military bombed a monastery", "the junta's jets pounded"
             r"(?:military|army|junta|air force|regime|government forces|armee|junte|aviation) (?:[\w'-]+ ){0,2}?(?:bombed|bombs|bombarded|"
             r"pounded|strafed|bombarde|a bombarde|ont bombarde|bombardent)",
             # ... told in the passive: "Hodeidah port struck by Israeli jets", "a convoy hit by a drone"
             r"(?:struck|hit|bombed|pounded|targeted|shelled|strafed) by (?:an? |the )?(?:[\w-]+ )?(?:jets|warplanes|aircraft|drones?|"
             r"missiles?|rockets?|artillery|shells|shelling|air ?strikes?|drone strikes?|helicopters?|gunships)",
             r"(?:aircraft|jets|warplanes|planes|helicopters|gunships|helicopter gunships|drones) (?:struck|hit|bombed|pounded|attacked|targeted|strafed|"
             r"strike|strikes|bomb|bombs|pound|pounds|attack|attacks|target|targets|hits)",
             # present tense, as summaries write: "militants fire rockets at", "forces shell rebel-held districts"
             r"fires? (?:[\w-]+ ){0,2}?(?:mortars?|rockets?|missiles?|shells?) (?:at|into|on|towards?)",
             r"(?:forces|troops|army|artillery|tanks|militants|rebels|fighters|insurgents|militia|militiamen|warships|gunboats) "
             r"(?:[\w'-]+ ){0,3}?shells? (?!(?:oil|company|companies|pipelines?|facilit\w*|plc|gas|station)\b)(?:the |a |an )?[\w-]+"),
         2.5),
        # Ground taken by force: "Islamic State fighters drove Syrian government forces from a western town", "rebels
        # captured the town of Bunia", "militants overran a base", "Houthis took control of the presidential palace". An armed
        # actor takes a place (or drives armed men out of one): not "took control of the company" nor "seized control of
        # parliament" in a vote, and not "drove the ball".
        (_rx(r"(?:drove|drive|drives|driven|pushed|push|pushes|forced|chased|expelled|expel|expels|routed|ousted|flushed) "
             r"(?:(?!to |into )[\w'-]+ ){0,5}?(?:forces|troops|soldiers|army|militants|fighters|rebels|insurgents|jihadists|islamists|militiamen|"
             r"militias?|guerrillas|extremists|separatists) (?:out of|from|back from)",
             r"(?:fighters|rebels|militants|insurgents|jihadists|islamists|separatists|troops|soldiers|militia|militias|militiamen|"
             r"guerrillas|taliban|al-shabaab|al-shabab|boko haram|islamic state|isis|isil|houthis?|extremists) " + _TAKES_PLACE,
             r"forces(?<!opposition forces)(?<!political forces) " + _TAKES_PLACE,
             r"fighting (?:escalated|intensified|spread)",
             # ground taken by an armed group, named after the verb: "rebels capture Goma", "IS fighters seize parts of Ramadi"
             r"(?:rebels|fighters|militants|insurgents|jihadists|islamists|separatists|militias?|militiamen|guerrillas|taliban|"
             r"al-shabaab|houthis?) (?:[\w'-]+ ){0,4}?(?:capture|captures|captured|seize|seizes|seized|overrun|overruns|overran) "
             r"(?!(?:the |a |an )?(?:attention|hearts?|headlines|imagination|weapons|arms|ammunition|drugs|documents|cash|hostages?|"
             # a building seized with people inside is a hostage-taking: "rebels seize school in Beslan"
             r"schools?|theat(?:re|er)s?|hospitals?|churches|church|hotels?|buses|bus|planes?|embass(?:y|ies)|"
             r"(?:[\w-]+ )?(?:soldiers|troops|policemen|workers|engineers|tourists|journalists|civilians|passengers|people))\b)",
             # ... by an army, told the same way: "Arakan Army captures Maungdaw", "troops recapture the town" (not "the army
             # seized weapons", "troops captured three militants")
             r"(?:army|troops|military|soldiers) " + _ARMY_TAKES, r"forces(?<!opposition forces)(?<!political forces) " + _ARMY_TAKES), 2.0),
        # a target named beside the shelling or the air strike, a group of its own: "shelling of a UN school", "air strikes hit a hospital"
        (_rx(r"(?:shelled|shelling|shells|bombarded|bombardment|bombardments|air strike|air strikes|airstrike|airstrikes|drone strike|"
             r"drone strikes|air raid|air raids|missile strike|missile strikes) "
             r"(?:of |on |at |against |hit |hits |struck |destroyed |targeted )?(?:an? |the |two |three |several )?" + _TARGET), 2.0),
        # armed groups clashing: "the army and RSF paramilitaries clash in Khartoum" (not with a crowd: unrest)
        (_rx(r"(?:army|troops|forces|soldiers|militia|militias|militiamen|rebels|fighters|militants|insurgents|paramilitary|paramilitaries|jihadists|"
             r"separatists|gunmen|guerrillas) (?:[\w'-]+ ){0,4}?clash (?!over\b|with (?:[\w'-]+ ){0,3}?(?:protesters|demonstrators|students|"
             r"youths|crowds?|supporters|rioters|residents|worshippers|villagers|farmers|herders|fans)\b)", needs=("clash",)), 2.0),
        (_rx(r"(?:says|said|say|claims|claim|claimed) (?:it|they) (?:had |has |have )?"
             r"(?:struck|hit|bombed|targeted|shelled)"), 2.0),
        # a strike told by its toll or its maker: "Strike on school kills 15", "a car hit by an Israeli drone strike" (not "a
        # hunger strike", nor "flights hit by a strike")
        (_rx(r"strikes? (?:on (?:[\w'-]+ ){1,4}?|in (?:[\w'-]+ ){1,3}?)?(?:kills?|killed|killing)(?<!hunger strike kills)"
             r"(?<!hunger strike killed)",
             r"(?:hit|hits|struck|killed|destroyed|damaged) (?:in|by) (?:an? |the )?(?:israeli|russian|ukrainian|us|u\.s\.|american|"
             r"iranian|turkish|saudi|coalition|air|drone|missile|aerial|artillery)(?:[- ]\w+)? strikes?", needs=("strike",)), 2.0),
        # soldiers taking a seat of power: "Army takes over state TV in Niamey", "mutineers seize the national radio"
        (_rx(r"(?:soldiers|troops|army|military|mutineers|officers|militaires|soldats|mutins) (?:[\w'-]+ ){0,3}?(?:take|takes|took|taken|"
             r"seize|seizes|seized|occupy|occupies|occupied|storm|storms|stormed) (?:over |control of )?(?:the )?(?:state|national|public) "
             r"(?:tv|television|broadcaster|radio)"), 2.0),
        (_rx(r"clash(?! (?:with (?:[\w'-]+ ){1,3})?over\b)", r"missiles?(?! (?:defen[cs]e|programs?|programmes?|tests?|systems?|shield|deals?|purchases?))", r"destroy(?:s|ed)?"), 1.2),
        (_rx(r"troops", r"soldiers", r"army", r"soldats", r"militaires", r"armee"), 0.4),
    ),
    Category.DISRUPTION: (
        (_rx(r"airport (?:was |has been |is )?(?:closed|shut|evacuated|locked down)", r"closed (?:the |its )?(?:airport|airspace|border)", r"(?:closed|shut) (?:the )?[\w'-]+ (?:international )?airport",
             r"(?:airspace|border|borders|airport|airports) (?:closed|shut|sealed)", r"flights? (?:were |have been |are |is |was |had been )?(?:suspended|diverted|cancelled|grounded|halted)",
             r"diverted", r"curfew", r"lockdown", r"locked down", r"evacuat(?:ed|ion|es|ing|e)", r"shelter[- ]in[- ]place", r"state of emergency",
             r"bomb (?:threats?|scares?|hoax(?:es)?|alerts?)", r"suspicious (?:package|device|object)", r"couvre-feu", r"etat d'urgence", r"confinement(?<!solitary confinement)",
             r"fermeture (?:de l'aeroport|des frontieres|de la frontiere|de l'espace aerien)",
             r"(?:a|ont) ferme (?:ses|leurs|les|sa|son|l') (?:frontieres|espace aerien|aeroports?)",
             r"(?:frontieres|aeroports?|espace aerien) (?:ont ete |a ete |est |sont )?fermee?s?", r"aeroport (?:a ete |est )?ferme", r"aeroports? (?:international |internationaux |militaire )?(?:de |d')(?:[\w'-]+ ){0,3}?(?:a ete |est |reste )?fermee?s?", r"vols? (?:suspendus?|annules?|detournes?)", r"deroutee?s?",
             r"evacu(?:e|es|ee|ees|ation)", r"limit (?:their )?movements?", r"stay indoors", r"temporarily (?:closed|shut)",
             r"security (?:alert|scare|threat)", r"terror alert", r"emergency landing", r"refuse to fly", r"(?:airport|airspace) (?:is |was )?closed",
             r"airspace (?:[\w'-]+ ){1,4}?(?:is|was|are|were|has been|have been|had been|remains?|remained) (?:closed|shut)", r"airport (?:[\w'-]+ ){1,6}(?:is|was|has been|were) (?:closed|shut)",
             r"closure of the (?:main )?airport",
             # "Drone sighting shuts Copenhagen airport", "drones halt flights at Munich airport"
             r"(?:shuts?|shutting|closes|closing|halts?|halted|halting) (?:down )?(?:[\w'-]+ ){0,3}?(?:airports?|airspace)",
             r"(?:halts?|halted|halting|grounds?|grounded|grounding) (?:all )?flights",
             # "Flights at Munich airport suspended after drone sightings", "Dubai airport suspends flights"
             r"flights (?:at|to|from|in|out of|into) (?:[\w'-]+ ){1,4}?(?:were |have been |are |was |had been |remain )?(?:suspended|halted|"
             r"grounded|diverted|cancelled|canceled)",
             r"(?:suspends?|suspended|suspending) (?:all )?(?:flights|air traffic|departures|arrivals)", r"bans? (?:incoming |all )?flights", r"reference to a bomb", r"threatened to blow",
             r"threatening (?:a bomb|an explosion)", r"alerte a la bombe", r"menace d'attentat a la bombe"), 2.0),
        # a drone seen over an airport halts flights: "Flights at Gatwick suspended after drone sighting over runway"
        (_rx(r"drones? (?:sightings?|sighted|spotted|seen) (?:over|near|above|at|around)", r"drone sightings?"), 1.0),
        # a curfew or a state of emergency imposed, a group of its own so that the measure outweighs the protests behind it:
        # "Authorities impose a 24-hour curfew in Leh after violent protests", "couvre-feu instauré à Bamako"
        (_rx(r"(?:impose|imposes|imposed|imposing|declare|declares|declared|declaring|order|orders|ordered|announce|announces|announced|"
             r"extend|extends|extended) (?:a |an |the |new |fresh )?(?:[\w-]+ ){0,2}?(?:curfew|lockdown)",
             r"(?:curfew|couvre-feu) (?:[\w-]+ ){0,2}?(?:imposed|declared|ordered|instaure|decrete|impose)",
             r"(?:instaure|instaurent|decrete|decretent|impose|imposent|prolonge|prolongent) (?:un |le |d'un )?couvre-feu"), 1.5),
        # staff pulled out, a group of its own: "the UN is to evacuate some staff from West Darfur", "evacuates its diplomats"
        (_rx(r"evacuat(?:e|es|ed|ing) (?:some |all |its |their |non-essential |nonessential |foreign |international |its non-essential )?"
             r"(?:[\w-]+ )?(?:staff|personnel|employees|diplomats|nationals|citizens|foreigners|workers|aid workers|peacekeepers)",
             r"evacuation (?:of|des?) (?:[\w-]+ ){0,2}?(?:staff|personnel|employees|diplomats|nationals|citizens|foreigners|ressortissants|"
             r"personnels?|employes|diplomates)",
             r"(?:ordered|orders|order|told|tells|urged|urges|advised|advises) (?:[\w-]+ ){0,3}?(?:staff|personnel|nationals|citizens|diplomats|"
             r"employees) to (?:leave|depart|evacuate)"), 2.0),
    ),
}

# Harm says people were hurt, not by what: evidence that something happened, never the kind.
HARM = _rx(r"(?:were|was|are|is|been) killed", r"kill(?:s|ing)?", r"kill(?:s|ed|ing)? (?:at least |more than |some )?\d+", r"death toll", r"found dead",
           r"murdered", r"killed", r"assassinated", r"assassinee?s?", r"tues?", r"tuees?", r"tuent", r"bilan", r"wounded", r"injured", r"injur(?:es|ing)", r"wound(?:s|ing)", r"stabbed to death", r"behead(?:s|ed|ing)?", r"blesses?", r"morts?", r"dead", r"died")
# Who did it: armed groups make a violent reading likelier; alone they do not make an incident.
ACTORS = _rx(r"militants?", r"insurgents?", r"jihadists?", r"djihadistes?", r"jihadistes?", r"al-shabaa?b", r"al shabaa?b", r"boko haram",
             r"islamic state", r"isis", r"isil", r"taliban", r"aqim", r"jnim", r"al-qaeda", r"al qaeda", r"rebels?", r"bandits?", r"fighters",
             r"terroristes?", r"terrorists?", r"rebelles?", r"gangs?", r"extremists?", r"islamistes?", r"islamists?", r"militia(?:s|men)?",
             r"milices?", r"assailants?", r"settlers", r"colons", r"guerrillas?", r"guerilleros?", r"separatists?", r"paramilitar(?:y|ies)", r"pirates?")
# People whose harm is rarely an accident in the news: killed soldiers or police mean fighting.
_VICTIM = (r"(?:soldiers?|troops|peace-?keepers?|police ?(?:officers?|men)|policem[ae]n|officers|troopers|gendarmes?|guards|soldats?|"
           r"militaires|policiers|casques? bleus?|militants?|civilians|villagers|civils|villageois|gardes(?: forestiers| frontieres| nationaux)?|"
           r"ecogardes|rangers|vdp|volontaires)")
_HURT = r"(?:killed|kill|kills|killing|dead|died|die|wounded|injured|attacked|ambushed|shot|tues?|tuees?|tuent|morts?|blesses?|attaques?)"
ARMED_VICTIMS = Gated(re.compile(r"\b" + _VICTIM + r"\b(?: [\w'-]+){0,4}? " + _HURT + r"\b|\b" + _HURT + r"\b(?: (?!by\b|par\b)[\w'-]+){0,4}? "
                                 + _VICTIM + r"\b"),
                      # every match names one of the victims
                      "soldier", "soldat", "troop", "peace", "police", "policier", "officer", "gendarme", "guard",
                      "militaire", "casque", "militant", "civil", "village", "garde", "ranger", "vdp", "volontaire")

# Phrases that make the same words mean something else. Weight is how strongly.
FALSE_FRIENDS: dict[str, tuple[_Cue | re.Pattern[str], float]] = {
    "sport": (_rx(r"striker", r"goals?", r"goalkeeper", r"league", r"championships?", r"tournament", r"coach", r"playoffs?", r"innings",
                  r"wickets?", r"quarterback", r"touchdown", r"nba", r"nfl", r"nhl", r"mlb", r"fifa", r"uefa", r"olympics?", r"world cup",
                  r"cup final", r"semi-?finals?", r"match(?:es)?", r"season", r"seasons", r"scored", r"teammates?", r"midfielder",
                  r"defender", r"football", r"soccer", r"rugby", r"cricket", r"tennis", r"golf", r"grand prix", r"baseball", r"basketball",
                  r"hockey", r"boxing", r"wrestling", r"sprinter", r"athletes?", r"bombed out", r"hat-trick", r"penalty", r"stadium", r"fans",
                  r"game", r"games", r"pitcher", r"inning", r"home runs?", r"yankees", r"red sox", r"lakers", r"medal", r"champions?",
                  r"championnat", r"entraineur", r"buteur", r"ligue", r"coupe d'afrique", r"coupe du monde", r"joueurs?", r"victoire", r"\d+-\d+ (?:win|victory|defeat|loss)",
                  r"beat", r"defeated", r"titles?", r"mvp", r"nascar", r"drew \d+-\d+", r"equali[sz](?:er|ed|ing)", r"clash of the titans",
                  r"grand slam", r"(?:marque|inscrit|encaisse) (?:un|deux|trois|quatre|le|son|\d+) (?:premier |second )?buts?",
                  r"equipe nationale", r"gardien de but", r"tirs au but",
                  # a French match report: "CAN 2024 : la Côte d'Ivoire s'impose face au Mali", "en seconde période"
                  r"can \d{4}", r"s'impos(?:e|ent|ait|aient) (?:face|contre|devant|a domicile|a l'exterieur|aux tirs)",
                  r"(?:premiere|seconde|deuxieme) periode", r"mi-temps", r"(?:quarts?|huitiemes?|seiziemes?) de finale", r"demi-finales?",
                  r"biathlon", r"tir (?:couche|debout)", r"selectionneur", r"buts? (?:a zero|a un|a deux)",
                  # a result told as a blow: "Chelsea attack sinks Blackburn", "proved too strong for", "Arsenal edge past Spurs"
                  r"(?:attack|defence|defense|strikers?|forwards?|midfield) (?:sinks|sank|sink)", r"too strong for",
                  r"edges? (?:past|out)", r"thrash(?:es|ed)",
                  # cycling and the ring: "Pogacar attacks on the final climb", "knocks out his rival in an explosive first round"
                  r"peloton", r"yellow jersey", r"maillot jaune", r"tour de france", r"giro(?: d'italia)?", r"vuelta", r"time trial",
                  r"(?:final|summit|mountain) (?:climb|finish)", r"mountain stage", r"boxers?", r"knockout", r"title fight", r"ufc",
                  r"chess", r"grandmasters?",
                  # "Olympic shooting team wins gold", "trap shooters take bronze"
                  r"(?:win|wins|won|winning|take|takes|took|claim|claims|claimed|clinch|clinches|clinched) (?:olympic |world |european |"
                  r"commonwealth |a |an |the |his |her |their )?(?:gold|silver|bronze|medals?)",
                  r"shooting (?:team|range|club|competition|championships?|event|gold|medal|final)",
                  # "Bolt blasts to 100m gold", "Sharapova storms into the quarter-finals"
                  r"(?:blast|storm|fire|shot|shoot|rocket|charge|power|romp|cruise|surge)(?:s|ed|d)? (?:to|into) (?:[\w-]+ )?(?:victory|gold|the title|the lead|"
                  r"the final|the semi-?finals?|the quarter-?finals?|first place|top spot|the last (?:four|eight|16))", r"(?:in|into) the final(?! (?:days?|weeks?|months?|hours?|years?|stages?|moments?|round|report))",
                  rest_needles=(" win", " victory", " defeat", " loss")), 1.0),
    "film": (_rx(r"film(?:ing|ed|s)?", r"film shoot", r"on set", r"stunts?", r"movie", r"box office", r"hollywood", r"actor", r"actress", r"premiere(?<!la premiere)(?<!en premiere)(?<!une premiere)(?<!sa premiere)(?<!de premiere)(?<!leur premiere)(?<!cette premiere)",
                 r"box-office",
                 r"(?:film|movie|stage|art|artistic|casting|theatre|theater) director", r"directed by", r"sequel", r"tv series", r"episode", r"cinema(?! (?:hall|building|complex)s?)(?<!bombed a cinema)(?<!attacked a cinema)(?<!attack on a cinema)(?<!blast at a cinema)(?<!bomb at a cinema)(?<!fire at a cinema)", r"documentary", r"video game", r"novel", r"album",
                 r"song", r"concert", r"festival",
                 # "Netflix thriller 'Hijack' tops the charts"
                 r"netflix", r"thrillers?", r"streaming", r"tops the charts", r"biopic", r"sitcom", r"tv (?:drama|show)",
                 r"documentaires?", r"realisat(?:eur|rice)", r"(?:long|court)-metrages?"), 1.0),
    "drill": (_rx(r"drills?", r"exercises?", r"simulation", r"simulated", r"mock (?:[\w-]+ ){0,2}?(?:attack|exercise|drill|raid)", r"(?:staged|stage|held|holds) (?:a |an )?(?:[\w-]+ )?(?:drill|exercise)", r"war games", r"training (?:mishap|accident|session|exercise)s?", r"(?:firing|shooting|rifle) range", r"exercice", r"manoeuvres", r"salutes?", r"parades?"), 1.5),
    "memorial": (_rx(r"anniversary", r"anniversaries", r"memorial", r"commemorat(?:e|ed|es|ion|ions)", r"remembrance", r"years (?:ago|since|after)", r"(?:a|one) year (?:ago|since|after|on)", r"un an (?:apres|jour pour jour)",
                     r"national mourning", r"days? of (?:national )?mourning",
                     r"deuil national", r"jours de deuil", r"vigils?",
                     r"tribute", r"mourn(?:s|ed)? the victims", r"anniversaire", r"commemoration", r"hommage", r"il y a \d+ ans", r"ans apres",
                     r"international day", r"world day", r"journee (?:mondiale|internationale)"), 1.5),
    "court": (_rx(r"trial", r"court", r"sentenced", r"sentence", r"convicted", r"conviction", r"charged", r"charges", r"indicted",
                  r"indictment", r"jury", r"judge", r"verdict", r"pleaded", r"acquitted", r"extradit(?:ed|ion)", r"prosecut(?:ed|ion)",
                  r"lawsuit", r"sued", r"appeal", r"testif(?:y|ied)", r"proces", r"condamne", r"condamnes", r"tribunal", r"inculpes?", r"juges?",
                  r"mis en examen", r"arrested", r"arrests", r"detained", r"custody", r"suspects?", r"interpelles?", r"arretes?", r"executed",
                  r"execution", r"death row", r"inquiry", r"compensation", r"foiled", r"plot", r"plotting", r"bail",
                  r"jailed", r"plead", r"liberation conditionnelle", r"audience", r"coaccuses", r"accuses", r"audition"), 0.8),
    # A legal step is the story: "the suspected gunman appeared in court", "pleaded not guilty", "went on trial".
    "court_step": (_rx(r"appear(?:s|ed|ing)? (?:in|before) (?:a |the )?(?:[\w-]+ )?(?:court|judge|magistrates?|tribunal)",
                       r"(?:went|goes|go|going|stands?|stood|to stand) on trial", r"stand trial", r"plead(?:s|ed)? (?:not )?guilty",
                       r"pleaded (?:not )?guilty", r"comparai(?:t|tra|ssent)"), 2.0),
    # A blast with a named non-hostile cause: "a gas explosion", "an explosion at a chemical factory", "explosion de gaz".
    "accidental_blast": (_rx(r"gas (?:leak|explosion|cylinders?|canisters?|tanks?|pipeline|blast)s?", r"(?:illegal|makeshift|artisanal) (?:oil )?refiner(?:y|ies)", r"raffineries? (?:illegales?|artisanales?|clandestines?)",
                             r"(?:ammunition|arms|munitions|weapons) (?:depot|dump|store|warehouse)s? (?:explod\w*|blast|fire|caught fire|blew up)",
                             # "Explosion at a military depot in Brazzaville kills 200": the depot's own blast
                             r"(?:explosions?|blasts?|fire) (?:at|in) (?:a |an |the )?(?:[\w-]+ )?(?:military |army |ammunition |arms |munitions |weapons )"
                             r"(?:depot|dump|store|warehouse|arsenal)s?",
                             r"(?:chemical|fireworks?|industrial|fertilizer|fertiliser) "
                             r"(?:plant|factory|warehouse|depot|facility)", r"(?:explosion|fuite|bouteilles?) de gaz",
                             r"(?:explosion|incendie) (?:dans une|d'une|a l') ?usine",
                             r"(?:explosions?|incendie) (?:[\w'-]+ ){0,6}?(?:d'un |du |au |dans un )?(?:depot|entrepot) (?:de munitions|d'explosifs|d'hydrocarbures|de carburant|"
                             r"de produits|petrolier|d'armes)", r"(?:explosion|deflagration) accidentelle",
                             r"(?:conduite|canalisation|citerne|bonbonne|gazoduc)s? de gaz", r"controlled (?:explosion|detonation)s?",
                             r"(?:safely|deliberately) (?:detonated|destroyed|defused)",
                             r"(?:unexploded|rusty|wartime|world war ii|world war two|world war 2|wwii|ww2) (?:[\w-]+ )?(?:shells?|bombs?|ordnance|munitions?|grenades?|mines?)", r"industrial accident", r"short circuit", r"court-circuit", r"mine (?:explosion|blast)s?",
                             r"boilers?", # a mine's own accident, not "gunmen killed 20 gold miners": the blast or the collapse is named with the mine
                             r"(?:coal|gold|copper|diamond|salt|tin|uranium|jade) mine (?:explosion|blast|collapse|fire|accident|disaster)s?",
                             r"(?:explosion|blast|collapse|fire)s? (?:at|in) (?:a |an |the )?(?:[\w-]+ )?(?:coal|gold|copper|diamond|salt|tin|uranium|jade) mine",
                             r"colliery", r"oxygen (?:tanks?|cylinders?)", r"methane", r"firedamp", r"grisou", r"tankers? (?:explosion|explodes?|exploded|blast|fire|caught fire|overturned)",
                             r"camion-citerne",
                             # "Fireworks explode at a New Year party"
                             r"(?:fireworks?|firecrackers?|pyrotechnics?) (?:[\w-]+ ){0,2}?(?:explod\w*|blasts?|went off|accident)",
                             # "une explosion sur un site d'orpaillage", "de la dynamite stockée": a gold diggers' accident
                             r"(?:explosions?|deflagrations?) (?:[\w'-]+ ){0,5}?(?:sites? d'orpaillage|sites? aurifere|sites? minier|mine d'or|carriere)",
                             r"(?:dynamite|explosifs) (?:stockee?s?|entreposee?s?)"), 2.5),
    # A building brought down on purpose: "engineers blow up a disused cooling tower".
    # Bomber aircraft flying, not a bombing: "Russian bombers fly near Alaska", "B-52 bombers over the peninsula".
    "bomber_aircraft": (_rx(r"(?:strategic|long-range|nuclear-capable|heavy|stealth|supersonic) bombers?",
                            r"bombers (?:flew|fly|flies|flying|intercepted|escorted|patrol\w*|landed|took off|deployed|were spotted)",
                            r"(?:b-52|b-1b?|b-2|tu-95|tu-160|tu-22m?\d?|h-6)s?(?: [\w-]+)? bombers?",
                            r"intercept(?:ed|s|ing)? (?:[\w-]+ ){0,3}?bombers"), 2.0),
    "demolition": (_rx(r"demolition", r"demolish(?:ed|es|ing)?", r"disused", r"cooling towers?", r"implosion", r"dynamit\w+ (?:by|in) (?:a |the )?quarry",
                       r"quarry(?:ing)?"), 2.0),
    # "an explosion of interest", "sales exploded": growth, not a blast.
    "figurative": (_rx(r"explosions? (?:of|in) (?:[\w-]+ )?(?:interest|demand|growth|popularity|sales|creativity|colou?rs?|joy|spending|prices|"
                       r"traffic|numbers|cases|users|investment|activity|startups|content)",
                       # "le gouvernement part à l'attaque contre la vie chère": an offensive of words
                       r"(?:part|partent|parti|partis|repart|repartent|passe|passent|est passe|sont passes|monte|montent) "
                       r"a l'(?:attaque|assaut) (?:de |du |des |contre |d')",
                       r"(?:prix|ventes|exportations|importations|demandes?|abonnes|inscriptions|tarifs|loyers|couts|factures|"
                       r"chiffres?) (?:[\w'-]+ ){0,3}?(?:explosent|a explose|ont explose)",
                       r"(?:sales|demand|prices|popularity|growth|interest|numbers|traffic|usage|spending|costs|population|downloads|"
                       r"exports|imports|orders|output|production|profits|bookings|shipments|"
                       r"subscriptions) (?:of (?:[\w-]+ ){1,2})?(?:have |has |had )?(?:exploded|explode|explodes)",
                       # "commuters held hostage by the rail strike", "pris en otage par la grève": not a kidnapping
                       r"(?:held|holding|hold|holds|taken|take|takes|took|taking) (?:[\w-]+ )?hostage (?:by|to) (?:the |a |an |their |its |this |"
                       r"our )?(?:[\w-]+ ){0,2}?(?:strikes?|rows?|disputes?|politics|interests?|demands|unions?|bureaucracy|lobby|lobbies|"
                       r"ideology|lawmakers|congress|parliament|opposition|crisis|deadlock|stalemate|debates?|fortune|markets?|weather|"
                       r"negotiations|talks|votes?|elections?|budget|banks?|creditors|prices?|whims?|squabbles?|infighting|bickering|feuds?|"
                       r"standoff|walkouts?|stoppages?|shutdown)\b",
                       r"hostages? to (?:fortune|politics|partisan\w*|the (?:whims|interests|politics|markets))",
                       r"pris(?:e|es)? en otages? (?:par|de) (?:la |les |une |des |l'|ce |cette )?(?:[\w-]+ ){0,2}?(?:greves?|grevistes|"
                       r"syndicats?|cheminots|controleurs|conflit|politique|politiciens|bureaucratie|blocages?|mouvement social|intersyndicale)",
                       # "an explosive interview", "a ticking time bomb", "a shot in the arm for", "Senate shoots down the bill"
                       r"explosive (?:new )?(?:interview|claims?|allegations?|revelations?|rows?|reports?|testimony|book|memoir|documentary|"
                       r"first round|start|finish|growth|debate|rant|speech|remarks|comments|mix|cocktail|issue|topic|subject|situation|"
                       r"combination|performance|potential|pace|speed|goal|display|match|clash|season|encounter|episode|letter|memo|"
                       r"tapes?|recording|emails?|accusations?|dossier|affair|scandal|mixture|row|dispute|hearing|exchange|confrontation|"
                       r"encounter|sprint|finale|final|chorus|sound|album|set|show|start|tell-all)",
                       r"ticking (?:time )?bombs?", r"(?:demographic|social|economic|financial|debt|pension|health|climate|housing|fiscal|"
                       r"environmental|political) time ?bombs?", r"bombe (?:sociale|demographique|a retardement (?:sociale|demographique|"
                       r"financiere|budgetaire))",
                       r"shot in the arm (?:for|to)",
                       r"(?:shoots|shoot|shot|shooting) down (?:the |a |an |his |her |their |its )?(?:[\w-]+ ){0,2}?(?:proposals?|bills?|plans?|"
                       r"ideas?|rumou?rs?|claims?|reports?|suggestions?|requests?|motions?|amendments?|deals?|offers?|bids?|hopes?|"
                       r"speculation|theory|theories)",
                       r"hijack(?:s|ed|ing)? (?:the |a |an |his |her |their |our )?(?:[\w-]+ )?(?:debate|agenda|narrative|conversation|"
                       r"discussion|process|meeting|summit|movement|campaign|hashtag|story|brand)",
                       r"riots? of (?:colou?rs?|sound|flavou?rs?|scents?)", r"had a blast",
                       # "la bombe du mercato", "une véritable bombe": news that stuns
                       r"bombe (?:du|de la|de l'|de ce|de cette) (?:mercato|transfert|saison|rentree|soiree|festival|campagne|ete)",
                       r"(?:vraie|veritable|petite|nouvelle) bombe",
                       # "une attaque contre la démocratie", "an attack on democracy": words about words
                       r"(?:attaques?|attacks?|assaults?|atteintes?) (?:contre|on|against|a) (?:la |les |l'|notre |nos |our |the |press )?"
                       r"(?:democratie|democracy|constitution|libertes?|freedoms?|liberty|justice|presse|press|institutions|republique|"
                       r"etat de droit|rule of law|souverainete|sovereignty|free speech|liberte d'expression|judiciary|magistrature)\b",
                       # "coup d'État constitutionnel", "a constitutional coup": a power grab by law
                       r"coups? d'etat (?:constitutionnels?|institutionnels?|judiciaires?|electora(?:l|ux)|permanent|medical|civil)",
                       r"coups? de force (?:constitutionnels?|institutionnels?|judiciaires?|electora(?:l|ux))",
                       r"(?:constitutional|judicial|parliamentary|electoral|soft|palace|boardroom) coups?",
                       # "le gouvernement lance l'offensive contre la vie chère": a campaign
                       r"(?:gouvernement|ministre|ministere|president|presidente|opposition|parti|patronat|syndicats?|deputes|senat|"
                       r"government|minister|ministry|president|opposition|party|lawmakers) (?:[\w'-]+ ){0,3}?(?:lance|lancent|passe|"
                       r"passent|prend|prennent|mene|menent|launches|launched|goes|went|go) (?:a |on )?(?:l'|the |an |a )?(?:offensive|charm offensive)",
                       # "Opposition leader blasts the budget": criticism
                       r"blast(?:s|ed|ing)? (?:the |his |her |their |its |a )?(?:[\w'-]+ ){0,2}?(?:budget|plans?|"
                       r"polic(?:y|ies)|decision|ruling|critics|rivals|opponents|proposals?|bill|referees?|officials|media|press|ban|"
                       r"move|deal|verdict|government|reforms?|tariffs?|remarks|comments)\b"), 2.0),
    # Money words: "sales exploded", "shares plunged", "hostile takeover": business, not violence.
    "business": (_rx(r"sales", r"revenues?", r"earnings", r"quarterly", r"(?:first|second|third|fourth|this|last) quarter", r"takeover",
                     r"wall street", r"nasdaq", r"dow jones", r"prices? (?:explod|soar|surg)\w*", r"crude (?:oil )?(?:futures|prices)", r"futures", r"a barrel", r"corp",
                     r"chips?", r"chipmakers?", r"processors?", r"microprocessors?", r"market share", r"shareholders?", r"stocks?",
                     r"shares (?:rose|fell|plunged|plummeted|jumped|slumped|dropped|closed|surged|soared|tumbled|gained)"), 1.0),
    "old_event": (re.compile(r"\b(?:during the (?:civil |world |first |second |gulf |last )?(?:war|genocide|occupation)|(?:19|20)\d\d (?:\w+ ){0,4}(?:attacks?|bombings?|massacre|attentat|incursion|raid|coup|war|uprising)|(?:attack|attentat|massacre|bombing)s? (?:de|of|in) (?:19|20)\d\d|"
                             r"en (?:19|20)\d\d)\b"), 1.5),
    "report": (_rx(r"report(?:s|ed)? (?:says|finds|found|shows)", r"scientists?", r"researchers?", r"astronomers?", r"nasa", r"study", r"survey", r"analysis", r"opinion", r"editorial", r"column",
                   r"commentary", r"op-ed", r"book", r"review", r"interview", r"podcast", r"statistics", r"index", r"ranking", r"annual",
                   r"pourquoi", r"comment", r"voici", r"qui est", r"ce que", r"why", r"how", r"what we know", r"explainer", r"a-t-il", r"a-t-elle",
                   r"peut-il", r"analyse", r"tribune", r"chronique", r"entretien"), 0.7),
    # Space and the sky: "explosion on a distant star", "asteroid blast".
    "science": (_rx(r"spacex", r"starship", r"blue origin", r"rocket launch(?:es)?", r"launch ?pad", r"lift(?:ed|s)? ?off", r"uncrewed",
                    r"space (?:station|agency|flight)", r"spaceflight", r"into orbit", r"astronom\w+", r"telescopes?", r"galax(?:y|ies)", r"supernovae?", r"light[- ]years?", r"planets?", r"asteroids?",
                    r"comets?", r"black holes?", r"nasa", r"spacecraft", r"(?:distant|neutron|dying|massive) stars?", r"gamma-ray",
                    r"solar (?:system|flares?|wind)"), 1.0),
    # A raised alert level is a warning, not an event: "France raises its terror alert to the highest level".
    "threat_level": (_rx(r"rais(?:e|es|ed|ing) (?:its |the |their |his |her |a )?(?:[\w-]+ ){0,2}?(?:alert|threat|vigilance) (?:level|status|to)",
                         r"(?:threat|alert) levels?", r"niveau (?:d'alerte|de menace|de vigilance)", r"plan vigipirate"), 2.0),
    "cyber": (_rx(r"cyber", r"routers?", r"vulnerab\w+", r"denial[- ]of[- ]service", r"(?:computer|corporate|telecoms?|telecommunications?|wireless) networks", r"security (?:flaw|hole|patch|advisory|update)", r"flaws?", r"patch(?:es|ed)?", r"cyber-?attacks?", r"cyberattaques?", r"hack(?:ed|ers?|ing)", r"ransomware", r"malware", r"ddos", r"phishing",
                  r"data breach", r"botnet", r"virus", r"worm", r"piratage", r"spam", r"software", r"computer",
                  # ("online", "internet", "website": where a claim was posted, or what a government cut)
                  r"microsoft", r"google", r"apple", r"linux",
                  # not "the blast shattered windows"
                  r"windows (?:xp|vista|7|8|10|11|update|server|pcs?|computers?|users?|software|operating system)"), 1.0),
    "disaster": (_rx(r"earthquakes?", r"collisions?", r"collided", r"head-on", r"quake", r"floods?", r"floodwaters?", r"flooding", r"cyclone", r"hurricane", r"typhoon", r"landslides?", r"volcan(?:o|oes|ic|s|ique|iques)?", r"eboulements?", r"chavire", r"crues?",
                     r"eruption", r"wildfires?", r"storms?(?<!gunmen storm)(?<!militants storm)(?<!protesters storm)(?<!rebels storm)(?<!troops storm)"
                     r"(?<!police storm)(?<!forces storm)(?<!fighters storm)(?<!insurgents storm)(?<!demonstrators storm)"
                     # "RSF storms an army base": a place stormed, not weather
                     r"(?! (?:the |a |an |into |its |their )?(?:[\w-]+ )?(?:base|camp|town|city|village|prison|parliament|palace|"
                     r"compound|embassy|hotel|headquarters|school|barracks|station|airport|building|mosque|church|court)s?\b)", r"tornado", r"tsunami", r"drought", r"blizzard", r"snow", r"ash cloud",
                     r"crash(?:ed|es)?", r"derail(?:ed|ment)", r"collapsed?", r"accident", r"accidental", r"gas (?:leak|explosion)",
                     r"mine explosion", r"boiler", r"oil rig", r"seisme", r"inondations?", r"tremblement de terre",
                     r"naufrage", r"glissement de terrain", r"pluies", r"epidemie", r"outbreak", r"ebola", r"cholera", r"virus",
                     r"coronavirus", r"covid", r"pandemic", r"(?:un |l'|d'|le |les |des |grand |violent |gigantesque |important |gros |vaste |cet |l)incendies?(?! criminel)", r"fire broke out", r"blaze", r"capsized", r"sank", r"plunges?",
                     r"vaccins?", r"missing"), 1.2),
    "politics": (_rx(r"elections?", r"agenda", r"surprise (?:trip|visit)", r"fatwa", r"forbids?", r"prohibit(?:s|ed|ing)?", r"vote", r"voters", r"polls?", r"ballot", r"campaign", r"summit", r"talks", r"negotiations?", r"peace (?:deal|talks|agreement|process)",
                     r"ceasefire (?:agreement|deal|talks)", r"sanctions", r"diplomat(?:ic|s)?", r"treaty", r"resolution", r"budget", r"economy",
                     r"shares", r"stocks?", r"profits?", r"markets", r"(?:stock|financial|oil|housing|bond) market", r"market (?:share|value)", r"oil prices?", r"investors?", r"deal", r"merger", r"expansion",
                     r"new terminal", r"(?:new|second|third|extra|additional|longer) runway", r"runway (?:expansion|extension|project|plans?|upgrade)", r"conference", r"general assembly", r"parliamentary", r"parliament (?:voted|passed|approved|debated|adopted)", r"(?:in|by|to) parliament", r"legislation", r"bill", r"reform",
                     r"scrutin", r"elections", r"sommet", r"negociations", r"accord de paix", r"economie", r"deploy(?:ed|ment|s)?",
                     r"threat level", r"warns?", r"warned", r"condemn(?:s|ed)?", r"visit(?:s|ed)?", r"meets?", r"met with", r"pledge(?:s|d)?", r"promis(?:e|es|ed|ing) to", r"rebuild(?:s|ing)?", r"reconstruction",
                     r"recrut(?:e|ent|ement|ements)", r"recruit(?:s|ed|ing|ment)?",
                     r"aid(?! workers?| convoys?| agenc(?:y|ies)| groups?| staff| organi[sz]ations?)", r"humanitarian", r"refugees?(?! camps?)", r"migrants?"), 0.5),
    # Protests as one topic of worry among others, not an event: "India concern over Trump tariffs and Iran protest", "Oil rises on Iran protest
    # worries", "Rupee weakens as markets weigh US tariffs, Bangladesh protests", "l'Inde inquiète des tarifs et des
    # manifestations en Iran". Not "protesters clash with police as markets weigh tariffs" (the clash outweighs it).
    "topic": (_rx(*(head + r" (?:[\w'-]+ ){0,4}?[\w'-]+(?:,| and| et) (?:[\w'-]+ ){0,2}?(?:protests?|demonstrations?|manifestations?|unrest)\b"
                    for head in (r"concerns? (?:over|about)", r"worr(?:y|ies|ied) (?:over|about)", r"weigh(?:s|ed|ing)?", r"eye(?:s|ing)?",
                                 r"inquiete?s? (?:des|de|du|par)", r"preoccupe?e?s? (?:par|des|de)")),
                  r"protests? (?:worries|concerns|fears|jitters)", r"unrest (?:worries|concerns|fears|jitters)"), 2.0),
    # Plans, plots and fears: nothing has happened (yet).
    "intent": (_rx(r"plann(?:ed|ing) (?:to|an?|the)", r"accused of (?:planning|plotting|preparing)", r"plot(?:s|ted|ting)? to", r"foiled",
                   r"(?:terror|terrorist|security) threats?", r"fears? (?:of|that)", r"could be used",
                   r"projet(?:ai|aie)nt", r"veu(?:t|lent) (?:elargir|lancer|attaquer|defiler)", r"menace (?:de|d')",
                   # "les habitants craignent de nouvelles attaques", "la crainte d'un attentat", "redoutent une offensive"
                   r"craign(?:ent|ons|ez|ait|aient|ant)", r"propagande", r"crain(?:t|te|tes) (?:de|d'|que|qu'|une|un|des|la|le|l')",
                   r"redout(?:e|ent|ant|ait|aient|ons)", r"(?:peur|risque) (?:de nouvelles|d'une nouvelle|d'un nouvel|d'attaques?|d'attentats?)"), 1.2),
    # Afterwards: reopening, resuming.
    "aftermath": (_rx(r"reopen(?:s|ed|ing)?", r"re-open(?:s|ed|ing)?", r"resum(?:e|es|ed|ing) (?:flights|operations|services)",
                      r"(?:weeks|months) after", r"rouvert", r"reouverture",
                      # "a curfew is lifted", "levée du couvre-feu"
                      r"lift(?:s|ed|ing)? (?:the |a |its )?(?:[\w-]+ )?(?:curfew|state of emergency|lockdown)",
                      r"(?:curfew|state of emergency|lockdown) (?:is |was |has been |had been |will be )?lifted",
                      r"levee? (?:du |de l'|le |l')?(?:couvre-feu|etat d'urgence|confinement)", r"couvre-feu (?:est |a ete )?leve",
                      # "picking up the pieces after April killings", "since last month's attack"
                      r"(?:after|since) (?:the |last )?(?:january|february|march|april|may|june|july|august|september|october|"
                      r"november|december|last (?:week|month|year))(?:'s)? (?:[\w-]+ )?"
                      r"(?:attacks?|killings?|bombings?|massacres?|shootings?|violence|coup|putsch|takeover|uprising)"),
                  1.0),
}

_ACCIDENTAL_BLAST = cast(_Cue, FALSE_FRIENDS["accidental_blast"][0])
_COURT_HEADLINE = Gated(re.compile(r"\b(?:charged|charges|sentenced|sentences|convicted|indicted|arrested|arrests|detain(?:s|ed)?|jailed|trial|"
                                   r"court|executes|executed|inculpes?|condamnes?|arretes?|proces|tribunal)\b"),
                        "charge", "sentence", "convicted", "indicted", "arrest", "detain", "jailed", "trial", "court",
                        "execute", "inculpe", "condamne", "arrete", "proces", "tribunal")
# "amid fears that al-Qaeda was planning to explode a bomb": words in a plan or a fear did not happen.
_HYPOTHETICAL = re.compile(r"\b(?:plann(?:ed|ing) (?:to|an?|the)|plott(?:ed|ing) to|accused of (?:planning|plotting|preparing)|fears? (?:that|of)|"
                           r"claim(?:ing|ed|s)? to (?:have|carry|be carrying|be armed with)|"
                           r"(?:could|would|might|may) be used|aimed at (?:preventing|prohibiting|stopping)|projet(?:ai|aie)nt de)\b[^.;!?]{0,70}")
_HYPOTHETICAL_NEEDLES = ("plann", "plott", "accused of", "fear", "be used", "aimed at", "projet", "claiming to", "claimed to", "claims to", "claim to")  # one in every match
_MARKS_DATE = re.compile(r"\b(?:to|pour) (?:mark|commemorate|celebrate|marquer|commemorer) (?:the |l'|le |la )?")
# A headline that announces an explainer, an analysis or an interview, not a report of what just happened: "ce que l'on
# sait", "ont-ils mis fin ... ?", "What we know about ...", "Analysis: ...", or a question word opening the headline or a
# part of it ("Pourquoi ...", "Mali : qui est ...", "... - how US says it hit ..."): never an alert. Folded title.
_EXPLAINER_TITLE = Gated(re.compile(
    r"\b(?:ce (?:que|qu'on) (?:l'on |nous |vous |l'|on )?(?:sait|savons|savez|ignore|sais)|ce qu'(?:il faut|on) (?:savoir|sait)|"
    r"que (?:sait|savoir)|voici ce que|decryptage|questions sur|retour sur|analyse|entretien|tribune|editorial|chronique|questions?-reponses|"
    r"what (?:we|you) (?:know|need to know)|what to know|explainers?|explained|analysis|opinion|interview|q&a)\b|"
    r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b|"
    r"(?:^|[:?] |\s[-|] )(?:pourquoi|comment|qui (?:est|sont|etait|etaient)|why|how|"
    r"what (?:is|are|was|were|happened|happens|next)|who (?:is|are|was|were))\b"),
    "ce qu", "que sa", "voici", "decryptage", "questions sur", "retour sur", "analyse", "entretien", "tribune", "editorial", "chronique", "reponses", "what",
    "explain", "analysis", "opinion", "interview", "q&a", "-il", "-elle", "-on", "pourquoi", "comment", "qui ", "why", "how",
    "who ")
# A French headline about a trial or a sentence ("Procès des attentats ...", "... condamné à la perpétuité"): the story is
# the legal step, never an alert. Folded title.
_TRIAL_TITLE = Gated(re.compile(r"\bproces\b|\bcondamnee?s? (?:a|pour)\b|\b(?:cour d'assises|reclusion|perpetuite)\b"),
                     "proces", "condamne", "cour d'assises", "reclusion", "perpetuite")
# "un an après", "hommage aux victimes", "commémoration": a French headline looking back at an old event.
_MEMORIAL_TITLE = Gated(re.compile(r"\b(?:(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|\d+) ans? (?:apres|jour pour jour|plus tard)|"
                                   r"il y a (?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|\d+) ans?|"
                                   r"hommages?|commemor\w+)\b"),
                        " an", "hommage", "commemor")
_YEARS_AGO_START = re.compile(r"(?:[\w' -]{0,40}:\s*)?il y a (?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|"
                              r"trente|\d+) ans?\b")
# "Kenya marks 25 years since the bombing", "the tenth anniversary of": an English headline (or first sentence) looking back.
# Not "bombed the embassy to mark the anniversary" (_MARKS_DATE): the attack is today's.
_MEMORIAL_HEAD = Gated(re.compile(r"\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty) "
                                  r"years (?:since|after|on|ago)|(?:a|one) year (?:since|after|on)|anniversary|commemorat\w+|"
                                  r"remembrance|memorial (?:service|ceremony|event))\b"),
                       "years ", "year ", "anniversary", "commemorat", "remembrance", "memorial")
# The ceremony is the scene, not the subject: "Twin bombings at a memorial ceremony in Kerman kill 80".
_AT_MEMORIAL = Gated(re.compile(r"\b(?:at|during|on|near|targeting|targeted|outside) (?:a |an |the )?(?:[\w-]+ )?(?:memorial (?:service|"
                                r"ceremony|event|gathering|procession)|commemorations?|anniversary (?:rally|ceremony|event|march|"
                                r"celebrations?|gathering|procession))\b"),
                     "memorial ", "commemoration", "anniversary ")
# "was not kidnapped", "n'a pas été enlevé": the title denies the event.
_NEGATED = Gated(re.compile(r"\b(?:(?:was|were|has|have|had|is|are) (?:not|never) (?:been )?|n'(?:a|ont|est|sont) (?:pas|jamais) (?:ete )?)"
                            r"(?:kidnapped|abducted|killed|attacked|hurt|injured|wounded|shot|bombed|hijacked|taken hostage|"
                            r"enleve|enlevee?s?|kidnappee?s?|tuee?s?|attaquee?s?|blessee?s?|abattue?s?)\b|"
                            # "le gouvernement dément une attaque", "l'armée dément les rumeurs d'enlèvement" (not "dément être
                            # l'auteur de l'attaque": the attack happened)
                            r"\b(?:dement|dementent|dementi|dementir|denies|denied|deny) (?:toute |une |les |l'|des )?(?:rumeurs? (?:d'|de |sur )"
                            r"(?:une |l'|un )?)?(?:attaque|attaques|attentat|enlevement|incursion|coup d'etat|tentative de coup)\b"),
                 " not ", " never ", " pas ", " jamais ", "dement", "deni", "deny")

# A headline about a measure ending: "lifts the curfew", "lève le couvre-feu", "réouverture des frontières", "airport reopens".
_LIFTED_TITLE = Gated(re.compile(
    r"\b(?:lift(?:s|ed|ing)? (?:the |a |its )?(?:[\w-]+ )?(?:curfew|state of emergency|lockdown)|"
    r"(?:curfew|state of emergency|lockdown) (?:is |was |has been )?lifted|"
    r"(?:leve|levent|levee|levee de|levee du|a leve|ont leve) (?:du |de l'|le |l'|la )?(?:couvre-feu|etat d'urgence|confinement)|"
    r"couvre-feu (?:est |a ete )?leve|reopen(?:s|ed|ing)?|re-open(?:s|ed|ing)?|rouvr\w+|rouvert\w*|reouverture)\b"),
    "lift", "leve", "reopen", "re-open", "rouv", "reouverture")
# A coup or a mutiny named anywhere: gunfire around it is part of it.
_COUP_WORD = Gated(re.compile(r"\b(?:coups? d'etat|coups? de force|tentative de coup|putsch\w*|mutin\w*|military coup|coup attempt|"
                              r"seiz(?:e|es|ed|ing) power|(?:a|ont) pris le pouvoir|prise du pouvoir)\b"),
                   "coup", "putsch", "mutin", "power", "pouvoir")
# "The army seizes power and detains the president": soldiers detaining a leader is a coup, not a legal step.
_COUP_HEAD = Gated(re.compile(r"\b(?:coup|putsch|mutin\w*|seiz(?:e|es|ed|ing) power|junta|junte|constitution suspendue|"
                              r"(?:par|by) (?:des |les |the )?(?:militaires|soldats|mutins|soldiers|mutineers))\b"),
                   "coup", "putsch", "mutin", "power", "junt", "constitution", "par ", "by ")
# "The suspected gunman appears in court", "... pleads not guilty": a legal step told in the headline or first sentence.
_COURT_STEP_HEAD = Gated(re.compile(
    r"\b(?:appear(?:s|ed|ing)? (?:in|before) (?:a |the )?(?:[\w-]+ )?(?:court|judge|magistrates?|tribunal)|"
    r"(?:goes|go|went|going|stands?|stood|to stand) on trial|stand trial|plead(?:s|ed)? (?:not )?guilty|pleaded (?:not )?guilty|"
    r"comparai(?:t|tra|ssent)|(?:found|finds?) (?:[\w'-]+ ){0,3}?(?:not )?guilty|"
    r"jur(?:y|ors) (?:finds?|found|convicts?|convicted|acquits?|acquitted|clears?|cleared)|reconnue? coupable)\b"),
    "court", "judge", "magistrat", "tribunal", "trial", "guilty", "comparai", "jury", "jurors", "coupable")
# "A report says security forces killed hundreds of protesters last year", "... tués en 2019, selon un rapport de l'ONU":
# a report counting over a past period, not an event. Both a report word and a period in the headline or first sentence.
# "Suspect charged in abduction", "UK charges 8 in terror plot", "Belgium charges airport suspect": the headline's
# news is the legal step (a veto, unless the headline also tells of violence happening, or of a coup).
_LEGAL_HEAD = Gated(re.compile(
    r"\b(?:charged|sentenced|convicted|indicted|jailed|arrested|detained|acquitted|extradited|arrest|arrests|charges|sentences|"
    r"inculpes?|condamnes?|arretes?)\b(?: [\w'-]+){0,3}? (?:in|over|for|with|after|in connection with|pour|apres|dans)\b|"
    r"\b(?:charg(?:es|ed)|arrests?|arrested|detains?|detained|sentences?|sentenced|convicts?|convicted|indicts?|indicted|jails?|"
    r"jailed|extradites?|extradited|acquits?|acquitted)(?: [\w'-]+){0,3}? (?:suspects?|accused)\b|"
    # "Spain train bomb suspects arrested", "Westgate attack suspects charged"
    r"\b(?:suspects?|accused) (?:are |were |is |was |have been |has been )?(?:arrested|detained|charged|jailed|sentenced|convicted|"
    r"indicted|extradited|acquitted|held)\b"),
    "charge", "sentence", "convict", "indict", "jail", "arrest", "detain", "acquit", "extradit", "inculpe", "condamne", "arrete")
_REPORT_HEAD = Gated(re.compile(r"\b(?:reports?|rapports?|study|survey|etude|enquete|figures|statistics|statistiques)\b"),
                     "report", "rapport", "study", "survey", "etude", "enquete", "figures", "statisti")
_PERIOD = Gated(re.compile(r"\b(?:(?:last|past|previous) (?:year|decade)|(?:in|during|since|en|depuis) (?:19|20)\d\d|"
                           r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:years?|months|decade)|"
                           r"(?:depuis|au cours des|ces) (?:\w+ )?(?:dernieres annees|derniers mois|debut de l'annee))\b"),
                "last ", "past ", "previous ", "19", "20", "dernier")

# People's reactions and looking back, in the headline: "Americans in Texas respond to US strikes", "Voices from Iran
# after US strikes", "Picking up the pieces in Kashmir after ...". Not police or rescuers responding to a shooting.
_VOX_POP_HEAD = Gated(re.compile(
    r"\b(?:respond|react)s? to\b|^voices (?:from|of)\b|\bvoices (?:from|of) \w+ after\b|\bpicking up the pieces\b"),
    "respon", "react", "voices", "pieces")
_RESPONDERS = re.compile(r"\b(?:police|officers|troops|forces|security|firefighters|army|soldiers|rescuers|paramedics|"
                         r"emergency|services|teams|crews|authorities)\b")
# Someone comes to see the hurt after the event: "Macron visits soldiers wounded in Mali", "the Pope meets survivors".
_VISIT_HEAD = Gated(re.compile(
    r"\b(?:visits?|visited|visiting|meets?|met|comforts?|comforted) (?:the |with )?(?:[\w-]+ ){0,2}?"
    r"(?:wounded|injured|victims|survivors|families|bereaved)\b|"
    # "le ministre visite les blessés de l'attaque", "au chevet des soldats blessés", "rencontre les familles des victimes"
    r"\b(?:visite|visitent|rend visite aux?|au chevet d(?:es|u|e la)|rencontre|rencontrent|reconforte) (?:les |des |aux )?(?:[\w-]+ ){0,2}?"
    r"(?:blesses|victimes|survivants|rescapes|familles|endeuillees?)\b|"
    # "le ministre de la défense en visite à Bol après l'attaque de Boko Haram"
    r"\b(?:en visite|se rend|s'est rendue?|rend visite) (?:a|au|aux|dans|en|sur) (?:[\w'-]+ ){0,4}?(?:apres|suite a)\b"),
    "visit", "meet", "met ", "comfort", "chevet", "rencontr", "reconforte", "se rend", "s'est rendu")
# An event named by its month is an old one: "after April killings", "the June attack", "les attentats de novembre".
_MONTHS_ALT = ("(?:january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|"
               "avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)")
_MONTH_NAMED_EVENT = re.compile(
    r"\b(?:after|since|of|following|anniversary of|depuis|apres) (?:the |last )?" + _MONTHS_ALT + r"(?: \d{1,2})?(?:'s)? "
    r"(?:killings|massacre|attacks?|bombings?|shooting|coup|raid|riots|violence|clashes|attentats?|attaques?|tueries)\b|"
    r"\b(?:attentats?|attaques?|massacre|tuerie) (?:de|du|d') ?(?:\d{1,2}[ -])?" + _MONTHS_ALT + r"\b")


# A feature, a roundup or an obituary, not a report of what just happened (folded title or first sentence): "Inside the
# battle for Bakhmut", "The long road back for survivors of ...", "Life under siege in El Fasher", "The town that lives
# with the sound of gunfire", "The lasting scars of the port explosion", "Monday's news at a glance", "What happened on
# day 500 of the war", "Former hostage dies aged 90", "Obituary: ...". A veto. Not "Live: ..." (a live page on a new event).
# The opening words (`match`, tried at the start only): "Inside ...", "Life under ...", "The long road ...", "Monday's news".
_FEATURE_START = re.compile(
    r"(?:inside|life (?:under|after|amid|in|on)|(?:the )?(?:long|slow|hard|difficult|painful) (?:road|journey|walk)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|this week|the week|weekend)'s "
    r"(?:news|headlines|papers|front pages|top stories|stories|briefing)|obituary|necrologie|portrait|reportage|recit|timeline|"
    r"chronolog(?:y|ie)|fact ?check|in quotes|quiz|letters|podcast|review|"
    r"(?:mort|deces|disparition) (?:de |d')(?:[\w'-]+ ){0,6}?a (?:l'age de )?\d+ ans)\b")
# A sports section's label opening the headline: "Football : le PSG bombarde Lens 5-0", "Cycling: ... attacks on the climb".
_SPORT_SECTION = re.compile(
    r"(?:football|soccer|rugby|tennis|cricket|cyclisme|cycling|athletics|athletisme|basket(?:ball)?|handball|formula (?:1|one)|"
    r"formule 1|f1|golf|boxe|boxing|sports?|olympics|jeux olympiques|jo \d+|ligue 1|premier league|champions league|"
    r"ligue des champions|coupe du monde|world cup|tour de france|nba|nfl|mma|ufc)(?: \d+)? ?[:|-] ")
_FEATURE_HEAD = Gated(re.compile(
    r"\b(?:(?:road|journey|path) (?:back|to recovery)|at a glance|news in brief|(?:morning|evening|daily|weekly|news|world) "
    r"(?:briefing|round-?up|digest)|round-?up|key (?:events|developments)|what happened on day|(?:the )?week in (?:pictures|review|photos)|"
    r"(?:lasting|deep|hidden|invisible|open) (?:scars|wounds)|scars of|"
    r"(?:lives?|living|learn(?:s|ed|t)? to live) with (?:the )?(?:sound|threat|fear|memory|memories|trauma|scars|shadow)|"
    r"(?:dies|died|has died|die) (?:aged |at (?:the age of )?)\d+(?! (?:after|from|of (?:his|her|their) (?:wounds|injuries)))|"
    r"(?:mort|morte|decede|decedee) a (?:l'age de )?\d+ ans|l'essentiel de l'actualite|revue de presse|"
    r"(?:soldier|survivor|doctor|nurse|medic|reporter)'s (?:diary|story))\b"),
    "road back", "journey back", "path back", "to recovery", "glance", "in brief", "briefing", "roundup", "round-up", "digest",
    "key events", "key developments", "what happened on day", "week in ", "scars", "wounds", "live with", "lives with",
    "living with", "to live with", "dies ", "died ", "die ", "mort a ", "morte a ", "decede", "l'essentiel de", "revue de presse",
    "'s diary", "'s story")
# People after the event: "Victims' families demand answers over the Manchester Arena bombing", "Survivors mark five years
# since ...", "Ukrainians return to liberated villages to find homes destroyed". A veto, unless the headline also tells of
# violence happening ("Gunmen kill villagers who returned home").
_AFTER_PEOPLE_HEAD = Gated(re.compile(
    r"\b(?:families|relatives|survivors|victims|loved ones|familles|proches|victimes|rescapes|survivants)\b(?: [\w'-]+){0,6}? "
    r"(?:demand|demands|seek|seeks|calls? for|await|awaits|still waiting|wait|waits|mark|marks|remember|remembers|recall|recalls|"
    r"sue|sues|win|wins|lose|loses|share|shares|speak out|relive|relives|rebuild|rebuilds|reclament|reclame|attendent|se souviennent|"
    r"temoignent)\b|"
    r"\breturn(?:s|ed|ing)? (?:home|to (?:their |the |liberated |recaptured |retaken )?(?:[\w-]+ ){0,2}?(?:homes?|villages?|towns?|city|"
    r"cities|neighbou?rhoods?|schools?|classes|normal|normality))\b|"
    # people once held: "Former Malian hostage returns to France", "l'ex-otage raconte sa captivite"
    r"\b(?:former|ex|freed|released|ancien|ancienne|anciens|ex-|liberee?s?) ?(?:[\w-]+ ){0,2}?(?:hostages?|otages?|captives?)\b|"
    # a trade or a market told after the event: "Kenya's tourism rebounds after attacks", "le tourisme reprend apres les attentats"
    r"\b(?:tourism|tourist (?:numbers|arrivals)|visitor numbers|bookings|economy|shares|stocks|markets?|sales|tourisme|economie|"
    r"reservations) (?:[\w'-]+ ){0,2}?(?:rebound|rebounds|rebounded|recover|recovers|recovered|picks? up|picked up|slump|slumps|"
    r"slumped|reprend|repart|redemarre|chute)\b"),
    "famil", "relatives", "touris", "visitor", "bookings", "econom", "shares", "stocks", "market", "sales", "reservations", "survivors", "victim", "loved ones", "proches", "rescapes", "survivants", "return", "former", "ex",
    "freed", "released", "ancien", "libere")
# A headline denying the event: "Israel denies air strikes hit a hospital", "Army denies reports of a coup attempt",
# "Police deny officers fired on protesters". Not a denial of a part in an event that happened ("Hamas denies involvement in
# the bombing", "l'armée dément toute implication"), nor when the headline tells of violence beside the denial ("...
# as strikes kill 30").
_DENIAL_HEAD = Gated(re.compile(
    r"\b(?:denies|deny|denied|denying|dement|dementent|a dementi|ont dementi|nie|nient|(?:rejects?|rejected|dismiss(?:es|ed)?) "
    r"(?:reports?|claims?|rumou?rs?))"
    r" (?!(?:any |all |its |their |his |her |the |a |toute |sa |leur |son )?(?:involvement|responsibility|role|part|links?|ties|blame|"
    r"complicity|wrongdoing|being behind|it (?:was|is) behind|they (?:were|are) behind|carrying out|having carried out|"
    r"etre (?:l'auteur|derriere|implique)|implication|responsabilite|charges?|allegations? (?:of|that) (?:it|they)|accusations?|"
    r"guilt|breaching|requests?|entry|visas?|permission|access|bail|asylum)\b)"),
    "deni", "deny", "dement", "nie", "reject", "dismiss")
# Policy, not an event: a law, sanctions or a truce passed, signed or extended ("Gun control bill clears Senate after school
# shootings", "Israel and Hamas agree to extend truce"), arms bought or received ("Ukraine receives first F-16 fighter jets"),
# hostages freed ("Hamas releases three hostages in latest exchange"). A veto, unless the headline also tells of violence
# happening ("Protesters clash with police as parliament passes law").
_POLICY_HEAD = Gated(re.compile(
    r"\b(?:bill|law|legislation|decree|resolution|sanctions|treaty|truce|ceasefire|peace (?:deal|agreement|accord)|arms (?:deal|sales?|"
    r"exports?)) (?:[\w-]+ ){0,2}?(?:clears?|cleared|pass(?:es|ed)|approved|adopted|signed|vetoed|rejected|extended|renewed|"
    r"takes? effect|comes? into force)\b|"
    r"\b(?:pass(?:es|ed)?|approves?|approved|adopts?|adopted|signs?|signed|vetoes|vetoed|extends?|extended|renews?|renewed|"
    r"imposes?|imposed|agree(?:s|d)? (?:to extend|on|to)) (?:a |an |the |new |fresh |tougher |further |more )*(?:[\w-]+ ){0,2}?"
    r"(?:bill|law|legislation|decree|sanctions|treaty|truce|ceasefire|arms (?:deal|sales?|exports?)|peace (?:deal|agreement|accord))\b|"
    r"\b(?:receives?|received|takes delivery of|took delivery of|buys?|bought|orders?|ordered|acquires?|acquired|purchases?|purchased) "
    r"(?:its |the |first |more |new |additional |further |\d+ |[\w-]+ ){0,3}?(?:fighter jets|jets|warplanes|tanks|missiles|"
    r"air defen[cs]e systems|weapons|arms|drones|helicopters|howitzers|ammunition|munitions)\b|"
    r"\b(?:hostages?|otages?|captives) (?:[\w-]+ ){0,3}?(?:freed|released|liberee?s?|handed over|return(?:s|ed)? home|reunited)\b|"
    r"\b(?:frees|freed|releases|released|liberent|libere|liberes) (?:[\w-]+ ){0,3}?(?:hostages?|otages?|captives)\b|"
    r"\bhostage (?:release|exchange|swap|deal)\b"),
    "bill", "law", "legislation", "decree", "resolution", "sanction", "treat", "truce", "ceasefire", "peace ", "arms ",
    "receive", "delivery", "buy", "bought", "order", "acqui", "purchase", "hostage", "otage", "captive")
# A computer attack told in the headline: "Ransomware attack cripples hospital systems", "cyberattaque contre l'hôpital".
# A veto, unless the rest of the headline tells of violence.
_CYBER_HEAD = Gated(re.compile(
    r"\b(?:(?:ransomware|cyber|malware|ddos|hack(?:ers|ing)?|phishing|computer) (?:[\w-]+ )?attacks?|cyber-?attacks?|"
    r"cyberattaques?|attaques? (?:informatiques?|au rancongiciel)|ransomware|malware|rancongiciel|piratage informatique)\b"),
    "ransomware", "cyber", "malware", "ddos", "hack", "phishing", "computer", "informatique", "rancongiciel")
_AS_CLAUSE = re.compile(r"\b(?:as|while|amid|alors que|tandis que)\b")
_CLAUSE_END = re.compile(r"[,;:|]| - |\b(?:as|while|after|amid|but|despite|following|alors que|apres)\b")
# A protest or a strike announced, called or prepared for: "Protest planned for Saturday against the housing law", "Police
# prepare for weekend protests", "Opposition calls for mass rallies". Nothing has happened yet: a veto.
_PLANNED_HEAD = Gated(re.compile(
    r"\b(?:protests?|demonstrations?|rall(?:y|ies)|marche?s?|walkouts?|manifestations?|rassemblements?) (?:is |are |was |were )?"
    r"(?:planned|called|scheduled|set|expected|announced|prevue?s?|annoncee?s?) (?:for|on|this|next|tomorrow|pour|ce|cette|demain|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))\b|"
    r"\b(?:prepare|prepares|prepared|preparing|brace|braces|braced|bracing|gear up|gears up|se preparent?) (?:for|a) (?:[\w-]+ ){0,3}?"
    r"(?:protests?|demonstrations?|rall(?:y|ies)|marches|unrest|riots?|manifestations?)\b|"
    r"\bahead of (?:[\w-]+ ){0,2}?(?:protests?|demonstrations?|rall(?:y|ies)|marches)\b|"
    r"\bcall(?:s|ed|ing)? for (?:[\w-]+ ){0,2}?(?:protests?|demonstrations?|marches|rall(?:y|ies)|general strike)\b|"
    r"\bappell?(?:e|ent) a (?:manifester|la greve|une manifestation|des manifestations|un rassemblement)\b|"
    # a fear of what may come: "les habitants de Gao craignent de nouvelles attaques", "Villagers fear more raids"
    r"\b(?:craign(?:ent|ons|ait|aient)|crain(?:t|s)|redout(?:e|ent|ait|aient)|fear|fears|feared|dread) (?:de nouvelles |d'autres |"
    r"une nouvelle |un nouvel |de |d'|des |une |un |la |le |l'|new |more |further |fresh |renewed |a |an |the )?(?:[\w-]+ )?"
    r"(?:attaques?|attentats?|violences|offensives?|assauts?|represailles|attacks?|violence|assaults?|raids?|reprisals)\b"),
    "planned", "called", "scheduled", "set ", "expected", "announced", "prevu", "annonce", "prepar", "brace", "gear", "ahead of",
    "call", "appel", "craign", "crain", "redout", "fear", "dread")


# A reaction piece: leaders or ministers at a summit or a meeting are the subject of the headline (or first sentence), and
# an attack is only what they talk about ("The leaders of the G20 vow ... the terror attacks in Paris dominate
# conversations at the summit", "NATO ministers meet to discuss the response to the bombing"). Folded text. Not when the
# headline itself tells of violence happening ("Leaders meet in Kabul as a suicide bomber kills 20").
_REACTION_HEAD = Gated(re.compile(
    r"^(?:[\w'.-]+ ){0,5}?(?:leaders|ministers|heads of (?:state|government)|delegates|dirigeants|chefs d'etat|ministres)\b"
    r"(?: [\w'.-]+){0,8}? (?:vow|vows|vowed|pledge|pledges|pledged|meet|meets|met|gather|gathers|gathered|discuss|discusses|"
    r"discussed|agree|agrees|agreed|debate|debates|debated|hold|holds|held|promise|promises|promised|condemn|condemns|condemned|"
    r"se reunissent|discutent|s'engagent|promettent|condamnent|ont condamne)\b"),
    "leaders", "ministers", "heads of", "delegates", "dirigeants", "chefs d'etat", "ministres")
_REACTION_TOPIC = Gated(re.compile(
    r"\b(?:summit|sommet|g7|g8|g20|(?:emergency |extraordinary )?meeting|reunion (?:d'urgence|extraordinaire)|conference|agenda|"
    r"dominat(?:e|es|ed|ing) (?:the )?(?:conversations?|talks|discussions?|agenda|meetings?|debates?)|in solidarity|"
    r"en solidarite)\b"),
    "summit", "sommet", "g7", "g8", "g20", "meeting", "reunion", "conference", "agenda", "dominat", "solidarit")
_VIOLENCE_VERB = re.compile(r"\b(?:kill(?:s|ed|ing)?|explod(?:es|ed|ing)|blew|stormed|storms?|opened fire|open fire|shot|fired|"
                            r"detonat\w+|rammed|abduct(?:s|ed)|kidnapp?(?:s|ed)|hijack(?:s|ed)|hit|struck|clash(?:es|ed)|tue(?:nt)?|ont tue|"
                            r"a explose|ont attaque|attaquent|fire (?:tear|rubber|live|on|at)|protest(?:s|ed|ers)?|demonstrat\w+|"
                            r"manifest\w+|gunm[ae]n|bombers?|hostages?|otages?|hommes armes|ambush(?:ed)?|evacuated|evacues?|air ?strikes?|shell(?:ed|ing)|"
                            r"rockets?|mortars?)\b")

# A closure or cancelled flights with a cause that is not security: a labour strike, a power cut, a technical fault, fog.
# Only asked of a disruption with nothing violent beside it ("Flights cancelled as air traffic controllers strike").
_ROUTINE_CAUSE = Gated(re.compile(
    r"\b(?:(?:air traffic control(?:lers?)?|atc|controllers?|pilots?|cabin crew|baggage handlers|ground staff|ground handlers|"
    r"airport (?:staff|workers)|workers|unions?|dockers|security staff)(?:'s?)? (?:strikes?|walkouts?|industrial action)|"
    r"(?:strike|strikes|walkout|industrial action) by (?:[\w-]+ ){0,3}?(?:controllers|pilots|crew|staff|workers|handlers|unions?)|"
    r"(?:air traffic )?controllers? (?:strike|walk out)|industrial action|greves?|grevistes|controleurs aeriens|mouvement social|"
    r"power (?:cut|outage|failure)s?|(?:electricity |electrical |power )?substation|technical (?:fault|failure|problem|glitch|issue)s?|"
    r"(?:it|computer|system|systems|software) (?:outage|failure|glitch|problem|issue)s?|glitch|outage|fog|panne|coupure de courant|"
    r"brouillard|"
    # a crash or the weather: "the airport was closed after a plane crash", "Hurricane forces evacuation of Miami Beach"
    r"(?:plane|air|jet|aircraft|airliner|helicopter|cargo plane) crash(?:es|ed)?|crash-land\w*|crash landing|runway excursion|"
    r"skidded off the runway|hurricanes?|typhoons?|cyclones?|blizzards?|snowstorms?|heavy snow|volcanic ash|ash cloud|eruption|"
    r"wildfires?|floods?|flooding|ouragan|neige|inondations?|cendres volcaniques|eruption volcanique|crash d'un avion)\b"),
    "strike", "walkout", "walk out", "industrial action", "greve", "controleur", "mouvement social", "power ", "substation",
    "technical ", "outage", "failure", "glitch", "problem", "issue", "fog", "panne", "coupure", "brouillard", "crash", "runway excursion", "skidded",
    "hurrican", "typhoon", "cyclone", "blizzard", "snow", "volcanic ash", "ash cloud", "eruption", "wildfire", "flood", "ouragan", "neige",
    "inondation", "cendres")

# A kind needs at least this much evidence; then false friends must not outweigh it.
MIN_SCORE = 2.0
TITLE_WEIGHT = 2
CASUALTY_BONUS = 1.5
HARM_WEIGHT = 0.5
FRIEND_FACTOR = 0.7
DOMAIN_FRIENDS = ("sport", "film", "drill", "cyber", "business", "science", "figurative")
DOMAIN_VETO = 3.0
# An evacuation or a closure told beside this much disaster ("eruption", "floods", "cyclone") is the disaster's, not security's.
DISASTER_CAUSE = 2.4


@dataclass(frozen=True)
class Detection:
    category: Category
    score: float
    false_friends: tuple[str, ...]


def _build_prefix_automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for prefix, ids in _PREFIX_CUES.items():
        a.add_word(prefix, (len(prefix), tuple(sorted(ids))))
    a.make_automaton()
    return a


_PREFIX_AUTOMATON = _build_prefix_automaton()


# Groups weighing less than this only support a kind ("jeunes", "guns"): alone, they never make one of _NEEDS_STRONG.
SUPPORT_ONLY = 1.0
_NEEDS_STRONG = (Category.UNREST, Category.SHOOTING)


def _score(text: str, cues: tuple[tuple[_Cue, float], ...], candidates: dict[int, list[int]]) -> tuple[float, bool]:
    """Each distinct cue counts (up to three per group); repeats of one cue help a little. Also: did a group that is
    more than support (SUPPORT_ONLY) match?"""
    total = 0.0
    strong = False
    for pattern, weight in cues:
        hits = pattern.findall(text, candidates)
        if hits:
            distinct = len(set(hits))
            total += weight * (min(distinct, 3) + 0.25 * min(len(hits) - distinct, 4))
            strong = strong or weight >= SUPPORT_ONLY
    return total, strong


def _friends(title: str, body: str, in_title: dict[int, list[int]], in_body: dict[int, list[int]]) -> dict[str, float]:
    found: dict[str, float] = {}
    for name, (pattern, weight) in FALSE_FRIENDS.items():
        if isinstance(pattern, _Cue):
            hits = TITLE_WEIGHT * len(pattern.findall(title, in_title)) + len(pattern.findall(body, in_body))
        else:
            hits = TITLE_WEIGHT * len(pattern.findall(title)) + len(pattern.findall(body))
        if hits:
            found[name] = weight * min(hits, 3)
    if "accidental_blast" in found and _ACCIDENTAL_BLAST.findall(title, in_title):
        found["accidental_title"] = 4.0  # "Explosion d'un dépôt de munitions": the headline names the cause
    if "memorial" in found and _MARKS_DATE.search(body or title):
        found["memorial"] *= 0.3  # "bombed the embassy to mark the anniversary": the attack is today's
    head = title or body[:body.find(".") + 1 or 200]  # the headline, or the first sentence
    if _NEGATED.search(head):
        found["negated"] = 5.0
    if _REACTION_HEAD.search(head) and _REACTION_TOPIC.search(title + " " + body) and not _VIOLENCE_VERB.search(head):
        found["reaction"] = 1.0  # "G20 leaders vow ... as the Paris attacks dominate the summit": a veto, as an explainer
    if _COURT_STEP_HEAD.search(head):
        found["trial"] = 1.0  # "The suspected gunman appears in court": a veto
    if _LEGAL_HEAD.search(head) and not _VIOLENCE_VERB.search(head) and not _COUP_HEAD.search(head):
        found["legal_head"] = 1.0  # "Suspect charged in abduction": a veto
    if _REPORT_HEAD.search(head) and _PERIOD.search(head):
        found["report_head"] = 1.0  # "Report says forces killed hundreds of protesters last year": a veto
    if _COURT_HEADLINE.search(title or head[:60]) and not _COUP_HEAD.search(head):
        found["court_headline"] = 2.0  # "Suspect charged in abduction": the story is the legal step
    if title.rstrip().endswith("?"):  # a question in the title: analysis or opinion, not a report
        found["question"] = 2.0
    elif "?" in title:  # "'Necessary' or 'unfounded'? Americans respond to US strikes": a debate, most often
        found["question"] = 1.5
    if _VISIT_HEAD.search(head) and not _VIOLENCE_VERB.search(head):
        found["reaction"] = 1.0  # "Macron visits soldiers wounded in Mali": a visit after the event, a veto
    vox = _VOX_POP_HEAD.search(head)
    if vox and not _RESPONDERS.search(head[:vox.start()]):
        found["reaction"] = 1.0  # "Americans in Texas respond to US strikes": people's reactions, a veto
    if _SPORT_SECTION.match(head):
        found["sport"] = max(found.get("sport", 0.0), DOMAIN_VETO)  # a sports page: unless people were killed (counted_harm)
    if (_FEATURE_START.match(head) or _FEATURE_HEAD.search(head)) and not _news_clause(head):
        found["feature"] = 1.0  # "Inside the battle for Bakhmut", "Monday's news at a glance", "... dies aged 90": a veto
    for rule in (_AFTER_PEOPLE_HEAD, _PLANNED_HEAD, _DENIAL_HEAD, _POLICY_HEAD, _CYBER_HEAD):
        m = rule.search(head)
        if m is not None:
            # the rest of the headline, without the matched phrase (and a denial's clause): does it tell of violence?
            end = m.end()
            if rule is _DENIAL_HEAD:
                cut = _CLAUSE_END.search(head, end)
                end = cut.start() if cut else len(head)
            if not _VIOLENCE_VERB.search(head[:m.start()] + " " + head[end:]) and not _news_clause(head):
                found[_HEAD_VETO_NAMES[id(rule)]] = 1.0
    if _MONTH_NAMED_EVENT.search(head):
        found["looking_back"] = 1.0  # "after April killings": an event known by its month is an old one; a veto
    if _MEMORIAL_HEAD.search(head) and not _MARKS_DATE.search(head) and not _AT_MEMORIAL.search(head):
        found["memorial_title"] = 4.0  # "Kenya marks 25 years since the bombing of the US embassy"
    if _MEMORIAL_TITLE.search(title) or (not title and _YEARS_AGO_START.match(head)):
        # "Attentats du 13-Novembre : hommage aux victimes huit ans après"; a one-line item opening "Il y a cinq ans, l'attentat de ..."
        found["memorial_title"] = 4.0
    if _LIFTED_TITLE.search(title):
        found["aftermath_title"] = 1.0  # "La junte lève le couvre-feu", "Airport reopens": the measure ends; a veto
    if _TRIAL_TITLE.search(title):
        found["trial"] = 1.0  # a veto, as an explainer
    if _EXPLAINER_TITLE.search(title):
        found["explainer"] = 1.0  # "Fusillade à Marseille : ce que l'on sait", "What we know about ...": a veto
    return found


# A curfew or a state of emergency that the headline (or the first sentence) reports, its cause told after it: the measure
# is the news a traveller acts on, not the protests behind it.
# Only a measure put in place ("curfew imposed", "impose a curfew", a headline opening on it), not "protesters defy the curfew".
_MEASURE = r"(?:curfews?|couvre-feux?|state of emergency|etat d'urgence|lockdown)"
_MEASURE_HEAD = Gated(re.compile(
    r"^(?:[\w' -]{0,40}:\s*)?(?:an? |the |le |un )?(?:[\w-]+ )?" + _MEASURE + r"\b|"
    r"\b(?:impos|declar|order|announc|extend|instaur|decret|proclam)\w* (?:an? |the |un |le |l')?(?:[\w-]+ ){0,2}?" + _MEASURE + r"\b|"
    r"\b" + _MEASURE + r" (?:[\w-]+ ){0,2}?(?:imposed|declared|ordered|instaure|decrete|impose|proclame)"),
    "curfew", "couvre-feu", "couvre-feux", "state of emergency", "etat d'urgence", "lockdown")
_CAUSE_AFTER = re.compile(r"\b(?:after|following|amid|over|as|apres|suite a|a la suite|en raison)\b")


# An airport or an airspace closed, told before its cause: "L'aéroport de Port-au-Prince fermé après des tirs sur un avion",
# "Airport closed after gunfire nearby": the closure is the news a traveller acts on.
_CLOSURE_HEAD = Gated(re.compile(
    r"\b(?:airports?|airspace|aeroports?|espace aerien)\b(?! (?:road|roads|highway|route|routes)\b)(?: [\w'-]+){0,6}? (?:(?:is|was|has been|remains|a ete|est|reste) )?"
    r"(?:closed|shut|fermee?s?)\b|"
    r"\b(?:closes|closed|shuts|shut|ferme|ferment|closure of|fermeture de|fermeture des) (?:the |its |l'|son |leur )?(?:[\w'-]+ ){0,2}?"
    r"(?:airports?|airspace|aeroports?|espace aerien)\b(?! (?:road|roads|highway|route|routes)\b)|"
    # "Port-au-Prince airport suspends flights after gang gunfire hits a plane"
    r"\b(?:suspends?|suspended|halts?|halted|grounds?|grounded) (?:all )?(?:flights|air traffic)\b|"
    r"\bflights? (?:were |are |have been |was |is )?(?:suspended|halted|grounded|cancelled|canceled)\b|"
    r"\bvols (?:sont |ont ete )?(?:suspendus|annules)\b"),
    "airport", "airspace", "aeroport", "espace aerien", "flight", "air traffic", "vols ")


# Staff pulled out, told before the cause: "The US ordered non-emergency staff to leave its embassy in Juba as fighting spread".
_EVACUATION_HEAD = Gated(re.compile(
    r"\b(?:evacuat(?:e|es|ed|ing)|evacu(?:e|ent|ait|aient)|(?:ordered|orders|order|told|tells|urged|urges) (?:[\w-]+ ){0,3}?"
    r"(?:staff|personnel|nationals|citizens|diplomats|employees) to (?:leave|depart))\b"),
    "evacu", "ordered", "orders", "order", "told", "tells", "urged", "urges")


def _measure_before_cause(title: str, body: str, measure: Gated | None = None) -> bool:
    """A measure (a curfew; with `measure`, an airport's closure) in the headline, its cause told after it. A closure needs
    the cause said ("closed after gunfire"): "des drones frappent l'aéroport, les vols suspendus" tells the strike first."""
    head = title or body[:body.find(". ") + 1 or 200]
    hit = (measure or _MEASURE_HEAD).search(head)
    if hit is None:
        return False
    if measure is not None:
        cause = _CAUSE_AFTER.search(head, hit.end())
        return cause is not None and not _CAUSE_AFTER.search(head, 0, hit.start())
    cause = _CAUSE_AFTER.search(head)
    return cause is None or cause.start() > hit.start()


_HEAD_VETO_NAMES = {id(_AFTER_PEOPLE_HEAD): "after_event", id(_PLANNED_HEAD): "planned", id(_DENIAL_HEAD): "denial",
                    id(_POLICY_HEAD): "policy", id(_CYBER_HEAD): "cyber_head"}


def _news_clause(head: str) -> bool:
    """Does a clause of the headline after "as" or "while" tell of an incident on its own ("Inside a Kyiv shelter as Russian
    missiles strike the capital")?"""
    m = _AS_CLAUSE.search(head)
    if m is None:
        return False
    clause = head[m.end():]
    candidates = _candidates(clause)
    return any(_score(clause, cues, candidates)[0] >= MIN_SCORE for cues in CUES.values())


def _blank(m: re.Match[str]) -> str:
    return m.group()[:m.group().find(" ") + 1] + " " * (len(m.group()) - m.group().find(" ") - 1)


def _count(pattern: _Cue | Gated | re.Pattern[str], title: str, body: str, cap: int, in_title: dict[int, list[int]] | None = None,
           in_body: dict[int, list[int]] | None = None) -> int:
    if isinstance(pattern, _Cue):
        hits = {*pattern.findall(title, in_title or {})}
        return min(TITLE_WEIGHT * len(hits) + len({*pattern.findall(body, in_body or {})} - hits), cap)
    hits = {*pattern.findall(title)}
    return min(TITLE_WEIGHT * len(hits) + len({*pattern.findall(body)} - hits), cap)


# A robbery is ordinary crime, which the bot does not alert on ("Armed robbers attacked a shop in a Bamako market,
# injuring one man", "a jewellery store hold-up"), unless many die or an armed group does it ("bandits and robbers
# kill 48 people in Zamfara").
_ROBBERY = re.compile(r"\b(?:(?:armed )?robbers?|robbery|robberies|burglars?|burglary|thie(?:f|ves)|hold-?ups?|muggers?|mugging|"
                      r"carjack\w*|braquages?|braqueurs?|cambrioleurs?|cambriolages?|voleurs?)\b")
_ARMED_GROUP = re.compile(r"\b(?:bandits?|militants?|insurgents?|jihadists?|rebels?|terrorists?|gangs?|gangsters?|militia\w*|"
                          r"extremists?|islamists?|jihadistes|djihadistes|terroristes|rebelles|miliciens|gangs armes)\b")
ROBBERY_MAX_KILLED = 3


def detect_incident(folded_title: str, folded_body: str, killed: int | None = None, injured: int | None = None
                    ) -> Detection:
    """The primary kind of incident in an item, or Category.NONE."""
    if any(needle in folded_body for needle in _HYPOTHETICAL_NEEDLES):
        folded_body = _HYPOTHETICAL.sub(_blank, folded_body)
    in_title, in_body = _candidates(folded_title), _candidates(folded_body)
    scores: dict[Category, float] = {}
    for category, cues in CUES.items():
        (in_head, strong_head), (in_text, strong_text) = _score(folded_title, cues, in_title), _score(folded_body, cues, in_body)
        score = TITLE_WEIGHT * in_head + in_text
        # "un plan pour l'emploi des jeunes", "students back in class": crowd words alone make no unrest, guns no shooting
        scores[category] = score if strong_head or strong_text or category not in _NEEDS_STRONG else min(score, MIN_SCORE - 0.5)
    harm = _count(HARM, folded_title, folded_body, 3, in_title, in_body)
    actors = _count(ACTORS, folded_title, folded_body, 3, in_title, in_body)
    # Armed groups named beside harm done: an attack, even without an attack word.
    # Armed groups, or soldiers and police, named beside harm done: violence, even without an attack word.
    # It decides whether something happened; the kind comes from the kind's own words when there are any.
    violence = min(actors, 2) * (1.0 if harm else 0.25)
    if harm:
        violence += 2.0 * min(_count(ARMED_VICTIMS, folded_title, folded_body, 1), 1)
    if max(scores.values()) < MIN_SCORE:
        scores[Category.ARMED_ATTACK] += violence
        violence = 0.0
    friends = _friends(folded_title, folded_body, in_title, in_body)
    body_len_factor = max(1.0, len(folded_body) / 1500)  # long texts mention more things in passing
    against = sum(friends.values()) / body_len_factor
    best = max(PRIORITY[:-1], key=lambda c: (scores.get(c, 0.0), -PRIORITY.index(c)))
    top = scores.get(best, 0.0)
    # People killed or hurt make a violent reading more likely, whatever the kind.
    evidence = top + violence + max(HARM_WEIGHT * harm, CASUALTY_BONUS if (killed or injured) else 0.0)
    # A story that is plainly about sport, film, a drill or computers is that, whatever words it uses.
    domain = max((friends.get(k, 0.0) for k in DOMAIN_FRIENDS), default=0.0)
    counted_harm = bool(killed or injured or harm) and top >= 2 * MIN_SCORE
    if top < MIN_SCORE or evidence - FRIEND_FACTOR * against < MIN_SCORE or (domain >= DOMAIN_VETO and not counted_harm) \
            or "explainer" in friends or "trial" in friends or "reaction" in friends or "report_head" in friends \
            or "legal_head" in friends or "looking_back" in friends or "aftermath_title" in friends or "feature" in friends \
            or "after_event" in friends or "planned" in friends or "denial" in friends or "policy" in friends \
            or "cyber_head" in friends:
        return Detection(Category.NONE, top, tuple(friends))
    if best in (Category.ARMED_ATTACK, Category.SHOOTING) and (killed or 0) < ROBBERY_MAX_KILLED \
            and _ROBBERY.search(whole := f"{folded_title}\n{folded_body}") and not _ARMED_GROUP.search(whole):
        return Detection(Category.NONE, top, (*friends, "ordinary_crime"))  # "Armed robbers attack a shop": a crime's
    if best is Category.SHOOTING and scores[Category.MILITARY] >= MIN_SCORE and (
            _COUP_WORD.search(folded_title) or _COUP_WORD.search(folded_body)):
        best = Category.MILITARY  # "tirs près de la présidence" in a coup or a mutiny: the gunfire is the coup's
    if best is Category.UNREST and scores[Category.DISRUPTION] >= MIN_SCORE and _measure_before_cause(folded_title, folded_body):
        best = Category.DISRUPTION  # "Curfew imposed in Baltimore after riots", "Couvre-feu à Conakry après des manifestations"
    if best in (Category.SHOOTING, Category.ARMED_ATTACK, Category.UNREST, Category.MILITARY) and scores[Category.DISRUPTION] >= MIN_SCORE \
            and (_measure_before_cause(folded_title, folded_body, _CLOSURE_HEAD)
                 or _measure_before_cause(folded_title, folded_body, _EVACUATION_HEAD)) \
            and not (best is Category.MILITARY and (_COUP_WORD.search(folded_title) or _COUP_WORD.search(folded_body))):
        best = Category.DISRUPTION  # "L'aéroport de Bangui fermé après des tirs à proximité"
    if best is Category.DISRUPTION and _ROUTINE_CAUSE.search(folded_title + " " + folded_body) and \
            max(v for c, v in scores.items() if c is not Category.DISRUPTION) < MIN_SCORE:
        return Detection(Category.NONE, top, tuple(friends))  # "Heathrow closed after a substation fire", a strike: not security
    if best is Category.DISRUPTION and friends.get("disaster", 0.0) >= DISASTER_CAUSE and \
            max(v for c, v in scores.items() if c is not Category.DISRUPTION) < MIN_SCORE:
        return Detection(Category.NONE, top, tuple(friends))  # "volcan en éruption, la population évacuée": a disaster's
    return Detection(best, top, tuple(friends))
