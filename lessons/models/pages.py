"""The portal's page tree: the portal root, the company profile, business units, modules."""

import difflib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from lessons import conf
from lessons.blocks import RICH_TEXT_FEATURES, BodyBlock
from lessons.edit_forms import LearnablePageForm
from lessons.i18n import (
    across_translations,
    localized_all,
    localized_field,
    once_each,
    other_languages,
    show_related_in_active_language,
    shown_instead,
)
from lessons.module_editing import PathsUsingPagePanel

from .first_day import SAME_TIME_IN_EVERY_LANGUAGE, FirstDayFields, first_day_panel
from .freshness import ReviewedContent
from .organisation import BusinessUnit, CompanyValue, original_units
from .paths import LearningPath

# Wagtail's page fields speak of the public and of search engines. The portal is for signed-in
# staff only (page privacy), so its pages say what each field does there, and leave out the
# ones the portal does not use (a meta description, site menus).
PORTAL_TITLE_PANEL = TitleFieldPanel(
    "title", help_text=_("The title people see in the portal, in their paths and in reports.")
)
PORTAL_PROMOTE_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel(
                "slug",
                help_text=_(
                    "The last part of the page's address in the portal. "
                    "Only signed-in people can open it."
                ),
            ),
            FieldPanel(
                "seo_title",
                heading=_("Browser tab title"),
                help_text=_("Optional: a shorter title for the browser tab."),
            ),
        ],
        heading=_("Address"),
    )
]
# How alike two module titles must be (difflib's ratio, 0 to 1) for the editor to be told.
CLOSE_TITLE_RATIO = 0.8


def in_every_language(page, queryset, relation, context):
    """`queryset`'s pages in `relation` to `page` or to one of its translations (from its
    context), each once, in the reader's language where it is translated: pages not
    translated yet are listed as written. One query."""
    trees = [page, *context["translations"]]
    return once_each(across_translations(queryset, relation, trees), page.locale_id)


class PortalPageMixin:
    """What every portal page shows around its content: the host's base template, the
    portal and the way to it, and the page in other languages.

    Who may read portal pages is Wagtail's page privacy, set on the portal and inherited by
    every page under it ("Private, accessible to logged-in users"; see the README). Wagtail
    checks it in its serve view before `serve()`, so route views are guarded too.
    """

    def get_context(self, request, *args, **kwargs):
        # Wagtail's Page.get_context, which comes after this mixin in each page's bases.
        context = super().get_context(request, *args, **kwargs)  # type: ignore[misc]
        context["base_template"] = conf.base_template()
        context["translations"] = other_languages(self)
        # Not translated yet into the reader's language (lessons.reading): a note says so,
        # and the way back leads to the pages in their language.
        context["shown_instead"] = shown_instead(request)
        if isinstance(self, LearningPortalPage):
            context["portal"], context["breadcrumbs"] = self, []
        else:
            trail = self.portal_trail()
            context["breadcrumbs"] = localized_all(trail) if context["shown_instead"] else trail
            context["portal"] = context["breadcrumbs"][0] if context["breadcrumbs"] else None
        return context

    def portal_trail(self):
        """The nearest portal above this page and the pages between, in one query."""
        portal_type = ContentType.objects.get_for_model(LearningPortalPage)
        ancestors = list(Page.objects.ancestor_of(self).live().order_by("depth"))
        portals = [i for i, page in enumerate(ancestors) if page.content_type_id == portal_type.pk]
        return ancestors[portals[-1] :] if portals else []


