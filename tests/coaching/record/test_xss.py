"""Stored XSS: well-known payloads through every free-text field of every kind of entry,
then every page that shows them, parsed, must hold no executable markup.

Each payload gets its own entry of every kind (and its own reply, cheer, key result,
check-in, agenda item, action item, follow-up action and edit history), so no payload can
hide another. The entries are made through the ORM for speed; one test per page puts all
payloads in at once. Each stored text ends with a marker that must show up as text on the
page, so a payload that swallowed what follows it (an unclosed comment, say) is caught too.
"""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from coaching.common.text import render_user_text
from coaching.models import ActionItem, Entry, EntryRevision, GoalCheckIn, Reflection
from tests import builders

from . import make

PAYLOADS = [
    # script elements
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "</script><script>alert(1)</script>",
    "<script\x0c>alert(1)</script>",
    # event handlers
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(document.cookie)">',
    "<img/src=x/onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)//",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<x onclick=alert(1)>click me",
    '<a href="https://example.com" onclick="alert(1)">link</a>',
    # attribute breakouts
    '" onmouseover=alert(1) x="',
    "' onmouseover=alert(1) x='",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '" autofocus onfocus=alert(1) x="',
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</p></dd></dl></article><script>alert(1)</script>",
    # javascript: and data: URLs
    '<a href="javascript:alert(1)">click</a>',
    "<a href='JaVaScRiPt:alert(1)'>click</a>",
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="java\tscript:alert(1)">click</a>',
    "javascript:alert(1)",
    "JAVASCRIPT:alert(document.domain)",
    "<IMG SRC=javascript:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "data:text/html,<script>alert(1)</script>",
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<button formaction="javascript:alert(1)">go</button>',
    "[click](javascript:alert(1))",
    # frames, objects, embeds and friends
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<object data=javascript:alert(1)></object>",
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # style
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    "<style>@import 'javascript:alert(1)';</style>",
    # encoded variants
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "<!--<script>alert(1)</script>-->",
    "<!-- unclosed comment",
    "<![CDATA[<script>alert(1)</script>]]>",
    # links that urlize turns into anchors
    'https://example.com/"onmouseover="alert(1)',
    "https://example.com/<script>alert(1)</script>",
    "www.example.com/?q=<img src=x onerror=alert(1)>",
    "mailto:someone@example.com?subject=<script>alert(1)</script>",
    # template injection
    "{{ 7*7 }}",
    "{{ request.user.password }}",
    "{% debug %}",
    "{% include 'base.html' %}",
    "${7*7}",
    "<%= 7*7 %>",
    "#{7*7}",
]

DANGEROUS_TAGS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "base",
    "style",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")


def marker(number):
    return f"xss{number:03d}mark"


def stored(number, payload):
    """What goes into a field: the payload, then a marker that must appear as text."""
    return f"{payload} {marker(number)}"


def site_own(tag, attrs):
    """The site's own markup of these kinds, harmless whoever wrote it: a script from its
    static files (the header's menu button), a decorative icon (the header's)."""
    if tag == "script":
        return set(attrs) == {"src"} and (attrs["src"] or "").startswith(settings.STATIC_URL)
    return tag == "svg" and attrs.get("aria-hidden") == "true"


class ExecutableMarkup(HTMLParser):
    """Collects anything in a page that could run script, and the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS and not site_own(tag, dict(attrs)):
            self.found.append(f"<{tag}> element")
        if tag == "meta" and any(name == "http-equiv" for name, _value in attrs):
            self.found.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on") or name == "srcdoc":
                self.found.append(f"{name}= on <{tag}>")
            plain = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in URL_ATTRIBUTES and plain.startswith(BAD_SCHEMES):
                self.found.append(f"{name}={value!r} on <{tag}>")
            if name == "style" and ("expression(" in plain or "javascript:" in plain):
                self.found.append(f"style={value!r} on <{tag}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def check(html):
    """The executable markup in a page (none, we hope) and the page's text."""
    parser = ExecutableMarkup()
    parser.feed(html)
    parser.close()
    return parser.found, "".join(parser.text)


