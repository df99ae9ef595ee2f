from django.db import migrations

from outreach.office import roles

PERMISSIONS = {
    roles.SUPERVISOR: ["office.view_officeprofile", "office.change_officeprofile"],
    roles.CONTENT_EDITOR: ["office.view_officeprofile", "office.change_officeprofile"],
    roles.OFFICER: ["office.view_officeprofile"],
}


def create_roles(apps, schema_editor):
    for role in roles.ROLES:
        roles.grant(apps, role, PERMISSIONS[role])


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
