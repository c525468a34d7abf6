"""HTML fragments from feeds to plain text: tags dropped, entities decoded, blocks kept apart."""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                         "tr", "table", "blockquote", "section", "article", "header", "footer"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg"})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _TextExtractor(HTMLParser):
    def __init__(self, *, keep_links: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._keep_links = keep_links
        self._hrefs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "a":
            self._hrefs.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "a" and self._hrefs:
            href = self._hrefs.pop()
            if self._keep_links and href and href.startswith(("http://", "https://")):
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str, *, keep_links: bool = False) -> str:
    """Plain text of an HTML fragment (or of plain text with stray entities).

    keep_links: write each link's address after its text, for a reader with no clickable links.
    """
    if not fragment:
        return ""
    parser = _TextExtractor(keep_links=keep_links)
    parser.feed(fragment)
    parser.close()
    text = unicodedata.normalize("NFC", "".join(parser.parts))
    text = _CONTROL.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """A title: all whitespace folded into single spaces."""
    return " ".join(html_to_text(text).split())
