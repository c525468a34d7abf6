"""Refuse XML that declares entities before any parser sees it; parse feeds safely.

No real feed declares entities; a DOCTYPE that does is a billion-laughs or external-entity
attempt. Expat caps entity amplification, but feedparser falls back to a loose parser on
errors, so the payload is refused here, whatever the parser or its version.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import feedparser

_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
HEAD_BYTES = 65_536  # a DOCTYPE comes before the root element


def entity_declaration_error(body: bytes) -> str | None:
    """An error line when the payload declares entities in an internal DTD subset, else None."""
    head = body[:HEAD_BYTES]
    if b"\x00" in head[:200]:  # UTF-16/32: decode so the checks below see ASCII
        for enc in ("utf-16", "utf-32"):
            try:
                head = head.decode(enc, errors="ignore").encode("utf-8")
                break
            except UnicodeError:
                continue
    if _DOCTYPE.search(head) and _ENTITY.search(head):
        return "refused: the XML declares entities (DOCTYPE with ENTITY), a known attack on parsers"
    return None


@dataclass(frozen=True)
class Feed:
    """What feedparser made of a payload, or why it is not a usable feed."""

    entries: list[Any]
    channel: dict[str, Any]
    error: str | None = None


def parse_feed(body: bytes, *, what: str = "an RSS or Atom feed") -> Feed:
    """Parse bytes (so the XML declaration decides the encoding) with feedparser, safely.

    A malformed feed that still yields entries is used; one that yields none comes back with
    an error naming what is wrong. A valid feed with no items is no error.
    """
    refused = entity_declaration_error(body)
    if refused:
        return Feed([], {}, refused)
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.get("entries") or [])
    channel = dict(parsed.get("feed") or {})
    if entries or (parsed.get("version") and not parsed.get("bozo")):
        return Feed(entries, channel)
    reason = parsed.get("bozo_exception")
    detail = f": {type(reason).__name__}: {reason}" if reason else " (no channel and no items)"
    return Feed([], channel, f"not {what}{detail}")
