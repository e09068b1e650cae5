"""The plugin's one URLconf: include it once in the host site's urls.py.

path("onboarding/", include("coaching.urls")),

Each feature keeps its own routes; their names share the `coaching` namespace.
"""

from django.urls import include, path

from coaching.api.api import api as onboarding_api
from coaching.common import wagtail_words

app_name = "coaching"

urlpatterns = [
    path("", include("coaching.account.urls")),
    path("", include("coaching.learning.urls")),
    path("", include("coaching.rereading.urls")),
    path("", include("coaching.record.urls")),
    path("", include("coaching.notifications.urls")),
    path("", include("coaching.people.urls")),
    # SCIM 2.0 provisioning (coaching/provisioning): opened by a provisioning token only.
    path("scim/v2/", include("coaching.provisioning.urls")),
    # The REST API (coaching/api): opened by an API token with scopes only.
    path("api/v1/", onboarding_api.urls),
    path("", include("coaching.calendars.urls")),
    path("", include("coaching.buddies.urls")),
    path("", include("coaching.preboarding.urls")),
    # The JavaScript words of Wagtail's admin that Wagtail 8.0 leaves in English.
    path("wagtail-words.js", wagtail_words.javascript_catalog, name="wagtail_words_js"),
]
