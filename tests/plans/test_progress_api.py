"""POST /api/v1/tasks/{id}/progress over real HTTP: JSON, or multipart with an evidence file checked as
on the task page (the same service: size bounded by the documents app's limit, an empty file refused,
any type kept); only the lead organisation's staff; a refused request stores no row and no file."""
from __future__ import annotations

import uuid
from datetime import date

import pytest

from cchc.documents.limits import MAX_BYTES
from cchc.plans.models import Plan, ProgressUpdate, Task

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
DOCX = b"PK\x03\x04" + "Báo cáo kết quả rà soát quy trình".encode() * 50


def multipart(fields: dict, files: list[tuple[str, str, bytes]]) -> tuple[bytes, dict]:
    boundary = uuid.uuid4().hex
    parts = [(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n').encode()
             for k, v in fields.items()]
    parts += [(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
               "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
              for name, filename, data in files]
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


@pytest.fixture
def task(world, clock, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    clock.set(2025, 5, 12, 10, 0)
    plan = Plan.objects.create(kind="agency", title="Kế hoạch CCHC năm 2025 của Sở Tư pháp", issuer=world.justice,
                               period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    t = Task.objects.create(plan=plan, number="3", task="Rà soát quy trình nội bộ", lead=world.justice,
                            due_on=date(2025, 6, 30), percent=20)
    t.coordinating.add(world.finance)  # coordinating: reports to the lead, not here
    return t


def stored_files(tmp_path) -> list[str]:
    return sorted(p.name for p in tmp_path.rglob("*") if p.is_file())


def post(api, user, task_id, fields, files=()):
    data, headers = multipart(fields, list(files))
    return api(user).call("POST", f"/tasks/{task_id}/progress", data=data, headers=headers)


def test_progress_with_an_evidence_file(api, world, task, tmp_path):
    r = post(api, world.justice_specialist, task.id, {"percent": "60", "narrative": "Đã rà soát 12/20 quy trình"},
             [("evidence", "ket-qua-ra-soat.docx", DOCX)])
    assert r.status == 201, r.data
    assert (r.data["percent"], r.data["status"], r.data["evidence"]) == (60, "in_progress", "ket-qua-ra-soat.docx")
    u = ProgressUpdate.objects.get()
    assert (u.percent, u.narrative, u.org, u.by) == (60, "Đã rà soát 12/20 quy trình", world.justice,
                                                     world.justice_specialist)
    with u.evidence.open("rb") as f:
        assert f.read() == DOCX  # kept as sent: Word files are evidence too
    assert stored_files(tmp_path) == ["ket-qua-ra-soat.docx"]
    # without a file, multipart works too; and JSON as before
    assert post(api, world.justice_leader, task.id, {"percent": "80"}).status == 201
    r = api(world.justice_leader).post(f"/tasks/{task.id}/progress", {"percent": 100, "narrative": "Hoàn thành"})
    assert r.status == 201 and (r.data["status"], r.data["evidence"]) == ("done", None)
    assert list(task.updates.values_list("percent", flat=True)) == [100, 80, 60]


REFUSED = [  # who, fields, files → status, code; by hand: MAX_BYTES is 20 MB (documents.limits)
    ("finance_specialist", {"percent": "50"}, [("evidence", "bb.docx", DOCX)], 403, "khong_phai_co_quan_chu_tri"),
    ("other_leader", {"percent": "50"}, [("evidence", "bb.docx", DOCX)], 403, "khong_phai_co_quan_chu_tri"),
    ("justice_specialist", {"percent": "50"}, [("evidence", "to.pdf", b"%PDF-1.4" + b"\0" * (MAX_BYTES - 7))],
     422, "tep_qua_lon"),
    ("justice_specialist", {"percent": "50"}, [("evidence", "rong.pdf", b"")], 422, "tep_rong"),
    ("justice_specialist", {"percent": "nhiều"}, [("evidence", "bb.docx", DOCX)], 422, "du_lieu_khong_hop_le"),
    ("justice_specialist", {"percent": "101"}, [("evidence", "bb.docx", DOCX)], 422, "du_lieu_khong_hop_le"),
    ("justice_specialist", {"narrative": "thiếu tiến độ"}, [], 422, "du_lieu_khong_hop_le"),
    ("justice_specialist", {"percent": "50"}, [("evidence", "a.docx", DOCX), ("evidence", "b.docx", DOCX)],
     422, "tep_minh_chung_khong_hop_le"),
    ("justice_specialist", {"percent": "50"}, [("file", "a.docx", DOCX)], 422, "tep_minh_chung_khong_hop_le"),
]


@pytest.mark.parametrize("who,fields,files,status,code", REFUSED,
                         ids=["phoi-hop", "co-quan-khac", "qua-lon", "rong", "chu", "qua-100", "thieu", "hai-tep",
                              "sai-truong"])
def test_refused_progress_stores_nothing(api, world, task, tmp_path, who, fields, files, status, code):
    r = post(api, getattr(world, who), task.id, fields, files)
    assert (r.status, r.code) == (status, code), r.data
    assert r.data["message"]  # Vietnamese, for the user
    task.refresh_from_db()
    assert (task.percent, task.updates.count(), stored_files(tmp_path)) == (20, 0, [])


def test_json_errors_and_unknown_task(api, world, task):
    c = api(world.justice_specialist)
    r = c.call("POST", f"/tasks/{task.id}/progress", data=b"{percent: 50", headers={"Content-Type": "application/json"})
    assert (r.status, r.code) == (422, "du_lieu_khong_hop_le")
    r = c.post(f"/tasks/{task.id}/progress", {"percent": -1})
    assert (r.status, r.code, r.data["details"]["errors"][0]["field"]) == (422, "du_lieu_khong_hop_le", "percent")
    r = c.post("/tasks/999999/progress", {"percent": 5})
    assert (r.status, r.code) == (404, "nhiem_vu_khong_ton_tai")
    assert task.updates.count() == 0
