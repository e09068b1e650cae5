"""Where new hires get stuck on a path: its steps in order, and its knowledge checks'
questions by how often they are answered correctly.

Steps are matched across published versions by their `key`, so progress made on an
older version of the path counts on the same step of the current one.
"""

from django.db import connection, transaction
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from coaching.learning.models import CheckAttempt, ProgressStatus, StepProgress
from lessons.i18n import active_content_language, in_reader_language
from lessons.models import KnowledgeCheck, PathVersionStep, StepKind

from .completion import percent


def step_funnel(scope, filters):
    """One row per step of the path's current version: how many finished it (of whom how
    many had it waived), wait for sign-off on it or were sent back, and how many are
    stopped before it."""
    learning_path = filters.path
    if learning_path is None or learning_path.current_version_id is None:
        return [], 0
    assignments = scope.assignments(filters)
    steps = PathVersionStep.objects.filter(version_id=learning_path.current_version_id)
    assigned = assignments.count()
    by_status = {
        row["step__key"]: row
        for row in StepProgress.objects.filter(assignment__in=assignments)
        .values("step__key")
        .annotate(
            done=Count("pk", filter=Q(status=ProgressStatus.DONE)),
            waived=Count("pk", filter=Q(status=ProgressStatus.DONE, waived_at__isnull=False)),
            waiting=Count("pk", filter=Q(status=ProgressStatus.SUBMITTED)),
            returned=Count("pk", filter=Q(status=ProgressStatus.RETURNED)),
        )
        .order_by()
    }
    # Active assignments by how many steps they have done: with steps taken in order, an
    # assignment with n steps done is stopped before the step at position n.
    done_steps = (
        StepProgress.objects.done()
        .filter(assignment=OuterRef("pk"))
        .order_by()
        .values("assignment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    stopped = dict(
        assignments.active()
        .annotate(done_steps=Coalesce(Subquery(done_steps), Value(0)))
        .values("done_steps")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("done_steps", "n")
    )
    rows, previous_done = [], assigned
    kinds = dict(StepKind.choices)
    for step in steps.order_by("position").values(
        "key", "position", "title", "kind", "translations"
    ):
        counts = by_status.get(step["key"], {})
        done = counts.get("done", 0)
        rows.append(
            {
                "number": step["position"] + 1,
                "title": in_reader_language(step["translations"], "title", step["title"]),
                "kind": kinds.get(step["kind"], step["kind"]),
                "done": done,
                "done_rate": percent(done, assigned),
                "waived": counts.get("waived", 0),
                "waiting": counts.get("waiting", 0),
                "returned": counts.get("returned", 0),
                "stopped_here": stopped.get(step["position"], 0),
                "drop_off": max(previous_done - done, 0),
            }
        )
        previous_done = done
    return rows, assigned


_QUESTION_SQL = {
    "postgresql": """
        SELECT c.id, c.title, q.value->>'id', MAX(q.value->>'question'), MIN(q.ordinal),
               COUNT(*), SUM(CASE WHEN (q.value->>'correct')::boolean THEN 1 ELSE 0 END)
        FROM {attempts} a
        JOIN {checks} c ON c.id = a.knowledge_check_id
        CROSS JOIN LATERAL jsonb_array_elements(a.results) WITH ORDINALITY AS q(value, ordinal)
        WHERE a.id IN ({selected})
        GROUP BY c.id, c.title, q.value->>'id'
        ORDER BY c.title, c.id, MIN(q.ordinal)
    """,
    "sqlite": """
        SELECT c.id, c.title, json_extract(q.value, '$.id'),
               MAX(json_extract(q.value, '$.question')), MIN(q.key), COUNT(*),
               SUM(CASE WHEN json_extract(q.value, '$.correct') THEN 1 ELSE 0 END)
        FROM {attempts} a
        JOIN {checks} c ON c.id = a.knowledge_check_id
        CROSS JOIN json_each(a.results) AS q
        WHERE a.id IN ({selected})
        GROUP BY c.id, c.title, json_extract(q.value, '$.id')
        ORDER BY c.title, c.id, MIN(q.key)
    """,
}


def _fetch_without_jit(sql, params):
    """Run a query and fetch its rows; on PostgreSQL with JIT compilation off for it.

    jsonb_array_elements is estimated at 100 answers an attempt, so the planner takes the
    questions query for 50 times its size and JIT-compiles it: 400 ms of compiling for
    70 ms of work over a million progress rows. SET LOCAL lasts until the transaction ends.
    """
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return cursor.fetchall()
        with transaction.atomic(savepoint=False):
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(sql, params)
            return cursor.fetchall()


def question_rates(scope, filters):
    """One row per question of the knowledge checks taken on the chosen path (or every
    path): how many attempts answered it and how many got it right. The graded answers
    are JSON on each attempt, so the database unnests them (PostgreSQL or SQLite)."""
    attempts = CheckAttempt.objects.filter(
        assignment__in=scope.assignments(filters), knowledge_check__isnull=False
    )
    # order_by(): an attempt's default ordering joins four tables to sort, for nothing here.
    selected, params = attempts.order_by().values("pk").query.sql_with_params()
    sql = _QUESTION_SQL[connection.vendor].format(
        attempts=connection.ops.quote_name(CheckAttempt._meta.db_table),
        checks=connection.ops.quote_name(KnowledgeCheck._meta.db_table),
        selected=selected,
    )
    found = _fetch_without_jit(sql, params)
    words = _check_words({row[0] for row in found})
    rows = []
    for check_id, check_title, question_id, question, _order, answered, correct in found:
        title, questions = words.get(check_id, (check_title, {}))
        rows.append(
            {
                "check": title,
                "question": questions.get(question_id) or question,
                "answered": answered,
                "correct": correct,
                "correct_rate": percent(correct, answered),
            }
        )
    return rows


def _check_words(check_ids):
    """For each check (by id) with a published translation in the reader's language: its
    title and its questions' words there ({question id: text}; questions keep their ids in
    a translation). One query, with the checks themselves, whatever their number."""
    language = active_content_language()
    if not language or not check_ids:
        return {}
    keys = KnowledgeCheck.objects.filter(pk__in=check_ids).values("translation_key")
    rows = KnowledgeCheck.objects.filter(translation_key__in=keys).filter(
        Q(pk__in=check_ids) | Q(locale__language_code=language, live=True)
    )
    originals, translated = {}, {}
    for check in rows.select_related("locale"):
        if check.pk in check_ids:
            originals[check.pk] = check.translation_key
        if check.locale.language_code == language:
            translated[check.translation_key] = check
    words = {}
    for pk, key in originals.items():
        if (wording := translated.get(key)) is not None:
            questions = {block.id: block.value["question"] for block in wording.questions}
            words[pk] = (wording.title, questions)
    return words
