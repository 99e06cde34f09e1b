"""Web pages of this app (mounted in cchc/urls.py)."""
from django.urls import path

from . import views

app_name = "measures"
urlpatterns: list = [
    path("", views.index_page, name="index"),
    path("bang-dieu-khien/", views.dashboard_page, name="dashboard"),
    path("xuat.xlsx", views.index_export, name="export"),
    path("ho-so/", views.dossiers_page, name="dossiers"),
]
