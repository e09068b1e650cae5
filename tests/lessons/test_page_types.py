"""Every page type is routable, renderable, editable and previewable, in its place in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from lessons.models import BusinessUnitPage, CompanyProfilePage, LearningPortalPage, ModulePage
from tests import builders


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = builders.make_user("editor", is_staff=True, is_superuser=True)
        cls.portal = builders.make_portal()
        cls.profile = builders.make_profile(cls.portal)
        cls.unit_page = builders.make_unit_page(cls.portal)
        cls.module = builders.make_module(cls.portal, knowledge_check=builders.make_check())
        cls.unit_module = builders.make_module(cls.unit_page, title="Handling outages")
        cls.pages = [cls.portal, cls.profile, cls.unit_page, cls.module, cls.unit_module]

    def test_every_page_is_routable(self):
        for page in self.pages:
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)

    def test_every_page_renders_for_a_signed_in_person(self):
        for page in self.pages:
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page, user=self.editor)

    def test_every_page_is_editable(self):
        for page in self.pages:
            with self.subTest(page=page.title):
                self.assertPageIsEditable(
                    page, post_data=builders.page_form_data(page), user=self.editor
                )

    def test_every_page_is_previewable(self):
        for page in self.pages:
            with self.subTest(page=page.title):
                self.assertPageIsPreviewable(
                    page, post_data=builders.page_form_data(page), user=self.editor
                )

    def test_portal_route_for_a_path_is_routable(self):
        builders.make_path(steps=[self.module])
        self.assertPageIsRoutable(self.portal, "paths/orientation/")
        self.assertPageIsRenderable(self.portal, "paths/orientation/", user=self.editor)


class PageTreeTests(WagtailPageTestCase):
    def test_portal_holds_profile_units_and_modules(self):
        self.assertAllowedSubpageTypes(
            LearningPortalPage, {CompanyProfilePage, BusinessUnitPage, ModulePage}
        )

    def test_profile_and_units_live_only_under_a_portal(self):
        self.assertAllowedParentPageTypes(CompanyProfilePage, {LearningPortalPage})
        self.assertAllowedParentPageTypes(BusinessUnitPage, {LearningPortalPage})

    def test_modules_live_under_a_portal_or_a_unit(self):
        self.assertAllowedParentPageTypes(ModulePage, {LearningPortalPage, BusinessUnitPage})

    def test_unit_pages_hold_only_modules(self):
        self.assertAllowedSubpageTypes(BusinessUnitPage, {ModulePage})

    def test_profile_and_modules_are_leaves(self):
        self.assertAllowedSubpageTypes(CompanyProfilePage, set())
        self.assertAllowedSubpageTypes(ModulePage, set())

    def test_a_portal_may_sit_anywhere_in_a_site(self):
        self.assertCanCreateAt(Page, LearningPortalPage)

    def test_only_one_company_profile_per_portal(self):
        portal = builders.make_portal()
        builders.make_profile(portal)
        self.assertFalse(CompanyProfilePage.can_create_at(portal))
