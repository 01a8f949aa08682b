"""The demo council's reports (issue 3, point 11): a dozen, in every state, loaded through the services."""

import io
from collections import Counter
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.test import override_settings

from council.demo import load_demo
from council.models import AuditEntry
from meetings.models import Meeting
from reports.apps import ReportsConfig
from reports.demo_data import REPORTS
from reports.models import Approval, Report, ReportVersion
from reports.selectors import reports_visible_to

TODAY = date(2026, 11, 22)
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The reports loader's dozen; the agendas loader (meetings) then publishes the approved ones with
# their meetings' agendas, and writes more for the next Cabinet.
DOZEN = [spec["title"] for spec in REPORTS]
EXPECTED_STATUSES = {
    "draft": 2,
    "returned": 1,
    "submitted": 3,
    "published": 5,
    "withdrawn": 1,
}


def dozen():
    return Report.objects.filter(title__in=DOZEN)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo loaded once for this module on `TODAY`, rolled back afterwards."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
        out = io.StringIO()
        counts = load_demo(today=TODAY, stdout=OutputWrapper(out))
        yield {"counts": counts, "output": out.getvalue()}
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def fast_hashers(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


def current_approvals(report: Report) -> dict[str, str]:
    return dict(report.approvals.filter(round=report.approval_round).values_list("role", "decision"))


def recorded(report: Report) -> int:
    """How many approvals of the current round are recorded (approved or not applicable)."""
    return sum(decision != Approval.Decision.PENDING for decision in current_approvals(report).values())


@pytest.mark.django_db
def test_demo_reports_loader_is_registered():
    assert ReportsConfig.demo_loader == "reports.demo.load_demo"


@pytest.mark.django_db
def test_demo_reports_are_a_dozen_in_every_state(demo):
    assert demo["counts"]["reports"] == 27  # with the agendas loader's reports for the next Cabinet
    assert "Reports loaded: 12 in all, 12 added.\n" in demo["output"]
    assert Counter(dozen().values_list("status", flat=True)) == EXPECTED_STATUSES


@pytest.mark.django_db
def test_demo_submitted_reports_two_partly_approved_one_waiting_for_all(demo):
    submitted = dozen().filter(status=Report.Status.SUBMITTED)

    assert sorted(recorded(report) for report in submitted) == [0, 2, 3]
    land = submitted.get(title="Disposal of Land at the Former Tanners Cross Depot")
    assert current_approvals(land) == {
        "finance": "approved",
        "legal": "approved",
        "procurement": "not_applicable",
        "hr": "pending",
        "director": "pending",
    }


@pytest.mark.django_db
def test_demo_approved_reports_key_decisions_on_and_off_the_forward_plan(demo):
    # Approved for meetings to come; their agendas are out, so they are published now.
    approved = dozen().filter(status=Report.Status.PUBLISHED, meeting_date__gte=TODAY)

    flags = sorted((r.is_key_decision, r.on_forward_plan) for r in approved)
    assert flags == [(False, False), (True, False), (True, True)]
    for report in approved:
        assert set(current_approvals(report).values()) <= {"approved", "not_applicable"}
    off_plan = approved.get(is_key_decision=True, on_forward_plan=False)
    assert off_plan.key_decision_warning.startswith(
        "This is a key decision but it is not on the Forward Plan"
    )


@pytest.mark.django_db
def test_demo_exempt_reports_cite_schedule_12a_with_a_reason(demo):
    exempt = {r.title: r for r in dozen().filter(is_exempt=True)}

    assert sorted(exempt) == [
        "Customer Services: Proposed Restructure",
        "Disposal of Land at the Former Tanners Cross Depot",
    ]
    land = exempt["Disposal of Land at the Former Tanners Cross Depot"]
    assert (land.exempt_paragraphs, land.title_is_exempt) == ([3], False)
    assert "public interest in keeping them exempt outweighs" in land.public_interest_reason
    assert exempt["Customer Services: Proposed Restructure"].exempt_paragraphs == [4]
    # R4: the public never see them, even once published.
    assert not reports_visible_to(AnonymousUser()).filter(is_exempt=True).exists()


@pytest.mark.django_db
def test_demo_reports_go_to_real_meetings_of_their_committee(demo):
    meetings = {(m.committee_id, m.date): m for m in Meeting.objects.all()}

    for report in Report.objects.all():
        meeting = meetings[(report.committee_id, report.meeting_date)]
        if report.status == Report.Status.PUBLISHED:
            # Published with its meeting's agenda.
            assert meeting.agenda_is_published, report.title
        else:
            assert (meeting.status, report.meeting_date >= TODAY) == (Meeting.Status.SCHEDULED, True), (
                report.title
            )


@pytest.mark.django_db
def test_demo_reports_are_complete_summary_sheets(demo):
    for report in Report.objects.prefetch_related("sections", "recommendations", "authors"):
        top_level = [r for r in report.recommendations.all() if r.parent_id is None]
        bodies = {s.title: s.body for s in report.sections.all()}
        assert 2 <= len(top_level) <= 4, report.title
        assert report.summary.startswith("<p>"), report.title
        assert bodies["Background"].startswith("<p>"), report.title
        assert bodies["Accountable Officer(s)"].startswith("<p>"), report.title
        assert report.director is not None and report.director.job_title.startswith("Strategic Director")
        assert report.authors.exists(), report.title
    assert Report.objects.filter(recommendations__parent__isnull=False).distinct().count() == 4


@pytest.mark.django_db
def test_demo_published_reports_have_a_frozen_version(demo):
    for report in Report.objects.filter(status=Report.Status.PUBLISHED):
        assert report.versions.filter(is_frozen=True).count() == 1, report.title


@pytest.mark.django_db
def test_demo_waste_report_was_changed_after_approval_and_approved_again(demo):
    report = Report.objects.get(title="A New Waste and Recycling Collection Schedule")

    notes = list(report.versions.order_by("number").values_list("note", flat=True))
    assert notes == [
        "Created",
        "First draft",
        "Added the survey results and the vehicle numbers",
        "Start date moved to July after the vehicle order slipped",
    ]
    # Approved in round 2, then published with the next Cabinet's agenda.
    assert (report.status, report.approval_round) == (Report.Status.PUBLISHED, 2)
    assert report.recommendations.get(position=1, parent=None).text.endswith("to start in July.")


@pytest.mark.django_db
def test_demo_reports_audit_trail_names_the_demo_officers(demo):
    report = Report.objects.get(title="Children's Residential Care: Commissioning Local Children's Homes")

    actors = AuditEntry.objects.filter(content_type__model="report", object_id=str(report.pk))
    assert Counter(actors.values_list("actor_name", flat=True)) == {
        "Farah Siddiqui": 3,  # created, first draft, submitted
        "Graham Whitlock": 1,
        "Vikram Desai": 1,
    }


@pytest.mark.django_db
def test_demo_run_twice_on_one_day_adds_no_reports(demo):
    before = (Report.objects.count(), ReportVersion.objects.count(), Approval.objects.count())
    audit_entries = AuditEntry.objects.count()
    out = io.StringIO()

    counts = load_demo(today=TODAY, stdout=OutputWrapper(out))

    assert counts["reports"] == 27
    assert (Report.objects.count(), ReportVersion.objects.count(), Approval.objects.count()) == before
    assert AuditEntry.objects.count() == audit_entries
    assert "Reports loaded: 27 in all, 0 added.\n" in out.getvalue()
