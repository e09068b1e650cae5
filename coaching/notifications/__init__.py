"""Notifications and reminders: written once per event, shown in the portal, emailed.

- `events`: what the product does when something happens (a path assigned, a task
  submitted, feedback or recognition given);
- `reminders`: the sweep that `manage.py send_reminders` runs on a schedule;
- `sending`: writing notifications once and emailing them;
- `messages`: the words of each kind.
"""
