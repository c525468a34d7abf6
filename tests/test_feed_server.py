"""Tests of the test feed server (tests/feed_server.py)."""
from __future__ import annotations

import email.utils
import math
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.feed_server import FeedServer

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Alerts</title>
<item><title>Fire in Berlin</title><link>https://example.org/1</link></item>
</channel></rss>"""


def _own_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("FeedServer")]


@pytest.fixture
def fs() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server
    assert _own_threads() == []


@pytest.fixture
def client(fs: FeedServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fs.url, timeout=5, headers={"User-Agent": "secalert-test/1"}) as c:
        yield c


def test_serves_content_with_validators_and_records_requests(fs: FeedServer, client: httpx.Client) -> None:
    etag = fs.set("/feed.xml", RSS)
    first = client.get("/feed.xml?x=1")
    assert first.status_code == 200 and first.content == RSS
    assert first.headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert first.headers["etag"] == etag and first.headers["content-length"] == str(len(RSS))
    last_modified = first.headers["last-modified"]
    assert email.utils.parsedate_to_datetime(last_modified).timestamp() <= time.time()

    by_etag = client.get("/feed.xml", headers={"If-None-Match": etag})
    assert by_etag.status_code == 304 and by_etag.content == b"" and by_etag.headers["etag"] == etag
    assert client.get("/feed.xml", headers={"If-None-Match": f'W/{etag}, "other"'}).status_code == 304
    assert client.get("/feed.xml", headers={"If-None-Match": '"stale"'}).status_code == 200
    assert client.get("/feed.xml", headers={"If-Modified-Since": last_modified}).status_code == 304
    old = email.utils.formatdate(time.time() - 3600, usegmt=True)
    assert client.get("/feed.xml", headers={"If-Modified-Since": old}).status_code == 200

    new_etag = fs.set("/feed.xml", RSS.replace(b"Berlin", b"Paris"), last_modified=time.time() + 10)
    assert new_etag != etag
    changed = client.get("/feed.xml", headers={"If-None-Match": etag, "If-Modified-Since": last_modified})
    assert changed.status_code == 200 and b"Paris" in changed.content

    seen = fs.requests("/feed.xml")
    assert len(seen) == 7
    assert seen[0]["User-Agent"] == "secalert-test/1" and seen[0]["user-agent"] == "secalert-test/1"
    assert seen[0].method == "GET" and seen[0].target == "/feed.xml?x=1"
    assert "If-None-Match" not in seen[0] and seen[1]["if-none-match"] == etag
    assert seen[-1].get("If-Modified-Since") == last_modified
    assert fs.requests("/never") == []


def test_not_found_errors_text_and_head(fs: FeedServer, client: httpx.Client) -> None:
    missing = client.get("/nope")
    assert missing.status_code == 404 and len(fs.requests("/nope")) == 1
    fs.set("/busy", "try later", status=503, retry_after=120, content_type="text/plain")
    busy = client.get("/busy")
    assert (busy.status_code, busy.text, busy.headers["retry-after"]) == (503, "try later", "120")
    assert "etag" not in busy.headers
    fs.set("/broken", b"", status=500, headers={"X-Debug": "1"})
    assert client.get("/broken").status_code == 500
    fs.set("/page", "<html>é</html>", content_type="text/html; charset=utf-8")
    head = client.head("/page")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len("<html>é</html>".encode()))
    assert client.get("/page").text == "<html>é</html>"
    fs.remove("/page")
    assert client.get("/page").status_code == 404


def test_gzip_and_redirect(fs: FeedServer, client: httpx.Client) -> None:
    fs.set("/gz", RSS * 20, gzip=True)
    zipped = client.get("/gz")  # httpx sends Accept-Encoding: gzip and decodes
    assert zipped.headers["content-encoding"] == "gzip" and zipped.content == RSS * 20
    assert int(zipped.headers["content-length"]) < len(RSS * 20)
    plain = client.get("/gz", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == RSS * 20

    fs.set("/feed.xml", RSS)
    fs.redirect("/old", "/feed.xml")
    fs.redirect("/moved", f"{fs.url}/old", status=301)
    assert client.get("/moved").status_code == 301
    followed = client.get("/moved", follow_redirects=True)
    assert followed.status_code == 200 and followed.content == RSS
    assert [r.status_code for r in followed.history] == [301, 302]
    assert len(fs.requests("/old")) == 1 and len(fs.requests("/feed.xml")) == 1


def test_delay_and_hanging_server(fs: FeedServer, client: httpx.Client) -> None:
    fs.set("/slow", RSS, delay=0.2)
    started = time.monotonic()
    assert client.get("/slow").content == RSS
    assert time.monotonic() - started >= 0.2
    fs.set("/hang", RSS, delay=math.inf)
    with pytest.raises(httpx.ReadTimeout):
        client.get("/hang", timeout=0.2)
    assert len(fs.requests("/hang")) == 1


def test_drip(fs: FeedServer, client: httpx.Client) -> None:
    body = b"x" * 1000
    fs.set("/drip", body, drip=5000)
    started = time.monotonic()
    with client.stream("GET", "/drip") as response:
        chunks = list(response.iter_raw())
    assert b"".join(chunks) == body and len(chunks) > 1
    assert 0.15 <= time.monotonic() - started < 3


def test_close_does_not_wait_for_pending_requests() -> None:
    done: list[BaseException | None] = []
    with FeedServer() as server:
        server.set("/hang", RSS, delay=math.inf)
        server.set("/drip", b"x" * 10_000, drip=10)

        def fetch(path: str) -> None:
            try:
                with httpx.Client(base_url=server.url, timeout=30) as c:
                    c.get(path)
                done.append(None)
            except httpx.HTTPError as exc:
                done.append(exc)

        threads = [threading.Thread(target=fetch, args=(p,)) for p in ("/hang", "/drip")]
        for t in threads:
            t.start()
        server.wait_for_requests("/hang", 1)
        server.wait_for_requests("/drip", 1)
        started = time.monotonic()
    assert time.monotonic() - started < 1
    for t in threads:
        t.join(5)
    assert len(done) == 2 and all(isinstance(e, httpx.HTTPError) for e in done)
    assert _own_threads() == []


def test_wait_for_requests_times_out(fs: FeedServer) -> None:
    with pytest.raises(AssertionError, match="expected 1 requests for /x"):
        fs.wait_for_requests("/x", 1, timeout=0.05)
