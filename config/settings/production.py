"""Settings for a real server. Secrets and hosts come from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = _required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = _required("DJANGO_ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true") == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail sets SAMEORIGIN on its own preview views, so previews still work.
X_FRAME_OPTIONS = "DENY"

# Static files (the portal's and the admin's CSS, JS, images) are served by the app itself,
# with WhiteNoise: nothing else to set up behind gunicorn. `manage.py collectstatic` copies
# them into STATIC_ROOT with a content hash in each name (so browsers cache them for good)
# and a compressed copy beside each; run it on every deploy, before starting the server.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1  # noqa: F405
MIDDLEWARE = [
    *MIDDLEWARE[:_after_security],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_security:],  # noqa: F405
]
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", str(BASE_DIR / "static"))  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Evidence that new hires attach to tasks: outside MEDIA_ROOT (which the web server
    # serves to anyone), with no URL, so a file is only ever served through the view that
    # checks who may see it.
    "coaching_evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get(
                "COACHING_EVIDENCE_ROOT",
                str(BASE_DIR / "private" / "evidence"),  # noqa: F405
            ),
            "base_url": None,
        },
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
COACHING_EVIDENCE_STORAGE = "coaching_evidence"

# Logs go to stderr, where the process manager (systemd's journal, Docker, Kubernetes,
# supervisord) keeps them; DJANGO_LOG_LEVEL (default ERROR) says how much. A server error
# is one line with the request's path (never its query string, form data or cookies: no
# personal data in the message) and its traceback. Django's default of mailing errors to
# ADMINS is dropped: that email carries the whole request, personal data included.
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "ERROR").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {"django": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False}},
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "onboarding@localhost")

# Background tasks (notification emails) in worker processes: set DJANGO_TASKS_BACKEND=database
# and run `manage.py db_worker` (as many as needed) beside the web servers.
if os.environ.get("DJANGO_TASKS_BACKEND") == "database":
    INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# One cache for every process (web workers, task workers, the reminder sweep): the plugin
# caches each person's language, unread count and header role, and clears them when they
# change, which only works when all processes share the cache. The database cache needs
# `manage.py createcachetable` once; a site with Redis can point CACHES at it instead.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": os.environ.get("DJANGO_CACHE_TABLE", "django_cache"),
    }
}
