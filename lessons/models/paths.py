"""Learning paths: an ordered list of steps, edited with drafts and revisions.

Editors change a path freely; every publish records an immutable `PathVersion` with its
own copy of the steps. Assignments pin a version, so what a trainee was given never
changes under them, and each step keeps a `key` that stays the same from version to
version while the step lives.
"""

import uuid
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, Exists, F, Max, OuterRef, Q, Value, When
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Orderable,
    Page,
    PreviewableMixin,
    Revision,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from lessons.i18n import in_reader_language, translation_source
from lessons.step_builder import KindFieldPanel, KindPageChooserPanel, StepsPanel

from .checks import KnowledgeCheck
from .freshness import ReviewedContent
from .organisation import original_units
from .snippets import EditorialSnippetMixin

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class StepKind(models.TextChoices):
    MODULE = "module", _("Module")
    TASK = "task", _("Practical task")
    CHECKIN = "checkin", _("Check-in with the coach")
    KNOWLEDGE_CHECK = "knowledge_check", _("Knowledge check")


LEARNABLE_PAGE_TYPES = [
    "lessons.ModulePage",
    "lessons.CompanyProfilePage",
    "lessons.BusinessUnitPage",
]


class StepFields(models.Model):
    """What a step is, shared by the editable step and its published copies."""

    key = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=StepKind.choices)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Required for tasks and check-ins. Modules and checks default to their own."),
    )
    instructions = models.TextField(
        _("instructions"),
        blank=True,
        help_text=_("What to do, and what the coach will look for."),
    )
    before_day_one = models.BooleanField(
        _("before day one"),
        default=False,
        help_text=_(
            "A new hire can do this step before their first day: it is on their welcome page."
        ),
    )

    class Meta:
        abstract = True


class LearningPathQuerySet(models.QuerySet["LearningPath"]):
    def assignable(self) -> "LearningPathQuerySet":
        """Published original paths, with their current version (which carries every
        language's titles), by title: what coaches assign and reports are about. A
        translation is not among them: it is the same path, read in another language."""
        return (
            self.filter(live=True, current_version__isnull=False)
            .select_related("current_version")
            .order_by("title")
        )


class LearningPath(
    TranslatableMixin,
    EditorialSnippetMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ReviewedContent,
    index.Indexed,
    ClusterableModel,
):
    """A named, ordered list of steps that a coach assigns to new hires."""

    # Unique per locale (TranslatableMixin's Meta): a translation keeps its source's slug.
    slug = models.SlugField(_("slug"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    business_unit = models.ForeignKey(
        "lessons.BusinessUnit",
        verbose_name=_("business unit"),
        limit_choices_to=original_units,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_paths",
        help_text=_("Leave empty for a company-wide path."),
    )
    role = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("The job title this path prepares for, if any."),
    )
    current_version = models.ForeignKey(
        "lessons.PathVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="learningpath",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("business_unit"), FieldPanel("role")], heading=_("Who it is for")
        ),
        StepsPanel("steps", min_num=1, label=_("step"), heading=_("Steps")),
        ReviewedContent.review_panel,
    ]
    # A translated path targets the same unit: the original row (see organisation.py).
    override_translatable_fields = [SynchronizedField("business_unit", overridable=False)]
    # The admin's listing searches the autocomplete fields: a path is found by its title or by
    # a word of what it teaches.
    search_fields = [
        *EditorialSnippetMixin.search_fields,
        index.SearchField("description"),
        index.AutocompleteField("description"),
    ]
    preview_template = "lessons/path_preview.html"
    objects = LearningPathQuerySet.as_manager()
    # What a translation shares with its source rather than translating: the address, and
    # who the path is for (a unit is the source-locale row, wherever it is shown).
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("business_unit", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, EditorialSnippetMixin.Meta):
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="lessons_path_slug_locale")
        ]

    def clean(self) -> None:
        super().clean()
        # The constraint below names the locale, which is not on the form, so Django's form
        # leaves it out of its checks: a taken address is said beside the field here.
        taken = LearningPath.objects.filter(slug=self.slug, locale_id=self.locale_id)
        if getattr(self, "locale_id", None) is not None and taken.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"slug": _("Another learning path already has this slug. Choose another one.")}
            )

    def copy_for_translation(
        self, locale: Locale, exclude_fields: list[str] | None = None
    ) -> "LearningPath":
        # A translation is never assigned on its own: it has no versions, and its titles
        # go into the source's (PathVersionQuerySet.take_translation).
        copy: LearningPath = super().copy_for_translation(
            locale, exclude_fields=[*(exclude_fields or []), "current_version"]
        )
        return copy

    def translated_from(self) -> "LearningPath | None":
        """The path this one is a translation of (made with wagtail-localize), or None
        for an original: only originals record versions and are assigned."""
        found = translation_source(self)
        return found if isinstance(found, LearningPath) else None

    def get_preview_context(self, request: HttpRequest, mode_name: str) -> dict[str, Any]:
        context = super().get_preview_context(request, mode_name)
        context["steps"] = [step.preview() for step in self.steps.all()]
        return context


