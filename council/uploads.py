"""Checking uploaded files before they are kept: PDFs bound into reports and agenda packs."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from pypdf import PdfReader
from pypdf.errors import PyPdfError

_MB = 1024 * 1024


def size_in_words(size: int) -> str:
    return f"{size / _MB:.3g} MB" if size >= _MB else f"{size / 1024:.3g} KB"


def checked_pdf(upload: UploadedFile, *, field: str = "file") -> tuple[int, str]:
    """(page count, sha256) of an uploaded PDF, or a ValidationError on `field` saying what is wrong.

    Refused: larger than WITAN["APPENDIX_MAX_BYTES"] (20 MB), not a PDF, damaged, password-protected,
    or without pages: a pack can only bind a whole, readable PDF.
    """
    limit = settings.WITAN.get("APPENDIX_MAX_BYTES", 20 * _MB)
    if upload.size > limit:
        raise ValidationError({field: f"The file is larger than {size_in_words(limit)}."})
    upload.seek(0)
    if upload.read(5) != b"%PDF-":
        raise ValidationError({field: "The file is not a PDF."})
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted:
            raise ValidationError(
                {field: "This PDF is password-protected: upload a copy without a password."}
            )
        pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        # pypdf raises a variety of errors on a damaged file; to the uploader it is simply not a PDF.
        raise ValidationError({field: "The file is not a PDF."}) from error
    if pages == 0:
        raise ValidationError({field: "The PDF has no pages."})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return pages, digest.hexdigest()
