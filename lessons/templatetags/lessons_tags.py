from django import template

from lessons import header

register = template.Library()


@register.simple_tag(takes_context=True)
def header_items(context):
    """The header's navigation items for this request (see lessons.header)."""
    request = context.get("request")
    return header.header_items(request) if request is not None else []


@register.simple_tag(takes_context=True)
def header_pinned_items(context):
    """The items that stay in sight beside the header's menu button (see lessons.header)."""
    request = context.get("request")
    return header.header_items(request, header.PINNED_HOOK_NAME) if request is not None else []
