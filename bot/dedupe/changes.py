"""What a later report of a known incident changes, in the words of an update (pure).

Only material changes make an update: the death toll rises, the severity escalates, the
airport closes or reopens, the situation is declared under control. A rewording of the same
facts changes nothing, so it sends nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.analysis.facts import Facts, Severity
from bot.analysis.normalize import fold
from bot.analysis.status import is_all_clear

_AIRPORT_CLOSED = re.compile(
    r"\b(?:airports?\b[^.]{0,60}\b(?:closed|shut|suspended|halted)|(?:closure|closing|shutdown) of [^.]{0,40}airport|"
    r"flights? (?:were |have been |are )?(?:suspended|cancell?ed|grounded|diverted)|airspace (?:was |is )?closed|"
    r"aeroport[^.]{0,60}\b(?:ferme|suspendu)|fermeture de l'aeroport|vols? (?:suspendus|annules))"
)
_AIRPORT_REOPENED = re.compile(
    r"\b(?:airports?\b[^.]{0,60}\b(?:reopen(?:ed|s)?|resumed)|flights? (?:have |had )?resumed|resumption of flights|"
    r"airspace (?:was |has been )?reopened|reouverture de l'aeroport|aeroport[^.]{0,40}rouvert|vols? (?:ont )?repris)"
)
_FLIGHT_NEEDLES = ("airport", "aeroport", "flight", "airspace", "vol")  # every match of both patterns holds one


@dataclass(frozen=True)
class IncidentState:
    """What the bot has told chats so far about an incident."""

    killed: int | None = None
    injured: int | None = None
    severity: Severity | None = None
    airport_closed: bool | None = None
    all_clear: bool = False
    # the report's injured are casualties, hurt or killed ("20 victimes"): told as such (not stored: only an update's
    # wording needs it, that of the report that brings the figure)
    injured_or_killed: bool = False


def state_of(facts: Facts, text: str) -> IncidentState:
    """The state one report describes."""
    folded = fold(text)
    about_flights = any(needle in folded for needle in _FLIGHT_NEEDLES)
    closed = about_flights and bool(_AIRPORT_CLOSED.search(folded))
    reopened = about_flights and bool(_AIRPORT_REOPENED.search(folded))
    return IncidentState(
        killed=facts.killed,
        injured=facts.injured,
        severity=facts.severity,
        airport_closed=False if reopened else (True if closed else None),
        all_clear=is_all_clear(folded),
        injured_or_killed=facts.injured_or_killed,
    )


def material_changes(old: IncidentState, new: IncidentState, *, calm: bool = False) -> tuple[list[str], IncidentState]:
    """The lines worth an update, and the state after this report.

    calm: the report is no incident report itself ("Kabul airport reopens to flights"): only the news that things are
    back to normal counts (the airport reopened, the situation under control); its figures and its severity, those of
    a story about the incident (a trial, a reaction), do not.
    """
    if calm:
        new = IncidentState(killed=None, injured=None, severity=None,
                            airport_closed=False if new.airport_closed is False else None, all_clear=new.all_clear)
    lines: list[str] = []
    merged = old
    if new.killed is not None and new.killed > (old.killed or 0):
        lines.append(f"Death toll rises to {new.killed} (was {old.killed})" if old.killed else f"At least {new.killed} killed")
        merged = replace(merged, killed=new.killed)
    if new.injured is not None and new.injured >= (old.injured or 0) + max(3, (old.injured or 0) // 4):
        told = "casualties, killed or injured" if new.injured_or_killed else "injured"
        lines.append(f"{new.injured} {told}" + (f" (was {old.injured})" if old.injured else ""))
        merged = replace(merged, injured=new.injured)
    if new.severity is not None and (old.severity is None or new.severity.rank > old.severity.rank):
        if old.severity is not None:
            lines.append(f"Severity raised to {new.severity.value.upper()}")
        merged = replace(merged, severity=new.severity)
    if new.airport_closed is not None and new.airport_closed != old.airport_closed:
        if new.airport_closed or old.airport_closed:  # "reopened" only after a closure we reported
            lines.append("Airport closed" if new.airport_closed else "Airport reopened")
        merged = replace(merged, airport_closed=new.airport_closed)
    if new.all_clear and not old.all_clear:
        lines.append("Authorities say the situation is under control")
        merged = replace(merged, all_clear=True)
    return lines, merged
