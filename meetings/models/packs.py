"""Agenda packs: the last good PDF of each pack, and the background builds that replace them."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from council.storage import UnguessableName, documents_storage

from .agenda import SupplementaryAgenda
from .meeting import Meeting


class AgendaPack(models.Model):
    """The last good build of one pack. A new build replaces the row only once its file is complete,
    so readers always get a whole pack (the previous one while a build runs or after one fails)."""

    class Variant(models.TextChoices):
        PUBLIC = "public", "Public pack"
        CONFIDENTIAL = "confidential", "Confidential pack (members and officers)"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="packs")
    supplement = models.ForeignKey(
        SupplementaryAgenda, on_delete=models.CASCADE, null=True, blank=True, related_name="packs"
    )
    variant = models.CharField(max_length=12, choices=Variant.choices)
    file = models.FileField(upload_to=UnguessableName("packs"), storage=documents_storage)
    page_count = models.PositiveIntegerField()
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    built_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # The main agenda's packs first on every database (PostgreSQL puts nulls last by default).
        ordering = ["meeting", models.F("supplement__number").asc(nulls_first=True), "variant"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "variant"],
                condition=models.Q(supplement__isnull=True),
                name="pack_one_main_per_variant",
            ),
            models.UniqueConstraint(
                fields=["meeting", "supplement", "variant"], name="pack_one_per_supplement_variant"
            ),
        ]

    def __str__(self):
        which = f"supplementary agenda {self.supplement.number}" if self.supplement_id else "agenda"
        return f"{self.get_variant_display()} for the {which} of {self.meeting}"


def pack_build_stale_before() -> datetime:
    """A running build whose last heartbeat is older than this has lost its task worker (killed,
    or its machine gone): `WITAN["PACK_BUILD_STALE_SECONDS"]` ago."""
    return timezone.now() - timedelta(seconds=settings.WITAN["PACK_BUILD_STALE_SECONDS"])


class PackBuildQuerySet(models.QuerySet):
    def stalled(self) -> "PackBuildQuerySet":
        """Running, but with no heartbeat for longer than the stale time: the worker has stopped."""
        return self.filter(_stalled())

    def overtaken(self) -> "PackBuildQuerySet":
        """Builds that a later-requested build of the same meeting has already replaced: that build
        succeeded, so its packs are the current ones and these builds' packs never will be."""
        return self.filter(_later_build_succeeded())

    def updating_packs(self) -> "PackBuildQuerySet":
        """Builds that will still replace the current packs: waiting to start, or running with a recent
        heartbeat, and not overtaken. What "the pack is being updated" means to readers."""
        return (
            self.filter(status__in=[PackBuild.Status.QUEUED, PackBuild.Status.RUNNING])
            .exclude(_stalled())
            .filter(~_later_build_succeeded())
        )


def _stalled() -> Q:
    return Q(status=PackBuild.Status.RUNNING, heartbeat_at__lt=pack_build_stale_before())


def _later_build_succeeded() -> Exists:
    later = Q(requested_at__gt=OuterRef("requested_at")) | Q(
        requested_at=OuterRef("requested_at"), pk__gt=OuterRef("pk")
    )
    return Exists(
        PackBuild.objects.filter(later, meeting=OuterRef("meeting"), status=PackBuild.Status.SUCCEEDED)
    )


class PackBuild(models.Model):
    """One background build of all of a meeting's packs, with its progress for the staff page.

    A running build beats (`heartbeat_at`) as it goes; one that stops beating for
    `WITAN["PACK_BUILD_STALE_SECONDS"]` has lost its worker and is run again, or failed once it has
    had `services.packs.PACK_BUILD_ATTEMPTS` tries (`pack_builds_reclaim`).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Building"
        SUCCEEDED = "succeeded", "Built"
        FAILED = "failed", "Failed"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="pack_builds")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    reason = models.CharField(max_length=200, help_text="What asked for the build.")
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    steps_done = models.PositiveIntegerField(default=0)
    steps_total = models.PositiveIntegerField(default=0)
    step = models.CharField(max_length=200, blank=True, help_text="What the build is doing now.")
    error = models.TextField(blank=True)
    heartbeat_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the build last showed it was alive (started, or made progress).",
    )
    attempts = models.PositiveIntegerField(
        default=0, help_text="Tries the task worker has had: started, or claimed and lost before starting."
    )
    task_id = models.CharField(max_length=64, blank=True, help_text="The task queue's id of the latest try.")

    objects = PackBuildQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "-requested_at", "-pk"]
        get_latest_by = "requested_at"

    def __str__(self):
        return f"Pack build for {self.meeting} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        return int(100 * self.steps_done / self.steps_total) if self.steps_total else 0

    @property
    def is_stalled(self) -> bool:
        """Running with no heartbeat for the stale time: its worker has stopped (see `stalled`)."""
        return (
            self.status == self.Status.RUNNING
            and self.heartbeat_at is not None
            and self.heartbeat_at < pack_build_stale_before()
        )

    @property
    def is_active(self) -> bool:
        """Waiting, or running with a live worker: the staff page shows its progress and polls."""
        return self.status == self.Status.QUEUED or (
            self.status == self.Status.RUNNING and not self.is_stalled
        )
