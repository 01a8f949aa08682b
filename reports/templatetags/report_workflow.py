"""The workflow panel on a report page: what this user may do to this report now."""

from django import template

from ..forms import ApprovalForm, ReasonForm
from ..models import Approval, Report
from ..rules import (
    approval_roles_of,
    can_edit_report,
    is_report_author,
    sees_every_report,
    statutory_roles_of,
)

register = template.Library()


def _is_named_director(user, report: Report) -> bool:
    officer = getattr(user, "officer", None)
    return officer is not None and officer.pk == report.director_id


@register.inclusion_tag("reports/includes/report_actions_panel.html", takes_context=True)
def report_actions(context, report: Report):
    user = context["request"].user
    current = [a for a in report.approvals.all() if a.round == report.approval_round]
    statutory_done = all(
        a.decision != Approval.Decision.PENDING for a in current if a.role in Approval.STATUTORY_ROLES
    )
    all_roles = sees_every_report(user)
    my_roles = set(approval_roles_of(user))
    signable = []
    if report.status == Report.Status.SUBMITTED:
        for approval in current:
            if approval.decision != Approval.Decision.PENDING or not (all_roles or approval.role in my_roles):
                continue
            if approval.role == Approval.Role.DIRECTOR and not (
                statutory_done and (all_roles or _is_named_director(user, report))
            ):
                continue
            signable.append((approval, ApprovalForm(role=approval.role, prefix=approval.role)))
    author = is_report_author(user, report)
    routed = bool(set(statutory_roles_of(user)) & {a.role for a in current}) or _is_named_director(
        user, report
    )
    return {
        "report": report,
        "current_approvals": current,
        "statutory_done": statutory_done,
        "signable": signable,
        "can_edit": can_edit_report(user, report),
        "can_submit": report.status in (Report.Status.DRAFT, Report.Status.RETURNED)
        and (author or all_roles),
        "can_return": report.status in (Report.Status.SUBMITTED, Report.Status.APPROVED)
        and (routed or all_roles),
        "can_withdraw": report.status not in (Report.Status.PUBLISHED, Report.Status.WITHDRAWN)
        and (author or all_roles),
        "reason_form": ReasonForm(),
        "csrf_token": context.get("csrf_token"),
        "show_panel": author or all_roles or routed,
    }
