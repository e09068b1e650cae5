"""HR adds a new hire in one form: account, profile and coaching link together, and an
invitation to choose a password."""

import datetime
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone

from coaching.audit.models import CoachingLogEntry
from coaching.models import CoachRelationship, TraineeProfile
from coaching.people import hiring
from coaching.people.access import coached_profiles
from tests import builders

pytestmark = pytest.mark.django_db

IN_TWO_WEEKS = timezone.localdate() + datetime.timedelta(days=14)


def make_coach(username="citra"):
    coach = builders.make_user(username)
    coach.user_permissions.add(Permission.objects.get(codename="coach_trainees"))
    return coach


def new_hire(**changes):
    data = {
        "first_name": "Rizky",
        "last_name": "Pratama",
        "email": "Rizky.Pratama@Example.com",
        "start_date": IN_TWO_WEEKS.isoformat(),
        "job_title": "Network technician",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def hire_rizky(*, by):
    """Rizky, hired through `hiring.hire` (no coach), starting in two weeks."""
    return hiring.hire(
        first_name="Rizky", last_name="", email="rizky@example.com", start_date=IN_TWO_WEEKS, by=by
    )


def test_one_form_makes_the_account_the_profile_and_the_coaching_link(
    admin_client, django_capture_on_commit_callbacks
):
    coach = make_coach()
    buddy = builders.make_user("dewi")
    unit = builders.make_unit("Network Operations")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("trainees:add"),
            new_hire(business_unit=unit.pk, coach=coach.pk, buddy=buddy.pk),
            follow=True,
        )

    person = get_user_model().objects.get(email="rizky.pratama@example.com")
    assert person.get_username() == "rizky.pratama@example.com"
    assert (person.first_name, person.last_name) == ("Rizky", "Pratama")
    assert not person.has_usable_password()
    profile = person.trainee_profile
    assert (profile.start_date, profile.business_unit, profile.buddy) == (IN_TWO_WEEKS, unit, buddy)
    assert profile.job_title == "Network technician"
    link = CoachRelationship.objects.get(trainee=person)
    assert (link.coach, link.is_primary, link.starts_on) == (coach, True, timezone.localdate())
    assert "Rizky Pratama is a new hire" in response.text
    assert "rizky.pratama@example.com" in response.text
    assert set(
        CoachingLogEntry.objects.filter(trainee=person).values_list("action", flat=True)
    ) == {"coaching.hire", "coaching.invite", "coaching.link_start"}
    [email] = mail.outbox
    assert email.to == ["rizky.pratama@example.com"]
    assert "choose your password" in email.subject.lower()


def test_the_coach_sees_a_new_hire_who_starts_in_two_weeks(admin_client):
    coach = make_coach()

    admin_client.post(reverse("trainees:add"), new_hire(coach=coach.pk))

    assert [profile.user.first_name for profile in coached_profiles(coach)] == ["Rizky"]


