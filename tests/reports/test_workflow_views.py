"""The officer's dashboard, the approver's inbox and the workflow buttons on a report page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from council.roles import Role
from reports.models import Approval, Report
from reports.services import report_submit
from tests.factories import TEST_PASSWORD
from tests.reports.factories import approvers, officer_user, report_ready

pytestmark = pytest.mark.django_db


def _client_for(client, user):
    client.force_login(user)
    return client


def test_submit_from_report_page_moves_to_awaiting_approvals(client):
    report = report_ready()

    response = _client_for(client, report.created_by).post(
        reverse("reports:report_submit", args=[report.pk]), follow=True
    )

    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    assert "Submitted for approval. The approvers have it in their inbox." in response.content.decode()


def test_finance_records_approval_with_named_officer_and_date(client):
    report = report_ready()
    report_submit(report=report, by=report.created_by)
    finance = approvers()[Approval.Role.FINANCE]

    _client_for(client, finance).post(
        reverse("reports:approval_record", args=[report.pk, "finance"]),
        {"decision": "approved", "officer_name": "", "decided_on": "2025-06-02"},
    )

    approval = report.approvals.get(role="finance", round=report.approval_round)
    assert (approval.decision, approval.officer_name, approval.decided_on.isoformat()) == (
        "approved",
        "Harriet Lowther",
        "2025-06-02",
    )


def test_not_applicable_without_reason_refused_with_message(client):
    report = report_ready()
    report_submit(report=report, by=report.created_by)
    procurement = approvers()[Approval.Role.PROCUREMENT]

    response = _client_for(client, procurement).post(
        reverse("reports:approval_record", args=[report.pk, "procurement"]),
        {"decision": "not_applicable", "not_applicable_reason": ""},
        follow=True,
    )

    assert "Not done: Say why this approval is not applicable." in response.content.decode()
    assert report.approvals.get(role="procurement").decision == "pending"


def test_report_page_shows_who_has_not_signed(client):
    report = report_ready()
    report_submit(report=report, by=report.created_by)

    page = _client_for(client, report.created_by).get(report.get_absolute_url()).content.decode()

    assert page.count("<strong>Not yet signed</strong>") == 5
    assert "Submit for approval" not in page


def test_inbox_lists_reports_waiting_for_approver(client):
    report = report_ready(title="Allotment Rents 2026")
    report_submit(report=report, by=report.created_by)
    legal = approvers()[Approval.Role.LEGAL]

    page = _client_for(client, legal).get(reverse("reports:approval_inbox")).content.decode()

    ready = page.split('id="ready-heading"')[1]
    assert "Allotment Rents 2026" in ready


def test_inbox_director_waits_for_statutory_approvals(client):
    director = officer_user(Role.DIRECTOR, name="Marcus Feltham", job_title="Strategic Director")
    report = report_ready(title="Street Lighting Upgrade", director=director)
    report_submit(report=report, by=report.created_by)

    page = _client_for(client, director).get(reverse("reports:approval_inbox")).content.decode()

    assert "Nothing is waiting for you." in page
    assert "Street Lighting Upgrade" in page.split('id="blocked-heading"')[1]


def test_dashboard_shows_r1_deadline_and_flags_at_risk(client):
    meeting = timezone.localdate() + timedelta(days=9)
    report = report_ready(title="Parking Charges", meeting_date=meeting)

    page = " ".join(
        _client_for(client, report.created_by).get(reverse("reports:report_list")).content.decode().split()
    )

    assert '<tr class="table-danger">' in page
    assert "Parking Charges</a></th>" in page
    assert "at risk" in page


def test_dashboard_constant_queries(client):
    author = officer_user(Role.REPORT_AUTHOR, name="Ada Quill")
    client.force_login(author)
    report_ready(by=author)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("reports:report_list")).status_code == 200
        return len(queries)

    one = count()
    for _ in range(19):
        report = report_ready(by=author)
        report_submit(report=report, by=author)
    assert count() == one


def test_dashboard_refuses_councillor(client):
    councillor = officer_user(Role.COUNCILLOR, name="Cllr Test", password=TEST_PASSWORD)

    assert _client_for(client, councillor).get(reverse("reports:report_list")).status_code == 403


def test_withdraw_needs_reason(client):
    report = report_ready()

    response = _client_for(client, report.created_by).post(
        reverse("reports:report_withdraw", args=[report.pk]), {"reason": ""}, follow=True
    )

    assert "Not done: give a reason." in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_other_director_neither_sees_nor_signs_report(client):
    from reports.services import ReportError, approval_record

    report = report_ready(title="Cemetery Extension")
    report_submit(report=report, by=report.created_by)
    other = officer_user(Role.DIRECTOR, name="Gwen Ashdown", job_title="Strategic Director of Place")
    people = approvers()
    approval_record(report=report, role=Approval.Role.FINANCE, by=people[Approval.Role.FINANCE])
    approval_record(report=report, role=Approval.Role.LEGAL, by=people[Approval.Role.LEGAL])
    for role in Approval.OPTIONAL_ROLES:
        approval_record(report=report, role=role, by=people[role], not_applicable_reason="No impact.")

    with pytest.raises(
        ReportError, match=r"Only the director named on the report can approve its submission\."
    ):
        approval_record(report=report, role=Approval.Role.DIRECTOR, by=other)
    assert _client_for(client, other).get(report.get_absolute_url()).status_code == 404
    approval_record(report=report, role=Approval.Role.DIRECTOR, by=report.director.user)
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED


def test_dashboard_returned_report_waits_for_nobody(client):
    from reports.services import report_return

    report = report_ready(title="Verge Maintenance")
    report_submit(report=report, by=report.created_by)
    legal = approvers()[Approval.Role.LEGAL]
    report_return(report=report, by=legal, reason="Please add the legal powers.")

    page = " ".join(
        _client_for(client, report.created_by).get(reverse("reports:report_list")).content.decode().split()
    )

    row = page.split("Verge Maintenance</a></th>")[1].split("</tr>")[0]
    assert "<td>Returned for changes</td>" in row
    assert row.strip().endswith("<td>–</td>")


def test_approval_dated_in_future_refused(client):
    report = report_ready()
    report_submit(report=report, by=report.created_by)
    finance = approvers()[Approval.Role.FINANCE]
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = _client_for(client, finance).post(
        reverse("reports:approval_record", args=[report.pk, "finance"]),
        {"decision": "approved", "decided_on": tomorrow.isoformat()},
        follow=True,
    )

    assert "Not done: The date of an approval cannot be in the future." in response.content.decode()
    assert report.approvals.get(role="finance").decision == "pending"


def test_author_whose_roles_are_removed_loses_exempt_draft(client):
    from tests.reports.factories import report_edit

    report = report_ready(title="Sale of the Old Depot")
    author = report.created_by
    report = report_edit(
        report,
        by=author,
        is_exempt=True,
        exempt_paragraphs=[3],
        public_interest_reason="Disclosure would prejudice the council's negotiating position.",
        title_is_exempt=True,
    )
    author.groups.clear()
    client.force_login(author)

    for suffix in ("", "pdf/", "versions/"):
        assert client.get(f"/reports/{report.pk}/{suffix}").status_code == 404
    response = client.post(reverse("reports:report_submit", args=[report.pk]))
    assert response.status_code == 404


def test_other_director_sees_only_frozen_versions_of_published_report(client):
    from reports.services import report_publish
    from tests.reports.factories import report_approved

    report = report_approved(title="Market Hall Lettings")
    report_publish(report=report, by=report.created_by)
    other = officer_user(Role.DIRECTOR, name="Gwen Ashdown", job_title="Strategic Director of Place")

    page = _client_for(client, other).get(reverse("reports:report_versions", args=[report.pk]))

    assert page.status_code == 200
    assert [v.number for v in page.context["versions"]] == [report.versions.get(is_frozen=True).number]
