"""Checking uploaded files before they are kept: PDFs bound into reports and agenda packs (issue 8).

An uploaded PDF is checked and normalised by the document engine (`council.documents.sanitise_pdf`,
which reads it as a pack does) before a service opens its transaction: the check can take a
second on a long document, and must not hold a report's or a meeting's lock meanwhile. What is
stored is the normalised file, and its page count and sha256 are what the model records.
"""

import hashlib
import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

_MB = 1024 * 1024


def size_in_words(size: int) -> str:
    return f"{size / _MB:.3g} MB" if size >= _MB else f"{size / 1024:.3g} KB"


def upload_max_bytes() -> int:
    return settings.WITAN.get("APPENDIX_MAX_BYTES", 20 * _MB)


def upload_max_pages() -> int:
    """WITAN["UPLOAD_MAX_PAGES"]: a pack binds every page of every upload, so a page limit keeps
    its build (and the upload check) to seconds."""
    return settings.WITAN["UPLOAD_MAX_PAGES"]


@dataclass(frozen=True)
class CheckedPdf:
    file: ContentFile  # the normalised PDF, named as it was uploaded: store this, not the upload
    page_count: int
    sha256: str
    changes: tuple[str, ...]  # what normalising took out, e.g. ("JavaScript", "embedded files")


def pdf_upload_checked(upload: UploadedFile, *, field: str = "file", describe: str = "") -> CheckedPdf:
    """The uploaded PDF, checked and normalised, or a ValidationError on `field` saying what is
    wrong and what to do: larger than WITAN["APPENDIX_MAX_BYTES"] (20 MB), not a PDF, damaged,
    encrypted, without pages, or longer than WITAN["UPLOAD_MAX_PAGES"] (1,000 pages).

    `describe` names the document ("Appendix 1 – Site plan"): the alternative text of its pages,
    should its structure tree be damaged and the pages tagged afresh. Call it before
    `transaction.atomic()`: it reads the whole file.
    """
    limit = upload_max_bytes()
    if upload.size > limit:
        raise ValidationError(
            {
                field: f"The file is larger than {size_in_words(limit)}: make it smaller (for example, "
                "save it with compressed images) or split it into smaller documents."
            }
        )
    # The document engine loads pikepdf: only when a PDF is checked, not in every web process.
    from council.documents import PdfRefused, sanitise_pdf

    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        checked = sanitise_pdf(data, max_pages=upload_max_pages(), alt_text=describe)
    except PdfRefused as refusal:
        raise ValidationError({field: str(refusal)}) from refusal
    name = os.path.basename(upload.name or "") or "document.pdf"
    return CheckedPdf(
        file=ContentFile(checked.pdf, name=name),
        page_count=checked.page_count,
        sha256=hashlib.sha256(checked.pdf).hexdigest(),
        changes=checked.changes,
    )


def normalised_note(checked: CheckedPdf | None) -> str:
    """For an audit note: what normalising took out of or repaired in the file as uploaded, or nothing."""
    if checked is None or not checked.changes:
        return ""
    return f" (normalised for publishing: {', '.join(checked.changes)})"
