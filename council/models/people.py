"""People: councillors, officers and co-opted members."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse


class Councillor(models.Model):
    title = models.CharField(max_length=20, blank=True, help_text="Optional honorific, e.g. Dr.")
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=170, unique=True)
    party = models.ForeignKey("council.Party", on_delete=models.PROTECT, related_name="councillors")
    ward = models.ForeignKey("council.Ward", on_delete=models.PROTECT, related_name="councillors")
    photo = models.ImageField(upload_to="councillors/", blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(
        blank=True, help_text="Correspondence address, if the councillor publishes one."
    )
    term_start = models.DateField(help_text="First day of the current term of office.")
    term_end = models.DateField(null=True, blank=True, help_text="Last day of office, if known.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="councillor"
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="councillor_term_end_after_start",
                violation_error_message="The term cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return f"Councillor {self.full_name}"

    def get_absolute_url(self):
        return reverse("councillor_detail", args=[self.slug])

    @property
    def full_name(self):
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)


class Officer(models.Model):
    name = models.CharField(max_length=160)
    job_title = models.CharField(max_length=200, help_text="As written on papers; titles vary.")
    directorate = models.ForeignKey(
        "council.Directorate", on_delete=models.PROTECT, related_name="officers", null=True, blank=True
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="officer"
    )
    is_active = models.BooleanField(
        default=True, help_text="Untick when the officer leaves; history is kept."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.job_title}"


class CoOptee(models.Model):
    """A co-opted member: not a councillor, appointed to a body (often representing another organisation)."""

    honorific = models.CharField(max_length=20, blank=True, help_text="Mr, Mrs, Ms, Dr, Father…")
    name = models.CharField(max_length=160)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "co-opted member"

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.honorific} {self.name}".strip()
