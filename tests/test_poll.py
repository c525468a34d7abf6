"""Polling as the bot does it: real HTTP on 127.0.0.1, a real SQLite file, the real analysis."""
from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import SourceSettings
from bot.cycle import make_poller, poll_cycle
from bot.poller import Poller
from bot.sources.ratelimit import RateGates
from bot.store import source_state
from tests.feed_server import FeedServer
from tests.poll_support import NOW, Clock, planned, rss_items, services_for, settings_for, watch

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


def rss_source(feeds: FeedServer, name: str, path: str, **kw: object) -> SourceSettings:
    return SourceSettings(name=name, url=f"{feeds.url}{path}", **kw)  # type: ignore[arg-type]


def one_item(n: int = 1, when: datetime = NOW) -> bytes:
    return rss_items((f"Council meets on water plans number {n}", f"http://news.example/{n}", "Routine.", when))


async def test_hostile_sources_fail_alone_and_do_not_delay_the_good_one(db: Database, feeds: FeedServer) -> None:
    feeds.set("/good", one_item())
    feeds.set("/malformed", b"<rss><channel><item><title>broken &nope; <<<")
    feeds.set("/html", b"<!doctype html><html><body><p>Subscribe!</p></body></html>", content_type="text/html")
    feeds.set("/500", b"oops", status=500)
    feeds.set("/429", b"slow down", status=429, retry_after=900)
    feeds.set("/hang", b"", delay=math.inf)
    feeds.set("/drip", one_item() * 20, drip=2)  # two bytes a second: never idle long enough for the read timeout
    feeds.set("/huge", b"<rss>" + b"x" * 50_000_000)
    feeds.set("/bomb", b"\0" * 20_000_000, gzip=True)
    feeds.redirect("/loop-a", "/loop-b")
    feeds.redirect("/loop-b", "/loop-a")
    feeds.redirect("/to-file", "file:///etc/passwd")
    paths = ["/good", "/malformed", "/html", "/404", "/500", "/429", "/hang", "/drip", "/huge", "/bomb", "/loop-a",
             "/to-file"]
    sources = [rss_source(feeds, p.strip("/"), p) for p in paths]
    clock = Clock()
    services = services_for(db, settings_for(sources, max_response_bytes=1_000_000, timeout_seconds=1.5), clock)
    started = time.monotonic()
    outcomes, _ = await poll_cycle(services)
    elapsed = time.monotonic() - started
    await services.http.aclose()
    by_name = {o.source.name: o for o in outcomes}
    assert len(by_name["good"].articles) == 1 and by_name["good"].error is None
    assert elapsed < 4  # the hanging and dripping servers cost their own time limit, in parallel
    # Malformed XML that still yields an item is used (feedparser's loose mode); it never raises.
    assert [a.title for a in by_name["malformed"].articles] in ([], ["broken"])
    errors = {name: o.error for name, o in by_name.items() if name not in ("good", "malformed")}
    assert all(errors.values()), errors
    assert errors["html"] is not None and "not an RSS or Atom feed" in errors["html"]
    assert errors["404"] == "HTTP 404 Not Found" and errors["500"] == "HTTP 500 Internal Server Error"
    time_limits = {"timed out", "no complete answer within 2 s"}  # read timeout or whole-response limit
    assert errors["hang"] in time_limits and errors["drip"] in time_limits
    assert errors["huge"] == errors["bomb"] == "response larger than 1000000 bytes"
    assert errors["loop-a"] == "more than 5 redirects" and errors["to-file"] == "redirect to a file: URL refused"
    health = {h.name: h for h in source_state.list_health(db)}
    assert health["good"].failures == 0 and health["500"].failures == 1
    assert datetime.fromisoformat(health["429"].next_attempt_at or "") == NOW + timedelta(seconds=900)  # > interval


async def test_wrong_or_missing_content_type_still_parses(db: Database, feeds: FeedServer) -> None:
    feeds.set("/as-html", one_item(1), content_type="text/html")
    feeds.set("/none", one_item(2), content_type="")
    sources = [rss_source(feeds, "a", "/as-html"), rss_source(feeds, "b", "/none")]
    services = services_for(db, settings_for(sources), Clock())
    outcomes, report = await poll_cycle(services)
    await services.http.aclose()
    assert [len(o.articles) for o in outcomes] == [1, 1] and report.new_articles == 2


async def test_second_poll_is_a_conditional_get_that_costs_nothing(db: Database, feeds: FeedServer) -> None:
    etag = feeds.set("/rss", one_item())
    services = services_for(db, settings_for([rss_source(feeds, "F", "/rss")]), Clock())
    first, _ = await poll_cycle(services)
    second, report = await poll_cycle(services)
    await services.http.aclose()
    assert len(first[0].articles) == 1 and second[0].not_modified and report.seen == 0
    requests = feeds.requests("/rss")
    assert requests[1]["If-None-Match"] == etag
    assert requests[0]["User-Agent"] == "secalert-bot/0.1 (+https://github.com/secalert/secalert-bot)"
    assert "gzip" in requests[0]["Accept-Encoding"]


