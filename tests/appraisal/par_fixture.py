"""Fixtures of the SIPAS / PAR Index tests: a small criteria tree and SIPAS answers whose results are
worked out by hand below (and checked against these numbers, never against the code's own output).

Criteria tree (total 100; area 2's children may add to 12 but the area is capped at 10):

    1  (20)  1.1 (10)  1.2 (10)
    2  (10)  2.1 (6)   2.2 (6)
    3  (20)  3.1 (10) = 3.1.1 (5) + 3.1.2 (5);  3.2 (10)
    4  (5)   4.1 (5)        5 (5)  5.1 (5)        6 (10)  6.1 (10)
    7  (30, survey)  7.1 (10, SIPAS overall)  7.2 (10, aspect: procedure)  7.3 (10, aspect: officials)
    → 21 nodes, 13 leaves, 10 of them scored by the organisation, 3 survey leaves.

SIPAS answers of Sở Tư pháp in 2026 (4 forms; satisfied = 4 or 5; Q6 is a perception question
and does not count; Q5 left blank twice):

         Q1 access  Q2 procedure  Q3 officials  Q4 result  Q5 feedback  Q6 (perception)
    R1   5          4             3             5          2            5
    R2   4          2             4             5          —            1
    R3   3          5             5             4          5            —
    R4   1          4             4             2          —            —
    access 2/4 = 50 %, procedure 3/4 = 75 %, officials 3/4 = 75 %, result 3/4 = 75 %,
    feedback 1/2 = 50 %  →  SIPAS = (50 + 75 + 75 + 75 + 50) / 5 = 65 %, sample 4 forms.
    Not counted: a form of 31/12/2025 (other year) and a form of Sở Tài chính (other organisation).

Survey points of Sở Tư pháp: 7.1 = 0.65 × 10 = 6.50; 7.2 = 0.75 × 10 = 7.50; 7.3 = 0.75 × 10 = 7.50 → 21.50.

Self-scores (JUSTICE_SELF) total 8 + 10 + 6 + 4 + 5 + 4.5 + 7.25 + 5 + 3 + 9 = 61.75; appraisal lowers
1.1 to 6 and 6.1 to 8.5 (3.2 confirmed at 7.25, no reason needed) → 59.25 + 21.50 = 80.75.
Sở Tài chính: self 60.00, no adjustment, survey entered 7 + 7 + 6.75 = 20.75 → 80.75 (tie).
Sở Xây dựng: self 54.00, survey entered 5 + 5.5 + 5.5 = 16 → 70.00.  Ranking: 1, 1, 3.
"""
from __future__ import annotations

import io
import uuid
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook
from tests.conftest import make_org, make_user

from cchc.appraisal import services
from cchc.appraisal.models import Aspect, QuestionKind, ResponseChannel
from cchc.org.models import OrgKind, Role

HEADER = ["Mã", "Tên", "Điểm tối đa", "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng", "Điều tra XHH",
          "Khía cạnh SIPAS"]
TREE_ROWS = [
    ["1", "Công tác chỉ đạo, điều hành", 20, "", "", "", ""],
    ["1.1", "Kế hoạch CCHC", 10, "Ban hành đúng hạn: 10", "Quyết định ban hành kế hoạch", "", ""],
    ["1.2", "Báo cáo CCHC", 10, "", "", "", ""],
    ["2", "Cải cách thể chế", 10, "", "", "", ""],
    ["2.1", "Ban hành văn bản", 6, "", "", "", ""],
    ["2.2", "Rà soát văn bản", 6, "", "", "", ""],
    ["3", "Cải cách thủ tục hành chính", 20, "", "", "", ""],
    ["3.1", "Công khai thủ tục", 10, "", "", "", ""],
    ["3.1.1", "Niêm yết tại trụ sở", 5, "", "", "", ""],
    ["3.1.2", "Công khai trên cổng dịch vụ công", 5, "", "", "", ""],
    ["3.2", "Giải quyết đúng hạn", 10, "", "", "", ""],
    ["4", "Cải cách tổ chức bộ máy", 5, "", "", "", ""],
    ["4.1", "Sắp xếp tổ chức", 5, "", "", "", ""],
    ["5", "Cải cách chế độ công vụ", 5, "", "", "", ""],
    ["5.1", "Kỷ luật, kỷ cương", 5, "", "", "", ""],
    ["6", "Cải cách tài chính công", 10, "", "", "", ""],
    ["6.1", "Thực hiện dự toán", 10, "", "", "", ""],
    ["7", "Chính phủ số và sự hài lòng", 30, "", "", "x", ""],
    ["7.1", "Chỉ số SIPAS chung", 10, "", "", "", ""],
    ["7.2", "Hài lòng về thủ tục", 10, "", "", "", "Thủ tục hành chính"],
    ["7.3", "Hài lòng về công chức", 10, "", "", "", "officials"],
]
SCORED = ["1.1", "1.2", "2.1", "2.2", "3.1.1", "3.1.2", "3.2", "4.1", "5.1", "6.1"]
JUSTICE_SELF = dict(zip(SCORED, ["8", "10", "6", "4", "5", "4.5", "7.25", "5", "3", "9"], strict=True))
FINANCE_SELF = dict(zip(SCORED, ["10", "10", "5", "5", "5", "5", "8", "4", "3", "5"], strict=True))
BUILDING_SELF = dict(zip(SCORED, ["7", "7", "5", "5", "4", "4", "6", "4", "4", "8"], strict=True))

