"""Is a door open at a given moment in Oslo, and when does it open next?

The rule: a service is closed on a Norwegian public holiday (from the `holidays` library, moving feasts
included) unless its data says `apent_helligdager: true`; `døgnåpent` is open at every moment. Hours that
are not known give None, never «open»: the page then says the hours are not known.
"""
from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from generator.models.hours import ALWAYS_OPEN, WEEKDAYS, days_of, minutes

OSLO = ZoneInfo("Europe/Oslo")
LOOK_AHEAD_DAYS = 14  # far enough for any weekly hours, past Easter and Christmas


@cache
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.Norway(years=year, language="no")


def holiday_name(day: dt.date) -> str | None:
    return _holidays(day.year).get(day)


def is_open(fact, when: dt.datetime, hva: str | None = None) -> bool | None:
    """Open at `when` (any time zone; read as Oslo time) for `hva` (telefon, besok, drop-in, or any); None: unknown."""
    tider = getattr(fact, "tider", None)
    if tider is None:
        return None
    if tider == ALWAYS_OPEN:
        return True
    local = when.astimezone(OSLO)
    if holiday_name(local.date()) and not fact.apent_helligdager:
        return False
    now = local.hour * 60 + local.minute
    weekday = WEEKDAYS[local.weekday()]
    return any(weekday in days_of(span.dager) and minutes(span.fra) <= now < minutes(span.til)
               for span in tider if hva is None or span.hva == hva)


def next_opening(fact, when: dt.datetime, hva: str | None = None) -> dt.datetime | None:
    """The next moment after `when` the door opens, in Oslo time; None if unknown or not within two weeks."""
    tider = getattr(fact, "tider", None)
    if tider is None or tider == ALWAYS_OPEN:
        return None
    local = when.astimezone(OSLO)
    for offset in range(LOOK_AHEAD_DAYS + 1):
        day = local.date() + dt.timedelta(days=offset)
        if holiday_name(day) and not fact.apent_helligdager:
            continue
        starts = sorted(minutes(span.fra) for span in tider
                        if (hva is None or span.hva == hva) and WEEKDAYS[day.weekday()] in days_of(span.dager))
        for start in starts:
            moment = dt.datetime.combine(day, dt.time(start // 60, start % 60), tzinfo=OSLO)
            if moment > local:
                return moment
    return None
