"""The legal clock, checked against dates worked out by hand.

Every expected value below was counted on a paper calendar (DOMAIN §2 convention: received on
working day D before the cut-off -> due at 17:00 of the N-th working day after D; after the
cut-off or on a day off -> counting starts on the next working day D'). Reasoning is in the
comment of each row. Days off used (from the package + data/vn.json):
  2025: Wed 01/01; Tết Sat 25/01–Sun 02/02 (weekdays Mon 27–Fri 31/01); Mon 07/04;
        Wed 30/04–Sun 04/05 with make-up Sat 26/04; Mon 01/09–Tue 02/09.
  2026: Thu 01/01; Tết Sat 14/02–Sun 22/02 (weekdays Mon 16–Fri 20/02); Mon 27/04 (Giỗ Tổ bù);
        Thu 30/04–Fri 01/05; Mon 31/08–Wed 02/09 with make-up Sat 22/08; Tue 24/11.
  2024: Tết Thu 08/02–Wed 14/02; Mon 29/04–Wed 01/05 with make-up Sat 04/05.
"""
from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.calendar.rules import (
    DATA_FILE,
    VN_TZ,
    CalendarDataMissing,
    Unit,
    WorkCalendar,
    WorkingHours,
    load_calendar_file,
)

CAL = WorkCalendar(**load_calendar_file(DATA_FILE))
C15 = time(15)
WD, DAYS, MONTHS, HOURS = Unit.WORKING_DAYS, Unit.DAYS, Unit.MONTHS, Unit.HOURS


def d(s: str) -> date:
    return datetime.strptime(s, "%d/%m/%Y").date()


def dt(s: str) -> datetime:
    return datetime.strptime(s, "%d/%m/%Y %H:%M")


# ---------------------------------------------------------------- is_working_day

@pytest.mark.parametrize("day, expected", [
    ("24/01/2025", True),   # Fri before Tết 2025
    ("25/01/2025", False),  # Sat, first day of the announced Tết window
    ("27/01/2025", False),  # Mon, Tết (29 Tết)
    ("31/01/2025", False),  # Fri, Tết
    ("03/02/2025", True),   # Mon, first day back after Tết
    ("01/01/2025", False),  # Wed, New Year
    ("07/04/2025", False),  # Mon, Giỗ Tổ 10/3 lunar
    ("26/04/2025", True),   # Sat, make-up working day for Fri 02/05
    ("27/04/2025", False),  # Sun after the make-up Saturday stays off
    ("30/04/2025", False),  # Wed, 30/4
    ("01/05/2025", False),  # Thu, 1/5
    ("02/05/2025", False),  # Fri, swapped with Sat 26/04
    ("05/05/2025", True),   # Mon back
    ("01/09/2025", False),  # Mon, day adjacent to 2/9
    ("02/09/2025", False),  # Tue, National Day
    ("03/09/2025", True),   # Wed back
    ("13/02/2026", True),   # Fri before Tết 2026
    ("16/02/2026", False),  # Mon, Tết 2026 (giao thừa)
    ("20/02/2026", False),  # Fri, Tết 2026
    ("23/02/2026", True),   # Mon back
    ("27/04/2026", False),  # Mon, Giỗ Tổ fell on Sun 26/04 -> nghỉ bù
    ("30/04/2026", False),  # Thu, 30/4
    ("01/05/2026", False),  # Fri, 1/5
    ("04/05/2026", True),   # Mon back
    ("22/08/2026", True),   # Sat, make-up for Mon 31/08
    ("31/08/2026", False),  # Mon, swapped off
    ("01/09/2026", False),  # Tue, adjacent to 2/9
    ("02/09/2026", False),  # Wed, National Day
    ("03/09/2026", True),   # Thu back
    ("24/11/2026", False),  # Tue, Ngày Văn hóa Việt Nam (package, to confirm)
    ("04/05/2024", True),   # Sat, 2024 make-up for Mon 29/04
    ("29/04/2024", False),  # Mon, swapped off
    ("03/05/2027", False),  # Mon, 1/5/2027 is a Sat -> observed Mon (statutory only)
])
def test_is_working_day(day, expected):
    assert CAL.is_working_day(d(day)) is expected


# ---------------------------------------------------------------- start_day (cut-off)

