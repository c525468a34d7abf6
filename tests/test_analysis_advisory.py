"""Advisory rendering: escaped Telegram HTML within 4096 characters, same facts as text."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.advisory import MAX_HTML, render_html, render_text
from bot.analysis.facts import ArticleMeta, Category, Facts, Severity

FACTS = Facts(is_incident=True, category=Category.BOMBING, severity=Severity.HIGH, severity_reason="High: 3 killed in a bombing.",
              city="Kabul", country="AF", country_name="Afghanistan", airports=("KBL",), killed=3,
              summary="A <b>bomb</b> & blast hit Kabul.", key_facts=("At least 3 killed",))
ALLOWED_TAG = re.compile(r"</?(?:b|i|code|a)(?: href=\"[^\"<>]*\")?>")


def test_feed_text_is_escaped_including_the_url() -> None:
    meta = ArticleMeta(title="<script>x</script>", url='https://e.org/?a=1&b="2"', source="e.org")
    html = render_html(FACTS, meta)
    assert "<script>" not in html and "&lt;b&gt;bomb&lt;/b&gt; &amp; blast" in html
    assert 'href="https://e.org/?a=1&amp;b=&quot;2&quot;"' in html
    assert not ALLOWED_TAG.sub("", html).count("<")


def test_text_and_html_carry_the_same_facts() -> None:
    meta = ArticleMeta(title="Blast", source="e.org", published=datetime(2024, 9, 17, 6, 40, tzinfo=timezone.utc))
    text, html = render_text(FACTS, meta), render_html(FACTS, meta)
    for fragment in ("HIGH", "Kabul, Afghanistan", "KBL", "At least 3 killed", "2024-09-17 06:40 UTC"):
        assert fragment in text and fragment in html


@settings(max_examples=60, deadline=None)
@given(summary=st.text(min_size=0, max_size=6000), title=st.text(max_size=300), url=st.text(max_size=200))
def test_html_is_bounded_and_never_cut_inside_a_tag_or_entity(summary: str, title: str, url: str) -> None:
    facts = Facts(is_incident=True, category=Category.UNREST, severity=Severity.LOW, summary=summary)
    html = render_html(facts, ArticleMeta(title=title, url=url or None))
    assert len(html) <= MAX_HTML
    assert not ALLOWED_TAG.sub("", html).count("<")
    assert not re.search(r"&[a-z#0-9]*$", html.split("\n")[2] if html.count("\n") > 2 else "")
