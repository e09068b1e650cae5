"""Webhook deliveries in the background (django-tasks): with the immediate backend right
after the transaction commits; with django-tasks-db in `manage.py db_worker` processes."""

from django_tasks import task

from coaching.webhooks.delivery import deliver


@task()
def deliver_webhooks(delivery_ids: list[int]) -> int:
    """One attempt at each delivery; the ones that fail are tried again later."""
    return sum(deliver(pk) for pk in delivery_ids)
