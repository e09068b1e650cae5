"""How the plugin's admin forms offer people and units: by name, each unit once."""

from django.contrib.auth import get_user_model

from coaching.audit.filters import PersonChoiceField
from lessons.choosers import OriginalChoiceField
from lessons.models import BusinessUnit


class NamesPeople:
    """A viewset mixin: every choice of a person in its forms shows their name, and a
    choice of a business unit offers each unit once (the original), named in the reader's
    language."""

    def formfield_for_dbfield(self, db_field, **kwargs):
        related = getattr(db_field, "related_model", None)
        if related is get_user_model():
            kwargs["form_class"] = PersonChoiceField
        elif related is BusinessUnit:
            kwargs.update(form_class=OriginalChoiceField, name_field="name")
        return db_field.formfield(**kwargs)
