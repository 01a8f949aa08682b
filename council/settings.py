"""Witan settings, read from the environment (12-factor).

Every value a deployment changes comes from an environment variable, optionally
through a `.env` file beside `manage.py` (see `.env.example`). The defaults are
the safe production ones: `DEBUG` is off, cookies are secure and HTTPS is
enforced, so `manage.py check --deploy` is clean once a real `SECRET_KEY` is set.
"""

import sys
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    env.read_env(str(BASE_DIR / ".env"))

DEBUG = env.bool("DEBUG", default=False)

# Commands that sign nothing (no sessions, tokens or emails) may run without the real key, so that
# `manage.py makemigrations --check` works on a developer's machine with an empty environment.
OFFLINE_COMMANDS = {"check", "makemigrations", "showmigrations", "sqlmigrate", "collectstatic", "help"}

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105
    elif len(sys.argv) > 1 and Path(sys.argv[0]).name == "manage.py" and sys.argv[1] in OFFLINE_COMMANDS:
        SECRET_KEY = get_random_secret_key()
    else:
        raise ImproperlyConfigured(
            "Set SECRET_KEY in the environment (or .env): it is required when DEBUG is off."
        )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "council",
    "meetings",
    "reports",
    "decisions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a refused log-in into the "signing in is paused" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "council.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "council.context_processors.council",
            ],
        },
    },
]

WSGI_APPLICATION = "council.wsgi.application"
ASGI_APPLICATION = "council.asgi.application"

# With no DATABASE_URL the site runs on an embedded SQLite file; production and
# CI set DATABASE_URL=postgres://... (PostgreSQL 15+).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker and the web server use the file at the same time.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    # Wait up to 30 s for another process's write lock (a pack build swapping its packs in) rather
    # than failing at once with "database is locked" (sqlite3's default wait is 5 s).
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 30)
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff:dashboard"
LOGOUT_REDIRECT_URL = "home"

