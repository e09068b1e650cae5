"""Loads the demo company from fixtures/demo/*.json.

Idempotent by construction: every object is looked up by its natural key (username,
slug, title) and created only when missing, so a second run adds nothing and never
overwrites what an editor has changed since.
"""

import json
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Page, PageViewRestriction, Site

from coaching.account.languages import remember_language
from coaching.notifications.reminders import sweep
from config.demo import automation, onboarding, provisioning, record, rereading, translations
from lessons.models import (
    BusinessUnit,
    BusinessUnitContact,
    BusinessUnitPage,
    CompanyProfilePage,
    CompanyValue,
    KnowledgeCheck,
    LearningPath,
    LearningPathStep,
    LearningPortalPage,
    ModulePage,
)

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "demo"
FIRST_DAY_PARTS = ("place", "host", "bring", "notes")
DEMO_PASSWORD = "onboard-demo"

ROLE_GROUPS = {
    "editor": "Moderators",
    "coach": "Coaches",
    "trainee": "New hires",
    "hr": "HR",
    "colleague": "Colleagues",  # buddies: no special permission
}
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("learningpath", "knowledgecheck")
    for action in ("add", "change", "delete", "publish", "view")
]
HR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("businessunit", "companyvalue")
    for action in ("add", "change", "delete", "view")
]


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    people: list = field(default_factory=list)
    scim_key: str | None = None  # the demo provisioning token's key, when just made
    api_key: str | None = None  # HR's demo API token's key, when just made

    def add(self, obj):
        self.created.append(f"{obj._meta.verbose_name}: {obj}")


def read(name):
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def load_demo():
    report = LoadReport()
    organisation = read("organisation")
    with transaction.atomic():
        groups = ensure_groups()
        people = ensure_people(organisation["people"], groups, report)
        units = ensure_units(organisation["units"], people, report)
        ensure_values(organisation["values"], report)
        translations.ensure_snippet_translations(BusinessUnit, organisation["units"], report)
        translations.ensure_snippet_translations(CompanyValue, organisation["values"], report)
        checks = ensure_checks(read("checks")["checks"], report)
        pages = ensure_pages(read("content"), units, checks, report)
        translations.ensure_translations(read("content.id"), pages, report)
        ensure_private_portals(report)
        ensure_paths(read("paths")["paths"], units, pages, checks, report)
        translations.ensure_check_translations(read("checks.id")["checks"], checks, report)
        translations.ensure_path_translations(read("paths.id")["paths"], report)
        onboarding.grant_roles(groups)
        onboarding.ensure_profiles(organisation["people"], people, units, report)
        onboarding.ensure_assignments(people, report)
        onboarding.ensure_buddy_questions(people, report)
        rereading.ensure_must_read_change(people, report)
        rereading.ensure_review_owners(people)
        automation.ensure_rules(units, report)
        record.ensure_records(read("record"), people, report)
        report.scim_key = provisioning.ensure_token(report)
        report.api_key = provisioning.ensure_api_token(people["hana"], report)
    # Reminders for what is due, overdue and coming up, as the scheduled sweep writes them.
    sweep()
    return report


def ensure_groups():
    groups = {role: Group.objects.get_or_create(name=name)[0] for role, name in ROLE_GROUPS.items()}
    admin_access = Permission.objects.get(codename="access_admin")
    editor_perms = Permission.objects.filter(
        content_type__app_label="lessons", codename__in=EDITOR_PERMISSIONS
    )
    hr_perms = Permission.objects.filter(
        content_type__app_label="lessons", codename__in=HR_PERMISSIONS
    )
    groups["editor"].permissions.add(admin_access, *editor_perms)
    groups["hr"].permissions.add(admin_access, *hr_perms)
    return groups


def ensure_people(rows, groups, report):
    user_model = get_user_model()
    people = {}
    for row in rows:
        user, created = user_model.objects.get_or_create(
            username=row["username"],
            defaults={
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "email": row["email"],
                "is_staff": row["role"] in ("editor", "hr"),
                "is_superuser": row["role"] == "hr",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.groups.add(groups[row["role"]])
            # Their language as they would choose it: Bahasa Indonesia for some, the
            # browser's for the others. Set once, so a later choice of theirs stays.
            if row.get("language"):
                remember_language(user, row["language"])
            report.add(user)
        people[row["username"]] = user
        report.people.append((row["role"], user, row.get("job_title", ""), row.get("language", "")))
    return people


def ensure_units(rows, people, report):
    units = {}
    for row in rows:
        unit, created = BusinessUnit.objects.originals().get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "description": row["description"],
                "lead": people.get(row.get("lead") or ""),
                **first_day_fields(row.get("first_day")),
            },
        )
        if created:
            report.add(unit)
        units[row["slug"]] = unit
    return units


