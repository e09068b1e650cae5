"""Every admin listing the plugin adds answers its search (?q=) with the rows that match, on
SQLite and on PostgreSQL alike (Wagtail's database search backend behaves differently on
each). The listings are found in the URLconf, so a new searchable listing without a case
here fails the test instead of going untested."""

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.generic.base import BaseListingView

from coaching.models import CoachRelationship, EnrolmentRule, Notification, TraineeProfile
from lessons.models import BusinessUnit, CompanyValue, KnowledgeCheck, LearningPath
from tests import builders

pytestmark = pytest.mark.django_db

PLUGIN_APPS = {"lessons", "coaching"}


def url_patterns(resolver, namespace=""):
    """(URL name with its namespaces, pattern) for every pattern in the URLconf."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def searchable_plugin_listings():
    """{model: URL name} of every full listing (not its results-only fragment, nor a listing
    of one object's history or usage, whose URL takes an argument) of a plugin model that
    offers a search box."""
    listings = {}
    request = RequestFactory().get("/admin/")
    for name, pattern in url_patterns(get_resolver()):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, BaseListingView):
            continue
        initkwargs = pattern.callback.view_initkwargs
        model = initkwargs.get("model") or getattr(view_class, "model", None)
        if model is None or model._meta.app_label not in PLUGIN_APPS:
            continue
        if pattern.pattern.regex.groups or initkwargs.get("results_only"):
            continue
        view = view_class(**initkwargs)
        view.setup(request)
        if not view.is_searchable:
            continue
        listings[model] = name
    return listings


def a_path():
    builders.make_path("Orientation", steps=["Meet the team"])
    learning_path = builders.make_path("Week one", steps=["Shadow a call"])
    learning_path.description = "How we answer customers on the phone."
    learning_path.save()
    return "custom", "Week one", "Orientation"


def a_check():
    builders.make_check(title="Empathy check")
    builders.make_check(title="Safety quiz")
    return "empathy", "Empathy check", "Safety quiz"


def a_unit():
    builders.make_unit("Customer Service")
    builders.make_unit("Finance")
    return "service", "Customer Service", "Finance"


def a_value():
    CompanyValue.objects.create(name="Customer first", slug="customer-first")
    CompanyValue.objects.create(name="Integrity", slug="integrity")
    return "integ", "Integrity", "Customer first"


def a_new_hire():
    builders.make_trainee("nadia", job_title="Call centre agent")
    builders.make_trainee("rizky", job_title="Accountant")
    return "nadia", "Nadia", "Rizky"


def a_coach_relationship():
    builders.make_trainee("nadia", coach=builders.make_user("citra"))
    builders.make_trainee("rizky", coach=builders.make_user("agus"))
    return "citra", "Citra", "Agus"


def a_notification():
    for username in ("nadia", "rizky"):
        Notification.objects.create(
            recipient=builders.make_user(username), kind="feedback", key=f"feedback-{username}"
        )
    # The listing names the recipient by username.
    return "Rizky", "rizky", "nadia"


def an_enrolment_rule():
    from tests.coaching.automation import make

    make.rule(name="Customer Service starters", job_title="Agent")
    make.rule(name="Sales starters", job_title="Account manager")
    return "Customer", "Customer Service starters", "Sales starters"


# For each searchable model: what to make, which returns (query, what a matching row
# shows, what a row that does not match shows).
CASES = {
    LearningPath: a_path,
    KnowledgeCheck: a_check,
    BusinessUnit: a_unit,
    CompanyValue: a_value,
    TraineeProfile: a_new_hire,
    CoachRelationship: a_coach_relationship,
    Notification: a_notification,
    EnrolmentRule: an_enrolment_rule,
}


def test_every_searchable_listing_of_the_plugin_has_a_case():
    assert set(searchable_plugin_listings()) == set(CASES)


@pytest.mark.parametrize("model", list(CASES), ids=lambda model: model.__name__)
def test_a_listing_search_finds_the_matching_row(admin_client, model):
    query, matching, other = CASES[model]()
    url = reverse(searchable_plugin_listings()[model])

    response = admin_client.get(url, {"q": query})

    assert response.status_code == 200
    assert matching in response.text
    assert other not in response.text
