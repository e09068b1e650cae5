"""SCIM 2.0 provisioning: an identity provider (Okta, Microsoft Entra ID, Google) creates,
updates and deactivates people, and keeps business units' members, through django-scim2's
protocol handling, authenticated by a provisioning token (models.ProvisioningToken)."""
