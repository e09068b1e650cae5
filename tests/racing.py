"""Racing threads, for the tests that need real concurrency, on PostgreSQL and SQLite.

Each thread has its own database connection and they are released together by a
barrier, so the database, not Python, decides who wins. On SQLite the test database is a
file for this reason (see django_db_modify_db_settings in tests/conftest.py).
"""

import threading

from django.db import connection


def race(action, racers=8):
    """Run `action` in `racers` threads at once; return what each returned or raised."""
    barrier = threading.Barrier(racers)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # the test inspects every outcome
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a racer is still running"
    return results
