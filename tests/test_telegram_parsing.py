"""What users type after /mute, /quiet, /watch PLACE RADIUS, and the quiet-hours clock (pure)."""
from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.chat_settings import ChatSettings, in_quiet_hours, parse_duration, parse_quiet, silent
from bot.tg.handlers import split_radius


@pytest.mark.parametrize(("text", "expected"), [
    ("8h", timedelta(hours=8)), ("30m", timedelta(minutes=30)), ("2d", timedelta(days=2)),
    ("90 min", timedelta(minutes=90)), ("3", timedelta(hours=3)),
    ("forever", None), ("0h", None), ("31d", None), ("", None),
])
def test_durations(text: str, expected: timedelta | None) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("22:00-07:00", (time(22), time(7))), ("22-7", (time(22), time(7))), ("23:30 06:15", (time(23, 30), time(6, 15))),
    ("22:00", None), ("25:00-07:00", None), ("07:00-07:00", None),
])
def test_quiet_ranges(text: str, expected: tuple[time, time] | None) -> None:
    assert parse_quiet(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Bamako 40 km", ("Bamako", 40.0)), ("Bamako 40km", ("Bamako", 40.0)), ("Tripoli, LY 15", ("Tripoli, LY", 15.0)),
    ("Tripoli, LY", ("Tripoli, LY", None)), ("BKO", ("BKO", None)), ("40", ("40", None)),
])
def test_watch_radius(text: str, expected: tuple[str, float | None]) -> None:
    assert split_radius(text) == expected


def test_quiet_hours_span_midnight_in_the_chat_zone() -> None:
    s = ChatSettings(1, quiet_start=time(22), quiet_end=time(7), timezone="Asia/Tokyo")
    assert in_quiet_hours(s, datetime(2026, 3, 10, 14, 0, tzinfo=UTC))  # 23:00 in Tokyo
    assert not in_quiet_hours(s, datetime(2026, 3, 10, 23, 0, tzinfo=UTC))  # 08:00 in Tokyo
    assert not silent(s, 3, datetime(2026, 3, 10, 14, 0, tzinfo=UTC))  # critical always rings


@given(st.text(max_size=60))
def test_odd_input_never_crashes(text: str) -> None:
    parse_duration(text)
    parse_quiet(text)
    split_radius(text)
