"""Settings, all from the environment (12-factor).

Embedded default: SQLite under ``var/`` and files on local disk, so one command runs the
platform on a bare laptop. Production: ``DATABASE_URL=postgres://...``.
"""
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("CCHC_VAR_DIR", Path.cwd() / "var"))


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or env_bool("CCHC_DEV", True)):
        raise RuntimeError("DJANGO_SECRET_KEY must be set in production")
    SECRET_KEY = "dev-only-not-secret-cchc"  # embedded default; production sets its own
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "*").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves Swagger UI assets locally instead of from a CDN
    "cchc.core",
    "cchc.calendar",
    "cchc.org",
    "cchc.catalog",
    "cchc.dossiers",
    "cchc.api",
    "cchc.documents",
    "cchc.measures",
    "cchc.plans",
    "cchc.assistant",
    "cchc.appraisal",
    "cchc.feedback",
    "cchc.notifications",
    "cchc.portal",
    "cchc.office",
    "cchc.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Vietnamese by default; English only when chosen with the language switcher (set_language)
    "cchc.office.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "cchc.urls"
WSGI_APPLICATION = "cchc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'cchc.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + IMMEDIATE transactions: concurrent writers wait instead of failing with
    # "database is locked" halfway through a dossier action.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a file, not Django's in-memory default: with memory, live-server threads would
    # share one connection and concurrency tests would prove nothing.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side parameters and prepared statements: an intake's INSERTs are planned once per
    # connection instead of once per request (measured in bench/, docs/benchmarks.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # var/ also holds the SQLite file and uploads
WHITENOISE_USE_FINDERS = True  # serve app assets even before collectstatic has run
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

LOGIN_URL = "/can-bo/dang-nhap/"
# Citizens sign in on the portal with a phone number or an e-mail address (cchc.portal.accounts).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "cchc.portal.accounts.PhoneOrEmailBackend"]
# Sign-in through an OpenID Connect identity provider (e.g. the national e-ID); off unless the
# issuer and client id are set. The redirect URI to register at the provider is
# https://<portal>/tai-khoan/oidc/callback/ (or CCHC_OIDC_REDIRECT_URI behind a proxy). ADR 0015.
CCHC_OIDC_ISSUER = os.environ.get("CCHC_OIDC_ISSUER", "")
CCHC_OIDC_CLIENT_ID = os.environ.get("CCHC_OIDC_CLIENT_ID", "")
CCHC_OIDC_CLIENT_SECRET = os.environ.get("CCHC_OIDC_CLIENT_SECRET", "")
CCHC_OIDC_SCOPES = os.environ.get("CCHC_OIDC_SCOPES", "openid profile email")
CCHC_OIDC_NAME = os.environ.get("CCHC_OIDC_NAME", "VNeID")  # what the sign-in button calls the provider
CCHC_OIDC_REDIRECT_URI = os.environ.get("CCHC_OIDC_REDIRECT_URI", "")

# --- cchc domain settings (data that may change by decision) ---
# Dossier code = organisation identifier + receipt date + sequence. The exact separators of
# TT 03/2025 are to be confirmed, so the format is configuration (see docs/adr/0003).
CCHC_DOSSIER_CODE_FORMAT = os.environ.get("CCHC_DOSSIER_CODE_FORMAT", "{org}-{date:%y%m%d}-{seq:04d}")
CCHC_DEFAULT_CUTOFF = os.environ.get("CCHC_DEFAULT_CUTOFF", "15:00")
# Key for encrypting identity numbers at rest (Nghị định 13/2023). Derived from SECRET_KEY
# when not set, so the embedded default works; production sets its own and keeps it.
CCHC_IDENTITY_KEY = os.environ.get("CCHC_IDENTITY_KEY", "")
# The portal's address as citizens reach it, for links in e-mail and SMS (opt-out, ADR 0012). Messages
# are sent by a timer outside any request, so no Host header can tell it: production must set it.
CCHC_SITE_URL = os.environ.get("CCHC_SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
