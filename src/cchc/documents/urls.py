"""Web pages of this app (mounted at /giay-to/ in cchc/urls.py)."""
from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("xac-minh/", views.verify, name="verify"),
    path("ho-so/<str:code>/mau-<str:form>.<str:fmt>", views.dossier_form, name="dossier_form"),
]
