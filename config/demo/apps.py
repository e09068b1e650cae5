from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's own app: it loads the demo company. Not part of the plugin."""

    name = "config.demo"
    label = "demo"

    def ready(self):
        # The demo site's sign-in throttle forgets a person the plugin erases.
        from coaching.record.erasure import person_erased
        from config.lockout import forget_erased_person

        person_erased.connect(forget_erased_person, dispatch_uid="demo_forget_erased_person")