@pytest.mark.parametrize("received, cutoff, expected", [
    ("29/08/2025 15:30", C15, "03/09/2025"),   # Fri after cut-off; Sat, Sun, Mon 01/09, Tue 02/09 off -> Wed
    ("29/08/2025 14:59", C15, "29/08/2025"),   # Fri before cut-off -> the same day
    ("29/08/2025 15:00", C15, "29/08/2025"),   # exactly at the cut-off is not "after" it
    ("29/08/2025 15:30", None, "29/08/2025"),  # no cut-off -> the same day
    ("26/04/2025 09:00", C15, "26/04/2025"),   # make-up Saturday is a working day
    ("26/04/2025 16:00", C15, "28/04/2025"),   # make-up Sat after cut-off; Sun 27 off -> Mon 28
    ("14/02/2026 09:00", C15, "23/02/2026"),   # Sat inside Tết 2026 window -> Mon 23/02
    ("30/04/2025 09:00", C15, "05/05/2025"),   # holiday Wed; Thu, Fri, Sat, Sun off -> Mon 05/05
    ("29/04/2025 16:00", C15, "05/05/2025"),   # Tue after cut-off; 30/4..4/5 off -> Mon 05/05
    ("24/01/2025 15:01", C15, "03/02/2025"),   # Fri after cut-off; Tết 25/01..02/02 -> Mon 03/02
    ("29/04/2026 15:30", C15, "04/05/2026"),   # Wed after cut-off; Thu 30/4, Fri 1/5, weekend -> Mon 04/05
    ("21/08/2026 16:00", C15, "22/08/2026"),   # Fri after cut-off -> make-up Sat 22/08
    ("28/08/2026 16:00", C15, "03/09/2026"),   # Fri after cut-off; Sat, Sun, Mon 31, Tue 1, Wed 2 off -> Thu
    ("11/01/2025 10:00", None, "13/01/2025"),  # ordinary Saturday, no cut-off -> Mon
])
def test_start_day(received, cutoff, expected):
    assert CAL.start_day(dt(received), cutoff) == d(expected)


# ---------------------------------------------------------------- day arithmetic

@pytest.mark.parametrize("start, n, expected", [
    ("24/01/2025", 5, "07/02/2025"),  # Tết 25/01..02/02 off; Mon 03(1) Tue 04(2) Wed 05(3) Thu 06(4) Fri 07(5)
    ("24/01/2025", 0, "24/01/2025"),  # n=0 returns the day itself
    ("24/04/2025", 3, "28/04/2025"),  # Fri 25(1), make-up Sat 26(2), Sun off, Mon 28(3)
    ("29/04/2025", 1, "05/05/2025"),  # Wed 30/4, Thu 1/5, Fri 2/5 swapped, weekend -> Mon 05/05
    ("13/02/2026", 1, "23/02/2026"),  # Tết 2026 14/02..22/02 -> Mon 23/02
    ("13/02/2026", 5, "27/02/2026"),  # Mon 23(1) .. Fri 27(5)
    ("29/08/2025", 2, "04/09/2025"),  # Mon 01/09, Tue 02/09 off; Wed 03(1), Thu 04(2)
    ("21/08/2026", 2, "24/08/2026"),  # make-up Sat 22(1), Mon 24(2)
    ("28/08/2026", 1, "03/09/2026"),  # Mon 31/08, Tue 01/09, Wed 02/09 off -> Thu 03/09
])
def test_add_working_days(start, n, expected):
    assert CAL.add_working_days(d(start), n) == d(expected)


@pytest.mark.parametrize("day, expected", [
    ("25/04/2025", "26/04/2025"),  # Fri -> make-up Sat 26/04
    ("26/04/2025", "28/04/2025"),  # make-up Sat -> Mon (Sun off)
    ("31/12/2025", "02/01/2026"),  # Thu 01/01/2026 off -> Fri 02/01
])
def test_next_working_day(day, expected):
    assert CAL.next_working_day(d(day)) == d(expected)


@pytest.mark.parametrize("a, b, expected", [
    ("24/01/2025", "07/02/2025", 5),   # (Fri 24/01, Fri 07/02]: Mon 03..Fri 07 = 5 (Tết off)
    ("07/02/2025", "24/01/2025", -5),  # reversed -> negative
    ("03/02/2025", "03/02/2025", 0),   # empty interval
    ("25/04/2025", "05/05/2025", 4),   # make-up Sat 26, Mon 28, Tue 29; 30/4..4/5 off; Mon 05
    ("05/05/2025", "25/04/2025", -4),  # reversed of the same interval
    ("29/08/2025", "05/09/2025", 3),   # Wed 03, Thu 04, Fri 05 (Mon 01, Tue 02 off)
    ("13/02/2026", "23/02/2026", 1),   # only Mon 23/02 (Tết 2026)
    ("21/08/2026", "04/09/2026", 8),   # Sat 22, Mon 24..Fri 28 (5), Thu 03, Fri 04 = 8
])
def test_working_days_between(a, b, expected):
    assert CAL.working_days_between(d(a), d(b)) == expected


