"""A pack build whose task worker stops (killed, or its machine gone) is taken back: run again, or
failed with the reason after three tries; pages stop saying the pack is being updated once the
build is stale or a later build has succeeded; and the real worker, killed mid-build with SIGKILL
and started again, finishes the build."""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from importlib import import_module
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from lxml import html

from council.models import AuditEntry
from meetings.models import AgendaPack, PackBuild
from meetings.services import agenda_publish, pack_build_queue
from meetings.services.packs import pack_build_run, pack_builds_reclaim

from .factories import (
    MEETING_DATE,
    clerk,
    convened,
    meeting_called,
    report_approved_with,
    report_item,
    run_queued_tasks,
    travel_to,
)

pytestmark = pytest.mark.django_db

PUBLISHED = date(2025, 6, 2)
STOPPED_NOTE = "The task worker stopped while building (no progress since 10:00)"
LONG_SECTION = "".join(
    f"<p>Paragraph {n}: the consultation drew responses from residents, schools and the parish council, "
    "and each of them is summarised here at some length so that the section runs onto further pages.</p>"
    for n in range(1, 80)
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


@pytest.fixture
def by(db):
    # A transactional test elsewhere (a browser journey) flushes the database, taking the standard
    # report sections its migration seeded; these tests write section 2, so they put them back.
    import_module("reports.migrations.0002_standard_sections").add_sections(django_apps, None)
    return clerk()


@pytest.fixture
def publish(time_machine, by, django_capture_on_commit_callbacks):
    def publish(hour=10):
        """A meeting with one report, its agenda published at `hour` on 2 June 2025: one build
        queued, its task waiting for the worker."""
        travel_to(time_machine, PUBLISHED, hour=hour)
        meeting = meeting_called(on=MEETING_DATE, by=by)
        report_item(meeting, by=by)
        with django_capture_on_commit_callbacks(execute=True):
            agenda_publish(meeting=meeting, by=by)
        return meeting, PackBuild.objects.get(meeting=meeting)

    return publish


def _audit_notes() -> list[tuple[str, str]]:
    return list(
        AuditEntry.objects.filter(content_type__model="packbuild")
        .values_list("actor_name", "note")
        .order_by("pk")
    )


def _worker_dies_after_starting(build: PackBuild) -> DBTaskResult:
    """What a worker has done when it is killed mid-build: claimed the build's task (the library's
    own claim) and started the build as `pack_build_run` does, and then it beats no more."""
    build.refresh_from_db()
    task = DBTaskResult.objects.get(id=build.task_id)
    task.claim("killed-worker")
    now = task.started_at
    PackBuild.objects.filter(pk=build.pk).update(
        status=PackBuild.Status.RUNNING,
        started_at=now,
        heartbeat_at=now,
        attempts=build.attempts + 1,
        steps_total=2,
        step="Public pack for the agenda: Rendering 3 documents",
    )
    return task


def _reclaim(django_capture_on_commit_callbacks, **scope) -> list[PackBuild]:
    with django_capture_on_commit_callbacks(execute=True):  # the new try's task is enqueued on commit
        return pack_builds_reclaim(**scope)


def _move(time_machine, moment):
    time_machine.move_to(moment, tick=False)


def _task(task: DBTaskResult) -> tuple:
    task.refresh_from_db()
    last_line = task.traceback.strip().splitlines()[-1] if task.traceback else ""
    return task.status, task.exception_class_path, last_line


def test_pack_build_run_beats_and_records_its_task(publish):
    _, build = publish()
    task = DBTaskResult.objects.get()

    assert run_queued_tasks() == 1

    build.refresh_from_db()
    assert (build.status, build.attempts, build.heartbeat_at, build.task_id) == (
        PackBuild.Status.SUCCEEDED,
        1,
        convened(PUBLISHED, 10),
        str(task.id),
    )


def test_pack_builds_reclaim_stale_build_rerun_to_success(
    time_machine, publish, django_capture_on_commit_callbacks
):
    meeting, build = publish()
    killed = _worker_dies_after_starting(build)
    # 599 seconds without a heartbeat: still alive.
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(seconds=599))
    assert _reclaim(django_capture_on_commit_callbacks) == []

    _move(time_machine, convened(PUBLISHED, 10) + timedelta(seconds=601))
    assert [b.pk for b in _reclaim(django_capture_on_commit_callbacks)] == [build.pk]

    build.refresh_from_db()
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert (build.status, build.attempts, build.step, build.task_id) == (
        PackBuild.Status.QUEUED,
        1,
        "Waiting to start again: the task worker stopped while building (no progress since 10:00)",
        str(retry.id),
    )
    assert _task(killed) == (
        TaskResultStatus.FAILED,
        "meetings.services.packs.PackBuildStopped",
        f"meetings.services.packs.PackBuildStopped: {STOPPED_NOTE}.",
    )
    assert _audit_notes() == [("System", f"Queued again (try 2 of 3): {STOPPED_NOTE}.")]
    # A second look finds nothing more to do.
    assert _reclaim(django_capture_on_commit_callbacks) == []

    assert run_queued_tasks() == 1

    build.refresh_from_db()
    assert (build.status, build.attempts, build.step, build.error) == (
        PackBuild.Status.SUCCEEDED,
        2,
        "Built",
        "",
    )
    assert sorted(AgendaPack.objects.filter(meeting=meeting).values_list("variant", flat=True)) == [
        "confidential",
        "public",
    ]
    assert _task(retry)[0] == TaskResultStatus.SUCCESSFUL


