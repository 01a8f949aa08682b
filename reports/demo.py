"""Load the demo council's reports (data in `reports.demo_data`) through the report services.

`ReportsConfig.demo_loader` names `load_demo`, so `council.demo` calls it after the organisation and the
meetings, in the same transaction. Each report is created, saved, submitted, approved, returned, withdrawn or
published by the demo log-ins, as officers would in the browser, so its versions and audit trail are real.

Reports are found by title: one that exists is left alone, so a second run adds nothing, not even an audit
entry. A report goes to a real meeting of its committee, chosen relative to the day the demo is loaded.
"""

from dataclasses import replace
from datetime import date, timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import format_html_join

from council.demo import DemoDataError
from council.models import Committee, Officer, Ward
from reports import demo_data as data
from reports.demo_data.steps import ALL_WARDS, LAST_HELD
from reports.models import Approval, Report
from reports.services import (
    RecommendationInput,
    approval_record,
    report_content,
    report_create,
    report_publish,
    report_return,
    report_save,
    report_submit,
    report_withdraw,
)

# The Approvals Obtained role each demo log-in signs for.
ROLE_OF_LOGIN = {
    "finance": Approval.Role.FINANCE,
    "legal": Approval.Role.LEGAL,
    "procurement": Approval.Role.PROCUREMENT,
    "hr": Approval.Role.HR,
    "director": Approval.Role.DIRECTOR,
}
# Approvals are dated a fortnight before the meeting, or today if that is still to come.
SIGNED_BEFORE_MEETING = timedelta(days=14)


class _Demo:
    """What the loader reads once: log-ins, officers, committees, wards and the meeting calendar."""

    def __init__(self, today: date):
        self.today = today
        self.users = {u.username: u for u in get_user_model().objects.select_related("officer")}
        self.officers = {o.name: o for o in Officer.objects.all()}
        self.committees = {c.slug: c for c in Committee.objects.all()}
        self.wards = {w.name: w for w in Ward.objects.all()}
        # Reports may import only `council` (conventions); meetings are read through the app registry.
        Meeting = apps.get_model("meetings", "Meeting")
        self.meetings: dict[str, list[tuple[date, str]]] = {}
        rows = Meeting.objects.filter(status__in=[Meeting.Status.HELD, Meeting.Status.SCHEDULED])
        for slug, day, status in rows.order_by("date").values_list("committee__slug", "date", "status"):
            self.meetings.setdefault(slug, []).append((day, status))

    def lookup(self, table: dict, key: str, what: str):
        if key not in table:
            raise DemoDataError(
                f"The demo reports name {what} “{key}”, which the demo council does not have."
            )
        return table[key]

    def meeting_date(self, slug: str, which: int) -> date:
        """`which` of the committee's meetings: 0 the next to be held, 1 the one after…, -1 the last held.

        Late in a municipal year there may be fewer meetings to come: then the last one loaded is used.
        """
        meetings = self.meetings.get(slug)
        if not meetings:
            raise DemoDataError(f"The committee “{slug}” has no demo meetings for its reports.")
        held = [day for day, status in meetings if status == "held" and day < self.today]
        to_come = [day for day, status in meetings if status == "scheduled" and day >= self.today]
        if which == LAST_HELD:
            return held[-1] if held else meetings[0][0]
        return to_come[min(which, len(to_come) - 1)] if to_come else meetings[-1][0]

    def meeting_after(self, slug: str, day: date) -> date | None:
        return next((d for d, _status in self.meetings.get(slug, []) if d > day), None)


def _paragraphs(texts: list[str]) -> str:
    return format_html_join("", "<p>{}</p>", ((text,) for text in texts))


def _recommendations(spec: dict) -> list[RecommendationInput]:
    style = spec.get("sub_point_style", "lettered")
    inputs = []
    for item in spec["recommendations"]:
        text, subs = (item, []) if isinstance(item, str) else item
        sub_points = [RecommendationInput(id=None, text=sub) for sub in subs]
        inputs.append(RecommendationInput(id=None, text=text, sub_point_style=style, sub_points=sub_points))
    return inputs


def _sections(report: Report, bodies: dict[str, list[str]]) -> dict[int, str]:
    positions = {section.title: section.position for section in report.sections.all()}
    unknown = sorted(set(bodies) - set(positions))
    if unknown:
        raise DemoDataError(f"“{report.title}” has no body section called {', '.join(unknown)}.")
    return {positions[title]: _paragraphs(texts) for title, texts in bodies.items()}


