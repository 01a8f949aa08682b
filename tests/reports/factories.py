"""Factories for reports: built through the services, as an officer would build them."""

import io
from dataclasses import replace
from datetime import date

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from council.roles import Role
from reports.models import Approval, Report
from reports.services import (
    RecommendationInput,
    approval_record,
    report_content,
    report_create,
    report_save,
    report_submit,
)
from tests.factories import CommitteeFactory, OfficerFactory, UserFactory

# The standard body sections the data migration reports/0002 seeds, in order.
STANDARD_SECTION_TITLES = [
    "Recommendations",
    "Background",
    "Key Issues",
    "Options considered and recommended proposal",
    "Consultation",
    "Timetable and Accountability for Implementing this Decision",
    "Financial and Procurement Implications",
    "Legal Implications",
    "Human Resources Implications",
    "Implications for Children and Young People and Vulnerable Adults",
    "Equalities and Human Rights Implications",
    "Implications for Partners and Other Directorates",
    "Risks and Mitigation",
    "Accountable Officer(s)",
]

# A meeting on Tuesday 17 June 2025: its agenda must be published by Monday 9 June (R1).
MEETING_DATE = date(2025, 6, 17)


def officer_user(*roles: Role, name: str = "Sam Writer", job_title: str = "Policy Officer", **user_fields):
    """A user holding `roles`, with the Officer record that names them on papers.

    No password unless one is given: hashing one is the slowest part of a service test.
    """
    first, _, last = name.partition(" ")
    user_fields.setdefault("password", None)
    user = UserFactory(first_name=first, last_name=last, roles=list(roles), **user_fields)
    OfficerFactory(name=name, job_title=job_title, user=user, email=f"{user.username}@example.org")
    return user


class ReportFactory(factory.Factory):
    """A draft report, created with `report_create` by an author with a linked officer."""

    class Meta:
        model = Report

    committee = factory.SubFactory(CommitteeFactory)
    meeting_date = MEETING_DATE
    title = factory.Sequence(lambda n: f"Grass Cutting Review {n}")
    by = factory.LazyFunction(lambda: officer_user(Role.REPORT_AUTHOR))

    @classmethod
    def _create(cls, model_class, *, committee, meeting_date, title, by):
        return report_create(committee=committee, meeting_date=meeting_date, title=title, by=by)


def report_edit(report: Report, *, by, **changes) -> Report:
    """Save the report's current content with `changes`, from its current revision."""
    content = replace(report_content(report), **changes)
    return report_save(report=report, content=content, expected_revision=report.revision, by=by)


def report_ready(*, director=None, **kwargs) -> Report:
    """A draft with a director and two recommendations: ready to submit."""
    report = ReportFactory(**kwargs)
    author = report.created_by
    director = director or officer_user(Role.DIRECTOR, name="Marcus Feltham", job_title="Strategic Director")
    return report_edit(
        report,
        by=author,
        director=director.officer,
        recommendations=[
            RecommendationInput(id=None, text="That the review be noted."),
            RecommendationInput(id=None, text="That the actions be approved."),
        ],
    )


def approvers() -> dict[str, object]:
    """One user for each role of the Approvals Obtained block, each with a linked officer."""
    return {
        Approval.Role.FINANCE: officer_user(
            Role.FINANCE_APPROVER, name="Harriet Lowther", job_title="Strategic Director of Finance"
        ),
        Approval.Role.LEGAL: officer_user(
            Role.LEGAL_APPROVER, name="Owen Prideaux", job_title="Assistant Director of Legal Services"
        ),
        Approval.Role.PROCUREMENT: officer_user(
            Role.PROCUREMENT_APPROVER, name="Sunita Varma", job_title="Head of Procurement"
        ),
        Approval.Role.HR: officer_user(Role.HR_APPROVER, name="Ewan Tulloch", job_title="Head of HR"),
    }


def approvals_complete(report: Report) -> Report:
    """Record every sign-off of the current round: finance, legal, procurement and HR N/A, director."""
    people = approvers()
    approval_record(report=report, role=Approval.Role.FINANCE, by=people[Approval.Role.FINANCE])
    approval_record(report=report, role=Approval.Role.LEGAL, by=people[Approval.Role.LEGAL])
    for role in Approval.OPTIONAL_ROLES:
        approval_record(report=report, role=role, by=people[role], not_applicable_reason="No impact.")
    approval_record(report=report, role=Approval.Role.DIRECTOR, by=report.director.user)
    return report


def report_approved(**kwargs) -> Report:
    """A report submitted and through every approval: ready for an agenda."""
    report = report_ready(**kwargs)
    report_submit(report=report, by=report.created_by)
    return approvals_complete(report)


def pdf_upload(*, pages: int = 3, name: str = "site-plan.pdf", password: str = "") -> SimpleUploadedFile:
    """A real PDF of `pages` blank A4 pages, optionally encrypted."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")
