from datetime import date

import pytest
from django.utils import timezone

from council.models import AuditEntry
from council.roles import Role
from council.working_days import WorkingDayCalendar
from reports.models import Approval, Report
from reports.services import (
    ReportError,
    approval_record,
    approvals_outstanding,
    report_deadline,
    report_publish,
    report_return,
    report_submit,
    report_withdraw,
)
from tests.factories import UserFactory

from .factories import ReportFactory, approvers, officer_user, report_approved, report_edit, report_ready

pytestmark = pytest.mark.django_db

FINANCE, LEGAL, PROCUREMENT, HR, DIRECTOR = (
    Approval.Role.FINANCE,
    Approval.Role.LEGAL,
    Approval.Role.PROCUREMENT,
    Approval.Role.HR,
    Approval.Role.DIRECTOR,
)


@pytest.fixture
def submitted():
    report = report_ready()
    return report_submit(report=report, by=report.created_by)


def _clerk():
    return officer_user(Role.DEMOCRATIC_SERVICES, name="Dana Clerk", job_title="Democratic Services Officer")


def test_report_submit_starts_round_one_with_every_approval_pending(submitted):
    assert submitted.status == Report.Status.SUBMITTED
    assert submitted.approval_round == 1
    assert [(a.role, a.role_title, a.decision) for a in approvals_outstanding(submitted)] == [
        ("finance", "Chief Finance Officer", "pending"),
        ("legal", "Assistant Director of Legal Services", "pending"),
        ("procurement", "Head of Procurement (if appropriate)", "pending"),
        ("hr", "Head of Human Resources (if appropriate)", "pending"),
        ("director", "Director approving submission", "pending"),
    ]
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.STATE).get()
    assert entry.note == "Draft → Awaiting approvals"
    assert entry.changes == {"status": ["Draft", "Awaiting approvals"]}


def test_report_submit_role_titles_follow_settings(settings):
    settings.WITAN = {**settings.WITAN, "APPROVAL_ROLE_TITLES": {"finance": "Strategic Director of Finance"}}
    report = report_ready()

    report_submit(report=report, by=report.created_by)

    assert report.approvals.get(role=FINANCE).role_title == "Strategic Director of Finance"
    assert report.approvals.get(role=LEGAL).role_title == "Assistant Director of Legal Services"


def test_report_submit_without_director_refused_with_what_is_missing():
    report = ReportFactory()

    with pytest.raises(ReportError) as error:
        report_submit(report=report, by=report.created_by)

    assert str(error.value) == (
        "Before submitting, add the director approving submission and at least one recommendation."
    )
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT
    assert not report.approvals.exists()


def test_report_submit_twice_refused(submitted):
    with pytest.raises(ReportError) as error:
        report_submit(report=submitted, by=submitted.created_by)

    assert str(error.value) == "A report that is “Awaiting approvals” cannot be submitted."


def test_approval_record_full_path_makes_report_approved(submitted):
    people = approvers()
    director = submitted.director.user

    approval_record(report=submitted, role=FINANCE, by=people[FINANCE], decided_on=date(2025, 6, 2))
    approval_record(report=submitted, role=LEGAL, by=people[LEGAL], decided_on=date(2025, 6, 3))
    approval_record(
        report=submitted, role=PROCUREMENT, by=people[PROCUREMENT], not_applicable_reason="No contract."
    )
    approval_record(report=submitted, role=HR, by=people[HR], not_applicable_reason="No staffing impact.")
    assert [a.role for a in approvals_outstanding(submitted)] == ["director"]
    approval_record(report=submitted, role=DIRECTOR, by=director, decided_on=date(2025, 6, 4))

    submitted.refresh_from_db()
    assert submitted.status == Report.Status.APPROVED
    assert approvals_outstanding(submitted) == []
    rows = submitted.approvals.filter(round=1).order_by("pk")
    today = timezone.localdate()
    assert [(a.role, a.decision, a.officer_name, a.decided_on, a.not_applicable_reason) for a in rows] == [
        ("finance", "approved", "Harriet Lowther", date(2025, 6, 2), ""),
        ("legal", "approved", "Owen Prideaux", date(2025, 6, 3), ""),
        ("procurement", "not_applicable", "Sunita Varma", today, "No contract."),
        ("hr", "not_applicable", "Ewan Tulloch", today, "No staffing impact."),
        ("director", "approved", "Marcus Feltham", date(2025, 6, 4), ""),
    ]
    assert rows[0].officer == people[FINANCE].officer
    assert rows[0].recorded_by == people[FINANCE]
    state = AuditEntry.objects.filter(action=AuditEntry.Action.STATE).first()
    assert state.note == "Awaiting approvals → Approved, ready for an agenda"


