"""Constrained values shared by the models, each with its own error kind for the editors."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from generator.models.phone import as_meant as phone_digits

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# The stored form, also the JSON Schema's: 8 digits, or a free short number (110, 112, 113, 116xxx). It checks the
# form only, not that libphonenumber knows the range: the editors' guides use made-up numbers such as 12345678.
PHONE_PATTERN = r"^(\d{8}|11[023]|116\d{3})$"
HTTPS_PATTERN = r"^https://[^\s/?#]+\.[^\s/?#]+(/[^\s]*)?$"


def _check_id(value: str) -> str:
    if not re.fullmatch(ID_PATTERN, value):
        raise PydanticCustomError("id_format", "bad id", {"value": value})
    return value


def _check_phone(value: object) -> object:
    # YAML reads 22400040 as a number; an editor means the same digits.
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not re.fullmatch(PHONE_PATTERN, value):
        raise PydanticCustomError("telefon", "bad phone", {"value": value, "forslag": phone_as_meant(value)})
    return value


def phone_as_meant(value: object) -> str:
    """The number an editor most likely meant, read by libphonenumber: +47 950 00 000 -> 95000000;
    "" if none is clear."""
    digits = phone_digits(str(value))
    return digits if re.fullmatch(PHONE_PATTERN, digits) else ""


def _check_https(value: str) -> str:
    if not _is_https(value):
        raise PydanticCustomError("https_url", "bad url", {"value": value, "forslag": _https_as_meant(value)})
    return value


def _is_https(value: str) -> bool:
    return bool(re.fullmatch(HTTPS_PATTERN, value)) and _splits(value)


def _https_as_meant(value: str) -> str:
    """http://x or a bare www.x -> https://x, when that is a valid address; "" otherwise."""
    text = value.strip()
    if text.startswith("http://"):
        text = "https://" + text[len("http://"):]
    elif "://" not in text and ":" not in text.split("/")[0]:
        text = "https://" + text
    return text if text != value and _is_https(text) else ""


def _splits(value: str) -> bool:
    # The pattern lets through hosts the pages cannot show, such as https://[nordby.example.org/.
    try:
        urlsplit(value)
    except ValueError:
        return False
    return True


def _check_not_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise PydanticCustomError("dato_fremtid", "future date", {"value": value.isoformat()})
    return value


def _check_date_form(value: object) -> object:
    # YAML gives a date for 2026-03-12; anything else an editor wrote (12.03.2026) stays a string.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    nearest = _nearest_real_date(value)
    if nearest:  # 2026-02-30: the right form, but no such day (the loader keeps it as the text written)
        raise PydanticCustomError("dato_finnes_ikke", "no such date", {"value": value, "nearest": nearest})
    raise PydanticCustomError("dato_format", "bad date", {"value": value, "forslag": _date_as_meant(value)})


def _nearest_real_date(value: object) -> str:
    """2026-02-30 -> 2026-02-28, 2026-13-01 -> 2026-12-01; "" unless `value` is ÅÅÅÅ-MM-DD with no such day."""
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value).strip())
    if not found:
        return ""
    year, month, day = (int(part) for part in found.groups())
    real_year, real_month = max(year, dt.MINYEAR), min(max(month, 1), 12)
    last_day = calendar.monthrange(real_year, real_month)[1]
    nearest = dt.date(real_year, real_month, min(max(day, 1), last_day))
    return "" if (year, month, day) == (nearest.year, nearest.month, nearest.day) else nearest.isoformat()


def _date_as_meant(value: object) -> str:
    """12.03.2026 or 12/3/2026 (day first, as Norwegians write) or 2026.03.12 -> 2026-03-12; "" if unclear."""
    text = str(value).strip()
    day_first = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    year_first = re.fullmatch(r"(\d{4})[./](\d{1,2})[./](\d{1,2})", text)
    try:
        if day_first:
            return dt.date(int(day_first[3]), int(day_first[2]), int(day_first[1])).isoformat()
        if year_first:
            return dt.date(int(year_first[1]), int(year_first[2]), int(year_first[3])).isoformat()
    except ValueError:
        pass  # 31.02.2026: no such day, so no guess
    return ""


Id = Annotated[str, AfterValidator(_check_id), Field(json_schema_extra={"pattern": ID_PATTERN})]
Telefon = Annotated[str, BeforeValidator(_check_phone),
                    Field(json_schema_extra={"pattern": PHONE_PATTERN})]
HttpsUrl = Annotated[str, AfterValidator(_check_https),
                     Field(json_schema_extra={"pattern": HTTPS_PATTERN})]
Dato = Annotated[dt.date, BeforeValidator(_check_date_form), AfterValidator(_check_not_future)]
Tekst = Annotated[str, Field(min_length=1)]
