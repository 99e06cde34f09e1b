"""Web pages of this app (mounted at /ke-hoach/ in cchc/urls.py)."""
from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:plan_id>/", views.plan_detail, name="detail"),
    path("nhap/", views.import_upload, name="import"),
    path("nhap/xac-nhan/", views.import_confirm, name="import_confirm"),
]