# ---------------------------------------------------------------- due dates

DUE_ROWS = [
    # --- working days (due at 17:00 of the N-th working day after the start day)
    ("24/01/2025 10:00", 5, WD, C15, "07/02/2025 17:00"),   # start Fri 24/01; Tết; Mon 03(1)..Fri 07(5)
    ("24/01/2025 15:30", 5, WD, C15, "10/02/2025 17:00"),   # after cut-off -> start Mon 03/02; Tue 04(1)..Mon 10(5)
    ("29/08/2025 15:30", 3, WD, C15, "08/09/2025 17:00"),   # start Wed 03/09; Thu 04, Fri 05, Mon 08
    ("29/08/2025 10:00", 3, WD, C15, "05/09/2025 17:00"),   # start Fri 29/08; Wed 03, Thu 04, Fri 05
    ("29/08/2025 16:30", 1, WD, None, "03/09/2025 17:00"),  # no cut-off: start Fri 29/08; next working day Wed 03/09
    ("24/04/2025 09:00", 2, WD, C15, "26/04/2025 17:00"),   # Fri 25(1), make-up Sat 26(2)
    ("26/04/2025 10:00", 1, WD, C15, "28/04/2025 17:00"),   # received on the make-up Sat; Sun off; Mon 28(1)
    ("27/04/2025 10:00", 1, WD, C15, "29/04/2025 17:00"),   # received Sun -> start Mon 28; Tue 29(1)
    ("29/04/2025 09:00", 2, WD, C15, "06/05/2025 17:00"),   # start Tue 29; 30/4..4/5 off; Mon 05(1), Tue 06(2)
    ("30/04/2025 09:00", 1, WD, C15, "06/05/2025 17:00"),   # received on the holiday -> start Mon 05/05; Tue 06(1)
    ("29/04/2026 16:00", 1, WD, C15, "05/05/2026 17:00"),   # after cut-off; Thu 30/4, Fri 1/5 off -> start Mon 04; Tue 05
    ("11/02/2026 10:00", 5, WD, C15, "25/02/2026 17:00"),   # Thu 12(1), Fri 13(2), Tết, Mon 23(3), Tue 24(4), Wed 25(5)
    ("14/02/2026 09:00", 1, WD, C15, "24/02/2026 17:00"),   # received in Tết window -> start Mon 23; Tue 24(1)
    ("21/08/2026 10:00", 3, WD, C15, "25/08/2026 17:00"),   # make-up Sat 22(1), Mon 24(2), Tue 25(3)
    ("28/08/2026 09:00", 2, WD, C15, "04/09/2026 17:00"),   # Mon 31, Tue 01, Wed 02 off; Thu 03(1), Fri 04(2)
    ("03/02/2025 08:00", 0, WD, C15, "03/02/2025 17:00"),   # 0 days: due at the end of the start day
    ("14/02/2024 10:00", 1, WD, C15, "16/02/2024 17:00"),   # Wed in Tết 2024 -> start Thu 15; Fri 16(1)
    # --- calendar days (end on start + N, moved to the next working day)
    ("07/01/2025 10:00", 5, DAYS, C15, "13/01/2025 17:00"),   # 07+5 = Sun 12/01 -> Mon 13/01
    ("24/01/2025 10:00", 5, DAYS, C15, "03/02/2025 17:00"),   # 24+5 = Wed 29/01 (Tết) -> Mon 03/02
    ("24/01/2025 15:30", 5, DAYS, C15, "10/02/2025 17:00"),   # start Mon 03/02; +5 = Sat 08/02 -> Mon 10/02
    ("29/08/2025 16:00", 10, DAYS, C15, "15/09/2025 17:00"),  # start Wed 03/09; +10 = Sat 13/09 -> Mon 15/09
    ("20/04/2026 09:00", 7, DAYS, C15, "28/04/2026 17:00"),   # 20+7 = Mon 27/04 (Giỗ Tổ bù) -> Tue 28/04
    ("20/04/2026 09:00", 10, DAYS, C15, "04/05/2026 17:00"),  # 20+10 = Thu 30/04 -> Fri 1/5 off, weekend -> Mon 04/05
    ("05/02/2026 10:00", 15, DAYS, C15, "23/02/2026 17:00"),  # 05+15 = Fri 20/02 (Tết) -> Mon 23/02
    ("17/08/2026 10:00", 5, DAYS, C15, "22/08/2026 17:00"),   # 17+5 = Sat 22/08, a make-up working day -> stays
    ("27/04/2025 10:00", 3, DAYS, C15, "05/05/2025 17:00"),   # received Sun -> start Mon 28; +3 = Thu 01/05 -> Mon 05/05
    # --- months (same day number, or the month's last day, moved to a working day)
    ("31/03/2025 10:00", 1, MONTHS, C15, "05/05/2025 17:00"),   # -> 30/04 (no 31/04), holiday -> Mon 05/05
    ("31/01/2024 10:00", 1, MONTHS, C15, "29/02/2024 17:00"),   # leap year: 31/01 -> Thu 29/02/2024
    ("16/01/2026 10:00", 1, MONTHS, C15, "23/02/2026 17:00"),   # -> Mon 16/02/2026 (Tết) -> Mon 23/02
    ("31/01/2025 10:00", 1, MONTHS, C15, "03/03/2025 17:00"),   # received in Tết -> start Mon 03/02 -> Mon 03/03
    ("29/08/2025 16:00", 1, MONTHS, C15, "03/10/2025 17:00"),   # start Wed 03/09 -> Fri 03/10
    ("25/04/2025 10:00", 12, MONTHS, C15, "28/04/2026 17:00"),  # -> Sat 25/04/2026; Sun; Mon 27 off -> Tue 28/04
    ("31/10/2025 10:00", 1, MONTHS, C15, "01/12/2025 17:00"),   # -> 30/11 (no 31/11), a Sunday -> Mon 01/12
    ("28/01/2026 10:00", 1, MONTHS, C15, "02/03/2026 17:00"),   # -> Sat 28/02/2026 -> Mon 02/03
    # --- working hours (08:00–12:00, 13:30–17:00; cut-off ignored)
    ("06/01/2025 10:00", 4, HOURS, C15, "06/01/2025 15:30"),   # 10–12 (2h) + 13:30–15:30 (2h): crosses lunch
    ("10/01/2025 15:00", 8, HOURS, C15, "13/01/2025 15:30"),   # Fri 15–17 (2h); weekend; Mon 8–12 (4h), 13:30–15:30 (2h)
    ("06/01/2025 12:30", 2, HOURS, C15, "06/01/2025 15:30"),   # received at lunch -> from 13:30
    ("06/01/2025 18:00", 1, HOURS, C15, "07/01/2025 09:00"),   # after hours -> Tue 08:00 + 1h
    ("11/01/2025 10:00", 3, HOURS, C15, "13/01/2025 11:00"),   # Saturday -> Mon 08:00 + 3h
    ("06/01/2025 08:00", 4, HOURS, C15, "06/01/2025 12:00"),   # ends exactly at the end of the morning
    ("06/01/2025 08:00", 8, HOURS, C15, "07/01/2025 08:30"),   # 7.5h on Mon, 0.5h on Tue
    ("24/01/2025 16:00", 4, HOURS, C15, "03/02/2025 11:00"),   # Fri 16–17 (1h); Tết; Mon 03/02 8–11 (3h)
    ("25/04/2025 16:00", 3, HOURS, C15, "26/04/2025 10:00"),   # Fri 16–17 (1h); make-up Sat 8–10 (2h)
    ("29/08/2025 15:30", 2, HOURS, C15, "03/09/2025 08:30"),   # cut-off ignored: Fri 15:30–17 (1.5h); Wed 8–8:30
    ("28/08/2026 16:30", 24, HOURS, C15, "08/09/2026 09:00"),  # 0.5h Fri; Thu 03 7.5 (8); Fri 04 (15.5); Mon 07 (23); Tue 8–9
]


