from wagtail.snippets.models import register_snippet

from lessons.viewsets import OnboardingContentGroup

register_snippet(OnboardingContentGroup)
