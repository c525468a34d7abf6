"""Telegram edge (named tg/, not telegram/, to keep clear of python-telegram-bot's package)."""
import os

# Opt in to python-telegram-bot's future time-period type (timedelta) now; without it every
# RetryAfter raises a deprecation warning inside the library itself.
os.environ.setdefault("PTB_TIMEDELTA", "true")
