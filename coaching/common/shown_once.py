"""A secret shown once, on the page after saving: a new token's key or an endpoint's
signing secret waits in the session for the one page that shows it, which takes it out.
It is never in a message, a URL or a cache; opened again, the page says it was shown."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from coaching.people.access import is_hr


def keep_to_show_once(request: HttpRequest, slot: str, pk: Any, secret: str) -> None:
    request.session[slot] = {"pk": pk, "secret": secret}


class ShownOncePage(WagtailAdminTemplateMixin, TemplateView):
    """HR's page of a new secret of `model`'s object (by `pk`); never cached."""

    model: type[models.Model]
    slot: str
    header_icon = "key"
    permission_policy: Any = None

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_hr(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def get_page_title(self) -> str:
        return str(self.page_title)

    def shown_once(self) -> str | None:
        """The secret waiting for this object, taken out: None once it was shown."""
        waiting = self.request.session.get(self.slot) or {}
        if waiting.get("pk") != self.object.pk:
            return None
        del self.request.session[self.slot]
        return str(waiting.get("secret"))
