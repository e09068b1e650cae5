from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from lessons import header, module_editing
from lessons.viewsets import OnboardingContentGroup

register_snippet(OnboardingContentGroup)

hooks.register(header.HOOK_NAME, header.signed_in_person, order=header.PERSON_ORDER)
hooks.register(header.HOOK_NAME, header.admin_link, order=header.ADMIN_ORDER)

# A module's editor (lessons/module_editing.py): an offer to add a published page to a path,
# and a warning when a new module's title is close to an existing one's.
hooks.register("after_publish_page", module_editing.offer_to_add_to_a_path)
hooks.register("after_create_page", module_editing.warn_of_a_close_title)


@hooks.register("insert_global_admin_css")
def editor_css():
    # The knowledge check editor's compact answers (lessons/static/lessons/admin/editor.css).
    return format_html('<link rel="stylesheet" href="{}">', static("lessons/admin/editor.css"))
