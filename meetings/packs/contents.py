"""What goes into a pack, in order: for every agenda item, the documents a reader of that pack may
see, or a notice where they may not (R4). Each pack is printed for one audience
(`visibility.PACK_AUDIENCE`), and every title, bookmark and document is as `meetings.visibility` lets
that audience see it.

- The public pack carries Part A. A Part B item, an exempt report and an exempt appendix are each
  replaced by one page saying the document is not for publication and under which paragraph.
- The confidential pack (members and officers) carries everything; every page of exempt material is
  marked "NOT FOR PUBLICATION" (the report template prints it on exempt reports; the pack stamps it on
  the rest).

Nothing here renders: `meetings.packs.build` turns these into PDFs.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from reports.models import Report
from reports.pdf import approvals_obtained, exempt_reference
from reports.selectors import report_for_display
from reports.snapshots import report_snapshot

from ..agenda import AgendaEntry, numbered_agenda
from ..models import AgendaItem, AgendaItemReport, AgendaPack, Meeting, Part, SupplementaryAgenda
from ..visibility import (
    PACK_AUDIENCE,
    Audience,
    appendix_is_shown_to,
    item_description_for,
    item_is_private_to,
    item_title_for,
    report_bookmark_for,
    report_is_shown_on_item,
    report_title_for,
)

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"


@dataclass
class PackDocument:
    """One document of an item. `kind` says how it becomes a PDF:

    - "report": a report (`snapshot`, `approvals`) printed without its own page numbers;
    - "appendix": a written appendix printed on its own (`snapshot`, `appendix`);
    - "upload": an uploaded PDF in storage (`file_name`, `sha256`), bound as it is;
    - "notice": a page saying the document is exempt (`notice`).
    """

    kind: str
    bookmark: str
    snapshot: dict | None = None
    approvals: list[dict] | None = None
    appendix: dict | None = None
    file_name: str = ""
    sha256: str = ""
    notice: dict | None = None
    top_stamp: str = ""
    alt_text: str = ""
    pages: int | None = None  # known for an upload (counted when it was uploaded)


@dataclass
class PackItem:
    entry: AgendaEntry
    title: str
    description: str = ""
    documents: list[PackDocument] = field(default_factory=list)
    first_page: int | None = None
    last_page: int | None = None

    @property
    def number(self) -> int | None:
        return self.entry.number

    @property
    def item(self) -> AgendaItem:
        return self.entry.item

    @property
    def is_heading(self) -> bool:
        return self.item.kind == AgendaItem.Kind.HEADING


@dataclass
class PackContents:
    meeting: Meeting
    variant: str
    supplement: SupplementaryAgenda | None
    items: list[PackItem]

    @property
    def confidential(self) -> bool:
        return self.variant == AgendaPack.Variant.CONFIDENTIAL

    def documents(self) -> list[PackDocument]:
        return [document for item in self.items for document in item.documents]


def pack_items_queryset(meeting: Meeting):
    """The meeting's items with everything a pack or the meeting page reads, in a fixed number of queries."""
    links = AgendaItemReport.objects.select_related("version", "report").order_by("position", "pk")
    return meeting.items.select_related("minutes_of__committee").prefetch_related(
        Prefetch("report_links", queryset=links)
    )


def _reports_for_display(report_ids: list[int]) -> dict[int, Report]:
    return {report.pk: report for report in report_for_display(Report.objects.filter(pk__in=report_ids))}


def _notice(*, item_number: int | None, what: str, paragraphs: list[int], title: str) -> dict:
    return {
        "item_number": item_number,
        "what": what,
        "title": title,
        "reference": exempt_reference(paragraphs) if paragraphs else "",
    }


