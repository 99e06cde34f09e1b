"""Every API error is JSON: a stable machine ``code``, a Vietnamese ``message`` and ``details``."""
from django.http import Http404
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from cchc.core.errors import DomainError


class Error(Schema):
    """The body of every error response (4xx)."""

    code: str = Field(description="Mã lỗi ổn định để máy đọc, ví dụ `chuyen_trang_thai_khong_hop_le`")
    message: str = Field(description="Thông báo bằng tiếng Việt cho người dùng")
    details: dict = Field(description="Chi tiết: trường sai (`errors`, `field`), giá trị liên quan")


def responses(*statuses: int) -> dict:
    """``response=`` entries documenting the error statuses an operation can answer."""
    return {status: Error for status in statuses}


def body(code: str, message: str, details=None) -> dict:
    return {"code": code, "message": message, "details": details or {}}


# Errors ninja raises itself, worded for our users (the original text stays in ``details``).
_HTTP = {
    400: ("yeu_cau_khong_hop_le", "Yêu cầu không hợp lệ."),
    403: ("khong_co_quyen", "Bạn không có quyền thực hiện thao tác này."),
    429: ("qua_nhieu_yeu_cau", "Quá nhiều yêu cầu, xin thử lại sau."),
}


def install(api) -> None:
    def invalid(request, fields: list[dict]):
        return api.create_response(
            request, body("du_lieu_khong_hop_le", "Dữ liệu gửi lên không hợp lệ.", {"errors": fields}), status=422
        )

    @api.exception_handler(DomainError)
    def domain_error(request, exc: DomainError):
        return api.create_response(request, body(exc.code, exc.message, exc.details), status=exc.status)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request, exc: NinjaValidationError):
        return invalid(request, [
            {"field": ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "payload", "query")),
             "error": e.get("type"), "detail": e.get("msg")} for e in exc.errors
        ])

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = api.create_response(
            request, body("chua_xac_thuc", "Cần đăng nhập hoặc khóa API hợp lệ."), status=401
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, body("khong_tim_thay", "Không tìm thấy."), status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        if isinstance(exc.__cause__, ValueError):
            # ninja reports a body that is not JSON as HttpError(400); to clients it is invalid input
            return invalid(request, [{"field": "", "error": "json_invalid", "detail": str(exc.__cause__)}])
        code, message = _HTTP.get(exc.status_code, ("loi_http", "Yêu cầu không được chấp nhận."))
        return api.create_response(request, body(code, message, {"detail": str(exc)}), status=exc.status_code)
