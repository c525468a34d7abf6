"""`python -m bot analyze`: one article file to an advisory, or JSON lines to JSON lines.

FILE is text (first line the title, the rest the body) or JSON {title, text|summary, url,
published}. --json prints the facts plus "advisory" as one object. --jsonl reads
{"id", "title"?, "text"} lines on stdin and answers one object per line, in order; a bad
line gets {"id", "error"} and the batch goes on.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from bot.analysis import analyze
from bot.analysis.advisory import render_text
from bot.analysis.facts import ArticleMeta, Facts


def run_analyze(file: str | None, *, as_json: bool, jsonl: bool, stdin: TextIO, stdout: TextIO) -> int:
    if jsonl:
        return _run_jsonl(stdin, stdout)
    if not file:
        print("analyze: give an article FILE, or --jsonl to read JSON lines on stdin", file=sys.stderr)
        return 2
    try:
        raw = Path(file).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"analyze: cannot read {file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    title, text, meta = _parse_article(raw, file)
    facts = analyze(title, text, meta=meta)
    advisory = render_text(facts, meta)
    if as_json:
        stdout.write(json.dumps({**facts.to_json(), "advisory": advisory}, ensure_ascii=False) + "\n")
    else:
        stdout.write(advisory + "\n")
    return 0


def _parse_article(raw: str, file: str) -> tuple[str, str, ArticleMeta]:
    """(title, text, meta) from a text or JSON article file."""
    if file.endswith(".json") or raw.lstrip().startswith("{"):
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError:
            obj = None
        if isinstance(obj, dict):
            title = str(obj.get("title") or "")
            text = str(obj.get("text") or obj.get("summary") or obj.get("description") or "")
            meta = ArticleMeta(title=title, url=_str_or_none(obj.get("url") or obj.get("link")),
                               source=_str_or_none(obj.get("source")) or Path(file).name,
                               published=_parse_time(obj.get("published")))
            return title, text, meta
    title, _, text = raw.strip().partition("\n")
    return title.strip(), text.strip(), ArticleMeta(title=title.strip(), source=Path(file).name)


def _str_or_none(value: Any) -> str | None:
    return str(value) if value else None


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            from email.utils import parsedate_to_datetime

            ts = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return ts.replace(tzinfo=timezone.utc) if ts.tzinfo is None else ts.astimezone(timezone.utc)


def _run_jsonl(stdin: TextIO, stdout: TextIO) -> int:
    for line in stdin:
        if not line.strip():
            continue
        stdout.write(json.dumps(_answer_line(line), ensure_ascii=False) + "\n")
    stdout.flush()
    return 0


def _answer_line(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not JSON: {exc.msg}"}
    if not isinstance(obj, dict):
        return {"id": None, "error": "not a JSON object"}
    item_id = obj.get("id")
    text = obj.get("text", obj.get("summary"))
    if not isinstance(text, str):
        return {"id": item_id, "error": "missing 'text' string"}
    raw_title = obj.get("title")
    title = raw_title if isinstance(raw_title, str) else ""
    meta = ArticleMeta(title=title, url=_str_or_none(obj.get("url")), published=_parse_time(obj.get("published")))
    try:
        facts = analyze(title, text, meta=meta)
    except Exception as exc:  # noqa: BLE001 - one bad item must not stop the batch; reported in its line
        return {"id": item_id, "error": f"{type(exc).__name__}: {exc}"}
    return _summary_record(item_id, facts, meta)


def _summary_record(item_id: Any, facts: Facts, meta: ArticleMeta) -> dict[str, Any]:
    return {
        "id": item_id,
        **facts.to_json(),
        "advisory": render_text(facts, meta) if facts.is_incident else None,
    }
