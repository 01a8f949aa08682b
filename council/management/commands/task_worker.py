"""The task worker: django-tasks-db's `db_worker`, made to outlast the database and to run the
apps' housekeeping.

- A database error in the worker's own loop ("database is locked" from SQLite, a PostgreSQL
  connection dropped by a restart or failover) is logged; the worker closes its connections,
  pauses and carries on, where `db_worker` would exit and leave every later task waiting.
- `--housekeeping` names callables (dotted paths, called with no arguments) that the worker runs
  at start-up and then every `--housekeeping-every` seconds, never beside a task: e.g.
  `meetings.services.packs.pack_builds_reclaim`, which takes back pack builds whose worker was
  killed. The apps own their housekeeping; this module only runs it, so it imports none of them.

Every `db_worker` option works the same (`--queue-name`, `--interval`, `--batch`, ...).
"""

import logging
import os
import threading
import time
from argparse import ArgumentTypeError
from collections.abc import Callable

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.module_loading import import_string
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks_db.task_worker")  # shown by the command's log handler

# How long to wait after a database error before trying again: long enough for a lock to clear
# or a server to come back, short enough that tasks are not held up.
PAUSE_AFTER_DATABASE_ERROR = 5.0

WORKER_OPTIONS = ("interval", "backend_name", "startup_delay", "max_tasks", "worker_id")


class Worker(db_worker.Worker):
    def __init__(self, *, housekeeping: list[Callable[[], object]], housekeeping_every: float, **options):
        super().__init__(**options)
        self.housekeeping = housekeeping
        self.housekeeping_every = housekeeping_every
        # Housekeeping waits while a task runs, and a task waits for a round to finish: the pack
        # builder forks its renderers, and a fork must not copy a thread in the middle of a query.
        self._one_at_a_time = threading.Lock()
        self._stopped = threading.Event()

    def run(self) -> None:
        if self.housekeeping:
            threading.Thread(target=self._housekeep, name="task-worker-housekeeping", daemon=True).start()
        try:
            while True:
                try:
                    return super().run()
                except (OperationalError, InterfaceError):
                    logger.exception(
                        "Database error in worker_id=%s; carrying on in %s seconds",
                        self.worker_id,
                        PAUSE_AFTER_DATABASE_ERROR,
                    )
                    connections.close_all()
                    time.sleep(PAUSE_AFTER_DATABASE_ERROR)
        finally:
            self._stopped.set()

    def run_task(self, db_task_result) -> None:
        with self._one_at_a_time:
            super().run_task(db_task_result)

    def _housekeep(self) -> None:
        while True:
            with self._one_at_a_time:
                for job in self.housekeeping:
                    try:
                        job()
                    except Exception:  # the next round tries again; the worker carries on
                        logger.exception("Housekeeping %s failed", job.__qualname__)
                    finally:
                        connections.close_all()  # this thread's own connections
            if self._stopped.wait(self.housekeeping_every):
                return


def valid_callable(path: str) -> Callable[[], object]:
    try:
        job = import_string(path)
    except ImportError as error:
        raise ArgumentTypeError(str(error)) from error
    if not callable(job):
        raise ArgumentTypeError(f"{path} is not callable")
    return job


def valid_every(seconds: str) -> float:
    every = db_worker.valid_interval(seconds)
    if every == 0:
        raise ArgumentTypeError("Must be greater than zero")
    return every


class Command(db_worker.Command):
    help = "Run the background task worker (db_worker that survives database errors and runs housekeeping)"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--housekeeping",
            action="append",
            default=[],
            type=valid_callable,
            help="Dotted path of a callable to run at start-up and periodically; may be repeated.",
        )
        parser.add_argument(
            "--housekeeping-every",
            default=60.0,
            type=valid_every,
            help="Seconds between housekeeping rounds (default: %(default)r)",
        )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        exclude_queues: str,
        reload: bool,
        batch: bool,
        housekeeping: list,
        housekeeping_every: float,
        **options,
    ) -> None:
        # As db_worker's handle(), which builds its own Worker: the same checks, our Worker.
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            batch=batch,
            housekeeping=housekeeping,
            housekeeping_every=housekeeping_every,
            **{name: options[name] for name in WORKER_OPTIONS},
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child that runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
