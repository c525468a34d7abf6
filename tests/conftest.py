"""Shared fixtures: a real SQLite file, recorded payloads, a clean environment."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.store.db import open_database

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the host's token, BOT_* settings or proxies."""
    for key in list(os.environ):
        if key.startswith("BOT_") or key in ("TELEGRAM_BOT_TOKEN",) or key.lower().endswith("_proxy"):
            monkeypatch.delenv(key, raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "alerts.db")
    yield database
    database.close()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
