from django.contrib import admin
from django.urls import include, path

from cchc.api.urls import api
from cchc.core.views import home

admin.site.site_header = "Quản trị cchc"
admin.site.site_title = "cchc"
admin.site.index_title = "Quản trị hệ thống cải cách hành chính"

urlpatterns = [
    path("", home, name="home"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
