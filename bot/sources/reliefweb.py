"""ReliefWeb API v2 reports (UN OCHA): a pre-approved appname, country and date filters.

Since November 2025 the appname must be approved by ReliefWeb; an unapproved one gets
403 AccessDeniedHttpException, which becomes an error telling the operator what to do.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from bot.model import Article
from bot.sources.base import Batch, SourceContext
from bot.sources.htmltext import html_to_text, one_line
from bot.sources.urls import canonical_url

PAGE_SIZE = 50
FIELDS = ("title", "url_alias", "url", "date.created", "date.original", "body-html", "body", "source.shortname",
          "language.code", "primary_country.iso3")
APPNAME_HELP = "https://apidoc.reliefweb.int/parameters#appname"


class ReliefWebError(Exception):
    pass


def request_url(base: str, *, appname: str, since: datetime, countries: list[str], query: str | None) -> str:
    params: list[tuple[str, str]] = [("appname", appname), ("profile", "list"), ("limit", str(PAGE_SIZE)),
                                     ("sort[]", "date.created:desc")]
    params += [("fields[include][]", f) for f in FIELDS]
    params += [("filter[operator]", "AND"), ("filter[conditions][0][field]", "date.created"),
               ("filter[conditions][0][value][from]", since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00"))]
    if countries:
        params += [("filter[conditions][1][field]", "country.iso3"), ("filter[conditions][1][operator]", "OR")]
        params += [("filter[conditions][1][value][]", c.upper()) for c in countries]
    if query:
        params.append(("query[value]", query))
    return f"{base}?{urlencode(params)}"


def parse_reliefweb(body: bytes, *, source: str, fetched_at: datetime) -> list[Article]:
    """Articles from a reports list (the v1 and v2 envelopes are the same). :raises ReliefWebError:"""
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ReliefWebError(f"ReliefWeb: invalid JSON ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise ReliefWebError("ReliefWeb: unexpected JSON (no data list)")
    articles = []
    for item in data["data"]:
        article = _article(item, source=source, fetched_at=fetched_at)
        if article is not None:
            articles.append(article)
    return articles


def describe_error(status: int | None, body: bytes, *, appname: str | None) -> str:
    """An operator's line for a ReliefWeb error answer."""
    message = ""
    try:
        error = json.loads(body).get("error") or {}
        message = str(error.get("message") or "")
        kind = str(error.get("type") or "")
    except (ValueError, AttributeError):
        kind = ""
    if status == 403 or kind == "AccessDeniedHttpException":
        return (f"ReliefWeb refused appname {appname!r}: it is not approved. Request approval at {APPNAME_HELP} "
                f"and put the approved name in this source's appname setting")
    if status == 410:
        return f"ReliefWeb: this API version is decommissioned; use https://api.reliefweb.int/v2/reports ({message})"
    return f"ReliefWeb: HTTP {status}" + (f": {message}" if message else "")


def _article(item: Any, *, source: str, fetched_at: datetime) -> Article | None:
    fields = item.get("fields") if isinstance(item, dict) else None
    if not isinstance(fields, dict) or not fields.get("title"):
        return None
    url = fields.get("url_alias") or fields.get("url") or f"https://reliefweb.int/node/{item.get('id')}"
    body = fields.get("body-html") or fields.get("body") or ""
    shortnames = [s.get("shortname") for s in fields.get("source") or [] if isinstance(s, dict) and s.get("shortname")]
    languages = [lang.get("code") for lang in fields.get("language") or [] if isinstance(lang, dict)]
    return Article(
        source=f"{source} ({', '.join(shortnames[:3])})" if shortnames else source,
        url=canonical_url(str(url)),
        title=one_line(str(fields["title"])),
        text=html_to_text(str(body))[:20_000],
        published=_date(fields.get("date"), fetched_at),
        language=(languages[0] or None) if languages else None,
    )


def _date(value: Any, fetched_at: datetime) -> datetime:
    if isinstance(value, dict):
        for key in ("created", "original", "changed"):
            try:
                when = datetime.fromisoformat(str(value[key]))
            except (KeyError, ValueError):
                continue
            when = when if when.tzinfo else when.replace(tzinfo=UTC)
            return min(when.astimezone(UTC), fetched_at)
    return fetched_at


async def collect_reliefweb(ctx: SourceContext) -> Batch:
    src = ctx.source
    since = ctx.now - timedelta(hours=ctx.polling.max_item_age_hours)
    url = request_url(src.url, appname=src.appname or "", since=since, countries=src.countries, query=src.query)
    result = await ctx.get(url, accept="application/json")
    if result.error is not None:
        if result.status is None:
            return Batch(error=result.error)
        return Batch(error=describe_error(result.status, result.body, appname=src.appname),
                     retry_after=result.retry_after)
    try:
        return Batch(parse_reliefweb(result.body, source=src.name, fetched_at=ctx.now))
    except ReliefWebError as e:
        return Batch(error=str(e))