def test_pack_builds_reclaim_past_attempt_limit_fails_with_reason(
    time_machine, publish, django_capture_on_commit_callbacks
):
    _, build = publish(hour=13)
    # Killed three times: at 13:00, 13:20 and, the last try, 14:02.
    for started in (convened(PUBLISHED, 13), convened(PUBLISHED, 13) + timedelta(minutes=20)):
        _move(time_machine, started)
        _worker_dies_after_starting(build)
        _move(time_machine, started + timedelta(minutes=11))
        assert len(_reclaim(django_capture_on_commit_callbacks)) == 1
    _move(time_machine, convened(PUBLISHED, 14) + timedelta(minutes=2))
    last = _worker_dies_after_starting(build)
    _move(time_machine, convened(PUBLISHED, 14) + timedelta(minutes=12, seconds=1))

    assert len(_reclaim(django_capture_on_commit_callbacks)) == 1

    build.refresh_from_db()
    assert (build.status, build.attempts, build.step, build.finished_at, build.error) == (
        PackBuild.Status.FAILED,
        3,
        "Failed",
        convened(PUBLISHED, 14) + timedelta(minutes=12, seconds=1),
        "The task worker stopped while building (no progress since 14:02); it was retried twice. "
        "Rebuild the packs from the agenda builder.",
    )
    assert _task(last)[0] == TaskResultStatus.FAILED
    # No fourth try, and nothing left running.
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == [TaskResultStatus.FAILED] * 3
    assert not AgendaPack.objects.exists()
    assert [note for _, note in _audit_notes()] == [
        "Queued again (try 2 of 3): The task worker stopped while building (no progress since 13:00).",
        "Queued again (try 3 of 3): The task worker stopped while building (no progress since 13:20).",
        build.error,
    ]


def test_pack_builds_reclaim_live_builds_left_alone(
    time_machine, publish, django_capture_on_commit_callbacks
):
    _, running = publish()
    # Another meeting's build waits for a busy worker: its task is still ready an hour later.
    publish()
    task = _worker_dies_after_starting(running)
    # The running build last beat 9 minutes ago (the stale time is 10).
    PackBuild.objects.filter(pk=running.pk).update(
        heartbeat_at=convened(PUBLISHED, 10) + timedelta(minutes=56)
    )
    _move(time_machine, convened(PUBLISHED, 11) + timedelta(minutes=5))

    assert _reclaim(django_capture_on_commit_callbacks) == []

    assert list(PackBuild.objects.order_by("pk").values_list("status", "attempts")) == [
        (PackBuild.Status.RUNNING, 1),
        (PackBuild.Status.QUEUED, 0),
    ]
    assert _task(task)[0] == TaskResultStatus.RUNNING
    assert _audit_notes() == []


