"""Speaking SCIM as an identity provider does: JSON bodies as application/scim+json, a
provisioning token as a bearer token."""

import json

from django.urls import reverse

from coaching.provisioning.models import ProvisioningToken

CONTENT_TYPE = "application/scim+json"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
ONBOARDING = "urn:ietf:params:scim:schemas:extension:onboarding:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


def make_token(name="Okta"):
    token = ProvisioningToken(name=name)
    key = token.new_key()
    token.save()
    return token, key


def users_url(pk=None):
    return (
        reverse("coaching:scim_user", args=[pk])
        if pk is not None
        else reverse("coaching:scim_users")
    )


def groups_url(pk=None):
    return (
        reverse("coaching:scim_group", args=[pk])
        if pk is not None
        else reverse("coaching:scim_groups")
    )


def patch(*operations):
    return {"schemas": [PATCH_OP], "Operations": list(operations)}


class Provider:
    """An identity provider's client: `provider.post(url, body)` and so on."""

    def __init__(self, client, key):
        self.client, self.key = client, key

    def _send(self, method, url, body=None, **extra):
        data = (
            body if isinstance(body, str | bytes) else json.dumps(body) if body is not None else ""
        )
        return getattr(self.client, method)(
            url,
            data=data,
            content_type=CONTENT_TYPE,
            HTTP_AUTHORIZATION=f"Bearer {self.key}",
            **extra,
        )

    def get(self, url, **params):
        return self.client.get(url, params, HTTP_AUTHORIZATION=f"Bearer {self.key}")

    def post(self, url, body):
        return self._send("post", url, body)

    def put(self, url, body):
        return self._send("put", url, body)

    def patch(self, url, body):
        return self._send("patch", url, body)

    def delete(self, url):
        return self._send("delete", url)