def test_approval_record_director_before_statutory_approvals_refused(submitted):
    people = approvers()
    approval_record(report=submitted, role=FINANCE, by=people[FINANCE])

    with pytest.raises(ReportError) as error:
        approval_record(report=submitted, role=DIRECTOR, by=submitted.director.user)

    assert str(error.value) == "Waiting for legal, procurement and HR before the director can approve."
    assert submitted.approvals.get(role=DIRECTOR).decision == Approval.Decision.PENDING


def test_approval_record_finance_approver_cannot_sign_legal(submitted):
    finance = approvers()[FINANCE]

    with pytest.raises(ReportError) as error:
        approval_record(report=submitted, role=LEGAL, by=finance)

    assert str(error.value) == "You cannot sign for the Assistant Director of Legal Services."
    assert submitted.approvals.get(role=LEGAL).decision == Approval.Decision.PENDING


def test_approval_record_not_applicable_without_reason_refused(submitted):
    with pytest.raises(ReportError) as error:
        approval_record(
            report=submitted,
            role=PROCUREMENT,
            by=approvers()[PROCUREMENT],
            decision=Approval.Decision.NOT_APPLICABLE,
            not_applicable_reason="  ",
        )

    assert str(error.value) == "Say why this approval is not applicable."


def test_approval_record_finance_not_applicable_refused(submitted):
    with pytest.raises(ReportError) as error:
        approval_record(
            report=submitted, role=FINANCE, by=approvers()[FINANCE], not_applicable_reason="No cost."
        )

    assert str(error.value) == (
        "The Chief Finance Officer must approve every report: it cannot be marked not applicable."
    )


def test_approval_record_by_democratic_services_names_the_officer(submitted):
    clerk = _clerk()
    finance_officer = approvers()[FINANCE].officer

    with pytest.raises(ReportError) as error:
        approval_record(report=submitted, role=FINANCE, by=clerk)
    approval = approval_record(report=submitted, role=FINANCE, by=clerk, officer=finance_officer)

    assert str(error.value) == "Name the officer who gave this approval."
    assert (approval.officer_name, approval.recorded_by) == ("Harriet Lowther", clerk)


def test_approval_record_twice_in_one_round_refused(submitted):
    finance = approvers()[FINANCE]
    approval_record(report=submitted, role=FINANCE, by=finance)

    with pytest.raises(ReportError) as error:
        approval_record(report=submitted, role=FINANCE, by=finance)

    assert str(error.value) == "The Chief Finance Officer has already been recorded in this approval round."


def test_approval_record_on_draft_refused():
    report = report_ready()

    with pytest.raises(ReportError) as error:
        approval_record(report=report, role=FINANCE, by=approvers()[FINANCE])

    assert str(error.value) == (
        "Approvals can only be recorded while the report is awaiting approvals; it is “Draft”."
    )


