"""What happened, in the article's own words: one or two sentences, never the whole text.

The first sentence that carries an incident cue (else the first sentence), plus the next
one when both fit in about 320 characters. Boilerplate lines ("Also Read: ...",
"Key Points") are skipped.
"""
from __future__ import annotations

import re

MAX_SUMMARY = 320
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»']?\s+(?=[\"“«A-ZÀ-Ý0-9])")
_BOILERPLATE = re.compile(r"^(?:also read|read more|related|key points|advertisement|share this|click here|lire aussi|à lire aussi)\b", re.I)
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|St|U\.S|U\.N|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|Maj|Brig|Gov|Sen|Rep|Prof|M)\.$")


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or _BOILERPLATE.match(line):
            continue
        pending = ""
        for part in _SENTENCE_END.split(line):
            pending = f"{pending} {part}".strip() if pending else part
            # An abbreviation ends the text (5 characters at most): search only the tail; \b still sees what precedes it.
            if not _ABBREV.search(pending, max(0, len(pending) - 8)):
                sentences.append(pending)
                pending = ""
        if pending:
            sentences.append(pending)
    return sentences


def summarize(body: str, cue: re.Pattern[str] | None = None) -> str:
    """One or two sentences from `body` saying what happened."""
    sentences = split_sentences(body)
    if not sentences:
        return ""
    start = 0
    if cue is not None:
        for i, s in enumerate(sentences[:8]):
            if cue.search(s.lower()):
                start = i
                break
    out = sentences[start]
    if len(out) > MAX_SUMMARY:
        cut = out[:MAX_SUMMARY].rsplit(" ", 1)[0]
        return cut.rstrip(",;:") + "…"
    if start + 1 < len(sentences) and len(out) + 1 + len(sentences[start + 1]) <= MAX_SUMMARY:
        out += " " + sentences[start + 1]
    return out
