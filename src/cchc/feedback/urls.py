"""Web pages of this app (mounted at /phan-anh/ in cchc/urls.py)."""
from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.search, name="search"),
    path("gui/", views.send, name="send"),
    path("<str:code>/", views.detail, name="detail"),
]
