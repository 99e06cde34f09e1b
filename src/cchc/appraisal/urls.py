"""Web pages of this app, mounted at /danh-gia/ in cchc/urls.py."""
from django.urls import path

from . import views
from .models import ResponseChannel

app_name = "appraisal"
urlpatterns = [
    path("", views.index, name="index"),
    path("khao-sat/<str:token>/", views.survey, name="survey"),
    path("khao-sat/<str:token>/quay/", views.survey, {"channel": ResponseChannel.KIOSK}, name="survey-kiosk"),
    path("khao-sat/<str:token>/phieu-giay/", views.survey, {"channel": ResponseChannel.PAPER}, name="survey-paper"),
    path("sipas/", views.sipas_results, name="sipas"),
    path("chi-so/<int:tree_id>/<str:org_code>/tu-danh-gia/", views.self_assessment, name="self-assessment"),
    path("chi-so/<int:tree_id>/<str:org_code>/tham-dinh/", views.appraisal, name="appraisal"),
    path("xep-hang/<int:tree_id>/", views.ranking, name="ranking"),
    path("minh-chung/<int:evidence_id>/", views.evidence_file, name="evidence"),
]
