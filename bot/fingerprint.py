"""Fingerprints that make the same item seen twice one item (pure).

content_hash: the article's words, case, accents, punctuation and markup aside;
title_hash: the headline alone, for the syndicated copy under another URL with a
different teaser. Short headlines ("Explosion", "Live updates") are too generic
to identify a story, so they get no title hash.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

MIN_TITLE_WORDS = 5
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).casefold()
    return [w for w in _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))]


def _digest(tokens: list[str]) -> str:
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()


def content_hash(title: str, text: str) -> str:
    return _digest(words(title) + ["\x00"] + words(text))


def title_hash(title: str) -> str | None:
    tokens = words(title)
    return _digest(tokens) if len(tokens) >= MIN_TITLE_WORDS else None
