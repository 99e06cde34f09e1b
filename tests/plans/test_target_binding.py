"""Binding a target to a live measurement: service rules, the back-office page and the API."""
from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone
from tests.conftest import make_user

from cchc.core.errors import NotFound, PermissionDenied, ValidationFailed
from cchc.measures.registry import Measurement, register
from cchc.org.models import Role
from cchc.plans import selectors, services
from cchc.plans.models import Plan, Target


@register("test_binding_rate", label="Tỷ lệ kiểm thử gắn chỉ tiêu")
def _rate(scope, period):  # 45 of 50 = 90% for the justice department, 99 of 100 elsewhere
    num, den = (45, 50) if scope.org_id else (99, 100)
    return Measurement("test_binding_rate", num, den, 100 * num / den, computed_at=timezone.now())


@pytest.fixture
def target(world):
    world.reformer = make_user("cchc_tinh", world.province, Role.REFORM)
    plan = Plan.objects.create(kind="province_year", title="KH CCHC 2025", issuer=world.province,
                               period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    return Target.objects.create(plan=plan, text="Phấn đấu 98% hồ sơ đúng hạn", threshold=98,
                                 period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
                                 review_flags=["chưa gắn phép đo: chỉ tiêu nhập tay, cần báo cáo kèm minh chứng"])


def test_bind_with_scope_and_period_then_live_value(world, target):
    t = services.bind_target(actor=world.reformer, target_id=target.id, measure_name="test_binding_rate",
                             scope_org_id=world.justice.id, period_start="2025-01-01", period_end="30/06/2025",
                             threshold="90")
    assert (t.measure_name, t.scope_org, t.period_end, t.threshold, t.review_flags) == (
        "test_binding_rate", world.justice, date(2025, 6, 30), 90, [])
    s = selectors.target_state(Target.objects.get(pk=t.id))
    assert (s.value, s.status) == (90.0, "met")  # 45/50 = 90 ≥ 90
    t = services.bind_target(actor=world.reformer, target_id=t.id, measure_name="test_binding_rate", threshold="97,5")
    assert (t.scope_org, t.threshold) == (None, 97.5)  # whole province: 99 ≥ 97,5
    assert selectors.target_state(t).status == "met"


BAD = [  # measure, threshold, start, end → error code, words in the message
    ("", None, None, None, "thieu_phep_do", "Cần chọn một phép đo"),
    ("late_count", None, None, None, "don_vi_khong_khop", "tính theo số lượng"),
    ("test_binding_rate", "chín mươi", None, None, "nguong_khong_hop_le", "Ngưỡng phải là một số"),
    ("test_binding_rate", "120", None, None, "nguong_khong_hop_le", "từ 0 đến 100%"),
    ("test_binding_rate", None, "2025-07-01", "2025-06-30", "ky_do_sai", "trước ngày bắt đầu"),
    ("test_binding_rate", None, "2025-02-30", None, "ngay_khong_hop_le", "Ngày không hợp lệ"),
]


@pytest.mark.parametrize("measure,threshold,start,end,code,words", BAD)
def test_bad_binding_is_refused_in_vietnamese_and_changes_nothing(world, target, measure, threshold, start, end,
                                                                  code, words):
    with pytest.raises(ValidationFailed) as e:
        services.bind_target(actor=world.reformer, target_id=target.id, measure_name=measure, threshold=threshold,
                             period_start=start, period_end=end)
    assert e.value.code == code and words in e.value.message
    target.refresh_from_db()
    assert (target.measure_name, target.threshold, target.period_end) == ("", 98, date(2025, 12, 31))


def test_unknown_measure_and_outsider(world, target):
    with pytest.raises(NotFound) as e:
        services.bind_target(actor=world.reformer, target_id=target.id, measure_name="ty_le_khong_co")
    assert e.value.code == "phep_do_khong_ton_tai" and "“ty_le_khong_co”" in e.value.message
    assert "on_time_rate" in e.value.details["known"]
    with pytest.raises(PermissionDenied):
        services.bind_target(actor=world.justice_specialist, target_id=target.id, measure_name="test_binding_rate")


def test_binding_page(client, world, target):
    client.force_login(world.reformer)
    url = f"/can-bo/ke-hoach/chi-tieu/{target.id}/"
    page = client.get(url).content.decode()
    assert "Phấn đấu 98% hồ sơ đúng hạn" in page and "Chưa đo được" in page and "test_binding_rate" in page
    r = client.post(url, {"measure_name": "late_count", "threshold": "98"})
    assert r.status_code == 422 and "không gắn được" in r.content.decode()
    r = client.post(url, {"measure_name": "khong_co_that", "threshold": "98"})
    assert r.status_code == 404 and "Không có phép đo “khong_co_that” trên hệ thống" in r.content.decode()
    target.refresh_from_db()
    assert target.measure_name == ""
    r = client.post(url, {"measure_name": "test_binding_rate", "threshold": "98", "comparator": ">=",
                          "scope_org_id": world.justice.id, "period_start": "2025-01-01", "period_end": "2025-12-31"})
    assert r.status_code == 302
    page = client.get(url).content.decode()
    assert 'data-testid="gia-tri">90%' in page and "Chưa đạt" in page and "Sở Tư pháp" in page
    # the old address still leads here
    assert client.get(f"/ke-hoach/chi-tieu/{target.id}/")["Location"] == url
