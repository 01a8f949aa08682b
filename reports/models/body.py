"""The report body: numbered sections, recommendations as data, and appendices."""

import string

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models

from council.storage import UnguessableName, documents_storage

from .report import ExemptionMixin, Report
from .rich_text import RichTextField


class ReportSection(models.Model):
    """One numbered body section (2 Background, 8 Legal Implications…), copied from the template."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(help_text="The section number.")
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    holds_recommendations = models.BooleanField(default=False)
    body = RichTextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="reportsection_unique_position"),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class Recommendation(models.Model):
    """One recommendation, or a sub-point of one: the unit a resolution, decision or response cites.

    Numbered 1, 2, 3 on the Summary Sheet (1.1, 1.2 in body section 1); sub-points are lettered
    (a), (b) or bulleted as their parent says. The summary sheet and section 1 render the same rows.
    """

    class SubPointStyle(models.TextChoices):
        LETTERED = "lettered", "Lettered (a), (b)"
        BULLETED = "bulleted", "Bulleted"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="recommendations")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="sub_points"
    )
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    sub_point_style = models.CharField(
        max_length=10, choices=SubPointStyle.choices, default=SubPointStyle.LETTERED
    )

    class Meta:
        ordering = ["parent_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "position"],
                condition=models.Q(parent__isnull=True),
                name="recommendation_unique_position",
            ),
            models.UniqueConstraint(
                fields=["parent", "position"],
                condition=models.Q(parent__isnull=False),
                name="recommendation_sub_point_unique_position",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.text[:60]}"

    @property
    def number(self) -> str:
        """ "1", "2" for recommendations; "(a)", "(b)" or "•" for sub-points."""
        if self.parent_id is None:
            return str(self.position)
        if self.parent.sub_point_style == self.SubPointStyle.BULLETED:
            return "•"
        return f"({string.ascii_lowercase[(self.position - 1) % 26]})"

    def clean(self):
        if self.parent_id and self.parent.parent_id:
            raise ValidationError("Sub-points cannot have sub-points of their own.")
        if self.parent_id and self.parent.report_id != self.report_id:
            raise ValidationError("A sub-point belongs to a recommendation of the same report.")


class Appendix(ExemptionMixin, models.Model):
    """An appendix: written in the editor, or an uploaded PDF merged into agenda packs."""

    class Kind(models.TextChoices):
        WRITTEN = "written", "Written in Witan"
        UPLOADED = "uploaded", "Uploaded PDF"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="appendices")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=40, help_text="As printed, e.g. “Appendix 1” or “Appendix A”.")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WRITTEN)
    body = RichTextField(blank=True)
    file = models.FileField(
        upload_to=UnguessableName("appendices"),
        storage=documents_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
    )
    page_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "appendices"

    def __str__(self):
        return f"{self.label}: {self.title}"

    def clean(self):
        errors = self.clean_exemption()
        if self.kind == self.Kind.UPLOADED and not self.file:
            errors["file"] = "Upload the appendix as a PDF."
        if self.kind == self.Kind.WRITTEN and self.file:
            errors["file"] = "A written appendix has no uploaded file."
        if errors:
            raise ValidationError(errors)
