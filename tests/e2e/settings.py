"""Settings for the server process the browser tests drive (see conftest.py).

The test settings, on a database of the run's own (E2E_DATABASE_URL), with DEBUG off as
on a real site. Static files come from `runserver --insecure`, so nothing is collected.
"""

import os

import dj_database_url

from config.settings.test import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
DATABASES = {"default": dj_database_url.parse(os.environ["E2E_DATABASE_URL"])}
WAGTAILADMIN_BASE_URL = os.environ.get("E2E_BASE_URL", "http://127.0.0.1")

# With DEBUG off Django only mails errors to admins; print them where the tests read them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
