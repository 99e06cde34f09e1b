"""A small catalogue, indexed for real (the bundled model runs here): names from the demo catalogue."""
import pytest
from django.core.cache import cache
from tests.browser.conftest import chromium, open_page  # noqa: F401 - the widget's browser tests
from tests.conftest import make_procedure

from cchc.assistant import search, services
from cchc.org.models import Role

ONE_STEP = [("Xử lý", None, Role.SPECIALIST, 100)]


@pytest.fixture
def catalogue(world):
    w = world
    w.marriage = make_procedure("1.000398", level="commune", amount=5, unit="working_days", name="Đăng ký kết hôn",
                                steps=ONE_STEP)
    w.house = make_procedure("1.013435", level="commune", amount=15, unit="days", steps=ONE_STEP,
                             name="Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ")
    w.complaint_commune = make_procedure("1.009037", level="commune", amount=30, unit="days", steps=ONE_STEP,
                                         name="Thủ tục giải quyết khiếu nại lần đầu tại cấp xã")
    w.complaint_province = make_procedure("1.005863", level="province", amount=30, unit="days", steps=ONE_STEP,
                                          competent=w.justice, name="Thủ tục giải quyết khiếu nại lần đầu tại cấp tỉnh")
    w.lost_title = make_procedure(
        "1.013777", level="province", amount=10, unit="working_days", steps=ONE_STEP, competent=w.justice,
        name="Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất")
    w.draft = make_procedure("1.001044", level="province", amount=5, unit="working_days", steps=ONE_STEP,
                             competent=w.justice, name="Giải thể doanh nghiệp", publish=False)
    # In a test transaction the publication hook waits for a commit that never comes: index now.
    services.index_versions(actor=None, version_ids=[w.birth.pk, w.record.pk, w.marriage.pk, w.house.pk,
                                                     w.complaint_commune.pk, w.complaint_province.pk,
                                                     w.lost_title.pk, w.draft.pk])
    search.forget()
    cache.clear()  # rate-limit counters
    return w
