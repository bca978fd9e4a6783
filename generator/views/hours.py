"""Opening hours held as data (tider) in words, and as the plain data the pages carry for a later script.

The words say what the data says and no more; the source's own text (verdi) stays the fact the page shows.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import yaml

from generator.models.hours import ALWAYS_OPEN, DAY_GROUPS, WEEKDAYS, days_of

WORDS_FILE = Path(__file__).with_name("hours.nb.yml")


@cache
def _words() -> dict:
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


def hours_in_words(fact) -> list[str]:
    """["Telefon torsdag 12–13"], ["Drop-in torsdag 14–17"], ["Døgnåpent"]; [] when the fact has no tider."""
    words = _words()
    if not getattr(fact, "tider", None):
        return []
    if fact.tider == ALWAYS_OPEN:
        return [words["dognapent"]]
    lines = [f"{words['hva'][span.hva]} {_days(span.dager)} {_span(span.fra, span.til)}" for span in fact.tider]
    return lines + ([words["helligdager"]] if fact.apent_helligdager else [])


def hours_data(fact) -> str:
    """The fact's tider as JSON for a data attribute (autoescape makes it safe); "" when it has none."""
    if not getattr(fact, "tider", None):
        return ""
    tider = fact.tider if fact.tider == ALWAYS_OPEN else [span.model_dump(mode="json") for span in fact.tider]
    return json.dumps({"tider": tider, "apent_helligdager": bool(fact.apent_helligdager)},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _days(dager: list[str]) -> str:
    """[hverdager] -> hverdager; [mandag … fredag] -> mandag–fredag; [tirsdag, torsdag] -> tirsdag og torsdag."""
    for group, members in DAY_GROUPS.items():
        if days_of(dager) == list(members):
            return group
    runs: list[list[str]] = []
    for day in days_of(dager):
        if runs and WEEKDAYS.index(day) == WEEKDAYS.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    og = f" {_words()['og']} "
    parts = [f"{run[0]}–{run[-1]}" if len(run) > 2 else og.join(run)
             for run in runs]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + og + parts[-1]


def _span(fra: str, til: str) -> str:
    """09:00, 15:00 -> 9–15; 08:30, 15:00 -> 8.30–15.00, as Norwegians write clock times."""
    whole = fra.endswith(":00") and til.endswith(":00")
    return "–".join(_clock(time, whole) for time in (fra, til))


def _clock(time: str, whole: bool) -> str:
    hours, mins = time.split(":")
    return str(int(hours)) if whole else f"{int(hours)}.{mins}"
