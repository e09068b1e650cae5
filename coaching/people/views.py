"""The page a new hire's invitation opens: choose a password, in the portal's look (Django's
PasswordResetConfirmView: the link's token works once, and expires)."""

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from lessons.conf import base_template
from lessons.models import LearningPortalPage


class SetPasswordView(PasswordResetConfirmView):
    template_name = "coaching/people/set_password.html"
    success_url = reverse_lazy("coaching:sign_in")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["base_template"] = base_template()
        context["portal"] = LearningPortalPage.for_reader(self.request)
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password is set. Sign in with your email address, %(email)s.")
            % {"email": form.user.email},
        )
        return response
