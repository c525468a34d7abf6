"""Source type (the `type` key of a [[sources]] table) to its collector."""
from __future__ import annotations

from bot.sources.base import Collector
from bot.sources.directory import collect_directory
from bot.sources.gdacs import collect_gdacs
from bot.sources.gdelt import collect_gdelt
from bot.sources.reliefweb import collect_reliefweb
from bot.sources.rss import collect_rss
from bot.sources.travel_advisory import collect_travel_advisory

COLLECTORS: dict[str, Collector] = {
    "rss": collect_rss,
    "gdelt": collect_gdelt,
    "reliefweb": collect_reliefweb,
    "gdacs": collect_gdacs,
    "travel_advisory": collect_travel_advisory,
    "directory": collect_directory,
}
