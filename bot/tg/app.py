"""The Telegram bot: python-telegram-bot Application, handlers, and the JobQueue jobs."""
from __future__ import annotations

import asyncio
import logging

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.cycle import poll_cycle
from bot.places import prepare_other_scripts
from bot.services import Services
from bot.tg import admin, catch_up, commands_info, commands_settings, guard, handlers, keyboards
from bot.tg.delivery import send_due
from bot.tg.limits import Pacer, TelegramRateLimiter
from bot.tg.polling import schedule_polling
from bot.tg.sending import OutboxSender

log = logging.getLogger(__name__)


def build_application(services: Services) -> Application:  # type: ignore[type-arg]
    settings = services.settings
    token = settings.token
    assert token, "build_application needs a token"
    # One send budget for the outbox sender and the command replies (bot/tg/limits.py).
    services.pacer = Pacer(settings.delivery.messages_per_second)
    app = (
        ApplicationBuilder()
        .token(token)
        .base_url(f"{settings.telegram.api_base_url}/bot")
        .base_file_url(f"{settings.telegram.api_base_url}/file/bot")
        .rate_limiter(TelegramRateLimiter(services.pacer))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data["services"] = services
    app.bot_data["command_limiter"] = guard.CommandLimiter(settings.telegram.commands_per_minute)
    app.add_handler(TypeHandler(Update, guard.limit_commands), group=-1)
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, handlers.migrate), group=-2)
    app.add_handler(ChatMemberHandler(handlers.membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(CommandHandler("start", handlers.start))
    app.add_handler(CommandHandler("help", handlers.help_command))
    app.add_handler(CommandHandler("stop", handlers.stop))
    app.add_handler(CommandHandler("watch", handlers.watch))
    app.add_handler(CommandHandler("watching", handlers.watching))
    app.add_handler(CommandHandler(["unwatch", "remove"], handlers.unwatch))
    app.add_handler(CommandHandler("severity", commands_settings.severity))
    app.add_handler(CommandHandler("categories", commands_settings.categories))
    app.add_handler(CommandHandler("mute", commands_settings.mute))
    app.add_handler(CommandHandler("unmute", commands_settings.unmute))
    app.add_handler(CommandHandler("quiet", commands_settings.quiet))
    app.add_handler(CommandHandler("timezone", commands_settings.timezone))
    app.add_handler(CommandHandler("map", commands_settings.map_command))
    app.add_handler(CommandHandler("recent", commands_info.recent))
    app.add_handler(CommandHandler("status", commands_info.status))
    app.add_handler(CommandHandler("sources", admin.sources_command))  # admin chats only
    app.add_handler(CallbackQueryHandler(handlers.watch_button, pattern=f"^{keyboards.WATCH_PREFIX}"))
    app.add_handler(CallbackQueryHandler(commands_settings.category_button, pattern=f"^{keyboards.CATEGORY_PREFIX}"))
    app.add_handler(CallbackQueryHandler(commands_settings.severity_button, pattern=f"^{keyboards.SEVERITY_PREFIX}"))
    app.add_handler(MessageHandler(filters.LOCATION, handlers.location))
    app.add_handler(MessageHandler(filters.COMMAND, handlers.unknown_command))
    app.add_handler(MessageHandler(filters.TEXT & filters.ChatType.PRIVATE, handlers.free_text))
    app.add_error_handler(_on_error)
    assert app.job_queue is not None, "python-telegram-bot[job-queue] is required"
    schedule_polling(app.job_queue, services)
    app.job_queue.run_repeating(catch_up.mute_end_job, interval=catch_up.MUTE_CHECK_INTERVAL_S, first=5.0,
                                name="mutes that ran out")
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    await app.bot.set_my_commands([BotCommand(name, what) for name, what in handlers.COMMANDS])
    me = await app.bot.get_me()
    log.info("connected to Telegram as @%s", me.username)
    services: Services = app.bot_data["services"]
    sender = OutboxSender(app.bot, services, concurrency=services.settings.delivery.concurrency)
    app.bot_data["sender"] = sender
    sender.start()
    # The names of places in other scripts ("/watch Бамако") are read from disk (built on a machine's first start):
    # in a thread now rather than inside the first such command
    asyncio.get_running_loop().run_in_executor(None, prepare_other_scripts)


async def _post_stop(app: Application) -> None:  # type: ignore[type-arg]
    sender: OutboxSender | None = app.bot_data.pop("sender", None)
    if sender is not None:
        await sender.stop()


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
