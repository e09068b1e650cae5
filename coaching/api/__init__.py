"""The REST API (django-ninja, as Wagtail 8's own v3 API): people, paths, assignments,
completions and the reports' figures for HR systems and dashboards, opened by Wagtail's
API tokens with the scopes HR gives them here."""