def assert_safe(response, markers):
    assert response.status_code == 200
    found, text = check(response.text)
    assert found == []
    assert [m for m in markers if m not in text] == []
    assert "md5$" not in response.text  # no password hash from a template injection


def test_there_are_enough_payloads():
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    assert max(len(stored(n, p)) for n, p in enumerate(PAYLOADS)) <= 200


def test_the_checker_finds_executable_markup():
    html = (
        '<p onclick="x"></p><a href=" JaVa\tScript:x">a</a><img src="data:x">'
        "<script></script><iframe></iframe><svg></svg><object></object><embed>"
    )

    found, _text = check(html)

    assert len(found) == 8


@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_text_renders_a_payload_safely(payload):
    found, text = check(str(render_user_text(stored(1, payload))))

    assert found == []
    assert marker(1) in text


# Pages. Each test below puts every payload into every field, then renders one kind of page.


@pytest.fixture
def people(coach, trainee):
    """nadia, her coach citra, and two colleagues: one gives recognition, one cheers it."""
    return {
        "coach": coach,
        "trainee": trainee,
        "giver": builders.make_user("giver"),
        "cheerer": builders.make_user("cheerer"),
    }


@pytest.fixture
def payload_record(people):
    """Every payload in every free-text field of every kind, one entry per payload and
    kind, on nadia's record. Returns the entries with the marker each one carries."""
    trainee, coach = people["trainee"], people["coach"]
    entries = []
    for number, payload in enumerate(PAYLOADS):
        text = stored(number, payload)
        feedback = make.feedback(trainee, coach, text=text)
        make.reply(feedback, trainee, text)
        make.reply(feedback, coach, text)
        recognition = make.recognition(trainee, people["giver"], message=text)
        make.cheer(recognition, people["cheerer"], message=text)
        reflection = make.reflection(trainee, title=text, text=text)
        EntryRevision.objects.create(
            entry=reflection, edited_by=trainee, previous={"title": text, "text": text}
        )
        goal = make.goal(trainee, coach, title=text, description=text, results=[text])
        GoalCheckIn.objects.create(
            goal=goal,
            author=trainee,
            comment=text,
            status="on_track",
            results=[{"id": 1, "title": text, "value": "1", "done": False}],
        )
        meeting = make.one_on_one(trainee, coach, notes=text)
        make.agenda_item(meeting, trainee, text)
        action = make.action_item(meeting, trainee, text)
        if number % 2:  # half stay open and carry over to every other 1:1, half are done
            ActionItem.objects.filter(pk=action.pk).update(done_at=timezone.now())
        review = make.review(trainee, coach, text=text)
        make.review_action(review, coach, text)
        entries += [
            (entry, marker(number))
            for entry in (feedback, recognition, reflection, goal, meeting, review)
        ]
    return entries


def all_markers():
    return [marker(number) for number in range(len(PAYLOADS))]


def every_page(client, url):
    """The pages of a paginated list, first to last."""
    number = 1
    while True:
        response = client.get(url, {"page": number})
        yield response
        if 'rel="next"' not in response.text:
            return
        number += 1


def test_entry_pages_are_safe(client, people, payload_record):
    client.force_login(people["trainee"])  # a record keeper sees replies and history too

    for entry, mark in payload_record:
        assert_safe(client.get(reverse("coaching:entry", args=[entry.pk])), [mark])


