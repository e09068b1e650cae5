"""Simulated people for the load test: each a thread with its own cookies and connection.

Plain `http.client`, no load-testing dependency: a person signs in through the portal's
sign-in form, then loops over what they do (a new hire completes steps, a coach opens the
dashboard and a new hire's page) until the deadline. Every request's kind, status and
latency is recorded; an error is a connection error, a 5xx, or any answer other than the
one a browser would expect (say, a redirect to the sign-in page).

Talks to 127.0.0.1 only: `Browser` refuses any other host.
"""

import html
import http.client
import random
import re
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

LOCAL_HOST = "127.0.0.1"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NEXT_STEP = re.compile(r'<li class="step[^"]*step--next[^"]*">.*?href="([^"]+)"', re.DOTALL)
COMPLETE_FORM = re.compile(r'<form method="post" action="([^"]+/done/)"')


class UnexpectedAnswer(Exception):
    """The site answered, but not as it would answer a person doing this."""


@dataclass
class Sample:
    kind: str
    status: int | None  # None when the connection failed
    seconds: float
    error: str | None


@dataclass
class Completion:
    """A step completion the person saw succeed (the POST redirected back to the step)."""

    assignment_id: int
    number: int
    double: bool


@dataclass
class Recorder:
    """Every request of every person, and every completion they saw succeed. Appending to
    a list is atomic in CPython, so the threads share these without a lock."""

    samples: list = field(default_factory=list)
    completions: list = field(default_factory=list)


