"""Reading a record: a Reply button on each entry; a printable copy holding the replies,
1:1 agendas and action items and learning progress, offered beside the JSON download;
the kudos wall's cheers; key results as people say them."""

import re
from decimal import Decimal

import pytest
from django.contrib.messages import INFO, get_messages
from django.urls import reverse
from django.utils import translation

from coaching.learning.progress import complete_module
from coaching.models import ActionItem, AgendaItem, Cheer, KeyResult
from coaching.record.forms import GoalCheckInForm
from coaching.record.models import GoalStatus
from coaching.record.timeline import GOALS_AT_THE_TOP
from tests import builders

from . import make

pytestmark = pytest.mark.django_db


def test_each_entry_of_the_timeline_has_a_reply_button_opening_its_reply_form(
    client, trainee, coach
):
    entry = make.feedback(trainee, coach)
    client.force_login(trainee)
    url = reverse("coaching:entry", args=[entry.pk])

    timeline = client.get(reverse("coaching:record", args=[trainee.pk])).text
    page = client.get(f"{url}?reply").text

    assert f'href="{url}?reply#reply">Reply<span class="visually-hidden">' in timeline
    assert 'class="form" id="reply">' in page
    assert '<textarea name="text" cols="40" rows="4" autofocus required id="id_text">' in page


def test_the_kudos_wall_offers_no_reply(client, trainee, coach, colleague):
    make.recognition(trainee, coach)
    client.force_login(colleague)

    assert "?reply#reply" not in client.get(reverse("coaching:kudos")).text


def test_the_printable_copy_holds_replies_agenda_action_items_and_progress(
    client, portal, trainee, coach
):
    feedback = make.feedback(trainee, coach)
    make.reply(feedback, trainee, "I will name the worry first next time.")
    meeting = make.one_on_one(trainee, coach)
    AgendaItem.objects.create(meeting=meeting, author=trainee, text="Evening shifts")
    ActionItem.objects.create(meeting=meeting, owner=trainee, text="Shadow Ayu on Friday")
    modules = [builders.make_module(portal, f"Module {n}", slug=f"m-{n}") for n in range(3)]
    assignment = builders.assign(builders.make_path("Orientation", steps=modules), trainee)
    complete_module(assignment, builders.steps_of(assignment)[0])
    client.force_login(trainee)

    html = client.get(reverse("coaching:print_record")).text

    for text in (
        "I will name the worry first next time.",
        "Evening shifts",
        "Shadow Ayu on Friday",
        "33% done",
        "1 of 3 steps done",
    ):
        assert text in html, text
    assert "1 reply" not in html and "1 agenda item" not in html


def test_the_record_offers_a_copy_to_read_beside_the_json(client, trainee):
    client.force_login(trainee)

    html = client.get(reverse("coaching:record", args=[trainee.pk])).text

    assert (
        f'<a class="button button--secondary" href="{reverse("coaching:print_record")}">'
        "A copy to read, print or save as PDF</a>"
    ) in html
    assert "Download as JSON" in html


# The kudos wall


def test_the_cheer_button_sits_in_its_card_beside_the_cheers_given(client, trainee, coach):
    entry = make.recognition(trainee, coach)
    make.cheer(entry, builders.make_user("dewi"))
    client.force_login(builders.make_user("bima"))

    html = client.get(reverse("coaching:kudos")).text

    card = html[html.index('<article class="card entry') : html.index("</article>")]
    assert ">Cheer</button>" in card
    assert "1 cheer: Dewi" in card


def test_someone_who_cheered_sees_you_cheered_and_no_button(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    make.cheer(entry, colleague)
    client.force_login(colleague)

    html = client.get(reverse("coaching:kudos")).text

    assert "You cheered" in html
    assert ">Cheer</button>" not in html


def test_a_second_cheer_stays_one_and_is_answered_as_information(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    client.force_login(colleague)
    url = reverse("coaching:cheer", args=[entry.pk])
    client.post(url, {"from": "wall"}, follow=True)  # its "Cheer added." is read

    response = client.post(url, {"from": "wall"})

    assert Cheer.objects.count() == 1
    assert [(m.level, m.message) for m in get_messages(response.wsgi_request)] == [
        (INFO, "You already cheered this.")
    ]


def test_the_people_named_in_a_recognition_see_no_cheer_button(client, trainee, coach):
    make.recognition(trainee, coach)
    client.force_login(trainee)

    html = client.get(reverse("coaching:kudos")).text

    assert ">Cheer</button>" not in html and "You cheered" not in html


# Key results


def test_a_key_result_reads_as_people_say_it(trainee, coach):
    goal = make.goal(trainee, coach)
    result = KeyResult.objects.get(goal=goal)
    result.current_value, result.target_value, result.unit = Decimal("12.00"), 40, "calls"

    assert result.figure() == "12 of 40 calls"
    assert result.span() == "From 0 to 40 calls"


def test_the_check_in_form_shows_numbers_without_useless_decimals(trainee, coach):
    goal = make.goal(trainee, coach)
    KeyResult.objects.update(current_value=Decimal("12.50"), target_value=40, unit="calls")

    with translation.override("id"):
        field = GoalCheckInForm(goal=goal).result_fields()[0]
        html = str(field)
        help_text = str(field.help_text)

    assert 'value="12,5"' in html and 'inputmode="decimal"' in html
    assert help_text == "Dari 0 menjadi 40 calls"


def test_a_number_typed_the_indonesian_way_is_read(trainee, coach):
    goal = make.goal(trainee, coach)
    result = KeyResult.objects.get(goal=goal)

    with translation.override("id"):
        form = GoalCheckInForm(
            {"status": "on_track", "confidence": "2", f"result_{result.pk}": "12,5"}, goal=goal
        )
        assert form.is_valid(), form.errors

    assert form.values() == {result.pk: Decimal("12.5")}


def goal_titles_at_the_top(client, trainee):
    text = client.get(reverse("coaching:record", args=[trainee.pk])).text
    top = text.split('aria-labelledby="goals-heading"')[1].split("</section>")[0]
    return re.findall(r"<h3><a [^>]*>([^<]+)</a>", top), top


def test_the_top_of_the_record_shows_the_first_open_goals_and_links_to_all(client, trainee, coach):
    done = make.goal(trainee, coach, title="Done first")
    done.status = GoalStatus.DONE
    done.save()
    for number in range(GOALS_AT_THE_TOP + 1):
        make.goal(trainee, coach, title=f"Open {number}")
    client.force_login(trainee)

    titles, top = goal_titles_at_the_top(client, trainee)

    newest_open = [f"Open {number}" for number in range(GOALS_AT_THE_TOP, 0, -1)]
    assert titles == newest_open
    assert 'href="?kind=goal#timeline-heading">All goals, in the timeline</a>' in top


def test_a_few_goals_are_all_at_the_top_open_ones_first_with_no_link(client, trainee, coach):
    done = make.goal(trainee, coach, title="Done first")
    done.status = GoalStatus.DONE
    done.save()
    make.goal(trainee, coach, title="Open later")
    client.force_login(trainee)

    titles, top = goal_titles_at_the_top(client, trainee)

    assert titles == ["Open later", "Done first"]
    assert "All goals" not in top
