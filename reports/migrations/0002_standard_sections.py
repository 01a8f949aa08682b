"""The standard numbered body sections of a council report (council-papers.md §3, "Body")."""

from django.db import migrations

STANDARD_SECTIONS = [
    ("Recommendations", True),
    ("Background", False),
    ("Key Issues", False),
    ("Options considered and recommended proposal", False),
    ("Consultation", False),
    ("Timetable and Accountability for Implementing this Decision", False),
    ("Financial and Procurement Implications", False),
    ("Legal Implications", False),
    ("Human Resources Implications", False),
    ("Implications for Children and Young People and Vulnerable Adults", False),
    ("Equalities and Human Rights Implications", False),
    ("Implications for Partners and Other Directorates", False),
    ("Risks and Mitigation", False),
    ("Accountable Officer(s)", False),
]


def add_sections(apps, schema_editor):
    SectionTemplate = apps.get_model("reports", "SectionTemplate")
    if SectionTemplate.objects.exists():
        return
    for position, (title, holds_recommendations) in enumerate(STANDARD_SECTIONS, start=1):
        SectionTemplate.objects.create(
            position=position, title=title, holds_recommendations=holds_recommendations
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(add_sections, migrations.RunPython.noop)]