def _report_documents(
    link: AgendaItemReport, report: Report, *, entry: AgendaEntry, audience: Audience, multiple: bool
) -> list[PackDocument]:
    snapshot = link.version.snapshot if link.version_id else report_snapshot(report)
    item = entry.item
    exempt_item = item.part == Part.B
    prefix = report_bookmark_for(snapshot, audience, multiple=multiple)
    if not report_is_shown_on_item(item, snapshot, audience):
        paragraphs = item.exempt_paragraphs if exempt_item else snapshot["exempt_paragraphs"]
        title = report_title_for(snapshot, audience)
        notice = _notice(item_number=entry.number, what="report", paragraphs=paragraphs, title=title)
        return [PackDocument(kind="notice", bookmark=f"{prefix} (exempt)", notice=notice)]
    documents = [
        PackDocument(
            kind="report",
            bookmark=prefix,
            snapshot=snapshot,
            approvals=approvals_obtained(report),
            # The report template marks an exempt report itself; a Part B item's open report is stamped.
            top_stamp=NOT_FOR_PUBLICATION if exempt_item and not snapshot["is_exempt"] else "",
        )
    ]
    for appendix in snapshot["appendices"]:
        name = f"{appendix['label']} – {appendix['title']}"
        exempt = appendix["is_exempt"] or exempt_item or snapshot["is_exempt"]
        if not appendix_is_shown_to(appendix, report=snapshot, audience=audience):
            paragraphs = appendix["exempt_paragraphs"] or snapshot["exempt_paragraphs"]
            notice = _notice(
                item_number=entry.number, what=appendix["label"], paragraphs=paragraphs, title=name
            )
            documents.append(PackDocument(kind="notice", bookmark=f"{name} (exempt)", notice=notice))
        elif appendix["kind"] == "uploaded":
            documents.append(
                PackDocument(
                    kind="upload",
                    bookmark=name,
                    file_name=appendix["file"],
                    sha256=appendix["sha256"],
                    top_stamp=NOT_FOR_PUBLICATION if exempt else "",
                    alt_text=f"{name} (an uploaded document)",
                    pages=appendix["page_count"],
                )
            )
        elif appendix["is_exempt"] and not snapshot["is_exempt"] and appendix["body"]:
            # The report's own PDF leaves its exempt appendix out; the confidential pack prints it.
            documents.append(
                PackDocument(kind="appendix", bookmark=name, snapshot=snapshot, appendix=appendix)
            )
    return documents


def _item_document(entry: AgendaEntry, *, audience: Audience) -> list[PackDocument]:
    item = entry.item
    if not item.document:
        return []
    bookmark = (
        "Minutes"
        if item.kind == AgendaItem.Kind.MINUTES or item.standard_item == "previous_minutes"
        else "Document"
    )
    # The title as this pack's audience may read it, in the notice and in the structure tree alike.
    title = item_title_for(item, [link.report for link in item.report_links.all()], audience)
    if item_is_private_to(item, audience):
        notice = _notice(
            item_number=entry.number, what="document", paragraphs=item.exempt_paragraphs, title=title
        )
        return [PackDocument(kind="notice", bookmark=f"{bookmark} (exempt)", notice=notice)]
    return [
        PackDocument(
            kind="upload",
            bookmark=bookmark,
            file_name=item.document.name,
            sha256=item.document_sha256,
            top_stamp=NOT_FOR_PUBLICATION if item.part == Part.B else "",
            alt_text=f"{title} (an uploaded document)",
            pages=item.document_pages,
        )
    ]


def pack_contents(
    *,
    meeting: Meeting,
    variant: str,
    supplement: SupplementaryAgenda | None = None,
    published_only: bool = True,
) -> PackContents:
    """The items of the main agenda (or of one supplementary agenda) and their documents.

    The main pack carries every published item, late ones in place; a supplementary pack carries
    only its own items, numbered as on the main agenda.
    """
    audience = PACK_AUDIENCE[variant]  # R4: each pack shows what its audience may see
    all_items = list(pack_items_queryset(meeting))
    entries = numbered_agenda(i for i in all_items if i.is_published or not published_only)
    if supplement is not None:
        entries = [e for e in entries if e.item.supplement_id == supplement.pk]
    report_ids = [link.report_id for e in entries for link in e.item.report_links.all()]
    reports = _reports_for_display(report_ids)
    items = []
    for entry in entries:
        links = list(entry.item.report_links.all())
        item_reports = [reports[link.report_id] for link in links]
        pack_item = PackItem(
            entry=entry,
            title=item_title_for(entry.item, item_reports, audience),
            description=item_description_for(entry.item, item_reports, audience),
        )
        if entry.item.kind != AgendaItem.Kind.HEADING:
            pack_item.documents.extend(_item_document(entry, audience=audience))
            for link in links:
                pack_item.documents.extend(
                    _report_documents(
                        link,
                        reports[link.report_id],
                        entry=entry,
                        audience=audience,
                        multiple=len(links) > 1,
                    )
                )
        items.append(pack_item)
    return PackContents(meeting=meeting, variant=variant, supplement=supplement, items=items)
