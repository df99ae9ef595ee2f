"""The staff roles: the whole permission matrix, and the sync that keeps the groups to it."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from outreach.office import roles
from outreach.office.checks import check_role_permissions
from tests.factories import StaffFactory

LETTERS = {"P": roles.OFFICER, "S": roles.SUPERVISOR, "E": roles.CONTENT_EDITOR}

# Every permission of the portal's apps (and the one of Django's that a role holds), and who holds it:
# P = Petugas, S = Supervisor, E = Editor konten, - = nobody. Any other permission: nobody.
MATRIX = """
field.view_fieldsubmission             -
field.add_fieldsubmission              -
field.change_fieldsubmission           -
field.delete_fieldsubmission           -
pages.view_page                          S E
pages.add_page                             E
pages.change_page                          E
pages.delete_page                          E
pages.view_pagetopic                     S E
pages.add_pagetopic                        E
pages.change_pagetopic                     E
pages.delete_pagetopic                     E
pages.view_pagelink                      S E
pages.add_pagelink                         E
pages.change_pagelink                      E
pages.delete_pagelink                      E
pages.view_sitenotice                    S E
pages.add_sitenotice                       E
pages.change_sitenotice                    E
pages.delete_sitenotice                    E
pages.view_pagefeedback                  S E
pages.delete_pagefeedback                  E
pages.add_pagefeedback                 -
pages.change_pagefeedback              -
stats.view_series                        S
stats.add_series                         S
stats.change_series                      S
stats.delete_series                      S
stats.view_figure                        S
stats.add_figure                         S
stats.change_figure                      S
stats.delete_figure                      S
stats.publish_figure                     S
stats.view_yearly_report                 S
abuse.view_abusecounter                -
abuse.add_abusecounter                 -
abuse.change_abusecounter              -
abuse.delete_abusecounter              -
outbox.view_email                      -
outbox.add_email                       -
outbox.change_email                    -
outbox.delete_email                    -
activities.view_activity               P S E
activities.add_activity                P S
activities.change_activity             P S
activities.delete_activity             P S
activities.publish_activity              S
activities.edit_activity_text              E
activities.view_activityphoto          -
activities.add_activityphoto           -
activities.change_activityphoto        -
activities.delete_activityphoto        -
office.view_partneragency              P S
office.add_partneragency                 S
office.change_partneragency              S
office.delete_partneragency              S
auth.view_user                           S
axes.view_accessattempt                  S
axes.delete_accessattempt                S
axes.view_accessfailurelog               S
axes.view_accesslog                      S
otp_totp.view_totpdevice                 S
otp_totp.delete_totpdevice               S
otp_static.view_staticdevice             S
otp_static.delete_staticdevice           S
office.view_officeprofile              P S E
office.add_officeprofile               -
office.change_officeprofile              S E
office.delete_officeprofile            -
reading_corners.view_readingcorner     P S E
reading_corners.add_readingcorner        S
reading_corners.change_readingcorner     S E
reading_corners.delete_readingcorner     S
reports.view_report                    P S
reports.add_report                     -
reports.change_report                  P S
reports.delete_report                  -
reports.view_reporter_identity           S
reports.manage_reporter_data             S
reports.view_identityaccess              S
reports.add_identityaccess             -
reports.change_identityaccess          -
reports.delete_identityaccess          -
reports.view_pintoshow                 -
reports.add_pintoshow                  -
reports.change_pintoshow               -
reports.delete_pintoshow               -
reports.view_reportevent               -
reports.add_reportevent                -
reports.change_reportevent             -
reports.delete_reportevent             -
reports.view_reportphoto               -
reports.add_reportphoto                -
reports.change_reportphoto             -
reports.delete_reportphoto             -
schools.view_institution               P S E
schools.add_institution                  S
schools.change_institution               S
schools.delete_institution               S
schools.view_visitrequest              P S
schools.add_visitrequest                 S
schools.change_visitrequest              S
schools.delete_visitrequest              S
villages.view_village                  P S E
villages.add_village                     S
villages.change_village                  S
villages.delete_village                  S
villages.view_villageindicator         P S E
villages.add_villageindicator          P S
villages.change_villageindicator       P S
villages.publish_villageindicator        S
villages.delete_villageindicator         S
"""


def expected_holders() -> dict[str, set[str]]:
    rows = [line.split() for line in MATRIX.strip().splitlines()]
    return {name: {LETTERS[letter] for letter in letters if letter != "-"} for name, *letters in rows}


def every_permission() -> list[str]:
    return [
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.values_list("content_type__app_label", "codename")
    ]


def permission_names(group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_the_matrix_names_every_permission_of_the_portal_apps(db):
    portal_apps = {config.label for config in apps.get_app_configs() if config.name.startswith("outreach.")}
    portal_permissions = {name for name in every_permission() if name.split(".")[0] in portal_apps}
    assert portal_permissions - set(expected_holders()) == set()


@pytest.mark.django_db
@pytest.mark.parametrize("role", roles.ROLES)
def test_each_role_holds_exactly_its_permissions(role):
    user = StaffFactory(role=role)
    expected = expected_holders()
    wrong = {
        name: user.has_perm(name)
        for name in every_permission()
        if user.has_perm(name) != (role in expected.get(name, set()))
    }
    assert wrong == {}


def test_an_officer_proposes_village_indicators_but_cannot_publish_them(db):
    user = StaffFactory(role=roles.OFFICER)
    assert user.has_perm("villages.add_villageindicator")
    assert not user.has_perm("villages.publish_villageindicator")


def test_a_supervisor_manages_the_village_indicators(db):
    user = StaffFactory(role=roles.SUPERVISOR)
    assert user.has_perm("villages.add_villageindicator") and user.has_perm("villages.change_villageindicator")


def test_syncing_again_writes_nothing(db):
    links = set(Group.permissions.through.objects.values_list("pk", flat=True))
    roles.sync_roles()
    assert set(Group.permissions.through.objects.values_list("pk", flat=True)) == links


def test_the_sync_repairs_a_drifted_group(db):
    officers = Group.objects.get(name=roles.OFFICER)
    officers.permissions.add(Permission.objects.get(codename="publish_activity"))
    officers.permissions.remove(Permission.objects.get(codename="view_report"))
    Group.objects.filter(name=roles.CONTENT_EDITOR).delete()
    roles.sync_roles()
    for role in roles.ROLES:
        assert permission_names(Group.objects.get(name=role)) == set(roles.ROLE_PERMISSIONS[role])


def test_the_sync_leaves_other_groups_alone(db):
    guests = Group.objects.create(name="Tamu")
    guests.permissions.add(Permission.objects.get(codename="view_report"))
    roles.sync_roles()
    assert permission_names(guests) == {"reports.view_report"}


def test_migrate_syncs_the_roles(db):
    Group.objects.get(name=roles.OFFICER).permissions.clear()
    call_command("migrate", verbosity=0)
    assert permission_names(Group.objects.get(name=roles.OFFICER)) == set(roles.ROLE_PERMISSIONS[roles.OFFICER])


def test_the_roles_are_back_after_a_test_flushes_the_tables(transactional_db):
    call_command("flush", interactive=False, verbosity=0)  # what a transactional test does when it ends
    for role in roles.ROLES:
        assert permission_names(Group.objects.get(name=role)) == set(roles.ROLE_PERMISSIONS[role])


def test_the_system_check_accepts_the_declared_permissions():
    assert check_role_permissions(None) == []


def test_the_system_check_refuses_a_permission_no_model_has(monkeypatch):
    monkeypatch.setitem(roles.ROLE_PERMISSIONS, roles.OFFICER, ["activities.view_activty"])
    errors = check_role_permissions(None)
    assert [error.id for error in errors] == ["office.E001"]
    assert "activities.view_activty" in errors[0].msg
