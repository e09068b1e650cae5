"""Evidence on a practical task: the new hire attaches files or photos, each checked on what
it is and its size; only the new hire, their coaches and HR can open them, through a view
that checks who asks; the coach sees them beside Sign off; erasure removes them and the
export lists them."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from coaching.learning.evidence import KINDS
from coaching.learning.progress import StepError, submit_task
from coaching.models import Evidence, StepProgress
from coaching.record.erasure import erase_record, record_parts
from coaching.record.export import learning_as_data
from tests import builders

pytestmark = pytest.mark.django_db

NOTE = "Shadowed Rina on three calls."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(name="call.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="notes.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")


def docx(name="notes.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def task(trainee):
    """An assignment whose one step is a practical task, with what it asks for."""
    return builders.assign(builders.make_path("Shadowing", steps=["Shadow three calls"]), trainee)


def submit(client, assignment, *files, note=NOTE):
    url = reverse("coaching:submit_task", args=[assignment.pk, 1])
    return client.post(url, {"text": note, "evidence": list(files)})


def test_a_task_is_sent_with_a_note_and_evidence_and_shows_them_back(client, trainee, task):
    client.force_login(trainee)

    response = submit(client, task, png(), pdf(), docx())

    assert response.status_code == 302
    files = list(Evidence.objects.order_by("name"))
    assert [(file.name, file.content_type) for file in files] == [
        ("call.png", "image/png"),
        ("notes.docx", KINDS["docx"].content_type),
        ("notes.pdf", "application/pdf"),
    ]
    assert all(file.progress.note == NOTE for file in files)
    html = client.get(response.url).content.decode()
    assert f'<blockquote class="sent-note">{NOTE}</blockquote>' in html
    for file in files:
        assert reverse("coaching:evidence", args=[file.pk]) in html
    assert f"{NOTE}</textarea>" in html  # the form holds the note to change it


def test_the_stored_path_has_a_random_part(client, trainee, task):
    client.force_login(trainee)
    submit(client, task, png())
    submit(client, task, png())

    first, second = (file.file.name for file in Evidence.objects.order_by("pk"))

    assert first.startswith("coaching/evidence/") and first.endswith("/call.png")
    assert first != second


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("call.png", b"just words, not a picture"),
            "call.png does not look like a .png file inside.",
        ),
        (
            SimpleUploadedFile("notes.pdf", b"<html>not a pdf</html>"),
            "notes.pdf does not look like a .pdf file inside.",
        ),
        (SimpleUploadedFile("fake.docx", b"PK\x03\x04broken"), "fake.docx does not look like"),
        (
            SimpleUploadedFile("run.exe", b"MZ\x90\x00"),
            "run.exe is not a type you can attach.",
        ),
        (SimpleUploadedFile("empty.pdf", b""), "empty.pdf is empty."),
    ],
    ids=["text as png", "html as pdf", "broken docx", "exe", "empty"],
)
def test_a_file_that_is_not_what_it_says_is_refused_beside_the_field(
    client, trainee, task, upload, message
):
    client.force_login(trainee)

    response = submit(client, task, upload)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'class="field__error"' in html
    assert f"{NOTE}</textarea>" in html  # what was typed is kept
    assert not StepProgress.objects.exists() and not Evidence.objects.exists()


def test_a_file_over_the_limit_is_refused(client, trainee, task, settings):
    settings.COACHING_EVIDENCE_MAX_BYTES = 20
    client.force_login(trainee)

    html = submit(client, task, png(), pdf()).content.decode()

    assert "notes.pdf is 39\xa0bytes; files can be at most 20\xa0bytes." in html
    assert not Evidence.objects.exists()


def test_a_task_holds_a_limited_number_of_files(client, trainee, task, settings):
    settings.COACHING_EVIDENCE_MAX_FILES = 2
    client.force_login(trainee)
    submit(client, task, png())

    html = submit(client, task, png(), pdf()).content.decode()

    assert "A task holds at most 2 files; 1 more can be attached." in html
    assert Evidence.objects.count() == 1


def test_files_sent_from_two_tabs_together_stay_within_the_limit(trainee, task, settings):
    """Each tab's form counted the one file held when it was shown; the second to arrive
    finds the task full."""
    settings.COACHING_EVIDENCE_MAX_FILES = 2
    step = builders.steps_of(task)[0]
    submit_task(task, step, files=[(png(), KINDS["png"])])
    submit_task(task, step, files=[(pdf(), KINDS["pdf"])])

    with pytest.raises(StepError, match=r"A task holds at most 2 files; 0 more can be attached\."):
        submit_task(task, step, files=[(pdf("more.pdf"), KINDS["pdf"])])

    assert Evidence.objects.count() == 2


@pytest.fixture
def sent(client, trainee, task):
    step = builders.steps_of(task)[0]
    submit_task(task, step, note=NOTE)
    progress = StepProgress.objects.get()
    photo = Evidence.objects.create(
        progress=progress, file=png(), name="call.png", content_type="image/png", size=10
    )
    paper = Evidence.objects.create(
        progress=progress, file=pdf(), name="notes.pdf", content_type="application/pdf", size=10
    )
    return {"photo": photo, "pdf": paper}


@pytest.mark.parametrize("person", ["trainee", "coach", "hr"])
def test_those_who_may_see_the_task_open_its_evidence(client, people, sent, person):
    client.force_login(people[person])

    photo = client.get(reverse("coaching:evidence", args=[sent["photo"].pk]))
    paper = client.get(reverse("coaching:evidence", args=[sent["pdf"].pk]))

    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert not photo.get("Content-Disposition", "").startswith("attachment")
    assert paper["Content-Disposition"] == 'attachment; filename="notes.pdf"'
    assert b"".join(paper.streaming_content).startswith(b"%PDF-")
    for response in (photo, paper):
        assert response["X-Content-Type-Options"] == "nosniff"
        response.close()


@pytest.mark.parametrize("person", ["other_coach", "other_trainee", "former_coach", "colleague"])
def test_anyone_else_gets_404_for_evidence(client, people, sent, person):
    client.force_login(people[person])

    response = client.get(reverse("coaching:evidence", args=[sent["photo"].pk]))

    assert response.status_code == 404


def test_the_coach_sees_criteria_note_and_evidence_beside_sign_off(client, coach, trainee, sent):
    client.force_login(coach)

    html = client.get(reverse("coaching:trainee", args=[trainee.pk])).content.decode()

    sign_off = html[html.index('class="sign-off"') :]
    sign_off = sign_off[: sign_off.index("</section>")]
    assert "What the task asks for" in sign_off and "Do it well." in sign_off
    assert NOTE in sign_off
    assert reverse("coaching:evidence", args=[sent["photo"].pk]) in sign_off
    assert "notes.pdf" in sign_off
    assert ">Sign off</button>" in sign_off and ">Send back</button>" in sign_off


def test_after_signing_off_the_confirmation_shows_at_the_top_of_the_page(
    client, coach, trainee, task, sent
):
    client.force_login(coach)

    response = client.post(reverse("coaching:sign_off", args=[task.pk, 1]), {"text": ""})

    assert response.url == reverse("coaching:trainee", args=[trainee.pk])  # no anchor
    page = client.get(response.url)
    assert [str(message) for message in page.context["messages"]] == ["Signed off."]
    assert StepProgress.objects.get().status == "done"


def test_erasing_the_record_removes_the_evidence_and_its_files(
    hr, trainee, sent, django_capture_on_commit_callbacks
):
    stored = [file.file.name for file in sent.values()]
    storage = sent["photo"].file.storage
    assert "2 evidence files attached to practical tasks" in [
        part.text for part in record_parts(trainee)
    ]

    with django_capture_on_commit_callbacks(execute=True):
        erase_record(trainee, erased_by=hr)

    assert not Evidence.objects.exists()
    assert not any(storage.exists(name) for name in stored)


def test_the_export_lists_the_evidence(trainee, sent):
    step = learning_as_data(trainee)[0]["steps_detail"][0]

    assert [(file["name"], file["type"]) for file in step["evidence"]] == [
        ("call.png", "image/png"),
        ("notes.pdf", "application/pdf"),
    ]


def submit_with_files(task, count):
    """The task sent, with `count` files (made directly: the query pins are about showing)."""
    submit_task(task, builders.steps_of(task)[0], note=NOTE)
    progress = StepProgress.objects.get()
    for number in range(count):
        Evidence.objects.create(
            progress=progress, file=pdf(), name=f"{number}.pdf", content_type="x", size=1
        )


@pytest.mark.parametrize("count", [1, 5])
def test_a_task_step_costs_the_same_queries_with_one_or_many_files(
    portal, client, trainee, task, count, django_assert_num_queries
):
    submit_with_files(task, count)
    client.force_login(trainee)
    url = reverse("coaching:step", args=[task.pk, 1])
    client.get(url)  # warm per-process caches

    # session, user; the assignment with progress, its steps, its progress; the task's
    # evidence; the site, for the header's cached portal
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


def odt(mimetype, compression):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=compression)
        archive.writestr("content.xml", "<document/>")
    return SimpleUploadedFile("notes.odt", buffer.getvalue())


def test_an_opendocument_file_is_taken_with_its_mimetype_stored_as_the_standard_says(
    client, trainee, task
):
    client.force_login(trainee)

    submit(client, task, odt("application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED))

    assert Evidence.objects.get().name == "notes.odt"


def test_an_opendocument_file_whose_mimetype_is_compressed_is_refused_unread(client, trainee, task):
    """A compressed `mimetype` could inflate to gigabytes from a file under the limit (a
    zip bomb); the standard stores it uncompressed, so it is refused without reading it."""
    client.force_login(trainee)
    bomb = odt("application/vnd.oasis.opendocument.text" + " " * 10_000_000, zipfile.ZIP_DEFLATED)

    response = submit(client, task, bomb)

    assert response.status_code == 400
    assert "notes.odt does not look like a .odt file inside." in response.content.decode()
    assert not Evidence.objects.exists()


def test_the_printable_record_lists_the_evidence_by_name(client, trainee, sent):
    client.force_login(trainee)

    response = client.get(reverse("coaching:print_record"))

    assert "Files attached" in response.text
    assert "<li>call.png</li>" in response.text
    assert "<li>notes.pdf</li>" in response.text


@pytest.mark.parametrize("count", [1, 5])
def test_the_printable_record_costs_the_same_queries_with_one_or_many_files(
    portal, client, trainee, task, count, django_assert_num_queries
):
    submit_with_files(task, count)
    client.force_login(trainee)
    url = reverse("coaching:print_record")
    client.get(url)  # warm per-process caches

    # session, user; profile, coaches; assignments, their versions' steps, their progress,
    # its evidence files (one query whatever their number), knowledge check attempts;
    # the entries (one: the milestone none); goals; the site (for the cached portal)
    with django_assert_num_queries(12):
        response = client.get(url)

    assert f"<li>{count - 1}.pdf</li>" in response.text


def remove_url(task, file):
    return reverse("coaching:remove_evidence", args=[task.pk, 1, file.pk])


def test_the_new_hire_removes_a_file_before_sign_off(
    client, trainee, task, sent, django_capture_on_commit_callbacks
):
    photo = sent["photo"]
    stored, storage = photo.file.name, photo.file.storage
    client.force_login(trainee)
    page = client.get(reverse("coaching:step", args=[task.pk, 1])).content.decode()
    assert f'action="{remove_url(task, photo)}"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(remove_url(task, photo), follow=True)

    assert list(Evidence.objects.values_list("name", flat=True)) == ["notes.pdf"]
    assert not storage.exists(stored)
    assert "Removed call.png." in response.content.decode()
    assert f'action="{remove_url(task, sent["pdf"])}"' in response.content.decode()
    # a second click (or tab) finds nothing to remove
    assert client.post(remove_url(task, photo)).status_code == 404


def test_a_file_on_a_signed_off_task_stays(client, trainee, coach, task, sent):
    progress = StepProgress.objects.get()
    progress.status = "done"
    progress.save()
    client.force_login(trainee)

    page = client.get(reverse("coaching:step", args=[task.pk, 1])).content.decode()
    answer = client.post(remove_url(task, sent["photo"])).status_code

    assert answer == 404
    assert "coaching:remove_evidence" not in page and "/remove/" not in page
    assert Evidence.objects.count() == 2


@pytest.mark.parametrize("person", ["coach", "hr", "colleague"])
def test_only_the_new_hire_removes_their_file(client, people, task, sent, person):
    client.force_login(people[person])

    answer = client.post(remove_url(task, sent["photo"])).status_code

    assert answer == 404
    assert Evidence.objects.count() == 2


def test_deleting_an_assignment_removes_its_evidence_files(
    task, sent, django_capture_on_commit_callbacks
):
    stored = [(file.file.storage, file.file.name) for file in sent.values()]

    with django_capture_on_commit_callbacks(execute=True):
        task.delete()

    assert not Evidence.objects.exists()
    assert not any(storage.exists(name) for storage, name in stored)


def test_deleting_a_person_in_the_admin_removes_their_evidence_files(
    admin_client, trainee, sent, django_capture_on_commit_callbacks
):
    stored = [(file.file.storage, file.file.name) for file in sent.values()]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailusers_users:delete", args=[trainee.pk]))

    assert response.status_code == 302
    assert not StepProgress.objects.exists() and not Evidence.objects.exists()
    assert not any(storage.exists(name) for storage, name in stored)


def test_a_deletion_rolled_back_keeps_the_files(task, sent):
    stored = [(file.file.storage, file.file.name) for file in sent.values()]

    with transaction.atomic():
        task.delete()
        transaction.set_rollback(True)

    assert Evidence.objects.count() == 2
    assert all(storage.exists(name) for storage, name in stored)
