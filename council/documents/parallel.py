"""Rendering many documents at once (an agenda pack's reports), one process per core.

WeasyPrint is Python all the way down to Pango, so threads would queue on the GIL; forked
processes do not. A child is a copy of this process, with Django set up and WeasyPrint imported,
so it starts in milliseconds; it renders and returns bytes, and never touches the database.
"""

import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .render import render_pdf


@dataclass(frozen=True)
class RenderJob:
    """The keyword arguments of one `render_pdf` call."""

    html: str
    title: str
    base_url: str | None = None
    language: str = "en-GB"
    author: str = ""
    subject: str = ""


def render_job(job: RenderJob) -> bytes:
    return render_pdf(
        html=job.html,
        base_url=job.base_url,
        title=job.title,
        language=job.language,
        author=job.author,
        subject=job.subject,
    )


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (containers, taskset)
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def render_pdfs(jobs: Sequence[RenderJob], *, workers: int | None = None) -> list[bytes]:
    """Render `jobs` to PDFs, in the same order, over `workers` processes (default: one per core).

    One job, one worker or a platform without a safe fork renders here, one after another; so does
    a machine that cannot start the processes (out of memory or process slots). A job's error is
    raised here as it would be by `render_pdf`.
    """
    jobs = list(jobs)
    workers = min(workers or available_cores(), len(jobs))
    # fork is only safe enough on Linux (macOS frameworks break in forked children); elsewhere the
    # children would have to set Django up again, which costs more than it saves for a pack.
    if workers < 2 or not sys.platform.startswith("linux"):
        return [render_job(job) for job in jobs]
    _prepare_to_fork()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(render_job, jobs))
    except OSError:  # fork failed: no memory or no process slots left
        return [render_job(job) for job in jobs]


def _prepare_to_fork() -> None:
    from django.db import connections

    # A child must not inherit an open database connection and use it. Children never query,
    # and they leave with os._exit (no clean-up that would talk to the server), so a connection
    # inside the caller's transaction stays open: closing it would roll the transaction back.
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()
    import weasyprint  # noqa: F401  (imported once here, not once per child: about 0.4 s)
