"""Meetings and agendas made through the services, as democratic services makes them, and packs
read back as a reader sees them."""

import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from pypdf import PdfReader

from council.audience import Audience
from council.roles import Role
from meetings.agenda import numbered_agenda
from meetings.models import AgendaChange, AgendaItem, AgendaTemplateEntry, Meeting
from meetings.services import agenda_item_add, meeting_create
from meetings.visibility import change_summary_for
from reports.models import Appendix, Report
from reports.services import appendix_add, report_submit
from tests.factories import CommitteeFactory, UserFactory
from tests.reports.factories import approvals_complete, pdf_upload, report_approved, report_edit, report_ready

# A meeting on Tuesday 17 June 2025: R1 (five clear working days) needs its agenda out by Monday 9 June.
MEETING_DATE = date(2025, 6, 17)
R1_DEADLINE = date(2025, 6, 9)


def clerk():
    """A democratic services officer (no password: hashing one is the slowest part of a test)."""
    return UserFactory(first_name="Dana", last_name="Clerk", roles=[Role.DEMOCRATIC_SERVICES], password=None)


def convened(day: date, hour: int = 9) -> datetime:
    """An aware time on `day`, for `convened_at`: when a meeting was called (R3)."""
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def travel_to(time_machine, day: date, hour: int = 10) -> datetime:
    """Make it `hour` o'clock on `day` (London time) for the services, with the clock stopped, so the
    times they store can be compared exactly. Returns that time."""
    moment = convened(day, hour)
    time_machine.move_to(moment, tick=False)
    return moment


def meeting_called(
    *, committee=None, on: date, convened_at: datetime | None = None, by=None, **fields
) -> Meeting:
    """A meeting on `on`, convened long before (unless `convened_at` says otherwise), with its agenda
    started from the committee's template."""
    committee = committee or CommitteeFactory(default_venue="Town Hall, Committee Room 1")
    return meeting_create(
        committee=committee,
        date=on,
        convened_at=convened_at or convened(date(on.year - 1, 1, 5)),
        by=by or clerk(),
        **fields,
    )


def report_item(meeting: Meeting, *, report=None, by=None, **fields) -> AgendaItem:
    """A substantive item considering one approved report (made for the meeting's committee and date)."""
    report = report or report_approved(committee=meeting.committee, meeting_date=meeting.date)
    return agenda_item_add(
        meeting=meeting, kind=AgendaItem.Kind.REPORTS, reports=[report], by=by or clerk(), **fields
    )


def report_approved_with(*, upload_pages: int = 0, appendix_title: str = "Site plan", **content) -> Report:
    """An approved report made with the factory's `committee`, `meeting_date` and `title`, its content
    changed by `content` (ReportContent fields: summary, sections, is_exempt...) and, with
    `upload_pages`, "Appendix 1", an uploaded PDF of that many blank pages. All of it is done while
    the report is a draft: changing an approved report would send it back for approval."""
    factory_fields = {
        name: content.pop(name) for name in ("committee", "meeting_date", "title") if name in content
    }
    report = report_ready(**factory_fields)
    if content:
        report = report_edit(report, by=report.created_by, **content)
    if upload_pages:
        appendix_add(
            report=report,
            label="Appendix 1",
            title=appendix_title,
            kind=Appendix.Kind.UPLOADED,
            upload=pdf_upload(pages=upload_pages),
            by=report.created_by,
        )
        report.refresh_from_db()
    report_submit(report=report, by=report.created_by)
    return approvals_complete(report)


def agenda_template_of(committee, *lines) -> list[AgendaTemplateEntry]:
    """A committee's own agenda template from lines such as ("standard", "apologies"),
    ("heading", "For Decision") and ("reports", "")."""
    entries = []
    for position, (kind, value) in enumerate(lines, start=1):
        entry = AgendaTemplateEntry(committee=committee, position=position, kind=kind)
        if kind == AgendaTemplateEntry.Kind.STANDARD:
            entry.standard_item = value
        elif kind == AgendaTemplateEntry.Kind.HEADING:
            entry.title = value
        entry.full_clean()
        entry.save()
        entries.append(entry)
    return entries