def test_pack_builds_reclaim_task_lost_before_start_queued_again(
    time_machine, publish, django_capture_on_commit_callbacks
):
    """A worker killed between claiming the task and starting the build leaves the build waiting
    for a task that will never run; later requests would join it for ever."""
    meeting, build = publish()
    claimed = DBTaskResult.objects.get()
    claimed.claim("killed-worker")
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=10, seconds=1))

    assert len(_reclaim(django_capture_on_commit_callbacks, meeting=meeting)) == 1

    build.refresh_from_db()
    assert (build.status, build.attempts, build.step) == (
        PackBuild.Status.QUEUED,
        1,
        "Waiting to start again: the task worker stopped before starting the build (waiting since 10:00)",
    )
    assert _task(claimed)[2] == (
        "meetings.services.packs.PackBuildStopped: "
        "The task worker stopped before starting the build (waiting since 10:00)."
    )
    assert run_queued_tasks() == 1
    build.refresh_from_db()
    assert (build.status, build.attempts) == (PackBuild.Status.SUCCEEDED, 2)


def test_pack_build_queue_reclaims_stale_build_of_meeting_and_joins_it(
    time_machine, by, publish, django_capture_on_commit_callbacks
):
    meeting, build = publish()
    _worker_dies_after_starting(build)
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=15))

    with django_capture_on_commit_callbacks(execute=True):
        queued = pack_build_queue(meeting=meeting, by=by, reason="Venue changed")

    assert queued.pk == build.pk
    assert list(PackBuild.objects.values_list("status", "attempts")) == [(PackBuild.Status.QUEUED, 1)]
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


def _build_notes(response) -> list[str]:
    tree = html.fromstring(response.content)
    return [
        " ".join(p.text_content().split()) for p in tree.xpath('//p[contains(@class, "pack-build-note")]')
    ]


def _pack_links(response) -> list[str]:
    tree = html.fromstring(response.content)
    return tree.xpath('//ul[contains(@class, "agenda-packs")]//a/@href')


def _build_status(response) -> tuple[str, str]:
    (panel,) = html.fromstring(response.content).xpath('//div[contains(@class, "build-status")]')
    return panel.get("data-build-active"), " ".join(panel.text_content().split())


def test_meeting_page_and_builder_newer_build_succeeded_not_updating(
    time_machine, by, publish, clerk_client, django_capture_on_commit_callbacks
):
    meeting, _ = publish()
    assert run_queued_tasks() == 1
    # A change asks for a new build at 10:30; its worker is killed at once.
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=30))
    with django_capture_on_commit_callbacks(execute=True):
        killed = pack_build_queue(meeting=meeting, by=by, reason="Venue changed")
    _worker_dies_after_starting(killed)
    public_url = f"/meetings/{meeting.pk}/"
    builder_url = reverse("meetings_staff:agenda_builder", args=[meeting.pk])

    # Five minutes on, it may still be running: the page says so.
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=35))
    assert _build_notes(Client().get(public_url)) == [
        "The pack is being updated; the previous version is available below."
    ]
    # Democratic services ask for a rebuild, which another worker runs at once.
    with django_capture_on_commit_callbacks(execute=True):
        clerk_client.post(reverse("meetings_staff:pack_rebuild", args=[meeting.pk]))
    assert run_queued_tasks() == 1

    # The killed build is not yet stale, but the later one has replaced the packs it would have.
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=36))
    public = Client().get(public_url)
    assert _build_notes(public) == []
    assert _pack_links(public) == [f"/meetings/{meeting.pk}/pack.pdf"]
    active, status = _build_status(clerk_client.get(builder_url))
    assert active == "false"
    assert status.startswith(
        "Built: Rebuild asked for by democratic services (asked for on 2 June 2025, 10:35) "
        "Finished on 2 June 2025, 10:35. Current packs Pack Pages Size Built Agenda: public pack "
    )
    assert PackBuild.objects.get(pk=killed.pk).status == PackBuild.Status.RUNNING


