"""Web pages of this app (mounted at /thong-bao/ in cchc/urls.py)."""
from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("t/<str:token>/", views.by_link, name="link"),
]
