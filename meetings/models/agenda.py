"""The agenda: a committee's template, the items of a meeting, and supplementary agendas.

Items share one sequence of numbers through the section headings and into Part B
(council-papers.md §2), so numbers are worked out when the agenda is read (`meetings.agenda`),
never stored: moving an item renumbers the rest, as the papers do.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone

from council.storage import UnguessableName, documents_storage
from reports.models import validate_exempt_paragraphs

from .meeting import Meeting


class StandardItem(models.TextChoices):
    """The procedural items most agendas carry; each committee's template picks and orders them."""

    APOLOGIES = "apologies", "Apologies for absence"
    DECLARATIONS = "declarations", "Declarations of interest"
    EXCLUSION = "exclusion", "Exclusion of the press and public"
    URGENT_BUSINESS = "urgent_business", "Urgent business"
    QUESTIONS = "questions", "Questions from members of the public and the press"
    COMMUNICATIONS = "communications", "Communications"
    PREVIOUS_MINUTES = "previous_minutes", "Minutes of the previous meeting"
    NEXT_MEETING = "next_meeting", "Date and time of the next meeting"


# The wording each standard item is printed with unless the template says otherwise.
STANDARD_ITEM_WORDING = {
    StandardItem.APOLOGIES: "Apologies for absence",
    StandardItem.DECLARATIONS: "Declarations of interest",
    StandardItem.EXCLUSION: "To consider whether the press and public should be excluded from the meeting "
    "during consideration of any part of the agenda",
    StandardItem.URGENT_BUSINESS: "To determine any item which the Chair is of the opinion should be "
    "considered as a matter of urgency",
    StandardItem.QUESTIONS: "Questions from members of the public and the press",
    StandardItem.COMMUNICATIONS: "Communications",
    StandardItem.PREVIOUS_MINUTES: "Minutes of the previous meeting",
    StandardItem.NEXT_MEETING: "Date and time of the next meeting",
}


class Part(models.TextChoices):
    A = "A", "Part A (open)"
    B = "B", "Part B (exempt)"


class AgendaTemplateEntry(models.Model):
    """One line of a committee's agenda template: a standard item, a section heading, or the place
    where the reports go. New meetings of the committee start from these, in order."""

    class Kind(models.TextChoices):
        STANDARD = "standard", "Standard item"
        HEADING = "heading", "Section heading"
        REPORTS = "reports", "Place for the reports"

    committee = models.ForeignKey(
        "council.Committee", on_delete=models.CASCADE, related_name="agenda_template"
    )
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    standard_item = models.CharField(max_length=20, choices=StandardItem.choices, blank=True)
    title = models.CharField(max_length=300, blank=True, help_text="Leave blank for the usual wording.")
    preamble = models.TextField(blank=True, help_text="Text printed under a section heading.")

    class Meta:
        ordering = ["committee", "position"]
        verbose_name_plural = "agenda template entries"

    def __str__(self):
        return self.title or (StandardItem(self.standard_item).label if self.standard_item else self.kind)

    def clean(self):
        if self.kind == self.Kind.STANDARD and not self.standard_item:
            raise ValidationError({"standard_item": "Choose which standard item this is."})
        if self.kind == self.Kind.HEADING and not self.title.strip():
            raise ValidationError({"title": "A section heading needs its wording."})


class SupplementaryAgenda(models.Model):
    """Items added after the agenda was published, published together with their own pack."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="supplements")
    number = models.PositiveSmallIntegerField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="supplement_unique_number"),
        ]

    def __str__(self):
        return f"Supplementary agenda {self.number}"


class AgendaItem(models.Model):
    """An item of business, or a section heading (which takes no number)."""

    class Kind(models.TextChoices):
        HEADING = "heading", "Section heading"
        STANDARD = "standard", "Standard item"
        REPORTS = "reports", "Report(s)"
        MINUTES = "minutes", "Minutes for information"
        OTHER = "other", "Other business"

    NUMBERED_KINDS = (Kind.STANDARD, Kind.REPORTS, Kind.MINUTES, Kind.OTHER)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(help_text="Order within its part.")
    part = models.CharField(max_length=1, choices=Part.choices, default=Part.A)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    standard_item = models.CharField(max_length=20, choices=StandardItem.choices, blank=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True, help_text="A preamble under a heading, or a note on the item.")
    # R4: a Part B item is taken in private and cites its Schedule 12A paragraph(s).
    exempt_paragraphs = models.JSONField(
        "Schedule 12A paragraphs", default=list, blank=True, validators=[validate_exempt_paragraphs]
    )
    reports = models.ManyToManyField(
        "reports.Report", through="AgendaItemReport", related_name="agenda_items"
    )
    # Minutes of this or another body, bound into the pack (a PDF until minutes are written in Witan).
    minutes_of = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="minutes_items",
        help_text="The meeting whose minutes these are.",
    )
    document = models.FileField(
        upload_to=UnguessableName("agenda-documents"),
        storage=documents_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
        help_text="A PDF bound into the pack with this item (minutes, for example).",
    )
    document_pages = models.PositiveIntegerField(null=True, blank=True, editable=False)
    document_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    # R3: an item added later has its papers due from when it was added; R2: a late item needs the
    # chair's reason for urgency, which the minutes carry.
    added_at = models.DateTimeField(default=timezone.now, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    urgency_reason = models.TextField(
        blank=True,
        help_text="Why the chair accepts the item as urgent “by reason of special circumstances” (s.100B(4)).",
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    supplement = models.ForeignKey(
        SupplementaryAgenda, on_delete=models.PROTECT, null=True, blank=True, related_name="items"
    )
    is_withdrawn = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["meeting", "part", "position", "pk"]
        indexes = [models.Index(fields=["meeting", "part", "position"])]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.kind == self.Kind.STANDARD and not self.standard_item:
            errors["standard_item"] = "Choose which standard item this is."
        if self.kind != self.Kind.STANDARD and self.standard_item:
            errors["standard_item"] = "Only a standard item names a standard item."
        if self.part == Part.B and self.kind != self.Kind.HEADING and not self.exempt_paragraphs:
            errors["exempt_paragraphs"] = (
                "A Part B item must cite the paragraph(s) of Schedule 12A it is exempt under."
            )
        if self.part == Part.A and self.exempt_paragraphs:
            errors["exempt_paragraphs"] = "Only a Part B item cites Schedule 12A paragraphs."
        if self.kind == self.Kind.HEADING and self.document:
            errors["document"] = "A section heading has no document."
        if errors:
            raise ValidationError(errors)

    @property
    def is_numbered(self) -> bool:
        return self.kind in self.NUMBERED_KINDS

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class AgendaItemReport(models.Model):
    """A report placed on an agenda item; an item may take several (a report and its briefing)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="report_links")
    report = models.ForeignKey("reports.Report", on_delete=models.PROTECT, related_name="agenda_links")
    position = models.PositiveSmallIntegerField(default=1)
    # The frozen version the agenda published: the pack prints exactly this (set on publication).
    version = models.ForeignKey(
        "reports.ReportVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["item", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "report"], name="agenda_item_report_once"),
        ]

    def __str__(self):
        return f"{self.item} – {self.report}"


class AgendaChange(models.Model):
    """A change to a published agenda, listed on the meeting page ("Item 9 added: …")."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_changes")
    made_at = models.DateTimeField(default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The item the change is about; its title goes where the summary says "{title}", as each reader
    # may see it (R4: meetings.visibility.change_summary_for).
    item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="changes"
    )
    summary = models.CharField(max_length=400)

    class Meta:
        ordering = ["meeting", "made_at", "pk"]

    def __str__(self):
        return self.summary
