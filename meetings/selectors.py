"""Reads of meetings that pages share. What a reader may see of an agenda (R4) is decided here, once."""

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
from .rules import can_read_confidential_pack

EXEMPT_ITEM = "Exempt item"
EXEMPT_REPORT = "Exempt report"


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
            Prefetch("agenda_changes", queryset=AgendaChange.objects.order_by("made_at", "pk")),
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


def _report_on_agenda(report: Report, *, is_open: bool, confidential: bool) -> ReportOnAgenda:
    reference = exempt_reference(report.exempt_paragraphs) if report.is_exempt else ""
    if not is_open:
        title = EXEMPT_REPORT if report.title_is_exempt and not confidential else report.title
        return ReportOnAgenda(report=report, title=title, is_open=False, exempt_reference=reference)
    appendices = [a for a in report.uploaded_appendices if confidential or not a.is_exempt]
    return ReportOnAgenda(
        report=report, title=report.title, is_open=True, appendices=appendices, exempt_reference=reference
    )


def _item_on_agenda(entry: AgendaEntry, *, visible: set[int], confidential: bool) -> ItemOnAgenda:
    item = entry.item
    reports = [link.report for link in item.report_links.all()]
    in_private = item.part == Part.B
    title_withheld = not confidential and any(r.title_is_exempt for r in reports)
    shown = ItemOnAgenda(
        entry=entry,
        title=EXEMPT_ITEM if title_withheld else item.title,
        exempt_reference=exempt_reference(item.exempt_paragraphs) if in_private else "",
        document_is_open=bool(item.document) and (confidential or not in_private),
    )
    if in_private and not confidential:
        return shown  # R4: the public learn only that the item is exempt, and why
    for report in reports:
        is_open = report.pk in visible
        if is_open or report.is_exempt:  # a report nobody published is simply not listed
            on_agenda = _report_on_agenda(report, is_open=is_open, confidential=confidential)
            if in_private:
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


def _changes(changes: list[AgendaChange], withheld_titles: set[str]) -> list[ChangeOnPage]:
    """R4 backstop: a change recorded with an exempt title ("Item 9 withdrawn: …") reads "Exempt item"."""
    shown = []
    for change in changes:
        summary = change.summary
        for title in sorted(withheld_titles, key=len, reverse=True):
            summary = summary.replace(title, EXEMPT_ITEM)
        shown.append(ChangeOnPage(made_at=change.made_at, summary=summary))
    return shown


def meeting_agenda_for(meeting: Meeting, user) -> MeetingAgenda:
    """The published agenda of a meeting loaded with `meeting_for_display`, as `user` may see it.

    The public see Part A with its open reports and the public packs; a Part B item shows only its
    title (or "Exempt item" when a report's title is itself exempt) and its paragraph. Councillors and
    staff see everything, with the confidential packs. One query for the reports this reader may open.
    """
    confidential = can_read_confidential_pack(user)
    published = meeting.published_items
    report_ids = {link.report_id for item in published for link in item.report_links.all()}
    visible = (
        set(reports_visible_to(user).filter(pk__in=report_ids).values_list("pk", flat=True))
        if report_ids
        else set()
    )
    items = [
        _item_on_agenda(e, visible=visible, confidential=confidential) for e in numbered_agenda(published)
    ]
    withheld = set()
    if not confidential:
        for item in published:
            reports = [link.report for link in item.report_links.all()]
            if any(r.title_is_exempt for r in reports):
                withheld |= {item.title} | {r.title for r in reports if r.title_is_exempt}
    packs = [
        PackOnPage(pack)
        for pack in sorted(meeting.packs.all(), key=lambda p: (p.variant != AgendaPack.Variant.PUBLIC, p.pk))
        if confidential or pack.variant == AgendaPack.Variant.PUBLIC
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
        changes=_changes(list(meeting.agenda_changes.all()), withheld),
        pack_build_active=meeting.pack_build_active,
        confidential=confidential,
    )
