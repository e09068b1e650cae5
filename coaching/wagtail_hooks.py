from wagtail import hooks

from coaching.admin_views import ModuleProposalsViewSet
from coaching.viewsets import PeopleGroup


@hooks.register("register_admin_viewset")
def register_people():
    return PeopleGroup()


@hooks.register("register_admin_viewset")
def register_module_proposals():
    return ModuleProposalsViewSet()