@pytest.mark.parametrize("received, amount, unit, cutoff, expected", DUE_ROWS)
def test_due(received, amount, unit, cutoff, expected):
    assert CAL.due(dt(received), amount, unit, cutoff) == dt(expected)


def test_months_clamp_on_plain_calendar():
    # Without statutory holidays: Fri 31/01/2025 + 1 month -> 31/02 does not exist -> Fri 28/02/2025.
    plain = WorkCalendar(known_years={2025}, statutory=False)
    assert plain.due(dt("31/01/2025 10:00"), 1, MONTHS, C15) == dt("28/02/2025 17:00")


def test_due_accepts_unit_values_and_aware_datetimes():
    # 08:30 UTC = 15:30 in Hà Nội: after the cut-off on Fri 29/08/2025 -> start Wed 03/09; 3 wd -> Mon 08/09.
    received = datetime(2025, 8, 29, 8, 30, tzinfo=UTC)
    due = CAL.due(received, 3, "working_days", C15)
    assert due == datetime(2025, 9, 8, 17, 0, tzinfo=VN_TZ)
    assert due.utcoffset() == timedelta(hours=7)


# ---------------------------------------------------------------- pauses

PAUSE_ROWS = [
    pytest.param(
        # recv Mon 06/01/2025, 10 wd: Tue 07(1)..Fri 10(4), Mon 13(5)..Fri 17(9), Mon 20(10).
        "06/01/2025 09:00", 10, WD, C15, "20/01/2025 17:00", [
            # asked Thu 09/01: used 07, 08, 09 = 3, left 7; supplement Wed 15/01 09:00 -> start Wed 15;
            # Thu 16(1) Fri 17(2) Mon 20(3) Tue 21(4) Wed 22(5) Thu 23(6) Fri 24(7); moved 21..24 = 4 wd
            ("09/01/2025 10:00", "15/01/2025 09:00", "24/01/2025 17:00", 4, 0, 7),
            # asked Tue 21/01: used since Wed 15 = 16, 17, 20, 21 = 4, left 3; supplement Fri 24/01 15:30
            # after cut-off -> Tết -> start Mon 03/02; Tue 04, Wed 05, Thu 06; moved Mon 03..Thu 06 = 4 wd
            ("21/01/2025 14:00", "24/01/2025 15:30", "06/02/2025 17:00", 4, 0, 3),
        ], id="two-pauses-working-days-tet-2025"),
    pytest.param(
        # recv Thu 24/04/2025, 5 wd: Fri 25(1), Sat 26 make-up(2), Mon 28(3), Tue 29(4), Mon 05/05(5).
        "24/04/2025 09:00", 5, WD, C15, "05/05/2025 17:00", [
            # asked on the receipt day: 0 used, 5 left; supplement Fri 25 -> Sat 26(1), Mon 28(2),
            # Tue 29(3), Mon 05/05(4), Tue 06/05(5); moved by Tue 06 = 1 wd
            ("24/04/2025 11:00", "25/04/2025 10:00", "06/05/2025 17:00", 1, 0, 5),
        ], id="pause-on-receipt-day"),
    pytest.param(
        # recv Mon 02/02/2026, 7 wd: Tue 03(1) .. Fri 06(4), Mon 09(5), Tue 10(6), Wed 11(7).
        "02/02/2026 09:00", 7, WD, C15, "11/02/2026 17:00", [
            # asked Wed 04/02 16:00: used Tue 03, Wed 04 = 2, left 5; supplement Fri 13/02 15:45 after
            # cut-off -> Tết 2026 -> start Mon 23/02; Tue 24 .. Fri 27 (4), Mon 02/03 (5);
            # moved (11/02, 02/03]: Thu 12, Fri 13, Mon 23 .. Fri 27, Mon 02 = 8 wd
            ("04/02/2026 16:00", "13/02/2026 15:45", "02/03/2026 17:00", 8, 0, 5),
        ], id="supplement-after-cutoff-before-tet-2026"),
    pytest.param(
        # recv Mon 21/04/2025, 5 wd: Tue 22(1), Wed 23(2), Thu 24(3), Fri 25(4), Sat 26 make-up(5).
        "21/04/2025 09:00", 5, WD, C15, "26/04/2025 17:00", [
            # asked Tue 22: used 1, left 4; supplement Fri 25 16:00 after cut-off -> start make-up Sat 26;
            # Mon 28(1), Tue 29(2), Mon 05/05(3), Tue 06/05(4); moved Mon 28, Tue 29, Mon 05, Tue 06 = 4
            ("22/04/2025 10:00", "25/04/2025 16:00", "06/05/2025 17:00", 4, 0, 4),
        ], id="resume-on-make-up-saturday"),
    pytest.param(
        # recv Fri 29/08/2025 15:30 after cut-off -> start Wed 03/09; 3 wd: Thu 04, Fri 05, Mon 08.
        "29/08/2025 15:30", 3, WD, C15, "08/09/2025 17:00", [
            # asked the same Fri, before counting began: 0 used, 3 left; supplement Thu 04/09 09:00 ->
            # Fri 05(1), Mon 08(2), Tue 09(3); moved by Tue 09 = 1 wd
            ("29/08/2025 16:00", "04/09/2025 09:00", "09/09/2025 17:00", 1, 0, 3),
        ], id="asked-before-counting-started"),
    pytest.param(
        # recv Mon 06/01/2025, 2 wd -> Wed 08/01.
        "06/01/2025 09:00", 2, WD, C15, "08/01/2025 17:00", [
            # asked Thu 09/01, already late: used 3 > 2 -> nothing left, the due stays
            ("09/01/2025 09:00", "10/01/2025 09:00", "08/01/2025 17:00", 0, 0, 0),
        ], id="asked-after-due"),
    pytest.param(
        "06/01/2025 09:00", 2, WD, C15, "08/01/2025 17:00", [
            # asked on the due day Wed 08/01: used 2 = all; the due stays
            ("08/01/2025 10:00", "09/01/2025 09:00", "08/01/2025 17:00", 0, 0, 0),
        ], id="asked-on-due-day"),
    pytest.param(
        # recv Mon 06/01/2025, 15 days: 06+15 = Tue 21/01 (working).
        "06/01/2025 09:00", 15, DAYS, C15, "21/01/2025 17:00", [
            # asked Fri 10/01: 4 days used, 11 left; supplement Mon 13/01 -> 13+11 = Fri 24/01;
            # moved Wed 22, Thu 23, Fri 24 = 3 wd (same as shifting 21/01 by 13-10 = 3 days)
            ("10/01/2025 10:00", "13/01/2025 10:00", "24/01/2025 17:00", 3, 0, 11),
            # asked Wed 15/01: 2 used since Mon 13, 9 left; supplement Wed 22/01 -> 22+9 = Fri 31/01 (Tết)
            # -> Mon 03/02; moved (24/01, 03/02] = Mon 03 = 1 wd
            ("15/01/2025 10:00", "22/01/2025 09:00", "03/02/2025 17:00", 1, 0, 9),
        ], id="two-pauses-days"),
    pytest.param(
        # recv Fri 31/10/2025, 1 month -> 30/11 (Sun) -> Mon 01/12; the clock holds 30 calendar days.
        "31/10/2025 10:00", 1, MONTHS, C15, "01/12/2025 17:00", [
            # asked Wed 05/11: 5 days used, 25 left; supplement Mon 10/11 -> 10/11+25 = Fri 05/12
            # (= 30/11 shifted by 5 days); moved Tue 02 .. Fri 05/12 = 4 wd
            ("05/11/2025 10:00", "10/11/2025 09:00", "05/12/2025 17:00", 4, 0, 25),
        ], id="pause-months"),
    pytest.param(
        # recv Mon 06/01/2025 10:00, 8 h: 10–12 (2), 13:30–17 (5.5), Tue 8–10:30 (8) -> 480 minutes.
        "06/01/2025 10:00", 8, HOURS, C15, "07/01/2025 10:30", [
            # asked Mon 14:00: used 120 + 30 = 150 min, left 330; supplement Tue 09:00: 9–12 (180),
            # 13:30–16:00 (150) -> Tue 16:00; lost Mon 14–17 (180) + Tue 8–9 (60) = 240 min, same day
            ("06/01/2025 14:00", "07/01/2025 09:00", "07/01/2025 16:00", 0, 240, 330),
            # asked Tue 11:00: used 120, left 210; supplement Fri 10/01 16:00: 16–17 (60), Mon 13/01
            # 8–10:30 (150); lost Tue 16–17 (60) + Wed, Thu (450 each) + Fri 8–16 (240+150) = 1560 min;
            # moved Wed 08, Thu 09, Fri 10, Mon 13 = 4 wd
            ("07/01/2025 11:00", "10/01/2025 16:00", "13/01/2025 10:30", 4, 1560, 210),
        ], id="two-pauses-hours"),
]


