from wagtail import hooks

from coaching.viewsets import PeopleGroup


@hooks.register("register_admin_viewset")
def register_people():
    return PeopleGroup()
