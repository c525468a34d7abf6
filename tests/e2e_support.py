"""Helpers for the end-to-end tests: feeds as RSS, the bot as a subprocess, chatting with it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.botapi_server import DEFAULT_TOKEN, BotApiServer
from tests.conftest import ROOT, SEED
from tests.feed_server import FeedServer
from tests.poll_support import rss_items


def rss(*items: tuple[str, str, str], published: datetime | None = None) -> bytes:
    """An RSS 2.0 feed of (title, link, description) items published now (or at `published`)."""
    when = published or datetime.now(UTC)
    return rss_items(*((title, link, text, when) for title, link, text in items))


def seed_item(link: str) -> tuple[str, str, str]:
    title, _, text = SEED.read_text(encoding="utf-8").partition("\n")
    return title, link, text


def write_config(path: Path, api: BotApiServer, feeds: FeedServer, sources: list[tuple[str, str]]) -> Path:
    """A config for the bot under test: the test Bot API server, a database beside it, fast polling."""
    path.write_text(
        f'[telegram]\napi_base_url = "{api.url}"\n'
        f'[storage]\ndatabase = "{path.parent / "alerts.db"}"\n'
        "[polling]\ninterval_seconds = 1\ntimeout_seconds = 2\n"
        + "".join(f'[[sources]]\nname = "{name}"\ntype = "rss"\nurl = "{feeds.url}{p}"\n' for name, p in sources),
        encoding="utf-8",
    )
    return path


class BotProcess:
    def __init__(self, config: Path, log: Path) -> None:
        self.config, self.log = config, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN, "PYTHONUNBUFFERED": "1"}
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "--config", str(self.config), "run"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )

    def stop(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise

    def close(self) -> None:
        """Stop if running, and check the token never reached the log."""
        if self.proc and self.proc.poll() is None:
            self.stop()
        assert DEFAULT_TOKEN not in self.log.read_text(errors="replace"), "the bot token leaked into the log"


def say(api: BotApiServer, chat: int, text: str, expect_total: int) -> str:
    api.push_message(chat, text, user_id=chat)
    return str(api.wait_for(expect_total, chat_id=chat, timeout=40)[-1]["text"])


def polls(feeds: FeedServer, path: str, more: int) -> None:
    """Wait until the bot has polled `path` `more` more times."""
    feeds.wait_for_requests(path, len(feeds.requests(path)) + more, timeout=45)


def wait_calls(api: BotApiServer, method: str, count: int, *, timeout: float = 45) -> None:
    """Wait until the server has had `count` successful `method` calls (e.g. a restarted bot's setMyCommands)."""
    deadline = time.monotonic() + timeout
    while sum(1 for c in api.calls if c.method == method and c.status == 200) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"fewer than {count} {method} calls within {timeout} s")
        time.sleep(0.05)