@pytest.mark.parametrize("received, amount, unit, cutoff, due0, pauses", PAUSE_ROWS)
def test_pauses(received, amount, unit, cutoff, due0, pauses):
    clock = CAL.start_clock(dt(received), amount, unit, cutoff)
    assert clock.due == dt(due0)
    start, remaining, due = clock.start, clock.remaining, clock.due
    for paused_at, resumed_at, new_due, moved_days, moved_minutes, left in pauses:
        r = CAL.pause(start=start, remaining=remaining, unit=unit, cutoff=cutoff,
                      paused_at=dt(paused_at), resumed_at=dt(resumed_at), due=due)
        assert (r.due, r.paused_working_days, r.paused_working_minutes, r.remaining) == (
            dt(new_due), moved_days, moved_minutes, left)
        assert r.start == dt(resumed_at)
        start, remaining, due = r.start, r.remaining, r.due


def test_clock_remaining_is_counted_in_steps():
    # HOURS in working minutes; MONTHS pinned to calendar days (31/10 -> 30/11/2025 = 30 days).
    assert CAL.start_clock(dt("06/01/2025 10:00"), 8, HOURS, C15).remaining == 480
    assert CAL.start_clock(dt("31/10/2025 10:00"), 1, MONTHS, C15).remaining == 30
    assert CAL.start_clock(dt("06/01/2025 10:00"), 10, WD, C15).remaining == 10


