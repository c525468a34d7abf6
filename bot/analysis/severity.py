"""How bad is it: a rule a user can read, and the sentence that explains it.

  critical  10 or more killed; or an ongoing assault, bombing or hostage-taking at an airport,
            UN site, embassy or hotel
  high      1 or more killed; or an attack/bombing/shooting/kidnapping on such a target or a
            school or military base; or a coup; or an airport closed for security
  medium    people injured; or any other attack, bombing, shooting, kidnapping, strike or shelling
  low       protests, curfews and other disruption without casualties
"""
from __future__ import annotations

from bot.analysis.categories import PHRASE
from bot.analysis.facts import Category, Severity

SENSITIVE_TARGETS = frozenset({"airport", "UN site", "embassy", "hotel"})
HARD_TARGETS = SENSITIVE_TARGETS | {"school", "military base", "police station", "church", "mosque", "market"}
VIOLENT = frozenset({Category.ARMED_ATTACK, Category.BOMBING, Category.SHOOTING, Category.KIDNAPPING})


def rate_severity(category: Category, *, killed: int | None, injured: int | None, targets: frozenset[str],
                  ongoing: bool, airport_closed: bool, is_coup: bool, injured_or_killed: bool = False) -> tuple[Severity, str]:
    """(severity, reason) for an incident. injured_or_killed: the injured are casualties, hurt or killed ("12 victimes")."""
    kind = PHRASE[category]  # "an armed attack", "military action"
    target_text = _listed(sorted(targets & HARD_TARGETS)) if targets & HARD_TARGETS else ""
    if killed and killed >= 10:
        return Severity.CRITICAL, f"Critical: at least {killed} killed."
    if ongoing and category in VIOLENT and targets & SENSITIVE_TARGETS:
        return Severity.CRITICAL, f"Critical: {_ongoing(kind)} at {_listed(sorted(targets & SENSITIVE_TARGETS))}."
    if killed:
        return Severity.HIGH, f"High: {killed} killed in {kind}."
    if category in VIOLENT and targets & HARD_TARGETS:
        return Severity.HIGH, f"High: {kind} targeting {target_text}."
    if is_coup:
        return Severity.HIGH, "High: a coup or mutiny; expect closures and checkpoints."
    if airport_closed:
        return Severity.HIGH, "High: an airport closed for security reasons."
    if injured and injured_or_killed:
        return Severity.MEDIUM, f"Medium: {injured} casualties reported (killed or injured, not told apart)."
    if injured:
        return Severity.MEDIUM, f"Medium: {injured} injured, no deaths reported."
    if category in VIOLENT or category is Category.MILITARY:
        return Severity.MEDIUM, f"Medium: {kind} with no casualties reported."
    return Severity.LOW, f"Low: {kind} without reported casualties."


def _ongoing(kind: str) -> str:
    """'an armed attack' -> 'an ongoing armed attack'."""
    noun = kind.split(" ", 1)[1] if kind.startswith(("a ", "an ")) else kind
    return f"an ongoing {noun}"


def _listed(items: list[str]) -> str:
    """'an airport', 'an airport and a school', 'an airport, a hotel and a school'."""
    items = [f"{'an' if item[0] in 'aeio' else 'a'} {item}" for item in items]  # "a UN site": U reads "you"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
