"""The speed-ups in the analysis never change a match: gated, tail-gated and trie regexes, cue candidates, word counts,
one fold for title and body."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis import _SUMMARY_CUE, _fold_parts, _language, casualties, detect, geo, sites
from bot.analysis.gate import Gated, TailGated, trie_alternation
from bot.analysis.normalize import fold

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


# -- tail gates, word counts, tries and the single fold (round 2) --------------------------------------------------


_WINDOW_WORDS = ["in ", "near ", "the ", "of ", "de ", "d'", "du ", "à ", "près de ", "town ", "village ", "ville ", "capital ",
                 "capitale", "city, ", "province ", "région ", "state ", "diverted to ", "landed at ", "dérouté vers ",
                 "border with ", "avec ", "l'", "from ", "peacekeepers ", "soldiers ", "ministry ", "government ", "of the ",
                 "5 km ", "north ", "northern ", "eastern ", "lives in ", "born in ", "President ", "Mr. ", "Gen ", "M. ",
                 "Mme ", "IN ", "OF ", "ın ", "ſtate ", "\u212aM ", "İn ", "’", "\n", " ", "  ", ",", ".", "x", "Bamako "]
_WINDOW_TEXT = st.lists(st.sampled_from(_WINDOW_WORDS), max_size=25).map("".join)
_FOLDED_INPUT = {"_DISTANCE_OF", "_RESIDENCE_BEFORE", "_GOVERNMENT_BEFORE"}


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


@settings(max_examples=400, deadline=None)
@given(text=_WINDOW_TEXT, data=st.data())
def test_tail_gates_find_what_the_regex_finds(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    tail = geo._tail(fold(text), start)
    for name, gated in vars(geo).items():
        if not isinstance(gated, TailGated):
            continue
        for width in (20, 25, 30, 40):
            window = text[max(0, start - width):start]
            if name in _FOLDED_INPUT:
                window = fold(window)
            t = window.rstrip() if name == "_TITLE_BEFORE" else tail
            assert _span(gated.search(window, t)) == _span(gated.rx.search(window)), (name, window)


_FR = re.compile(r"\b(?:le|la|les|des|du|une|est|sont|dans|pour|avec|qui|sur|au|aux|ont|ete|selon)\b")
_EN = re.compile(r"\b(?:the|and|of|to|in|is|was|were|for|with|on|said|that|by|from)\b")


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["le ", "la", "les ", "aux", "au ", "the", "theory ", "of_", "_in ", "in ", "é", "ete ",
                                      "2", "said ", " ", "-", "'", "x"]), max_size=40).map("".join))
def test_language_counts_whole_words_as_the_regexes_did(text: str) -> None:
    fr, en = len(_FR.findall(text)), len(_EN.findall(text))
    assert _language(text) == (None if fr == en == 0 else "fr" if fr > en else "en")


_SUMMARY_OLD = re.compile(r"\b(?:attack|attaque|attentat|killed|tues?|explosion|blast|bomb|gunm[ae]n|shot|shooting|kidnap|"
                          r"abduct|hostage|otage|enlev|protest|manifest|riot|coup|strike|frappe|clash|affrontement|fighting|"
                          r"combats|curfew|couvre-feu|closed|evacuat|stormed|ambush|embuscade|explos)")


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["attack", "tue", "gunman", "gunmen", "gunm", "explos", "xshot", "shot", " ", "-", "a",
                                      "couvre-feu", "riot", "clos"]), max_size=20).map("".join))
def test_summary_cue_trie_finds_a_cue_where_the_flat_one_did(text: str) -> None:
    assert bool(_SUMMARY_CUE.search(text)) == bool(_SUMMARY_OLD.search(text))


_UN_OLD_WORDS = (r"(?:un|u\.n\.|united nations|onu|nations unies|des nations unies|de l'onu|minusma|minusca|monusco|unmiss|"
                 r"unamid|unifil|unama|unami|unsom|unsmil|undof|unficyp|unmik|unisfa|minurso|minustah|unoci|unmil|unhcr|unicef|wfp|pam|"
                 r"who|unrwa|undp|ocha|iom|world food programme|world food program|programme alimentaire mondial|"
                 r"world health organization|unops|unfpa)")
_UN_OLD = re.compile(sites._UN_AFFECTED.pattern.replace(sites._UN_WORDS, _UN_OLD_WORDS))


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(["un", "unami", "unamid", "u.n.", "onu", "de l'onu", "des nations unies", "nations unies",
                                      "'s", " ", "staff", "base", " of ", " de ", "the ", "mission", "peacekeepers", "x",
                                      "-run ", "who"]), max_size=25).map("".join))
def test_un_words_trie_matches_the_flat_alternation(text: str) -> None:
    assert sites._UN_AFFECTED.pattern.count(sites._UN_WORDS) == 3
    assert [m.span() for m in sites._UN_AFFECTED.finditer(text)] == [m.span() for m in _UN_OLD.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(title=st.text(alphabet="aΣσςΑ'. \u0301\nİıK\u212aÉ", max_size=12),
       body=st.text(alphabet="aΣσςΑ'. \u0301\nİıÉ", max_size=12))
def test_one_fold_of_the_full_text_is_the_fold_of_each_part(title: str, body: str) -> None:
    full = f"{title}\n{body}" if title else body
    assert _fold_parts(title, full) == ((fold(title), fold(body), fold(full)) if title else ("", fold(full), fold(full)))


def test_every_cue_runs_only_where_one_of_its_prefixes_starts() -> None:
    """A cue part with no literal prefix ("(?:a |ont )?saute ...") makes its whole cue scan every text:
    it costs tens of microseconds an item and no test of results would notice."""
    from bot.analysis import detect

    assert [c.rx.pattern[:60] for c in detect._CUES if not c.gated] == []
