"""Back-office pages of reform plans, mounted at /can-bo/ke-hoach/ (one line in cchc/urls.py)."""
from django.urls import path

from . import inspection_views, report_views, task_views, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:plan_id>/", views.plan_detail, name="detail"),
    path("nhap/", views.import_upload, name="import"),
    path("nhap/xac-nhan/", views.import_confirm, name="import_confirm"),
    path("chi-tieu/<int:target_id>/", views.target_binding, name="target"),
    path("nhiem-vu/<int:task_id>/", task_views.task_detail, name="task"),
    path("minh-chung/<str:kind>/<int:pk>/", task_views.evidence, name="evidence"),
    path("bao-cao/", report_views.report_list, name="reports"),
    path("bao-cao/<int:report_id>/", report_views.report_detail, name="report"),
    path("bao-cao/<int:report_id>/<str:fmt>/", report_views.report_file, name="report_file"),
    path("kiem-tra/", inspection_views.plan_list, name="inspections"),
    path("kiem-tra/<int:plan_id>/", inspection_views.plan_detail, name="inspection_plan"),
    path("kiem-tra/cuoc/<int:inspection_id>/", inspection_views.inspection_detail, name="inspection"),
]
