"""The demo loader builds a believable company, and running it twice adds nothing."""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Revision, Site

from coaching.account.languages import chosen_language, remember_language
from coaching.learning import stored
from coaching.models import (
    Assignment,
    CheckAttempt,
    CoachRelationship,
    ReadAgain,
    StepProgress,
    TraineeProfile,
)
from lessons.models import (
    BusinessUnit,
    BusinessUnitPage,
    CompanyProfilePage,
    CompanyValue,
    KnowledgeCheck,
    LearningPath,
    LearningPortalPage,
    ModulePage,
    PathVersion,
    PathVersionStep,
)

pytestmark = pytest.mark.django_db

COUNTED = [
    get_user_model(),
    Assignment,
    CoachRelationship,
    StepProgress,
    TraineeProfile,
    Page,
    Revision,
    BusinessUnit,
    CompanyValue,
    KnowledgeCheck,
    LearningPath,
    PathVersion,
    PathVersionStep,
]


def load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_loading_twice_adds_nothing():
    load()
    first = counts()

    output = load()

    assert counts() == first
    assert "nothing to add" in output


def test_the_demo_company_is_complete():
    load()

    portal = LearningPortalPage.objects.get(locale__language_code="en")
    assert Site.objects.get(is_default_site=True).root_page_id == portal.pk
    assert BusinessUnit.objects.originals().count() == 3
    assert CompanyValue.objects.originals().count() == 4
    assert ModulePage.objects.live().count() >= 6
    assert ModulePage.objects.filter(knowledge_check__isnull=False).count() >= 1
    paths = LearningPath.objects.filter(live=True, current_version__isnull=False)
    assert paths.count() == 2
    kinds = set(PathVersionStep.objects.values_list("kind", flat=True))
    assert kinds == {"module", "task", "checkin", "knowledge_check"}
    assert not PathVersionStep.objects.filter(kind="module", page__isnull=True).exists()


def test_the_command_prints_where_to_sign_in_and_the_accounts():
    output = load()

    assert "/admin/" in output and "/onboarding/sign-in/" in output
    for username in ("hana", "edi", "citra", "nadia", "bima", "rizky"):
        assert username in output


def test_every_demo_portal_is_private_to_signed_in_people(client):
    from django.urls import reverse
    from wagtail.models import PageViewRestriction

    load()

    for portal in LearningPortalPage.objects.all():
        assert list(portal.view_restrictions.values_list("restriction_type", flat=True)) == [
            PageViewRestriction.LOGIN
        ]
        for page in portal.get_descendants(inclusive=True).live():
            response = client.get(page.url)
            assert response.status_code == 302, page.url
            assert response.url.startswith(reverse("coaching:sign_in") + "?next="), page.url


def test_demo_people_can_sign_in_with_the_printed_password(client):
    load()

    assert client.login(username="nadia", password="onboard-demo")


def test_every_demo_page_renders_for_a_new_hire(client):
    load()
    client.login(username="nadia", password="onboard-demo")
    portal = LearningPortalPage.objects.get(locale__language_code="en")

    for page in portal.get_descendants(inclusive=True).live().specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    for learning_path in LearningPath.objects.all():
        assert client.get(f"{portal.url}paths/{learning_path.slug}/").status_code == 200


def test_demo_roles_reach_what_they_manage_in_the_admin(client):
    from django.urls import reverse

    load()
    portal = LearningPortalPage.objects.get(locale__language_code="en")
    add_module = reverse("wagtailadmin_pages:add", args=["lessons", "modulepage", portal.pk])
    add_path = reverse("wagtailsnippets_lessons_learningpath:add")
    units = reverse("wagtailsnippets_lessons_businessunit:list")
    expected = {
        "edi": {add_module: 200, add_path: 200},
        "hana": {units: 200, add_path: 200},
        "nadia": {add_module: 302, add_path: 302, units: 302},  # sent to the admin login
    }

    for username, urls in expected.items():
        client.login(username=username, password="onboard-demo")
        for url, status in urls.items():
            assert client.get(url).status_code == status, (username, url)
        client.logout()


