"""Public portal pages (mounted at "/" in cchc/urls.py)."""
from django.urls import path

from . import account_views, citizen_views, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("thu-tuc/", views.procedures, name="procedures"),
    path("thu-tuc/<str:code>/", views.procedure, name="procedure"),
    path("tra-cuu/", views.lookup, name="lookup"),
    # citizen accounts
    path("tai-khoan/dang-ky/", account_views.sign_up, name="sign_up"),
    path("tai-khoan/dang-nhap/", account_views.sign_in, name="sign_in"),
    path("tai-khoan/dang-xuat/", account_views.sign_out, name="sign_out"),
    path("tai-khoan/oidc/", account_views.oidc_start, name="oidc_start"),
    path("tai-khoan/oidc/callback/", account_views.oidc_callback, name="oidc_callback"),
    # online submission and the citizen's own dossiers
    path("thu-tuc/<str:code>/nop-truc-tuyen/", citizen_views.submit, name="submit"),
    path("ho-so-cua-toi/", citizen_views.my_dossiers, name="my_dossiers"),
    path("ho-so-cua-toi/<str:code>/", citizen_views.my_dossier, name="my_dossier"),
    path("ho-so-cua-toi/<str:code>/da-nop/", citizen_views.submitted, name="submitted"),
    path("ho-so-cua-toi/<str:code>/mau-<str:form>.pdf", citizen_views.form_pdf, name="form_pdf"),
    path("ho-so-cua-toi/<str:code>/danh-gia/", citizen_views.rate, name="rate"),
    path("ho-so-cua-toi/<str:code>/ket-qua/<int:pk>/", citizen_views.result_file, name="result_file"),
    path("ho-so-cua-toi/<str:code>/bo-sung/", citizen_views.supplement, name="supplement"),
    path("ho-so-cua-toi/<str:code>/rut-ho-so/", citizen_views.withdraw, name="withdraw"),
]
