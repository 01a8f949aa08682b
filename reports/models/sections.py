"""The council's standard body sections, copied into each new report."""

from django.db import models


class SectionTemplate(models.Model):
    """One standard numbered body section for new reports ("Legal Implications"…).

    The council edits this list without touching code; a report copies the list when it is
    created, so later changes never alter existing reports.
    """

    position = models.PositiveSmallIntegerField(help_text="Order in the report body (1 = first).")
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True, help_text="Shown to authors under the section heading.")
    holds_recommendations = models.BooleanField(
        default=False, help_text="This section is rendered from the report's recommendations."
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["position"],
                condition=models.Q(is_active=True),
                name="sectiontemplate_unique_active_position",
                violation_error_message="Another active section already has this position.",
            )
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"
