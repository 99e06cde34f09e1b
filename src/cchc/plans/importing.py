"""Upload → parse → review: the draft travels to the review screen and back signed, so nothing
is stored before a person confirms (``services.confirm_import``)."""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from django.core import signing

from cchc.core.errors import ValidationFailed
from cchc.org.models import Organisation

from .parsing import PlanDraft, parse

SALT = "cchc.plans.import"
MAX_BYTES = 10 * 1024 * 1024
MAX_AGE = 24 * 3600


def org_rows() -> list[tuple[int, str, str, str]]:
    return list(Organisation.objects.filter(successor__isnull=True).values_list("id", "name", "short_name", "kind"))


def _jsonable(obj):
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    return obj


def to_payload(draft: PlanDraft, source_name: str) -> dict:
    payload = _jsonable(asdict(draft))
    payload["source_name"] = source_name
    return payload


def preview(data: bytes, filename: str) -> dict:
    if len(data) > MAX_BYTES:
        raise ValidationFailed("Tệp quá lớn (tối đa 10 MB).", code="tep_qua_lon")
    return to_payload(parse(data, filename, org_rows()), filename)


def sign(payload: dict) -> str:
    return signing.dumps(payload, salt=SALT, compress=True)


def unsign(token: str) -> dict:
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise ValidationFailed("Bản xem trước đã hết hạn, hãy tải tệp lên lại.", code="ban_xem_truoc_het_han") from None
    except signing.BadSignature:
        raise ValidationFailed("Dữ liệu xem trước không hợp lệ.", code="ban_xem_truoc_khong_hop_le") from None


def review_summary(payload: dict) -> dict:
    """What the review screen must draw attention to."""
    tasks = payload.get("tasks", [])
    return {
        "unresolved_orgs": sorted({r["text"] for t in tasks for r in t["leads"] + t["coordinating"]
                                   if r["status"] in ("unresolved", "suggested")}),
        "tasks_without_lead": [i for i, t in enumerate(tasks)
                               if not any(r["status"] == "resolved" for r in t["leads"])],
        "unknown_deadlines": [i for i, t in enumerate(tasks) if t.get("time") and t["time"]["kind"] == "unknown"],
        "unbound_targets": [i for i, t in enumerate(payload.get("targets", [])) if not t.get("measure")],
        "warnings": payload.get("warnings", []),
    }


def dumps(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False)
