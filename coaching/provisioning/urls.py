"""The SCIM 2.0 endpoints, under the plugin's URLconf (coaching/urls.py: scim/v2/). The
base URL to give the identity provider is https://<site>/<the plugin's prefix>/scim/v2/."""

from django.urls import path

from coaching.provisioning import views

urlpatterns = [
    path("Users", views.UsersView.as_view(), name="scim_users"),
    path("Users/<str:uuid>", views.UsersView.as_view(), name="scim_user"),
    path("Groups", views.GroupsView.as_view(), name="scim_groups"),
    path("Groups/<str:uuid>", views.GroupsView.as_view(), name="scim_group"),
    path(
        "ServiceProviderConfig",
        views.ServiceProviderConfigView.as_view(),
        name="scim_service_provider_config",
    ),
    path("ResourceTypes", views.ResourceTypesView.as_view(), name="scim_resource_types"),
    path("ResourceTypes/<str:uuid>", views.ResourceTypesView.as_view(), name="scim_resource_type"),
    path("Schemas", views.SchemasView.as_view(), name="scim_schemas"),
    path("Schemas/<str:uuid>", views.SchemasView.as_view(), name="scim_schema"),
]
