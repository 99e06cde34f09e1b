"""Web pages of this app (mounted at /tro-ly/ in cchc/urls.py)."""
from django.urls import path

from . import views

app_name = "assistant"
urlpatterns = [path("", views.ask_page, name="ask")]
