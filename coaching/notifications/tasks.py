"""Background tasks (Django's tasks API, through the django-tasks backport).

With the default immediate backend they run right after the request's transaction
commits; with django-tasks-db they run in `manage.py db_worker` processes.
"""

from django_tasks import task

from coaching.notifications.delivery import deliver


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """Email each notification once; failures stay pending for a later retry."""
    return sum(deliver(pk) for pk in notification_ids)
