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

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_CONFIG_FILE = Path("config.toml")
TOKEN_ENV = "TELEGRAM_BOT_TOKEN"


class ConfigError(Exception):
    """The settings cannot be used; the message says which key and what is wrong."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TelegramSettings(_Section):
    token: SecretStr | None = None
    api_base_url: str = "https://api.telegram.org"
    admin_chat_ids: list[int] = []

    @field_validator("api_base_url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v.rstrip("/")


class StorageSettings(_Section):
    database: Path = Path("data/alerts.db")


class PollingSettings(_Section):
    interval_seconds: float = Field(default=300.0, ge=1.0)
    timeout_seconds: float = Field(default=20.0, gt=0)
    max_response_bytes: int = Field(default=5_000_000, ge=1024)
    user_agent: str = "secalert-bot/0.1 (+https://github.com/secalert/secalert-bot)"
    max_item_age_hours: float = Field(default=24.0, gt=0)


class SourceSettings(_Section):
    name: str = Field(min_length=1, max_length=100)
    type: Literal["rss"] = "rss"
    url: str

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return v


class ConsoleSettings(_Section):
    watch: list[str] = []


# A sensible real default set; config.example.toml documents the same list.
DEFAULT_SOURCES = [
    SourceSettings(name="Al Jazeera", url="https://www.aljazeera.com/xml/rss/all.xml"),
    SourceSettings(name="BBC World", url="https://feeds.bbci.co.uk/news/world/rss.xml"),
    SourceSettings(name="BBC Africa", url="https://feeds.bbci.co.uk/news/world/africa/rss.xml"),
    SourceSettings(name="France 24", url="https://www.france24.com/en/rss"),
    SourceSettings(name="RFI Afrique", url="https://www.rfi.fr/fr/afrique/rss"),
    SourceSettings(name="UN News", url="https://news.un.org/feed/subscribe/en/news/all/rss.xml"),
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
    storage: StorageSettings = StorageSettings()
    polling: PollingSettings = PollingSettings()
    sources: list[SourceSettings] = Field(default_factory=lambda: list(DEFAULT_SOURCES))
    console: ConsoleSettings = ConsoleSettings()

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
