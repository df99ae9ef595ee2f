"""System checks of the office app: every permission a role is given exists on an installed model."""

from django.apps import apps
from django.core import checks

from .roles import ROLE_PERMISSIONS


def model_permissions() -> set[str]:
    """``"app_label.codename"`` of every permission the installed models declare (default and custom)."""
    names = set()
    for model in apps.get_models():
        opts = model._meta
        codenames = [f"{action}_{opts.model_name}" for action in opts.default_permissions]
        codenames += [codename for codename, _name in opts.permissions]
        names.update(f"{opts.app_label}.{codename}" for codename in codenames)
    return names


def check_role_permissions(app_configs, **kwargs):
    existing = model_permissions()
    return [
        checks.Error(
            f"ROLE_PERMISSIONS gives {role!r} the permission {name!r}, which no installed model has.",
            hint='Correct the name in outreach/office/roles.py ("app_label.codename").',
            obj="outreach.office.roles",
            id="office.E001",
        )
        for role, names in ROLE_PERMISSIONS.items()
        for name in names
        if name not in existing
    ]
