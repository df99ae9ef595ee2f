from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data of the Blitar office and the seed_demo command: installed only with DEBUG on."""

    name = "outreach.demo"
    label = "demo"
