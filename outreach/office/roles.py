"""The staff roles of the back office, as Django groups, and a helper for data migrations.

Each app grants its own permissions to these roles in a data migration, so the roles always match
the models that exist: ``grant(apps, SUPERVISOR, ["reports.view_report", ...])``.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions

OFFICER = "Petugas"
SUPERVISOR = "Supervisor"
CONTENT_EDITOR = "Editor konten"
ROLES = (OFFICER, SUPERVISOR, CONTENT_EDITOR)


def ensure_permissions(apps):
    """Create the permissions of every model known to this migration state (normally done after migrate)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def grant(apps, role: str, permissions: list[str]):
    """Give ``role`` the permissions named ``"app_label.codename"``, creating the group if needed."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    group, _ = Group.objects.get_or_create(name=role)
    for name in permissions:
        app_label, codename = name.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, role: str, permissions: list[str]):
    """The reverse of grant(), for a migration's backwards step."""
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=role).first()
    if group is None:
        return
    for name in permissions:
        app_label, codename = name.split(".")
        group.permissions.remove(*group.permissions.filter(content_type__app_label=app_label, codename=codename))


def member_emails(role: str) -> list[str]:
    """The email addresses of the active staff in ``role`` (e.g. who is told about new requests)."""
    users = get_user_model().objects.filter(is_active=True, groups__name=role).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))
