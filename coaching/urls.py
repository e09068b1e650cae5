"""The plugin's one URLconf: include it once in the host site's urls.py.

path("onboarding/", include("coaching.urls")),
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from coaching.views import (
    dashboard,
    kudos,
    notifications,
    portal,
    preferences,
    record,
    record_owner,
)
from lessons.conf import base_template

app_name = "coaching"

step = "paths/<int:assignment_id>/steps/<int:number>/"
coach_step = "coach/assignments/<int:assignment_id>/steps/<int:number>/"
entry = "record/entries/<int:entry_id>/"

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
    # The new hire's portal.
    path("", portal.home, name="home"),
    path("paths/<int:assignment_id>/", portal.assignment_detail, name="assignment"),
    path(step, portal.step_detail, name="step"),
    path(f"{step}done/", portal.complete_module, name="complete_module"),
    path(f"{step}check/", portal.take_check, name="take_check"),
    path(f"{step}submit/", portal.submit_task, name="submit_task"),
    # The coach dashboard.
    path("coach/", dashboard.dashboard, name="dashboard"),
    path("coach/assign/", dashboard.assign, name="assign"),
    path("coach/trainees/<int:trainee_id>/", dashboard.trainee_detail, name="trainee"),
    *(
        path(route, dashboard.coach_action, {"action": name}, name=name)
        for route, name in (
            ("coach/assignments/<int:assignment_id>/cancel/", "cancel_assignment"),
            ("coach/assignments/<int:assignment_id>/due/", "change_due"),
            (f"{coach_step}sign-off/", "sign_off"),
            (f"{coach_step}send-back/", "send_back"),
            (f"{coach_step}plan/", "plan_checkin"),
            (f"{coach_step}record/", "record_checkin"),
        )
    ),
    # The development record.
    path("record/", record.my_record, name="my_record"),
    path("record/export.json", record_owner.export_json, name="export_record"),
    path("record/print/", record_owner.printable, name="print_record"),
    path("people/<int:person_id>/record/", record.record, name="record"),
    path("people/<int:person_id>/record/new/<slug:kind>/", record.new_entry, name="new_entry"),
    path("people/<int:person_id>/record/erase/", record_owner.erase, name="erase_record"),
    path(entry, record.entry_detail, name="entry"),
    path(f"{entry}edit/", record.edit_entry, name="edit_entry"),
    path(f"{entry}reply/", record.reply, name="reply"),
    path(f"{entry}cheer/", kudos.cheer, name="cheer"),
    path(f"{entry}check-in/", record.goal_check_in, name="goal_check_in"),
    path(f"{entry}<slug:item>/add/", record.add_item, name="add_item"),
    path("record/items/<slug:item>/<int:item_id>/done/", record.item_done, name="item_done"),
    path("kudos/", kudos.wall, name="kudos"),
    path("kudos/give/", kudos.give, name="give_recognition"),
    # Notifications.
    path("notifications/", notifications.notification_list, name="notifications"),
    path(
        "notifications/<int:notification_id>/open/",
        notifications.open_notification,
        name="open_notification",
    ),
    path("notifications/read-all/", notifications.mark_all_read, name="mark_all_read"),
    # A person's settings, and the language switcher.
    path("settings/", preferences.preferences, name="preferences"),
    path("language/", preferences.choose_language, name="choose_language"),
]
