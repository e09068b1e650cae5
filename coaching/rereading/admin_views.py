"""In the Wagtail admin: HR or L&D ask everyone in a unit (or everyone) who completed a
module to read it again. Opened from the page's header menu (coaching/wagtail_hooks)."""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import Button
from wagtail.models import Page

from coaching.common.types import User
from coaching.reports.scope import sees_everyone
from coaching.rereading.changes import ask_unit, done_on
from lessons.models import BusinessUnit, LearnablePage
from lessons.models.organisation import original_units

NAMESPACE = "coaching_read_again"


class AskUnitForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Who"),
        queryset=BusinessUnit.objects.none(),
        required=False,
        empty_label=gettext_lazy("Everyone who completed it"),
    )
    message = forms.CharField(
        label=gettext_lazy("Why read it again? (optional, shown to each of them)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = BusinessUnit.objects.filter(original_units()).order_by("name")


class AskUnitView(WagtailAdminTemplateMixin, FormView):
    """Everyone who completed one module, and the form asking them (or one unit of them) to
    read it again. Their steps stay done."""

    template_name = "coaching/rereading/admin/ask_unit.html"
    form_class = AskUnitForm
    header_icon = "doc-full"
    page_title = gettext_lazy("Ask to read again")

    def dispatch(self, request, *args, **kwargs):
        if not sees_everyone(request.user):
            raise Http404
        page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not isinstance(page, LearnablePage) or not page.live:
            raise Http404
        self.page = page
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            module=self.page,
            completed=done_on(self.page).count(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )
        return context

    def form_valid(self, form):
        user = self.request.user
        assert isinstance(user, User)  # signed in: `dispatch` lets only HR and editors in
        asked = ask_unit(
            self.page,
            form.cleaned_data["unit"],
            by=user,
            message=form.cleaned_data["message"],
        )
        if asked:
            messages.success(
                self.request,
                ngettext(
                    "Asked %(count)s person to read “%(module)s” again.",
                    "Asked %(count)s people to read “%(module)s” again.",
                    asked,
                )
                % {"count": asked, "module": self.page.title},
            )
        else:
            messages.info(
                self.request,
                gettext_lazy(
                    "Nobody to ask: everyone chosen is asked already, or none completed it."
                ),
            )
        return redirect("onboarding_reports:content_freshness")


class ReadAgainViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "onboarding/read-again"

    def get_urlpatterns(self):
        return [path("<int:page_id>/", AskUnitView.as_view(), name="ask")]


def ask_button(page, user, view_name, next_url=None):
    """`register_page_header_buttons`: on a live learnable page, for HR and L&D."""
    if isinstance(page.specific_deferred, LearnablePage) and page.live and sees_everyone(user):
        yield Button(
            gettext_lazy("Ask to read again"),
            reverse(f"{NAMESPACE}:ask", args=[page.pk]),
            icon_name="doc-full",
            priority=66,
        )
