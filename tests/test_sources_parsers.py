"""Every source parser against the real recorded payloads in tests/fixtures/sources/ (pure)."""
from __future__ import annotations

import resource
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.analysis.facts import Category, Severity
from bot.sources.advisories_uk import UkUpdate, content_api_url, parse_uk_atom, parse_uk_content
from bot.sources.advisories_us import AdvisoryParseError, parse_us_advisories
from bot.sources.directory import parse_article_file
from bot.sources.gdacs import parse_gdacs
from bot.sources.gdelt import GdeltError, clean_title, parse_gdelt, request_url
from bot.sources.languages import language_code
from bot.sources.reliefweb import ReliefWebError, describe_error, parse_reliefweb
from bot.sources.reliefweb import request_url as reliefweb_url
from bot.sources.rss import MAX_ITEMS_PER_FEED, parse_rss

SOURCES = Path(__file__).parent / "fixtures" / "sources"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def fixture(name: str) -> bytes:
    return (SOURCES / name).read_bytes()


# --- GDELT ---------------------------------------------------------------------------------

def test_gdelt_artlist_becomes_articles_with_iso_languages_and_utc_seen_dates() -> None:
    articles = parse_gdelt(fixture("gdelt_doc_artlist.json"), fetched_at=NOW, source="GDELT")
    assert len(articles) == 30
    assert {a.language for a in articles} <= {"ml", "ko", "mr", "zh", "en", "hi"} and "ml" in {a.language for a in articles}
    first = articles[0]
    assert first.published == datetime(2026, 1, 21, 8, 30, tzinfo=UTC)
    assert first.source == "GDELT (mathrubhumi.com)" and first.text == ""
    assert all(a.url.startswith(("https://", "http://")) and "#" not in a.url for a in articles)


def test_gdelt_titles_lose_the_spaces_around_punctuation() -> None:
    titles = [a.title for a in parse_gdelt(fixture("gdelt_doc_artlist.json"), fetched_at=NOW, source="G")]
    assert "Trump Pressure Allegation: India Loses Chabahar Port Control; MEA Denies" in titles
    assert not any(" : " in t or " ; " in t or " , " in t for t in titles)
    assert clean_title("Death toll rises to 1 , 200 ( officials ) !") == "Death toll rises to 1,200 (officials)!"


@pytest.mark.parametrize(("name", "rate_limited"), [("gdelt_doc_error_ratelimit.txt", True),
                                                     ("gdelt_doc_error_keyword.txt", False)])
def test_gdelt_plain_text_errors_become_clear_errors(name: str, rate_limited: bool) -> None:
    with pytest.raises(GdeltError) as e:
        parse_gdelt(fixture(name), fetched_at=NOW, source="G")
    assert e.value.rate_limited is rate_limited
    assert str(e.value).startswith("GDELT: ") and ("one every 5 seconds" in str(e.value)) is rate_limited


def test_gdelt_empty_result_and_broken_json() -> None:
    assert parse_gdelt(b"{}", fetched_at=NOW, source="G") == []
    with pytest.raises(GdeltError, match="invalid JSON"):
        parse_gdelt(b'{"articles": [', fetched_at=NOW, source="G")


def test_gdelt_request_asks_for_an_artlist_in_json() -> None:
    url = request_url("https://api.gdeltproject.org/api/v2/doc/doc", query="coup sourcecountry:ML", timespan="1h",
                      max_records=50)
    assert "mode=artlist" in url and "format=json" in url and "timespan=1h" in url and "maxrecords=50" in url


@pytest.mark.parametrize(("name", "code"), [("English", "en"), ("French", "fr"), ("Malayalam", "ml"),
                                            ("Chinese", "zh"), ("Arabic", "ar"), ("Persian", "fa"), ("Gibberish", None)])
def test_language_names_to_iso_639_1(name: str, code: str | None) -> None:
    assert language_code(name) == code


# --- ReliefWeb -----------------------------------------------------------------------------

def test_reliefweb_reports_envelope() -> None:
    articles = parse_reliefweb(fixture("reliefweb_v1_reports.json"), source="ReliefWeb", fetched_at=NOW)
    assert len(articles) == 10
    a = articles[0]
    assert a.title.startswith("Nepal makes progress in human capital")
    assert a.url.startswith("https://reliefweb.int/report/nepal/")
    assert a.published == datetime(2020, 9, 17, tzinfo=UTC)
    assert a.source == "ReliefWeb (World Bank)"


