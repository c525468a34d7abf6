"""Each source on its own schedule (Telegram job queue and console mode), the sources table, the CLI."""
from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database
from telegram.ext import ApplicationBuilder

from bot.config import SourceSettings
from bot.console import run_console
from bot.cycle import poll_cycle
from bot.sources.health import format_table, source_rows
from bot.store import source_state
from bot.tg.admin import MAX_MESSAGE, render_sources_html
from bot.tg.polling import schedule_polling
from tests.feed_server import FeedServer
from tests.poll_support import NOW, Clock, rss_items, services_for, settings_for
from tests.test_cli import run


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


async def test_job_queue_runs_each_source_on_its_own_interval_with_jitter(db: Database) -> None:
    sources = [SourceSettings(name="Fast", url="http://127.0.0.1:9/a", interval_seconds=60),
               SourceSettings(name="Default", url="http://127.0.0.1:9/b"),
               SourceSettings(name="Default too", url="http://127.0.0.1:9/c", interval_seconds=600),
               SourceSettings(name="Off", url="http://127.0.0.1:9/d", enabled=False)]
    services = services_for(db, settings_for(sources, interval_seconds=600, jitter_seconds=30), Clock())
    app = ApplicationBuilder().token("1:test").build()
    assert app.job_queue is not None
    schedule_polling(app.job_queue, services)
    jobs = {job.name: job for job in app.job_queue.jobs()}
    await services.http.aclose()
    assert {name: [s.name for s in job.data] for name, job in jobs.items()} == {  # type: ignore[union-attr]
        "poll every 60 s": ["Fast"], "poll every 600 s": ["Default", "Default too"]}
    fast, default = jobs["poll every 60 s"].job.trigger, jobs["poll every 600 s"].job.trigger
    assert fast.interval == timedelta(seconds=60) and fast.jitter == 6  # a tenth of the interval at most
    assert default.interval == timedelta(seconds=600) and default.jitter == 30


async def test_console_mode_honours_each_sources_interval(db: Database, feeds: FeedServer) -> None:
    feeds.set("/fast", rss_items())
    feeds.set("/slow", rss_items())
    sources = [SourceSettings(name="Fast", url=f"{feeds.url}/fast", interval_seconds=1),
               SourceSettings(name="Slow", url=f"{feeds.url}/slow", interval_seconds=30)]
    services = services_for(db, settings_for(sources), Clock())
    task = asyncio.create_task(run_console(services, [], once=False, out=io.StringIO(), err=io.StringIO()))
    await asyncio.to_thread(feeds.wait_for_requests, "/fast", 3, timeout=5)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert len(feeds.requests("/slow")) == 1


def test_sources_table_shows_health_and_escapes_feed_strings_for_telegram(db: Database) -> None:
    sources = [SourceSettings(name="Good <b>", url="http://a.example/rss"),
               SourceSettings(name="Bad", url="http://b.example/rss", interval_seconds=60),
               SourceSettings(name="New", url="http://c.example/rss"),
               SourceSettings(name="Off", url="http://d.example/rss", enabled=False)]
    settings = settings_for(sources)
    from bot.sources.fetch import Validators

    source_state.record_success(db, "Good <b>", "http://a.example/rss", Validators(), now=NOW, items=7)
    source_state.record_failure(db, "Bad", "http://b.example/rss", "not an RSS feed: <script>alert(1)</script>", now=NOW,
                                interval=60, max_backoff=3600)
    rows = source_rows(settings, source_state.list_health(db), now=NOW)
    assert [r.state for r in rows] == ["ok", "failing ×1, next try 2026-11-25 12:01 UTC", "never polled", "disabled"]
    text = format_table(rows)
    assert "Good <b>" in text and "last error: not an RSS feed" in text
    html = render_sources_html(rows)
    assert "Good &lt;b&gt;" in html and "&lt;script&gt;" in html and "<script>" not in html
    many = render_sources_html(rows * 200)
    assert len(many) <= MAX_MESSAGE and many.endswith("…")


def test_cli_sources_and_poll_once(tmp_path: Path, feeds: FeedServer, seed_text: str) -> None:
    feeds.set("/rss", rss_items(("Council meets on water plans", "http://n.example/1", "Routine.", NOW)))
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f'[storage]\ndatabase = "{tmp_path / "alerts.db"}"\n[polling]\ntimeout_seconds = 2\n'
        f'[[sources]]\nname = "Local feed"\nurl = "{feeds.url}/rss"\n'
        f'[[sources]]\nname = "Gone"\nurl = "{feeds.url}/gone"\n'
        f'[[sources]]\nname = "Inbox"\ntype = "directory"\npath = "{folder}"\n'
    )
    before = run("--config", str(cfg), "sources")
    assert before.returncode == 0 and before.stdout.count("never polled") == 3
    polled = run("--config", str(cfg), "poll", "--once")
    assert polled.returncode == 0, polled.stderr
    assert "Local feed: 1 items" in polled.stdout and "Gone: error: HTTP 404 Not Found" in polled.stdout
    assert "Inbox: 1 items" in polled.stdout and "armed_attack · Bamako, Mali" in polled.stdout
    after = run("--config", str(cfg), "sources")
    lines = {line.split("  ")[0]: line for line in after.stdout.splitlines()}
    assert " ok " in lines["Local feed"] and "failing ×1" in lines["Gone"]
    assert "last error: HTTP 404 Not Found" in after.stdout


async def test_poll_once_ignores_backoff_but_the_schedule_respects_it(db: Database, feeds: FeedServer) -> None:
    feeds.set("/rss", b"", status=500)
    source = SourceSettings(name="F", url=f"{feeds.url}/rss")
    services = services_for(db, settings_for([source]), Clock())
    await poll_cycle(services)
    await poll_cycle(services)  # forced, as `poll --once` is
    (skipped,), _ = await poll_cycle(services, force=False)
    await services.http.aclose()
    assert skipped.skipped and len(feeds.requests("/rss")) == 2


def test_example_config_lists_the_built_in_default_sources() -> None:
    from bot.config import DEFAULT_SOURCES, load_settings
    from tests.conftest import ROOT

    example = load_settings(ROOT / "config.example.toml")
    assert [s.model_dump() for s in example.sources] == [s.model_dump() for s in DEFAULT_SOURCES]


async def test_a_slow_source_does_not_hold_back_the_items_of_its_group(db: Database, feeds: FeedServer) -> None:
    from bot.cycle import make_poller, poll_group

    feeds.set("/fast", rss_items(("Council meets on water plans", "http://n.example/1", "Routine.", NOW)))
    feeds.set("/slow", rss_items(("Slow news", "http://n.example/2", "Slow.", NOW)) * 5, drip=50)
    sources = [SourceSettings(name="Slow", url=f"{feeds.url}/slow"), SourceSettings(name="Fast", url=f"{feeds.url}/fast")]
    services = services_for(db, settings_for(sources, timeout_seconds=0.5, max_fetch_seconds=3), Clock())
    loop = asyncio.get_running_loop()
    started, ingested = loop.time(), []

    def after() -> None:
        ingested.append((round(loop.time() - started, 1), db.execute("SELECT count(*) FROM articles").fetchone()[0]))

    await poll_group(services, make_poller(services), sources, after)
    await services.http.aclose()
    assert ingested[0][1] == 1 and ingested[0][0] < 1.5  # the fast source's item, at the request timeout
    assert len(ingested) == 2 and ingested[1][0] >= 2.5  # the slow one's (an error here), when it is done
