"""What goes on one demo agenda, and when: `meetings.demo_agendas` plans each meeting and calls these.

Every step goes through the services with the clock set to the moment it would have happened
(`at`), so what they record is dated then and their checks (R1, R2, R3) see that day.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from council.demo import DemoDataError
from council.models import Committee, MunicipalYear
from council.working_days import working_day_calendar
from reports.models import Report

from .demo_data import agendas as data
from .demo_data import year_words
from .demo_minutes import clock, long_date, minutes_for_pack, minutes_title
from .demo_reports import DemoPeople, report_approve, report_draft, report_submit_for_approval
from .models import AgendaItem, AgendaTemplateEntry, Meeting, Part, StandardItem
from .services import (
    AgendaError,
    agenda_item_add,
    agenda_item_remove,
    agenda_item_set_part,
    agenda_publish,
    agenda_reorder,
    meeting_set_status,
    meeting_update,
    supplementary_agenda_publish,
)

CLERK = "democratic"  # the demo log-in of democratic services, who build and publish every agenda
READY = (Report.Status.APPROVED, Report.Status.PUBLISHED)
ATTACHABLE = (*READY, Report.Status.DRAFT, Report.Status.SUBMITTED, Report.Status.RETURNED)


@contextmanager
def clock_at(when: datetime):
    """Run the block with the clock stopped at `when`."""
    try:
        import time_machine  # a development requirement, as the demo is
    except ImportError as error:
        raise DemoDataError(
            "The demo agendas need time-machine: pip install -r requirements-dev.txt"
        ) from error
    with time_machine.travel(when, tick=False):
        yield


def on(day: date, hour: int, minute: int = 0) -> datetime:
    """`hour`:`minute` on `day`, local time."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@dataclass
class AgendaPlan:
    """What the demo wants of one meeting's agenda."""

    meeting: Meeting
    publish_at: datetime | None = None  # None: a draft, for now
    previous: Meeting | None = None  # the body's last meeting before this one (not postponed)
    following: Meeting | None = None  # and its next
    extra_reports: list[Report] = field(
        default_factory=list
    )  # other bodies' reports, for pre-decision scrutiny

    @property
    def draft_at(self) -> datetime | None:
        """When the clerk lays out an agenda that goes out: a week before it does."""
        return self.publish_at - timedelta(days=7, hours=1) if self.publish_at else None


class DemoDay:
    """What every step of the agendas' demo shares: the day it is loaded for, the log-ins, the calendar."""

    def __init__(self, today: date):
        self.today = today
        morning = on(today, 8)
        # "Now" for what the clerk does today: this morning, or the real time if that is earlier today.
        self.now = min(timezone.now(), morning) if timezone.localdate() == today else morning
        self.people = DemoPeople()
        self.clerk = self.people.user(CLERK)
        self.calendar = working_day_calendar()
        self.year = MunicipalYear.objects.filter(start_date__lte=today).order_by("-start_date").first()
        if self.year is None:
            raise DemoDataError("The demo agendas need the current municipal year.")
        self.committees = {c.slug: c for c in Committee.objects.filter(slug__in=data.TEMPLATES)}
        self.added_reports = 0
        self.big_meeting: Meeting | None = None  # the next Cabinet meeting, whose pack is the biggest

    def at(self, when: datetime):
        """The clock at `when`, but never later than now."""
        return clock_at(min(when, self.now))


# -- Building, publishing, holding -----------------------------------------------------------------------


def _upload(name: str, pdf: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf, "application/pdf")


def _minutes_kwargs(demo: DemoDay, plan: AgendaPlan, minuted: Meeting) -> dict:
    """The document and link of a minutes item: a PDF of the minutes once the meeting has been held, on
    an agenda that is going out; a draft agenda waits for them."""
    if plan.publish_at is None or minuted.date >= demo.today:
        return {}
    pdf = minutes_for_pack(minuted)
    return {
        "document": _upload(f"minutes-{minuted.committee.slug}-{minuted.date}.pdf", pdf),
        "minutes_of": minuted,
    }


