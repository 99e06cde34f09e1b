"""What each recorded dossier action means, said plainly to the citizen and the officer.

Pure Python: the words for the audit trail's action names (cchc.dossiers.services._audit).
"""
from __future__ import annotations

STEP_WORDS = {
    "submit_online": "Hồ sơ đã được nộp trực tuyến, chờ tiếp nhận",
    "receive_at_desk": "Bộ phận Một cửa đã tiếp nhận hồ sơ",
    "receive": "Bộ phận Một cửa đã tiếp nhận hồ sơ",
    "refuse": "Hồ sơ không được tiếp nhận",
    "hand_over": "Hồ sơ được chuyển sang bước xử lý tiếp theo",
    "request_supplement": "Cơ quan yêu cầu bổ sung giấy tờ (tạm dừng tính thời hạn)",
    "receive_supplement": "Đã nhận giấy tờ bổ sung, tiếp tục xử lý",
    "request_payment": "Cơ quan yêu cầu nộp phí, lệ phí hoặc nghĩa vụ tài chính",
    "record_payment": "Đã ghi nhận khoản nộp, tiếp tục xử lý",
    "withdraw": "Hồ sơ đã được rút theo yêu cầu",
    "stop": "Cơ quan dừng xử lý hồ sơ",
    "finish": "Đã xử lý xong, kết quả chuyển về nơi trả kết quả",
    "return_result": "Đã trả kết quả",
    "apologise": "Cơ quan gửi thư xin lỗi và hẹn lại ngày trả kết quả",
    # documents and ratings (cchc.documents.services, cchc.measures.services)
    "attach_file": "Đã đính kèm bản điện tử của giấy tờ",
    "reuse_document": "Dùng lại giấy tờ đã số hóa, không phải nộp lại",
    "issue_result": "Cơ quan đã ban hành kết quả điện tử",
    "rate": "Người nộp đã đánh giá mức độ hài lòng",
}


def step_words(action: str) -> str:
    return STEP_WORDS.get(action, "Hồ sơ được cập nhật")
