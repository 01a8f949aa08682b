"""Meetings of the council's bodies: when and where, what kind, whether they go ahead, and when the
agenda was published (R1) and the meeting convened (R3)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


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

    NOT_GOING_AHEAD = (Status.POSTPONED, Status.CANCELLED)

    committee = models.ForeignKey("council.Committee", on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(db_index=True)
    start_time = models.TimeField()
    venue = models.CharField(max_length=200)
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.ORDINARY)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED, editable=False)
    status_reason = models.CharField(max_length=300, blank=True)
    pre_briefing_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Printed in bold under the agenda heading, e.g. “There will be a pre-briefing for all "
        "members between 4.00 and 5.30 pm.”",
    )
    # R3 (s.100B(3)): a meeting called at shorter notice has its papers due from the time it was convened.
    convened_at = models.DateTimeField(default=timezone.now, help_text="When the meeting was called.")
    agenda_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    agenda_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

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

    @property
    def agenda_is_published(self) -> bool:
        return self.agenda_published_at is not None

    @property
    def is_going_ahead(self) -> bool:
        return self.status not in self.NOT_GOING_AHEAD