def _add_template_items(demo: DemoDay, plan: AgendaPlan) -> dict[int, AgendaItem]:
    """The template's standard items and headings, by template entry: the minutes of the previous
    meeting dated (and, for some bodies, attached), the next meeting's date given."""
    meeting = plan.meeting
    items = {}
    for entry in meeting.committee.agenda_template.order_by("position", "pk"):
        if entry.kind == AgendaTemplateEntry.Kind.REPORTS:
            continue
        if entry.kind == AgendaTemplateEntry.Kind.HEADING:
            items[entry.pk] = agenda_item_add(
                meeting=meeting,
                kind=AgendaItem.Kind.HEADING,
                title=entry.title,
                description=entry.preamble,
                by=demo.clerk,
            )
            continue
        values = {"title": entry.title, "description": entry.preamble}
        previous = plan.previous
        if entry.standard_item == StandardItem.PREVIOUS_MINUTES and previous and previous.date < demo.today:
            values["title"] = minutes_title(entry.title or StandardItem.PREVIOUS_MINUTES.label, previous)
            if meeting.committee.slug in data.MINUTES_IN_PACK:
                values |= _minutes_kwargs(demo, plan, previous)
        if entry.standard_item == StandardItem.NEXT_MEETING and plan.following:
            following = plan.following
            values["description"] = f"{long_date(following.date)} at {clock(following.start_time)}"
        items[entry.pk] = agenda_item_add(
            meeting=meeting,
            kind=AgendaItem.Kind.STANDARD,
            standard_item=entry.standard_item,
            by=demo.clerk,
            **values,
        )
    return items


def _add_business(demo: DemoDay, plan: AgendaPlan) -> list[AgendaItem]:
    """The body's regular business and one of its topics, in turn."""
    meeting = plan.meeting
    slug = meeting.committee.slug
    topics = data.TOPICS.get(slug, [])
    number = Meeting.objects.filter(committee=meeting.committee, date__lt=meeting.date).count()
    business = [*data.REGULAR_BUSINESS.get(slug, []), *([topics[number % len(topics)]] if topics else [])]
    words = year_words(demo.year.start_date.year)
    return [
        agenda_item_add(
            meeting=meeting,
            kind=AgendaItem.Kind.OTHER,
            title=title.format_map(words),
            description=description,
            by=demo.clerk,
        )
        for title, description in business
    ]


def _add_minutes_for_information(demo: DemoDay, plan: AgendaPlan) -> list[AgendaItem]:
    """A sub-panel's minutes since the body last met, for information (once they exist)."""
    meeting = plan.meeting
    noted = data.MINUTES_FOR_INFORMATION.get(meeting.committee.slug)
    if not noted or plan.publish_at is None:
        return []
    since = plan.previous.date if plan.previous else demo.year.start_date
    minuted = (
        Meeting.objects.filter(
            committee__slug=noted, status=Meeting.Status.HELD, date__gte=since, date__lt=meeting.date
        )
        .select_related("committee")
        .order_by("date")
        .last()
    )
    if minuted is None:
        return []
    item = agenda_item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.MINUTES,
        title=minutes_title(f"Minutes of the {minuted.committee.name}", minuted),
        description="For information.",
        by=demo.clerk,
        **_minutes_kwargs(demo, plan, minuted),
    )
    return [item]


def _add_reports(demo: DemoDay, plan: AgendaPlan, reports: list[Report]) -> dict[int, AgendaItem]:
    return {
        report.pk: agenda_item_add(
            meeting=plan.meeting, kind=AgendaItem.Kind.REPORTS, reports=[report], by=demo.clerk
        )
        for report in reports
    }


