"""The Telegram bot: python-telegram-bot Application, handlers, and the JobQueue jobs."""
from __future__ import annotations

import logging

from telegram import BotCommand
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.cycle import poll_cycle
from bot.services import Services
from bot.tg import handlers
from bot.tg.delivery import send_due
from bot.tg.polling import schedule_polling
from bot.tg.sending import schedule_sending

log = logging.getLogger(__name__)


def build_application(services: Services) -> Application:  # type: ignore[type-arg]
    settings = services.settings
    token = settings.token
    assert token, "build_application needs a token"
    app = (
        ApplicationBuilder()
        .token(token)
        .base_url(f"{settings.telegram.api_base_url}/bot")
        .base_file_url(f"{settings.telegram.api_base_url}/file/bot")
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data["services"] = services
    app.add_handler(CommandHandler("start", handlers.start))
    app.add_handler(CommandHandler("help", handlers.help_command))
    app.add_handler(CommandHandler("stop", handlers.stop))
    app.add_handler(CommandHandler("watch", handlers.watch))
    app.add_handler(CommandHandler("watching", handlers.watching))
    app.add_handler(CommandHandler(["unwatch", "remove"], handlers.unwatch))
    app.add_handler(CallbackQueryHandler(handlers.watch_button, pattern=f"^{handlers.CALLBACK_PREFIX}"))
    app.add_handler(MessageHandler(filters.COMMAND, handlers.unknown_command))
    app.add_handler(MessageHandler(filters.TEXT & filters.ChatType.PRIVATE, handlers.free_text))
    app.add_error_handler(_on_error)
    assert app.job_queue is not None, "python-telegram-bot[job-queue] is required"
    schedule_polling(app.job_queue, services)
    schedule_sending(app.job_queue, services)
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    await app.bot.set_my_commands([BotCommand(name, what) for name, what in handlers.COMMANDS])
    me = await app.bot.get_me()
    log.info("connected to Telegram as @%s", me.username)


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    services: Services = app.bot_data["services"]
    await services.http.aclose()


async def run_one_cycle(app: Application) -> int:  # type: ignore[type-arg]
    """`run --once` with a token: one poll and one drain of the outbox, no updates."""
    services: Services = app.bot_data["services"]
    async with app:
        await poll_cycle(services)
        async with services.send_lock:
            await send_due(app.bot, services.db, pacer=services.pacer, now=services.clock)
    await services.http.aclose()
    return 0


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error with its traceback; never echo it (or a URL with the token) to a chat."""
    log.error("error while handling an update", exc_info=context.error)
