"""The demo's provisioning token: HR's screen (Settings, Provisioning tokens) shows one,
and `load_demo` prints its key once, to try SCIM with curl (docs/scim.md)."""

from coaching.provisioning.models import ProvisioningToken

DEMO_TOKEN = "Microsoft Entra ID (demo)"


def ensure_token(report):
    """The demo token, made once; its key is returned the time it is made, else None."""
    if ProvisioningToken.objects.filter(name=DEMO_TOKEN).exists():
        return None
    token = ProvisioningToken(name=DEMO_TOKEN)
    key = token.new_key()
    token.save()
    report.add(token)
    return key
