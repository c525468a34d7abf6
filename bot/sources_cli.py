"""`python -m bot sources` (the sources and their health) and `python -m bot poll --once`."""
from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot.config import ConfigError, Settings, load_settings
from bot.sources.health import format_table, source_rows
from bot.store import source_state
from bot.store.db import StoreError, open_database


def _open(config_path: str | None, err: TextIO) -> tuple[Settings, object] | None:
    try:
        settings = load_settings(config_path)
        return settings, open_database(settings.storage.database)
    except (ConfigError, StoreError) as e:
        print(f"error: {e}", file=err)
        return None


def run_sources(config_path: str | None, *, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    opened = _open(config_path, err)
    if opened is None:
        return 2
    settings, db = opened
    from bot.services import utc_now

    try:
        rows = source_rows(settings, source_state.list_health(db), now=utc_now())  # type: ignore[arg-type]
    finally:
        db.close()  # type: ignore[attr-defined]
    print(format_table(rows), file=out)
    return 0


def run_poll_once(config_path: str | None, *, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    opened = _open(config_path, err)
    if opened is None:
        return 2
    settings, db = opened
    from bot.logs import setup_logging
    from bot.runner import _services

    setup_logging(secrets=[settings.token] if settings.token else [])
    services = _services(settings, db)
    try:
        return asyncio.run(_poll_once(services, out))
    finally:
        db.close()  # type: ignore[attr-defined]


async def _poll_once(services: object, out: TextIO) -> int:
    from bot.cycle import poll_cycle
    from bot.ingest import summarize
    from bot.services import Services
    from bot.sources.htmltext import html_to_text

    assert isinstance(services, Services)
    try:
        outcomes, report = await poll_cycle(services)
    finally:
        await services.http.aclose()
    for o in outcomes:
        what = f"error: {o.error}" if o.error else "not modified (304)" if o.not_modified else f"{len(o.articles)} items"
        print(f"{o.source.name}: {what} ({o.seconds:.1f} s)", file=out)
    print(summarize(report)[0], file=out)
    for incident in report.incidents:
        facts = incident.facts
        place = ", ".join(p for p in (facts.city, facts.country_name or facts.country) if p) or "place unknown"
        sev = facts.severity.value if facts.severity else "-"
        tail = "" if incident.alerted else " (too old to alert)"
        print(f"- [{sev}] {facts.category.value} · {place}: {incident.article.title}{tail}", file=out)
        for m in incident.matches:
            print(f"    would send to chat {m.watch.chat_id} (watching {m.watch.name})", file=out)
        if incident.matches:
            text = services.render_html(facts, _meta(incident.article))
            print("    " + html_to_text(text, keep_links=True).replace("\n", "\n    "), file=out)
    return 0


def _meta(article: object) -> object:
    from bot.ingest import meta_of

    return meta_of(article)  # type: ignore[arg-type]
