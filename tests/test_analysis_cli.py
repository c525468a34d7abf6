"""`python -m bot analyze`: files, JSON, JSON lines, and errors."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.analysis.cli import run_analyze


def _run(file: str | None, stdin: str = "", *, as_json: bool = False, jsonl: bool = False) -> tuple[int, str]:
    out = io.StringIO()
    rc = run_analyze(file, as_json=as_json, jsonl=jsonl, stdin=io.StringIO(stdin), stdout=out)
    return rc, out.getvalue()


def test_jsonl_answers_every_line_in_order_and_survives_bad_lines() -> None:
    lines = [json.dumps({"id": "a", "text": "A car bomb exploded in Kabul, Afghanistan, killing 4."}),
             "{not json", json.dumps({"id": "c"}), json.dumps({"id": "d", "title": "Weather", "text": "Sunny in Paris."})]
    rc, out = _run(None, "\n".join(lines) + "\n", jsonl=True)
    records = [json.loads(x) for x in out.splitlines()]
    assert rc == 0 and [r["id"] for r in records] == ["a", None, "c", "d"]
    assert records[0]["is_incident"] and records[0]["country"] == "AF" and records[0]["killed"] == 4
    for key in ("category", "severity", "city", "lat", "lon", "airports", "un_involved", "injured", "advisory"):
        assert key in records[0]
    assert "error" in records[1] and "error" in records[2]
    assert records[3]["is_incident"] is False and records[3]["severity"] is None


def test_json_file_prints_facts_and_advisory(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"title": "Gunmen attack hotel in Bamako", "summary": "Gunmen attacked a hotel in Bamako, Mali.",
                             "url": "https://e.org/x", "published": "2024-09-17T06:40:00Z"}), encoding="utf-8")
    rc, out = _run(str(f), as_json=True)
    obj = json.loads(out)
    assert rc == 0 and obj["country"] == "ML" and "2024-09-17 06:40 UTC" in obj["advisory"]


def test_missing_file_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = _run("/nonexistent/file.txt")
    assert rc == 2 and out == ""
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
