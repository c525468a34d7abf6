"""Travel advisories (US State Department, UK FCDO): a level change becomes one alert.

The level last seen per country is kept in SQLite (advisory_levels). The source's first read
records every level without alerting, so a first start is quiet; after that, a changed level
is one Article with ready Facts for the country, saying only what changed ("Mali raised to
Level 4: Do Not Travel"), and a country seen for the first time later (the UK feed lists only
recent updates) alerts when its level is serious, saying where it stands.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from bot.analysis.facts import Category, Facts, Severity
from bot.model import Article
from bot.sources.advisories_uk import UkUpdate, content_api_url, parse_uk_atom, parse_uk_content
from bot.sources.advisories_us import AdvisoryLevel, AdvisoryParseError, parse_us_advisories
from bot.sources.base import Batch, SourceContext, failed
from bot.sources.fetch import Validators
from bot.store import source_state

log = logging.getLogger(__name__)

Deferred = Callable[[], None]
T = TypeVar("T")

SEVERITY_BY_LEVEL = {1: Severity.LOW, 2: Severity.MEDIUM, 3: Severity.HIGH, 4: Severity.CRITICAL}
PROVIDER_NAME = {"us": "US State Department", "uk": "UK FCDO"}
SERIOUS_LEVEL = 3  # "Reconsider travel" / "advise against all but essential travel" and above
MAX_UK_DOCUMENTS_PER_POLL = 20  # GOV.UK asks for a sensible rate; the rest waits for the next poll


def compare_and_record(ctx: SourceContext, provider: str, level: AdvisoryLevel) -> tuple[Article | None, Deferred]:
    """An Article when the country's level differs from the one recorded before, and the write that
    records the new level (applied with the articles, see Batch.deferred)."""
    before = source_state.load_advisory(ctx.db, provider, level.country)
    updated = level.updated.isoformat() if level.updated else None

    def record() -> None:
        source_state.save_advisory(ctx.db, provider, level.country, level=level.level, label=level.label,
                                   updated=updated, now=ctx.now)

    if before is None:
        # The first read of the source only records (no flood on a first start). A country first
        # seen later has just been updated (it is in the feed of updates): say where it stands
        # when that is serious, since we cannot tell what it was before.
        if ctx.first_read or level.level < SERIOUS_LEVEL:
            return None, record
        return level_article(provider, level, source=ctx.source.name, now=ctx.now), record
    if before.label == level.label:
        return None, record  # no change of level
    return change_article(provider, level, before_level=before.level, before_label=before.label, source=ctx.source.name,
                          now=ctx.now), record


def level_article(provider: str, level: AdvisoryLevel, *, source: str, now: datetime) -> Article:
    """A country whose earlier level is unknown: where its advice stands now."""
    title = f"{level.name} travel advice updated: {level.label}"
    text = f"The {PROVIDER_NAME[provider]} updated its travel advice for {level.name}: {level.label}."
    return _advisory_article(provider, level, title=title, text=text, key_facts=(), source=source, now=now)


def change_article(provider: str, level: AdvisoryLevel, *, before_level: int, before_label: str, source: str,
                   now: datetime) -> Article:
    direction = "raised" if level.level > before_level else "lowered" if level.level < before_level else "changed"
    title = f"{level.name} {direction} to {level.label}"
    text = f"The {PROVIDER_NAME[provider]} {direction} its travel advice for {level.name} from {before_label} to {level.label}."
    return _advisory_article(provider, level, title=title, text=text, key_facts=(f"Before: {before_label}",),
                             source=source, now=now)


def _advisory_article(provider: str, level: AdvisoryLevel, *, title: str, text: str, key_facts: tuple[str, ...],
                      source: str, now: datetime) -> Article:
    facts = Facts(
        is_incident=True,
        category=Category.DISRUPTION,
        severity=SEVERITY_BY_LEVEL[level.level],
        severity_reason=f"{PROVIDER_NAME[provider]} travel advice: {level.label}",
        country=level.country,
        country_name=level.name,
        summary=text,
        key_facts=key_facts + ((level.change_note,) if level.change_note else ()),
        language="en",
    )
    # One alert per change: the change, not the page, is the item, so its URL names the change.
    stamp = (level.updated or now).strftime("%Y%m%d")
    sep = "&" if "?" in level.url else "?"
    url = f"{level.url}{sep}level={level.level}&since={stamp}" if level.url else ""
    return Article(source=source, url=url, title=title, text=text, published=now, language="en", facts=facts)


async def collect_travel_advisory(ctx: SourceContext) -> Batch:
    if ctx.source.provider == "uk":
        return await _collect_uk(ctx)
    return await _collect_us(ctx)


async def _fetch_parsed(ctx: SourceContext, accept: str, parse: Callable[..., list[T]]) -> tuple[list[T], Any] | Batch:
    """The feed fetched (conditionally) and parsed, with the fetch result; or the Batch that says why not."""
    result = await ctx.get(ctx.source.url, conditional=True, accept=accept)
    early = failed(result)
    if early is not None:
        return early
    try:
        return parse(result.body, fetched_at=ctx.now), result
    except AdvisoryParseError as e:
        return Batch(error=str(e))


async def _collect_us(ctx: SourceContext) -> Batch:
    got = await _fetch_parsed(ctx, "application/rss+xml, application/xml;q=0.9", parse_us_advisories)
    if isinstance(got, Batch):
        return got
    levels, result = got
    compared = [compare_and_record(ctx, "us", lv) for lv in levels]
    articles = [a for a, _ in compared if a is not None]
    return Batch(articles, validators=result.validators, deferred=tuple(record for _, record in compared))


async def _collect_uk(ctx: SourceContext) -> Batch:
    got = await _fetch_parsed(ctx, "application/atom+xml, application/xml;q=0.9", parse_uk_atom)
    if isinstance(got, Batch):
        return got
    updates, result = got
    pending = [u for u in updates if _is_newer(ctx, u)]
    articles: list[Article] = []
    errors: list[str] = []
    deferred: list[Deferred] = []
    for update in pending[:MAX_UK_DOCUMENTS_PER_POLL]:
        doc = await ctx.get(content_api_url(ctx.source.url, update.slug), accept="application/json")
        try:
            if doc.error is not None:
                raise AdvisoryParseError(f"FCDO content for {update.slug}: {doc.error}")
            level = parse_uk_content(doc.body, update=update)
        except AdvisoryParseError as e:
            errors.append(str(e))
            continue
        article, record = compare_and_record(ctx, "uk", level)
        deferred += [record, functools.partial(source_state.save_advisory, ctx.db, "uk", f"slug:{update.slug}",
                                               level=0, label="", now=ctx.now, updated=update.updated.isoformat())]
        if article is not None:
            articles.append(article)
    if errors:
        log.info("source %s: %d of %d country documents failed, first: %s", ctx.source.name, len(errors), len(pending),
                 errors[0])
    complete = not errors and len(pending) <= MAX_UK_DOCUMENTS_PER_POLL
    # Only a fully processed feed may be answered 304 next time; otherwise read it again.
    return Batch(articles, validators=result.validators if complete else Validators(), deferred=tuple(deferred))


def _is_newer(ctx: SourceContext, update: UkUpdate) -> bool:
    """Has this country's entry changed since its document was last read?"""
    seen = source_state.load_advisory(ctx.db, "uk", f"slug:{update.slug}")
    return seen is None or seen.updated is None or datetime.fromisoformat(seen.updated) < update.updated
