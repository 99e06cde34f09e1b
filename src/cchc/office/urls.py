"""Back-office pages (mounted at /can-bo/ in cchc/urls.py)."""
from django.contrib.auth import views as auth
from django.urls import include, path

from . import result_views, views

app_name = "office"
urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", auth.LoginView.as_view(template_name="office/login.html",
                                              next_page="office:home"), name="login"),
    path("dang-xuat/", auth.LogoutView.as_view(next_page="office:login"), name="logout"),
    path("tiep-nhan/", views.receive, name="receive"),
    path("tiep-nhan/<str:code>/xong/", views.received, name="received"),
    path("so-theo-doi/", views.register, name="register"),
    path("ho-so/<str:code>/", views.dossier, name="dossier"),
    path("ho-so/<str:code>/ket-qua/", result_views.issue, name="issue_result"),
    path("ho-so/<str:code>/ket-qua/<int:pk>/", result_views.result_file, name="result_file"),
    path("ho-so/<str:code>/ket-qua/<int:pk>/xac-minh/", result_views.verify, name="verify_result"),
    path("ho-so/<str:code>/<str:action>/", views.act, name="act"),
    path("phan-anh/", include("cchc.feedback.office_urls")),
]