def test_meeting_page_and_builder_stalled_build_not_updating(
    time_machine, by, publish, clerk_client, django_capture_on_commit_callbacks
):
    meeting, _ = publish()
    assert run_queued_tasks() == 1
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=30))
    with django_capture_on_commit_callbacks(execute=True):
        killed = pack_build_queue(meeting=meeting, by=by, reason="Venue changed")
    _worker_dies_after_starting(killed)
    builder = reverse("meetings_staff:build_status", args=[meeting.pk])

    alive = _build_status(clerk_client.get(builder))
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=40, seconds=1))
    public = Client().get(f"/meetings/{meeting.pk}/")  # a member of the public
    stalled = _build_status(clerk_client.get(builder))

    assert alive[0] == "true"
    assert alive[1].startswith(
        "Building: Venue changed (asked for on 2 June 2025, 10:30) Public pack for the agenda: Rendering 3 "
        "documents 0% 0% The current packs stay available until the new ones are complete."
    )
    assert _build_notes(public) == []
    assert _pack_links(public) == [f"/meetings/{meeting.pk}/pack.pdf"]
    assert stalled[0] == "false"
    assert stalled[1].startswith(
        "Stopped: Venue changed (asked for on 2 June 2025, 10:30) "
        "The task worker stopped while building: no progress since 2 June 2025, 10:30. "
        "The build will be tried again when the worker is running. The previous packs are still available. "
        "Current packs"
    )


def _locks_awaited() -> int:
    """How many connections wait for a lock (read afresh: a transaction otherwise sees one snapshot)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two reclaimers need two connections to one database; SQLite's test database is in memory",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keep what migrations seed
def test_pack_builds_reclaim_two_reclaimers_reclaim_once(time_machine, publish):
    _, build = publish()
    _worker_dies_after_starting(build)
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=11))
    reclaimed: list[list[PackBuild]] = []

    def reclaimer():
        try:
            reclaimed.append(pack_builds_reclaim())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reclaimer) for _ in range(2)]
    # Both read the stale build, then queue at its row lock, held here until both wait.
    with transaction.atomic():
        PackBuild.objects.select_for_update().get(pk=build.pk)
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 10
        while _locks_awaited() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _locks_awaited() == 2
    for thread in threads:
        thread.join(10)

    assert sorted(len(builds) for builds in reclaimed) == [0, 1]
    assert list(PackBuild.objects.values_list("status", "attempts")) == [(PackBuild.Status.QUEUED, 1)]
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == [
        TaskResultStatus.FAILED,
        TaskResultStatus.READY,
    ]
    assert len(_audit_notes()) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the build runs in a second thread, on its own connection; SQLite's test database is in memory",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pack_build_run_reclaimed_under_it_stops_without_touching_packs(time_machine, by, settings):
    """A worker paused past the stale time (not killed) finds, at its next step, that its build was
    reclaimed: it stops, and neither its packs nor its status overwrite the next try's."""
    travel_to(time_machine, PUBLISHED)
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report_item(meeting, by=by)
    # A Part B report only the confidential pack renders: the second pack takes a while.
    exempt = report_approved_with(
        committee=meeting.committee, meeting_date=MEETING_DATE, title="Depot Sale", sections={2: LONG_SECTION}
    )
    report_item(meeting, report=exempt, part="B", exempt_paragraphs=[3], by=by)
    agenda_publish(meeting=meeting, by=by)
    build = PackBuild.objects.get()
    task = DBTaskResult.objects.get()
    task.claim("paused-worker")
    ran = []

    def paused_worker():
        try:
            ran.append(pack_build_run(build_id=build.pk, task_id=str(task.id)))
        finally:
            connections.close_all()

    worker = threading.Thread(target=paused_worker)
    worker.start()
    _wait_for(lambda: PackBuild.objects.filter(pk=build.pk, steps_done=1).exists(), seconds=20)
    _move(time_machine, convened(PUBLISHED, 10) + timedelta(minutes=11))
    reclaimed = pack_builds_reclaim()
    worker.join(30)

    assert [b.pk for b in reclaimed] == [build.pk]
    build.refresh_from_db()
    assert (ran[0].status, build.status, build.attempts, build.steps_done) == (
        PackBuild.Status.QUEUED,
        PackBuild.Status.QUEUED,
        1,
        0,
    )
    assert not AgendaPack.objects.exists()
    # The files it had written for its packs are gone with it.
    assert list(Path(settings.DOCUMENTS_ROOT).glob("packs/**/*.pdf")) == []