def test_reliefweb_unapproved_appname_tells_the_operator_what_to_do() -> None:
    line = describe_error(403, fixture("reliefweb_v2_error_403_unapproved_appname.json"), appname="my-bot")
    assert "'my-bot'" in line and "not approved" in line and "apidoc.reliefweb.int/parameters#appname" in line
    assert "decommissioned" in describe_error(410, fixture("reliefweb_v1_error_410_decommissioned.json"), appname="x")
    with pytest.raises(ReliefWebError):
        parse_reliefweb(b"<html>maintenance</html>", source="R", fetched_at=NOW)


def test_reliefweb_request_filters_on_countries_and_date() -> None:
    url = reliefweb_url("https://api.reliefweb.int/v2/reports", appname="secalert-x", since=NOW, countries=["sdn", "MLI"],
                        query=None)
    assert "appname=secalert-x" in url and "SDN" in url and "MLI" in url
    assert "2026-11-25T12%3A00%3A00%2B00%3A00" in url


# --- GDACS ---------------------------------------------------------------------------------

def test_gdacs_items_carry_structured_facts_and_only_orange_red_sudden_events_alert() -> None:
    parsed = parse_gdacs(fixture("gdacs_rss.xml"), source="GDACS", fetched_at=NOW)
    assert parsed.error is None and len(parsed.articles) == 16
    assert all(a.facts is not None and a.facts.category is Category.DISASTER for a in parsed.articles)
    alerted = [a for a in parsed.articles if a.facts and a.facts.is_incident]
    assert [a.title.split(".")[0] for a in alerted] == ["Orange alert for tropical cyclone PHANFONE-19"]
    facts = alerted[0].facts
    assert facts is not None
    assert (facts.severity, facts.country, facts.lat, facts.lon) == (Severity.HIGH, "PH", 14.6, 112.1)
    green = parsed.articles[0].facts
    assert green is not None and green.severity is Severity.LOW and green.country == "MU" and not green.is_incident


# --- Travel advisories ----------------------------------------------------------------------

def test_us_advisories_levels_and_fips_like_country_tags() -> None:
    levels = parse_us_advisories(fixture("state_travel_advisories_rss.xml"), fetched_at=NOW)
    assert [(lv.country, lv.level) for lv in levels] == [("KH", 2), ("IT", 2), ("MK", 1), ("GB", 2), ("SR", 1)]
    assert levels[0].label == "Level 2: Exercise Increased Caution"
    assert levels[0].updated == datetime(2026, 9, 15, tzinfo=UTC)  # a date without time or zone: 00:00 UTC


def test_us_country_tag_table_is_the_last_resort() -> None:
    item = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
            b"<title>Burkina Faso - Level 4: Do Not Travel</title><link>https://travel.example/bf</link>"
            b'<category domain="Threat-Level">Level 4: Do Not Travel</category>'
            b'<category domain="Country-Tag">UV</category></item><item>'
            b"<title>Somewhere - Level 3: Reconsider Travel</title><link>https://travel.example/x</link>"
            b'<category domain="Country-Tag">UV</category></item></channel></rss>')
    levels = parse_us_advisories(item, fetched_at=NOW)
    assert [(lv.country, lv.level, lv.name) for lv in levels] == [("BF", 4, "Burkina Faso"), ("BF", 3, "Somewhere")]


def test_us_advisories_refuses_an_html_page() -> None:
    with pytest.raises(AdvisoryParseError):
        parse_us_advisories(b"<!doctype html><html><body>Access denied</body></html>", fetched_at=NOW)


def test_uk_content_api_country_document() -> None:
    update = UkUpdate("albania", "Albania", NOW, "https://www.gov.uk/foreign-travel-advice/albania")
    level = parse_uk_content(fixture("uk_fcdo_content_api_country_albania.json"), update=update)
    assert (level.country, level.level, level.label) == ("AL", 1, "No FCDO advice against travel")
    assert level.change_note.startswith("Latest update: Summary")


def test_uk_alert_status_gives_the_level() -> None:
    update = UkUpdate("mali", "Mali", NOW, "https://www.gov.uk/foreign-travel-advice/mali")
    doc = (b'{"details": {"country": {"name": "Mali", "slug": "mali"}, "change_description": "Whole country now",'
           b' "alert_status": ["avoid_all_travel_to_whole_country", "avoid_all_travel_to_parts"]}}')
    level = parse_uk_content(doc, update=update)
    assert (level.country, level.level) == ("ML", 4)
    assert level.label.startswith("FCDO advises against all travel to the whole country")


