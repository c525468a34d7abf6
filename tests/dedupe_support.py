"""Reports as ingest builds them, for the pure clustering tests."""
from __future__ import annotations

from datetime import datetime

from bot.analysis.facts import Category
from bot.dedupe.cluster import KnownIncident, Report
from bot.dedupe.followup import is_follow_up
from bot.dedupe.sketch import key_terms, sketch

City = tuple[int, float, float, str, str, str]  # geonameid, lat, lon, name, ISO2, country name


def placed_report(text: str, *, city: City | None, at: datetime, title: str = "",
                  category: Category = Category.BOMBING, country: str | None = None,
                  killed: int | None = None) -> Report:
    """The place words of its own city and country are left out of its terms, as ingest does."""
    if city:
        gid, lat, lon, name, code, country_name = city
        places = [name, country_name]
    else:
        gid = lat = lon = None  # type: ignore[assignment]
        code, places = country, []  # type: ignore[assignment]
    return Report(category, country or code, gid, lat, lon, at, sketch(title, text),
                  key_terms(title, text, place_names=places), killed, is_follow_up(title, text))


def known(r: Report, incident_id: int = 1) -> KnownIncident:
    return KnownIncident(incident_id, r.category, r.country, r.geonameid, r.lat, r.lon, r.published, r.published,
                         r.sketch, r.terms, r.killed)
