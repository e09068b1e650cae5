"""A change people must read, in the demo: the Customer Service unit's page gains the rule
on automatic credits after long outages, published as a change people must read, so
Nadia (who read it on both her paths) sees "Updated since you read it" with what changed
(coaching/rereading)."""

from wagtail.rich_text import RichText

from coaching.models import ModuleChange
from lessons.models import BusinessUnitPage

PAGE = "customer-service-unit"
NOTE = "Customers cut off for more than 24 hours now get a credit automatically: tell them so."
PARAGRAPH = (
    "<p><b>Credits for long outages.</b> A customer cut off for more than 24 hours gets a "
    "credit on their next bill automatically. Tell them so on the call: they do not need "
    "to ask for it.</p>"
)


def ensure_must_read_change(people, report):
    """Publish the unit page's new paragraph as a change people must read, once."""
    module = BusinessUnitPage.objects.filter(slug=PAGE, locale__language_code="en").first()
    if module is None or ModuleChange.objects.filter(page=module).exists():
        return
    module.body.append(("paragraph", RichText(PARAGRAPH)))
    module.change_must_be_read = True
    module.change_note = NOTE
    module.save_revision(user=people["edi"]).publish(user=people["edi"])
    report.add(ModuleChange.objects.get(page=module))
