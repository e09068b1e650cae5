from wagtail.fields import RichTextField
from wagtail.models import Page


class PlainPage(Page):
    """The yardstick: a plain published Wagtail page with a rich text body.

    Our pages are measured as a ratio to this one, served in the same run, so that the
    figures say what our code costs on top of Wagtail and Django, whatever the machine.
    """

    body = RichTextField(blank=True)

    def get_context(self, request, *args, **kwargs):
        from lessons.conf import base_template

        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = base_template()
        return context
