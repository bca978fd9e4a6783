"""Norwegian phone numbers, read and written by libphonenumber (the `phonenumbers` package) for region NO.

The catalogue keeps a number as its digits: eight without +47 (22400040), or a short number (113, 116117).
libphonenumber knows which ranges are landlines, mobiles, 800, 810, 815, 820, 850, 880 and so on, and how
each is grouped. Two groupings are the site's own, as it has always shown them:
- mobiles 3-2-3 (952 98 322), as Norwegians write them; libphonenumber groups them 2-2-2-2 like landlines;
- 116 numbers, the European harmonised numbers, 3-3 (116 117); libphonenumber leaves short numbers ungrouped.
"""
from __future__ import annotations

import phonenumbers
from phonenumbers import NumberFormat, NumberParseException, PhoneNumberFormat, PhoneNumberType

REGION = "NO"
COUNTRY_CODE = 47
_MOBILE = [NumberFormat(pattern=r"(\d{3})(\d{2})(\d{3})", format=r"\1 \2 \3")]
_SHORT = [NumberFormat(pattern=r"(116)(\d{3})", format=r"\1 \2")]


def parse(number: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.parse(number, REGION)


def is_short(parsed: phonenumbers.PhoneNumber) -> bool:
    """113, 116117: a short number, dialled as it is and only within Norway."""
    return phonenumbers.is_possible_short_number_for_region(parsed, REGION)


def _grouped(number: str, style: int) -> str:
    parsed = parse(number)
    if is_short(parsed):
        return phonenumbers.format_by_pattern(parsed, PhoneNumberFormat.NATIONAL, _SHORT)
    if phonenumbers.number_type(parsed) == PhoneNumberType.MOBILE:
        return phonenumbers.format_by_pattern(parsed, style, _MOBILE)
    return phonenumbers.format_number(parsed, style)


def national(number: str) -> str:
    """22 40 00 40, 952 98 322, 800 33 321, 815 49 300, 116 117, 113."""
    return _grouped(number, PhoneNumberFormat.NATIONAL)


def international(number: str) -> str:
    """+47 22 40 00 40, +47 952 98 322; a short number as at home (116 117), since it cannot be called from abroad."""
    return _grouped(number, PhoneNumberFormat.INTERNATIONAL)


def tel_uri(number: str) -> str:
    """tel:+4722400040 (E.164, so it works from abroad too); a short number as it is dialled: tel:113."""
    parsed = parse(number)
    if is_short(parsed):
        return f"tel:{phonenumbers.national_significant_number(parsed)}"
    return f"tel:{phonenumbers.format_number(parsed, PhoneNumberFormat.E164)}"


def as_meant(text: str) -> str:
    """The digits of a Norwegian number however it was written: +47 950 00 000, 0047 95000000,
    (+47) 950-00-000 -> 95000000; "" if libphonenumber reads no Norwegian number (or one with an extension)."""
    try:
        parsed = parse(text)
    except NumberParseException:
        return ""
    if parsed.country_code != COUNTRY_CODE or parsed.extension:
        return ""
    return phonenumbers.national_significant_number(parsed)
