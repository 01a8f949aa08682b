"""The "Approvals Obtained" block: statutory officers' sign-off, then the director's."""

from django.conf import settings
from django.db import models

from .report import Report


class Approval(models.Model):
    """One role's sign-off of one approval round of a report.

    Editing an approved report starts a new round; earlier rounds are kept as history.
    """

    class Role(models.TextChoices):
        FINANCE = "finance", "Chief Finance Officer"
        LEGAL = "legal", "Legal"
        PROCUREMENT = "procurement", "Procurement (if appropriate)"
        HR = "hr", "Human Resources (if appropriate)"
        DIRECTOR = "director", "Director approving submission"

    class Decision(models.TextChoices):
        PENDING = "pending", "Waiting"
        APPROVED = "approved", "Approved"
        NOT_APPLICABLE = "not_applicable", "Not applicable"

    STATUTORY_ROLES = (Role.FINANCE, Role.LEGAL, Role.PROCUREMENT, Role.HR)
    # Only procurement and HR may be marked not applicable ("if appropriate").
    OPTIONAL_ROLES = (Role.PROCUREMENT, Role.HR)

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="approvals")
    round = models.PositiveSmallIntegerField()
    role = models.CharField(max_length=12, choices=Role.choices)
    role_title = models.CharField(max_length=200, blank=True, help_text="The role as the council writes it.")
    decision = models.CharField(max_length=15, choices=Decision.choices, default=Decision.PENDING)
    officer = models.ForeignKey(
        "council.Officer", on_delete=models.PROTECT, null=True, blank=True, related_name="approvals_given"
    )
    officer_name = models.CharField(max_length=200, blank=True, help_text="The named officer, as printed.")
    decided_on = models.DateField(null=True, blank=True)
    not_applicable_reason = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "round", "role"], name="approval_unique_role_per_round"
            ),
            models.CheckConstraint(
                condition=~models.Q(decision="not_applicable") | ~models.Q(not_applicable_reason=""),
                name="approval_not_applicable_has_reason",
                violation_error_message="Say why this approval is not applicable.",
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.get_decision_display()}"
