"""Country names and ISO 3166-1 alpha-3 codes from sources to alpha-2 codes."""
from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path

import pycountry

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def alpha2_from_alpha3(code: str | None) -> str | None:
    if not code or len(code.strip()) != 3:
        return None
    country = pycountry.countries.get(alpha_3=code.strip().upper())
    return country.alpha_2 if country else None


def alpha2_from_name(name: str | None) -> str | None:
    """'Mali', 'Burma', 'Ivory Coast', 'Congo, Democratic Republic of the' -> alpha-2, else None."""
    if not name:
        return None
    return _names().get(_fold(name))


def country_name(alpha2: str | None) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
    return getattr(country, "common_name", None) or (country.name if country else None)


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    text = " ".join(text.replace(",", " ").split())
    return text.removeprefix("the ")


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(_fold(value), c.alpha_2)
    aliases = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    for code, values in aliases.get("aliases", {}).items():
        for value in values:
            names.setdefault(_fold(value), code)
    extra = json.loads((DATA_DIR / "source_country_names.json").read_text(encoding="utf-8"))
    for value, code in extra["names"].items():
        names[_fold(value)] = code
    return names
