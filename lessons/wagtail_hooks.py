from wagtail import hooks
from wagtail.snippets.models import register_snippet

from lessons import header
from lessons.viewsets import OnboardingContentGroup

register_snippet(OnboardingContentGroup)

hooks.register(header.HOOK_NAME, header.signed_in_person, order=header.PERSON_ORDER)
hooks.register(header.HOOK_NAME, header.admin_link, order=header.ADMIN_ORDER)