def test_resume_is_the_same_operation():
    # Same as the first row of "two-pauses-working-days-tet-2025".
    r = CAL.resume(start=dt("06/01/2025 09:00"), remaining=10, unit=WD, cutoff=C15,
                   paused_at=dt("09/01/2025 10:00"), resumed_at=dt("15/01/2025 09:00"), due=dt("20/01/2025 17:00"))
    assert r.due == dt("24/01/2025 17:00")


def test_pause_rejects_time_running_backwards():
    with pytest.raises(ValueError):
        CAL.pause(start=dt("06/01/2025 09:00"), remaining=10, unit=WD, cutoff=C15,
                  paused_at=dt("09/01/2025 10:00"), resumed_at=dt("08/01/2025 09:00"), due=dt("20/01/2025 17:00"))


# ---------------------------------------------------------------- unknown years

def test_unknown_year_message():
    with pytest.raises(CalendarDataMissing) as exc:
        CAL.is_working_day(d("02/01/2030"))
    assert exc.value.year == 2030
    assert str(exc.value) == (
        "Chưa có dữ liệu lịch làm việc năm 2030; quản trị viên cần nhập lịch nghỉ của năm này.")


@pytest.mark.parametrize("call, year", [
    (lambda c: c.start_day(dt("29/12/2023 10:00"), C15), 2023),           # receipt in an unknown year
    (lambda c: c.next_working_day(d("31/12/2027")), 2028),                 # the next day is in 2028
    (lambda c: c.working_days_between(d("30/12/2027"), d("03/01/2028")), 2028),
    # Mon 20/12/2027 + 10 wd: Tue 21 .. Fri 24 (4), Mon 27 .. Fri 31 (9), then 2028 is unknown
    (lambda c: c.due(dt("20/12/2027 09:00"), 10, WD, C15), 2028),
    (lambda c: c.due(dt("15/12/2027 09:00"), 1, MONTHS, C15), 2028),       # -> 15/01/2028
    (lambda c: c.due(dt("31/12/2027 16:00"), 8, HOURS, C15), 2028),        # 1h on Fri 31/12, 7h in 2028
    # known_years={2026}: Mon 28/12/2026 + 10 wd: Tue 29, Wed 30, Thu 31, then 2027 is unknown
    (lambda c: WorkCalendar(known_years={2026}).due(dt("28/12/2026 09:00"), 10, WD, C15), 2027),
])
def test_running_into_an_unknown_year_raises(call, year):
    with pytest.raises(CalendarDataMissing) as exc:
        call(CAL)
    assert exc.value.year == year


