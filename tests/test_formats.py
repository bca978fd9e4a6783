"""Norwegian phone numbers (libphonenumber, generator/models/phone.py) and dates (Babel) as the pages show them."""
from __future__ import annotations

import datetime as dt

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat, PhoneNumberType, ShortNumberCost, shortnumberinfo

from generator.models import phone
from generator.models.types import phone_as_meant
from generator.site.render import format_date, format_phone, tel_href

# (number, as shown, libphonenumber's type). libphonenumber's own national grouping, except mobiles (3-2-3 here,
# 2-2-2-2 there) and the 116 numbers (116 117 here, ungrouped there).
NUMBERS = [
    ("22400040", "22 40 00 40", PhoneNumberType.FIXED_LINE),  # Oslo landline
    ("23040500", "23 04 05 00", PhoneNumberType.FIXED_LINE),
    ("21000000", "21 00 00 00", PhoneNumberType.FIXED_LINE),
    ("67123456", "67 12 34 56", PhoneNumberType.FIXED_LINE),  # Akershus landline
    ("95298322", "952 98 322", PhoneNumberType.MOBILE),
    ("90415388", "904 15 388", PhoneNumberType.MOBILE),
    ("41565535", "415 65 535", PhoneNumberType.MOBILE),
    ("46615120", "466 15 120", PhoneNumberType.MOBILE),
    ("80033321", "800 33 321", PhoneNumberType.TOLL_FREE),
    ("80112345", "801 12 345", PhoneNumberType.TOLL_FREE),
    ("81021234", "810 21 234", PhoneNumberType.SHARED_COST),  # the hand rule gave 81 02 12 34
    ("81212345", "812 12 345", PhoneNumberType.VOICEMAIL),
    ("81549300", "815 49 300", PhoneNumberType.UAN),  # the hand rule gave 81 54 93 00
    ("82012345", "820 12 345", PhoneNumberType.PREMIUM_RATE),
    ("85012345", "850 12 345", PhoneNumberType.VOIP),
    ("88012345", "880 12 345", PhoneNumberType.PERSONAL_NUMBER),
    ("59123456", "59 12 34 56", PhoneNumberType.UNKNOWN),  # no 59 range in libphonenumber's metadata
]
SHORT = [("113", "113"), ("110", "110"), ("112", "112"), ("116117", "116 117"), ("116111", "116 111"),
         ("116123", "116 123"), ("116006", "116 006")]


@pytest.mark.parametrize("number, shown, kind", NUMBERS)
def test_eight_digit_numbers_are_grouped_as_libphonenumber_knows_the_range(number, shown, kind):
    parsed = phonenumbers.parse(number, "NO")
    assert phonenumbers.number_type(parsed) == kind
    assert format_phone(number) == shown
    if kind != PhoneNumberType.MOBILE:
        assert shown == phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    assert tel_href(number) == f"tel:+47{number}"
    assert phone.international(number) == f"+47 {shown}"


@pytest.mark.parametrize("number, shown", SHORT)
def test_short_numbers_are_dialled_as_they_are(number, shown):
    assert format_phone(number) == shown
    assert tel_href(number) == f"tel:{number}"
    assert phone.international(number) == shown, "a short number cannot be called from abroad"


@pytest.mark.parametrize("written, meant", [
    ("+47 950 00 000", "95000000"), ("0047 95000000", "95000000"), ("(+47) 950-00-000", "95000000"),
    ("95.00.00.00", "95000000"), ("+4721000000", "21000000"), ("950 00 000", "95000000"), ("116 117", "116117"),
    ("+46 8 123 456", ""), ("95000000 ext. 12", ""), ("+47 950 00 00", ""), ("ring oss", ""), ("", ""),
])
def test_what_an_editor_wrote_is_read_by_libphonenumber(written, meant):
    assert phone_as_meant(written) == meant


def test_every_shipped_number_is_one_libphonenumber_knows(catalogue):
    facts = [a.omrade.telefon for a in catalogue.areas] + [s.kontakt.telefon for s in catalogue.services]
    numbers = {fact.verdi for fact in facts if fact is not None}
    assert numbers
    unknown = []
    for number in sorted(numbers):
        parsed = phonenumbers.parse(number, "NO")
        if phone.is_short(parsed):
            # 116 006 (VO-linjen) is free but not in libphonenumber's list of valid short numbers.
            known = shortnumberinfo.expected_cost_for_region(parsed, "NO") == ShortNumberCost.TOLL_FREE
        else:
            known = phonenumbers.is_valid_number_for_region(parsed, "NO")
        if not known:
            unknown.append(number)
    assert not unknown, unknown


@pytest.mark.parametrize("day, shown", [
    (dt.date(2026, 12, 3), "3. desember 2026"), (dt.date(2026, 1, 15), "15. januar 2026"),
    (dt.date(2026, 2, 1), "1. februar 2026"), (dt.date(2026, 3, 31), "31. mars 2026"),
    (dt.date(2026, 4, 9), "9. april 2026"), (dt.date(2026, 5, 17), "17. mai 2026"),
    (dt.date(2026, 6, 6), "6. juni 2026"),
    (dt.date(2026, 7, 1), "1. juli 2026"), (dt.date(2026, 8, 13), "13. august 2026"),
    (dt.date(2026, 9, 30), "30. september 2026"), (dt.date(2026, 10, 2), "2. oktober 2026"),
    (dt.date(2026, 11, 23), "23. november 2026"),
])
def test_dates_are_written_the_norwegian_way(day, shown):
    assert format_date(day) == shown
