"""Appendices: written in the editor, or uploaded as a PDF that agenda packs merge later."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from council.models import AuditEntry
from council.services import audit_record
from council.uploads import normalised_note, pdf_upload_checked

from ..models import Appendix, Report
from .editing import revision_record
from .workflow import ReportError, _lock


def _require_editable(report: Report) -> None:
    if not report.is_editable:
        raise ReportError(
            f"A {report.get_status_display().lower()} report is frozen: its appendices cannot be changed."
        )


def appendix_add(
    *,
    report: Report,
    label: str,
    title: str,
    kind: str,
    body: str = "",
    upload: UploadedFile | None = None,
    is_exempt: bool = False,
    exempt_paragraphs=(),
    public_interest_reason: str = "",
    by,
) -> Appendix:
    """Add an appendix at the end. An uploaded PDF must be a real, unencrypted PDF within the size and
    page limits; what is stored is the PDF normalised for publishing (`council.uploads`, issue 8).

    Like an edit, this makes a new version, and sends a submitted or approved report back for approval.
    """
    _require_editable(report)  # before reading the file; checked again under the lock
    if upload is not None and kind != Appendix.Kind.UPLOADED:
        raise ValidationError({"file": "A written appendix has no uploaded file."})
    # Outside the transaction: checking a long PDF takes a while, and must not hold the report's lock.
    checked = pdf_upload_checked(upload, describe=f"{label} – {title}") if upload is not None else None
    with transaction.atomic():
        _lock(report)
        _require_editable(report)
        appendix = Appendix(
            report=report,
            label=label,
            title=title,
            kind=kind,
            body=body if kind == Appendix.Kind.WRITTEN else "",
            is_exempt=is_exempt,
            exempt_paragraphs=sorted(set(exempt_paragraphs)),
            public_interest_reason=public_interest_reason,
        )
        if checked is not None:
            appendix.page_count, appendix.sha256 = checked.page_count, checked.sha256
            appendix.file = checked.file
        last = Appendix.objects.filter(report=report).aggregate(n=Max("position"))["n"] or 0
        appendix.position = last + 1
        appendix.full_clean()  # R4 for the appendix; sanitises a written body
        appendix.save()
        audit_record(
            obj=report,
            by=by,
            action=AuditEntry.Action.CHANGED,
            changes={"appendices": [None, str(appendix)]},
            note=f"{appendix.label} added{normalised_note(checked)}",
        )
        revision_record(report=report, by=by, note=f"{appendix.label} added")
    return appendix


def appendix_delete(*, appendix: Appendix, by) -> None:
    """Remove an appendix. An uploaded file is kept: earlier versions of the report list it."""
    with transaction.atomic():
        report = _lock(appendix.report)
        _require_editable(report)
        described = str(appendix)
        Appendix.objects.filter(pk=appendix.pk, report=report).delete()
        audit_record(
            obj=report,
            by=by,
            action=AuditEntry.Action.CHANGED,
            changes={"appendices": [described, None]},
            note=f"{appendix.label} removed",
        )
        revision_record(report=report, by=by, note=f"{appendix.label} removed")
