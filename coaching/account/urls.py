from django.contrib.auth import views as auth_views
from django.urls import path

from coaching.account import views
from lessons.conf import base_template

urlpatterns = [
    path(
        "sign-in/",
        views.SignInView.as_view(extra_context={"base_template": base_template}),
        name="sign_in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign_out"),
    # A person's settings, and the language switcher.
    path("settings/", views.preferences, name="preferences"),
    path("language/", views.choose_language, name="choose_language"),
]