def _worker(log: Path) -> subprocess.Popen:
    """`manage.py task_worker` as `make worker` runs it, on this test's database and media folder,
    with builds stale after 2 seconds (the restarted worker reclaims the killed one's at once)."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DOCUMENTS_ROOT": str(settings.DOCUMENTS_ROOT),
        "WITAN_PACK_BUILD_STALE_SECONDS": "2",
    }
    manage = Path(settings.BASE_DIR) / "manage.py"
    command = [
        sys.executable,
        str(manage),
        "task_worker",
        "--no-reload",
        "--no-startup-delay",
        "--interval=0.2",
    ]
    command += ["--housekeeping=meetings.services.packs.pack_builds_reclaim", "--housekeeping-every=1"]
    with log.open("ab") as out:
        # Its own process group, so SIGKILL takes its render processes too, as a killed container would.
        return subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _wait_for(condition, *, seconds: float, log: Path | None = None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    pytest.fail(f"gave up after {seconds} s" + (f"; the worker's log:\n{log.read_text()}" if log else ""))


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the worker runs in another process, which cannot open SQLite's in-memory test database",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_task_worker_killed_mid_build_restarted_finishes_build(by, tmp_path):
    meeting = meeting_called(on=date.today() + timedelta(days=30), by=by)
    for n in range(1, 7):  # six long reports: a build of several seconds
        report = report_approved_with(
            committee=meeting.committee,
            meeting_date=meeting.date,
            title=f"Report {n}",
            sections={2: LONG_SECTION},
        )
        report_item(meeting, report=report, by=by)
    agenda_publish(meeting=meeting, by=by)
    build = PackBuild.objects.get()
    log = tmp_path / "worker.log"

    worker = _worker(log)
    try:
        _wait_for(
            lambda: PackBuild.objects.filter(pk=build.pk, status=PackBuild.Status.RUNNING).exists(),
            seconds=20,
            log=log,
        )
        time.sleep(0.5)  # well into the rendering
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
    build.refresh_from_db()
    assert (build.status, build.attempts) == (PackBuild.Status.RUNNING, 1)
    killed = DBTaskResult.objects.get()
    assert killed.status == TaskResultStatus.RUNNING

    worker = _worker(log)
    try:
        _wait_for(
            lambda: PackBuild.objects.filter(pk=build.pk, finished_at__isnull=False).exists(),
            seconds=60,
            log=log,
        )
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(10)

    build.refresh_from_db()
    assert (build.status, build.attempts, build.error) == (PackBuild.Status.SUCCEEDED, 2, ""), log.read_text()
    assert _task(killed)[:2] == (TaskResultStatus.FAILED, "meetings.services.packs.PackBuildStopped")
    assert DBTaskResult.objects.exclude(pk=killed.pk).get().status == TaskResultStatus.SUCCESSFUL
    packs = AgendaPack.objects.filter(meeting=meeting)
    assert sorted(packs.values_list("variant", flat=True)) == ["confidential", "public"]
    for pack in packs:
        assert (Path(settings.DOCUMENTS_ROOT) / pack.file.name).stat().st_size == pack.size_bytes


def _database_accepts_connections(accepts: bool) -> None:
    """Open or close the test database to new connections (from the server's maintenance database:
    PostgreSQL will not close the one it is connected to), closing the worker's when it closes."""
    db = connection.settings_dict
    with psycopg2.connect(
        dbname="postgres", user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"]
    ) as server:
        server.autocommit = True
        with server.cursor() as cursor:
            name = connection.ops.quote_name(db["NAME"])
            cursor.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS {'true' if accepts else 'false'}")
            if not accepts:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                    [db["NAME"], connection.connection.info.backend_pid],
                )
    server.close()


def _other_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the worker runs in another process, which cannot open SQLite's in-memory test database",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_task_worker_database_gone_for_a_while_carries_on(by, tmp_path):
    """`db_worker` exits when the database refuses it (a restart, a failover); this one waits."""
    meeting = meeting_called(on=date.today() + timedelta(days=30), by=by)
    report_item(meeting, by=by)
    log = tmp_path / "worker.log"

    worker = _worker(log)
    try:
        _wait_for(_other_connections, seconds=20, log=log)
        try:
            _database_accepts_connections(False)
            _wait_for(lambda: "carrying on in 5.0 seconds" in log.read_text(), seconds=10, log=log)
        finally:
            _database_accepts_connections(True)
        agenda_publish(meeting=meeting, by=by)
        _wait_for(lambda: PackBuild.objects.filter(finished_at__isnull=False).exists(), seconds=30, log=log)
        assert worker.poll() is None
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(10)

    assert PackBuild.objects.get().status == PackBuild.Status.SUCCEEDED
    assert "is not currently accepting connections" in log.read_text()