def test_due_near_year_end_inside_a_known_year_is_fine():
    # known_years={2026}: Mon 14/12/2026 + 5 wd: Tue 15, Wed 16, Thu 17, Fri 18, Mon 21/12.
    assert WorkCalendar(known_years={2026}).due(dt("14/12/2026 09:00"), 5, WD, C15) == dt("21/12/2026 17:00")


# ---------------------------------------------------------------- administrator data

def test_admin_working_day_beats_a_holiday():
    cal = WorkCalendar(known_years={2025}, working_days={d("01/09/2025")})
    assert cal.is_working_day(d("01/09/2025"))
    assert not cal.is_working_day(d("02/09/2025"))


def test_admin_day_off_beats_a_package_make_up_saturday():
    cal = WorkCalendar(known_years={2025}, days_off={d("26/04/2025"), d("15/07/2025")})
    assert not cal.is_working_day(d("26/04/2025"))
    assert not cal.is_working_day(d("15/07/2025"))  # Tue, e.g. a local announcement


def test_statutory_can_be_switched_off():
    cal = WorkCalendar(known_years={2025}, statutory=False)
    assert cal.is_working_day(d("27/01/2025"))       # Tết weekday
    assert not cal.is_working_day(d("26/04/2025"))   # plain Saturday


def test_a_day_cannot_be_both_off_and_working():
    with pytest.raises(ValueError):
        WorkCalendar(known_years={2025}, days_off={d("26/04/2025")}, working_days={d("26/04/2025")})