def test_the_record_timeline_is_safe(client, people, payload_record):
    client.force_login(people["trainee"])
    url = reverse("coaching:record", args=[people["trainee"].pk])

    pages = list(every_page(client, url))

    assert len(pages) == -(-len(payload_record) // 20)
    text = ""
    for response in pages:
        assert_safe(response, [])
        text += check(response.text)[1]
    # every entry is on some page of the timeline (and the first goals at the top of each)
    assert [m for m in all_markers() if m not in text] == []


def test_the_kudos_wall_is_safe(client, people, payload_record):
    client.force_login(people["cheerer"])

    pages = list(every_page(client, reverse("coaching:kudos")))

    text = ""
    for response in pages:
        assert_safe(response, [])
        text += check(response.text)[1]
    assert [m for m in all_markers() if m not in text] == []


def test_the_printable_page_is_safe(client, people, payload_record):
    client.force_login(people["trainee"])

    assert_safe(client.get(reverse("coaching:print_record")), all_markers())


def test_edit_forms_are_safe(client, people, payload_record):
    for entry, mark in payload_record:
        client.force_login(entry.author)
        response = client.get(reverse("coaching:edit_entry", args=[entry.pk]))
        assert_safe(response, [mark])


def test_goal_check_in_pages_are_safe(client, people, payload_record):
    client.force_login(people["trainee"])

    for entry, mark in payload_record:
        if entry.kind == "goal":
            response = client.get(reverse("coaching:goal_check_in", args=[entry.pk]))
            assert_safe(response, [mark])


def test_payloads_are_stored_as_typed(client, people):
    text = "\n".join(PAYLOADS)
    client.force_login(people["trainee"])

    client.post(
        reverse("coaching:new_entry", args=[people["trainee"].pk, "reflection"]),
        {"title": "<script>alert(1)</script>", "text": text},
    )

    reflection = Reflection.objects.get()
    assert reflection.title == "<script>alert(1)</script>"
    assert reflection.text == text


def test_forms_sent_back_with_errors_are_safe(client, people):
    """A form with an error shows what was typed again, and the error may quote it."""
    trainee, coach = people["trainee"], people["coach"]
    goal = make.goal(trainee, coach, results=["Calls handled"])
    client.force_login(coach)

    for number, payload in enumerate(PAYLOADS):
        text = stored(number, payload)
        feedback = {"feedback_kind": text, "situation": text, "behaviour": text, "impact": text}
        response = client.post(
            reverse("coaching:new_entry", args=[trainee.pk, "feedback"]), feedback
        )
        assert_safe(response, [marker(number)])
        assert "Select a valid choice." in response.text
        check_in = {"status": text, "confidence": text, "comment": text}
        response = client.post(reverse("coaching:goal_check_in", args=[goal.pk]), check_in)
        assert_safe(response, [marker(number)])
    assert not Entry.objects.exclude(pk=goal.pk).exists()


def test_hostile_query_strings_are_safe_on_the_timeline(client, people):
    trainee = people["trainee"]
    for number in range(21):  # two pages, so the pagination links carry the query string
        make.reflection(trainee, title=f"Week {number}")
    client.force_login(trainee)
    url = reverse("coaching:record", args=[trainee.pk])

    for payload in PAYLOADS:
        response = client.get(url, {"kind": payload, "period": payload, payload: payload})
        assert_safe(response, [])
        assert 'rel="next"' in response.text


def test_hostile_names_are_safe(client, people):
    """People's names are shown beside what they wrote; they are not free text of the
    record, but a name is typed by someone too."""
    names = {"trainee": PAYLOADS[0], "coach": PAYLOADS[7], "giver": PAYLOADS[21]}
    for role, name in names.items():
        person = people[role]
        person.first_name, person.last_name = name[:150], name[:150]
        person.save()
    trainee, coach = people["trainee"], people["coach"]
    entries = make.one_of_each(trainee, coach)
    make.recognition(trainee, people["giver"])
    make.reply(entries["feedback"], trainee)
    make.cheer(entries["recognition"], people["giver"])
    make.agenda_item(entries["one-on-one"], trainee)
    make.action_item(entries["one-on-one"], trainee)
    client.force_login(trainee)

    pages = [
        reverse("coaching:record", args=[trainee.pk]),
        reverse("coaching:kudos"),
        reverse("coaching:print_record"),
        reverse("coaching:give_recognition"),
        *[reverse("coaching:entry", args=[entry.pk]) for entry in entries.values()],
    ]
    for url in pages:
        assert_safe(client.get(url), [])
