"""Every setting of the coaching app, with its default, read in one place.

Set any of them in the host site's settings with a `COACHING_` prefix, e.g.
`COACHING_DUE_SOON_DAYS = 5`. Read them as `coaching_settings.DUE_SOON_DAYS`; values are
looked up once and read again when a test changes settings (`override_settings`).

SITE_URL                  the site's address for links in emails (default: Wagtail's
                          WAGTAILADMIN_BASE_URL)
DUE_SOON_DAYS             a "due soon" reminder this many days before a path is due
MEETING_REMINDER_HOURS    a reminder this many hours before a 1:1 or a check-in step
DASHBOARD_PAGE_SIZE       new hires per page of the coach dashboard
RECORD_PAGE_SIZE          entries per page of a record's timeline and of the kudos wall
NOTIFICATIONS_PAGE_SIZE   notifications per page in the portal
QUIET_DAYS                a new hire with no activity for this many days "has gone quiet"
NEEDS_SOON_DAYS           the coach's "What needs you" lists 1:1s and check-ins this many
                          days ahead
RECOGNITION_NUDGE_DAYS    "What needs you" nudges a coach about a new hire nobody has
                          recognised for this many days
NEEDS_LIST_SIZE           items in each list of "What needs you" (the rest: a link to them)
ATTENTION_PANEL_SIZE      new hires listed in the admin's "needs attention" panel
EMAIL_ATTEMPTS            tries to send one email before it is marked failed
EMAIL_CLAIM_MINUTES       how long one sender holds an email before another may try it
RETRIES_PER_SWEEP         pending emails one reminder sweep hands to the worker at most
LANGUAGE_CACHE_SECONDS    how long a person's chosen language is cached
UNREAD_CACHE_SECONDS      how long a person's unread count (the header badge) is cached
NAV_ROLE_CACHE_SECONDS    how long "may see the coach dashboard" (a header link) is cached
ERASE_DEACTIVATED_AFTER_DAYS  days a deactivated person's data is kept before the sweep
                          (`manage.py erase_deactivated`) erases the person; None: never
EVIDENCE_STORAGE          the STORAGES alias evidence files are kept in (name a private
                          one in production; files are only ever served through a view
                          that checks who asks, never from its URL)
EVIDENCE_MAX_BYTES        the largest evidence file a new hire can attach to a task
EVIDENCE_MAX_FILES        evidence files one task step can hold
BUDDY_UPCOMING_DAYS       a buddy's pages list their new hires' check-ins and 1:1s this many
                          days ahead
BUDDY_QUESTIONS_SHOWN     questions shown on a buddy page (the latest; open ones first)
EVIDENCE_TYPES            the kinds of evidence accepted, each checked on its content:
                          jpeg png gif webp (photos), pdf, docx xlsx pptx odt ods odp
SCIM_INVITE               whether someone the identity provider creates (SCIM) gets the
                          invitation to choose a password (False when everyone signs in
                          through the identity provider)
SCIM_MAX_RESULTS          the most people or groups one SCIM list answer holds (a client
                          asks for the next page with startIndex)
MEETING_MINUTES           how long a 1:1 or a check-in is in calendar invites and feeds
CALENDAR_DOMAIN           the domain that ends every calendar UID ("one-on-one-12@DOMAIN");
                          keep it fixed once people subscribe (default: SITE_URL's host)
CALENDAR_PAST_DAYS        how many days back a calendar feed lists meetings and due dates
PHONE_ATTRIBUTE           the attribute of the site's user model that holds a phone
                          number, shown on a new hire's welcome page beside their coach's
                          and buddy's email ("" for none; an attribute the user model
                          lacks shows nothing)
IMPORT_MAX_BYTES          the largest CSV or XLSX file of new hires HR can upload
IMPORT_MAX_ROWS           the most rows (new hires) one uploaded file can hold
IMPORT_KEEP_HOURS         an upload not confirmed within this many hours is deleted (it
                          holds people's names and addresses)
WEBHOOK_TIMEOUT_SECONDS   how long one webhook delivery waits for the endpoint to answer
WEBHOOK_ALLOWED_NETWORKS  networks of the site's own (e.g. ["10.1.2.0/24"]) that webhooks
                          may be sent to; none by default: only public addresses
API_PAGE_MAX              the most rows one page of the REST API holds (`limit`)
API_RATE                  requests one API token may make, e.g. "600/m" (a minute), "50/s"
"""

from typing import Any

from django.conf import settings

PREFIX = "COACHING_"

DEFAULTS: dict[str, Any] = {
    "SITE_URL": "",
    "DUE_SOON_DAYS": 3,
    "MEETING_REMINDER_HOURS": 24,
    "DASHBOARD_PAGE_SIZE": 50,
    "RECORD_PAGE_SIZE": 20,
    "NOTIFICATIONS_PAGE_SIZE": 20,
    "QUIET_DAYS": 14,
    "NEEDS_SOON_DAYS": 7,
    "RECOGNITION_NUDGE_DAYS": 30,
    "NEEDS_LIST_SIZE": 5,
    "ATTENTION_PANEL_SIZE": 8,
    "EMAIL_ATTEMPTS": 5,
    "EMAIL_CLAIM_MINUTES": 15,
    "RETRIES_PER_SWEEP": 5000,
    "LANGUAGE_CACHE_SECONDS": 60 * 60,
    "UNREAD_CACHE_SECONDS": 60 * 60,
    "NAV_ROLE_CACHE_SECONDS": 5 * 60,
    "ERASE_DEACTIVATED_AFTER_DAYS": None,
    "BUDDY_UPCOMING_DAYS": 14,
    "BUDDY_QUESTIONS_SHOWN": 30,
    "EVIDENCE_STORAGE": "default",
    "EVIDENCE_MAX_BYTES": 10 * 1024 * 1024,
    "EVIDENCE_MAX_FILES": 5,
    "EVIDENCE_TYPES": [
        "jpeg",
        "png",
        "gif",
        "webp",
        "pdf",
        "docx",
        "xlsx",
        "pptx",
        "odt",
        "ods",
        "odp",
    ],
    "SCIM_INVITE": True,
    "SCIM_MAX_RESULTS": 100,
    "MEETING_MINUTES": 30,
    "CALENDAR_DOMAIN": "",
    "CALENDAR_PAST_DAYS": 90,
    "PHONE_ATTRIBUTE": "phone",
    "IMPORT_MAX_BYTES": 2 * 1024 * 1024,
    "IMPORT_MAX_ROWS": 500,
    "IMPORT_KEEP_HOURS": 24,
    "WEBHOOK_TIMEOUT_SECONDS": 5,
    "WEBHOOK_ALLOWED_NETWORKS": [],
    "API_PAGE_MAX": 200,
    "API_RATE": "600/m",
}


class CoachingSettings:
    """The app's settings: the host's `COACHING_*` value, else the default above."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"No coaching setting named {name!r}")
        value = getattr(settings, PREFIX + name, DEFAULTS[name])
        setattr(self, name, value)  # read once; `reload` forgets it
        return value

    def reload(self) -> None:
        self.__dict__.clear()


coaching_settings = CoachingSettings()


def reload_on_change(*, setting: str, **kwargs: Any) -> None:
    """Connected to Django's `setting_changed` in `CoachingConfig.ready`."""
    if setting.startswith(PREFIX):
        coaching_settings.reload()