class LearningPathStep(TranslatableMixin, StepFields, Orderable):
    """A step of a path as editors are shaping it (the latest draft or the live path).

    Translatable with its path: wagtail-localize translates only the child objects that
    are translatable themselves, and copies the rest whole. A translated step keeps its
    source's `key` (copied with the step), kind, module and check; only its title and
    instructions are translated."""

    path = ParentalKey(LearningPath, on_delete=models.CASCADE, related_name="steps")
    # SET_NULL rather than PROTECT: deleting a page whose parent holds a module must not
    # fail. Published versions keep the step's title, and the form asks for a new page.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    knowledge_check = models.ForeignKey(
        "lessons.KnowledgeCheck",
        verbose_name=_("knowledge check"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        FieldPanel("kind"),
        KindPageChooserPanel("page", page_type=LEARNABLE_PAGE_TYPES, kinds=[StepKind.MODULE.value]),
        KindFieldPanel("knowledge_check", kinds=[StepKind.KNOWLEDGE_CHECK.value]),
        FieldPanel("title"),
        FieldPanel("instructions"),
        FieldPanel("before_day_one"),
    ]
    # A knowledge check is a translatable model, so wagtail-localize would point the
    # translated step at the check's translation: the step asks for the source's check,
    # whose attempts count in every language, and shows its translation to the reader.
    override_translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("page", overridable=False),
        SynchronizedField("knowledge_check", overridable=False),
        SynchronizedField("before_day_one", overridable=False),
    ]
    # Set by the admin's step form on a draft save (lessons/step_builder.py): a draft may
    # lack what its kind needs; publishing may not.
    completeness_deferred = False

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.display_title()

    def clean(self) -> None:
        super().clean()
        # A step is what its kind says: a module or a check chosen before the kind changed
        # (and hidden since) is not kept, so that no task counts a module's reading time.
        if self.kind != StepKind.MODULE:
            self.page = None
        if self.kind != StepKind.KNOWLEDGE_CHECK:
            self.knowledge_check = None
        if self.completeness_deferred:
            return
        errors: dict[str, StrOrPromise] = {}
        if self.kind == StepKind.MODULE and not self.page_id:
            errors["page"] = _("Choose the module this step asks the trainee to read.")
        if self.kind == StepKind.KNOWLEDGE_CHECK and not self.knowledge_check_id:
            errors["knowledge_check"] = _("Choose the knowledge check for this step.")
        if self.kind in (StepKind.TASK, StepKind.CHECKIN) and not self.title.strip():
            errors["title"] = _("Give this step a title the trainee will recognise.")
        if errors:
            raise ValidationError(errors)

    def builder_heading(self) -> str:
        """How the step builder heads the step: its kind and its title."""
        if not self.kind:
            return str(_("New step"))
        kind = str(StepKind(self.kind).label)
        title = self.display_title()
        if title == kind:
            return kind
        return _("%(kind)s: %(title)s") % {"kind": kind, "title": title}

    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.kind == StepKind.MODULE and self.page is not None:
            return str(self.page.title)
        if self.kind == StepKind.KNOWLEDGE_CHECK and self.knowledge_check is not None:
            return self.knowledge_check.subject
        return str(StepKind(self.kind).label) if self.kind else ""

    def preview(self) -> "PathVersionStep":
        """An unsaved published-step copy, for previews and for publishing."""
        page = self.page.specific if self.page is not None else None
        return PathVersionStep(
            key=self.key,
            kind=self.kind,
            title=self.display_title(),
            instructions=self.instructions,
            page=page,
            knowledge_check=self.knowledge_check,
            estimated_minutes=getattr(page, "estimated_minutes", 0) or 0,
            before_day_one=self.before_day_one,
        )


