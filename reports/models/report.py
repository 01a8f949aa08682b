"""An officer's report: the Summary Sheet fields and the workflow state."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from .rich_text import RichTextField

# Schedule 12A, Part 1 (England): the exempt categories a report may cite (R4).
SCHEDULE_12A_PARAGRAPHS = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations or "
    "negotiations, in connection with any labour relations matter arising between the authority and "
    "employees of, or office holders under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be maintained "
    "in legal proceedings.",
    6: "Information which reveals that the authority proposes to give a notice imposing requirements on "
    "a person, or to make an order or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the prevention, "
    "investigation or prosecution of crime.",
}


def validate_exempt_paragraphs(value):
    if not isinstance(value, list) or any(p not in SCHEDULE_12A_PARAGRAPHS for p in value):
        raise ValidationError("Choose paragraphs 1 to 7 of Schedule 12A.")


class ExemptionMixin(models.Model):
    """R4: an exempt document cites its Schedule 12A paragraph(s) and the public-interest reason."""

    is_exempt = models.BooleanField("exempt from the press and public", default=False)
    exempt_paragraphs = models.JSONField(
        "Schedule 12A paragraphs", default=list, blank=True, validators=[validate_exempt_paragraphs]
    )
    public_interest_reason = models.TextField(
        blank=True,
        help_text="Why the public interest in keeping the information exempt outweighs disclosure (para. 10).",
    )

    class Meta:
        abstract = True

    def clean_exemption(self) -> dict:
        errors = {}
        if self.is_exempt and not self.exempt_paragraphs:
            errors["exempt_paragraphs"] = "An exempt document must cite its Schedule 12A paragraph(s)."
        if self.is_exempt and not self.public_interest_reason.strip():
            errors["public_interest_reason"] = "Give the public-interest reason for keeping it exempt."
        if not self.is_exempt and self.exempt_paragraphs:
            errors["exempt_paragraphs"] = "Only an exempt document cites Schedule 12A paragraphs."
        return errors

    @property
    def exempt_paragraphs_display(self) -> str:
        paragraphs = sorted(self.exempt_paragraphs)
        if not paragraphs:
            return ""
        word = "Paragraph" if len(paragraphs) == 1 else "Paragraphs"
        numbers = ", ".join(str(p) for p in paragraphs[:-1])
        numbers = f"{numbers} and {paragraphs[-1]}" if numbers else str(paragraphs[-1])
        return f"{word} {numbers} of Part 1 of Schedule 12A to the Local Government Act 1972"


class Report(ExemptionMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Awaiting approvals"
        APPROVED = "approved", "Approved, ready for an agenda"
        PUBLISHED = "published", "Published"
        RETURNED = "returned", "Returned for changes"
        WITHDRAWN = "withdrawn", "Withdrawn"

    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.APPROVED)

    # Summary Sheet, in the council's order (council-papers.md §3).
    committee = models.ForeignKey(
        "council.Committee",
        on_delete=models.PROTECT,
        related_name="reports",
        help_text="The body it goes to.",
    )
    meeting_date = models.DateField(help_text="The date of the meeting it goes to.")
    title = models.CharField("report title", max_length=300)
    title_is_exempt = models.BooleanField(
        default=False,
        help_text="The title itself would reveal exempt information: never shown to the public.",
    )
    is_key_decision = models.BooleanField("key decision", default=False)
    on_forward_plan = models.BooleanField("included on the Forward Plan", default=False)
    director = models.ForeignKey(
        "council.Officer",
        on_delete=models.PROTECT,
        related_name="reports_approving",
        verbose_name="director approving submission",
        null=True,
        blank=True,
    )
    authors = models.ManyToManyField("council.Officer", related_name="reports_written", blank=True)
    affects_all_wards = models.BooleanField("all wards affected", default=False)
    wards = models.ManyToManyField("council.Ward", related_name="reports", blank=True)
    summary = RichTextField(blank=True)
    council_approval_required = models.BooleanField(default=False)
    accountable_officers = models.ManyToManyField(
        "council.Officer", related_name="reports_accountable", blank=True
    )

    # Workflow and ownership.
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False)
    approval_round = models.PositiveSmallIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reports_created", editable=False
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="reports_shared",
        blank=True,
        help_text="Colleagues who may edit it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save must name the revision it started from (see services.report_save).
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["meeting_date", "title"]
        indexes = [models.Index(fields=["status", "meeting_date"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:report_detail", args=[self.pk])

    def clean(self):
        errors = self.clean_exemption()
        if self.title_is_exempt and not self.is_exempt:
            errors["title_is_exempt"] = "Only an exempt report can have an exempt title."
        if errors:
            raise ValidationError(errors)

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def key_decision_warning(self) -> str:
        """R10: a key decision needs a Forward Plan entry (a warning until the decisions issue lands)."""
        if self.is_key_decision and not self.on_forward_plan:
            return "This is a key decision but it is not on the Forward Plan (28 clear days' notice, R10)."
        return ""


class Consideration(models.Model):
    """Another body that considers this report ("Consideration by any other Council Committee…")."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="considerations")
    position = models.PositiveSmallIntegerField(default=0)
    committee = models.ForeignKey(
        "council.Committee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    body_name = models.CharField(
        max_length=200, blank=True, help_text="For a body not set up in Witan (a partnership board…)."
    )
    meeting_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        name = self.committee.name if self.committee_id else self.body_name
        return f"{name} – {self.meeting_date:%-d %B %Y}" if self.meeting_date else name

    def clean(self):
        if not self.committee_id and not self.body_name.strip():
            raise ValidationError("Choose a committee or name the body.")


class BackgroundPaper(models.Model):
    """R7: every report lists its background papers (exempt documents need not be listed)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="background_papers")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    location = models.CharField(
        max_length=500, blank=True, help_text="A web address, or where to inspect it."
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title
