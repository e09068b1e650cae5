from django.urls import path

from coaching.calendars import views

urlpatterns = [
    path("calendar/<slug:token>.ics", views.feed, name="calendar_feed"),
    path("settings/calendar/", views.new_link, name="calendar_link"),
    path("record/entries/<int:entry_id>/cancel/", views.cancel_meeting, name="cancel_one_on_one"),
]