async def test_failures_back_off_exponentially_and_log_once_per_state_change(
    db: Database, feeds: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    feeds.set("/rss", b"down", status=503)
    source = rss_source(feeds, "Flaky", "/rss", interval_seconds=60)
    clock = Clock()
    services = services_for(db, settings_for([source]), clock)
    poller = make_poller(services)
    caplog.set_level(logging.INFO, logger="bot.poller")
    waits = []
    for _ in range(3):
        assert not (await poller.poll_source(source)).skipped
        next_at = datetime.fromisoformat(source_state.list_health(db)[0].next_attempt_at or "")
        waits.append((next_at - clock.now).total_seconds())
        assert (await poller.poll_source(source)).skipped  # not due yet: no request
        clock.now = next_at
    assert waits == [60, 120, 240]
    assert len(feeds.requests("/rss")) == 3
    feeds.set("/rss", one_item())
    assert len((await poller.poll_source(source)).articles) == 1
    await services.http.aclose()
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.poller"]
    assert len(lines) == 2 and lines[0].startswith("source Flaky failing: HTTP 503") and lines[1] == "source Flaky recovered"


async def test_gdacs_orange_alert_reaches_the_country_watcher_without_text_analysis(db: Database, feeds: FeedServer) -> None:
    feeds.set("/gdacs", (FIXTURES / "gdacs_rss.xml").read_bytes())
    watch(db, 1, "Philippines")
    watch(db, 2, "Mauritius")  # only a Green alert there
    source = SourceSettings(name="GDACS", type="gdacs", url=f"{feeds.url}/gdacs")
    services = services_for(db, settings_for([source]), Clock(datetime.fromisoformat("2019-12-29T06:00:00+00:00")))
    _, report = await poll_cycle(services)
    await services.http.aclose()
    assert report.new_articles == 16
    assert [(i.facts.category.value, i.facts.country) for i in report.incidents] == [("disaster", "PH")]
    (text,) = planned(db)[1]
    assert "Natural disaster" in text and "PHANFONE-19" in text and 2 not in planned(db)


def _advisories(feeds: FeedServer, body: bytes) -> SourceSettings:
    feeds.set("/tas.xml", body)
    return SourceSettings(name="US advisories", type="travel_advisory", provider="us", url=f"{feeds.url}/tas.xml")


async def test_us_advisory_first_seen_quietly_then_a_level_change_alerts_once(db: Database, feeds: FeedServer) -> None:
    original = (FIXTURES / "state_travel_advisories_rss.xml").read_bytes()
    source = _advisories(feeds, original)
    watch(db, 1, "Phnom Penh")
    watch(db, 2, "Italy")
    clock = Clock()
    services = services_for(db, settings_for([source]), clock)
    _, first = await poll_cycle(services)
    assert first.seen == 0 and planned(db) == {}  # first start: levels recorded, nobody alerted
    raised = cambodia_at_level_4(original)
    _advisories(feeds, raised)
    clock.advance(hours=1)
    _, second = await poll_cycle(services)
    clock.advance(hours=1)
    _advisories(feeds, raised.replace(b"<pubDate>Wed, 07 Oct", b"<pubDate>Thu, 08 Oct"))  # re-issued, same levels
    _, third = await poll_cycle(services)
    await services.http.aclose()
    assert [i.article.title for i in second.incidents] == ["Cambodia raised to Level 4: Do Not Travel"]
    (text,) = planned(db)[1]
    assert "from Level 2: Exercise Increased Caution to Level 4: Do Not Travel" in text
    assert third.seen == 0 and list(planned(db)) == [1]


async def test_uk_advice_change_is_read_from_the_content_api(db: Database, feeds: FeedServer) -> None:
    def atom(updated: str) -> bytes:
        return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>FTA</title>'
                f'<entry><title>Mali travel advice</title><link rel="alternate" href="{feeds.url}/foreign-travel-advice/mali"/>'
                f"<updated>{updated}</updated><summary>update</summary></entry></feed>").encode()

    def doc(statuses: str) -> bytes:
        return ('{"public_updated_at": "2026-11-25T10:00:00Z", "details": {"country": {"name": "Mali", "slug": "mali"},'
                f' "change_description": "Advice changed for the whole country.", "alert_status": [{statuses}]}}}}').encode()

    feeds.set("/fta.atom", atom("2026-11-24T10:00:00Z"))
    feeds.set("/api/content/foreign-travel-advice/mali", doc('"avoid_all_travel_to_parts"'), content_type="application/json")
    source = SourceSettings(name="UK advice", type="travel_advisory", provider="uk", url=f"{feeds.url}/fta.atom")
    watch(db, 1, "Bamako")
    clock = Clock()
    services = services_for(db, settings_for([source]), clock)
    await poll_cycle(services)
    feeds.set("/fta.atom", atom("2026-11-25T11:00:00Z"))
    feeds.set("/api/content/foreign-travel-advice/mali", doc('"avoid_all_travel_to_whole_country"'),
              content_type="application/json")
    _, report = await poll_cycle(services)
    _, again = await poll_cycle(services)
    await services.http.aclose()
    (incident,) = report.incidents
    assert incident.article.title == "Mali raised to FCDO advises against all travel to the whole country"
    assert "Advice changed for the whole country." in planned(db)[1][0]
    assert again.seen == 0 and len(feeds.requests("/api/content/foreign-travel-advice/mali")) == 2


