"""Every saved version of a report, kept for comparison; the published one is frozen."""

from django.conf import settings
from django.db import models

from .report import Report


class ReportVersion(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField(help_text="The whole report as it stood: summary sheet, body, appendices.")
    status = models.CharField(max_length=10, choices=Report.Status.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True)
    is_frozen = models.BooleanField(default=False, help_text="The published version: never changed.")

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reportversion_unique_number"),
        ]

    def __str__(self):
        return f"{self.report} v{self.number}"
