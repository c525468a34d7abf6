"""The fetch path over real HTTP on 127.0.0.1."""
import math
import socket
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from bot.sources.fetch import Validators, fetch_source, make_client
from tests.feed_server import FeedServer

UA = "secalert-bot/test (+http://example.invalid)"


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(user_agent=UA, timeout_seconds=1.0) as c:
        yield c


async def test_get_sends_user_agent_and_then_conditional_get_costs_nothing(feeds: FeedServer, client: httpx.AsyncClient) -> None:
    etag = feeds.set("/rss", b"<rss/>")
    first = await fetch_source(client, feeds.url + "/rss", max_bytes=10_000)
    assert first.ok and first.body == b"<rss/>" and first.validators.etag == etag
    second = await fetch_source(client, feeds.url + "/rss", validators=first.validators, max_bytes=10_000)
    assert second.not_modified and second.body == b""
    sent = feeds.requests("/rss")
    assert sent[0].get("User-Agent") == UA
    assert sent[1].get("If-None-Match") == etag


async def test_server_error_and_rate_limit_are_values(feeds: FeedServer, client: httpx.AsyncClient) -> None:
    feeds.set("/500", b"oops", status=500)
    feeds.set("/429", b"slow down", status=429, retry_after=30)
    r500 = await fetch_source(client, feeds.url + "/500", max_bytes=10_000)
    r429 = await fetch_source(client, feeds.url + "/429", max_bytes=10_000)
    assert r500.error == "HTTP 500 Internal Server Error"
    assert r429.status == 429 and r429.retry_after == 30.0


async def test_a_server_that_never_answers_times_out(feeds: FeedServer, client: httpx.AsyncClient) -> None:
    feeds.set("/hang", b"<rss/>", delay=math.inf)
    result = await fetch_source(client, feeds.url + "/hang", max_bytes=10_000)
    assert result.error == "timed out"


async def test_oversized_body_is_abandoned(feeds: FeedServer, client: httpx.AsyncClient) -> None:
    feeds.set("/big", b"x" * 200_000)
    result = await fetch_source(client, feeds.url + "/big", max_bytes=50_000)
    assert result.error == "response larger than 50000 bytes" and result.body == b""


async def test_gzip_bomb_is_capped_after_decompression(feeds: FeedServer, client: httpx.AsyncClient) -> None:
    feeds.set("/bomb", b"\0" * 5_000_000, gzip=True)
    result = await fetch_source(client, feeds.url + "/bomb", max_bytes=100_000)
    assert result.error == "response larger than 100000 bytes"


async def test_redirect_loop_stops(feeds: FeedServer, client: httpx.AsyncClient) -> None:
    feeds.redirect("/a", "/b")
    feeds.redirect("/b", "/a")
    result = await fetch_source(client, feeds.url + "/a", max_bytes=10_000)
    assert result.error == "more than 5 redirects"


async def test_unreachable_source(client: httpx.AsyncClient) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = await fetch_source(client, f"http://127.0.0.1:{port}/rss", max_bytes=10_000)
    assert result.error is not None and result.error.startswith("unreachable")


async def test_non_http_url_is_refused(client: httpx.AsyncClient) -> None:
    result = await fetch_source(client, "file:///etc/passwd", max_bytes=10_000, validators=Validators())
    assert result.error == "not an http(s) URL"