async def test_backlog_guard_for_a_new_source_and_after_a_long_pause(db: Database, feeds: FeedServer) -> None:
    watch(db, 1, "Nairobi")
    watch(db, 2, "Kabul")
    watch(db, 3, "Mogadishu")
    feeds.set("/rss", rss_items(
        ("Gunmen storm hotel in Nairobi, killing five", "http://n.example/1",
         "Gunmen stormed a hotel in Nairobi on Monday, killing five people, police said.", NOW - timedelta(days=3)),
        ("Suicide bomber kills 12 in Kabul", "http://n.example/2",
         "A suicide bomber killed 12 people in Kabul on Tuesday, police said.", NOW - timedelta(hours=2)),
    ))
    clock = Clock()
    services = services_for(db, settings_for([rss_source(feeds, "New", "/rss")]), clock)
    _, added = await poll_cycle(services)  # a newly added source: its old items are stored, not alerted
    assert [(i.article.url, i.alerted) for i in added.incidents] == [("http://n.example/1", False),
                                                                      ("http://n.example/2", True)]
    clock.advance(days=5)  # the bot was down; the feed moved on meanwhile
    feeds.set("/rss", rss_items(
        ("Car bomb explodes near market in Mogadishu", "http://n.example/3",
         "A car bomb exploded near a busy market in Mogadishu, killing at least 10 people, officials said.",
         clock.now - timedelta(days=2)),
    ))
    _, restarted = await poll_cycle(services)
    await services.http.aclose()
    assert [(i.article.url, i.alerted) for i in restarted.incidents] == [("http://n.example/3", False)]
    assert list(planned(db)) == [2]