# With ReviewedContent as a second model base, django-stubs cannot tell which base's manager
# the page has (Django takes Page's PageManager, the first in the MRO).
class LearnablePage(PortalPageMixin, Page, ReviewedContent):  # type: ignore[django-manager-missing]
    """A page a trainee learns from and a path can ask them to read."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences: what the reader will learn."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("About how long it takes to read and do."),
    )
    knowledge_check = models.ForeignKey(
        "lessons.KnowledgeCheck",
        verbose_name=_("knowledge check"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a check the trainee passes to complete this module."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    # The question publishing asks (`LearnablePageForm` unticks it at every edit). The app
    # that keeps who read what acts on a change people must read when it is published: it
    # puts "Updated since you read it" on the step of everyone who completed an earlier
    # revision; their completion stays.
    change_must_be_read = models.BooleanField(
        _("people who read it must read this change"),
        default=False,
        help_text=_(
            "Tick this when the change matters to everyone who already completed this page: "
            "they see “Updated since you read it” with what changed, and confirm they read "
            "it. Nobody's progress is reset. Leave it unticked for a typo or a new image."
        ),
    )
    change_note = models.CharField(
        _("what changed, in a sentence"),
        max_length=300,
        blank=True,
        help_text=_("Shown to the people asked to read the change."),
    )

    base_form_class = LearnablePageForm
    content_panels = [
        PORTAL_TITLE_PANEL,
        PathsUsingPagePanel(heading=_("Learning paths")),
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        FieldPanel("knowledge_check"),
        MultiFieldPanel(
            [FieldPanel("change_must_be_read"), FieldPanel("change_note")],
            heading=_("Publishing this change"),
        ),
        ReviewedContent.review_panel,
    ]
    promote_panels = PORTAL_PROMOTE_PANELS
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    # The translated page asks for the source's check, as a path's step does: attempts
    # count the same in every language, and the reader sees the check's translation.
    override_translatable_fields = [SynchronizedField("knowledge_check", overridable=False)]

    class Meta:
        abstract = True

    def paths_using_it(self):
        """The learning paths with a step that asks to read this page, by title."""
        return LearningPath.objects.filter(steps__page=self).distinct().order_by("title")


# Portals are few and change only when an editor saves, moves or deletes a page.
PORTALS_CACHE_KEYS = {True: "lessons:portals:live", False: "lessons:portals:all"}
PORTALS_CACHE_SECONDS = 24 * 60 * 60


def forget_portals(*args, **kwargs):
    """Drop the cached portals, now and once the transaction commits (so that no request
    caches again what a transaction still open is changing)."""
    cache.delete_many(list(PORTALS_CACHE_KEYS.values()))
    transaction.on_commit(lambda: cache.delete_many(list(PORTALS_CACHE_KEYS.values())))


class LearningPortalPage(PortalPageMixin, RoutablePageMixin, Page):
    """The portal's root: the company profile, the units, the modules and the paths."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [PORTAL_TITLE_PANEL, FieldPanel("intro")]
    promote_panels = PORTAL_PROMOTE_PANELS
    subpage_types = ["lessons.CompanyProfilePage", "lessons.BusinessUnitPage", "lessons.ModulePage"]

    class Meta:
        verbose_name = _("learning portal")

    @classmethod
    def for_site(cls, site, *, live=True):
        """The portal of a Wagtail site: its root page if that is a portal, else the first
        portal under it in tree order; None if it has none. Drafts count if not `live`.

        With several languages, this is the portal in the language of the site's root
        page; the pages of a translated portal show that portal in their own header.
        """
        if site is None:
            return None
        return cls._in_tree_order(live).descendant_of(site.root_page, inclusive=True).first()

    @classmethod
    def for_request(cls, request, *, live: bool = True) -> "LearningPortalPage | None":
        """The portal of the site a request is for (Wagtail's Site.find_for_request), as
        `for_site`: the one the plugin's own pages show in their header. Looked up once
        per request."""
        return cls._portals_for_request(request, live)[0]

    @classmethod
    def for_reader(cls, request) -> "LearningPortalPage | None":
        """The live portal of `for_request` in the active language: its translation there
        when one is live, for the header's link on pages that speak the reader's language.
        No query more than `for_request`."""
        found, portals = cls._portals_for_request(request, True)
        if found is None:
            return None
        language = translation.get_language()
        return next(
            (
                portal
                for portal in portals
                if portal.translation_key == found.translation_key
                and portal.locale.language_code == language
            ),
            found,
        )

    @classmethod
    def _portals_for_request(cls, request, live):
        """The site's portal and every portal (all sites and languages), once a request."""
        if not hasattr(request, "_lessons_portals"):
            request._lessons_portals = {}
        if live not in request._lessons_portals:
            request._lessons_portals[live] = cls._find_for_request(request, live)
        return request._lessons_portals[live]

    @classmethod
    def _find_for_request(cls, request, live):
        # Portals are few (one a site and language), so one query fetches them all and the
        # site picks its own. Without a portal the site is not even looked up; with one,
        # the header's link to it needs the site anyway, and Wagtail keeps it on the request.
        portals = cls.all_portals(live)
        if not portals:
            return None, portals
        site = Site.find_for_request(request)
        if site is None:
            return None, portals
        root = site.root_page.path
        return next((portal for portal in portals if portal.path.startswith(root)), None), portals

    @classmethod
    def all_portals(cls, live=True):
        """Every portal (live ones, or with drafts too), in tree order, with its locale:
        the same for every request, so kept in the cache that all processes share until
        a page or a locale changes (`forget_portals`, connected in lessons.signals)."""
        return cache.get_or_set(
            PORTALS_CACHE_KEYS[bool(live)],
            lambda: list(cls._in_tree_order(live).select_related("locale")),
            PORTALS_CACHE_SECONDS,
        )

    @classmethod
    def _in_tree_order(cls, live):
        portals = cls.objects.live() if live else cls.objects.all()
        return portals.order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        profiles = in_every_language(
            self,
            CompanyProfilePage.objects.live().defer_streamfields().order_by("path"),
            "child_of",
            context,
        )
        context["profile"] = profiles[0] if profiles else None
        context["units"] = in_every_language(
            self,
            BusinessUnitPage.objects.live().defer_streamfields().order_by("title"),
            "child_of",
            context,
        )
        context["modules"] = in_every_language(
            self,
            ModulePage.objects.live()
            .defer_streamfields()
            .annotate(unit_name=localized_field(BusinessUnit, via="business_unit__"))
            .order_by("title"),
            "descendant_of",
            context,
        )
        # Originals only: a translation is the same path, shown in the reader's language.
        context["paths"] = (
            LearningPath.objects.assignable()
            .select_related("current_version")
            .annotate(unit_name=localized_field(BusinessUnit, via="business_unit__"))
        )
        return context

    @path("paths/<slug:slug>/", name="path")
    def path_outline(self, request, slug):
        """A published path's steps in order, for anyone browsing the portal."""
        learning_path = get_object_or_404(
            LearningPath.objects.filter(live=True, current_version__isnull=False)
            .select_related("current_version")
            .annotate(unit_name=localized_field(BusinessUnit, via="business_unit__")),
            slug=slug,
        )
        version = learning_path.current_version
        assert version is not None  # the filter above asks for one
        steps = list(version.steps.select_related("page", "knowledge_check"))
        # Each module in the reader's language: a step names the page it was made with.
        reading = [step for step in steps if step.page is not None]
        pages = localized_all([step.page for step in reading])
        return self.render(
            request,
            template="lessons/path_outline.html",
            context_overrides={
                "path": learning_path,
                "steps": steps,
                "pages": {step.page_id: page for step, page in zip(reading, pages, strict=True)},
            },
        )


