"""Domain errors: each has a stable machine ``code``, an HTTP status and a Vietnamese message.

Services raise these; the API (and the web views) turn them into responses. Keeping the code
stable matters more than the wording: integrators match on ``code``.
"""
from __future__ import annotations


class DomainError(Exception):
    code = "loi_nghiep_vu"
    status = 400
    message = "Yêu cầu không hợp lệ."

    def __init__(self, message: str | None = None, *, details: dict | None = None, code: str | None = None):
        self.message = message or self.message
        self.details = details or {}
        if code:
            self.code = code
        super().__init__(self.message)


class ValidationFailed(DomainError):
    code = "du_lieu_khong_hop_le"
    status = 422
    message = "Dữ liệu không hợp lệ."


class NotFound(DomainError):
    code = "khong_tim_thay"
    status = 404
    message = "Không tìm thấy."


class PermissionDenied(DomainError):
    code = "khong_co_quyen"
    status = 403
    message = "Bạn không có quyền thực hiện thao tác này."


class Conflict(DomainError):
    code = "xung_dot"
    status = 409
    message = "Yêu cầu xung đột với trạng thái hiện tại."


class TransitionNotAllowed(Conflict):
    code = "chuyen_trang_thai_khong_hop_le"
    message = "Thao tác không được phép ở trạng thái hiện tại của hồ sơ."


class ReasonRequired(ValidationFailed):
    code = "thieu_ly_do"
    message = "Thao tác này bắt buộc phải ghi rõ lý do."


class CalendarNotReady(Conflict):
    code = "lich_chua_co_du_lieu"
    message = "Chưa có dữ liệu lịch làm việc cho thời gian này; quản trị viên cần nhập lịch nghỉ."
