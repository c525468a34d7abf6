"""Settings: built-in defaults < TOML file < environment.

Every key documented in config.example.toml can be overridden from the
environment as BOT_<SECTION>__<KEY> (e.g. BOT_POLLING__INTERVAL_SECONDS=60);
the token also as TELEGRAM_BOT_TOKEN. The environment is read here and nowhere
else, and only when `load_settings` is called, never at import.
"""
from __future__ import annotations

import os
import tomllib
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_CONFIG_FILE = Path("config.toml")
TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
BOT_VERSION = "0.1"


class ConfigError(Exception):
    """The settings cannot be used; the message says which key and what is wrong."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TelegramSettings(_Section):
    token: SecretStr | None = None
    api_base_url: str = "https://api.telegram.org"
    admin_chat_ids: list[int] = []
    # Commands one user may send per minute (more get one "slow down" answer, then silence).
    commands_per_minute: int = Field(default=20, ge=1, le=600)

    @field_validator("api_base_url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v.rstrip("/")


class DeliverySettings(_Section):
    # Overall send rate; Telegram allows about 30/s, the margin absorbs network jitter.
    messages_per_second: float = Field(default=28.0, gt=0, le=1000)
    # Sends in flight at once (needed to reach the rate when Telegram answers slowly).
    concurrency: int = Field(default=8, ge=1, le=64)


class StorageSettings(_Section):
    database: Path = Path("data/alerts.db")


class PollingSettings(_Section):
    interval_seconds: float = Field(default=300.0, ge=1.0)
    timeout_seconds: float = Field(default=20.0, gt=0)  # connect and read timeout of one request
    # A whole fetch (headers and body) gives up after this: a server dripping bytes cannot hold a source longer.
    max_fetch_seconds: float = Field(default=60.0, gt=0)
    max_response_bytes: int = Field(default=5_000_000, ge=1024)
    contact_url: str = "https://github.com/secalert/secalert-bot"
    user_agent: str = ""  # empty: "secalert-bot/<version> (+<contact_url>)"
    max_item_age_hours: float = Field(default=24.0, gt=0)
    max_concurrent_fetches: int = Field(default=8, ge=1, le=100)
    jitter_seconds: float = Field(default=30.0, ge=0)  # random delay added to each scheduled poll
    max_backoff_seconds: float = Field(default=6 * 3600.0, ge=1.0)  # longest wait after repeated failures

    @model_validator(mode="after")
    def _default_user_agent(self) -> PollingSettings:
        if not self.user_agent:
            self.user_agent = f"secalert-bot/{BOT_VERSION} (+{self.contact_url})"
        return self


SourceType = Literal["rss", "gdelt", "reliefweb", "gdacs", "travel_advisory", "directory"]

# Endpoints used when a source of this type names no url.
DEFAULT_URLS: dict[str, str] = {
    "gdelt": "https://api.gdeltproject.org/api/v2/doc/doc",
    "reliefweb": "https://api.reliefweb.int/v2/reports",
    "gdacs": "https://www.gdacs.org/xml/rss.xml",
}
ADVISORY_URLS: dict[str, str] = {
    "us": "https://travel.state.gov/_res/rss/TAsTWs.xml",
    "uk": "https://www.gov.uk/foreign-travel-advice.atom",
}
DEFAULT_GDELT_QUERY = (
    '(attack OR explosion OR bombing OR gunmen OR kidnapping OR hostage OR coup OR curfew OR riot '
    'OR "airport closed") sourcelang:english'
)


class SourceSettings(_Section):
    """One [[sources]] table. Keys of other types are ignored."""

    name: str = Field(min_length=1, max_length=100)
    type: SourceType = "rss"
    url: str = ""  # required for rss; defaults to the type's public endpoint otherwise
    enabled: bool = True
    interval_seconds: float | None = Field(default=None, ge=1.0)  # default: [polling] interval_seconds
    language: str | None = None  # ISO 639-1, when the feed does not say
    fetch_article: bool = False  # fetch each linked page and use its main text
    query: str | None = None  # gdelt: DOC API query; reliefweb: full-text query
    timespan: str = "1h"  # gdelt: 15min, 1h, 24h, ...
    max_records: int = Field(default=75, ge=1, le=250)  # gdelt
    appname: str | None = None  # reliefweb: a pre-approved appname (required)
    countries: list[str] = []  # reliefweb: ISO3 codes to filter on
    provider: Literal["us", "uk"] | None = None  # travel_advisory
    path: Path | None = None  # directory: folder of .txt/.json articles

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if v and not v.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return v

    @model_validator(mode="after")
    def _required_per_type(self) -> SourceSettings:
        if self.type == "directory":
            if self.path is None:
                raise ValueError('a directory source needs path = "folder"')
            return self
        if self.type == "travel_advisory":
            if self.provider is None:
                raise ValueError('a travel_advisory source needs provider = "us" or "uk"')
            self.url = self.url or ADVISORY_URLS[self.provider]
        self.url = self.url or DEFAULT_URLS.get(self.type, "")
        if not self.url:
            raise ValueError(f'a {self.type} source needs url = "https://..."')
        if self.type == "reliefweb" and self.enabled and not self.appname:
            raise ValueError("a reliefweb source needs an approved appname (https://apidoc.reliefweb.int/parameters#appname)")
        return self

    @property
    def key(self) -> str:
        """What the source's stored state belongs to: a changed URL or folder starts afresh."""
        return str(self.path) if self.type == "directory" else self.url


