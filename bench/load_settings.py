"""Settings for the load test's server: the benchmark's, with sign-in throttling on as in
production (people sign in through the form), and tracebacks on stderr.

With DEBUG off, Django logs a 500 only to the admins' mailbox; the load test wants the
traceback in the server's log so that an error under load can be read afterwards.
"""

from bench.settings import *  # noqa: F403

AXES_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "django.db.backends": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
    },
}
