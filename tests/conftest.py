"""Shared fixtures: a real SQLite file, recorded payloads, a clean environment."""
from __future__ import annotations

import importlib
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def gazetteer() -> Any:
    """The gazetteers, loaded once for the whole run."""
    from bot.analysis.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture
async def tg(tmp_path: Path, gazetteer: Any) -> AsyncIterator[Any]:
    """The bot's Telegram application, in-process, talking to a Bot API test server (the test group's
    administrators set)."""
    from tests.telegram_harness import ADMIN, GROUP, OWNER, running_bot

    async with running_bot(tmp_path, gazetteer) as harness:
        harness.api.set_admins(GROUP, [ADMIN], owner=OWNER)
        yield harness


@pytest.fixture
def api() -> Iterator[Any]:
    """A Bot API test server on 127.0.0.1."""
    from tests.botapi_server import BotApiServer

    with BotApiServer() as server:
        yield server


@pytest.fixture
async def bot(api: Any) -> AsyncIterator[Any]:
    """A python-telegram-bot Bot talking to the test server."""
    importlib.import_module("bot.tg")  # sets PTB_TIMEDELTA before PTB reads it
    from telegram import Bot

    from tests.botapi_server import DEFAULT_TOKEN

    async with Bot(DEFAULT_TOKEN, base_url=f"{api.url}/bot") as b:
        yield b


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
