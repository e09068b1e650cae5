from django.urls import path

from coaching.learning import dashboard_views, evidence_views, portal_views

step = "paths/<int:assignment_id>/steps/<int:number>/"
coach_step = "coach/assignments/<int:assignment_id>/steps/<int:number>/"

urlpatterns = [
    # The new hire's portal.
    path("", portal_views.home, name="home"),
    path("paths/<int:assignment_id>/", portal_views.assignment_detail, name="assignment"),
    path(step, portal_views.step_detail, name="step"),
    path(f"{step}done/", portal_views.complete_module, name="complete_module"),
    path(f"{step}check/", portal_views.take_check, name="take_check"),
    path(f"{step}submit/", portal_views.submit_task, name="submit_task"),
    path("evidence/<int:evidence_id>/", evidence_views.download, name="evidence"),
    path(
        f"{step}evidence/<int:evidence_id>/remove/",
        evidence_views.remove,
        name="remove_evidence",
    ),
    # The coach dashboard.
    path("coach/", dashboard_views.dashboard, name="dashboard"),
    path("coach/assign/", dashboard_views.assign, name="assign"),
    path("coach/trainees/<int:trainee_id>/", dashboard_views.trainee_detail, name="trainee"),
    *(
        path(route, dashboard_views.coach_action, {"action": name}, name=name)
        for route, name in (
            ("coach/assignments/<int:assignment_id>/cancel/", "cancel_assignment"),
            ("coach/assignments/<int:assignment_id>/due/", "change_due"),
            ("coach/assignments/<int:assignment_id>/move/", "move_version"),
            (f"{coach_step}sign-off/", "sign_off"),
            (f"{coach_step}send-back/", "send_back"),
            (f"{coach_step}plan/", "plan_checkin"),
            (f"{coach_step}record/", "record_checkin"),
            (f"{coach_step}more-attempts/", "grant_attempts"),
            (f"{coach_step}waive/", "waive"),
            (f"{coach_step}read-again/", "read_again"),
        )
    ),
]
