"""Benchmark: building a ~300-page agenda pack (run with `make bench`).

A synthetic meeting of 15 approved reports (about 13 pages each) and two uploaded PDF appendices
(about 50 pages each). Prints, in one run: the full build time (cold cache), the rebuild after
editing one report, pages per second, peak memory, and the time WeasyPrint takes to render the same
reports as one HTML document (the naive way), with the ratio between the two.
"""

import logging
import multiprocessing
import os
import resource
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from council.documents import pdf_page_count, render_pdf
from council.models import CouncilProfile
from council.roles import Role
from meetings.models import AgendaItem, AgendaPack
from meetings.packs.build import build_pack
from meetings.packs.cache import CACHE_FOLDER
from meetings.services import agenda_item_add, agenda_item_move, meeting_create
from reports.models import Report
from reports.pdf import approvals_obtained, report_print_html
from reports.selectors import report_for_display
from reports.services import RecommendationInput, appendix_add, report_submit
from reports.snapshots import report_snapshot
from tests.factories import CommitteeFactory, UserFactory
from tests.meetings.factories import convened
from tests.reports.factories import approvals_complete, report_edit, report_ready

pytestmark = pytest.mark.django_db

REPORTS = 15
PARAGRAPHS_PER_SECTION = 4
UPLOAD_ROWS = 1900  # about 50 pages of table each
# Far enough ahead that the agenda is not late (R1).
MEETING_DAY = date.today() + timedelta(days=60)

_WORDS = [
    "the",
    "council",
    "will",
    "review",
    "the",
    "delivery",
    "plan",
    "with",
    "partners",
    "and",
    "residents",
    "so",
    "that",
    "the",
    "service",
    "meets",
    "the",
    "agreed",
    "standard",
    "within",
    "the",
    "budget",
    "set",
    "for",
    "the",
    "year",
    "while",
    "the",
    "risks",
    "are",
    "monitored",
    "each",
    "quarter",
    "by",
    "the",
    "board",
    "and",
    "reported",
    "to",
    "members",
    "with",
    "the",
    "options",
    "considered",
    "and",
    "the",
    "reasons",
    "for",
    "the",
    "recommended",
    "approach",
]


