"""A report as readers see it: the accessible HTML page and the council-format PDF.

Both read one snapshot (`snapshots.report_snapshot`), so they cannot disagree; a published report
shows its frozen version. Who may see what is decided by `selectors.reports_visible_to`.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from council.context_processors import council as council_context
from council.downloads import cache_privately, cache_publicly
from council.rules import is_staff_user
from reports.models import Report
from reports.pdf import approvals_obtained, cached_report_pdf, report_document, report_pdf_filename
from reports.selectors import report_for_display, reports_visible_to
from reports.snapshots import report_snapshot
from reports.visibility import audience_for_report


def _visible_report(user, pk: int) -> Report:
    """The report with everything its page reads, or 404: drafts and exempt reports stay hidden."""
    try:
        return report_for_display(reports_visible_to(user)).get(pk=pk)
    except Report.DoesNotExist:
        raise Http404("No report has that address, or you may not see it.") from None


def _snapshot(report: Report) -> dict:
    """A published report reads as it was frozen at publication; any other, as it stands."""
    if report.status == Report.Status.PUBLISHED:
        frozen = report.versions.filter(is_frozen=True).order_by("-number").first()
        if frozen is not None:
            return frozen.snapshot
    return report_snapshot(report)


def _is_public(report: Report) -> bool:
    return report.status == Report.Status.PUBLISHED and not report.is_exempt


def _status_note(report: Report) -> str:
    return "" if report.status == Report.Status.PUBLISHED else report.get_status_display()


def _cache_headers(response: HttpResponse, report: Report) -> HttpResponse:
    """R4: drafts and exempt papers are kept by no cache at all, as the confidential pack is."""
    return cache_publicly(response) if _is_public(report) else cache_privately(response)


@require_safe
def report_detail(request, pk: int):
    report = _visible_report(request.user, pk)
    snapshot = _snapshot(report)
    document = report_document(
        snapshot, show_exempt_appendices=audience_for_report(request.user, report).sees_exempt
    )
    response = render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "document": document,
            "approvals": approvals_obtained(report),
            "show_key_decision_warning": is_staff_user(request.user),
            "status_note": _status_note(report),
        },
    )
    return _cache_headers(response, report)


@require_safe
def report_pdf(request, pk: int):
    report = _visible_report(request.user, pk)
    snapshot = _snapshot(report)
    pdf = cached_report_pdf(
        snapshot,
        approvals=approvals_obtained(report),
        council_name=council_context(request)["council_name"],
        status_note=_status_note(report),
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=report_pdf_filename(snapshot)
    )
    return _cache_headers(response, report)
