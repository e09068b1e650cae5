from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("A failure for the production logging test.")


urlpatterns = [path("fails/", fail), *site_urlpatterns]