def test_the_demo_shows_onboarding_under_way(client):
    from django.urls import reverse

    load()

    client.login(username="citra", password="onboard-demo")
    dashboard = client.get(reverse("coaching:dashboard"))
    assert [str(row) for row in dashboard.context["page_obj"]] == [
        "Bima Prasetyo",
        "Nadia Rahmawati",
    ]
    nadia = TraineeProfile.objects.get(user__username="nadia").user
    assert (
        "Waiting for your sign-off" in client.get(reverse("coaching:trainee", args=[nadia.pk])).text
    )
    client.login(username="nadia", password="onboard-demo")
    home = client.get(reverse("coaching:home"))
    assert "Company orientation" in home.text and "Customer Service essentials" in home.text
    # The demo's progress was made through the same calls as a person's: every stored
    # figure is what the rows say.
    assert stored.drift() == []
    assert stored.trainee_drift() == []


def test_the_company_profile_and_modules_are_in_both_languages(client):
    load()
    client.login(username="nadia", password="onboard-demo")
    # Nadia chooses Bahasa Indonesia in the header, as the README's demo tour says: the
    # pages follow her language (an English reader opening /id/... gets the English page).
    client.post(reverse("coaching:choose_language"), {"language": "id", "next": "/"})
    english, indonesian = (
        LearningPortalPage.objects.get(locale__language_code=code) for code in ("en", "id")
    )
    assert client.get(english.url).url == indonesian.url

    translated = indonesian.get_descendants().live().specific()
    assert translated.type(CompanyProfilePage).count() == 1
    assert translated.type(ModulePage).count() >= 3
    for page in [indonesian, *translated]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.text.count('lang="id"') >= 1
    assert english.get_translation(indonesian.locale) == indonesian


def test_every_unit_and_value_is_in_indonesian_too():
    load()

    for model in (BusinessUnit, CompanyValue):
        originals = model.objects.originals()
        indonesian = model.objects.filter(locale__language_code="id")
        assert {row.translation_key for row in indonesian} == {
            row.translation_key for row in originals
        }
        assert not {row.name for row in indonesian} & {row.name for row in originals}
    assert BusinessUnit.objects.get(slug="sales", locale__language_code="id").name == "Penjualan"


def test_bima_is_out_of_attempts_and_his_coach_can_unblock_him(client):
    load()
    bima = get_user_model().objects.get(username="bima")
    attempts = CheckAttempt.objects.filter(assignment__trainee=bima)
    check = attempts.first().knowledge_check
    client.force_login(get_user_model().objects.get(username="citra"))

    page = client.get(reverse("coaching:trainee", args=[bima.pk])).content.decode()

    assert attempts.count() == check.max_attempts and not attempts.filter(passed=True).exists()
    assert "Grant more attempts" in page


def test_the_demo_hr_person_adds_a_new_hire_with_the_demos_units_and_coaches(client):
    load()
    client.login(username="hana", password="onboard-demo")
    form = client.get(reverse("trainees:add")).text
    assert "Citra Wulandari" in form and "Network Operations" in form  # coaches, units
    unit = BusinessUnit.objects.originals().get(slug="network-operations")
    agus = get_user_model().objects.get(username="agus")

    response = client.post(
        reverse("trainees:add"),
        {
            "first_name": "Sari",
            "last_name": "Utami",
            "email": "sari.utami@nusantaraconnect.example",
            "start_date": "2027-01-04",
            "business_unit": unit.pk,
            "job_title": "Field Technician",
            "coach": agus.pk,
        },
        follow=True,
    )

    assert "Sari Utami is a new hire" in response.text
    assert CoachRelationship.objects.filter(coach=agus, trainee__first_name="Sari").exists()