def first_day_fields(row):
    """A unit's or the company's first day (pre-boarding) as model fields; {} for none."""
    if not row:
        return {}
    fields = {f"first_day_{part}": row[part] for part in FIRST_DAY_PARTS if part in row}
    if row.get("arrival"):
        fields["first_day_arrival"] = time.fromisoformat(row["arrival"])
    return fields


def ensure_values(rows, report):
    for position, row in enumerate(rows):
        value, created = CompanyValue.objects.originals().get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "description": row["description"],
                "sort_order": position,
            },
        )
        if created:
            report.add(value)


def ensure_checks(rows, report):
    checks = {}
    for row in rows:
        check = KnowledgeCheck.objects.filter(title=row["title"]).first()
        if check is None:
            check = KnowledgeCheck.objects.create(
                title=row["title"],
                intro=row.get("intro", ""),
                pass_mark=row["pass_mark"],
                max_attempts=row.get("max_attempts"),
                questions=json.dumps(row["questions"]),
            )
            translations.with_answer_ids(check)
            check.save_revision().publish()
            report.add(check)
        checks[row["slug"]] = check
    return checks


def ensure_portal(row, report):
    portal = LearningPortalPage.objects.filter(slug=row["slug"]).first()
    if portal is not None:
        return portal
    root = Page.get_first_root_node()
    portal = LearningPortalPage(title=row["title"], slug=row["slug"], intro=row["intro"])
    root.add_child(instance=portal)
    portal.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=portal, is_default_site=True)
    else:
        previous_root = site.root_page
        site.root_page = portal
        site.save()
        # Wagtail's starter "Welcome" page is of no use once the portal is the site's home.
        if previous_root.specific_class is Page and previous_root.is_leaf():
            previous_root.delete()
    report.add(portal)
    return portal


def ensure_private_portals(report):
    """Make each portal private to signed-in people (Wagtail's page privacy, which its
    pages inherit), as an editor does with the portal's Privacy button, unless it already
    has a restriction of its own or from above."""
    for portal in LearningPortalPage.objects.all():
        if not portal.get_view_restrictions().exists():
            PageViewRestriction.objects.create(
                page=portal, restriction_type=PageViewRestriction.LOGIN
            )
            report.created.append(f"{PageViewRestriction._meta.verbose_name}: {portal.title}")


def ensure_child(parent, page, report):
    """Add a published page under parent unless a page with its slug is already there."""
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing is not None:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(page)
    return page


def learnable_fields(row, checks):
    return {
        "title": row["title"],
        "slug": row["slug"],
        "summary": row["summary"],
        "estimated_minutes": row["estimated_minutes"],
        "body": json.dumps(row["body"]),
        "knowledge_check": checks.get(row.get("knowledge_check") or ""),
    }


def ensure_pages(content, units, checks, report):
    portal = ensure_portal(content["portal"], report)
    profile_row = content["profile"]
    pages = {
        portal.slug: portal,
        profile_row["slug"]: ensure_child(
            portal,
            CompanyProfilePage(
                mission=profile_row["mission"],
                **learnable_fields(profile_row, checks),
                **first_day_fields(profile_row.get("first_day")),
            ),
            report,
        ),
    }
    unit_pages = {}
    for row in content["unit_pages"]:
        page = BusinessUnitPage(unit=units[row["unit"]], **learnable_fields(row, checks))
        page.contacts = [BusinessUnitContact(**contact) for contact in row.get("contacts", [])]
        unit_pages[row["unit"]] = pages[row["slug"]] = ensure_child(portal, page, report)
    for row in content["modules"]:
        unit_slug = row.get("unit")
        parent = unit_pages.get(unit_slug, portal)
        page = ModulePage(business_unit=units.get(unit_slug or ""), **learnable_fields(row, checks))
        pages[row["slug"]] = ensure_child(parent, page, report)
    return pages


def build_step(row, pages, checks):
    kind = row["kind"]
    return LearningPathStep(
        kind=kind,
        page=pages[row["page"]] if kind == "module" else None,
        knowledge_check=checks[row["check"]] if kind == "knowledge_check" else None,
        title=row.get("title", ""),
        instructions=row.get("instructions", ""),
        before_day_one=row.get("before_day_one", False),
    )


def ensure_paths(rows, units, pages, checks, report):
    for row in rows:
        if LearningPath.objects.filter(slug=row["slug"]).exists():
            continue
        learning_path = LearningPath(
            title=row["title"],
            slug=row["slug"],
            description=row["description"],
            business_unit=units.get(row.get("unit") or ""),
            role=row.get("role", ""),
            live=False,
        )
        learning_path.steps = [build_step(step, pages, checks) for step in row["steps"]]
        learning_path.save()
        learning_path.save_revision().publish()
        report.add(learning_path)
