"""Settings for the benchmarks: the test settings, served like production (DEBUG off).

PostgreSQL when DATABASE_URL is set (`make bench` starts one); else a SQLite file.
"""

import dj_database_url

from config.settings.test import *  # noqa: F403

# The test settings already install the benchmark app (its yardstick page).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / '.bench.sqlite3'}",  # noqa: F405
        conn_max_age=600,
    )
}
