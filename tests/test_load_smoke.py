"""bench/load.py keeps working: a few people at once for three seconds against gunicorn.

No figure is checked (speed belongs to `make load`); only that nobody sees an error and
that no completion is lost or duplicated. The server is a real gunicorn process, so the
data is committed for real. On SQLite the server gets a copy of the test database, in a
file of its own, and it is copied back afterwards.
"""

import sqlite3
from contextlib import closing

import pytest
from django.db import connection

pytest.importorskip("gunicorn")

from bench import load
from bench.completions import verify


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_people_at_once_lose_and_duplicate_no_completion(tmp_path):
    data = load.LoadData.build(trainees=3, coaches=1, paths=2, steps=2, quiet=2, quiet_steps=3)
    on_sqlite = connection.vendor == "sqlite"
    db_url = None
    if on_sqlite:
        db_file = tmp_path / "load.sqlite3"
        _save_to(db_file)
        db_url = f"sqlite:///{db_file}"

    recorder, elapsed, server_log = load.serve_and_run(
        data,
        seconds=3,
        # SQLite takes one writer at a time: one worker there, concurrency on PostgreSQL.
        workers=1 if on_sqlite else 2,
        threads=1,
        double_rate=0.5,
        db_url=db_url,
    )
    if on_sqlite:
        _load_from(db_file)

    figures = load.figures(recorder.samples, elapsed)
    assert figures.errors == 0, (figures.error_reasons, server_log)
    assert recorder.completions, "nobody completed a step"
    verdict = verify(recorder.completions, data.assignment_ids)
    assert verdict.sound, verdict
    assert verdict.done_rows == verdict.acknowledged
    assert verdict.completed_paths, "no path was completed: the completion lock went untested"


def _save_to(path):
    """Copy the test's SQLite database to a file, page by page."""
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as file_db:
        connection.connection.backup(file_db)


def _load_from(path):
    """Replace the test's SQLite database with the file's."""
    with closing(sqlite3.connect(path)) as file_db:
        file_db.backup(connection.connection)
