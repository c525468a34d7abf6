"""Turn feed text into clean plain text: one job, no interpretation.

HTML tags and entities go, Unicode is NFC, whitespace is collapsed per line,
and the AG News encoding artefacts (`` #39;``, `` quot;``, ``\\$``) are repaired.
Also `fold`, the accent- and case-insensitive form used for matching; it keeps
every character at the same offset so matches map back onto the original.
"""
from __future__ import annotations

import html
import re
import unicodedata

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]{0,2000}>", re.I | re.S)
# AG News lost the "&" of its entities: " #39;" is "'", " quot;" is '"'.
_AG_ENTITY = re.compile(r" ?#(\d{2,4});|\s?\b(quot|amp|lt|gt|nbsp);")
_AG_NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "nbsp": " "}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _ag_entity(m: re.Match[str]) -> str:
    if m.group(1):
        code = int(m.group(1))
        return chr(code) if 0 < code < 0x110000 and code not in range(0xD800, 0xE000) else " "
    return _AG_NAMED[m.group(2)]


def clean_text(raw: str) -> str:
    """Plain, NFC, single-spaced text from a feed title or body (idempotent)."""
    if not raw:
        return ""
    s = _TAG.sub(" ", raw) if "<" in raw else raw
    s = html.unescape(s)
    s = _AG_ENTITY.sub(_ag_entity, s)
    s = s.replace("\\$", "$").replace("\\", " ")
    s = _CONTROL.sub(" ", s.replace("\r\n", "\n").replace("\r", "\n"))
    s = unicodedata.normalize("NFC", s)
    lines = (_SPACES.sub(" ", line).strip() for line in s.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _build_fold_table() -> dict[int, str]:
    """Map each Latin letter with diacritics to its lower-case base letter, 1:1."""
    table: dict[int, str] = {}
    for cp in range(0x80, 0x250):
        ch = chr(cp)
        base = unicodedata.normalize("NFKD", ch)[:1].lower()
        if base and base.isascii() and base.isalpha():
            table[cp] = base
        elif len(ch.lower()) == 1:
            table[cp] = ch.lower()
    for ch, rep in {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-", "ß": "s", "æ": "a",
                    "œ": "o", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "İ": "i"}.items():
        table[ord(ch)] = rep
    return table


_FOLD = _build_fold_table()


def fold(s: str) -> str:
    """Lower-case, accent-free form of `s` with exactly the same length."""
    out = s.translate(_FOLD).lower()
    if len(out) != len(s):  # a rare character whose lower case is longer
        out = "".join(c if len(c) == 1 else ch for c, ch in zip((x.lower() for x in s.translate(_FOLD)), s, strict=False))
    return out
