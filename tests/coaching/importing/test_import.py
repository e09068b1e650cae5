"""HR imports new hires from a CSV or XLSX file: a dry-run preview with each row's problem,
then a confirmation that applies it once, in one transaction."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coaching.audit.models import CoachingLogEntry
from coaching.importing import imports
from coaching.importing.models import ImportStatus, PeopleImport
from coaching.models import CoachRelationship, TraineeProfile
from tests import builders

from .helpers import IN_TWO_WEEKS, csv_bytes, make_coach, row, upload, xlsx_bytes

pytestmark = pytest.mark.django_db

UPLOAD = reverse("people_imports:upload")


@pytest.fixture
def scene(hr):
    unit = builders.make_unit("Customer Service", slug="customer-service")
    builders.translate(unit, {"Customer Service": "Layanan Pelanggan"})
    return {
        "hr": hr,
        "unit": unit,
        "coach": make_coach("citra"),
        "buddy": builders.make_user("dewi"),
    }


def send(client, person, content, name="new-hires.csv"):
    client.force_login(person)
    return client.post(UPLOAD, {"file": upload(content, name)})


def preview_of(client, person, content, name="new-hires.csv"):
    response = send(client, person, content, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response.url), response.url


def rows_of(content, fmt="csv", by=None):
    people_import = PeopleImport.objects.create(
        uploaded_by=by, file_name=f"f.{fmt}", file_format=fmt, content=content
    )
    return people_import, imports.preview(people_import).rows


@pytest.mark.parametrize("make, name", [(csv_bytes, "hires.csv"), (xlsx_bytes, "hires.xlsx")])
def test_a_file_is_previewed_then_applied(
    client, scene, make, name, django_capture_on_commit_callbacks
):
    content = make([row(buddy="dewi@example.com"), row("Yusuf", "yusuf@example.com", coach="")])
    page, preview_url = preview_of(client, scene["hr"], content, name)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Putri Maharani" in html and "yusuf@example.com" in html
    assert not TraineeProfile.objects.exists()  # a dry run writes no one

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview_url)

    assert response.status_code == 302
    putri = TraineeProfile.objects.select_related("user").get(user__email="putri@example.com")
    assert (putri.user.first_name, putri.user.last_name) == ("Putri", "Maharani")
    assert putri.start_date == IN_TWO_WEEKS
    assert putri.business_unit == scene["unit"]
    assert putri.buddy == scene["buddy"]
    assert (
        CoachRelationship.objects.get(trainee=putri.user, is_primary=True).coach == scene["coach"]
    )
    assert not putri.user.has_usable_password()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "putri@example.com",
        "yusuf@example.com",
    ]
    done = PeopleImport.objects.get()
    assert (done.status, done.created, done.updated, done.unchanged) == ("applied", 2, 0, 0)
    assert done.uploaded_by == scene["hr"] and bytes(done.content) == b""
    assert CoachingLogEntry.objects.filter(action="coaching.import", user=scene["hr"]).count() == 1
    assert CoachingLogEntry.objects.filter(action="coaching.hire").count() == 2


def test_semicolons_and_first_and_last_name_columns(scene):
    headers = [
        "First Name",
        "Last_Name",
        "E-mail",
        "Start date",
        "Business unit",
        "Job title",
        "Coach",
        "Buddy",
    ]
    content = csv_bytes(
        [
            [
                "Putri",
                "Maharani",
                "putri@example.com",
                "31/01/2027",
                "layanan pelanggan",
                "Agent",
                "CITRA@example.com",
                "",
            ]
        ],
        headers=headers,
        delimiter=";",
    )
    _, rows = rows_of(content)
    assert [(r.outcome, r.name, r.problems) for r in rows] == [("new", "Putri Maharani", [])]


def problems(content):
    return {r.number: r.problems for r in rows_of(content)[1]}


def test_every_row_problem_is_named_beside_its_row(scene):
    trainee = builders.make_trainee("nadia")
    found = problems(
        csv_bytes(
            [
                row("A", "a@example.com", unit="Marketing"),
                row("B", "b@example.com", start="31/02/2027"),
                row("C", "c@example.com"),
                row("C again", "C@example.com"),
                row("D", "d@example.com", coach="nobody@example.com"),
                row("E", "citra@example.com", coach="citra@example.com"),
                row("F", ""),
                row("G", "g@example.com", coach="dewi@example.com"),
                row("H", "h@example.com", buddy="nadia@example.com"),
                row("I", "i@example.com", buddy="citra@example.com"),
                row("J", "not-an-address"),
                row("", "k@example.com"),
                row("L", "l@example.com", start=" "),
                row("Nadia", "nadia@example.com", coach="nadia@example.com"),
            ]
        )
    )
    assert trainee.trainee_profile
    assert "No business unit is called “Marketing”" in problems_text(found[1])
    assert "is not a day" in problems_text(found[2])
    assert found[3] == []
    assert "This address is on row 3 too." in problems_text(found[4])
    assert "No one here has the address nobody@example.com." in problems_text(found[5])
    assert "is not a new hire" in problems_text(found[6])  # citra: a coach, not a new hire
    assert "The email address is missing" in problems_text(found[7])
    assert "may not coach yet" in problems_text(found[8])
    assert "is a new hire too" in problems_text(found[9])
    assert "Pick someone other than the coach as the buddy." in problems_text(found[10])
    assert "is not an email address" in problems_text(found[11])
    assert "The name is missing." in problems_text(found[12])
    assert "The start date is missing." in problems_text(found[13])
    assert "A new hire cannot be their own coach." in problems_text(found[14])


def problems_text(found):
    return " ".join(f"{label}: {message}" for label, message in found)


def test_a_file_with_problems_cannot_be_confirmed(client, scene):
    page, preview_url = preview_of(client, scene["hr"], csv_bytes([row(unit="Marketing")]))
    assert "Import these new hires" not in page.content.decode()

    response = client.post(preview_url)

    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()
    assert not TraineeProfile.objects.exists()
    assert PeopleImport.objects.get().status == ImportStatus.PENDING


def apply(content, by):
    people_import = PeopleImport.objects.create(
        uploaded_by=by, file_name="f.csv", file_format="csv", content=content
    )
    assert imports.apply(people_import, by=by)
    return PeopleImport.objects.get(pk=people_import.pk)


def test_importing_the_same_file_again_changes_nothing(scene):
    content = csv_bytes([row(buddy="dewi@example.com"), row("Yusuf Ramadhan", "yusuf@example.com")])
    apply(content, scene["hr"])
    profiles = list(TraineeProfile.objects.values())
    links = list(CoachRelationship.objects.values())
    mail.outbox.clear()

    again = apply(content, scene["hr"])

    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert list(TraineeProfile.objects.values()) == profiles
    assert list(CoachRelationship.objects.values()) == links
    assert mail.outbox == []
    assert not CoachingLogEntry.objects.filter(action="coaching.import_update").exists()


def test_a_changed_row_updates_the_person(scene):
    apply(csv_bytes([row(buddy="dewi@example.com")]), scene["hr"])
    a_week_ago = timezone.localdate() - datetime.timedelta(days=7)
    CoachRelationship.objects.update(starts_on=a_week_ago)
    sales = builders.make_unit("Sales", slug="sales")
    new_coach = make_coach("agus")
    later = IN_TWO_WEEKS + datetime.timedelta(days=7)
    content = csv_bytes(
        [
            row(
                "Putri Anggraini",
                start=later.isoformat(),
                unit="Sales",
                title="Seller",
                coach="agus@example.com",
                buddy="citra@example.com",
            )
        ]
    )
    _, rows = rows_of(content)
    assert rows[0].outcome == "updated"
    assert set(rows[0].changes) == {
        "Last name",
        "Start date",
        "Business unit",
        "Job title",
        "Coach",
        "Buddy",
    }

    done = apply(content, scene["hr"])

    assert (done.created, done.updated) == (0, 1)
    putri = TraineeProfile.objects.select_related("user").get()
    assert putri.user.last_name == "Anggraini"
    assert (putri.start_date, putri.business_unit, putri.job_title) == (later, sales, "Seller")
    assert putri.buddy == scene["coach"]
    primary = CoachRelationship.objects.active().filter(trainee=putri.user, is_primary=True)
    assert [link.coach for link in primary] == [new_coach]
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert CoachRelationship.objects.get(coach=scene["coach"]).ends_on == yesterday
    assert CoachingLogEntry.objects.filter(
        action="coaching.import_update", trainee_id=putri.user_id
    ).exists()


def test_empty_cells_keep_what_is_known(scene):
    apply(csv_bytes([row(buddy="dewi@example.com")]), scene["hr"])
    _, rows = rows_of(csv_bytes([row(start=" ", unit="", title="", coach="", buddy="")]))
    assert rows[0].outcome == "unchanged"


def test_confirming_twice_applies_once(client, scene, django_capture_on_commit_callbacks):
    _, preview_url = preview_of(client, scene["hr"], csv_bytes([row()]))
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(preview_url)
        second = client.post(preview_url)  # the second tab

    assert first.status_code == second.status_code == 302
    assert TraineeProfile.objects.count() == 1
    assert len(mail.outbox) == 1
    assert CoachingLogEntry.objects.filter(action="coaching.import").count() == 1
    messages = [str(m) for m in second.wsgi_request._messages]
    assert any("imported already" in m for m in messages)


def test_other_file_types_and_bad_files_are_refused_beside_the_field(client, scene):
    for content, name, message in [
        (b"%PDF-1.4", "hires.pdf", "Upload a CSV or XLSX file"),
        (b"not a zip", "hires.xlsx", "is not an Excel workbook"),
        (b"a,b\n1,2\n", "hires.csv", "The first row must name the columns"),
        (csv_bytes([]), "hires.csv", "This file has no new hires"),
    ]:
        response = send(client, scene["hr"], content, name)
        assert response.status_code == 200
        assert message in response.content.decode(), name
    assert not PeopleImport.objects.exists()


def test_size_and_row_limits(client, scene, settings):
    settings.COACHING_IMPORT_MAX_ROWS = 2
    response = send(client, scene["hr"], csv_bytes([row(), row(), row()]))
    assert "more than 2 rows" in response.content.decode()
    settings.COACHING_IMPORT_MAX_BYTES = 10
    response = send(client, scene["hr"], csv_bytes([row()]))
    assert "larger than" in response.content.decode()
    assert not PeopleImport.objects.exists()


def test_only_hr_may_import(client, scene, editor):
    content = csv_bytes([row()])
    for person in (scene["coach"], editor, builders.make_trainee("rizky")):
        response = send(client, person, content)
        assert response.status_code == 302 and "/admin/" in response.url
    assert not PeopleImport.objects.exists()


def test_someone_elses_upload_answers_404(client, scene):
    other_hr = builders.make_hr("hera")
    other_hr.user_permissions.add(Permission.objects.get(codename="access_admin"))
    _, preview_url = preview_of(client, scene["hr"], csv_bytes([row()]))
    client.force_login(other_hr)
    assert client.get(preview_url).status_code == 404
    assert client.post(preview_url).status_code == 404
    assert not TraineeProfile.objects.exists()


def test_hostile_cells_are_shown_escaped_and_kept_as_text(client, scene):
    content = csv_bytes(
        [
            row(
                "<script>alert(1)</script> =cmd()",
                "x@example.com",
                title="<img src=x onerror=alert(1)>",
            )
        ]
    )
    page, preview_url = preview_of(client, scene["hr"], content)
    html = page.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    client.post(preview_url)
    profile = TraineeProfile.objects.select_related("user").get()
    assert profile.user.first_name == "<script>alert(1)</script>"
    assert profile.job_title == "<img src=x onerror=alert(1)>"


def test_the_example_files_import_as_they_are(client, scene):
    builders.make_user("dewi.lestari", email="dewi.lestari@nusantaraconnect.example")
    builders.make_user("agus.setiawan", email="agus.setiawan@nusantaraconnect.example")
    make_coach("citra.wulandari").__class__.objects.filter(username="citra.wulandari").update(
        email="citra.wulandari@nusantaraconnect.example"
    )
    client.force_login(scene["hr"])
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse(f"people_imports:example_{fmt}"))
        assert response.status_code == 200
        _, rows = rows_of(response.content, fmt)
        assert [(r.outcome, r.problems) for r in rows] == [("new", [])] * 3, fmt


def test_the_new_hires_listing_offers_the_import(client, scene, superuser):
    client.force_login(superuser)
    html = client.get(reverse("trainees:index")).content.decode()
    assert reverse("people_imports:upload") in html


def test_the_list_of_imports(client, scene):
    apply(csv_bytes([row()]), scene["hr"])
    client.force_login(scene["hr"])
    response = client.get(reverse("people_imports:index"))
    assert response.status_code == 200, response
    assert "f.csv" in response.content.decode()
    assert get_user_model().objects.filter(email="putri@example.com").exists()
