"""Reads of meetings that pages share. What a reader may see of an agenda (R4) is decided by
`meetings.visibility`, which every read here asks."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from council.models import Committee
from council.selectors import today
from reports.models import Appendix, Report
from reports.selectors import reports_visible_to

from .agenda import AgendaEntry, numbered_agenda
from .models import (
    AgendaChange,
    AgendaItem,
    AgendaItemReport,
    AgendaPack,
    Meeting,
    PackBuild,
    Part,
    SupplementaryAgenda,
)
from .visibility import (
    appendix_is_shown_to,
    audience_for_meeting,
    change_summary_for,
    item_description_for,
    item_document_is_shown_to,
    item_is_private_to,
    item_title_for,
    item_urgency_for,
    pack_is_shown_to,
    report_is_shown_on_item,
    report_title_for,
)


def meetings_upcoming(*, from_date: date | None = None, limit: int = 10) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(date__gte=from_date or today())
        .select_related("committee")
        .order_by("date", "start_time")[:limit]
    )


def meetings_recent(*, before: date | None = None, limit: int = 10) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(date__lt=before or today())
        .select_related("committee")
        .order_by("-date", "-start_time")[:limit]
    )


def committee_meetings(*, committee: Committee) -> tuple[list[Meeting], list[Meeting]]:
    """(upcoming, past) meetings of one committee; upcoming soonest first, past latest first."""
    on = today()
    meetings = list(Meeting.objects.filter(committee=committee).order_by("date", "start_time"))
    upcoming = [m for m in meetings if m.date >= on]
    past = [m for m in reversed(meetings) if m.date < on]
    return upcoming, past


def agenda_changes_with_items() -> QuerySet[AgendaChange]:
    """Changes with what `visibility.change_summary_for` reads to name their item (its reports)."""
    return AgendaChange.objects.select_related("item").prefetch_related("item__report_links__report")


def meeting_for_display(pk: int) -> Meeting:
    """A meeting with everything its public page reads, in a fixed number of queries however long
    the agenda: its published items (withdrawn ones too, for the changes list) with their reports
    and uploaded appendices, supplementary agendas, packs, the changes since publication, and
    whether a pack build is waiting or running (`pack_build_active`).

    Raises `Meeting.DoesNotExist`.
    """
    appendices = (
        Appendix.objects.filter(kind=Appendix.Kind.UPLOADED).exclude(file="").order_by("position", "pk")
    )
    links = (
        AgendaItemReport.objects.select_related("report")
        .prefetch_related(Prefetch("report__appendices", queryset=appendices, to_attr="uploaded_appendices"))
        .order_by("position", "pk")
    )
    items = (
        AgendaItem.objects.filter(published_at__isnull=False)
        .select_related("supplement")
        .prefetch_related(Prefetch("report_links", queryset=links))
    )
    # Waiting, or running and alive, and not overtaken by a later build that succeeded.
    building = PackBuild.objects.updating_packs().filter(meeting=OuterRef("pk"))
    return (
        Meeting.objects.select_related("committee")
        .annotate(pack_build_active=Exists(building))
        .prefetch_related(
            Prefetch("items", queryset=items, to_attr="published_items"),
            Prefetch("supplements", queryset=SupplementaryAgenda.objects.order_by("number")),
            Prefetch("packs", queryset=AgendaPack.objects.select_related("supplement")),
            Prefetch("agenda_changes", queryset=agenda_changes_with_items().order_by("made_at", "pk")),
        )
        .get(pk=pk)
    )


@dataclass
class ReportOnAgenda:
    """A report of an item as this reader sees it: linked if they may open it, otherwise only its
    (possibly withheld) title and the paragraph it is exempt under."""

    report: Report
    title: str
    is_open: bool
    appendices: list[Appendix] = field(default_factory=list)
    exempt_reference: str = ""


@dataclass
class ItemOnAgenda:
    entry: AgendaEntry
    title: str
    description: str = ""
    urgency_reason: str = ""  # "" where the reader may not see why it is urgent (R4)
    reports: list[ReportOnAgenda] = field(default_factory=list)
    exempt_reference: str = ""  # a Part B item: the Schedule 12A paragraph(s)
    document_is_open: bool = False

    @property
    def item(self) -> AgendaItem:
        return self.entry.item

    @property
    def number(self) -> int | None:
        return self.entry.number

    @property
    def is_heading(self) -> bool:
        return self.entry.number is None


@dataclass
class AgendaSection:
    heading: ItemOnAgenda | None
    items: list[ItemOnAgenda] = field(default_factory=list)


@dataclass
class AgendaPartOnPage:
    part: str
    sections: list[AgendaSection] = field(default_factory=list)

    @property
    def is_exempt(self) -> bool:
        return self.part == Part.B


@dataclass
class PackOnPage:
    pack: AgendaPack

    @property
    def is_confidential(self) -> bool:
        return self.pack.variant == AgendaPack.Variant.CONFIDENTIAL

    @property
    def name(self) -> str:
        name = "Confidential agenda pack" if self.is_confidential else "Agenda pack"
        if self.pack.supplement_id:
            name = f"{name} for supplementary agenda {self.pack.supplement.number}"
        return name

    @property
    def label(self) -> str:
        """ "Agenda pack (PDF, 312 pages, 4.2 MB)" """
        pages = self.pack.page_count
        return (
            f"{self.name} (PDF, {pages} page{'s' if pages != 1 else ''}, {file_size(self.pack.size_bytes)})"
        )


@dataclass
class SupplementOnPage:
    supplement: SupplementaryAgenda
    items: list[ItemOnAgenda]
    packs: list[PackOnPage]


@dataclass
class ChangeOnPage:
    made_at: datetime
    summary: str


@dataclass
class MeetingAgenda:
    """A published agenda as one reader may see it (R4 applied)."""

    parts: list[AgendaPartOnPage]
    packs: list[PackOnPage]
    supplements: list[SupplementOnPage]
    changes: list[ChangeOnPage]
    pack_build_active: bool
    confidential: bool


def exempt_reference(paragraphs: list[int]) -> str:
    """ "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972" (R4)."""
    return Report(exempt_paragraphs=list(paragraphs)).exempt_paragraphs_display


def file_size(size_bytes: int) -> str:
    """ "4.2 MB", "312 KB": the size a reader weighs before downloading."""
    if size_bytes >= 1024 * 1024:
        return f"{size_bytes / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size_bytes / 1024))} KB"


def _report_on_agenda(report: Report, *, is_open: bool, audience) -> ReportOnAgenda:
    reference = exempt_reference(report.exempt_paragraphs) if report.is_exempt else ""
    title = report_title_for(report, audience)
    if not is_open:
        return ReportOnAgenda(report=report, title=title, is_open=False, exempt_reference=reference)
    appendices = [
        a for a in report.uploaded_appendices if appendix_is_shown_to(a, report=report, audience=audience)
    ]
    return ReportOnAgenda(
        report=report, title=title, is_open=True, appendices=appendices, exempt_reference=reference
    )


def _item_on_agenda(entry: AgendaEntry, *, visible: set[int], audience) -> ItemOnAgenda:
    """An item as `audience` may see it: every choice is `meetings.visibility`'s (R4)."""
    item = entry.item
    reports = [link.report for link in item.report_links.all()]
    shown = ItemOnAgenda(
        entry=entry,
        title=item_title_for(item, reports, audience),
        description=item_description_for(item, reports, audience),
        urgency_reason=item_urgency_for(item, reports, audience),
        exempt_reference=exempt_reference(item.exempt_paragraphs) if item.part == Part.B else "",
        document_is_open=item_document_is_shown_to(item, audience),
    )
    if item_is_private_to(item, audience):
        return shown  # the public learn only that the item is exempt, and why
    for report in reports:
        # A report the reader may open is linked; an exempt one is named (as far as its title may be)
        # with its paragraph; a report nobody published is simply not listed.
        is_open = report.pk in visible and report_is_shown_on_item(item, report, audience)
        if is_open or report.is_exempt:
            on_agenda = _report_on_agenda(report, is_open=is_open, audience=audience)
            if item.part == Part.B:
                on_agenda.exempt_reference = ""  # the item says it already
            shown.reports.append(on_agenda)
    return shown


