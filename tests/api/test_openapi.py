"""The committed OpenAPI document is the contract: CI fails when the code drifts from it."""
import difflib
import json
from pathlib import Path

from django.core.management import call_command

SPEC = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_committed_spec_matches_the_code(tmp_path):
    out = tmp_path / "openapi.json"
    call_command("export_openapi", str(out))
    live, committed = out.read_text(encoding="utf-8"), SPEC.read_text(encoding="utf-8")
    if live != committed:
        diff = "".join(list(difflib.unified_diff(
            committed.splitlines(True), live.splitlines(True), "docs/openapi.json", "code"))[:60])
        raise AssertionError("docs/openapi.json khác với API trong mã nguồn. Nếu thay đổi là chủ ý, "
                             f"chạy `make openapi` rồi commit tệp.\n{diff}")


def test_spec_is_openapi_31_and_documents_every_error():
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.1.")
    assert set(spec["components"]["schemas"]["Error"]["required"]) == {"code", "message", "details"}
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            secured = bool(op.get("security"))
            expected = {"400", "401", "403", "404", "409", "422"} if secured else set()
            documented = {status for status, r in op["responses"].items() if r.get("content") == error}
            assert expected <= documented, f"{method.upper()} {path} thiếu mô tả lỗi {expected - documented}"
            assert all(s in documented for s in op["responses"] if s.startswith("4")), (method, path)
