from wagtail import hooks
from wagtail.snippets.models import register_snippet

from lessons import admin_home, header, module_editing, reading, translation_listing
from lessons.viewsets import OnboardingContentGroup

register_snippet(OnboardingContentGroup)
# Translate buttons on the paths' and checks' listings in three queries, not three a row.
translation_listing.batch_translation_buttons()

hooks.register(header.HOOK_NAME, header.signed_in_person, order=header.PERSON_ORDER)
hooks.register(header.HOOK_NAME, header.admin_link, order=header.ADMIN_ORDER)

# A module's editor (lessons/module_editing.py): an offer to add a published page to a path,
# and a warning when a new module's title is close to an existing one's.
hooks.register("after_publish_page", module_editing.offer_to_add_to_a_path)
hooks.register("after_create_page", module_editing.warn_of_a_close_title)
# The editor's own drafts on the admin home (lessons/admin_home.py).
hooks.register("construct_homepage_panels", admin_home.add_editor_panels)

# Pages follow their reader's language (lessons/reading.py), inside Wagtail's page privacy
# check (an "on_serve_page" hook of order 0, which must wrap this one).
hooks.register("on_serve_page", reading.follow_the_reader, order=100)
# Links to pages in rich text lead to the reader's language, a text's links in one query.
hooks.register("register_rich_text_features", reading.register_page_links, order=100)