# A second model base (FirstDayFields), as LearnablePage's ReviewedContent.
class CompanyProfilePage(LearnablePage, FirstDayFields):
    """Who the company is: mission, values, history, how it is organised; and the first
    day every new hire reads before they start, unless their unit says otherwise."""

    mission = models.TextField(_("mission"), max_length=500)

    content_panels = [
        *LearnablePage.content_panels[:3],
        FieldPanel("mission"),
        *LearnablePage.content_panels[3:],
        first_day_panel(
            _(
                "The company-wide first day, for new hires whose unit does not say "
                "otherwise: a unit's own first day (Snippets, Business units) comes first."
            )
        ),
    ]
    override_translatable_fields = [
        *LearnablePage.override_translatable_fields,
        *SAME_TIME_IN_EVERY_LANGUAGE,
    ]
    parent_page_types = ["lessons.LearningPortalPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("company profile")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["values"] = localized_all(CompanyValue.objects.originals())
        context["units"] = show_related_in_active_language(
            in_every_language(
                self,
                BusinessUnitPage.objects.live().select_related("unit__lead").order_by("path"),
                "sibling_of",
                context,
            ),
            "unit",
        )
        return context


# django-stubs cannot tell its manager (see LearnablePage), so nor the contacts' manager.
class BusinessUnitPage(LearnablePage):  # type: ignore[django-manager-missing]
    """What a unit does, who leads it, its key processes and who to ask."""

    unit = models.ForeignKey(
        BusinessUnit,
        verbose_name=_("business unit"),
        limit_choices_to=original_units,
        on_delete=models.PROTECT,
        related_name="pages",
    )

    content_panels = [
        *LearnablePage.content_panels[:1],
        FieldPanel("unit"),
        *LearnablePage.content_panels[1:],
        InlinePanel("contacts", label=_("Who to ask"), heading=_("Who to ask")),
    ]
    # A translation of the page is about the same unit: it keeps the original row, whose
    # name readers see in their language (wagtail-localize would otherwise ask for the
    # unit's translation and point the page at it).
    override_translatable_fields = [SynchronizedField("unit", overridable=False)]
    parent_page_types = ["lessons.LearningPortalPage"]
    subpage_types = ["lessons.ModulePage"]

    class Meta:
        verbose_name = _("business unit page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = self.contacts.all()
        context["unit"] = localized_all([self.unit])[0]
        # The unit's modules in every language are one list: each once, in the reader's.
        context["modules"] = once_each(
            ModulePage.objects.live()
            .filter(business_unit=self.unit_id)
            .defer_streamfields()
            .select_related("locale")
            .order_by("title"),
            self.locale_id,
        )
        return context


class BusinessUnitContact(Orderable):
    """Someone to ask about a topic in a unit."""

    page = ParentalKey(BusinessUnitPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    topic = models.CharField(_("ask them about"), max_length=200)
    email = models.EmailField(_("email"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("topic"), FieldPanel("email")]

    def __str__(self):
        return self.name


class ModulePage(LearnablePage):
    """A module on any topic: serving customers, learning from mistakes, setting goals."""

    business_unit = models.ForeignKey(
        BusinessUnit,
        verbose_name=_("business unit"),
        limit_choices_to=original_units,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modules",
        help_text=_("The unit this module is mostly for; leave empty if it is for everyone."),
    )

    content_panels = [
        *LearnablePage.content_panels,
        MultiFieldPanel([FieldPanel("business_unit")], heading=_("Audience")),
    ]
    # As BusinessUnitPage.unit: every translation points at the original unit.
    override_translatable_fields = [SynchronizedField("business_unit", overridable=False)]
    parent_page_types = ["lessons.LearningPortalPage", "lessons.BusinessUnitPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        unit = self.business_unit
        context["unit"] = localized_all([unit])[0] if unit is not None else None
        return context

    def modules_with_a_close_title(self):
        """Other modules of the same site whose title is close to this one's (a likely
        duplicate), closest first. One query for the site, one for the titles."""
        site = self.get_site()
        others = ModulePage.objects.exclude(pk=self.pk)
        if site is not None:
            others = others.in_site(site)
        title = self.title.casefold()
        # This runs on every module's edit form, over every module of the site: most titles
        # are ruled out by difflib's cheap upper bounds of the ratio (what get_close_matches
        # does), with this title as the matcher's cached second sequence; the few left get
        # their ratio worked out as before. About 10 times faster at 2,000 modules.
        bounds = difflib.SequenceMatcher(b=title)
        close = []
        for pk, other in others.values_list("pk", "title"):
            bounds.set_seq1(other.casefold())
            if bounds.real_quick_ratio() < CLOSE_TITLE_RATIO:
                continue
            if bounds.quick_ratio() < CLOSE_TITLE_RATIO:
                continue
            ratio = difflib.SequenceMatcher(None, title, other.casefold()).ratio()
            if ratio >= CLOSE_TITLE_RATIO:
                close.append((ratio, pk, other))
        close.sort(key=lambda found: (-found[0], found[2]))
        return [(pk, other) for _ratio, pk, other in close]
