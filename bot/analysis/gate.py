"""Two ways to make a regex cheaper without changing what it matches.

`Gated`: a regex behind a substring gate (`needle in text` is far cheaper than a regex
scan). It runs only when the text holds one of its needles, literal strings that every
possible match contains; with correct needles the answer is exactly the regex's own. A
missing needle would silently lose matches, so each list is written next to its pattern.

`trie_alternation`: a long alternation of literal words as a trie. Python's regex engine
tries every branch of a flat alternation at every position; a trie rejects a position after
one character. For words listed longest first it is the same regex: at any position the
words that match form a chain of prefixes, and the trie's greedy branches try that chain
longest first too, so matches and backtracking order are unchanged.

`TailGated`: a regex that can only match at the end of a short window (a `$` after optional
whitespace). `re.search` still tries every position; the gate first checks that the window,
right-stripped (and folded, when the finals are), ends with one of the words any match ends
with. Folding maps every character the regex's IGNORECASE equates with a letter (ı, ſ, K
too) to that letter, so a match always passes the gate.
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


class TailGated:
    __slots__ = ("rx", "finals", "pattern")

    def __init__(self, rx: re.Pattern[str], *finals: str) -> None:
        assert finals and all(finals), "a tail gate needs non-empty finals"
        self.rx = rx
        self.finals = finals
        self.pattern = rx.pattern

    def search(self, window: str, tail: str) -> re.Match[str] | None:
        """`rx.search(window)`; `tail` is `window` right-stripped (folded when the finals are folded)."""
        return self.rx.search(window) if tail.endswith(self.finals) else None


_Node = dict[str, "_Node"]  # character -> subtree; "" marks the end of a word


def trie_alternation(words: list[str]) -> str:
    """A non-capturing regex equivalent to `(?:w1|w2|...)` for `words` sorted longest first."""
    assert all(len(a) >= len(b) for a, b in zip(words, words[1:], strict=False)), "words must be sorted longest first"
    root: _Node = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return "(?:" + _trie(root) + ")"


def _trie(node: _Node) -> str:
    kids = [re.escape(ch) + _trie(sub) for ch, sub in node.items() if ch]
    if not kids:
        return ""
    body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
    if "" in node:  # a shorter word ends here: try the longer ones first (greedy), then stop
        body = ("(?:" + body + ")" if len(kids) == 1 and len(body) > 1 else body) + "?"
    return body
