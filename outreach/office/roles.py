"""The staff roles of the back office, as Django groups, and the one declaration of what each may do.

``ROLE_PERMISSIONS`` is the whole matrix, as ``"app_label.codename"`` names. After every ``migrate``
(and after a test flushes the tables, which emits the same signal) ``sync_roles()`` gives each role's
group exactly these permissions: it adds the missing ones and removes any other. Groups of other names
are left alone. An app that adds a model adds the permissions it grants to this declaration (a system
check refuses names that no installed model has).
"""

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

OFFICER = "Petugas"
SUPERVISOR = "Supervisor"
CONTENT_EDITOR = "Editor konten"
ROLES = (OFFICER, SUPERVISOR, CONTENT_EDITOR)


def manage(model: str) -> list[str]:
    """Every default permission of ``"app_label.model"``: add, change, delete and view."""
    app_label, model_name = model.split(".")
    return [f"{app_label}.{action}_{model_name}" for action in ("add", "change", "delete", "view")]


ROLE_PERMISSIONS = {
    # Officers log visits (and change or delete their own drafts: the row rule is Activity.can_be_changed_by),
    # triage reports, propose village figures, and read places and visit requests.
    OFFICER: [
        "office.view_officeprofile",
        "villages.view_village",
        "villages.view_villageindicator",
        # Proposed as drafts only; publishing is the supervisors' (VillageIndicatorAdmin).
        "villages.add_villageindicator",
        "villages.change_villageindicator",
        "schools.view_institution",
        "schools.view_visitrequest",
        "reading_corners.view_readingcorner",
        "activities.view_activity",
        "activities.add_activity",
        "activities.change_activity",
        "activities.delete_activity",
        "office.view_partneragency",
        "reports.view_report",
        "reports.change_report",
    ],
    # Supervisors publish, manage places, indicators, partners and visit requests, and see reporters'
    # identities (every look recorded). auth.view_user lets them pick a village's PIMPASA officer.
    SUPERVISOR: [
        "office.view_officeprofile",
        "office.change_officeprofile",
        *manage("villages.village"),
        *manage("villages.villageindicator"),
        "villages.publish_villageindicator",
        *manage("stats.series"),
        *manage("stats.figure"),
        "stats.publish_figure",
        "stats.view_yearly_report",
        *manage("schools.institution"),
        *manage("schools.visitrequest"),
        *manage("reading_corners.readingcorner"),
        *manage("activities.activity"),
        "activities.publish_activity",
        *manage("office.partneragency"),
        "reports.view_report",
        "reports.change_report",
        "reports.view_reporter_identity",
        "reports.manage_reporter_data",
        "reports.view_identityaccess",
        "auth.view_user",
        # Unlocking staff accounts (lock-outs and their logs) and removing the second-factor devices of
        # someone who lost them (they enrol again at their next log-in).
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accessfailurelog",
        "axes.view_accesslog",
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
        "otp_static.view_staticdevice",
        "otp_static.delete_staticdevice",
        *(f"pages.view_{model}" for model in ("page", "pagetopic", "pagelink", "sitenotice", "pagefeedback")),
    ],
    # Content editors edit public text only: the office profile, reading corners, activities' titles and
    # summaries. Visit requests (a teacher's phone and email) and reports are not theirs.
    CONTENT_EDITOR: [
        "office.view_officeprofile",
        "office.change_officeprofile",
        "villages.view_village",
        "villages.view_villageindicator",
        "schools.view_institution",
        "reading_corners.view_readingcorner",
        "reading_corners.change_readingcorner",
        "activities.view_activity",
        "activities.edit_activity_text",
        # Information pages, their links and sources, and the site notice; readers' feedback to read.
        *manage("pages.page"),
        *manage("pages.pagetopic"),
        *manage("pages.pagelink"),
        *manage("pages.sitenotice"),
        "pages.view_pagefeedback",
        "pages.delete_pagefeedback",
    ],
}


def sync_roles(apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Give each role's group exactly its declared permissions (creating the group if needed).

    Idempotent: a group that already matches is not written to. Permissions of models that are not
    migrated yet are skipped; the next migrate adds them.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_labels = {name.split(".")[0] for names in ROLE_PERMISSIONS.values() for name in names}
    known = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.using(using)
        .filter(content_type__app_label__in=app_labels)
        .values_list("pk", "content_type__app_label", "codename")
    }
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set([known[name] for name in names if name in known])


def sync_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """post_migrate handler: create every app's permissions first (they may come after this app), then sync."""
    try:
        apps.get_model("auth", "Group")
    except LookupError:  # auth is not migrated (yet, or any more)
        return
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    sync_roles(apps, using)


def member_emails(role: str) -> list[str]:
    """The email addresses of the active staff in ``role`` (e.g. who is told about new requests)."""
    users = get_user_model().objects.filter(is_active=True, groups__name=role).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))
