"""The council itself: its profile, wards, directorates and political parties."""

from django.db import models
from django.urls import reverse


class CouncilProfile(models.Model):
    """The one council this installation serves (a singleton, primary key 1)."""

    name = models.CharField(
        max_length=200, help_text="As printed on agendas, e.g. “Ravensmoor Borough Council”."
    )
    short_name = models.CharField(max_length=80, blank=True)
    address = models.TextField(blank=True, help_text="The town hall or main office address.")
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True, help_text="Democratic services contact address.")
    phone = models.CharField(max_length=40, blank=True)
    proper_officer = models.ForeignKey(
        "council.Officer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The chief executive or proper officer who signs agendas.",
    )
    proper_officer_title = models.CharField(
        max_length=120, default="Chief Executive", help_text="The title printed under the signature."
    )
    logo = models.ImageField(upload_to="council/", blank=True)
    accessibility_contact = models.EmailField(
        blank=True, help_text="Where to report an accessibility problem (defaults to the contact email)."
    )
    accessibility_statement_prepared = models.DateField(
        null=True, blank=True, help_text="When the accessibility statement was last reviewed."
    )

    class Meta:
        verbose_name = "council profile"
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="councilprofile_singleton")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)


class Ward(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Directorate(models.Model):
    name = models.CharField(max_length=160, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    slug = models.SlugField(max_length=160, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Party(models.Model):
    name = models.CharField(max_length=120, unique=True)
    short_name = models.CharField(max_length=20, help_text="As in “Cllr Smith (Lab)”.")
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("councillor_list") + f"?party={self.slug}"
