"""`python -m bot` as a user runs it: help, errors a user can cause, console mode."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e_support import rss, seed_item
from tests.feed_server import FeedServer


def run(*args: str, cwd: Path = ROOT, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_") and k != "TELEGRAM_BOT_TOKEN"}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["analyze", "--help"]])
def test_help(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 0 and "usage:" in result.stdout


def test_missing_config_file(tmp_path: Path) -> None:
    result = run("--config", str(tmp_path / "nope.toml"), "run")
    assert result.returncode == 2 and "config file not found" in result.stderr


def test_invalid_config_names_the_key(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[polling]\ninterval_seconds = 0\n")
    result = run("--config", str(cfg), "run")
    assert result.returncode == 2 and "polling.interval_seconds" in result.stderr
    assert "Traceback" not in result.stderr


def test_unwritable_database_path(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[storage]\ndatabase = "{tmp_path / "afile" / "alerts.db"}"\n')
    result = run("--config", str(cfg), "run", "--once")
    assert result.returncode == 2 and "cannot open database" in result.stderr


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


def console_config(tmp_path: Path, sources: list[tuple[str, str]]) -> Path:
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f'[storage]\ndatabase = "{tmp_path / "alerts.db"}"\n[polling]\ntimeout_seconds = 2\n'
        + "".join(f'[[sources]]\nname = "{n}"\nurl = "{u}"\n' for n, u in sources)
    )
    return cfg


def test_console_mode_prints_the_advisory_once(tmp_path: Path, feeds: FeedServer) -> None:
    feeds.set("/a.xml", rss(seed_item("https://news.example/bamako")))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/rss"
    cfg = console_config(tmp_path, [("Feed A", feeds.url + "/a.xml"), ("Dead", dead)])
    first = run("--config", str(cfg), "run", "--once", "--watch", "Bamako", "--watch", "Nairobi")
    assert first.returncode == 0, first.stderr
    assert "TELEGRAM_BOT_TOKEN" in first.stderr
    assert "source Dead failing: unreachable" in first.stderr  # one bad source, the others still read
    assert "Bamako" in first.stdout and "https://news.example/bamako" in first.stdout
    assert first.stdout.count("https://news.example/bamako") == 1
    second = run("--config", str(cfg), "run", "--once", "--watch", "Bamako")
    assert second.returncode == 0 and "news.example" not in second.stdout


def test_console_mode_unknown_place_is_explained(tmp_path: Path, feeds: FeedServer) -> None:
    feeds.set("/a.xml", rss())
    cfg = console_config(tmp_path, [("Feed A", feeds.url + "/a.xml")])
    result = run("--config", str(cfg), "run", "--once", "--watch", "Zzyzxqville")
    assert result.returncode == 0 and "unknown place 'Zzyzxqville'" in result.stderr


def test_console_mode_ambiguous_place_says_how_to_ask_for_the_others(tmp_path: Path, feeds: FeedServer) -> None:
    feeds.set("/a.xml", rss())
    cfg = console_config(tmp_path, [("Feed A", feeds.url + "/a.xml")])
    result = run("--config", str(cfg), "run", "--once", "--watch", "Gaza", "--watch", "Djibouti, DJ")
    assert result.returncode == 0
    assert "'Gaza' is ambiguous: watching Palestine (others, by --watch: Gaza, PS)" in result.stderr
    assert "'Djibouti, DJ' is ambiguous" not in result.stderr and "Djibouti, Djibouti" in result.stderr  # the town


def test_a_rejected_token_is_a_clear_error_that_never_shows_the_token(tmp_path: Path) -> None:
    from tests.botapi_server import BotApiServer

    secret = "999999:THIS-TOKEN-MUST-NOT-APPEAR"
    with BotApiServer() as api:  # knows only its own test token: answers 401 to this one
        cfg = tmp_path / "c.toml"
        cfg.write_text(f'[telegram]\ntoken = "{secret}"\napi_base_url = "{api.url}"\n'
                       f'[storage]\ndatabase = "{tmp_path / "a.db"}"\n[[sources]]\nname = "x"\nurl = "{api.url}/x"\n')
        result = run("--config", str(cfg), "run")
    assert result.returncode == 2 and "rejected the bot token" in result.stderr
    assert secret not in result.stderr + result.stdout
