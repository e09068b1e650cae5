"""Content that stays true, in the demo. Edi keeps the modules up to date, each reviewed
every six months, and one review is due within days, so it is on Edi's dashboard. A change
people must read: the Customer Service unit's page gains the rule
on automatic credits after long outages, published as a change people must read, so
Nadia (who read it on both her paths) sees "Updated since you read it" with what changed
(coaching/rereading), in English or, once its translation follows, in Bahasa Indonesia."""

from datetime import timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from coaching.models import ModuleChange
from lessons.models import BusinessUnitPage, ModulePage
from lessons.models.freshness import months_after

PAGE = "customer-service-unit"
NOTE = "Customers cut off for more than 24 hours now get a credit automatically: tell them so."
PARAGRAPH = (
    "<p><b>Credits for long outages.</b> A customer cut off for more than 24 hours gets a "
    "credit on their next bill automatically. Tell them so on the call: they do not need "
    "to ask for it.</p>"
)
# The same paragraph in the page's Indonesian translation, published after the original as
# a translator does: an Indonesian reader then sees what changed in her own language.
PARAGRAPH_ID = (
    "<p><b>Kompensasi untuk gangguan panjang.</b> Pelanggan yang layanannya terputus lebih "
    "dari 24 jam otomatis mendapat kompensasi pada tagihan berikutnya. Sampaikan hal ini "
    "saat panggilan: mereka tidak perlu memintanya.</p>"
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
    translated = BusinessUnitPage.objects.filter(
        translation_key=module.translation_key, locale__language_code="id"
    ).first()
    if translated is not None:
        translated.body.append(("paragraph", RichText(PARAGRAPH_ID)))
        translated.save_revision(user=people["edi"]).publish(user=people["edi"])


def ensure_review_owners(people):
    """Edi keeps every module up to date, reviewed every six months: the first one's review
    falls due in ten days, the others' later. Only modules with no owner yet change."""
    today = timezone.localdate()
    modules = ModulePage.objects.filter(content_owner__isnull=True, locale__language_code="en")
    for number, pk in enumerate(modules.order_by("pk").values_list("pk", flat=True)):
        last = months_after(today, -6) + timedelta(days=10 + 20 * number)
        ModulePage.objects.filter(pk=pk).update(
            content_owner=people["edi"],
            last_reviewed_on=last,
            review_every_months=6,
            review_by=months_after(last, 6),
        )