def test_custom_working_hours():
    hours = WorkingHours(((time(7, 30), time(11, 30)), (time(13), time(16, 30))))
    cal = WorkCalendar(known_years={2025}, hours=hours)
    assert hours.day_end == time(16, 30)
    # Mon 06/01/2025 10:30, 2h: 10:30–11:30 (1h), 13:00–14:00 (1h)
    assert cal.due(dt("06/01/2025 10:30"), 2, HOURS, None) == dt("06/01/2025 14:00")
    assert cal.due(dt("06/01/2025 10:30"), 1, WD, None) == dt("07/01/2025 16:30")
    with pytest.raises(ValueError):
        WorkingHours(((time(13), time(12)),))


def test_unit_labels():
    assert [u.label for u in Unit] == ["giờ làm việc", "ngày làm việc", "ngày", "tháng"]
    assert Unit("months") is MONTHS


# ---------------------------------------------------------------- data file

def test_data_file_years_and_windows():
    data = load_calendar_file(DATA_FILE)
    assert data["known_years"] == {2024, 2025, 2026, 2027}
    assert {d("25/01/2025"), d("02/02/2025"), d("14/02/2026"), d("22/02/2026")} <= data["days_off"]
    assert data["working_days"] == {d("04/05/2024"), d("26/04/2025"), d("22/08/2026")}


def test_data_file_agrees_with_the_package():
    import holidays
    data = load_calendar_file(DATA_FILE)
    for year in (2024, 2025, 2026):
        vn = holidays.country_holidays("VN", years=year)
        weekday_off = {x for x in data["days_off"] if x.year == year and x.weekday() < 5}
        assert weekday_off == {x for x in vn if x.weekday() < 5}, year
        assert {x for x in vn.weekend_workdays if x.year == year} == {
            x for x in data["working_days"] if x.year == year}


def test_loader_rejects_entries_outside_their_year(tmp_path):
    path = tmp_path / "cal.json"
    path.write_text(json.dumps({"years": {"2025": {"days_off": ["2025-12-30/2026-01-02"]}}}))
    with pytest.raises(ValueError, match="2025"):
        load_calendar_file(path)


def test_loader_unconfirmed_year_is_not_known(tmp_path):
    path = tmp_path / "cal.json"
    path.write_text(json.dumps({"years": {
        "2030": {"days_off": ["2030-02-01/2030-02-03"], "confirmed": False},
        "2029": {"working_days": ["2029-06-02"]},
    }}))
    data = load_calendar_file(path)
    assert data["known_years"] == {2029}
    assert data["days_off"] == {date(2030, 2, 1), date(2030, 2, 2), date(2030, 2, 3)}
    assert data["working_days"] == {date(2029, 6, 2)}


# ---------------------------------------------------------------- properties

known_dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 11, 30))
receipts = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2027, 6, 30))
cutoffs = st.sampled_from([None, C15])


@settings(max_examples=200, deadline=None)
@given(known_dates, st.integers(0, 15))
def test_add_then_count_gives_n(day, n):
    assert CAL.working_days_between(day, CAL.add_working_days(day, n)) == n


@settings(max_examples=200, deadline=None)
@given(known_dates, known_dates)
def test_count_is_antisymmetric(a, b):
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)


@settings(max_examples=200, deadline=None)
@given(receipts, st.sampled_from([WD, DAYS, MONTHS]), st.integers(0, 40), cutoffs)
def test_day_unit_due_is_a_working_day_at_day_end(received, unit, amount, cutoff):
    if unit is MONTHS:
        amount %= 6
    due = CAL.due(received, amount, unit, cutoff)
    assert CAL.is_working_day(due.date()) and due.time() == time(17)
    assert due.date() >= CAL.start_day(received, cutoff)


@settings(max_examples=200, deadline=None)
@given(receipts, st.integers(1, 40))
def test_hours_due_falls_inside_working_hours(received, amount):
    due = CAL.due(received, amount, HOURS, None)
    assert CAL.is_working_day(due.date()) and due > received
    assert any(s < due.time() <= e for s, e in CAL.hours.periods)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 6, 30)), st.integers(1, 20), st.data())
def test_instant_pause_on_a_working_morning_changes_nothing(day, amount, data):
    # A supplement requested and received the same working morning costs no day (DOMAIN: the
    # request day is used, counting restarts from that same day).
    received = datetime.combine(day, time(9))
    clock = CAL.start_clock(received, amount, WD, C15)
    k = data.draw(st.integers(0, amount - 1))
    at = datetime.combine(CAL.add_working_days(CAL.start_day(received, C15), k), time(10))
    r = CAL.pause(start=clock.start, remaining=clock.remaining, unit=WD, cutoff=C15,
                  paused_at=at, resumed_at=at, due=clock.due)
    assert (r.due, r.paused_working_days, r.remaining) == (clock.due, 0, amount - k)
