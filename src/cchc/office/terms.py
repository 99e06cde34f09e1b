"""Words other apps define only in Vietnamese: model choices of the catalogue, dossiers and
organisations, the action labels of the transition table, the portal timeline's words.

Marked here with gettext_noop so ``makemessages`` carries them into the English catalogue; the
screens translate the value at display time (``{% translate d.get_status_display %}``,
``gettext(label)``). tests/office/test_i18n.py fails when a label is added there but not here.
"""
from django.utils.translation import gettext_noop as _

STATUS = [_("Mới đăng ký"), _("Được tiếp nhận"), _("Không được tiếp nhận"), _("Đang xử lý"),
          _("Yêu cầu bổ sung giấy tờ"), _("Yêu cầu thực hiện nghĩa vụ tài chính"), _("Công dân yêu cầu rút hồ sơ"),
          _("Dừng xử lý"), _("Đã xử lý xong"), _("Đã trả kết quả")]
CHANNEL = [_("Trực tiếp"), _("Trực tuyến"), _("Bưu chính công ích")]
RETURN_METHOD = [_("Tại Bộ phận Một cửa"), _("Qua bưu chính"), _("Trực tuyến (bản điện tử)")]
APPLICANT_KIND = [_("Cá nhân"), _("Tổ chức, doanh nghiệp")]
LEVEL = [_("Cấp tỉnh"), _("Cấp xã"), _("Cấp trung ương (tiếp nhận tại địa phương)")]
TIME_UNIT = [_("giờ làm việc"), _("ngày làm việc"), _("ngày"), _("tháng")]
ONLINE_LEVEL = [_("Toàn trình"), _("Một phần"), _("Không")]
FEE_KIND = [_("Phí"), _("Lệ phí")]
COMPONENT_FORM = [_("Bản chính"), _("Bản sao"), _("Bản sao chứng thực"), _("Bản chính hoặc bản sao")]
HANDOVER_RESULT = [_("Trước hạn"), _("Đúng hạn"), _("Quá hạn")]
ROLE = [_("Công chức Bộ phận Một cửa"), _("Chuyên viên thụ lý"), _("Lãnh đạo"), _("Văn thư"), _("Chuyên viên CCHC"),
        _("Thẩm định (Sở Nội vụ)"), _("Quản trị hệ thống")]
ACTION = [_("Tiếp nhận"), _("Từ chối tiếp nhận"), _("Chuyển xử lý"), _("Yêu cầu bổ sung"), _("Nhận bổ sung"),
          _("Yêu cầu nghĩa vụ tài chính"), _("Ghi nhận đã nộp"), _("Rút hồ sơ"), _("Dừng xử lý"),
          _("Hoàn thành xử lý"), _("Trả kết quả"), _("Xin lỗi, hẹn lại")]
STEP = [_("Hồ sơ đã được nộp trực tuyến, chờ tiếp nhận"), _("Bộ phận Một cửa đã tiếp nhận hồ sơ"),
        _("Hồ sơ không được tiếp nhận"), _("Hồ sơ được chuyển sang bước xử lý tiếp theo"),
        _("Cơ quan yêu cầu bổ sung giấy tờ (tạm dừng tính thời hạn)"), _("Đã nhận giấy tờ bổ sung, tiếp tục xử lý"),
        _("Cơ quan yêu cầu nộp phí, lệ phí hoặc nghĩa vụ tài chính"), _("Đã ghi nhận khoản nộp, tiếp tục xử lý"),
        _("Hồ sơ đã được rút theo yêu cầu"), _("Cơ quan dừng xử lý hồ sơ"),
        _("Đã xử lý xong, kết quả chuyển về nơi trả kết quả"), _("Đã trả kết quả"),
        _("Cơ quan gửi thư xin lỗi và hẹn lại ngày trả kết quả"), _("Đã đính kèm bản điện tử của giấy tờ"),
        _("Dùng lại giấy tờ đã số hóa, không phải nộp lại"), _("Cơ quan đã ban hành kết quả điện tử"),
        _("Người nộp đã đánh giá mức độ hài lòng"), _("Hồ sơ được cập nhật")]