class PathVersionQuerySet(models.QuerySet["PathVersion"]):
    def record(self, path: LearningPath, revision: Revision | None = None) -> "PathVersion":
        """Copy the path as it stands now into a new immutable version, and make it current.
        The version carries the titles of the path's published translations, for the steps
        whose keys they have."""
        steps = list(
            LearningPathStep.objects.filter(path=path)
            .select_related("page", "knowledge_check")
            .order_by("sort_order", "pk")
        )
        translations = list(
            LearningPath.objects.filter(
                translation_key=path.translation_key, live=True, current_version__isnull=True
            )
            .exclude(locale_id=path.locale_id)
            .select_related("locale")
        )
        with transaction.atomic():
            # Lock the path row so two publishes at once cannot take the same number.
            LearningPath.objects.select_for_update().filter(pk=path.pk).first()
            number = (self.filter(path=path).aggregate(n=Max("number"))["n"] or 0) + 1
            copies = [step.preview() for step in steps]
            version = self.create(
                path=path,
                number=number,
                revision=revision,
                title=path.title,
                description=path.description,
                step_count=len(copies),
                estimated_minutes=sum(copy.estimated_minutes for copy in copies),
                translations={
                    found.locale.language_code: _path_wording(found) for found in translations
                },
            )
            # A step without a title of its own reads its module's or check's title in
            # every language it is published in, whether or not the path is translated.
            borrowed = borrowed_titles(steps, path.locale_id)
            for copy in copies:
                for language, title in borrowed.get(copy.key, {}).items():
                    copy.translations[language] = {"title": title}
            for found in translations:
                wordings = step_wordings(found)
                for copy in copies:
                    if copy.key in wordings:
                        copy.translations[found.locale.language_code] = wordings[copy.key]
            for position, copy in enumerate(copies):
                copy.version = version
                copy.position = position
            PathVersionStep.objects.bulk_create(copies)
            LearningPath.objects.filter(pk=path.pk).update(current_version=version)
            path.current_version = version
        return version

    def take_translation(self, source: LearningPath, translation: LearningPath) -> int:
        """Write a published translation's titles into the source's versions: the current
        one, and every older one whose English words are the same as the current one's
        (for the path, and step by step, matched by key). Returns the versions changed."""
        language = translation.locale.language_code
        wordings = step_wordings(translation)
        current = source.current_version
        if current is None:
            return 0
        with transaction.atomic():
            versions = list(self.filter(path=source).select_for_update())
            steps = list(PathVersionStep.objects.filter(version__path=source, key__in=wordings))
            latest = {step.key: step for step in steps if step.version_id == current.pk}
            changed = set()
            for version in versions:
                if version.pk == current.pk or (
                    (version.title, version.description) == (current.title, current.description)
                ):
                    version.translations[language] = _path_wording(translation)
                    changed.add(version.pk)
            self.bulk_update([v for v in versions if v.pk in changed], ["translations"])
            touched = []
            for step in steps:
                now = latest.get(step.key)
                if now is not None and (step.title, step.instructions) == (
                    now.title,
                    now.instructions,
                ):
                    step.translations[language] = wordings[step.key]
                    touched.append(step)
                    changed.add(step.version_id)
            PathVersionStep.objects.bulk_update(touched, ["translations"])
        return len(changed)


