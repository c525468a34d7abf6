from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert s.token is None
    assert s.telegram.api_base_url == "https://api.telegram.org"
    assert s.storage.database == Path("data/alerts.db")
    assert s.polling.interval_seconds == 300.0
    assert s.sources and {src.type for src in s.sources} >= {"rss", "gdacs", "travel_advisory", "gdelt"}


def test_config_toml_in_working_directory_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "[polling]\ninterval_seconds = 42.5\n")
    monkeypatch.chdir(tmp_path)
    assert load_settings().polling.interval_seconds == 42.5


def test_file_values_and_sources(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[telegram]\napi_base_url = "http://127.0.0.1:8081/"\n[storage]\ndatabase = "x/y.db"\n'
        '[[sources]]\nname = "Feed"\ntype = "rss"\nurl = "http://127.0.0.1/rss"\n',
    )
    s = load_settings(path)
    assert s.telegram.api_base_url == "http://127.0.0.1:8081"  # trailing slash dropped
    assert s.storage.database == Path("x/y.db")
    assert [(x.name, x.url) for x in s.sources] == [("Feed", "http://127.0.0.1/rss")]


def test_environment_overrides_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "[polling]\ninterval_seconds = 10\n[telegram]\ntoken = \"1:file\"\n")
    monkeypatch.setenv("BOT_POLLING__INTERVAL_SECONDS", "7")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:env")
    s = load_settings(path)
    assert s.polling.interval_seconds == 7.0
    assert s.token == "1:env"
    assert "1:env" not in repr(s)  # the token is a secret in reprs and logs


def test_interval_below_one_second_names_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, "[polling]\ninterval_seconds = 0.5\n")
    with pytest.raises(ConfigError, match=r"polling\.interval_seconds: .*greater than or equal to 1"):
        load_settings(path)


def test_unknown_key_and_wrong_type_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '[polling]\ninterval_seconds = "often"\nintervall = 3\n')
    with pytest.raises(ConfigError) as e:
        load_settings(path)
    assert "polling.interval_seconds" in str(e.value) and "polling.intervall" in str(e.value)


def test_broken_toml_says_where(tmp_path: Path) -> None:
    path = write(tmp_path, "[polling\ninterval_seconds = 3\n")
    with pytest.raises(ConfigError, match="not valid TOML.*line 1"):
        load_settings(path)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_source_url_must_be_http(tmp_path: Path) -> None:
    path = write(tmp_path, '[[sources]]\nname = "x"\nurl = "file:///etc/passwd"\n')
    with pytest.raises(ConfigError, match=r"sources\.0\.url"):
        load_settings(path)