UK_ATOM = b"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>https://www.gov.uk/foreign-travel-advice</id>
<title>Foreign travel advice</title><updated>2026-11-24T10:00:00+01:00</updated>
<entry><id>https://www.gov.uk/foreign-travel-advice/mali#2026-11-24T10:00:00+01:00</id><title>Mali travel advice</title>
<link rel="alternate" type="text/html" href="https://www.gov.uk/foreign-travel-advice/mali"/>
<updated>2026-11-24T10:00:00+01:00</updated><summary>Latest update: whole country</summary></entry>
<entry><id>https://www.gov.uk/foreign-travel-advice/albania#2026-11-20</id><title>Albania travel advice</title>
<link rel="alternate" type="text/html" href="https://www.gov.uk/foreign-travel-advice/albania"/>
<updated>2026-11-20T09:00:00+00:00</updated><summary>Latest update: protests</summary></entry>
</feed>"""


def test_uk_atom_lists_updated_countries_newest_first() -> None:
    updates = parse_uk_atom(UK_ATOM, fetched_at=NOW)
    assert [(u.slug, u.name) for u in updates] == [("mali", "Mali"), ("albania", "Albania")]
    assert updates[0].updated == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert content_api_url("https://www.gov.uk/foreign-travel-advice.atom", "mali") == (
        "https://www.gov.uk/api/content/foreign-travel-advice/mali")


# --- Directory ------------------------------------------------------------------------------

def test_directory_text_and_json_files(seed_text: str) -> None:
    txt = parse_article_file(seed_text.encode(), name="a.txt", source="Dir", fetched_at=NOW, language="en")
    assert txt is not None and txt.title == seed_text.partition("\n")[0].strip() and txt.published == NOW
    js = parse_article_file(b'{"title": "Blast in Kabul", "summary": "<p>Two &amp; more</p>", '
                            b'"url": "https://x.example/a?utm_source=t#f", "published": "2026-11-25T10:00:00Z"}',
                            name="b.json", source="Dir", fetched_at=NOW, language=None)
    assert js is not None and (js.title, js.text, js.url) == ("Blast in Kabul", "Two & more", "https://x.example/a")
    assert js.published == datetime(2026, 11, 25, 10, tzinfo=UTC)
    assert parse_article_file(b"   \n", name="c.txt", source="Dir", fetched_at=NOW, language=None) is None


# --- Hostile payloads -----------------------------------------------------------------------

def _billion_laughs(depth: int = 10) -> bytes:
    ents = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, depth))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{ents}]><rss version="2.0"><channel><title>t</title>'
            f"<item><title>&lol{depth - 1};</title><link>http://a.example/1</link></item></channel></rss>").encode()


@pytest.mark.parametrize("parse", [
    lambda b: parse_rss(b, source="S", fetched_at=NOW).error,
    lambda b: parse_gdacs(b, source="S", fetched_at=NOW).error,
])
def test_entity_expansion_is_refused_before_parsing(parse: object) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    error = parse(_billion_laughs())  # type: ignore[operator]
    assert error and "declares entities" in error
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB: no blow-up
    with pytest.raises(AdvisoryParseError, match="declares entities"):
        parse_us_advisories(_billion_laughs(), fetched_at=NOW)


def test_a_feed_of_10000_items_keeps_the_newest_slice_quickly() -> None:
    items = "".join(f"<item><title>Item number {i} here</title><link>http://a.example/{i}</link>"
                    f"<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>" for i in range(10_000))
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    parsed = parse_rss(body, source="S", fetched_at=NOW)
    assert parsed.error is None and len(parsed.articles) == MAX_ITEMS_PER_FEED
    assert parsed.articles[0].url == "http://a.example/0"


def test_duplicate_guids_and_links_in_one_feed_give_one_article() -> None:
    item = "<item><guid>g1</guid><title>Same story {n}</title><link>http://a.example/same?utm_source=x</link></item>"
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            + item.format(n=1) + item.format(n=2) + "</channel></rss>").encode()
    assert [a.title for a in parse_rss(body, source="S", fetched_at=NOW).articles] == ["Same story 1"]


@pytest.mark.parametrize("encoding", ["windows-1252", "iso-8859-1", "utf-16"])
def test_non_utf8_feeds_are_decoded(encoding: str) -> None:
    body = (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>t</title>'
            "<item><title>Émeutes à Niamey</title><link>http://a.example/fr</link></item></channel></rss>").encode(encoding)
    (a,) = parse_rss(body, source="S", fetched_at=NOW).articles
    assert a.title == "Émeutes à Niamey"


def test_malformed_json_and_xml_in_structured_sources() -> None:
    with pytest.raises(ReliefWebError):
        parse_reliefweb(b'{"data": [ {"fields": ', source="R", fetched_at=NOW)
    assert parse_gdacs(b"<rss><channel><item><title>x", source="G", fetched_at=NOW).articles == []
    assert parse_gdacs(b"\x00\xff garbage", source="G", fetched_at=NOW).error