def test_the_invitation_link_lets_the_new_hire_choose_a_password_once(
    client, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hire_rizky(by=admin_user)
    link = re.search(r"https?://\S+(/onboarding/welcome/\S+/)", mail.outbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    assert "Choose your password" in form_page.text
    chosen = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a long walk to work", "new_password2": "a long walk to work"},
        follow=True,
    )

    assert "Your password is set" in chosen.text
    assert client.login(username="rizky@example.com", password="a long walk to work")
    client.logout()
    assert "This link no longer works" in client.get(link, follow=True).text


def test_a_used_email_address_is_refused_beside_the_field(admin_client):
    builders.make_user("nadia", email="nadia@example.com")

    response = admin_client.post(reverse("trainees:add"), new_hire(email="NADIA@example.com"))

    assert response.status_code == 200
    assert "Someone already has an account with this email address" in response.text
    assert not TraineeProfile.objects.exists()


def test_the_same_hire_from_two_tabs_makes_one_account(admin_user):
    hire_rizky(by=admin_user)

    with pytest.raises(hiring.EmailTaken):
        hire_rizky(by=admin_user)

    assert get_user_model().objects.filter(email="rizky@example.com").count() == 1


def test_only_people_who_may_coach_are_offered_as_coach():
    make_coach("citra")
    builders.make_user("bima")

    form = hiring.NewHireForm()

    assert [str(choice[1]) for choice in form.fields["coach"].choices][1:] == ["Citra"]


def test_the_coaches_offered_are_todays_not_those_of_the_day_the_form_was_imported():
    # A coaching link that starts tomorrow: its coach may not coach today, but does
    # tomorrow, when a form built then must offer them.
    coach, trainee = builders.make_user("gita"), builders.make_user("bima")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    CoachRelationship.objects.create(coach=coach, trainee=trainee, starts_on=tomorrow)
    offered = [str(choice[1]) for choice in hiring.NewHireForm().fields["coach"].choices]
    assert "Gita" not in offered

    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        offered = [str(choice[1]) for choice in hiring.NewHireForm().fields["coach"].choices]

    assert offered[1:] == ["Gita"]


def test_a_start_date_is_required_and_said_so(admin_client):
    response = admin_client.post(reverse("trainees:add"), new_hire(start_date=""))

    assert "This field is required" in response.text
    assert not get_user_model().objects.filter(email__icontains="rizky").exists()


def test_the_coach_dashboard_says_when_a_new_hire_starts(client, admin_client):
    coach = make_coach()
    admin_client.post(reverse("trainees:add"), new_hire(coach=coach.pk))
    client.force_login(coach)
    person = get_user_model().objects.get(first_name="Rizky")
    when = formats.date_format(IN_TWO_WEEKS, "MONTH_DAY_FORMAT")

    dashboard = client.get(reverse("coaching:dashboard")).text
    their_page = client.get(reverse("coaching:trainee", args=[person.pk])).text

    assert "Rizky Pratama" in dashboard and f"starts on {when}" in dashboard
    assert "starts on " + formats.date_format(IN_TWO_WEEKS, "DATE_FORMAT") in their_page


def test_hr_sends_a_new_invitation_once_for_a_double_click(
    admin_client, admin_user, django_capture_on_commit_callbacks
):
    profile = hire_rizky(by=admin_user)
    CoachingLogEntry.objects.filter(action="coaching.invite").update(
        timestamp=timezone.now() - datetime.timedelta(days=4)
    )
    url = reverse("trainees:invite", args=[profile.pk])
    assert "Send a new invitation" in admin_client.get(reverse("trainees:index")).text
    assert "has not chosen a password yet" in admin_client.get(url).text

    with django_capture_on_commit_callbacks(execute=True):
        first = admin_client.post(url, follow=True)
        second = admin_client.post(url, follow=True)

    assert "A new invitation is on its way to rizky@example.com." in first.text
    assert "An invitation was sent a moment ago." in second.text
    assert len(mail.outbox) == 1


def test_no_new_invitation_once_a_password_is_chosen(admin_client):
    trainee = builders.make_trainee("nadia")

    response = admin_client.post(
        reverse("trainees:invite", args=[trainee.trainee_profile.pk]), follow=True
    )

    assert "Nadia has chosen a password already." in response.text
    assert not CoachingLogEntry.objects.filter(action="coaching.invite").exists()
    assert not mail.outbox


def test_the_add_form_says_its_title_once(admin_client):
    html = admin_client.get(reverse("trainees:add")).content.decode()

    assert "<title>Add a new hire - " in html or "<title>Add a new hire" in html
    assert "Add a new hire: Add a new hire" not in html


def test_the_unit_coach_and_buddy_lists_say_what_choosing_none_means(admin_client):
    page = admin_client.get(reverse("trainees:add")).text

    assert re.search(r'<option value=""[^>]*>No unit yet</option>', page)
    assert re.search(r'<option value=""[^>]*>No coach yet</option>', page)
    assert re.search(r'<option value=""[^>]*>No buddy</option>', page)
    assert "---------" not in page


def test_only_people_who_are_not_new_hires_themselves_are_offered_as_buddy(
    django_assert_num_queries,
):
    builders.make_user("dewi")
    builders.make_trainee("nadia")
    builders.make_trainee("bima")
    buddy = hiring.NewHireForm().fields["buddy"]

    with django_assert_num_queries(1):  # the people who have no new hire's profile
        offered = [str(label) for _, label in buddy.choices]

    assert offered == ["No buddy", "Dewi"]
