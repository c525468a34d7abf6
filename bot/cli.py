"""Command line: `python -m bot [--config PATH] COMMAND`.

Commands:
  run       poll the sources and deliver advisories (Telegram, or console without a token)
  analyze   analyse one article file, or JSON lines on stdin (--jsonl)
  sources   list the configured sources with their health
  poll      poll every source once (--once) and print what was found
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Security-alert bot for Telegram: polls news sources, detects incidents, "
        "and pushes one concise advisory per incident to the chats watching that place.",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=None,
        help="TOML settings file (default: config.toml if present, else built-in defaults)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    run = sub.add_parser(
        "run",
        help="run the bot: poll sources, deliver advisories",
        description="Poll the configured sources and deliver advisories. With a Telegram token "
        "(TELEGRAM_BOT_TOKEN or [telegram] token) this is a Telegram bot; without one it runs "
        "in console mode and prints the advisories it would send for the --watch places.",
    )
    run.add_argument(
        "--watch",
        metavar="PLACE",
        action="append",
        default=[],
        help="console mode: a place to watch (city, 'City, CC', IATA code, country); repeatable",
    )
    run.add_argument("--once", action="store_true", help="run one polling cycle, then exit")

    analyze = sub.add_parser(
        "analyze",
        help="analyse an article and print its advisory",
        description="Analyse an article: FILE is text (first line is the title) or JSON "
        "{title, text|summary, url, published}. With --jsonl, read JSON lines {id, title?, text} "
        "on stdin and write one JSON object of facts per line.",
    )
    analyze.add_argument("file", nargs="?", metavar="FILE", help="article file (.txt or .json)")
    analyze.add_argument("--json", action="store_true", help="print the facts as one JSON object")
    analyze.add_argument("--jsonl", action="store_true", help="JSON lines on stdin -> JSON lines on stdout")
    sub.add_parser("sources", help="list the configured sources with their health",
                   description="Each configured source: type, interval, state (ok, failing, backing off), "
                   "last success, items in the last poll and, while failing, the last error.")
    poll = sub.add_parser("poll", help="poll every source once and print what was found",
                          description="Poll every enabled source once (backoff ignored), ingest what is new and "
                          "print the items, new incidents and the advisories that would be sent. Planned "
                          "advisories stay in the outbox for the bot to send.")
    poll.add_argument("--once", action="store_true", required=True, help="one cycle, then exit (required)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "analyze":
        from bot.analysis.cli import run_analyze

        return run_analyze(args.file, as_json=args.json, jsonl=args.jsonl, stdin=sys.stdin, stdout=sys.stdout)
    if args.command == "run":
        from bot.runner import run_bot

        return run_bot(config_path=args.config, watches=args.watch, once=args.once)
    if args.command in ("sources", "poll"):
        from bot.sources_cli import run_poll_once, run_sources

        return run_sources(args.config) if args.command == "sources" else run_poll_once(args.config)
    raise AssertionError(args.command)
