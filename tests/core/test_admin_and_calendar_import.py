"""The Django admin speaks Vietnamese, and administrators can enter a new year's calendar."""
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from cchc.calendar.models import CalendarDay, CalendarYear
from cchc.calendar.service import get_calendar

pytestmark = pytest.mark.django_db


def test_admin_is_in_vietnamese(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert "Quản trị hệ thống cải cách hành chính" in page
    assert "Hồ sơ một cửa" in page and "Danh mục thủ tục hành chính" in page and "Lịch làm việc" in page


def test_admin_pages_of_each_model_open(admin_client, world):
    for url in ["/admin/org/organisation/", "/admin/catalog/procedureversion/", "/admin/workcalendar/calendarday/",
                "/admin/dossiers/dossier/", f"/admin/catalog/procedureversion/{world.birth.id}/change/"]:
        assert admin_client.get(url).status_code == 200, url


def test_load_calendar_for_a_new_year(tmp_path):
    f = tmp_path / "2028.json"
    f.write_text(json.dumps({"years": {"2028": {"days_off": ["2028-01-24/2028-01-30"], "working_days": ["2028-01-22"],
                                                "note": "Thông báo nghỉ Tết 2028"}}}), encoding="utf-8")
    call_command("load_calendar", str(f))
    assert CalendarYear.objects.filter(year=2028, confirmed=True).exists()
    cal = get_calendar()
    assert cal.is_working_day(date(2028, 1, 22))  # a make-up Saturday
    assert not cal.is_working_day(date(2028, 1, 24))  # Monday inside the announced Tết window


def test_load_calendar_rejects_bad_files_and_changes_nothing(tmp_path):
    before = CalendarDay.objects.count()
    f = tmp_path / "bad.json"
    f.write_text(json.dumps({"years": {"2028": {"days_off": ["2029-01-01"]}}}), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_calendar", str(f))
    f.write_text("không phải JSON", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_calendar", str(f))
    assert CalendarDay.objects.count() == before and not CalendarYear.objects.filter(year=2028).exists()