def agenda_lines(meeting: Meeting) -> list[str]:
    """The agenda as it reads: "6. Title" for an item, the bare title for a heading, Part B marked."""
    lines = []
    for entry in numbered_agenda(meeting.items.all()):
        part = " [Part B]" if entry.item.part == "B" else ""
        lines.append(entry.label + part)
    return lines


# -- Reading packs back -----------------------------------------------------------------------------

_STAMP = re.compile(r"^Page (\d+)$", re.MULTILINE)
_PAGE_RANGE = re.compile(r"^(\d+)\. (.+?) \(Pages (\d+) - (\d+)\)$", re.MULTILINE)


@dataclass
class PackRead:
    """A pack PDF as a reader sees it: each page's text and the page each "Page N" stamp is on."""

    reader: PdfReader
    texts: list[str]

    @classmethod
    def of(cls, data: bytes) -> "PackRead":
        reader = PdfReader(io.BytesIO(data))
        return cls(reader=reader, texts=[page.extract_text() for page in reader.pages])

    @property
    def stamps(self) -> list[int | None]:
        """The number stamped on each page ("Page N"), None for an unnumbered page."""
        numbers = []
        for text in self.texts:
            found = [int(n) for n in _STAMP.findall(text)]
            assert len(found) <= 1, f"two stamps on one page: {text!r}"
            numbers.append(found[0] if found else None)
        return numbers

    def text_of(self, number: int) -> str:
        """The text of the page stamped "Page `number`"."""
        return self.texts[self.stamps.index(number)]

    def pages_with(self, phrase: str) -> list[int | None]:
        """The stamped numbers (None for the front sheet) of the pages whose text contains `phrase`,
        wherever its lines wrap."""
        return [
            n for n, text in zip(self.stamps, self.texts, strict=True) if phrase in " ".join(text.split())
        ]

    def first_page_with(self, phrase: str) -> int:
        """The stamped number of the first numbered page whose text contains `phrase`."""
        return next(n for n in self.pages_with(phrase) if n)

    @property
    def page_ranges(self) -> dict[int, tuple[str, int, int]]:
        """The front sheet's items with pages: {number: (title, first, last)}."""
        return {
            int(number): (title, int(first), int(last))
            for number, title, first, last in _PAGE_RANGE.findall(self.texts[0])
        }

    def links(self, index: int = 0) -> list[tuple[str, int | None]]:
        """The links on a page (the front sheet by default): (their text, the stamped number of the
        page they go to)."""
        pages = [page.indirect_reference.idnum for page in self.reader.pages]
        found = []
        for annotation in self.reader.pages[index].get("/Annots", []):
            link = annotation.get_object()
            if link["/Subtype"] == "/Link":
                target = pages.index(link["/Dest"][0].idnum)
                found.append((link.get("/Contents", ""), self.stamps[target]))
        return found

    @property
    def outline(self) -> list[tuple]:
        """The bookmarks as (title, stamped page number or None, children)."""

        def walk(entries):
            read = []
            for entry in entries:
                if isinstance(entry, list):
                    title, page, _ = read[-1]
                    read[-1] = (title, page, walk(entry))
                    continue
                index = self.reader.get_destination_page_number(entry)
                read.append((entry.title, self.stamps[index], []))
            return read

        return walk(self.reader.outline)


def run_queued_tasks() -> int:
    """Run every queued task the way `manage.py db_worker` does (its own `Worker.run_task`: claim,
    call, record the result), but without the worker's loop, which closes database connections and
    so, on PostgreSQL, the connection holding the test's transaction. Returns how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().filter(backend_name="default").first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


def public_changes(meeting=None) -> list[str]:
    """The changes list as the public read it (R4: `meetings.visibility.change_summary_for`)."""
    changes = AgendaChange.objects.select_related("item").order_by("made_at", "pk")
    if meeting is not None:
        changes = changes.filter(meeting=meeting)
    return [change_summary_for(change, Audience.PUBLIC) for change in changes]
