"""Agenda packs: many PDFs made into one, still tagged, with bookmarks and one run of page numbers.

A pack is an unnumbered front sheet, then each agenda item's documents: reports rendered by
`render_pdf` (tagged, PDF/UA-1) and uploaded PDFs (tagged or not). Every document page is stamped
"Page N", N running on from 1 across the whole pack, because the agenda and the debate refer to
pages by those numbers ("page 14 of the pack").

What each document brings and what it leaves behind:

- kept: its pages, its structure tree (`structure`), its links (renumbered, and a front sheet's
  PACK_PAGE_LINK links made internal), its named destinations;
- dropped: its outline (the pack's bookmarks replace it), page labels, form fields (AcroForm and
  widgets), open action, metadata and XMP.
"""

from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from io import BytesIO

import pikepdf

from .navigation import PACK_PAGE_LINK, add_bookmarks, add_page_labels, link_pack_pages
from .stamps import PageStamper
from .structure import PackStructure, is_tagged, take_tagged

__all__ = ["PACK_PAGE_LINK", "AssembledPdf", "PdfSection", "assemble_pdf", "pdf_page_count"]

PRODUCER = "Witan"


@dataclass(frozen=True)
class PdfSection:
    """One document of a pack, and how the pack shows it."""

    pdf: bytes  # a whole PDF
    # Outline path, e.g. ("8. Budget monitoring", "Report"). Consecutive sections sharing a prefix
    # share its bookmarks. The last title also names the section's Part in the structure tree.
    bookmarks: tuple[str, ...] = ()
    numbered: bool = True  # stamped "Page N" and counted; the front sheet is not
    top_stamp: str = ""  # e.g. "NOT FOR PUBLICATION", at the top centre of every page of the section
    alt_text: str = ""  # for an untagged PDF: what its pages show (default "Page k of an uploaded document")


@dataclass(frozen=True)
class AssembledPdf:
    pdf: bytes
    page_count: int
    numbered_pages: int
    section_pages: tuple[int, ...] = ()  # how many pages each section brought, in order


def pdf_page_count(pdf: bytes) -> int:
    with pikepdf.open(BytesIO(pdf)) as document:
        return len(document.pages)


def assemble_pdf(
    sections: Sequence[PdfSection],
    *,
    title: str,
    language: str = "en-GB",
    author: str = "",
    subject: str = "",
    outline: Sequence[tuple[tuple[str, ...], int]] | None = None,
) -> AssembledPdf:
    """Merge `sections` in order into one tagged PDF (PDF/UA-1) with stamps, bookmarks and page labels.

    The bookmarks come from each section's `bookmarks` path, unless `outline` gives them all, in
    order, as (path, index of the section whose first page it points at): so an agenda item with no
    document of its own can still have a bookmark, pointing at the front sheet that lists it.
    """
    with ExitStack() as sources, pikepdf.new() as pack:
        structure = PackStructure(pack, language)
        stamper = PageStamper(pack)
        stamps: list[int | None] = []
        stamped_pages: dict[int, pikepdf.Object] = {}
        bookmarks: list[tuple[tuple[str, ...], int]] = []
        first_pages: list[int] = []
        section_pages: list[int] = []
        for section in sections:
            first_pages.append(len(pack.pages))
            # Copied objects read their stream data from the source until the pack is saved.
            source = sources.enter_context(pikepdf.open(BytesIO(section.pdf)))
            section_pages.append(len(source.pages))
            if not len(source.pages):
                continue
            first = len(pack.pages)
            tagged = is_tagged(source)
            bundle = take_tagged(source, offset=structure.next_key) if tagged else None
            pack.add_pages_from(source, forms="strip")
            pages = [pack.pages[i] for i in range(first, len(pack.pages))]
            part_title = section.bookmarks[-1] if section.bookmarks else ""
            if tagged:
                structure.add_tagged(pack.copy_foreign(bundle), title=part_title)
            else:
                structure.add_untagged(pages, title=part_title, alt_text=section.alt_text)
            for page in pages:
                number = len(stamped_pages) + 1 if section.numbered else None
                stamps.append(number)
                if number is not None:
                    stamped_pages[number] = page.obj
                footer = f"Page {number}" if number is not None else ""
                stamper.stamp(page.obj, footer=footer, header=section.top_stamp, figure=not tagged)
                page.obj.Tabs = pikepdf.Name.S  # PDF/UA: annotations in structure order
            if section.bookmarks:
                bookmarks.append((section.bookmarks, first))

        structure.install()
        if outline is not None:
            bookmarks = [
                (path, first_pages[index]) for path, index in outline if first_pages[index] < len(pack.pages)
            ]
        add_bookmarks(pack, bookmarks)
        add_page_labels(pack, stamps)
        link_pack_pages(pack, stamped_pages)
        _describe(pack, title=title, language=language, author=author, subject=subject)
        if bookmarks:
            pack.Root.PageMode = pikepdf.Name.UseOutlines
        output = BytesIO()
        pack.save(
            output,
            min_version="1.7",
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            deterministic_id=True,
        )
        return AssembledPdf(
            pdf=output.getvalue(),
            page_count=len(stamps),
            numbered_pages=len(stamped_pages),
            section_pages=tuple(section_pages),
        )


def _describe(pack: pikepdf.Pdf, *, title: str, language: str, author: str, subject: str) -> None:
    """Title, language and the PDF/UA claim, in the catalog, the document information and XMP."""
    pack.Root.Lang = pikepdf.String(language)
    # PDF/UA: the viewer's title bar shows the title, not the file name.
    pack.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    with pack.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:title"] = title
        xmp["dc:language"] = {language}
        if author:
            xmp["dc:creator"] = [author]
        if subject:
            xmp["dc:description"] = subject
        xmp["pdf:Producer"] = PRODUCER
        xmp["xmp:CreatorTool"] = PRODUCER
        xmp["pdfuaid:part"] = "1"
    pack.docinfo.Title = pikepdf.String(title)
    if author:
        pack.docinfo.Author = pikepdf.String(author)
    if subject:
        pack.docinfo.Subject = pikepdf.String(subject)
    pack.docinfo.Producer = pikepdf.String(PRODUCER)
    pack.docinfo.Creator = pikepdf.String(PRODUCER)
