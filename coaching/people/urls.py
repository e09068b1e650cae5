from django.urls import path

from coaching.people.views import SetPasswordView

urlpatterns = [
    # A new hire's invitation: choose a password.
    path("welcome/<uidb64>/<token>/", SetPasswordView.as_view(), name="set_password"),
]
