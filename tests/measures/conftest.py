"""The July 2025 fixture every measurement test counts on, built through the real services.

Calendar (no holidays in June–August 2025 except none used here): 1 Jul is a Tuesday. A
commune birth registration (1.001193) takes 5 working days: received on day D before 15:00,
due at 17:00 of the 5th working day after D. The criminal-record extract (2.000488) takes 10
working days, is received at the provincial centre and belongs to the Department of Justice
(its competent organisation). A third procedure 1.000999 (commune, offered offline only) is
in the catalogue with an empty "method" — a legacy record missing one of the seven parts.

| id | proc   | channel | received        | due             | what happens                                   | July verdict |
|----|--------|---------|-----------------|-----------------|------------------------------------------------|--------------|
| A  | birth  | desk    | Tue 01/07 09:00 | Tue 08/07 17:00 | finished 04/07, returned at the desk 07/07     | on time      |
| B  | birth  | online  | Tue 01/07 10:00 | Tue 08/07 17:00 | paid online 01/07, finished 03/07, e-result    | on time      |
| C  | birth  | desk    | Wed 25/06 09:00 | Wed 02/07 17:00 | apology 02/07 09:00, finished 03/07 (late)     | late         |
| D  | birth  | desk    | Mon 28/07 10:00 | Mon 04/08 17:00 | still processing on 31/07                      | on time      |
| E  | birth  | desk    | Mon 21/07 09:00 | Mon 28/07 17:00 | still processing on 31/07, past due            | late         |
| F  | birth  | desk    | Mon 14/07 09:00 | Mon 21/07 17:00 | supplement requested 15/07, never back (paused)| on time      |
| G  | birth  | desk    | Mon 07/07 09:00 | (moves)         | two supplement requests (2nd 10/07)            | late         |
| H  | birth  | desk    | Mon 02/06 09:00 | Mon 09/06 17:00 | finished 05/06 — before July: not counted      | —            |
| I  | birth  | desk    | Wed 30/07 09:00 | Wed 06/08 17:00 | finished Fri 01/08 — judged as open on 31/07   | on time      |
| J  | birth  | online  | never           | —               | refused 10/07: never on the clock              | —            |
| K  | record | desk    | Wed 02/07 09:00 | Wed 16/07 17:00 | justice → finance → justice, finished 10/07, e-result | on time (Justice) |
| L  | birth  | online  | Tue 15/07 09:00 | Tue 22/07 17:00 | finished 17/07, result returned at the desk    | on time      |

Components (provided / digitised / reused), counted for dossiers received in July:
A 2/1/0, B 2/2/1, C (June) 1/0/0, E 1/1/1, F 0 provided (one missing), H (June) 2/2/0, I 1/1/0, K 2/2/1.
Ratings (given in July): A kiosk 10 points (satisfied), B portal 18 (satisfied), C kiosk 2 (not
satisfied; appraised 0 because C was late and its 2 points were for the time criterion).
"""
from __future__ import annotations

import pytest
from tests.conftest import make_procedure

from cchc.catalog.models import ProcedureVersion
from cchc.dossiers import services as ds
from cchc.dossiers.services import Applicant, ComponentInput, Intake
from cchc.measures import services as ms
from cchc.org.models import Role

ALL_VERY = dict.fromkeys(
    ["thoi_gian_tong", "thoi_gian_tung_co_quan", "so_lan_lien_he", "so_co_quan_lien_he", "tiep_nhan_tra_ket_qua",
     "cong_khai_thu_tuc", "thai_do_can_bo", "tiep_thu_giai_trinh", "dich_vu_truc_tuyen"], "rat_hai_long")


def answers(default: str, **overrides) -> dict:
    return {**dict.fromkeys(ALL_VERY, default), **overrides}


