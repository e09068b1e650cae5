"""The plugin's one URLconf: include it once in the host site's urls.py.

path("onboarding/", include("coaching.urls")),
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from lessons.conf import base_template

app_name = "coaching"

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="coaching/sign_in.html",
            redirect_authenticated_user=True,
            extra_context={"base_template": base_template},
        ),
        name="sign_in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign_out"),
]
