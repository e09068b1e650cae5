"""Settings for the test suite: fast hashing, in-memory cache, in-memory SQLite by default."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# The benchmark's yardstick page, so that a smoke test keeps bench/ working.
# django-tasks-db too, to prove notification emails go through worker processes.
INSTALLED_APPS = [*INSTALLED_APPS, "bench", "django_tasks_db"]  # noqa: F405
# The test client's login() passes no request, which django-axes needs; the throttling
# tests turn it on where they test it.
AXES_ENABLED = False
