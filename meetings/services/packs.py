"""Building a meeting's packs in the background, keeping the last good ones until new ones are whole.

`pack_build_queue` records a build and hands its id to the task worker once the transaction that
asked for it commits. `pack_build_run` (the task's body) renders every pack of the meeting: the main
agenda and each supplementary agenda, public and confidential. Only when all of them are built does
it swap them in, in one transaction; a failure leaves the previous packs in place and the error on
the build for staff to see.

A running build beats (`heartbeat_at`) at every step. `pack_builds_reclaim` finds the builds whose
worker has stopped (killed, or its machine gone) and runs them again, or fails them once they have
had `PACK_BUILD_ATTEMPTS` tries; the task worker runs it at start-up and every minute, and
`pack_build_queue` runs it for the meeting it queues for. A run that finds its build reclaimed
under it (its worker was only paused) stops without touching the packs.
"""

import hashlib
import logging
from datetime import datetime
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks.signals import task_finished
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from council.models import AuditEntry
from council.services import audit_record, signed_in_user
from council.storage import documents_storage, unguessable_name

from ..models import AgendaPack, Meeting, PackBuild
from ..models.packs import pack_build_stale_before
from ..packs.build import build_pack

logger = logging.getLogger(__name__)

VARIANTS = (AgendaPack.Variant.PUBLIC, AgendaPack.Variant.CONFIDENTIAL)

# The first try and two retries: a build that loses its worker three times is failed for staff to
# look at rather than tried for ever (a pack that kills its worker, e.g. by running it out of memory).
PACK_BUILD_ATTEMPTS = 3

REBUILD_HINT = "Rebuild the packs from the agenda builder."


class PackBuildStopped(Exception):
    """The task worker stopped while it had a pack build: recorded on the build's task result."""


class _BuildReclaimed(Exception):
    """This run's build was reclaimed and handed to another try: this run must stop."""


def pack_build_queue(*, meeting: Meeting, by, reason: str) -> PackBuild:
    """Ask for the meeting's packs to be rebuilt. A build still waiting to start takes the new request
    too (it will read the agenda as it is when it starts), so a burst of edits builds once. A build of
    the meeting whose worker has stopped is reclaimed first, so the request joins its next try."""
    pack_builds_reclaim(meeting=meeting)
    waiting = PackBuild.objects.filter(meeting=meeting, status=PackBuild.Status.QUEUED).first()
    if waiting is not None:
        return waiting
    build = PackBuild.objects.create(
        meeting=meeting,
        reason=reason[:200],
        requested_by=signed_in_user(by),
    )
    transaction.on_commit(partial(_enqueue, build.pk))
    return build


def _enqueue(build_id: int) -> None:
    from ..tasks import build_meeting_packs  # the task module imports this one

    result = build_meeting_packs.enqueue(build_id)
    # The reclaimer needs the task to tell a lost try from one still waiting for the worker.
    PackBuild.objects.filter(pk=build_id, status=PackBuild.Status.QUEUED, task_id="").update(
        task_id=result.id
    )


def _progress(build: PackBuild, *, done: int | None = None, total: int | None = None, step: str = "") -> None:
    """Record the step, and with it the heartbeat. Raises `_BuildReclaimed` if this try is no longer
    the build's current one."""
    fields = {"step": step[:200], "heartbeat_at": timezone.now()}
    if done is not None:
        fields["steps_done"] = done
    if total is not None:
        fields["steps_total"] = total
    if not _this_try(build).update(**fields):
        raise _BuildReclaimed


def _this_try(build: PackBuild):
    return PackBuild.objects.filter(pk=build.pk, status=PackBuild.Status.RUNNING, attempts=build.attempts)


