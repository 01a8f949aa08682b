"""Reports the demo writes for its agendas (`meetings.demo_data.cabinet_reports`, the call-in), through the
report services, as `reports.demo` writes its own: created and drafted by a demo log-in, appendices
added (uploaded ones as real PDFs), submitted, and approved in the usual order.

`meetings.demo_agendas` runs each step with the clock set to the day it would have happened, so the
approvals are dated before the agenda goes out.
"""

from dataclasses import replace
from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify

from council.demo import DemoDataError
from council.models import Committee, Officer, Ward
from reports.demo_data.steps import ALL_WARDS
from reports.models import Appendix, Approval, Report
from reports.services import (
    RecommendationInput,
    appendix_add,
    approval_record,
    report_content,
    report_create,
    report_save,
    report_submit,
)

from .demo_data.cabinet_reports import NO_HR, NO_PROCUREMENT
from .demo_data.tables import paragraphs
from .demo_documents import upload_pdf


class DemoPeople:
    """The demo log-ins, officers and wards, read once."""

    def __init__(self):
        self.users = {u.username: u for u in get_user_model().objects.select_related("officer")}
        self.officers = {o.name: o for o in Officer.objects.all()}
        self.wards = {w.name: w for w in Ward.objects.all()}

    def _get(self, table: dict, key: str, what: str):
        if key not in table:
            raise DemoDataError(
                f"The demo agendas name {what} “{key}”, which the demo council does not have."
            )
        return table[key]

    def user(self, username: str):
        return self._get(self.users, username, "the log-in")

    def officer(self, name: str) -> Officer:
        return self._get(self.officers, name, "the officer")

    def ward(self, name: str) -> Ward:
        return self._get(self.wards, name, "the ward")


def dated(value, words: dict[str, str]):
    """The spec with its years filled in (`meetings.demo_data.year_words`): every string, at any depth."""
    if isinstance(value, str):
        return value.format_map(words) if "{" in value else value
    if isinstance(value, dict):
        return {key: dated(item, words) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(dated(item, words) for item in value)
    return value


def _sections(report: Report, bodies: dict[str, list[str]]) -> dict[int, str]:
    positions = {section.title: section.position for section in report.sections.all()}
    if unknown := sorted(set(bodies) - set(positions)):
        raise DemoDataError(f"“{report.title}” has no body section called {', '.join(unknown)}.")
    return {positions[title]: paragraphs(texts) for title, texts in bodies.items()}


def _first_draft(people: DemoPeople, report: Report, spec: dict, considerations: list):
    accountable = [people.officer(name) for name in spec["accountable"]]
    bodies = {**spec["sections"], "Accountable Officer(s)": [f"{o.name}, {o.job_title}" for o in accountable]}
    all_wards = spec["wards"] == ALL_WARDS
    exempt = spec.get("exempt")
    return replace(
        report_content(report),
        is_key_decision=spec.get("key_decision", False),
        on_forward_plan=spec.get("on_forward_plan", False),
        council_approval_required=spec.get("council_approval_required", False),
        director=people.officer(spec["director"]),
        authors=[people.officer(name) for name in spec["authors"]],
        accountable_officers=accountable,
        affects_all_wards=all_wards,
        wards=[] if all_wards else [people.ward(name) for name in spec["wards"]],
        is_exempt=exempt is not None,
        exempt_paragraphs=exempt["paragraphs"] if exempt else [],
        public_interest_reason=exempt["reason"] if exempt else "",
        summary=paragraphs([spec["summary"]]),
        recommendations=[RecommendationInput(id=None, text=text) for text in spec["recommendations"]],
        sections=_sections(report, bodies),
        background_papers=list(spec["background_papers"]),
        considerations=considerations,
    )


def report_draft(
    people: DemoPeople,
    spec: dict,
    *,
    committee: Committee,
    meeting_date: date,
    considerations: list[tuple[Committee, str, date | None]] = (),
    start_year: int,
) -> Report:
    """Create the report, save its first draft and add its appendices, as the spec's log-in. The spec's
    years must be filled in (`dated`); uploaded schedules are printed for the municipal year that began
    in `start_year`."""
    by = people.user(spec["created_by"])
    report = report_create(committee=committee, meeting_date=meeting_date, title=spec["title"], by=by)
    content = _first_draft(people, report, spec, list(considerations))
    report_save(report=report, content=content, expected_revision=report.revision, by=by, note="First draft")
    for appendix in spec["appendices"]:
        if "upload" in appendix:
            name, pages = appendix["upload"]
            pdf = upload_pdf(name, pages, start_year)
            upload = SimpleUploadedFile(f"{slugify(appendix['title'])}.pdf", pdf, "application/pdf")
            appendix_add(
                report=report,
                label=appendix["label"],
                title=appendix["title"],
                kind=Appendix.Kind.UPLOADED,
                upload=upload,
                by=by,
            )
        else:
            appendix_add(
                report=report,
                label=appendix["label"],
                title=appendix["title"],
                kind=Appendix.Kind.WRITTEN,
                body=appendix["body"],
                by=by,
            )
    return report


def report_submit_for_approval(people: DemoPeople, spec: dict, report: Report) -> None:
    report_submit(report=report, by=people.user(spec["created_by"]))


def report_approve(people: DemoPeople, spec: dict, report: Report) -> None:
    """The Approvals Obtained block in the usual order: finance, legal, procurement, HR, director.

    Procurement and HR are not applicable where the report says so. The director signs with their own
    log-in if they have one; democratic services record it for the others.
    """
    not_applicable = {}
    if not spec.get("procurement", True):
        not_applicable[Approval.Role.PROCUREMENT] = NO_PROCUREMENT
    if spec["sections"].get("Human Resources Implications") == [NO_HR]:
        not_applicable[Approval.Role.HR] = NO_HR
    signers = [
        (Approval.Role.FINANCE, "finance"),
        (Approval.Role.LEGAL, "legal"),
        (Approval.Role.PROCUREMENT, "procurement"),
        (Approval.Role.HR, "hr"),
    ]
    for role, login in signers:
        approval_record(
            report=report,
            role=role,
            by=people.user(login),
            not_applicable_reason=not_applicable.get(role, ""),
        )
    director = people.user("director")
    if getattr(director, "officer", None) != report.director:
        director = people.user("democratic")
    approval_record(report=report, role=Approval.Role.DIRECTOR, by=director, officer=report.director)
