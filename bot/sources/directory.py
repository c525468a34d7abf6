"""A folder of article files (the format of seeds/): each file is read once.

A .txt file is the title on its first line and the text after it; a .json file is
{title, text|summary, url, published}. A file is remembered by path, size and
modification time, so an edited file is read again and an unchanged one never.
"""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.model import Article
from bot.sources.base import Batch, SourceContext
from bot.sources.htmltext import html_to_text, one_line
from bot.sources.urls import canonical_url
from bot.store import source_state

SUFFIXES = (".txt", ".json")
MAX_FILES_PER_POLL = 500


@dataclass(frozen=True)
class FileItem:
    path: str
    size: int
    mtime_ns: int


def parse_article_file(raw: bytes, *, name: str, source: str, fetched_at: datetime, language: str | None) -> Article | None:
    """One article from a file's bytes (pure); None when it has neither title nor text."""
    text = raw.decode("utf-8", errors="replace")
    if name.endswith(".json") or text.lstrip().startswith("{"):
        try:
            obj = json.loads(text)
        except json.JSONDecodeError:
            obj = None
        if isinstance(obj, dict):
            return _from_json(obj, source=source, fetched_at=fetched_at, language=language)
    title, _, body = text.strip().partition("\n")
    if not title.strip():
        return None
    return Article(source=source, url="", title=one_line(title), text=html_to_text(body), published=fetched_at,
                   language=language)


def _from_json(obj: dict[str, Any], *, source: str, fetched_at: datetime, language: str | None) -> Article | None:
    title = one_line(str(obj.get("title") or ""))
    text = html_to_text(str(obj.get("text") or obj.get("summary") or ""))
    if not title and not text:
        return None
    url = obj.get("url")
    return Article(
        source=source,
        url=canonical_url(url) if isinstance(url, str) and url.startswith(("http://", "https://")) else "",
        title=title,
        text=text,
        published=_published(obj.get("published"), fetched_at),
        language=str(obj.get("language") or language or "") or None,
    )


def _published(value: Any, fetched_at: datetime) -> datetime:
    if not isinstance(value, str) or not value:
        return fetched_at
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return fetched_at
    when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    return min(when, fetched_at)


def list_files(folder: Path) -> list[FileItem]:
    items = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in SUFFIXES and path.is_file():
            st = path.stat()
            items.append(FileItem(str(path), st.st_size, st.st_mtime_ns))
    return items


async def collect_directory(ctx: SourceContext) -> Batch:
    src = ctx.source
    folder = Path(src.path or ".")
    try:
        files = await asyncio.to_thread(list_files, folder)
    except OSError as e:
        return Batch(error=f"cannot read folder {folder}: {e.strerror or e}")
    new = [f for f in files if not source_state.is_file_read(ctx.db, src.name, f.path, f.size, f.mtime_ns)]
    articles = []
    for item in new[:MAX_FILES_PER_POLL]:
        try:
            raw = await asyncio.to_thread(_read_capped, Path(item.path), ctx.polling.max_response_bytes)
        except OSError:
            continue  # removed or unreadable since listed: tried again next poll
        if raw is not None:
            article = parse_article_file(raw, name=item.path, source=src.name, fetched_at=ctx.now, language=src.language)
            if article is not None:
                articles.append(article)
        source_state.mark_file_read(ctx.db, src.name, item.path, item.size, item.mtime_ns, now=ctx.now)
    return Batch(articles)


def _read_capped(path: Path, max_bytes: int) -> bytes | None:
    with path.open("rb") as f:
        data = f.read(max_bytes + 1)
    return None if len(data) > max_bytes else data
