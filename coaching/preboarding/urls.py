from django.urls import path

from coaching.preboarding import views

urlpatterns = [
    path("welcome/", views.welcome_page, name="welcome"),
]
