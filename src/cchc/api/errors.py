"""Every API error is JSON: a stable machine ``code``, a Vietnamese ``message`` and ``details``."""
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from cchc.core.errors import DomainError


def body(code: str, message: str, details=None) -> dict:
    return {"code": code, "message": message, "details": details or {}}


def install(api) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request, exc: DomainError):
        return api.create_response(request, body(exc.code, exc.message, exc.details), status=exc.status)

    @api.exception_handler(NinjaValidationError)
    def invalid(request, exc: NinjaValidationError):
        fields = [{"field": ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "payload", "query")),
                   "error": e.get("type"), "detail": e.get("msg")} for e in exc.errors]
        return api.create_response(
            request, body("du_lieu_khong_hop_le", "Dữ liệu gửi lên không hợp lệ.", {"errors": fields}), status=422
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return api.create_response(
            request, body("chua_xac_thuc", "Cần đăng nhập hoặc khóa API hợp lệ."), status=401
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, body("khong_tim_thay", "Không tìm thấy."), status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return api.create_response(request, body("loi_http", str(exc)), status=exc.status_code)
