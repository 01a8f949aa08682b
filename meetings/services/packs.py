"""Building a meeting's packs in the background, keeping the last good ones until new ones are whole.

`pack_build_queue` records a build and hands its id to the task worker once the transaction that
asked for it commits. `pack_build_run` (the task's body) renders every pack of the meeting: the main
agenda and each supplementary agenda, public and confidential. Only when all of them are built does
it swap them in, in one transaction; a failure leaves the previous packs in place and the error on
the build for staff to see.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from council.services import signed_in_user
from council.storage import documents_storage, unguessable_name

from ..models import AgendaPack, Meeting, PackBuild
from ..packs.build import build_pack

logger = logging.getLogger(__name__)

VARIANTS = (AgendaPack.Variant.PUBLIC, AgendaPack.Variant.CONFIDENTIAL)


def pack_build_queue(*, meeting: Meeting, by, reason: str) -> PackBuild:
    """Ask for the meeting's packs to be rebuilt. A build still waiting to start takes the new request
    too (it will read the agenda as it is when it starts), so a burst of edits builds once."""
    waiting = PackBuild.objects.filter(meeting=meeting, status=PackBuild.Status.QUEUED).first()
    if waiting is not None:
        return waiting
    build = PackBuild.objects.create(
        meeting=meeting,
        reason=reason[:200],
        requested_by=signed_in_user(by),
    )

    def enqueue():
        from ..tasks import build_meeting_packs  # the task module imports this one

        build_meeting_packs.enqueue(build.pk)

    transaction.on_commit(enqueue)
    return build


def _progress(build: PackBuild, *, done: int | None = None, total: int | None = None, step: str = "") -> None:
    fields = {"step": step[:200]}
    if done is not None:
        fields["steps_done"] = done
    if total is not None:
        fields["steps_total"] = total
    PackBuild.objects.filter(pk=build.pk).update(**fields)


def pack_build_run(*, build_id: int) -> PackBuild:
    """Build every pack of the build's meeting; never raises for a failed build (it is recorded)."""
    with transaction.atomic():
        build = PackBuild.objects.select_for_update().select_related("meeting__committee").get(pk=build_id)
        if build.status != PackBuild.Status.QUEUED:
            return build  # already run (a task delivered twice)
        build.status = PackBuild.Status.RUNNING
        build.started_at = timezone.now()
        build.save(update_fields=["status", "started_at"])
    meeting = build.meeting
    targets = [(None, variant) for variant in VARIANTS]
    targets += [(supplement, variant) for supplement in meeting.supplements.all() for variant in VARIANTS]
    _progress(build, done=0, total=len(targets), step="Starting")
    saved: list[tuple] = []
    try:
        for done, (supplement, variant) in enumerate(targets):
            which = f"supplementary agenda {supplement.number}" if supplement else "agenda"
            label = f"{AgendaPack.Variant(variant).label} for the {which}"

            def progress(step, label=label, done=done):
                _progress(build, done=done, step=f"{label}: {step}")

            built = build_pack(meeting=meeting, variant=variant, supplement=supplement, progress=progress)
            data = built.assembled.pdf
            # R4: a random name in private storage; only the pack views send it, to whom may read it.
            name = documents_storage().save(unguessable_name("packs"), ContentFile(data))
            saved.append((supplement, variant, name, built.assembled.page_count, data))
            _progress(build, done=done + 1, step=f"{label}: done")
        replaced = _swap_in(build, saved)
    except Exception as error:  # any failure: keep the last good packs, show staff what went wrong
        logger.exception("Pack build %s for meeting %s failed", build.pk, meeting.pk)
        for *_, name, _pages, _data in saved:
            documents_storage().delete(name)
        PackBuild.objects.filter(pk=build.pk).update(
            status=PackBuild.Status.FAILED,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}"[:2000],  # the traceback is in the log
            step="Failed",
        )
        build.refresh_from_db()
        return build
    for name in replaced:
        documents_storage().delete(name)
    build.refresh_from_db()
    return build


def _swap_in(build: PackBuild, saved: list[tuple]) -> list[str]:
    """Put the new packs in place of the old ones, all at once; returns the old files to delete."""
    replaced = []
    with transaction.atomic():
        newer = PackBuild.objects.filter(
            meeting=build.meeting, status=PackBuild.Status.SUCCEEDED, requested_at__gt=build.requested_at
        ).exists()
        if newer:  # a later build finished first: its packs are the current ones
            replaced = [name for *_, name, _pages, _data in saved]
        else:
            for supplement, variant, name, pages, data in saved:
                pack = AgendaPack.objects.filter(
                    meeting=build.meeting, supplement=supplement, variant=variant
                ).first()
                if pack is not None:
                    replaced.append(pack.file.name)
                else:
                    pack = AgendaPack(meeting=build.meeting, supplement=supplement, variant=variant)
                pack.file.name = name
                pack.page_count = pages
                pack.size_bytes = len(data)
                pack.sha256 = hashlib.sha256(data).hexdigest()
                pack.built_at = timezone.now()
                pack.save()
        PackBuild.objects.filter(pk=build.pk).update(
            status=PackBuild.Status.SUCCEEDED, finished_at=timezone.now(), step="Built", error=""
        )
    return replaced
