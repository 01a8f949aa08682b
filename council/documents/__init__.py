"""The document engine: print HTML to tagged PDF, and agenda packs assembled from many PDFs.

- `render`: HTML to PDF/UA-1 with WeasyPrint, fetching nothing but the project's static files;
- `parallel`: many documents rendered at once, one per core;
- `assembly`: PDFs merged into one pack, keeping their structure trees (`structure`), with
  "Page N" stamps (`stamps`), bookmarks, page labels and front-sheet links (`navigation`);
- `paragraphs`: paragraph numbers for report text;
- `sanitise`: uploaded PDFs checked as a pack reads them, stripped of active content (`actions`)
  and of a structure tree the merge could not digest (`structure_check`).
"""

from .assembly import PACK_PAGE_LINK, AssembledPdf, PdfSection, assemble_pdf, pdf_page_count
from .paragraphs import number_paragraphs
from .parallel import RenderJob, render_pdfs
from .render import (
    DOCUMENT_ORIGIN,
    DocumentResourceRefused,
    read_static_resource,
    render_pdf,
    static_file_name,
)
from .sanitise import PdfRefused, SanitisedPdf, sanitise_pdf, sanitiser_fingerprint

__all__ = [
    "DOCUMENT_ORIGIN",
    "PACK_PAGE_LINK",
    "AssembledPdf",
    "DocumentResourceRefused",
    "PdfRefused",
    "PdfSection",
    "RenderJob",
    "SanitisedPdf",
    "assemble_pdf",
    "number_paragraphs",
    "pdf_page_count",
    "read_static_resource",
    "render_pdf",
    "render_pdfs",
    "sanitise_pdf",
    "sanitiser_fingerprint",
    "static_file_name",
]