def _sections(items: list[ItemOnAgenda]) -> list[AgendaPartOnPage]:
    parts: list[AgendaPartOnPage] = []
    for shown in items:
        if not parts or parts[-1].part != shown.item.part:
            parts.append(AgendaPartOnPage(part=shown.item.part, sections=[AgendaSection(heading=None)]))
        sections = parts[-1].sections
        if shown.is_heading:
            sections.append(AgendaSection(heading=shown))
        else:
            sections[-1].items.append(shown)
    for part in parts:  # no empty opening section before a part's first heading
        part.sections = [s for s in part.sections if s.heading is not None or s.items]
    return parts


def meeting_agenda_for(meeting: Meeting, user) -> MeetingAgenda:
    """The published agenda of a meeting loaded with `meeting_for_display`, as `user` may see it.

    What the reader's audience may see is `meetings.visibility`'s to say (R4): the public see Part A
    with its open reports and the public packs; a Part B item shows only its title (or "Exempt item"
    when a report's title is itself exempt) and its paragraph. Councillors and staff see everything,
    with the confidential packs. One query for the reports this reader may open.
    """
    audience = audience_for_meeting(user, meeting)
    published = meeting.published_items
    report_ids = {link.report_id for item in published for link in item.report_links.all()}
    visible = (
        set(reports_visible_to(user).filter(pk__in=report_ids).values_list("pk", flat=True))
        if report_ids
        else set()
    )
    items = [_item_on_agenda(e, visible=visible, audience=audience) for e in numbered_agenda(published)]
    packs = [
        PackOnPage(pack)
        for pack in sorted(meeting.packs.all(), key=lambda p: (p.variant != AgendaPack.Variant.PUBLIC, p.pk))
        if pack_is_shown_to(pack.variant, audience)
    ]
    supplements = [
        SupplementOnPage(
            supplement=supplement,
            items=[i for i in items if not i.is_heading and i.item.supplement_id == supplement.pk],
            packs=[p for p in packs if p.pack.supplement_id == supplement.pk],
        )
        for supplement in meeting.supplements.all()
    ]
    return MeetingAgenda(
        parts=_sections(items),
        packs=[p for p in packs if p.pack.supplement_id is None],
        supplements=supplements,
        changes=[
            ChangeOnPage(made_at=c.made_at, summary=change_summary_for(c, audience))
            for c in meeting.agenda_changes.all()
        ],
        pack_build_active=meeting.pack_build_active,
        confidential=audience.sees_exempt,
    )