# Sign-in throttling (django-axes; council/throttling.py). Failed log-ins are recorded in the database,
# so the count holds across processes. Ten failures for one account from one address pause signing
# in to it from there for the cool-off; a higher limit pauses an address that fails across many
# accounts. /accounts/login/ and /admin/login/ share the lock; every attempt while paused, even with
# the right password, is refused (HTTP 429) and restarts the cool-off. A successful log-in, or a
# password reset, clears the account's count.
AUTHENTICATION_BACKENDS = [
    "council.throttling.SignInLockBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("SIGN_IN_FAILURE_LIMIT", default=10)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = "council.throttling.sign_in_cool_off"
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "council.throttling.SignInAttemptHandler"
AXES_LOCKOUT_CALLABLE = "council.views.sign_in.sign_in_paused"
# The client address for both throttles: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies
# the X-Forwarded-For entry that the proxies themselves appended (see council/throttling.py).
AXES_CLIENT_IP_CALLABLE = "council.throttling.client_ip_address"
# The lock needs only the failures; no record of every successful log-in (and its address) is kept.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
WITAN_THROTTLING = {
    "SIGN_IN_COOL_OFF_MINUTES": env.int("SIGN_IN_COOL_OFF_MINUTES", default=15),
    # Failures from one address, across all accounts, within the cool-off.
    "SIGN_IN_ADDRESS_FAILURE_LIMIT": env.int("SIGN_IN_ADDRESS_FAILURE_LIMIT", default=50),
    # Password-reset emails per email address, and reset requests per client address, per hour.
    "PASSWORD_RESET_EMAILS_PER_HOUR": env.int("PASSWORD_RESET_EMAILS_PER_HOUR", default=3),
    "PASSWORD_RESET_REQUESTS_PER_ADDRESS_PER_HOUR": env.int(
        "PASSWORD_RESET_REQUESTS_PER_ADDRESS_PER_HOUR", default=20
    ),
    # Reverse proxies in front of Witan that append to X-Forwarded-For (nginx, a load balancer).
    "TRUSTED_PROXY_COUNT": env.int(
        "TRUSTED_PROXY_COUNT", default=1 if env.bool("BEHIND_TLS_PROXY", default=False) else 0
    ),
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Front-end packages come from npm (package.json + package-lock.json), never a CDN.
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
# MEDIA_ROOT holds only what is public by nature (the logo, councillors' photos) and may be served by
# the web server. Papers (uploads, packs, rendered documents) live in DOCUMENTS_ROOT, which must never
# be: each file is sent by a view that asks the visibility rules (R4; council/storage.py).
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
DOCUMENTS_ROOT = env.path("DOCUMENTS_ROOT", default=BASE_DIR / "documents")
# Production serves `collectstatic` output with hashed names through WhiteNoise; development
# and tests (STATIC_MANIFEST=false) serve straight from the source folders.
STATIC_MANIFEST = not DEBUG and env.bool("STATIC_MANIFEST", default=True)
STORAGES = {
    "default": {"BACKEND": env("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage")},
    "documents": {"BACKEND": env("DOCUMENTS_STORAGE", default="council.storage.PrivateFileSystemStorage")},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = not STATIC_MANIFEST
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email: EMAIL_URL=smtp+tls://user:password@host:587 in production; the console in development.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="democratic.services@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Background work (agenda packs, notifications) runs through Django's tasks framework,
# stored in the database by default so no extra server is needed (`make worker`).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# The default cache lives in each process's memory: enough for `make run` and the tests. Production
# runs several processes, so set CACHE_URL to a shared cache for the password-reset limits (and the
# report PDF cache) to hold across them: redis://127.0.0.1:6379/1, or dbcache://witan_cache after
# `manage.py createcachetable` (add ?max_entries=100000: the database cache culls at 300 entries).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://witan")}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Security headers. HTTPS is assumed in production; set SECURE_SSL_REDIRECT=false
# only when a proxy in front terminates TLS and redirects itself.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# A strict Content-Security-Policy: no inline script or style of our own anywhere. Never add
# 'unsafe-inline'. The rich-text editor (django-prose-editor) needs two inline pieces:
# - its import map, an inline <script type="importmap"> (it cannot be a file): it carries a
#   per-request nonce; django-csp adds 'nonce-…' only to pages that use one;
# - TipTap's fixed core stylesheet, which the editor injects as a <style> element: allowed by the
#   hash of exactly that text. tests/reports/test_editor.py recomputes it from the shipped editor.js,
#   so an upgrade that changes the stylesheet fails the tests instead of breaking the editor.
PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, PROSE_EDITOR_STYLE_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every layout step at INFO.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Witan's own settings. Statutory counts are settings, not literals (Wales uses 3 clear days).
WITAN = {
    # England & Wales bank holidays come from the `holidays` package: country GB, subdivision ENG.
    "BANK_HOLIDAY_COUNTRY": env("WITAN_BANK_HOLIDAY_COUNTRY", default="GB"),
    "BANK_HOLIDAY_SUBDIVISION": env("WITAN_BANK_HOLIDAY_SUBDIVISION", default="ENG"),
    # R1: agenda published at least this many clear working days before the meeting.
    "AGENDA_CLEAR_DAYS": env.int("WITAN_AGENDA_CLEAR_DAYS", default=5),
    # R4: exempt papers go to every councillor (s.100F LGA 1972), or only to the members of the body.
    "EXEMPT_PAPERS_FOR_ALL_COUNCILLORS": env.bool("WITAN_EXEMPT_PAPERS_FOR_ALL_COUNCILLORS", default=True),
    # Large papers may be sent by the web server in front: "" (Witan sends them), "x-accel-redirect:<prefix>"
    # for nginx (an `internal` location aliasing DOCUMENTS_ROOT), or "x-sendfile" for Apache mod_xsendfile.
    "DOCUMENT_OFFLOAD": env("WITAN_DOCUMENT_OFFLOAD", default=""),
    # Issue 8: an uploaded PDF longer than this is refused; every page of it goes into the packs.
    "UPLOAD_MAX_PAGES": env.int("WITAN_UPLOAD_MAX_PAGES", default=1000),
    # Demo log-ins are only ever created by `manage.py demo`.
    "DEMO_PASSWORD": env("WITAN_DEMO_PASSWORD", default="witan-demo-2026"),
    # A running pack build that shows no progress for this long has lost its task worker, and is
    # run again (see meetings.services.packs.pack_builds_reclaim).
    "PACK_BUILD_STALE_SECONDS": env.int("WITAN_PACK_BUILD_STALE_SECONDS", default=600),
}
