"""A small HTTP server for tests that serves RSS (or anything) on 127.0.0.1.

    with FeedServer() as fs:
        etag = fs.set("/feed.xml", rss_bytes)           # 200, ETag + Last-Modified
        url = f"{fs.url}/feed.xml"
        ...                                             # the fetcher GETs url
        assert fs.requests("/feed.xml")[0]["User-Agent"].startswith("secalert")
        fs.set("/slow", b"...", delay=30)               # answers after 30 s (math.inf: never)
        fs.set("/drip", big, drip=1000)                 # 1000 bytes per second
        fs.set("/busy", "", status=503, retry_after=120)
        fs.set("/gz", rss_bytes, gzip=True)             # gzip when the client accepts it
        fs.redirect("/old", "/feed.xml")                # 302 with Location

Conditional GETs: If-None-Match (the ETag, derived from the body) or, without it,
If-Modified-Since answer 304 with no body.  Unknown paths answer 404.  Every request is
recorded (``requests(path)``: case-insensitive header dicts with ``.method`` and ``.target``).
Closing never waits for a pending delay or drip: those requests are abandoned.
"""
from __future__ import annotations

import email.utils
import gzip as gzip_module
import hashlib
import math
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

try:
    from tests.http_support import ClosableHTTPServer, ServedInThread
except ImportError:  # run as a script
    from http_support import ClosableHTTPServer, ServedInThread  # type: ignore[no-redef]


class Headers(dict[str, str]):
    """Request headers of one request, keys lower-cased, lookups case-insensitive."""

    method: str = ""
    target: str = ""

    def __getitem__(self, key: str) -> str:
        return str(super().__getitem__(key.lower()))

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())


@dataclass
class Resource:
    body: bytes
    content_type: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: int | None = None
    retry_after: int | str | None = None
    gzip: bool = False
    last_modified: float = field(default_factory=time.time)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server_version = "TestFeedServer/1.0"
    server: ClosableHTTPServer

    def do_GET(self) -> None:
        closing = self.server.closing
        path = urlsplit(self.path).path
        res = self.server.app._record(path, self)
        if res is None:
            self._respond(404, {"Content-Type": "text/plain; charset=utf-8"}, b"not found")
            return
        if res.delay and closing.wait(None if math.isinf(res.delay) else res.delay):
            self.close_connection = True
            return
        headers = {"Content-Type": res.content_type}
        body = res.body
        if res.status == 200:
            headers["ETag"] = res.etag
            headers["Last-Modified"] = email.utils.formatdate(res.last_modified, usegmt=True)
            if self._not_modified(res):
                self._respond(304, {k: headers[k] for k in ("ETag", "Last-Modified")}, b"")
                return
        if res.retry_after is not None:
            headers["Retry-After"] = str(res.retry_after)
        if res.gzip and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip_module.compress(body, mtime=0)
            headers.update({"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        headers.update(res.headers)
        self._respond(res.status, headers, body, res.drip)

    do_HEAD = do_GET

    def _not_modified(self, res: Resource) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
            return "*" in tags or res.etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return int(res.last_modified) <= since
        return False

    def _respond(self, status: int, headers: dict[str, str], body: bytes,
                 drip: int | None = None) -> None:
        self.send_response(status)
        if status != 304:
            headers = {"Content-Length": str(len(body)), **headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command == "HEAD" or status == 304:
            return
        if not drip:
            self.wfile.write(body)
            return
        step = max(1, drip // 20)
        for i in range(0, len(body), step):
            self.wfile.write(body[i : i + step])
            if self.server.closing.wait(len(body[i : i + step]) / drip):
                self.close_connection = True
                return

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FeedServer(ServedInThread):
    """See the module docstring.  All public methods are thread-safe."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._address = (host, port)
        self._cond = threading.Condition()
        self._resources: dict[str, Resource] = {}
        self._requests: dict[str, list[Headers]] = {}
        self._httpd: ClosableHTTPServer | None = None
        self._thread: threading.Thread | None = None

    _handler = _Handler

    def set(self, path: str, body: bytes | str = b"", *,
            content_type: str = "application/rss+xml; charset=utf-8", status: int = 200,
            headers: dict[str, str] | None = None, delay: float = 0.0, drip: int | None = None,
            retry_after: int | str | None = None, gzip: bool = False,
            last_modified: float | None = None) -> str:
        """Publish (or replace) ``path``; returns its ETag.

        delay: seconds before answering (math.inf: never); drip: send the body at this many
        bytes per second; retry_after: Retry-After header; gzip: gzip the body if the client
        accepts it; headers: extra or overriding response headers; last_modified: epoch
        seconds (default: now).
        """
        data = body.encode() if isinstance(body, str) else bytes(body)
        res = Resource(data, content_type, status, dict(headers or {}), delay, drip, retry_after,
                       gzip)
        if last_modified is not None:
            res.last_modified = last_modified
        with self._cond:
            self._resources[path] = res
        return res.etag

    def redirect(self, path: str, to: str, *, status: int = 302) -> None:
        """Answer ``path`` with a redirect to ``to`` (absolute URL or path)."""
        self.set(path, b"", content_type="text/plain", status=status, headers={"Location": to})

    def remove(self, path: str) -> None:
        with self._cond:
            self._resources.pop(path, None)

    def requests(self, path: str) -> list[Headers]:
        """Headers of every request received for ``path`` (query string ignored), in order."""
        with self._cond:
            return list(self._requests.get(path, []))

    def wait_for_requests(self, path: str, count: int, *, timeout: float = 10) -> list[Headers]:
        """Block until ``path`` has had ``count`` requests; AssertionError on timeout."""
        with self._cond:
            if self._cond.wait_for(lambda: len(self._requests.get(path, [])) >= count, timeout):
                return list(self._requests[path])
        raise AssertionError(f"expected {count} requests for {path}, got {self.requests(path)}")

    def _record(self, path: str, handler: BaseHTTPRequestHandler) -> Resource | None:
        headers = Headers((k.lower(), v) for k, v in handler.headers.items())
        headers.method, headers.target = handler.command, handler.path
        with self._cond:
            self._requests.setdefault(path, []).append(headers)
            self._cond.notify_all()
            return self._resources.get(path)
