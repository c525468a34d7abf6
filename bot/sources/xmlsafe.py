"""Refuse XML that declares entities before any parser sees it.

No real feed declares entities; a DOCTYPE that does is a billion-laughs or external-entity
attempt. Expat caps entity amplification, but feedparser falls back to a loose parser on
errors, so the payload is refused here, whatever the parser or its version.
"""
from __future__ import annotations

import re

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
