"""Settings for `make run` on a developer's machine. Never use these on a server."""

from .base import *  # noqa: F403

DEBUG = True
# A development-only key; production.py refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Emails land as files in .dev-emails/ (one per email), to read without a mail server.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / ".dev-emails"  # noqa: F405