def pack_build_run(*, build_id: int, task_id: str = "") -> PackBuild:
    """Build every pack of the build's meeting; never raises for a failed build (it is recorded).
    `task_id` is the task queue's id of the task running it."""
    with transaction.atomic():
        build = PackBuild.objects.select_for_update().select_related("meeting__committee").get(pk=build_id)
        if build.status != PackBuild.Status.QUEUED:
            return build  # already run (a task delivered twice)
        build.status = PackBuild.Status.RUNNING
        build.started_at = build.heartbeat_at = timezone.now()
        build.attempts += 1
        build.task_id = task_id or build.task_id
        build.save(update_fields=["status", "started_at", "heartbeat_at", "attempts", "task_id"])
    meeting = build.meeting
    targets = [(None, variant) for variant in VARIANTS]
    targets += [(supplement, variant) for supplement in meeting.supplements.all() for variant in VARIANTS]
    saved: list[tuple] = []
    try:
        _progress(build, done=0, total=len(targets), step="Starting")
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
    except _BuildReclaimed:  # this worker was paused past the stale time; another try has the build
        logger.warning("Pack build %s try %s was reclaimed while running; it stops", build.pk, build.attempts)
        for *_, name, _pages, _data in saved:
            documents_storage().delete(name)
        build.refresh_from_db()
        return build
    except Exception as error:  # any failure: keep the last good packs, show staff what went wrong
        logger.exception("Pack build %s for meeting %s failed", build.pk, meeting.pk)
        for *_, name, _pages, _data in saved:
            documents_storage().delete(name)
        _this_try(build).update(
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
        if _this_try(build).select_for_update().values_list("pk", flat=True).first() is None:
            raise _BuildReclaimed
        if PackBuild.objects.filter(pk=build.pk).overtaken().exists():
            # a later build finished first: its packs are the current ones
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
        _this_try(build).update(
            status=PackBuild.Status.SUCCEEDED, finished_at=timezone.now(), step="Built", error=""
        )
    return replaced


def pack_builds_reclaim(*, meeting: Meeting | None = None) -> list[PackBuild]:
    """Take back the builds (of `meeting`, or of every meeting) whose task worker has stopped: a
    running build with no heartbeat for `WITAN["PACK_BUILD_STALE_SECONDS"]`, or a waiting one whose
    task was lost (claimed by a worker that stopped before starting it, finished without starting
    it, or never handed to the queue). Each is queued for another try, or failed with the reason
    once it has had `PACK_BUILD_ATTEMPTS` tries; its task result is marked failed, as the worker
    would have. Safe beside other reclaimers and live workers: each build is locked and re-read, and
    changed only if it is still stale. Returns the builds reclaimed."""
    stale_before = pack_build_stale_before()
    builds = PackBuild.objects.all() if meeting is None else PackBuild.objects.filter(meeting=meeting)
    candidates = list(builds.stalled().values_list("pk", flat=True))
    candidates += [
        build.pk for build in builds.filter(status=PackBuild.Status.QUEUED) if _task_lost(build, stale_before)
    ]
    reclaimed = []
    for pk in candidates:
        with transaction.atomic():
            build = PackBuild.objects.select_for_update().filter(pk=pk).first()
            if build is not None and (build := _reclaim(build, stale_before)) is not None:
                reclaimed.append(build)
    return reclaimed


def _task_lost(build: PackBuild, stale_before: datetime) -> bool:
    """Whether a waiting build's task will never start it."""
    if not build.task_id:  # not handed over yet: only lost if that has taken far too long
        return (build.heartbeat_at or build.requested_at) < stale_before
    if _task_results() is None:
        return False  # no task results to read: only the database backend's workers are watched
    task = DBTaskResult.objects.filter(id=build.task_id).only("status", "started_at").first()
    if task is None or task.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
        return True  # pruned, or finished without starting the build (it failed before it could)
    # Claimed by a worker, which starts the build at once: not started by now, that worker stopped.
    return task.status == TaskResultStatus.RUNNING and task.started_at < stale_before


def _reclaim(build: PackBuild, stale_before: datetime) -> PackBuild | None:
    """Queue the locked `build` for another try, or fail it past the limit; None if it is alive."""
    if build.status == PackBuild.Status.RUNNING and build.heartbeat_at and build.heartbeat_at < stale_before:
        stopped = f"The task worker stopped while building (no progress since {_when(build.heartbeat_at)})"
    elif build.status == PackBuild.Status.QUEUED and _task_lost(build, stale_before):
        waiting_since = build.heartbeat_at or build.requested_at
        stopped = f"The task worker stopped before starting the build (waiting since {_when(waiting_since)})"
        build.attempts += 1  # the lost try counts: a task that cannot start the build must not loop
    else:
        return None  # it beat, or another reclaimer has taken it, since the candidates were read
    _task_fail(build.task_id, PackBuildStopped(f"{stopped}."))
    if build.attempts >= PACK_BUILD_ATTEMPTS:
        build.status = PackBuild.Status.FAILED
        build.finished_at = timezone.now()
        build.step = "Failed"
        build.error = f"{stopped}; {_retried(build.attempts - 1)}. {REBUILD_HINT}"
        note = build.error
    else:
        build.status = PackBuild.Status.QUEUED
        build.heartbeat_at = timezone.now()  # queued again now: the new task has until the stale time
        build.steps_done = 0
        build.step = f"Waiting to start again: {stopped[0].lower()}{stopped[1:]}"
        build.task_id = ""
        note = f"Queued again (try {build.attempts + 1} of {PACK_BUILD_ATTEMPTS}): {stopped}."
        transaction.on_commit(partial(_enqueue, build.pk))
    build.save(
        update_fields=[
            "status",
            "finished_at",
            "step",
            "error",
            "heartbeat_at",
            "steps_done",
            "task_id",
            "attempts",
        ]
    )
    logger.warning("Pack build %s for meeting %s reclaimed: %s", build.pk, build.meeting_id, note)
    audit_record(obj=build, by=None, action=AuditEntry.Action.STATE, note=note)
    return build


def _task_fail(task_id: str, error: PackBuildStopped) -> None:
    """Mark the stopped try's task result failed, as the worker does when a task raises."""
    backend = _task_results()
    if not task_id or backend is None:
        return
    task = (
        DBTaskResult.objects.select_for_update().filter(id=task_id, status=TaskResultStatus.RUNNING).first()
    )
    if task is not None:
        task.set_failed(error)
        task_finished.send(sender=type(backend), task_result=task.task_result)


def _task_results() -> DatabaseBackend | None:
    """The task backend, if it is django-tasks-db's (whose task results the reclaimer reads)."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    return backend if isinstance(backend, DatabaseBackend) else None


def _when(moment: datetime) -> str:
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return date_format(local, "H:i")
    return date_format(local, r"H:i \o\n j F Y")


def _retried(times: int) -> str:
    return {0: "it was not retried", 1: "it was retried once", 2: "it was retried twice"}.get(
        times, f"it was retried {times} times"
    )
