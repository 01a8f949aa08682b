"""Create one Django group per Witan role, so that roles can be granted in the admin."""

from django.db import migrations

ROLE_GROUPS = [
    "Councillor",
    "Report author",
    "Director",
    "Finance approver (chief finance officer)",
    "Legal approver",
    "Procurement approver",
    "HR approver",
    "Democratic services",
    "Administrator",
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