def _path_wording(translation: LearningPath) -> dict[str, str]:
    return {"title": translation.title, "description": translation.description}


def borrowed_titles(
    steps: list[LearningPathStep], own_locale_id: int
) -> dict[uuid.UUID, dict[str, str]]:
    """The titles that `steps` without one of their own borrow from their module or
    check, in each language other than the path's own that the module or check is
    published in: {step key: {language code: title}}. Two queries, whatever the number of
    steps (none when every step has a title)."""
    untitled = [step for step in steps if not step.title]
    by_page = {s.page.translation_key: s.key for s in untitled if s.page is not None}
    by_check = {s.knowledge_check.translation_key: s.key for s in untitled if s.knowledge_check}
    result: dict[uuid.UUID, dict[str, str]] = {}
    if by_page:
        pages = (
            Page.objects.filter(translation_key__in=by_page, live=True)
            .exclude(locale_id=own_locale_id)
            .values_list("translation_key", "locale__language_code", "title")
        )
        for key, language, title in pages:
            result.setdefault(by_page[key], {})[language] = title
    if by_check:
        checks = (
            KnowledgeCheck.objects.filter(translation_key__in=by_check, live=True)
            .exclude(locale_id=own_locale_id)
            .select_related("locale")
        )
        for check in checks:
            result.setdefault(by_check[check.translation_key], {})[check.locale.language_code] = (
                check.subject
            )
    return result


def step_wordings(translation: LearningPath) -> dict[uuid.UUID, dict[str, str]]:
    """A translated path's steps by key: {"title", "instructions"} in its language. A step
    without a title of its own takes its module's or check's published translation's (a
    title copied from the source's module or check is not a translation); in three
    queries whatever the number of steps."""
    steps = list(
        LearningPathStep.objects.filter(path=translation).select_related("page", "knowledge_check")
    )
    untitled = [step for step in steps if not step.title]
    in_language = {"locale_id": translation.locale_id, "live": True}
    pages = dict(
        Page.objects.filter(
            translation_key__in=[s.page.translation_key for s in untitled if s.page], **in_language
        ).values_list("translation_key", "title")
    )
    checks = {
        check.translation_key: check.subject
        for check in KnowledgeCheck.objects.filter(
            translation_key__in=[
                s.knowledge_check.translation_key for s in untitled if s.knowledge_check
            ],
            **in_language,
        )
    }
    result = {}
    for step in steps:
        title = step.title
        if not title and step.page is not None:
            title = pages.get(step.page.translation_key, "")
        if not title and step.knowledge_check is not None:
            title = checks.get(step.knowledge_check.translation_key, "")
        result[step.key] = {"title": title, "instructions": step.instructions}
    return result


class PathVersion(models.Model):
    """A learning path exactly as it was published once. Never edited afterwards."""

    # PROTECT: a published path is history that assignments point at. Wagtail's delete
    # view sees this through the reference index and explains why it cannot delete.
    path = models.ForeignKey(
        LearningPath, on_delete=models.PROTECT, related_name="versions", verbose_name=_("path")
    )
    number = models.PositiveIntegerField(_("version"))
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    step_count = models.PositiveSmallIntegerField(_("steps"))
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes of reading"))
    # The path's published translations: {language code: {"title", "description"}}.
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    objects = PathVersionQuerySet.as_manager()

    class Meta:
        ordering = ["path", "-number"]
        get_latest_by = "number"
        verbose_name = _("published path version")
        verbose_name_plural = _("published path versions")
        constraints = [
            models.UniqueConstraint(fields=["path", "number"], name="lessons_path_version_unique")
        ]

    def __str__(self) -> str:
        return _("%(title)s, version %(number)s") % {"title": self.title, "number": self.number}

    @property
    def localized_title(self) -> str:
        """The title in the reader's language when the path is translated into it."""
        return in_reader_language(self.translations, "title", self.title)

    @property
    def localized_description(self) -> str:
        return in_reader_language(self.translations, "description", self.description)