# (Q1..Q6) of Sở Tư pháp's four 2026 forms; None = left blank
JUSTICE_FORMS = [(5, 4, 3, 5, 2, 5), (4, 2, 4, 5, None, 1), (3, 5, 5, 4, 5, None), (1, 4, 4, 2, None, None)]


def xlsx(rows, header=HEADER, sheet="Tiêu chí") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if header:
        ws.append(header)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def forms(answers) -> dict:
    return {f"Q{i}": v for i, v in enumerate(answers, start=1) if v is not None}


def entries(scores: dict, note="") -> list[services.ScoreEntry]:
    return [services.ScoreEntry(code, value, note) for code, value in scores.items()]


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    """A multipart/form-data body: ``files`` maps field -> (filename, bytes)."""
    boundary = uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    for k, (name, data) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def par(world):
    """The tiny province plus Sở Nội vụ (appraiser), reform officers, a 2026 tree and a SIPAS questionnaire."""
    w = world
    w.home = make_org("H99.09", "Sở Nội vụ", OrgKind.AGENCY, w.province)
    w.building = make_org("H99.03", "Sở Xây dựng", OrgKind.AGENCY, w.province)
    w.appraiser = make_user("thamdinh", w.home, Role.APPRAISER)
    w.reform_justice = make_user("cchc_stp", w.justice, Role.REFORM)
    w.reform_finance = make_user("cchc_stc", w.finance, Role.REFORM)
    w.reform_building = make_user("cchc_sxd", w.building, Role.REFORM)
    w.reform_commune = make_user("cchc_xa", w.commune, Role.REFORM)
    qs = [services.QuestionSpec("Q1", Aspect.ACCESS, QuestionKind.SATISFACTION, "Tiếp cận dịch vụ?"),
          services.QuestionSpec("Q2", Aspect.PROCEDURE, QuestionKind.SATISFACTION, "Thủ tục?"),
          services.QuestionSpec("Q3", Aspect.OFFICIALS, QuestionKind.SATISFACTION, "Công chức?"),
          services.QuestionSpec("Q4", Aspect.RESULT, QuestionKind.SATISFACTION, "Kết quả?"),
          services.QuestionSpec("Q5", Aspect.FEEDBACK, QuestionKind.SATISFACTION, "Phản ánh, kiến nghị?"),
          services.QuestionSpec("Q6", Aspect.PROCEDURE, QuestionKind.PERCEPTION, "Thủ tục dễ hiểu.",
                                options=["Rất không đồng ý", "Không đồng ý", "Phân vân", "Đồng ý", "Rất đồng ý"]),
          services.QuestionSpec("Q7", Aspect.ACCESS, QuestionKind.EXPECTATION, "Mong muốn?",
                                options=["Nhanh hơn", "Ít giấy tờ hơn", "Trực tuyến"])]
    w.questionnaire = services.create_questionnaire(actor=w.appraiser, code="SIPAS", title="Phiếu SIPAS",
                                                    questions=qs)
    services.publish_questionnaire(actor=w.appraiser, questionnaire_id=w.questionnaire.id)
    w.campaign = services.open_campaign(actor=w.appraiser, questionnaire_id=w.questionnaire.id, org_id=w.justice.id,
                                        name="SIPAS Sở Tư pháp", starts_on=date(2025, 12, 1),
                                        ends_on=date(2026, 12, 31))
    w.finance_campaign = services.open_campaign(actor=w.appraiser, questionnaire_id=w.questionnaire.id,
                                                org_id=w.finance.id, name="SIPAS Sở Tài chính",
                                                starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    report = services.import_criteria(actor=w.appraiser, year=2026, org_type="agency", data=xlsx(TREE_ROWS),
                                      sipas_questionnaire_id=w.questionnaire.id)
    assert report.ok, report.errors
    w.tree_id = report.object_id
    return w


@pytest.fixture
def justice_answers(par):
    """The four hand-worked 2026 forms of Sở Tư pháp, plus two that must not count."""
    for i, answers in enumerate(JUSTICE_FORMS):
        services.record_response(actor=par.appraiser, campaign_id=par.campaign.id, answers=forms(answers),
                                 channel=ResponseChannel.PAPER, answered_on=date(2026, 3, 1 + i))
    services.record_response(actor=par.appraiser, campaign_id=par.campaign.id, answered_on=date(2025, 12, 31),
                             answers={"Q1": 1, "Q2": 1, "Q3": 1, "Q4": 1, "Q5": 1}, channel=ResponseChannel.PAPER)
    services.record_response(actor=par.appraiser, campaign_id=par.finance_campaign.id, answered_on=date(2026, 5, 5),
                             answers={"Q1": 1, "Q2": 1, "Q3": 1, "Q4": 1, "Q5": 1}, channel=ResponseChannel.PAPER)
    return par


D = Decimal
