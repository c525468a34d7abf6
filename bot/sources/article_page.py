"""`fetch_article = true`: replace an item's teaser with the main text of its linked page.

The page is fetched with the same byte cap and time limit as the feed, and extracted with
trafilatura in a worker thread (it is CPU work); any failure keeps the feed's own text.
"""
from __future__ import annotations

import asyncio
import dataclasses

from bot.model import Article
from bot.sources.base import SourceContext

MAX_PAGES_PER_POLL = 20  # a feed's first poll must not fetch hundreds of pages
MIN_GAIN_CHARS = 200  # use the page only when it says clearly more than the teaser


def extract_main_text(html: bytes, url: str) -> str | None:
    import trafilatura  # imported here: only sources with fetch_article pay for it

    return trafilatura.extract(html, url=url or None, include_comments=False, include_tables=False, favor_precision=True)


async def with_page_text(ctx: SourceContext, articles: list[Article]) -> list[Article]:
    out = []
    for index, article in enumerate(articles):
        if index < MAX_PAGES_PER_POLL and article.url and article.facts is None:
            article = await _one(ctx, article)
        out.append(article)
    return out


async def _one(ctx: SourceContext, article: Article) -> Article:
    result = await ctx.get(article.url, accept="text/html,application/xhtml+xml")
    if result.error is not None or not result.body:
        return article
    try:
        text = await asyncio.wait_for(asyncio.to_thread(extract_main_text, result.body, article.url),
                                      timeout=ctx.polling.max_fetch_seconds)
    except (TimeoutError, ValueError):
        return article
    if text and len(text) >= len(article.text) + MIN_GAIN_CHARS:
        return dataclasses.replace(article, text=text)
    return article