def test_every_demo_path_and_check_is_in_bahasa_indonesia_as_the_same_content():
    """Translated in wagtail-localize, each path and check has one Indonesian translation;
    only the English originals are assigned."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        load()

    originals = LearningPath.objects.filter(locale__language_code="en")
    translated = LearningPath.objects.filter(locale__language_code="id", live=True)
    assert {path.translation_key for path in translated} == {
        path.translation_key for path in originals
    }
    assert set(LearningPath.objects.assignable()) == set(originals)
    orientation = originals.get(slug="company-orientation").current_version
    assert orientation.translations["id"]["title"] == "Orientasi perusahaan"
    checkin = orientation.steps.get(kind="checkin")
    assert checkin.translations["id"]["title"] == "Check-in orientasi bersama coach Anda"
    check = KnowledgeCheck.objects.get(
        locale__language_code="id", title="Melindungi data pelanggan"
    )
    assert check.questions[1].value["choices"][2]["text"] == (
        "Daftar harga Connect Home fiber yang sudah kita umumkan."
    )
    assert KnowledgeCheck.objects.filter(locale__language_code="id").count() == (
        KnowledgeCheck.objects.filter(locale__language_code="en").count()
    )


class TextPieces(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: set[str] = set()

    def handle_data(self, data):
        if text := " ".join(data.split()):
            self.pieces.add(text)


def text_of(page, language):
    """Every piece of text a reader sees of the page's own content, rendered in
    `language`: its fields, its body's blocks and (a unit page's) contacts."""
    parser = TextPieces()
    with translation.override(language):
        parser.feed(str(page.body) if hasattr(page, "body") else "")
    for name in ("title", "summary", "mission", "intro"):
        parser.handle_data(getattr(page, name, ""))
    for contact in page.contacts.all() if isinstance(page, BusinessUnitPage) else []:
        parser.handle_data(contact.name)
        parser.handle_data(contact.topic)
    return parser.pieces


# The units' names as the company calls them, in running text in either language (the
# unit itself is named in the reader's language on the portal).
UNIT_NAMES = {"Sales", "Customer Service", "Network Operations"}


def test_every_demo_page_is_in_bahasa_indonesia_to_the_last_block():
    load()
    portal = LearningPortalPage.objects.get(locale__language_code="en")
    indonesian = Locale.objects.get(language_code="id")

    for page in portal.get_descendants(inclusive=True).live().specific():
        translated = page.get_translation_or_none(indonesian)
        assert translated is not None, f"{page.title} has no Indonesian translation"
        same = text_of(page, "en") & text_of(translated.specific, "id")
        left = {piece for piece in same - UNIT_NAMES if re.search(r"[a-z]{2}", piece)}
        assert not left, f"{page.title}: {left}"


def test_some_demo_people_read_and_write_in_bahasa_indonesia(client):
    load()
    people = {user.username: user for user in get_user_model().objects.all()}
    client.force_login(people["bima"])

    record = client.get(reverse("coaching:my_record"), follow=True).text

    assert {name for name, user in people.items() if chosen_language(user) == "id"} == {
        "bima",
        "dewi",
        "teguh",  # Rizky's buddy
    }
    assert '<html lang="id"' in record
    assert "Minggu pertama saya" in record  # his reflection
    assert "Itu butuh keberanian." in record  # Dewi's recognition of him


def test_loading_again_keeps_the_language_a_demo_person_chose_since():
    load()
    bima = get_user_model().objects.get(username="bima")
    remember_language(bima, "en")

    load()

    assert chosen_language(bima) == "en"


def test_nadia_sees_a_page_she_read_updated_since(client):
    load()
    nadia = get_user_model().objects.get(username="nadia")
    request = ReadAgain.objects.filter(progress__assignment__trainee=nadia).first()
    progress = request.progress
    client.force_login(nadia)

    step = client.get(
        reverse("coaching:step", args=[progress.assignment_id, progress.step.position + 1])
    ).text

    assert request.reason == "changed" and progress.status == "done"
    assert "Updated since you read it" in step and "Credits for long outages." in step
    assert "To read again" in client.get(reverse("coaching:home")).text


def test_edi_has_a_module_review_due_on_the_dashboard(client):
    load()
    client.force_login(get_user_model().objects.get(username="edi"))

    home = client.get(reverse("wagtailadmin_home")).text

    assert "Onboarding content to review" in home


def test_nadia_reading_in_bahasa_indonesia_sees_the_change_in_her_language(client):
    load()
    nadia = get_user_model().objects.get(username="nadia")
    remember_language(nadia, "id")
    progress = ReadAgain.objects.filter(progress__assignment__trainee=nadia).first().progress
    client.force_login(nadia)

    step = client.get(
        reverse("coaching:step", args=[progress.assignment_id, progress.step.position + 1])
    ).text

    assert "Diperbarui sejak Anda membacanya" in step
    assert "Kompensasi untuk gangguan panjang." in step
    assert "Credits for long outages." not in step


def test_the_printed_api_token_is_hanas_and_lists_the_demo_new_hires():
    output = load()
    key = re.search(r"Hana's API token, an HR system's \(shown once\): (wagtail_\w+)", output)
    assert key, output
    answer = Client().get(
        "/onboarding/api/v1/people/", headers={"Authorization": f"Bearer {key.group(1)}"}
    )
    assert answer.status_code == 200
    assert answer.json()["count"] == TraineeProfile.objects.count() >= 3
    assert "Hana's API token" not in load()  # shown once
