"""In the Wagtail admin: how many people are on older versions of a learning path, said
when an editor opens or publishes it, and the page where HR and editors move them all to
the latest version (coaching/learning/versions.py). Registered in coaching/wagtail_hooks
(lessons, where paths live, never imports coaching)."""

from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from coaching.common.ids import parse_id
from coaching.common.types import User
from coaching.learning import assigning, versions
from coaching.reports.scope import sees_everyone
from lessons.models import LearningPath

NAMESPACE = "coaching_path_versions"


def _people_text(count: int) -> str:
    return ngettext(
        "%(count)s person is on an older version of this path.",
        "%(count)s people are on an older version of this path.",
        count,
    ) % {"count": count}


def on_opening_path(request: HttpRequest, instance: object) -> None:
    """`before_edit_snippet`: opening a path that people follow on older versions says
    how many, with a link to moving them."""
    if request.method == "GET":
        _tell_about_older_versions(request, instance)


def on_publishing_path(request: HttpRequest, instance: object) -> None:
    """`after_edit_snippet`: publishing a path says the same, for its new version."""
    if "action-publish" in request.POST:
        _tell_about_older_versions(request, instance)


def _tell_about_older_versions(request: HttpRequest, instance: object) -> None:
    if not isinstance(instance, LearningPath) or not sees_everyone(request.user):
        return
    instance.refresh_from_db(fields=["current_version"])
    count = versions.on_older_versions(instance).count()
    if count:
        url = reverse(f"{NAMESPACE}:move", args=[instance.pk])
        messages.warning(
            request,
            _people_text(count),
            buttons=[messages.button(url, _("Move them to the latest version"))],
        )


class MoveToLatestView(WagtailAdminTemplateMixin, TemplateView):
    """Everyone on an older version of one path, by version, and the button that moves
    them all to the latest one, keeping their progress on the steps that carry over."""

    template_name = "coaching/learning/admin/move_to_latest.html"
    header_icon = "snippet"
    page_title = gettext_lazy("Move to the latest version")

    def dispatch(self, request, *args, **kwargs):
        if not sees_everyone(request.user):
            raise Http404
        self.path = get_object_or_404(
            LearningPath.objects.select_related("current_version"), pk=kwargs["path_id"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.path.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_lessons_learningpath:list"),
                "label": capfirst(LearningPath._meta.verbose_name_plural),
            },
            {"url": self._edit_url(), "label": self.path.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def _edit_url(self):
        return reverse("wagtailsnippets_lessons_learningpath:edit", args=[self.path.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_version = list(
            versions.on_older_versions(self.path)
            .values("version__number")
            .annotate(people=Count("pk"))
            .order_by("-version__number")
        )
        context.update(
            learning_path=self.path,
            latest=self.path.current_version,
            by_version=by_version,
            total=sum(row["people"] for row in by_version),
            edit_url=self._edit_url(),
        )
        return context

    def post(self, request: HttpRequest, path_id: int) -> HttpResponse:
        offered = parse_id(request.POST.get("version"))
        user = request.user
        assert isinstance(user, User)  # signed in: `dispatch` lets only HR and editors in
        try:
            moved = versions.move_to_latest(
                self.path, versions.on_older_versions(self.path), by=user, version_number=offered
            )
        except assigning.AssignmentError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        if moved:
            messages.success(
                request,
                ngettext(
                    "Moved %(count)s person to version %(number)s.",
                    "Moved %(count)s people to version %(number)s.",
                    moved,
                )
                % {"count": moved, "number": offered},
            )
        else:
            messages.info(request, _("Everyone is on the latest version already."))
        return redirect(request.path)


class PathVersionsViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "learning-paths/versions"

    def get_urlpatterns(self):
        return [path("<int:path_id>/move/", MoveToLatestView.as_view(), name="move")]
