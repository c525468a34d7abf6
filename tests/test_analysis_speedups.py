"""The speed-ups in the analysis never change a match: gated and trie regexes, cue candidates."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis import casualties, detect
from bot.analysis.gate import Gated, trie_alternation

_WORDS = sorted(["a", "an", "a dozen", "dozen", "dozens", "dozens of", "one", "un", "une", "une dizaine", "ten", "t"],
                key=len, reverse=True)
_TEXT = st.text(alphabet="adeinoustz ozc-", max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_trie_alternation_is_the_flat_alternation(text: str) -> None:
    flat = re.compile(r"(?:" + "|".join(map(re.escape, _WORDS)) + r")(?: z|s\b)?")
    trie = re.compile(trie_alternation(_WORDS) + r"(?: z|s\b)?")
    assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_gated_regex_runs_only_with_a_needle() -> None:
    rx = Gated(re.compile(r"\b(?:curfew|couvre-feu)\b"), "curfew", "couvre-feu")
    assert rx.search("a curfew was imposed") and not rx.search("nothing here")
    assert rx.findall("curfew, curfew") == ["curfew", "curfew"]


_CUE_TEXT = st.lists(st.sampled_from(["gunmen ", "attack ", "on ", "the ", "police ", "killed ", "12-3 win ", "match ",
                                      "tue ", "tuesday ", "x", " ", ".", "a ", "was killed "]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_CUE_TEXT)
def test_cue_candidates_find_what_findall_finds(text: str) -> None:
    candidates = detect._candidates(text)
    for cue in detect._CUES:
        assert cue.findall(text, candidates) == cue.rx.findall(text)


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(["at least ", "12 ", "a dozen ", "dozens of ", "people ", "were ", "killed ",
                                      "injured ", "toll ", "rose to ", "3 ", "x"]), max_size=30).map("".join))
def test_casualty_patterns_match_their_ungated_selves(text: str) -> None:
    for gated in (casualties._KILLED_AFTER, casualties._INJURED_AFTER, casualties._TOLL, casualties._KILLED_BEFORE):
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in gated.rx.finditer(text)]
