from django.urls import path

from coaching.rereading import views

urlpatterns = [
    path(
        "paths/<int:assignment_id>/steps/<int:number>/read-again/",
        views.read_again_done,
        name="read_again_done",
    ),
]
