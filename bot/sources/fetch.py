"""One polite HTTP GET for a source: timeouts, a byte cap, conditional GET.

`fetch_source` never raises for network or HTTP trouble: it returns a
FetchResult whose `error` says, in a line an operator can act on, what went
wrong, so one failing source never stops the others.
"""
from __future__ import annotations

import asyncio
import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

MAX_REDIRECTS = 5
ERROR_BODY_BYTES = 4096


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


def make_client(*, user_agent: str, timeout_seconds: float, max_connections: int = 20) -> httpx.AsyncClient:
    """The shared client for all sources: one pool, bounded redirects, gzip."""
    return httpx.AsyncClient(
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(timeout_seconds, connect=min(10.0, timeout_seconds)),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        trust_env=False,
        event_hooks={"response": [_refuse_non_http_redirect]},
    )


async def _refuse_non_http_redirect(response: httpx.Response) -> None:
    """A redirect to file:, ftp: or the like is refused before httpx would try to follow it."""
    location = response.headers.get("Location")
    if response.is_redirect and location:
        target = response.url.join(location)
        if target.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"redirect to a {target.scheme}: URL refused", request=response.request)


async def fetch_source(
    client: httpx.AsyncClient,
    url: str,
    *,
    validators: Validators = Validators(),
    max_bytes: int,
    max_seconds: float | None = None,
    accept: str | None = None,
) -> FetchResult:
    """GET url. max_seconds bounds the whole exchange, body included (a drip feed cannot hold a source)."""
    try:
        async with asyncio.timeout(max_seconds):
            return await _fetch(client, url, validators=validators, max_bytes=max_bytes, accept=accept)
    except TimeoutError:
        return FetchResult(url, error=f"no complete answer within {max_seconds:g} s")


async def _fetch(
    client: httpx.AsyncClient, url: str, *, validators: Validators, max_bytes: int, accept: str | None
) -> FetchResult:
    headers = {"Accept": accept} if accept else {}
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
                    body=await _read_prefix(response, ERROR_BODY_BYTES),  # APIs explain errors there
                    content_type=response.headers.get("Content-Type", ""),
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
    except httpx.UnsupportedProtocol as e:
        return FetchResult(url, error=str(e) if "redirect" in str(e) else "not an http(s) URL")
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


async def _read_prefix(response: httpx.Response, limit: int) -> bytes:
    data = b""
    async for chunk in response.aiter_bytes():
        data += chunk
        if len(data) >= limit:
            break
    return data[:limit]


def _retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After in seconds: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
