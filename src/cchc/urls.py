from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path, re_path

from cchc.api.urls import api

admin.site.site_header = "Quản trị cchc"
admin.site.site_title = "cchc"
admin.site.index_title = "Quản trị hệ thống cải cách hành chính"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # an unknown API address still answers in the API's error format
    re_path(r"^api/", lambda request, *a, **k: JsonResponse(
        {"code": "khong_tim_thay", "message": "Không có địa chỉ API này.", "details": {"path": request.path}},
        status=404)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("giay-to/", include("cchc.documents.urls")),
    path("chi-so/", include("cchc.measures.urls")),
    path("ke-hoach/", include("cchc.plans.urls")),
    path("tro-ly/", include("cchc.assistant.urls")),
    path("danh-gia/", include("cchc.appraisal.urls")),
    path("phan-anh/", include("cchc.feedback.urls")),
    path("thong-bao/", include("cchc.notifications.urls")),
    path("can-bo/ke-hoach/", include("cchc.plans.office_urls")),
    path("can-bo/", include("cchc.office.urls")),
    path("", include("cchc.portal.urls")),
]
