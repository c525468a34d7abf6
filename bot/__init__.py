"""secalert: a Telegram bot that pushes concise security advisories for watched places."""

__version__ = "0.1.0"
