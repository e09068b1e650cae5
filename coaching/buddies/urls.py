from django.urls import path

from coaching.buddies import views

urlpatterns = [
    path("buddies/", views.buddies, name="buddies"),
    path("buddies/<int:trainee_id>/", views.new_hire, name="buddy_trainee"),
    path("buddies/questions/<int:question_id>/answer/", views.answer, name="answer_question"),
    path("my-buddy/", views.my_buddy, name="my_buddy"),
]
