"""config.settings.production, unchanged but for a URLconf with a failing view."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.production_host.urls"