def _first_draft(demo: _Demo, report: Report, spec: dict):
    """The content of the report as its author first saves it."""
    accountable = [demo.lookup(demo.officers, name, "the officer") for name in spec["accountable"]]
    bodies = {
        **spec["sections"],
        "Accountable Officer(s)": [f"{o.name}, {o.job_title}" for o in accountable],
    }
    all_wards = spec["wards"] == ALL_WARDS
    exempt = spec.get("exempt")
    considerations = []
    for slug in spec.get("considered_by", []):
        committee = demo.lookup(demo.committees, slug, "the committee")
        considerations.append((committee, "", demo.meeting_after(slug, report.meeting_date)))
    return replace(
        report_content(report),
        is_key_decision=spec.get("key_decision", False),
        on_forward_plan=spec.get("on_forward_plan", False),
        council_approval_required=spec.get("council_approval_required", False),
        director=demo.lookup(demo.officers, spec["director"], "the director"),
        authors=[demo.lookup(demo.officers, name, "the author") for name in spec["authors"]],
        accountable_officers=accountable,
        affects_all_wards=all_wards,
        wards=[] if all_wards else [demo.lookup(demo.wards, name, "the ward") for name in spec["wards"]],
        is_exempt=exempt is not None,
        exempt_paragraphs=exempt["paragraphs"] if exempt else [],
        public_interest_reason=exempt["reason"] if exempt else "",
        summary=_paragraphs([spec["summary"]]),
        recommendations=_recommendations(spec),
        sections=_sections(report, bodies),
        background_papers=list(spec["background_papers"]),
        considerations=considerations,
    )


def _edited(report: Report, changes: dict):
    """The report's current content with an edit from the story applied."""
    content = report_content(report)
    if "summary" in changes:
        content.summary = _paragraphs([changes["summary"]])
    for number, text in changes.get("recommendations", {}).items():
        content.recommendations[number - 1].text = text
    content.sections = _sections(report, changes.get("sections", {}))
    return content


def _approve(demo: _Demo, report: Report, login: str, reason: str = "") -> None:
    role = ROLE_OF_LOGIN[login]
    by, officer = demo.users[login], None
    if role == Approval.Role.DIRECTOR:
        # The named director signs; one without a demo log-in is recorded by democratic services.
        officer = report.director
        if getattr(by, "officer", None) != officer:
            by = demo.users["democratic"]
    approval_record(
        report=report,
        role=role,
        by=by,
        officer=officer,
        # Never after the real today either: the service refuses approvals dated in the future,
        # and the demo may be loaded "as of" a later day (tests pin `today`).
        decided_on=min(demo.today, report.meeting_date - SIGNED_BEFORE_MEETING, timezone.localdate()),
        not_applicable_reason=reason,
    )


def _tell(demo: _Demo, report: Report, step: tuple) -> None:
    action, login, *rest = step
    by = demo.lookup(demo.users, login, "the log-in")
    if action == "edit":
        note, changes = rest
        content = _edited(report, changes)
        report_save(report=report, content=content, expected_revision=report.revision, by=by, note=note)
    elif action == "submit":
        report_submit(report=report, by=by)
    elif action in ("approve", "not applicable"):
        _approve(demo, report, login, *rest)
    elif action == "return":
        report_return(report=report, by=by, reason=rest[0])
    elif action == "withdraw":
        report_withdraw(report=report, by=by, reason=rest[0])
    elif action == "publish":
        report_publish(report=report, by=by)
    else:
        raise DemoDataError(f"“{report.title}”: unknown step {action!r}.")


def _report_load(demo: _Demo, spec: dict) -> Report:
    by = demo.lookup(demo.users, spec["created_by"], "the log-in")
    committee = demo.lookup(demo.committees, spec["committee"], "the committee")
    report = report_create(
        committee=committee,
        meeting_date=demo.meeting_date(committee.slug, spec["meeting"]),
        title=spec["title"],
        by=by,
    )
    content = _first_draft(demo, report, spec)
    report_save(report=report, content=content, expected_revision=report.revision, by=by, note="First draft")
    for step in spec["story"]:
        _tell(demo, report, step)
    return report


def load_demo(*, today: date, stdout=None) -> dict:
    """Create the demo reports that do not exist yet; returns {"reports": how many exist}."""
    titles = [spec["title"] for spec in data.REPORTS]
    if len(set(titles)) != len(titles):
        raise DemoDataError("Two demo reports share a title; titles identify them.")
    existing = set(Report.objects.filter(title__in=titles).values_list("title", flat=True))
    to_load = [spec for spec in data.REPORTS if spec["title"] not in existing]
    if to_load:
        demo = _Demo(today)
        for spec in to_load:
            _report_load(demo, spec)
    count = Report.objects.count()
    if stdout:
        stdout.write(f"Reports loaded: {count} in all, {len(to_load)} added.")
    return {"reports": count}
