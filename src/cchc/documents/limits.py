"""What files the platform accepts (type by content, not by name) and how large. Pure, no Django."""
from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 20 * 1024 * 1024  # a scanned dossier component at 300 dpi rarely exceeds a few MB

# magic bytes → (content type, what officials call it)
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG"),
    (b"II*\x00", "image/tiff", "TIFF"),
    (b"MM\x00*", "image/tiff", "TIFF"),
)
ALLOWED = "PDF, PNG, JPEG, TIFF"


@dataclass(frozen=True)
class Rejection:
    code: str
    message: str


def sniff(data: bytes) -> str | None:
    """The content type told by the first bytes; None for anything we do not accept."""
    head = data[:1024].lstrip()  # some producers put a blank line before %PDF-
    for magic, content_type, _ in _SIGNATURES:
        if head.startswith(magic):
            return content_type
    return None


def check(data: bytes, *, max_bytes: int = MAX_BYTES) -> tuple[str | None, Rejection | None]:
    if not data:
        return None, Rejection("tep_rong", "Tệp rỗng, không có nội dung.")
    if len(data) > max_bytes:
        return None, Rejection("tep_qua_lon", f"Tệp quá lớn: tối đa {max_bytes // (1024 * 1024)} MB.")
    content_type = sniff(data)
    if content_type is None:
        return None, Rejection("loai_tep_khong_ho_tro", f"Loại tệp không được chấp nhận; chỉ nhận {ALLOWED}.")
    return content_type, None