def comps(*spec) -> list[ComponentInput]:
    """``comps((provided, digitised, reused), ...)``"""
    return [ComponentInput(name=f"Giấy tờ {i}", provided=p, digitised=d, reused=r) for i, (p, d, r) in enumerate(spec)]


class July:
    pass


@pytest.fixture
def july(world, clock):
    w, x = world, July()
    x.world = w
    x.legacy = make_procedure("1.000999", level="commune", amount=3, unit="working_days", online="none",
                              name="Chứng thực chữ ký", steps=[("Giải quyết", None, Role.LEADER, 100)])
    # a version imported before the seven-part check existed: published without its "method"
    ProcedureVersion.objects.filter(pk=x.legacy.pk).update(method="")

    def desk(code="1.001193", org=w.commune, actor=w.desk, components=()):
        return ds.receive_at_desk(actor=actor, intake=Intake(code, org.id, Applicant("Trần Văn Bình"),
                                                             components=list(components)))

    def online(components=()):
        return ds.submit_online(actor=w.citizen, intake=Intake("1.001193", w.commune.id, Applicant("Lê Thị Cúc"),
                                                               components=list(components)))

    def to_processing(d):
        return ds.hand_over(actor=w.desk, dossier_id=d.id)

    # H: June, finished before July
    clock.set(2025, 6, 2, 9, 0)
    x.H = desk(components=comps((True, True, False), (True, True, False)))
    to_processing(x.H)
    clock.set(2025, 6, 5, 10, 0)
    ds.finish(actor=w.leader, dossier_id=x.H.id)
    clock.set(2025, 6, 6, 10, 0)
    ds.return_result(actor=w.desk, dossier_id=x.H.id)

    # C: received in June, late in July with an apology
    clock.set(2025, 6, 25, 9, 0)
    x.C = desk(components=comps((True, False, False)))
    to_processing(x.C)
    clock.set(2025, 7, 2, 9, 0)
    ds.apologise(actor=w.leader, dossier_id=x.C.id, reason="Chờ xác minh",
                 new_due_at=clock.value.replace(day=4, hour=17))
    clock.set(2025, 7, 3, 10, 0)
    ds.finish(actor=w.leader, dossier_id=x.C.id)
    clock.set(2025, 7, 4, 9, 0)
    ds.return_result(actor=w.desk, dossier_id=x.C.id)
    clock.set(2025, 7, 4, 9, 30)
    ms.rate(actor=w.desk, dossier_id=x.C.id, channel="kiosk",
            answers=answers("khong_hai_long", thoi_gian_tong="rat_hai_long"))

    # A: desk, on time, returned at the desk, rated at the kiosk
    clock.set(2025, 7, 1, 9, 0)
    x.A = desk(components=comps((True, True, False), (True, False, False)))
    to_processing(x.A)
    clock.set(2025, 7, 4, 10, 0)
    ds.finish(actor=w.leader, dossier_id=x.A.id)
    clock.set(2025, 7, 7, 9, 0)
    ds.return_result(actor=w.desk, dossier_id=x.A.id)
    ms.rate(actor=w.desk, dossier_id=x.A.id, channel="kiosk",
            answers=answers("hai_long", thoi_gian_tong="rat_hai_long"))

    # B: online, paid online, electronic result, rated on the portal
    clock.set(2025, 6, 30, 20, 0)
    x.B = online(components=comps((True, True, True), (True, True, False)))
    clock.set(2025, 7, 1, 10, 0)
    ds.receive(actor=w.desk, dossier_id=x.B.id)
    to_processing(x.B)
    clock.set(2025, 7, 1, 11, 0)
    ds.request_payment(actor=w.specialist, dossier_id=x.B.id, amount=8000, description="Lệ phí")
    clock.set(2025, 7, 1, 14, 0)
    ds.record_payment(actor=w.citizen, dossier_id=x.B.id, online=True)
    clock.set(2025, 7, 3, 10, 0)
    ds.finish(actor=w.leader, dossier_id=x.B.id)
    ds.return_result(actor=w.desk, dossier_id=x.B.id, method="online")
    clock.set(2025, 7, 4, 8, 0)
    ms.rate(actor=w.citizen, dossier_id=x.B.id, channel="portal", answers=dict(ALL_VERY))

    # K: province-level at the centre, inter-agency, belongs to Justice
    clock.set(2025, 7, 2, 9, 0)
    x.K = desk("2.000488", w.centre, w.centre_desk, comps((True, True, True), (True, True, False)))
    ds.hand_over(actor=w.centre_desk, dossier_id=x.K.id)
    clock.set(2025, 7, 4, 9, 0)
    ds.hand_over(actor=w.justice_specialist, dossier_id=x.K.id)
    clock.set(2025, 7, 7, 9, 0)
    ds.hand_over(actor=w.finance_specialist, dossier_id=x.K.id)
    clock.set(2025, 7, 10, 9, 0)
    ds.finish(actor=w.justice_leader, dossier_id=x.K.id)
    ds.return_result(actor=w.centre_desk, dossier_id=x.K.id, method="online")

    # G: two supplement requests (the second with a reason) — late whatever the dates
    clock.set(2025, 7, 7, 9, 0)
    x.G = desk()
    to_processing(x.G)
    clock.set(2025, 7, 8, 9, 0)
    ds.request_supplement(actor=w.specialist, dossier_id=x.G.id, items=["Giấy chứng sinh"], reason="Thiếu")
    clock.set(2025, 7, 9, 9, 0)
    ds.receive_supplement(actor=w.desk, dossier_id=x.G.id)
    clock.set(2025, 7, 10, 9, 0)
    ds.request_supplement(actor=w.specialist, dossier_id=x.G.id, items=["Bản sao sổ hộ khẩu"], reason="Thiếu",
                          override_reason="Phát sinh yêu cầu mới của cơ quan phối hợp")

    # J: filed online, refused: never on the clock
    clock.set(2025, 7, 10, 10, 0)
    x.J = online()
    ds.refuse(actor=w.desk, dossier_id=x.J.id, reason="Sai thẩm quyền")

    # F: paused before its due date, never resumed
    clock.set(2025, 7, 14, 9, 0)
    x.F = desk(components=comps((False, False, False)))
    clock.set(2025, 7, 15, 10, 0)
    ds.request_supplement(actor=w.desk, dossier_id=x.F.id, items=["Tờ khai"], reason="Thiếu tờ khai")

    # L: online, result returned at the desk (not an online dossier for 3.3)
    clock.set(2025, 7, 14, 21, 0)
    x.L = online()
    clock.set(2025, 7, 15, 9, 0)
    ds.receive(actor=w.desk, dossier_id=x.L.id)
    to_processing(x.L)
    clock.set(2025, 7, 17, 10, 0)
    ds.finish(actor=w.leader, dossier_id=x.L.id)
    clock.set(2025, 7, 18, 10, 0)
    ds.return_result(actor=w.desk, dossier_id=x.L.id, method="desk")

    # E: open past its due date at the end of July
    clock.set(2025, 7, 21, 9, 0)
    x.E = desk(components=comps((True, True, True)))
    to_processing(x.E)

    # D: open, due in August
    clock.set(2025, 7, 28, 10, 0)
    x.D = desk()
    to_processing(x.D)

    # I: finished on 1 August, i.e. still open when July ended
    clock.set(2025, 7, 30, 9, 0)
    x.I = desk(components=comps((True, True, False)))
    to_processing(x.I)
    clock.set(2025, 8, 1, 10, 0)
    ds.finish(actor=w.leader, dossier_id=x.I.id)

    clock.set(2025, 8, 5, 9, 0)  # "now": everything above has happened
    for name in "ABCDEFGHIJKL":
        setattr(x, name, type(getattr(x, name)).objects.get(pk=getattr(x, name).pk))
    return x
