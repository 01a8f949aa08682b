"""Reads for the staff meeting pages, each a fixed number of queries however long the agenda is."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, Count, F, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone

from council.models import Committee
from council.uploads import size_in_words
from council.working_days import WorkingDayCalendar, working_day_calendar
from reports.models import Report

from ..agenda import AgendaEntry, numbered_agenda
from ..forms import ReportChoices
from ..models import AgendaChange, AgendaItem, AgendaItemReport, AgendaPack, Meeting, PackBuild, Part
from ..publication import PublicationDeadline, item_is_late, publication_deadline
from ..selectors import agenda_changes_with_items
from ..services import agenda_missing
from ..visibility import Audience, change_summary_for

# Other bodies' reports offered for this agenda: those for meetings around its date.
OTHER_REPORTS_WINDOW = timedelta(days=120)


@dataclass
class Deadline:
    """R1 (or R3) for the page: the rule in words and the working days left (negative: overdue)."""

    publication: PublicationDeadline
    days_left: int

    @property
    def days_overdue(self) -> int:
        return -self.days_left


def deadline_for(meeting: Meeting, *, today: date, calendar: WorkingDayCalendar) -> Deadline:
    publication = publication_deadline(meeting, calendar=calendar)
    return Deadline(publication, calendar.working_days_remaining(today, publication.deadline))


@dataclass
class BuilderRow:
    """One line of the builder: the numbered entry and what the clerk needs to see about it."""

    entry: AgendaEntry
    is_late: bool  # R2: published (or publishing today) after its papers were due
    is_pending: bool  # added after the agenda was published: waits for a supplementary agenda
    first_in_part: bool
    last_in_part: bool

    @property
    def item(self) -> AgendaItem:
        return self.entry.item


@dataclass
class BuilderPart:
    part: str
    rows: list[BuilderRow]

    @property
    def title(self) -> str:
        return Part(self.part).label


def agenda_items(meeting: Meeting) -> list[AgendaItem]:
    """Every item of the meeting with what the builder shows of it, in three queries."""
    links = AgendaItemReport.objects.select_related("report__committee", "version").order_by("position", "pk")
    return list(
        meeting.items.select_related("minutes_of__committee", "supplement").prefetch_related(
            Prefetch("report_links", queryset=links)
        )
    )


def builder_parts(
    meeting: Meeting, items: list[AgendaItem], *, deadline: Deadline, today: date
) -> list[BuilderPart]:
    """Part A and Part B (always both, so either can be dropped into), numbered as the papers are."""
    parts = {Part.A: BuilderPart(Part.A, []), Part.B: BuilderPart(Part.B, [])}
    for entry in numbered_agenda(items):
        item = entry.item
        published_on = timezone.localdate(item.published_at) if item.published_at else today
        parts[item.part].rows.append(
            BuilderRow(
                entry=entry,
                is_late=item_is_late(item, deadline=deadline.publication, published_on=published_on),
                is_pending=meeting.agenda_is_published and not item.is_published,
                first_in_part=False,
                last_in_part=False,
            )
        )
    for part in parts.values():
        if part.rows:
            part.rows[0].first_in_part = True
            part.rows[-1].last_in_part = True
    return list(parts.values())


def report_choices(meeting: Meeting) -> ReportChoices:
    """Reports that can go on this agenda: not withdrawn, not on it already. The committee's own
    unpublished reports (approved first), and other bodies' reports for meetings near its date."""
    on_agenda = AgendaItemReport.objects.filter(item__meeting=meeting).values("report")
    candidates = (
        Report.objects.exclude(status=Report.Status.WITHDRAWN)
        .exclude(pk__in=on_agenda)
        .select_related("committee")
        .annotate(
            approved_first=Case(
                When(status=Report.Status.APPROVED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
    )
    own = candidates.filter(committee=meeting.committee).exclude(
        status=Report.Status.PUBLISHED, meeting_date__lt=meeting.date
    )
    others = candidates.exclude(committee=meeting.committee).filter(
        meeting_date__range=(meeting.date - OTHER_REPORTS_WINDOW, meeting.date + OTHER_REPORTS_WINDOW)
    )
    return ReportChoices(
        own=list(own.order_by("approved_first", "meeting_date", "title")),
        others=list(others.order_by("committee__name", "approved_first", "meeting_date", "title")),
    )


def minutes_meetings(meeting: Meeting) -> QuerySet[Meeting]:
    """Meetings whose minutes might come to this one for information: the year before it."""
    return (
        Meeting.objects.filter(date__lt=meeting.date, date__gte=meeting.date - timedelta(days=366))
        .select_related("committee")
        .order_by("-date", "committee__name")
    )


@dataclass
class PackRow:
    pack: AgendaPack

    @property
    def size(self) -> str:
        return size_in_words(self.pack.size_bytes)

    @property
    def label(self) -> str:
        which = str(self.pack.supplement) if self.pack.supplement_id else "Agenda"
        public = self.pack.variant == AgendaPack.Variant.PUBLIC
        return f"{which}: {'public' if public else 'confidential'} pack"

    @property
    def url(self) -> str:
        """The pack's public address (the confidential ones check who asks)."""
        pack = self.pack
        confidential = pack.variant == AgendaPack.Variant.CONFIDENTIAL
        if pack.supplement_id:
            name = "meetings:supplement_pack_confidential" if confidential else "meetings:supplement_pack"
            return reverse(name, args=[pack.meeting_id, pack.supplement.number])
        return reverse(
            "meetings:pack_confidential" if confidential else "meetings:pack", args=[pack.meeting_id]
        )


def latest_build(meeting: Meeting) -> PackBuild | None:
    return meeting.pack_builds.order_by("-requested_at", "-pk").first()


def current_packs(meeting: Meeting) -> list[PackRow]:
    """The main agenda's packs, then each supplementary agenda's; the public pack first."""
    packs = meeting.packs.select_related("supplement").order_by(
        F("supplement__number").asc(nulls_first=True), "-variant"
    )
    return [PackRow(pack) for pack in packs]


def agenda_changes(meeting: Meeting) -> list[AgendaChange]:
    """The changes list as democratic services read it (each with `shown`, its summary: R4)."""
    changes = list(
        agenda_changes_with_items()
        .filter(meeting=meeting)
        .select_related("made_by")
        .order_by("-made_at", "-pk")
    )
    for change in changes:
        change.shown = change_summary_for(change, Audience.DEMOCRATIC_SERVICES)
    return changes


@dataclass
class AgendaBuilderPage:
    meeting: Meeting
    items: list[AgendaItem]
    parts: list[BuilderPart]
    deadline: Deadline
    missing: list[str]
    pending: list[AgendaEntry]
    supplements: list
    changes: list[AgendaChange]

    @property
    def next_supplement_number(self) -> int:
        return len(self.supplements) + 1

    @property
    def has_items(self) -> bool:
        return any(item.is_numbered and not item.is_withdrawn for item in self.items)


def agenda_builder_page(meeting: Meeting, *, today: date) -> AgendaBuilderPage:
    items = agenda_items(meeting)
    deadline = deadline_for(meeting, today=today, calendar=working_day_calendar())
    parts = builder_parts(meeting, items, deadline=deadline, today=today)
    pending = [row.entry for part in parts for row in part.rows if row.is_pending]
    return AgendaBuilderPage(
        meeting=meeting,
        items=items,
        parts=parts,
        deadline=deadline,
        missing=agenda_missing(items),
        pending=pending,
        supplements=list(meeting.supplements.select_related("published_by")),
        changes=agenda_changes(meeting) if meeting.agenda_is_published else [],
    )


@dataclass
class MeetingRow:
    meeting: Meeting
    deadline: Deadline

    @property
    def build_status(self) -> str:
        status = self.meeting.latest_build_status
        return PackBuild.Status(status).label if status else ""


def meetings_for_staff(*, committee: Committee | None, past: bool, today: date) -> QuerySet[Meeting]:
    """Upcoming meetings soonest first, or past ones latest first, with their supplementary agendas
    counted and their latest pack build's status."""
    latest = (
        PackBuild.objects.filter(meeting=OuterRef("pk")).order_by("-requested_at", "-pk").values("status")[:1]
    )
    meetings = Meeting.objects.select_related("committee").annotate(
        supplement_count=Count("supplements", distinct=True), latest_build_status=Subquery(latest)
    )
    if committee is not None:
        meetings = meetings.filter(committee=committee)
    if past:
        return meetings.filter(date__lt=today).order_by("-date", "-start_time")
    return meetings.filter(date__gte=today).order_by("date", "start_time")


def meeting_rows(meetings, *, today: date) -> list[MeetingRow]:
    calendar = working_day_calendar()
    return [
        MeetingRow(meeting, deadline_for(meeting, today=today, calendar=calendar)) for meeting in meetings
    ]
