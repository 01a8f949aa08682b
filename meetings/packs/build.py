"""Rendering a pack: each document once (cached by a hash of what it shows and of the print
templates: `cache`), the front sheet with the page ranges, then one merged, tagged PDF with continuous page
numbers (`council.documents.assemble_pdf`).

A report rendered for one build is reused by the next as long as neither it nor the print format
changed, so editing one report re-renders only that report; the rest is merging and stamping.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from council.models import CouncilProfile
from council.storage import documents_storage
from reports.models import Appendix
from reports.pdf import (
    appendix_print_html,
    print_format_fingerprint,
    report_print_html,
    report_subject,
)

from ..models import AgendaItem, AgendaPack, Meeting, SupplementaryAgenda
from .cache import cached_pdf, document_key, known_pages, remember_pages, store_pdf
from .contents import PackContents, PackDocument, pack_contents
from .front_sheet import front_sheet_html

if TYPE_CHECKING:
    from council.documents import AssembledPdf

PACK_TEMPLATES = ("pdf/agenda_front_sheet.html", "pdf/exempt_notice.html")
PACK_STYLESHEETS = ("css/print/agenda.css",)

Progress = Callable[[str], None]


class PackBuildError(Exception):
    """A pack could not be built; the message says which document and why."""


@dataclass
class BuiltPack:
    contents: PackContents
    assembled: "AssembledPdf"
    rendered: int  # documents rendered by this build (the rest came from the cache)


def _council() -> CouncilProfile:
    return CouncilProfile.objects.filter(pk=1).first() or CouncilProfile(name="The Council")


class _Renderer:
    """Turns pack documents into PDF bytes, rendering what the cache does not hold in one parallel batch."""

    def __init__(self, council: CouncilProfile):
        self.council = council
        self.fingerprint = print_format_fingerprint() + print_format_fingerprint(
            PACK_TEMPLATES, PACK_STYLESHEETS
        )
        self.rendered = 0

    def job(self, document: PackDocument) -> tuple[str, Callable | None]:
        """The cache key of a document and, for one WeasyPrint renders, how to make its render job."""
        from council.documents import RenderJob

        name = self.council.name
        if document.kind == "report":
            key = document_key("report", self.fingerprint, name, document.snapshot, document.approvals)
            return key, lambda: RenderJob(
                html=report_print_html(
                    document.snapshot, approvals=document.approvals, council_name=name, in_pack=True
                ),
                title=document.snapshot["title"],
                author=name,
                subject=report_subject(document.snapshot),
            )
        if document.kind == "appendix":
            key = document_key("appendix", self.fingerprint, name, document.snapshot, document.appendix)
            appendix = document.appendix
            return key, lambda: RenderJob(
                html=appendix_print_html(document.snapshot, appendix, council_name=name),
                title=f"{appendix['label']} – {appendix['title']}",
                author=name,
                subject=report_subject(document.snapshot),
            )
        if document.kind == "notice":
            key = document_key("notice", self.fingerprint, name, document.notice)
            return key, lambda: RenderJob(
                html=_notice_html(document.notice, council_name=name),
                title=f"{document.notice['title']}: not for publication",
                author=name,
            )
        return "", None  # an upload: read as it is

    def render(
        self, documents: list[PackDocument], progress: Progress
    ) -> list[tuple[bytes, int | None, str]]:
        """Each document's PDF, its page count where known without opening it, and its cache key."""
        results: list[tuple[bytes, int | None, str] | None] = [None] * len(documents)
        pending: dict[str, tuple[list[int], Callable]] = {}
        for index, document in enumerate(documents):
            if document.kind == "upload":
                results[index] = (_upload_bytes(document), document.pages, "")
                continue
            key, make_job = self.job(document)
            cached = cached_pdf(key)
            if cached is not None:
                results[index] = (cached, known_pages(key), key)
            else:
                pending.setdefault(key, ([], make_job))[0].append(index)
        if pending:
            from council.documents import render_pdfs

            progress(f"Rendering {len(pending)} document{'s' if len(pending) != 1 else ''}")
            keys = list(pending)
            pdfs = render_pdfs([pending[key][1]() for key in keys])
            for key, pdf in zip(keys, pdfs, strict=True):
                store_pdf(key, pdf)
                for index in pending[key][0]:
                    results[index] = (pdf, None, key)
            self.rendered += len(keys)
        return results  # type: ignore[return-value]


def _notice_html(notice: dict, *, council_name: str) -> str:
    from django.template.loader import render_to_string

    return render_to_string("pdf/exempt_notice.html", {"notice": notice, "council_name": council_name})


def _upload_bytes(document: PackDocument) -> bytes:
    try:
        with documents_storage().open(document.file_name, "rb") as file:
            data = file.read()
    except OSError as error:
        raise PackBuildError(
            f"The uploaded file for “{document.bookmark}” is missing ({document.file_name})."
        ) from error
    digest = hashlib.sha256(data).hexdigest()
    if document.sha256 and digest != document.sha256:
        raise PackBuildError(
            f"The uploaded file for “{document.bookmark}” has changed since it was uploaded."
        )
    return _bindable_upload(document, data, digest)


