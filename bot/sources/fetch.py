"""One polite HTTP GET for a source: timeouts, a byte cap, conditional GET.

`fetch_source` never raises for network or HTTP trouble: it returns a
FetchResult whose `error` says, in a line an operator can act on, what went
wrong, so one failing source never stops the others.
"""
from __future__ import annotations

from dataclasses import dataclass

import httpx

MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Validators:
    """HTTP cache validators remembered between polls (conditional GET)."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    url: str
    status: int | None = None
    body: bytes = b""
    content_type: str = ""
    validators: Validators = Validators()
    error: str | None = None
    retry_after: float | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None


def make_client(*, user_agent: str, timeout_seconds: float) -> httpx.AsyncClient:
    """The shared client for all sources: one pool, bounded redirects, gzip."""
    return httpx.AsyncClient(
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(timeout_seconds, connect=min(10.0, timeout_seconds)),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
        trust_env=False,
    )


async def fetch_source(
    client: httpx.AsyncClient,
    url: str,
    *,
    validators: Validators = Validators(),
    max_bytes: int,
) -> FetchResult:
    headers = {}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    try:
        async with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return FetchResult(url, 304, validators=validators)
            if response.status_code >= 400:
                return FetchResult(
                    url,
                    response.status_code,
                    error=f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                    retry_after=_retry_after(response.headers.get("Retry-After")),
                )
            body = await _read_capped(response, max_bytes)
            if body is None:
                return FetchResult(url, response.status_code, error=f"response larger than {max_bytes} bytes")
            return FetchResult(
                url,
                response.status_code,
                body=body,
                content_type=response.headers.get("Content-Type", ""),
                validators=Validators(response.headers.get("ETag"), response.headers.get("Last-Modified")),
            )
    except httpx.TooManyRedirects:
        return FetchResult(url, error=f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        return FetchResult(url, error="timed out")
    except httpx.UnsupportedProtocol:
        return FetchResult(url, error="not an http(s) URL")
    except httpx.DecodingError as e:
        return FetchResult(url, error=f"undecodable response: {e}")
    except httpx.TransportError as e:
        return FetchResult(url, error=f"unreachable: {type(e).__name__}: {e}".rstrip(": "))
    except httpx.InvalidURL as e:
        return FetchResult(url, error=f"invalid URL: {e}")


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes | None:
    """The decoded body, or None once it passes max_bytes (a gzip bomb stops here too)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
