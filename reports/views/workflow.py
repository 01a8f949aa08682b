"""The report workflow pages: the officer's dashboard, the approver's inbox, and the actions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from council.rules import is_staff_user
from council.working_days import working_day_calendar

from ..forms import ApprovalForm, ReasonForm
from ..models import Approval, Report
from ..selectors import approval_inbox_for, reports_in_progress_for, reports_visible_to
from ..services import (
    ReportError,
    approval_record,
    report_deadline,
    report_return,
    report_submit,
    report_withdraw,
)


def _staff_only(request):
    if not is_staff_user(request.user):
        raise PermissionDenied("Reports are for council officers.")


@login_required
def report_list(request):
    """Each report in progress with its R1 publication deadline and working days left."""
    _staff_only(request)
    calendar = working_day_calendar()
    rows = [
        {"report": report, "deadline": report_deadline(report, calendar=calendar)}
        for report in reports_in_progress_for(request.user)
    ]
    return render(
        request,
        "reports/report_list.html",
        {"rows": rows, "agenda_clear_days": settings.WITAN["AGENDA_CLEAR_DAYS"]},
    )


@login_required
def approval_inbox(request):
    _staff_only(request)
    ready, blocked = approval_inbox_for(request.user)
    return render(request, "reports/approval_inbox.html", {"ready": ready, "blocked": blocked})


def _report_for_action(request, pk) -> Report:
    return get_object_or_404(reports_visible_to(request.user), pk=pk)


def _refused(request, report, error) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    messages.error(request, f"Not done: {text}")


@login_required
@require_POST
def report_submit_view(request, pk):
    report = _report_for_action(request, pk)
    try:
        report_submit(report=report, by=request.user)
    except (ReportError, ValidationError) as error:
        _refused(request, report, error)
    else:
        messages.success(request, "Submitted for approval. The approvers have it in their inbox.")
    return redirect(report.get_absolute_url())


@login_required
@require_POST
def approval_record_view(request, pk, role):
    report = _report_for_action(request, pk)
    if role not in Approval.Role.values:
        raise PermissionDenied("No such approval.")
    form = ApprovalForm(request.POST, role=role)
    if not form.is_valid():
        messages.error(request, "Not done: " + " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(report.get_absolute_url())
    data = form.cleaned_data
    try:
        approval = approval_record(
            report=report,
            role=role,
            by=request.user,
            officer_name=data["officer_name"],
            decided_on=data["decided_on"],
            not_applicable_reason=data["not_applicable_reason"]
            if data["decision"] == "not_applicable"
            else "",
            decision=data["decision"],
        )
    except (ReportError, ValidationError) as error:
        _refused(request, report, error)
    else:
        messages.success(
            request, f"Recorded: {approval.get_role_display()}, {approval.get_decision_display()}."
        )
    return redirect(report.get_absolute_url())


@login_required
@require_POST
def report_return_view(request, pk):
    return _with_reason(request, pk, report_return, "Returned to the author for changes.")


@login_required
@require_POST
def report_withdraw_view(request, pk):
    return _with_reason(request, pk, report_withdraw, "The report is withdrawn.")


def _with_reason(request, pk, service, done_message):
    report = _report_for_action(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Not done: give a reason.")
        return redirect(report.get_absolute_url())
    try:
        service(report=report, by=request.user, reason=form.cleaned_data["reason"])
    except (ReportError, ValidationError) as error:
        _refused(request, report, error)
    else:
        messages.success(request, done_message)
    return redirect(report.get_absolute_url())