def build(demo: DemoDay, plan: AgendaPlan) -> None:
    """The agenda as the clerk lays it out: the template's items in its order, the business and the
    reports where the template puts reports, pre-decision scrutiny under its heading, exempt reports in
    Part B. Only approved reports go on an agenda that is going out."""
    meeting = plan.meeting
    allowed = READY if plan.publish_at else ATTACHABLE
    scrutinised = [r for r in plan.extra_reports if r.status in allowed]
    own = list(
        Report.objects.filter(
            committee=meeting.committee, meeting_date=meeting.date, status__in=allowed
        ).order_by("pk")
    )
    with demo.at(plan.draft_at or demo.now):
        template_items = _add_template_items(demo, plan)
        business = _add_business(demo, plan)
        report_items = _add_reports(demo, plan, [*scrutinised, *own])
        for_information = _add_minutes_for_information(demo, plan)
        order = []
        for entry in meeting.committee.agenda_template.order_by("position", "pk"):
            if entry.kind == AgendaTemplateEntry.Kind.REPORTS:
                order += [*business, *(report_items[r.pk] for r in own), *for_information]
                continue
            order.append(template_items[entry.pk])
            if entry.kind == AgendaTemplateEntry.Kind.HEADING and "pre-decision" in entry.title.lower():
                order += [report_items[r.pk] for r in scrutinised]
        agenda_reorder(meeting=meeting, part=Part.A, item_ids=[item.pk for item in order], by=demo.clerk)
        for report in [*scrutinised, *own]:
            if report.is_exempt:
                agenda_item_set_part(
                    item=report_items[report.pk],
                    part=Part.B,
                    exempt_paragraphs=report.exempt_paragraphs,
                    by=demo.clerk,
                )
        if briefing := data.PRE_BRIEFINGS.get(meeting.committee.slug):
            minutes_before, where = briefing
            starts = datetime.combine(meeting.date, meeting.start_time) - timedelta(minutes=minutes_before)
            note = f"There will be a pre-briefing for members at {clock(starts.time())} in {where}."
            meeting_update(meeting=meeting, pre_briefing_note=note, by=demo.clerk)


def publish(demo: DemoDay, plan: AgendaPlan) -> None:
    """Publish on the planned day; items whose reports were not approved in time are taken off first."""
    meeting = plan.meeting
    with demo.at(plan.publish_at):
        for item in meeting.items.filter(kind=AgendaItem.Kind.REPORTS).prefetch_related(
            "report_links__report"
        ):
            if any(link.report.status not in READY for link in item.report_links.all()):
                agenda_item_remove(item=item, by=demo.clerk)
        try:
            agenda_publish(meeting=meeting, by=demo.clerk)
        except AgendaError as error:
            raise DemoDataError(f"The demo could not publish the agenda of {meeting}: {error}") from error


def call_in(demo: DemoDay, plan: AgendaPlan) -> None:
    """A call-in arrives after the agenda went out: a late item (R2) on a supplementary agenda."""
    spec = data.CALL_IN_REPORT
    if Report.objects.filter(title=spec["title"]).exists():
        return
    meeting = plan.meeting
    day = demo.calendar.add_working_days(plan.publish_at.date(), 1)
    with demo.at(on(day, 8, 30)):
        report = report_draft(
            demo.people,
            spec,
            committee=meeting.committee,
            meeting_date=meeting.date,
            start_year=demo.year.start_date.year,
        )
        report_submit_for_approval(demo.people, spec, report)
    with demo.at(on(day, 9)):
        report_approve(demo.people, spec, report)
    with demo.at(on(day, 9, 30)):
        agenda_item_add(
            meeting=meeting,
            kind=AgendaItem.Kind.REPORTS,
            reports=[report],
            urgency_reason=data.CALL_IN_URGENCY,
            by=demo.clerk,
        )
    with demo.at(on(day, 12)):
        supplementary_agenda_publish(meeting=meeting, by=demo.clerk)
    demo.added_reports += 1


def reopen(meeting: Meeting) -> None:
    """Open a meeting already marked held (loaded before its agenda was) until its agenda has gone out.
    Only the demo writes a status directly, to replay the past; `hold` marks it held again."""
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.SCHEDULED)
    meeting.status = Meeting.Status.SCHEDULED


def hold(demo: DemoDay, meeting: Meeting) -> None:
    """Mark the meeting held, that evening."""
    evening = datetime.combine(meeting.date, meeting.start_time) + timedelta(hours=3)
    with demo.at(timezone.make_aware(evening)):
        meeting_set_status(meeting=meeting, status=Meeting.Status.HELD, by=demo.clerk)
    meeting.status = Meeting.Status.HELD  # the plans share this instance: the next meeting's minutes read it