def _sentence(seed: int, length: int = 24) -> str:
    words = [_WORDS[(seed * 7 + i * 13) % len(_WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def _paragraphs(seed: int, count: int) -> str:
    return "".join(f"<p>{' '.join(_sentence(seed + p * 5 + s) for s in range(5))}</p>" for p in range(count))


def _schedule_pdf(title: str, rows: int) -> bytes:
    body = "".join(
        f"<tr><td>{i}</td><td>Scheme {i}: {_sentence(i, 6)}</td><td>£{(i * 7919) % 900000:,}</td></tr>"
        for i in range(1, rows + 1)
    )
    html = (
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<h1>{title}</h1><table><thead><tr><th>No.</th><th>Scheme</th><th>Budget</th></tr></thead>"
        f"<tbody>{body}</tbody></table></body></html>"
    )
    return render_pdf(html=html, title=title)


def _upload(title: str, rows: int) -> SimpleUploadedFile:
    """A real PDF appendix: a long schedule, uploaded as a council would. Rendered in a child
    process, so that making it does not count towards the builder's peak memory."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        data = pool.submit(_schedule_pdf, title, rows).result()
    return SimpleUploadedFile(f"{title}.pdf", data, content_type="application/pdf")


def _synthetic_meeting():
    CouncilProfile.objects.update_or_create(pk=1, defaults={"name": "Ravensmoor Borough Council"})
    committee = CommitteeFactory(name="Cabinet", default_venue="Town Hall, Council Chamber")
    clerk = UserFactory(roles=[Role.DEMOCRATIC_SERVICES], password=None)
    meeting = meeting_create(
        committee=committee,
        date=MEETING_DAY,
        convened_at=convened(MEETING_DAY - timedelta(days=400)),
        by=clerk,
    )
    reports = []
    uploads = {2: "Capital programme schedule", 9: "Asset register"}
    for n in range(REPORTS):
        report = report_ready(committee=committee, meeting_date=MEETING_DAY, title=f"Service review {n + 1}")
        report_edit(
            report,
            by=report.created_by,
            summary=_paragraphs(n, 2),
            sections={
                position: _paragraphs(n * 31 + position, PARAGRAPHS_PER_SECTION) for position in range(2, 15)
            },
            recommendations=[RecommendationInput(id=None, text=_sentence(n + r)) for r in range(3)],
        )
        if n in uploads:
            title = uploads[n]
            appendix_add(
                report=report,
                kind="uploaded",
                label="Appendix 1",
                title=title,
                upload=_upload(title, UPLOAD_ROWS),
                by=report.created_by,
            )
        report_submit(report=report, by=report.created_by)
        reports.append(approvals_complete(report))
    for report in reports:
        agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.REPORTS, reports=[report], by=clerk)
    return meeting, reports, clerk


class _TreeMemory:
    """Samples the proportional set size (PSS) of this process and its children (the render workers)
    every 100 ms: memory shared by fork is counted once, so the sum is what the build really holds."""

    def __init__(self):
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree(pid: int) -> list[int]:
        pids = [pid]
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    for child in children.read().split():
                        pids += _TreeMemory._tree(int(child))
        except OSError:
            pass
        return pids

    def sample(self) -> int:
        total = 0
        for pid in self._tree(os.getpid()):
            try:
                with open(f"/proc/{pid}/smaps_rollup") as rollup:
                    total += sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
            except OSError:
                pass
        return total

    def _run(self):
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, self.sample())
            time.sleep(0.1)

    def __enter__(self):
        self.before_kib = self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _peak_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def test_bench_agenda_pack(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path
    # The naive document repeats each report's anchors; WeasyPrint says so once per anchor.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    meeting, reports, clerk = _synthetic_meeting()
    render_pdf(html="<p>warm up</p>", title="Warm up")  # WeasyPrint import and fonts, as in a worker

    start = time.perf_counter()
    built = build_pack(meeting=meeting, variant=AgendaPack.Variant.CONFIDENTIAL, published_only=False)
    full = time.perf_counter() - start
    pages = built.assembled.page_count
    peak_after_build = _peak_mib()

    edited = reports[5]
    report_edit(edited, by=edited.created_by, sections={3: _paragraphs(999, PARAGRAPHS_PER_SECTION)})
    start = time.perf_counter()
    rebuilt = build_pack(meeting=meeting, variant=AgendaPack.Variant.CONFIDENTIAL, published_only=False)
    rebuild = time.perf_counter() - start
    peak_after_rebuild = _peak_mib()

    # A change to the agenda itself (two items swapped): no document to render, only the front sheet.
    second = meeting.items.filter(kind=AgendaItem.Kind.REPORTS).order_by("position")[1]
    agenda_item_move(item=second, up=True, by=clerk)
    start = time.perf_counter()
    reordered = build_pack(meeting=meeting, variant=AgendaPack.Variant.CONFIDENTIAL, published_only=False)
    reorder_rebuild = time.perf_counter() - start

    # Memory, measured apart (sampling costs CPU): the same cold build again, with an empty cache.
    shutil.rmtree(tmp_path / CACHE_FOLDER)
    with _TreeMemory() as memory:
        build_pack(meeting=meeting, variant=AgendaPack.Variant.CONFIDENTIAL, published_only=False)

    # The naive way: every report in one HTML document, one WeasyPrint render (no uploads: it cannot bind them).
    loaded = list(report_for_display(Report.objects.filter(pk__in=[r.pk for r in reports]).order_by("pk")))
    bodies = []
    for report in loaded:
        html = report_print_html(
            report_snapshot(report), approvals=approvals_obtained(report), council_name="Bench"
        )
        bodies.append(html.split("<body>", 1)[1].rsplit("</body>", 1)[0])
    head = html.split("<body>", 1)[0]
    naive_html = head + "<body>" + '<div class="appendix"></div>'.join(bodies) + "</body></html>"
    start = time.perf_counter()
    naive_pdf = render_pdf(html=naive_html, title="Naive pack")
    naive = time.perf_counter() - start
    naive_pages = pdf_page_count(naive_pdf)
    uploaded_pages = sum(a.page_count for r in loaded for a in r.appendices.all() if a.page_count)
    rendered_pages = pages - uploaded_pages
    print()
    print(
        f"pack: {pages} pages ({uploaded_pages} uploaded), {len(built.assembled.pdf) / 1024 / 1024:.1f} MiB"
    )
    print(
        f"full build (cold cache): {full:.2f} s, {pages / full:.0f} pages/s ({rendered_pages / full:.0f} rendered pages/s), {built.rendered} documents rendered"
    )
    print(f"rebuild after editing one report: {rebuild:.2f} s, {rebuilt.rendered} documents rendered")
    print(
        f"rebuild after swapping two items: {reorder_rebuild:.2f} s, {reordered.rendered} documents rendered "
        "(the front sheet)"
    )
    print(
        f"naive single-HTML render of the {REPORTS} reports: {naive:.2f} s for {naive_pages} pages; naive / full build = {naive / full:.1f}x"
    )
    print(
        f"peak memory of a full build (PSS of the process and its render workers): {memory.peak_kib / 1024:.0f} MiB, "
        f"{(memory.peak_kib - memory.before_kib) / 1024:.0f} MiB above the {memory.before_kib / 1024:.0f} MiB "
        "the test process held before it"
    )
    print(
        f"peak RSS during the full build: builder process {peak_after_build[0]:.0f} MiB, largest render worker "
        f"{peak_after_build[1]:.0f} MiB; after the rebuild: builder {peak_after_rebuild[0]:.0f} MiB "
        f"(the naive render then takes the process to {_peak_mib()[0]:.0f} MiB)"
    )
    assert rebuilt.rendered >= 1
