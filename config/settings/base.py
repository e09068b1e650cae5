"""Settings shared by every environment of the demo host site."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # The plugin.
    "coaching",
    "lessons",
    # The demo site's own app: the demo data loader.
    "config.demo",
    # What the plugin builds on.
    "polymorphic",
    # django-ninja (which Wagtail brings): the REST API's reference page and its files.
    "ninja",
    "wagtail.contrib.forms",
    "wagtail_localize",
    "wagtail_localize.locales",  # in place of wagtail.locales
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The plugin's pages speak each person's language (their choice, else the browser's).
    "coaching.account.middleware.PersonLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Sign-in throttling (django-axes) on the portal's and the Wagtail admin's sign-in: after
# 5 failures for one username from one address, that pair waits 15 minutes. Locking a
# whole address out would lock out an office behind one NAT; locking a username alone
# would let anyone lock a colleague out from anywhere.
# AxesBackend checks for a lockout first; it is a ModelBackend too, so tools that log in
# with the first backend (Wagtail's page test helpers) keep working.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.lockout.locked_out"

# Content Security Policy (django-csp) on every page but the Wagtail admin, which still
# has inline scripts of its own: scripts, styles and frames only from this site (and the
# video hosts that module pages embed).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": [
            SELF,
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite by default, so the demo needs nothing installed; DATABASE_URL picks PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
# SQLite takes one writer at a time: each transaction waits for the write lock from its
# start (up to 20 s), where by default two that have read and then both write fail with
# "database is locked" (two tabs, two workers; README "Once and only once").
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The demo site's own strings (its base template); the apps ship their catalogs.
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("en", _("English")), ("id", _("Bahasa Indonesia"))]
TIME_ZONE = "Asia/Jakarta"
# Dates as each language writes them: "1 Desember 2026" (Django's own says "1 Des. 2026").
FORMAT_MODULE_PATH = ["coaching.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "coaching:sign_in"
# Where Wagtail sends anonymous visitors of private pages (the portal is private).
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "coaching:sign_in"

# Background tasks (emails) run right after the request by default; see README "Notifications"
# for running them in worker processes with django-tasks-db.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

DEFAULT_FROM_EMAIL = "Nusantara Connect onboarding <onboarding@nusantaraconnect.example>"

# Reminders, written by `manage.py send_reminders` run on a schedule.
COACHING_DUE_SOON_DAYS = 3  # remind new hires this many days before a path is due
COACHING_MEETING_REMINDER_HOURS = 24  # remind both people this long before a 1:1

# Content in both languages: Wagtail's locales and translated pages. Editors translate a
# page or snippet with "Translate" in its action menu (wagtail-localize).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin's Account page offers the languages the portal does ("id", where Wagtail's own
# list says "id-id"): one choice for both (coaching.account.languages).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

WAGTAIL_SITE_NAME = "Nusantara Connect onboarding"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Nothing about the site's people goes to third parties (UU PDP, GDPR; README "Privacy"):
# no Gravatar avatars in the admin (each would send a hash of a person's email address to
# gravatar.com), and no check from the admin's browser for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# The plugin's templates extend this host template.
LESSONS_BASE_TEMPLATE = "base.html"
