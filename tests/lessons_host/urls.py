from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The host's own sign-out, which its header hook posts to.
    path("sign-out/", auth_views.LogoutView.as_view(next_page="/"), name="host_sign_out"),
    path("", include(wagtail_urls)),
]
