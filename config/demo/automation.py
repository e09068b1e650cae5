"""The demo's enrolment rules: Customer Service starters get their two paths by themselves
(importing the example file of new hires shows it), and Sales starters the orientation."""

from coaching.automation.models import CoachChoice, DueRule, EnrolmentRule, EnrolmentRulePath
from lessons.models import LearningPath

# name -> (unit slug, start date within the next N days, path slugs, days due after start,
# coach)
RULES = {
    "Customer Service starters": (
        "customer-service",
        60,
        ["company-orientation", "customer-service-essentials"],
        30,
        CoachChoice.UNIT_LEAD,
    ),
    "Sales starters": ("sales", 90, ["company-orientation"], 14, CoachChoice.KEEP),
}


def ensure_rules(units, report):
    """Each rule once. Made after the demo's own assignments, so the demo people keep the
    progress the loader gives them; the rules act on whoever is added next."""
    for name, (unit, within, paths, due_days, coach) in RULES.items():
        if EnrolmentRule.objects.filter(name=name).exists():
            continue
        rule = EnrolmentRule.objects.create(
            name=name,
            business_unit=units[unit],
            starts_within_days=within,
            due=DueRule.AFTER_START,
            due_after_days=due_days,
            coach=coach,
        )
        for order, slug in enumerate(paths):
            EnrolmentRulePath.objects.create(
                rule=rule, path=LearningPath.objects.assignable().get(slug=slug), sort_order=order
            )
        report.add(rule)
