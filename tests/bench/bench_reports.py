"""Benchmark: rendering officer reports to PDF (run with `make bench`).

Prints, for each demo report: pages, render time and size; and the total pages per second.
"""

import io
import resource
import time

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from reports.models import Report
from reports.pdf import approvals_obtained, render_report_pdf
from reports.selectors import report_for_display
from reports.snapshots import report_snapshot

pytestmark = pytest.mark.django_db


def test_bench_report_pdfs():
    call_command("demo", force=True, stdout=io.StringIO())
    reports = list(report_for_display(Report.objects.order_by("pk")))
    # Warm up WeasyPrint (import, fonts) once, as a long-running worker would be.
    render_report_pdf(
        report_snapshot(reports[0]), approvals=approvals_obtained(reports[0]), council_name="Bench"
    )
    total_pages, total_seconds = 0, 0.0
    print()
    for report in reports:
        snapshot = report_snapshot(report)
        start = time.perf_counter()
        pdf = render_report_pdf(snapshot, approvals=approvals_obtained(report), council_name="Bench")
        seconds = time.perf_counter() - start
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        total_pages += pages
        total_seconds += seconds
        print(
            f"report {report.pk:2d}: {pages:2d} pages in {seconds * 1000:6.0f} ms, {len(pdf) / 1024:5.0f} KiB"
        )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(reports)} reports, {total_pages} pages in {total_seconds:.2f} s: "
        f"{total_pages / total_seconds:.1f} pages/s on one core; peak RSS of the process {peak_mib:.0f} MiB"
    )
