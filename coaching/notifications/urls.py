from django.urls import path

from coaching.notifications import views

urlpatterns = [
    path("notifications/", views.notification_list, name="notifications"),
    path(
        "notifications/<int:notification_id>/open/",
        views.open_notification,
        name="open_notification",
    ),
    path("notifications/read-all/", views.mark_all_read, name="mark_all_read"),
]