class Withdrawal(models.TextChoices):
    """Why a published step's content is no longer there to read or take."""

    MODULE_DELETED = "module_deleted", _("The module was deleted")
    MODULE_UNPUBLISHED = "module_unpublished", _("The module was unpublished")
    CHECK_DELETED = "check_deleted", _("The knowledge check was deleted")
    CHECK_UNPUBLISHED = "check_unpublished", _("The knowledge check was unpublished")


class PathVersionStepQuerySet(models.QuerySet["PathVersionStep"]):
    def with_withdrawal(self) -> "models.QuerySet[PathVersionStep]":
        """Annotate `withdrawal`: a `Withdrawal` for a module step whose page, or a
        knowledge check step whose check, was deleted or unpublished; "" otherwise.
        Worked out in the same query (two outer joins)."""
        module, check = Q(kind=StepKind.MODULE), Q(kind=StepKind.KNOWLEDGE_CHECK)
        return self.annotate(
            withdrawal=Case(
                When(module & Q(page__isnull=True), then=Value(Withdrawal.MODULE_DELETED)),
                When(module & Q(page__live=False), then=Value(Withdrawal.MODULE_UNPUBLISHED)),
                When(
                    check & Q(knowledge_check__isnull=True),
                    then=Value(Withdrawal.CHECK_DELETED),
                ),
                When(
                    check & Q(knowledge_check__live=False),
                    then=Value(Withdrawal.CHECK_UNPUBLISHED),
                ),
                default=Value(""),
                output_field=models.CharField(),
            )
        )

    def follow_translation(self, translation: "Page | KnowledgeCheck") -> int:
        """A module's or check's translation was published: the steps of the paths'
        current versions that borrow its title (they have none of their own on the live
        path) read it in its language. Returns the steps changed; three queries."""
        if isinstance(translation, KnowledgeCheck):
            field, title = "knowledge_check", translation.subject
        else:
            field, title = "page", translation.title
        untitled = LearningPathStep.objects.filter(
            path=OuterRef("version__path"), key=OuterRef("key"), title=""
        )
        with transaction.atomic():
            steps = list(
                self.filter(
                    Exists(untitled),
                    version__path__current_version=F("version"),
                    **{f"{field}__translation_key": translation.translation_key},
                )
                .exclude(**{field: translation})
                .select_for_update(of=("self",))
            )
            if not steps:
                return 0
            language = translation.locale.language_code
            for step in steps:
                step.translations.setdefault(language, {})["title"] = title
            self.bulk_update(steps, ["translations"])
        return len(steps)

    def withdrawn(self) -> "models.QuerySet[PathVersionStep]":
        """Steps whose module or knowledge check was deleted or unpublished."""
        return self.with_withdrawal().exclude(Q(withdrawal=""))


class PathVersionStep(StepFields):
    """A step of a published version: its title and time are copied so history stays readable."""

    version = models.ForeignKey(PathVersion, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    knowledge_check = models.ForeignKey(
        "lessons.KnowledgeCheck",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=0)
    # The step in the path's published translations: {language code: {"title",
    # "instructions"}}, written by PathVersionQuerySet.record and take_translation.
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    objects = PathVersionStepQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("published step")
        verbose_name_plural = _("published steps")
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="lessons_version_step_key"),
            models.UniqueConstraint(
                fields=["version", "position"], name="lessons_version_step_position"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def localized_title(self) -> str:
        """The title in the reader's language when the path is translated into it."""
        return in_reader_language(self.translations, "title", self.title)

    @property
    def localized_instructions(self) -> str:
        return in_reader_language(self.translations, "instructions", self.instructions)

    @property
    def withdrawal_label(self) -> "StrOrPromise":
        """What happened to the step's content, when it is annotated (`with_withdrawal`)."""
        found = getattr(self, "withdrawal", "")
        return Withdrawal(found).label if found else ""
