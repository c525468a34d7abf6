"""Console mode: the bot's main job without Telegram.

The console is one 'chat' (id 0) watching the --watch places; each advisory it
would send is printed to stdout and marked sent, so a restart prints nothing twice.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from bot.analysis.facts import Place
from bot.cycle import make_poller, poll_cycle, run_schedule
from bot.match import DEFAULT_RADIUS_KM
from bot.places import Ambiguous, Invalid, Resolved, Unknown, label, resolve_place
from bot.services import Services
from bot.sources.htmltext import html_to_text
from bot.store import outbox, subscriptions

CONSOLE_CHAT_ID = 0


def resolve_console_watches(names: Sequence[str], services: Services, err: TextIO) -> list[Place]:
    places: list[Place] = []
    for name in names:
        result = resolve_place(name, services.places)
        if isinstance(result, Resolved):
            places.append(result.place)
        elif isinstance(result, Ambiguous):
            places.append(result.options[0])
            # each other option as it can be asked for: "--watch 'Gaza, PS'"
            others = "; ".join(f"{p.name}, {p.country}" if p.kind == "city" and p.country else label(p)
                               for p in result.options[1:])
            print(f"'{name}' is ambiguous: watching {label(result.options[0])} (others, by --watch: {others})", file=err)
        elif isinstance(result, Unknown):
            hint = f" Did you mean: {', '.join(result.suggestions)}?" if result.suggestions else ""
            print(f"unknown place '{name}', ignored.{hint}", file=err)
        elif isinstance(result, Invalid):
            print(f"--watch {name!r}: {result.reason}", file=err)
    return places


def print_due(services: Services, out: TextIO) -> int:
    printed = 0
    for delivery in outbox.due_deliveries(services.db, now=services.clock(), limit=1000, chat_id=CONSOLE_CHAT_ID):
        # A console cannot edit what it printed, nor show a map: confirmations and pins are skipped.
        if delivery.kind in ("alert", "update"):
            print(html_to_text(delivery.text, keep_links=True), file=out)
            print("-" * 60, file=out, flush=True)
            printed += 1
        outbox.mark_sent(services.db, delivery.id, message_id=delivery.id, now=services.clock())
    return printed


async def run_console(
    services: Services, names: Sequence[str], *, once: bool, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    places = resolve_console_watches(names, services, err)
    db, now = services.db, services.clock()
    subscriptions.save_chat(db, CONSOLE_CHAT_ID, chat_type="console", title="console", now=now)
    subscriptions.replace_watches(db, CONSOLE_CHAT_ID, places, radius_for=DEFAULT_RADIUS_KM, now=now)
    watched = "; ".join(label(p) for p in places) or "nothing (use --watch PLACE)"
    sources = [s for s in services.settings.sources if s.enabled]
    names = ", ".join(s.name for s in sources) or "none"
    print(f"Watching {watched}. Polling {names}, each every {_intervals(services)}.", file=err, flush=True)
    poller = make_poller(services)
    try:
        if once:
            await poll_cycle(services, poller=poller)  # source errors are logged there
            print_due(services, out)
            return 0
        # Each source on its own interval, as the Telegram mode's job queue does.
        def after_poll() -> None:
            print_due(services, out)

        await run_schedule(services, poller, after_poll)
        return 0
    finally:
        await services.http.aclose()


def _intervals(services: Services) -> str:
    seconds = sorted({s.interval_seconds or services.settings.polling.interval_seconds
                      for s in services.settings.sources if s.enabled})
    return " / ".join(f"{v:g}" for v in seconds) + " s" if seconds else "-"
