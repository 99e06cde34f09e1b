import pytest

from cchc.feedback.rules import HIDDEN, allowed, redact


@pytest.mark.parametrize("text, names, expected", [
    ("Gọi tôi số 0905 123 456", (), f"Gọi tôi số {HIDDEN}"),
    ("SĐT +84905123456.", (), f"SĐT {HIDDEN}."),
    ("CCCD 079123456789 cấp 2021", (), f"CCCD {HIDDEN} cấp 2021"),
    ("Thư: hoa.nguyen@example.vn", (), f"Thư: {HIDDEN}"),
    ("Tôi là Nguyễn Thị Hoa, học khoa Luật", ("Nguyễn Thị Hoa", "Hoa"), f"Tôi là {HIDDEN}, học khoa Luật"),
    ("Lệ phí 8000 đồng, thủ tục 1.001193", (), "Lệ phí 8000 đồng, thủ tục 1.001193"),
])
def test_redact(text, names, expected):
    assert redact(text, names=names) == expected


@pytest.mark.parametrize("action, state, ok", [
    ("publish", "answered", True), ("publish", "processing", False), ("answer", "received", False),
    ("refuse", "received", True), ("refuse", "answered", False), ("provide_info", "info_requested", True),
])
def test_transitions(action, state, ok):
    assert allowed(action, state) is ok
