"""Back-office pages for feedback, included under /can-bo/phan-anh/ by cchc/office/urls.py."""
from django.urls import path

from . import office_views as views

app_name = "pakn"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("nhap/", views.enter, name="enter"),  # before <code>: "nhap" is never a feedback code (PAKN-…)
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/<str:action>/", views.act, name="act"),
]
