"""Reports as ingest builds them, for the pure clustering tests."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.analysis.advisory import render_html
from bot.analysis.facts import Category, Facts
from bot.dedupe.cluster import KnownIncident, Report, choose_incident
from bot.dedupe.followup import is_follow_up
from bot.dedupe.sketch import key_terms, sketch
from bot.ingest import ingest_articles
from bot.model import Article

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


def joins(later: Report, first: Report) -> bool:
    """The later report files under the incident the first one opened: one alert, not two."""
    verdict = choose_incident(later, [known(first)])
    return verdict is not None and verdict.incident_id == 1


def known(r: Report, incident_id: int = 1) -> KnownIncident:
    return KnownIncident(incident_id, r.category, r.country, r.geonameid, r.lat, r.lon, r.published, r.published,
                         r.sketch, r.terms, r.killed)


def incident_facts(category: Category, city: str | None, country: str | None, gid: int | None, lat: float | None = None,
                   lon: float | None = None, killed: int | None = None) -> Facts:
    """Facts as the analysis gives them for a report (no country name: its words stay terms)."""
    return Facts(is_incident=True, category=category, city=city, country=country, country_name=None,
                 geonameid=gid, lat=lat, lon=lon, killed=killed)


def ingest_each(db: Database, reports: list[tuple[Article, Facts]]) -> dict[str, int]:
    """Ingest each article at its own time, with the facts given; the incident of each article, by URL."""
    for article, facts in reports:
        ingest_articles(db, [article], analyze=lambda *a, facts=facts, **k: facts, render_html=render_html,
                        now=article.published, max_age=timedelta(days=1))
    return {str(url): int(incident) for url, incident in db.execute("SELECT url, incident_id FROM articles").fetchall()}


GazetteerCity = tuple[int | None, float | None, float | None, str, str]  # geonameid, lat, lon, name, ISO2


def city_facts(category: Category, city: GazetteerCity, killed: int | None = None,
               country_name: str | None = None) -> Facts:
    """Facts placed at this city; with the country's name as the analysis gives it, whose words are the place's."""
    gid, lat, lon, name, code = city
    f = incident_facts(category, name, code, gid, lat, lon, killed)
    return replace(f, country_name=country_name) if country_name else f


def count_alerts(db: Database, t0: datetime, *reports: tuple[float, str, str, Facts]) -> int:
    """Ingest (hours after t0, title, text, facts) reports in turn; how many incidents they make."""
    articles = [(Article(source="Wire", url=f"https://news.example/{k}", title=title, text=text,
                         published=t0 + timedelta(hours=hours)), f)
                for k, (hours, title, text, f) in enumerate(reports)]
    return len(set(ingest_each(db, articles).values()))
