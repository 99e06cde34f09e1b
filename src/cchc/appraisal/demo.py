"""Demo data for SIPAS and the PAR Index, made through the real services (deterministic: fixed seed).

A 2026 criteria tree for agencies (7 areas, total 100, 30 survey points fed by SIPAS aspects), a
published SIPAS questionnaire with a year-long campaign and a few hundred paper forms for several
agencies, and the full cycle for a handful of agencies: self-assessment, appraisal, survey points,
publication. Needs the demo province (``cchc seed_demo``) to exist.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from cchc.org.models import Membership, Organisation, OrgKind, Role

from . import criteria_xlsx, services
from .models import Aspect, CriteriaTree, QuestionKind, ResponseChannel, SurveySource

YEAR = 2026
HOME_AFFAIRS = "Sở Nội vụ"
S = "x"  # survey criterion

# code, name, max points, survey, SIPAS aspect
TREE = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 14, "", ""),
    ("1.1", "Kế hoạch cải cách hành chính năm", 4, "", ""),
    ("1.1.1", "Ban hành kế hoạch đúng thời hạn", 2, "", ""),
    ("1.1.2", "Xác định đầy đủ nhiệm vụ, sản phẩm, thời hạn hoàn thành", 2, "", ""),
    ("1.2", "Báo cáo cải cách hành chính định kỳ đầy đủ, đúng hạn", 3, "", ""),
    ("1.3", "Kiểm tra công tác cải cách hành chính", 3, "", ""),
    ("1.4", "Chỉ số hài lòng chung của người dân, tổ chức (SIPAS)", 4, S, ""),
    ("2", "Cải cách thể chế", 12, "", ""),
    ("2.1", "Xây dựng, ban hành văn bản quy phạm pháp luật thuộc lĩnh vực quản lý", 4, "", ""),
    ("2.2", "Rà soát, hệ thống hóa, kiểm tra văn bản", 4, "", ""),
    ("2.3", "Hài lòng về tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", 4, S, Aspect.FEEDBACK),
    ("3", "Cải cách thủ tục hành chính", 24, "", ""),
    ("3.1", "Công bố, công khai thủ tục hành chính", 4, "", ""),
    ("3.2", "Giải quyết thủ tục hành chính đúng hạn", 4, "", ""),
    ("3.2.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", 2, "", ""),
    ("3.2.2", "Xin lỗi người dân khi giải quyết trễ hạn", 2, "", ""),
    ("3.3", "Cắt giảm, đơn giản hóa thủ tục hành chính", 4, "", ""),
    ("3.4", "Hài lòng về thủ tục hành chính", 6, S, Aspect.PROCEDURE),
    ("3.5", "Hài lòng về kết quả giải quyết", 6, S, Aspect.RESULT),
    ("4", "Cải cách tổ chức bộ máy hành chính nhà nước", 8, "", ""),
    ("4.1", "Sắp xếp tổ chức bộ máy theo quy định", 4, "", ""),
    ("4.2", "Quản lý biên chế", 4, "", ""),
    ("5", "Cải cách chế độ công vụ", 16, "", ""),
    ("5.1", "Vị trí việc làm và cơ cấu ngạch công chức", 5, "", ""),
    ("5.2", "Kỷ luật, kỷ cương hành chính", 5, "", ""),
    ("5.3", "Hài lòng về công chức giải quyết công việc", 6, S, Aspect.OFFICIALS),
    ("6", "Cải cách tài chính công", 8, "", ""),
    ("6.1", "Thực hiện dự toán ngân sách được giao", 4, "", ""),
    ("6.2", "Cơ chế tự chủ tài chính của đơn vị sự nghiệp", 4, "", ""),
    ("7", "Xây dựng và phát triển chính phủ điện tử, chính phủ số", 18, "", ""),
    ("7.1", "Hệ thống thông tin giải quyết thủ tục hành chính", 5, "", ""),
    ("7.2", "Cung cấp dịch vụ công trực tuyến toàn trình", 5, "", ""),
    ("7.3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 4, "", ""),
    ("7.4", "Hài lòng về tiếp cận dịch vụ", 4, S, Aspect.ACCESS),
]
GUIDANCE = "Đạt đầy đủ: điểm tối đa; đạt một phần: điểm tương ứng tỷ lệ hoàn thành; không thực hiện: 0 điểm."
EVIDENCE = "Văn bản, báo cáo hoặc số liệu trên hệ thống chứng minh kết quả."

QUESTIONS = [
    (Aspect.ACCESS, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về nơi ngồi chờ, trang thiết bị phục vụ?"),
    (Aspect.ACCESS, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về việc tra cứu thông tin, nộp hồ sơ "
                                               "trực tuyến?"),
    (Aspect.PROCEDURE, QuestionKind.PERCEPTION, "Thủ tục được niêm yết công khai, đầy đủ, dễ hiểu."),
    (Aspect.PROCEDURE, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về thành phần hồ sơ phải nộp?"),
    (Aspect.PROCEDURE, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về thời hạn giải quyết?"),
    (Aspect.OFFICIALS, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về thái độ của công chức?"),
    (Aspect.OFFICIALS, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về việc công chức hướng dẫn "
                                                  "kê khai hồ sơ?"),
    (Aspect.RESULT, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về kết quả nhận được?"),
    (Aspect.RESULT, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về việc nhận kết quả đúng hẹn?"),
    (Aspect.FEEDBACK, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về việc tiếp nhận góp ý, phản ánh?"),
    (Aspect.FEEDBACK, QuestionKind.SATISFACTION, "Ông/Bà hài lòng thế nào về việc trả lời phản ánh, kiến nghị?"),
    (Aspect.ACCESS, QuestionKind.EXPECTATION, "Ông/Bà mong cơ quan cải thiện điều gì nhất?"),
]
EXPECTATIONS = ["Rút ngắn thời gian giải quyết", "Giảm giấy tờ phải nộp", "Thái độ phục vụ",
                "Dịch vụ công trực tuyến dễ dùng hơn"]
AGREE = ["Hoàn toàn không đồng ý", "Không đồng ý", "Phân vân", "Đồng ý", "Hoàn toàn đồng ý"]


def tree_workbook() -> bytes:
    return criteria_xlsx.write([{"code": c, "name": n, "max_points": m, "guidance": GUIDANCE,
                                 "evidence_required": EVIDENCE, "is_survey": bool(s), "sipas_aspect": a}
                                for c, n, m, s, a in TREE])


def _user(org: Organisation, role: str):
    m = Membership.objects.filter(org=org, role=role, active=True).select_related("user").first()
    return m.user if m else None


def _surveyed() -> list[Organisation]:
    return list(Organisation.objects.filter(kind=OrgKind.AGENCY, successor__isnull=True).exclude(
        name=HOME_AFFAIRS).order_by("code"))


@transaction.atomic
def seed(*, random_seed: int = 2026, agencies: int = 5, surveyed: int = 8, responses_each: int = 40) -> dict:
    """Returns counts of what was made; does nothing when the 2026 agency tree exists."""
    if CriteriaTree.objects.filter(year=YEAR, org_type="agency").exists():
        return {}
    home = Organisation.objects.filter(name=HOME_AFFAIRS, successor__isnull=True).first()
    appraiser = home and _user(home, Role.APPRAISER)
    if appraiser is None:
        raise RuntimeError("Chưa có Sở Nội vụ và cán bộ thẩm định: hãy chạy 'cchc seed_demo' trước.")
    rng = random.Random(random_seed)

    qn = services.create_questionnaire(actor=appraiser, code="SIPAS", title=f"Phiếu khảo sát SIPAS năm {YEAR}",
                                       questions=[services.QuestionSpec(
                                           code=f"C{i}", aspect=a, kind=k, text=t,
                                           options=EXPECTATIONS if k == QuestionKind.EXPECTATION
                                           else AGREE if k == QuestionKind.PERCEPTION
                                           else list(services.SATISFACTION_SCALE))
                                           for i, (a, k, t) in enumerate(QUESTIONS, start=1)])
    services.publish_questionnaire(actor=appraiser, questionnaire_id=qn.id)
    forms = 0
    for org in _surveyed()[:surveyed]:
        c = services.open_campaign(actor=appraiser, questionnaire_id=qn.id, org_id=org.id,
                                   name=f"Khảo sát SIPAS {YEAR} — {org.name}", starts_on=date(YEAR, 1, 1),
                                   ends_on=date(YEAR, 12, 31))
        mood = rng.uniform(0.55, 0.95)  # each agency's share of satisfied users
        for _ in range(responses_each):
            answers = {}
            for i, (_a, kind, _t) in enumerate(QUESTIONS, start=1):
                if rng.random() < 0.05:
                    continue  # left blank
                if kind == QuestionKind.EXPECTATION:
                    answers[f"C{i}"] = rng.randint(1, len(EXPECTATIONS))
                else:
                    answers[f"C{i}"] = rng.choice((4, 5)) if rng.random() < mood else rng.choice((1, 2, 3))
            services.record_response(actor=appraiser, campaign_id=c.id, answers=answers,
                                     channel=ResponseChannel.PAPER,
                                     answered_on=date(YEAR, 1, 1) + timedelta(days=rng.randint(0, 330)))
            forms += 1

    report = services.import_criteria(actor=appraiser, year=YEAR, org_type="agency", data=tree_workbook(),
                                      title=f"Bộ chỉ số CCHC các sở, ban, ngành năm {YEAR}",
                                      sipas_questionnaire_id=qn.id)
    if not report.ok:
        raise RuntimeError("Bộ tiêu chí mẫu không hợp lệ: " + "; ".join(e.message for e in report.errors))
    tree_id = report.object_id
    services.set_deadlines(actor=appraiser, tree_id=tree_id, self_assessment_due=date(YEAR + 1, 1, 15),
                           appraisal_due=date(YEAR + 1, 2, 28), publication_due=date(YEAR + 1, 3, 31))
    leaves = [c for c, _n, _m, s, _a in TREE if not s and not any(o[0].startswith(c + ".") for o in TREE)]
    maxima = {c: Decimal(m) for c, _n, m, _s, _a in TREE}
    assessed = 0
    for org in _surveyed()[:agencies]:
        officer = _user(org, Role.REFORM)
        if officer is None:
            continue
        entries = [services.ScoreEntry(code, (maxima[code] * Decimal(rng.choice((2, 3, 4, 4, 4))) / 4),
                                       "Đã thực hiện theo kế hoạch; minh chứng kèm theo.") for code in leaves]
        services.save_self_scores(actor=officer, tree_id=tree_id, org_id=org.id, entries=entries)
        services.add_evidence(actor=officer, tree_id=tree_id, org_id=org.id, code="1.1.1",
                              name="ke-hoach-cchc-2026.pdf", content=_pdf(f"Ke hoach CCHC {YEAR} - {org.code}"))
        services.submit_self_assessment(actor=officer, tree_id=tree_id, org_id=org.id)
        lowered = rng.sample(leaves, 2)
        services.appraise(actor=appraiser, tree_id=tree_id, org_id=org.id, entries=[
            services.ScoreEntry(code, maxima[code] / 2, "Minh chứng chưa đầy đủ so với yêu cầu.") for code in lowered])
        services.set_survey_points(actor=appraiser, tree_id=tree_id, org_id=org.id, source=SurveySource.SIPAS)
        services.finish_appraisal(actor=appraiser, tree_id=tree_id, org_id=org.id)
        assessed += 1
    if assessed:
        services.publish_results(actor=appraiser, tree_id=tree_id)
    return {"responses": forms, "assessments": assessed, "tree_id": tree_id}


def _pdf(text: str) -> bytes:
    """A minimal one-page PDF, as an evidence file."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode("latin-1", "replace")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
