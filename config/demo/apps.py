from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's own app: it loads the demo company. Not part of the plugin."""

    name = "config.demo"
    label = "demo"