class Browser:
    """One person's session: a cookie jar and connections to 127.0.0.1."""

    def __init__(self, base_url, recorder, timeout=30):
        parts = urlsplit(base_url)
        if parts.scheme != "http" or parts.hostname != LOCAL_HOST:
            raise ValueError(f"the load test only talks to http://{LOCAL_HOST}, not {base_url}")
        self.port = parts.port
        self.recorder = recorder
        self.timeout = timeout
        self.cookies = {}
        self.connection = None

    def second_tab(self):
        """Another connection with the same cookies, as a second tab (or a double click)."""
        tab = Browser(f"http://{LOCAL_HOST}:{self.port}", self.recorder, self.timeout)
        tab.cookies = dict(self.cookies)  # the same signed-in person (a copy: no races)
        return tab

    def _connect(self):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                LOCAL_HOST, self.port, timeout=self.timeout
            )
        return self.connection

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, kind, method, path, form=None, expect=200, redirect_to=None, showing=None):
        """Send one request, record it, and return the body; raise UnexpectedAnswer (after
        recording it as an error) when the answer is not what a person would get: another
        status, a redirect elsewhere (`redirect_to`: a path, or a compiled regex the path
        must match), or a page without `showing` (a regex)."""
        if not path.startswith("/"):
            raise ValueError(f"a path on {LOCAL_HOST}, not {path}")
        # A new connection per request, as a reverse proxy speaks to gunicorn: kept-alive
        # connections stay with the worker that accepted them, which starves some people.
        headers = {"Host": f"{LOCAL_HOST}:{self.port}", "Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            connection = self._connect()
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.close()  # the next request reconnects
            elapsed = time.perf_counter() - started
            reason = f"connection: {type(error).__name__}"
            self.recorder.samples.append(Sample(kind, None, elapsed, reason))
            raise UnexpectedAnswer(reason) from error
        elapsed = time.perf_counter() - started
        if response.will_close:
            self.close()
        self._keep_cookies(response.msg.get_all("Set-Cookie") or [])
        location = response.getheader("Location", "")
        error = None
        if response.status != expect:
            error = f"{response.status} instead of {expect}"
        elif redirect_to is not None and not _goes_to(urlsplit(location).path, redirect_to):
            error = f"redirect to {urlsplit(location).path} instead of {redirect_to}"
        elif showing is not None and not showing.search(content.decode("utf-8", "replace")):
            error = f"the page lacks {showing.pattern!r}"
        self.recorder.samples.append(Sample(kind, response.status, elapsed, error))
        if error:
            raise UnexpectedAnswer(f"{kind}: {error}")
        return content.decode("utf-8", "replace")

    def _keep_cookies(self, headers):
        for header in headers:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def sign_in(self, username, password, sign_in_path, next_path):
        page = self.request("sign-in form", "GET", sign_in_path, showing=CSRF_INPUT)
        self.request(
            "sign in",
            "POST",
            sign_in_path,
            form={
                "csrfmiddlewaretoken": csrf_token(page),
                "username": username,
                "password": password,
                "next": next_path,
            },
            expect=302,
            redirect_to=next_path,
        )


def csrf_token(page):
    match = CSRF_INPUT.search(page)
    if not match:
        raise UnexpectedAnswer("no CSRF token in the page")
    return html.unescape(match.group(1))


def pause(think):
    if think:
        time.sleep(random.uniform(0, 2 * think))


@dataclass
class Person:
    username: str
    password: str


@dataclass
class Trainee(Person):
    assignment_ids: list  # their paths, worked through in order


@dataclass
class Coach(Person):
    trainee_ids: list  # whom they open from the dashboard


@dataclass
class Site:
    """The paths the people use, from the site's URLconf, and how they behave."""

    base_url: str
    sign_in: str
    home: str
    dashboard: str
    assignment: str  # with {id}
    trainee: str  # with {id}
    double_rate: float = 0.2
    think: float = 0.0


def run_trainee(site, person, recorder, deadline, rng):
    """Open the portal home, the path, its next step, mark it done; again and again.
    Now and then the completion is posted from two tabs at once: it must count once."""
    browser = Browser(site.base_url, recorder)
    remaining = list(person.assignment_ids)
    try:
        browser.sign_in(person.username, person.password, site.sign_in, site.home)
        while time.monotonic() < deadline:
            try:
                browser.request("portal home", "GET", site.home)
                pause(site.think)
                if not remaining:
                    continue  # everything done: they still come back to look
                path_url = site.assignment.format(id=remaining[0])
                path_page = browser.request("path page", "GET", path_url)
                next_step = NEXT_STEP.search(path_page)
                if next_step is None:
                    remaining.pop(0)  # this path is complete: on to the next one
                    continue
                pause(site.think)
                step_url = html.unescape(next_step.group(1))
                # The step marked Next must offer "Mark as done" (with its CSRF token).
                step_page = browser.request("step page", "GET", step_url, showing=COMPLETE_FORM)
                form = COMPLETE_FORM.search(step_page)
                pause(site.think)
                complete(
                    browser,
                    step_url,
                    html.unescape(form.group(1)),
                    csrf_token(step_page),
                    double=rng.random() < site.double_rate,
                    recorder=recorder,
                )
                pause(site.think)
            except UnexpectedAnswer:
                time.sleep(0.1)  # recorded already; carry on as a person would
    except UnexpectedAnswer:
        pass  # could not sign in: recorded
    finally:
        browser.close()


def _goes_to(path, redirect_to):
    if isinstance(redirect_to, re.Pattern):
        return redirect_to.fullmatch(path) is not None
    return path == redirect_to


def complete(browser, step_url, action, token, *, double, recorder):
    """POST the completion (from two tabs at once when `double`); remember it if the site
    said it was done, that is, went on within the path: "Done, next step" opens the next
    step not done (the same one, for a tab whose twin got there first) or, at the end,
    the path's page."""
    form = {"csrfmiddlewaretoken": token}
    assignment_id, number = step_numbers(step_url)
    path_url = step_url[: step_url.index("steps/")]
    within_path = re.compile(rf"{re.escape(path_url)}(steps/\d+/)?")

    def post(tab, outcome):
        try:
            tab.request(
                "complete step", "POST", action, form=form, expect=302, redirect_to=within_path
            )
            outcome.append(True)
        except UnexpectedAnswer:
            outcome.append(False)

    outcome = []
    if double:
        tab = browser.second_tab()
        other = threading.Thread(target=post, args=(tab, outcome))
        other.start()
        post(browser, outcome)
        other.join()
        tab.close()
    else:
        post(browser, outcome)
    if any(outcome):
        recorder.completions.append(Completion(assignment_id, number, double))


def step_numbers(step_url):
    """(assignment id, step number) of a step's URL: .../paths/<id>/steps/<number>/."""
    assignment_id, number = re.search(r"/paths/(\d+)/steps/(\d+)/", step_url).groups()
    return int(assignment_id), int(number)


def run_coach(site, person, recorder, deadline, rng):
    """Open the dashboard, then one of their new hires; again and again."""
    browser = Browser(site.base_url, recorder)
    try:
        browser.sign_in(person.username, person.password, site.sign_in, site.dashboard)
        while time.monotonic() < deadline:
            try:
                browser.request("coach dashboard", "GET", site.dashboard)
                pause(site.think)
                trainee_id = rng.choice(person.trainee_ids)
                browser.request("trainee page", "GET", site.trainee.format(id=trainee_id))
                pause(site.think)
            except UnexpectedAnswer:
                time.sleep(0.1)
    except UnexpectedAnswer:
        pass
    finally:
        browser.close()


def run_people(site, trainees, coaches, seconds, seed=6):
    """Everyone at once for `seconds`; returns the recorder and the wall time taken."""
    recorder = Recorder()
    started = time.monotonic()
    deadline = started + seconds
    threads = [
        threading.Thread(
            target=behaviour,
            args=(site, person, recorder, deadline, random.Random(seed + index)),
            name=person.username,
            daemon=True,
        )
        for index, (behaviour, person) in enumerate(
            [(run_trainee, person) for person in trainees]
            + [(run_coach, person) for person in coaches]
        )
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)  # a request in flight at the deadline may finish
    return recorder, time.monotonic() - started
