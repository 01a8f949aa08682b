"""Exemption decided on the agenda: a report taken in Part B is exempt (R4), whatever its author ticked.

Democratic services move an item into Part B citing the Schedule 12A paragraph(s); when that agenda is
published, each of the item's reports becomes exempt under those paragraphs before its version is
frozen, so its page, its PDF and the public pack never show it. No new approval round: the content
signed off is unchanged; only who may read it.
"""

from django.db import transaction

from council.models import AuditEntry
from council.services import audit_record

from ..models import Report
from .editing import _current_snapshot, _version_add
from .workflow import ReportError, _lock

Status = Report.Status


def report_exempt_for_agenda(*, report: Report, paragraphs: list[int], context: str, by) -> Report:
    """Make an approved report exempt under `paragraphs` (added to any it cites already).

    `context` names the agenda ("Part B of the agenda of Cabinet, 17 June 2025"); it becomes the
    public-interest reason if the report has none, and goes into the audit entry.
    """
    paragraphs = sorted(set(paragraphs))
    if not paragraphs:
        raise ReportError("Part B needs the Schedule 12A paragraph(s) the report is exempt under.")
    with transaction.atomic():
        _lock(report)
        if report.status != Status.APPROVED:
            raise ReportError(
                f"“{report.title}” is {report.get_status_display().lower()}: only an approved report can be "
                "made exempt for an agenda."
            )
        before = (report.is_exempt, list(report.exempt_paragraphs))
        report.is_exempt = True
        report.exempt_paragraphs = sorted(set(report.exempt_paragraphs) | set(paragraphs))
        if not report.public_interest_reason.strip():
            report.public_interest_reason = (
                f"Taken in {context}: the public interest in maintaining the exemption outweighs the public "
                "interest in disclosing the information."
            )
        if (report.is_exempt, report.exempt_paragraphs) == (before[0], before[1]):
            return report
        report.full_clean()
        report.revision += 1
        report.save(
            update_fields=[
                "is_exempt",
                "exempt_paragraphs",
                "public_interest_reason",
                "revision",
                "updated_at",
            ]
        )
        audit_record(
            obj=report,
            by=by,
            action=AuditEntry.Action.CHANGED,
            changes={
                "exempt from the press and public": [before[0], True],
                "Schedule 12A paragraphs": [before[1], report.exempt_paragraphs],
            },
            note=f"Exempt: {context}",
        )
        _version_add(report=report, snapshot=_current_snapshot(report), by=by, note=f"Exempt: {context}")
    return report
