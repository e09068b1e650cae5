"""The demo's tokens: a provisioning token (Settings, Provisioning tokens), to try SCIM
with curl (docs/scim.md), and Hana's API token for an HR system (Settings, Onboarding API
tokens), to try the REST API (docs/api.md). `load_demo` prints each key once."""

from wagtail.models import APIToken

from coaching.api.models import Scope, TokenScopes
from coaching.provisioning.models import ProvisioningToken

DEMO_TOKEN = "Microsoft Entra ID (demo)"
DEMO_API_TOKEN = "BambooHR (demo)"
HR_SYSTEM_SCOPES = [
    Scope.READ_PEOPLE,
    Scope.WRITE_PEOPLE,
    Scope.READ_PATHS,
    Scope.READ_ASSIGNMENTS,
    Scope.WRITE_ASSIGNMENTS,
    Scope.READ_REPORTS,
]


def ensure_token(report):
    """The demo token, made once; its key is returned the time it is made, else None."""
    if ProvisioningToken.objects.filter(name=DEMO_TOKEN).exists():
        return None
    token = ProvisioningToken(name=DEMO_TOKEN)
    key = token.new_key()
    token.save()
    report.add(token)
    return key


def ensure_api_token(hr, report):
    """HR's demo API token, made once; its key is returned the time it is made, else None."""
    if TokenScopes.objects.filter(token__name=DEMO_API_TOKEN).exists():
        return None
    token, key = APIToken.create_token(user=hr, name=DEMO_API_TOKEN)
    held = TokenScopes.objects.create(
        token=token, scopes=[str(scope) for scope in HR_SYSTEM_SCOPES]
    )
    report.add(held)
    return key
