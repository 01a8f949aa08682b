"""Meetings of the council's bodies. Agendas, items and packs build on these (issue: agenda packs)."""

from django.db import models
from django.urls import reverse


class Meeting(models.Model):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", "Ordinary"
        EXTRAORDINARY = "extraordinary", "Extraordinary"
        ANNUAL = "annual", "Annual"
        BUDGET = "budget", "Budget"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        POSTPONED = "postponed", "Postponed"
        CANCELLED = "cancelled", "Cancelled"
        HELD = "held", "Held"

    committee = models.ForeignKey("council.Committee", on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(db_index=True)
    start_time = models.TimeField()
    venue = models.CharField(max_length=200)
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.ORDINARY)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    status_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=["postponed", "cancelled"]) | ~models.Q(status_reason=""),
                name="meeting_not_held_has_reason",
                violation_error_message="Say why the meeting is postponed or cancelled.",
            ),
            models.UniqueConstraint(
                fields=["committee", "date", "start_time"],
                name="meeting_unique_per_committee_slot",
                violation_error_message="This committee already meets at that date and time.",
            ),
        ]

    def __str__(self):
        return f"{self.committee} – {self.date:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.pk])