def test_report_return_by_approver_then_resubmit_starts_round_two(submitted):
    legal = approvers()[LEGAL]

    report_return(report=submitted, by=legal, reason="Section 8 needs the legal power cited.")

    assert submitted.status == Report.Status.RETURNED
    assert approvals_outstanding(submitted) == []
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.STATE).first()
    assert entry.note == "Awaiting approvals → Returned for changes: Section 8 needs the legal power cited."
    report_submit(report=submitted, by=submitted.created_by)
    assert (submitted.status, submitted.approval_round) == (Report.Status.SUBMITTED, 2)
    assert submitted.approvals.count() == 10


def test_report_return_without_reason_refused(submitted):
    with pytest.raises(ReportError) as error:
        report_return(report=submitted, by=_clerk(), reason="")

    assert str(error.value) == "Say why the report is being returned, so the author knows what to change."


def test_report_return_by_unrelated_officer_refused(submitted):
    stranger = officer_user(Role.REPORT_AUTHOR, name="Other Author")

    with pytest.raises(ReportError) as error:
        report_return(report=submitted, by=stranger, reason="No.")

    assert str(error.value) == "Only an approver, the director or democratic services can return a report."


def test_report_withdraw_by_author_from_draft():
    report = ReportFactory()

    report_withdraw(report=report, by=report.created_by, reason="Superseded by the budget report.")

    assert report.status == Report.Status.WITHDRAWN
    with pytest.raises(ReportError) as error:
        report_withdraw(report=report, by=report.created_by, reason="Again.")
    assert str(error.value) == "A report that is “Withdrawn” cannot be withdrawn."


def test_report_withdraw_by_someone_else_refused():
    report = ReportFactory()

    with pytest.raises(ReportError):
        report_withdraw(report=report, by=officer_user(Role.REPORT_AUTHOR), reason="Not mine.")


def test_report_publish_freezes_the_latest_version():
    report = report_approved()
    latest = report.versions.first()

    report_publish(report=report, by=_clerk())

    assert report.status == Report.Status.PUBLISHED
    assert list(report.versions.values_list("number", "is_frozen")) == [(latest.number, True), (1, False)]
    with pytest.raises(ReportError):
        report_withdraw(report=report, by=_clerk(), reason="Too late.")


def test_report_publish_of_a_draft_refused():
    report = ReportFactory()

    with pytest.raises(ReportError) as error:
        report_publish(report=report, by=UserFactory(password=None))

    assert str(error.value) == "A report that is “Draft” cannot be published."


def test_report_edit_after_return_keeps_status_returned(submitted):
    report_return(report=submitted, by=_clerk(), reason="Add the costs.")

    saved = report_edit(submitted, by=submitted.created_by, sections={7: "<p>£12,000 a year.</p>"})

    assert (saved.status, saved.approval_round) == (Report.Status.RETURNED, 1)


CALENDAR = WorkingDayCalendar()


def test_report_deadline_r1_meeting_tuesday_17_june_2025():
    report = ReportFactory()  # meets Tuesday 17 June 2025

    deadline = report_deadline(report, calendar=CALENDAR, today=date(2025, 6, 2))

    assert deadline == {"publication_deadline": date(2025, 6, 9), "working_days_left": 6, "at_risk": False}


def test_report_deadline_r1_at_risk_with_three_working_days_left():
    report = ReportFactory()

    deadline = report_deadline(report, calendar=CALENDAR, today=date(2025, 6, 5))

    assert deadline == {"publication_deadline": date(2025, 6, 9), "working_days_left": 3, "at_risk": True}


def test_report_deadline_r1_approved_report_near_deadline_not_at_risk():
    report = report_approved()

    deadline = report_deadline(report, calendar=CALENDAR, today=date(2025, 6, 6))

    assert (deadline["working_days_left"], deadline["at_risk"]) == (2, False)


def test_report_deadline_r1_passed_is_at_risk():
    report = report_approved()

    deadline = report_deadline(report, calendar=CALENDAR, today=date(2025, 6, 10))

    assert (deadline["working_days_left"], deadline["at_risk"]) == (-1, True)