async def test_directory_files_are_read_once_and_again_when_changed(db: Database, tmp_path: Path, seed_text: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(seed_text, encoding="utf-8")
    (folder / "b.json").write_text('{"title": "Council meets", "text": "Water plans were discussed."}', encoding="utf-8")
    (folder / "ignored.bin").write_bytes(b"\0\1")
    source = SourceSettings(name="Inbox", type="directory", path=folder)
    services = services_for(db, settings_for([source]), Clock())
    _, first = await poll_cycle(services)
    _, second = await poll_cycle(services)
    (folder / "b.json").write_text('{"title": "Council meets again", "text": "More water plans."}', encoding="utf-8")
    _, third = await poll_cycle(services)
    await services.http.aclose()
    assert (first.seen, second.seen, third.seen) == (2, 0, 1)
    assert first.incidents[0].facts.city == "Bamako"


async def test_fetch_article_replaces_the_teaser_with_the_page_text(db: Database, feeds: FeedServer) -> None:
    paragraphs = "".join(f"<p>Paragraph {i}: the council discussed the long-term water supply of the region, "
                         f"with engineers presenting detailed plans for new reservoirs and pipelines.</p>" for i in range(8))
    feeds.set("/story", f"<html><head><title>x</title></head><body><nav>Menu</nav><article>{paragraphs}</article>"
              "<footer>Cookies</footer></body></html>", content_type="text/html")
    feeds.set("/huge-story", b"<html>" + b"x" * 2_000_000, content_type="text/html")
    feeds.set("/rss", rss_items(("Council plans reservoirs", f"{feeds.url}/story", "Teaser.", NOW),
                                ("Another story", f"{feeds.url}/huge-story", "Teaser two.", NOW)))
    source = rss_source(feeds, "Full", "/rss", fetch_article=True)
    services = services_for(db, settings_for([source], max_response_bytes=1_000_000), Clock())
    (outcome,), _ = await poll_cycle(services)
    await services.http.aclose()
    full, capped = outcome.articles
    assert "Paragraph 7" in full.text and "Menu" not in full.text and "Cookies" not in full.text
    assert capped.text == "Teaser two."


async def test_gdelt_sources_share_one_rate_gate() -> None:
    gates = RateGates()
    stamps: list[float] = []

    async def request() -> None:
        async with gates.spaced("gdelt", 0.2):
            stamps.append(time.monotonic())

    await asyncio.gather(request(), request(), request())
    gaps = [b - a for a, b in zip(stamps, stamps[1:], strict=False)]
    assert all(g >= 0.19 for g in gaps)


async def test_gdelt_rate_limit_text_with_http_200_backs_off(db: Database, feeds: FeedServer) -> None:
    feeds.set("/doc", (FIXTURES / "gdelt_doc_error_ratelimit.txt").read_bytes(), content_type="text/plain")
    source = SourceSettings(name="GDELT", type="gdelt", url=f"{feeds.url}/doc", interval_seconds=10)
    services = services_for(db, settings_for([source]), Clock())
    poller = Poller(services.http, db, services.settings, services.clock)
    outcome = await poller.poll_source(source)
    await services.http.aclose()
    assert outcome.error is not None and "limit requests to one every 5 seconds" in outcome.error
    (health,) = source_state.list_health(db)
    assert datetime.fromisoformat(health.next_attempt_at or "") == NOW + timedelta(seconds=60)
    request = feeds.requests("/doc")[0]
    assert "mode=artlist" in request.target and "format=json" in request.target


async def test_reliefweb_unapproved_appname_is_a_clear_error(db: Database, feeds: FeedServer) -> None:
    feeds.set("/v2/reports", (FIXTURES / "reliefweb_v2_error_403_unapproved_appname.json").read_bytes(), status=403,
              content_type="application/json")
    source = SourceSettings(name="ReliefWeb", type="reliefweb", appname="not-approved", url=f"{feeds.url}/v2/reports",
                            countries=["SDN"])
    services = services_for(db, settings_for([source]), Clock())
    (outcome,), _ = await poll_cycle(services)
    await services.http.aclose()
    assert outcome.error is not None and "request approval" in outcome.error.lower()
    assert "appname=not-approved" in feeds.requests("/v2/reports")[0].target


async def test_gzip_served_feed_is_decoded(db: Database, feeds: FeedServer) -> None:
    feeds.set("/gz", one_item(), gzip=True)
    services = services_for(db, settings_for([rss_source(feeds, "GZ", "/gz")]), Clock())
    (outcome,), _ = await poll_cycle(services)
    await services.http.aclose()
    assert [a.url for a in outcome.articles] == ["http://news.example/1"]


async def test_a_country_first_seen_after_the_first_read_at_a_serious_level_alerts(db: Database, feeds: FeedServer) -> None:
    original = (FIXTURES / "state_travel_advisories_rss.xml").read_bytes()
    start = original.index(b"<item>")
    end = original.index(b"</item>", start) + len(b"</item>")
    without_cambodia = original[:start] + original[end:]
    source = _advisories(feeds, without_cambodia)
    watch(db, 1, "Phnom Penh")
    clock = Clock()
    services = services_for(db, settings_for([source]), clock)
    await poll_cycle(services)  # first read: levels recorded quietly
    serious = cambodia_at_level_4(original)
    _advisories(feeds, serious)
    clock.advance(hours=1)
    _, report = await poll_cycle(services)
    await services.http.aclose()
    # Its earlier level is unknown: the alert says where the advice stands, not a made-up change.
    assert [i.article.title for i in report.incidents] == ["Cambodia travel advice updated: Level 4: Do Not Travel"]
    assert list(planned(db)) == [1]


async def test_advisory_levels_are_recorded_only_with_the_articles(db: Database, feeds: FeedServer) -> None:
    """A crash between reading a level change and storing its article must not lose the change:
    the level is written in the transaction that stores the articles, not when the feed is read."""
    source = _advisories(feeds, (FIXTURES / "state_travel_advisories_rss.xml").read_bytes())
    services = services_for(db, settings_for([source]), Clock())
    poller = make_poller(services)
    outcome = await poller.poll_source(source)  # read, not yet stored (as if the process died here)
    assert outcome.error is None and outcome.deferred
    assert source_state.load_advisory(db, "us", "KH") is None
    await services.http.aclose()
    restarted = services_for(db, settings_for([source]), Clock())  # a new process reads the feed in full
    await poll_cycle(restarted)
    await restarted.http.aclose()
    assert source_state.load_advisory(db, "us", "KH") is not None


def cambodia_at_level_4(feed: bytes) -> bytes:
    """The recorded State Department feed with Cambodia raised from Level 2 to Level 4."""
    feed = feed.replace(b"Cambodia - Level 2: Exercise Increased Caution", b"Cambodia - Level 4: Do Not Travel")
    return feed.replace(b"Level 2: Exercise Increased Caution</category>\n      <category domain=\"Country-Tag\">KH",
                        b"Level 4: Do Not Travel</category>\n      <category domain=\"Country-Tag\">KH")
