"""Benchmarks for the foundation (run with `make bench`; not part of `make test`).

Prints: working-day calendar throughput, and the server time and query count of the busiest
public pages on the demo council.
"""

import io
import statistics
import time
import tracemalloc
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council.models import Committee, Councillor
from council.working_days import WorkingDayCalendar

pytestmark = pytest.mark.django_db


def _timed(fn, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def test_bench_working_day_calendar():
    calendar = WorkingDayCalendar(closure_days=[date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)])
    meetings = [date(2025, 1, 1) + timedelta(days=i) for i in range(10_000)]
    calendar.latest_publication_date(meetings[0], 5)  # load the bank holidays once

    def run():
        for day in meetings:
            calendar.latest_publication_date(day, 5)
            calendar.clear_working_days_between(day - timedelta(days=30), day)

    median, _best = _timed(run, 5)
    per_call_us = median / (2 * len(meetings)) * 1e6
    print(
        f"\nworking-day calendar: 20,000 calls in {median * 1000:.1f} ms (median), {per_call_us:.2f} µs a call"
    )


def test_bench_public_pages(client):
    call_command("demo", force=True, stdout=io.StringIO())
    committee = Committee.objects.get(slug="full-council")
    councillor = Councillor.objects.order_by("pk").first()
    pages = {
        "home": "/",
        "committee list": "/committees/",
        "Full Council page (40 members)": committee.get_absolute_url(),
        "councillor list": "/councillors/",
        "councillor page": councillor.get_absolute_url(),
    }
    print()
    for label, url in pages.items():
        client.get(url)  # warm caches and templates
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        query_count = len(queries.captured_queries)
        assert response.status_code == 200
        median, best = _timed(lambda url=url: client.get(url), 20)
        tracemalloc.start()
        client.get(url)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"{label:32} {median * 1000:6.1f} ms median, {best * 1000:6.1f} ms best, "
            f"{query_count:2d} queries, {peak / 1024:7.0f} KiB peak Python allocation"
        )
