"""The management commands of plans."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from cchc.plans.models import Plan, Reminder, Task

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_plan_reminders_command(world):
    plan = Plan.objects.create(kind="province_year", title="KH", issuer=world.province, period_start=date(2025, 1, 1),
                               period_end=date(2025, 12, 31))
    Task.objects.create(plan=plan, task="Ban hành kế hoạch kiểm tra", lead=world.justice, due_on=date(2025, 3, 31))
    out = io.StringIO()
    call_command("plan_reminders", "--today", "2025-03-30", stdout=out)
    assert "Sở Tư pháp: Nhiệm vụ “Ban hành kế hoạch kiểm tra” đến hạn ngày 31/03/2025 (còn 1 ngày)." in out.getvalue()
    assert Reminder.objects.count() == 1


@pytest.mark.skipif(not SEEDS.exists(), reason="sample seeds not present")
def test_evaluate_plan_import_command():
    out = io.StringIO()
    call_command("evaluate_plan_import", str(SEEDS), "--expected", str(Path(__file__).parent / "expected"), stdout=out)
    assert "| 003_748a90e32df3280a.txt | 1.00 (45/45) | 1.00 (45/45) | 1.00 (3/3) | 1.00 (3/3) | 45/45 | 43/43 |" \
        in out.getvalue()