class DedupeSettings(_Section):
    # An incident with no new report for this long is closed: a later report opens a new one.
    expiry_hours: float = Field(default=48.0, gt=0)
    # How far back a report may still be recognised as a late follow-up of a closed incident (silently).
    closed_lookback_days: float = Field(default=7.0, ge=0)
    # Follow-ups (death toll, airport closure, all clear) sent to one chat per incident, at most.
    max_updates_per_chat: int = Field(default=3, ge=0)
    # Raw article text is deleted after this many days; incidents and fingerprints are kept.
    retention_days: float = Field(default=30.0, gt=0)


class ConsoleSettings(_Section):
    watch: list[str] = []


# A sensible real default set; config.example.toml documents the same list.
DEFAULT_SOURCES = [
    SourceSettings(name="Al Jazeera", url="https://www.aljazeera.com/xml/rss/all.xml"),
    SourceSettings(name="BBC World", url="https://feeds.bbci.co.uk/news/world/rss.xml"),
    SourceSettings(name="BBC Africa", url="https://feeds.bbci.co.uk/news/world/africa/rss.xml"),
    SourceSettings(name="BBC Middle East", url="https://feeds.bbci.co.uk/news/world/middle_east/rss.xml"),
    SourceSettings(name="BBC Asia", url="https://feeds.bbci.co.uk/news/world/asia/rss.xml"),
    SourceSettings(name="France 24", url="https://www.france24.com/en/rss"),
    SourceSettings(name="France 24 Afrique", url="https://www.france24.com/fr/afrique/rss", language="fr"),
    SourceSettings(name="RFI Afrique", url="https://www.rfi.fr/fr/afrique/rss", language="fr"),
    SourceSettings(name="UN News", url="https://news.un.org/feed/subscribe/en/news/all/rss.xml"),
    SourceSettings(name="UN News Africa", url="https://news.un.org/feed/subscribe/en/news/region/africa/feed/rss.xml"),
    SourceSettings(name="UN News Middle East",
                   url="https://news.un.org/feed/subscribe/en/news/region/middle-east/feed/rss.xml"),
    SourceSettings(name="ReliefWeb", type="rss", url="https://reliefweb.int/updates/rss.xml", interval_seconds=900),
    SourceSettings(name="GDACS", type="gdacs", interval_seconds=600),
    SourceSettings(name="US travel advisories", type="travel_advisory", provider="us", interval_seconds=3600),
    SourceSettings(name="UK travel advice", type="travel_advisory", provider="uk", interval_seconds=1800),
    SourceSettings(name="GDELT security", type="gdelt", query=DEFAULT_GDELT_QUERY, timespan="1h", interval_seconds=900),
]

_toml_path: ContextVar[Path | None] = ContextVar("_toml_path", default=None)


class _TokenEnvSource(PydanticBaseSettingsSource):
    """TELEGRAM_BOT_TOKEN, the name every Telegram bot host knows."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        token = os.environ.get(TOKEN_ENV)
        return {"telegram": {"token": token}} if token else {}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BOT_", env_nested_delimiter="__", extra="forbid")

    telegram: TelegramSettings = TelegramSettings()
    delivery: DeliverySettings = DeliverySettings()
    storage: StorageSettings = StorageSettings()
    polling: PollingSettings = PollingSettings()
    sources: list[SourceSettings] = Field(default_factory=lambda: list(DEFAULT_SOURCES))
    console: ConsoleSettings = ConsoleSettings()
    dedupe: DedupeSettings = DedupeSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Earlier sources win: arguments, then environment, then the TOML file.
        chain: list[PydanticBaseSettingsSource] = [init_settings, _TokenEnvSource(settings_cls), env_settings]
        path = _toml_path.get()
        if path is not None:
            chain.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(chain)

    @property
    def token(self) -> str | None:
        return self.telegram.token.get_secret_value() if self.telegram.token else None


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Read settings from `path` (or ./config.toml if it exists) and the environment.

    :raises ConfigError: with the file, the key and what is wrong.
    """
    explicit = path is not None
    toml = Path(path) if path is not None else DEFAULT_CONFIG_FILE
    if explicit and not toml.is_file():
        raise ConfigError(f"config file not found: {toml}")
    use = toml if toml.is_file() else None
    if use is not None:
        try:
            tomllib.loads(use.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"cannot read config file {use}: {e}") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {use} is not valid TOML: {e}") from None
    token = _toml_path.set(use)
    try:
        return Settings(**overrides)
    except ValidationError as e:
        raise ConfigError(_describe(e, use)) from None
    finally:
        _toml_path.reset(token)


def _describe(error: ValidationError, path: Path | None) -> str:
    where = f"in {path}" if path else "in the environment"
    lines = [f"invalid settings {where} (or BOT_* environment variables):"]
    for err in error.errors():
        key = ".".join(str(p) for p in err["loc"])
        lines.append(f"  {key}: {err['msg']}")
    return "\n".join(lines)
