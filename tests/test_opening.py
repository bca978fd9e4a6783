"""Open now, or when next: weekly hours, Norwegian public holidays (moving ones included), Oslo's clock changes."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from generator.models.hours import Tidsrom
from generator.views.opening import holiday_name, is_open, next_opening

OSLO = ZoneInfo("Europe/Oslo")
UTC = dt.timezone.utc


def fact(*spans: tuple[str, list[str], str, str], holidays_open: bool | None = None, tider=None):
    listed = [Tidsrom(hva=hva, dager=days, fra=start, til=end) for hva, days, start, end in spans]
    return SimpleNamespace(tider=tider if tider is not None else listed, apent_helligdager=holidays_open)


def oslo(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=OSLO)


PHONE_THURSDAY = fact(("telefon", ["torsdag"], "12:00", "13:00"))
WEEKDAYS = fact(("besok", ["hverdager"], "08:30", "15:00"))


@pytest.mark.parametrize("when, expected", [
    (oslo(2026, 12, 3, 12, 0), True),     # a Thursday at the open hour
    (oslo(2026, 12, 3, 12, 59), True),
    (oslo(2026, 12, 3, 13, 0), False),    # the minute it closes
    (oslo(2026, 12, 3, 13, 1), False),    # the minute after
    (oslo(2026, 12, 3, 11, 59), False),
    (oslo(2026, 12, 5, 22, 0), False),    # a Saturday night
])
def test_weekly_hours(when, expected):
    assert is_open(PHONE_THURSDAY, when) is expected


def test_closed_on_a_public_holiday_unless_the_data_says_otherwise():
    may_17 = oslo(2027, 5, 17, 10, 0)  # a Monday, and Grunnlovsdag
    assert holiday_name(may_17.date())
    assert is_open(WEEKDAYS, may_17) is False
    assert is_open(fact(("besok", ["hverdager"], "08:30", "15:00"), holidays_open=True), may_17) is True


def test_moving_holidays_come_from_the_calendar():
    easter_monday = oslo(2027, 3, 29, 10, 0)  # 2. påskedag 2027
    assert is_open(WEEKDAYS, easter_monday) is False
    assert next_opening(WEEKDAYS, easter_monday) == oslo(2027, 3, 30, 8, 30)
    assert is_open(WEEKDAYS, oslo(2027, 5, 6, 10, 0)) is False  # Kristi himmelfartsdag, a Thursday


def test_next_opening_from_saturday_night():
    assert next_opening(PHONE_THURSDAY, oslo(2026, 12, 5, 22, 0)) == oslo(2026, 12, 10, 12, 0)
    assert next_opening(PHONE_THURSDAY, oslo(2026, 12, 3, 12, 30)) == oslo(2026, 12, 10, 12, 0)


def test_the_nights_the_clocks_change():
    sunday_morning = fact(("telefon", ["søndag"], "08:00", "09:00"))
    # 29 March 2026: 02:00 becomes 03:00; Sunday 08:00 in Oslo is then 06:00 UTC, not 07:00.
    opens = next_opening(sunday_morning, dt.datetime(2026, 3, 28, 21, 0, tzinfo=UTC))
    assert opens.astimezone(UTC) == dt.datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    assert is_open(sunday_morning, dt.datetime(2026, 3, 29, 6, 30, tzinfo=UTC)) is True
    # 07:30 UTC is 09:30 in Oslo that day (summer time), after closing; on winter time it would be 08:30.
    assert is_open(sunday_morning, dt.datetime(2026, 3, 29, 7, 30, tzinfo=UTC)) is False
    night = fact(("telefon", ["søndag"], "02:00", "03:00"))
    # 25 October 2026: 03:00 becomes 02:00, so 02:30 happens twice, and both are within the hours.
    assert is_open(night, dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)) is True
    assert is_open(night, dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC)) is True


def test_unknown_hours_are_never_open_and_always_open_is():
    unknown = SimpleNamespace(tider=None, apent_helligdager=None)
    assert is_open(unknown, oslo(2026, 12, 3, 12, 0)) is None
    assert next_opening(unknown, oslo(2026, 12, 3, 12, 0)) is None
    always = fact(tider="døgnåpent")
    assert is_open(always, oslo(2027, 5, 17, 3, 0)) is True


def test_only_the_hours_asked_for():
    mixed = fact(("telefon", ["torsdag"], "12:00", "13:00"), ("drop-in", ["torsdag"], "14:00", "17:00"))
    assert is_open(mixed, oslo(2026, 12, 3, 15, 0), hva="telefon") is False
    assert is_open(mixed, oslo(2026, 12, 3, 15, 0), hva="drop-in") is True
