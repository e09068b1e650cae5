"""Rules for the tests, built close to them."""

from coaching.automation.models import EnrolmentRule, EnrolmentRulePath


def rule(*paths, name="Customer Service starters", **fields):
    fields.setdefault("due", "none")
    made = EnrolmentRule.objects.create(name=name, **fields)
    for order, learning_path in enumerate(paths):
        EnrolmentRulePath.objects.create(rule=made, path=learning_path, sort_order=order)
    return made
