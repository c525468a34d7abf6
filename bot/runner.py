"""`python -m bot run`: load settings, open the store, then run as a Telegram bot or in console mode."""
from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import ConfigError, Settings, load_settings
from bot.logs import setup_logging
from bot.store.db import StoreError, open_database

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

HOW_TO_CONNECT = (
    "No Telegram token: running in console mode. To connect Telegram, create a bot with @BotFather "
    "and set TELEGRAM_BOT_TOKEN=<token> (or [telegram] token in config.toml)."
)


def run_bot(*, config_path: str | None, watches: list[str], once: bool) -> int:
    try:
        settings = load_settings(config_path)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    setup_logging(secrets=[settings.token] if settings.token else [])
    try:
        db = open_database(settings.storage.database)
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    log.info("database %s", Path(settings.storage.database).resolve())
    # The gazetteers first, before the Telegram and HTTP libraries: unpickling them briefly needs
    # some 40 MB more than they keep, and the process's peak stays lower when nothing else is loaded.
    from bot.analysis.gazetteer import load_gazetteer

    load_gazetteer()
    try:
        if settings.token:
            return _run_telegram(settings, db, once=once)
        print(HOW_TO_CONNECT, file=sys.stderr, flush=True)
        from bot.console import run_console

        return asyncio.run(run_console(_services(settings, db), watches or settings.console.watch, once=once))
    except KeyboardInterrupt:
        return 0
    finally:
        db.close()


def _services(settings: Settings, db: object) -> Services:
    # Imported here so that settings and database errors are reported before the heavy imports.
    from bot.analysis import analyze
    from bot.analysis.advisory import render_html
    from bot.analysis.gazetteer import load_gazetteer
    from bot.services import Services
    from bot.sources.fetch import make_client

    return Services(
        settings=settings,
        db=db,  # type: ignore[arg-type]
        http=make_client(user_agent=settings.polling.user_agent, timeout_seconds=settings.polling.timeout_seconds),
        places=load_gazetteer(),
        analyze=analyze,
        render_html=render_html,
    )


def _run_telegram(settings: Settings, db: object, *, once: bool) -> int:
    from telegram import Update
    from telegram.error import InvalidToken, NetworkError

    from bot.tg.app import build_application, run_one_cycle

    services = _services(settings, db)
    app = build_application(services)
    try:
        if once:
            return asyncio.run(run_one_cycle(app))
        # A network hiccup while the host boots is retried a few times before giving up.
        app.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=3)
    except InvalidToken:  # its message contains the token: never print it
        print("error: Telegram rejected the bot token. Check TELEGRAM_BOT_TOKEN (or [telegram] token); "
              "@BotFather gives a valid one.", file=sys.stderr)
        return 2
    except NetworkError as e:
        reason = str(e).replace(settings.token or "\0", "<redacted>")
        print(f"error: cannot reach the Telegram Bot API at {settings.telegram.api_base_url}: {reason}",
              file=sys.stderr)
        return 1
    return 0
