"""Regexes behind a substring gate: `needle in text` is far cheaper than a regex scan.

A `Gated` pattern runs only when the text holds one of its needles, literal strings that
every possible match contains. With correct needles the answer is exactly the regex's own;
a missing needle would silently lose matches, so each list is written next to its pattern.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


class Gated:
    __slots__ = ("rx", "needles", "pattern")

    def __init__(self, rx: re.Pattern[str], *needles: str) -> None:
        assert needles and all(needles), "a gate needs non-empty needles"
        self.rx = rx
        self.needles = needles
        self.pattern = rx.pattern

    def could_match(self, text: str) -> bool:
        for needle in self.needles:
            if needle in text:
                return True
        return False

    def search(self, text: str) -> re.Match[str] | None:
        return self.rx.search(text) if self.could_match(text) else None

    def findall(self, text: str) -> list[str]:
        return self.rx.findall(text) if self.could_match(text) else []

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text) if self.could_match(text) else iter(())