def _bindable_upload(document: PackDocument, data: bytes, digest: str) -> bytes:
    """The upload as the pack binds it: put through the check every upload now gets (issue 8), for
    a file stored before that check, which may carry scripts or a structure tree the merge cannot
    digest. The verdict is kept in the pack cache by the file's hash, the check's own fingerprint,
    the page limit and the alternative text (pages tagged afresh carry it), so each file is checked
    once, not at every build: a clean file is marked by an empty entry, a file that needed changes
    by its normalised copy."""
    from council.documents import PdfRefused, sanitise_pdf, sanitiser_fingerprint
    from council.uploads import upload_max_pages

    limit = upload_max_pages()
    key = document_key("upload", sanitiser_fingerprint(), limit, document.alt_text, digest)
    cached = cached_pdf(key)
    if cached is not None:
        return cached or data
    try:
        checked = sanitise_pdf(data, max_pages=limit, alt_text=document.alt_text, prove_clean=False)
    except PdfRefused as refusal:
        raise PackBuildError(
            f"The uploaded file for “{document.bookmark}”{_upload_owner(document)} cannot be bound "
            f"into the pack: {refusal}"
        ) from refusal
    store_pdf(key, checked.pdf if checked.changed else b"")
    return checked.pdf


def _upload_owner(document: PackDocument) -> str:
    """Which item or report an upload belongs to, for an error message (asked only on failure)."""
    item = AgendaItem.objects.filter(document=document.file_name).only("title").first()
    if item is not None:
        return f" of the item “{item.title}”"
    appendix = Appendix.objects.filter(file=document.file_name).select_related("report").first()
    if appendix is not None:
        return f" of the report “{appendix.report.title}”"
    return ""


def pack_pdf_title(contents: PackContents) -> str:
    meeting = contents.meeting
    which = f"Supplementary agenda {contents.supplement.number}" if contents.supplement else "Agenda pack"
    confidential = " (confidential)" if contents.confidential else ""
    return f"{meeting.committee.name}, {meeting.date.day} {meeting.date:%B %Y}: {which}{confidential}"


def _lay_out(contents: PackContents, rendered: list, *, trust_counts: bool, front_title: str):
    """The sections in order, the outline, and each item's page range; returns the page counts used.

    Page counts known without opening a PDF (an upload's, counted when it was uploaded; a cached
    render's) are used when `trust_counts`; the assembled pack is checked against them.
    """
    from council.documents import PdfSection, pdf_page_count

    sections: list[PdfSection] = []
    # A bookmark for every item and document, in agenda order; an item with no document of its own
    # points at the front sheet (section 0, inserted by the caller), where it is listed.
    outline: list[tuple[tuple[str, ...], int]] = [((front_title,), 0)]
    documents = iter(rendered)
    counts: list[int] = []
    page = 1
    for item in contents.items:
        item.first_page = item.last_page = None
        label = f"{item.number}. {item.title}" if item.number else item.title
        if not item.is_heading and not item.documents:
            outline.append(((label,), 0))
        for document in item.documents:
            outline.append(((label, document.bookmark), len(sections) + 1))
            pdf, pages, key = next(documents)
            if pages is None or not trust_counts:
                pages = pdf_page_count(pdf)
                if key:
                    remember_pages(key, pages)
            counts.append(pages)
            if item.first_page is None:
                item.first_page = page
            page += pages
            item.last_page = page - 1
            sections.append(
                PdfSection(
                    pdf=pdf,
                    bookmarks=(label, document.bookmark),
                    top_stamp=document.top_stamp,
                    alt_text=document.alt_text,
                )
            )
    return sections, outline, counts


def build_pack(
    *,
    meeting: Meeting,
    variant: str = AgendaPack.Variant.PUBLIC,
    supplement: SupplementaryAgenda | None = None,
    published_only: bool = True,
    progress: Progress = lambda step: None,
) -> BuiltPack:
    """Render one pack. Raises PackBuildError (or a rendering error) and writes nothing on failure;
    the caller decides where a finished pack goes."""
    # The document engine loads WeasyPrint and pikepdf: only when a pack is built.
    from council.documents import PdfSection, RenderJob, assemble_pdf, render_pdfs

    council = _council()
    contents = pack_contents(
        meeting=meeting, variant=variant, supplement=supplement, published_only=published_only
    )
    renderer = _Renderer(council)
    rendered = renderer.render(contents.documents(), progress)
    front_title = f"Supplementary agenda {supplement.number}" if supplement else "Agenda"
    for trust_counts in (True, False):
        sections, outline, counts = _lay_out(
            contents, rendered, trust_counts=trust_counts, front_title=front_title
        )
        progress("Rendering the front sheet")
        html = front_sheet_html(contents, council=council)
        front_key = document_key("front", renderer.fingerprint, html)
        front = cached_pdf(front_key)
        if front is None:
            [front] = render_pdfs([RenderJob(html=html, title=pack_pdf_title(contents), author=council.name)])
            store_pdf(front_key, front)
            renderer.rendered += 1
        sections.insert(0, PdfSection(pdf=front, bookmarks=(front_title,), numbered=False))
        progress("Merging and numbering the pages")
        assembled = assemble_pdf(
            sections,
            title=pack_pdf_title(contents),
            author=council.name,
            subject=f"{meeting.committee.name} – {meeting.date.day} {meeting.date:%B %Y}",
            outline=outline,
        )
        if list(assembled.section_pages[1:]) == counts:
            break
        # A stored page count was wrong (a PDF two readers count differently): count them all again,
        # so the front sheet's "(Pages X - Y)" are always the pages the pack has.
    else:
        raise PackBuildError("The pack's pages could not be counted consistently.")
    return BuiltPack(contents=contents, assembled=assembled, rendered=renderer.rendered)
