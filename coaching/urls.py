"""The plugin's one URLconf: include it once in the host site's urls.py.

path("onboarding/", include("coaching.urls")),

Each feature keeps its own routes; their names share the `coaching` namespace.
"""

from django.urls import include, path

app_name = "coaching"

urlpatterns = [
    path("", include("coaching.account.urls")),
    path("", include("coaching.learning.urls")),
    path("", include("coaching.record.urls")),
    path("", include("coaching.notifications.urls")),
    path("", include("coaching.people.urls")),
]
