"""analyze never raises, whatever the feed sends."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis import analyze


@settings(max_examples=150, deadline=None)
@given(title=st.text(max_size=200), text=st.text(max_size=2000))
def test_arbitrary_unicode_never_raises(title: str, text: str) -> None:
    facts = analyze(title, text)
    assert facts.is_incident in (True, False)


def test_empty_text() -> None:
    facts = analyze("", "")
    assert not facts.is_incident and facts.city is None


def test_one_megabyte_text_is_analysed() -> None:
    text = ("Gunmen attacked a hotel in Bamako, Mali. " + "Lorem ipsum dolor sit amet. " * 40) * 900
    assert len(text) > 1_000_000
    facts = analyze("Attack", text)
    assert facts.is_incident and facts.country == "ML"


def test_html_and_ag_news_artefacts_are_cleaned() -> None:
    facts = analyze("Blast", "<p>A bomb exploded in Kabul, Afghanistan #39;s capital, killing 5 &amp; wounding 9.</p>")
    assert facts.is_incident and facts.killed == 5
    assert "<p>" not in facts.summary and "#39;" not in facts.summary
