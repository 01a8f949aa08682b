"""The report workflow: draft → awaiting approvals → approved → published, returned or withdrawn.

Every status change happens here, one function per transition: each locks the report, checks the
transition is allowed, writes the new status and records an audit entry. Nothing else writes
`Report.status`.
"""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from council.models import AuditEntry
from council.roles import Role
from council.rules import has_any_role
from council.services import audit_record, changed_values, field_values, signed_in_user
from council.working_days import WorkingDayCalendar, agenda_publication_deadline, working_day_calendar

from ..models import Approval, Report, ReportVersion
from ..rules import (
    APPROVER_ROLE_FOR,
    is_report_author,
    officer_of,
    sees_every_report,
    statutory_roles_of,
)

Status = Report.Status

# The Approvals Obtained block, in the order the council prints it.
ROLE_ORDER = (*Approval.STATUTORY_ROLES, Approval.Role.DIRECTOR)

# The role as the council writes it on its papers; a council overrides these with
# settings.WITAN["APPROVAL_ROLE_TITLES"] = {"finance": "Strategic Director of Finance…", …}.
DEFAULT_ROLE_TITLES = {
    Approval.Role.FINANCE: "Chief Finance Officer",
    Approval.Role.LEGAL: "Assistant Director of Legal Services",
    Approval.Role.PROCUREMENT: "Head of Procurement (if appropriate)",
    Approval.Role.HR: "Head of Human Resources (if appropriate)",
    Approval.Role.DIRECTOR: "Director approving submission",
}

# How a waiting approval is named in a sentence: "Waiting for finance, legal and HR…".
_ROLE_IN_WORDS = {
    Approval.Role.FINANCE: "finance",
    Approval.Role.LEGAL: "legal",
    Approval.Role.PROCUREMENT: "procurement",
    Approval.Role.HR: "HR",
    Approval.Role.DIRECTOR: "the director",
}

_WITHDRAWABLE = (Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.RETURNED)

# R1: a report still waiting for approvals this close to its agenda deadline is flagged.
AT_RISK_WORKING_DAYS = 3


class ReportError(Exception):
    """A change to a report was refused; the message says why, in the user's words."""


def _in_words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _lock(report: Report) -> Report:
    """Re-read the report under a row lock, so two requests cannot both pass a state check."""
    report.refresh_from_db(from_queryset=Report.objects.select_for_update())
    return report


def _require_status(report: Report, allowed: tuple, doing: str) -> None:
    if report.status not in allowed:
        raise ReportError(f"A report that is “{report.get_status_display()}” cannot be {doing}.")


def _transition(report: Report, to: str, *, by, note: str = "", changes: dict | None = None) -> None:
    """Write the new status and record it: "Draft → Awaiting approvals"."""
    before = Status(report.status).label
    report.status = to
    report.save(update_fields=["status", "approval_round", "updated_at"])
    audit_record(
        obj=report,
        by=by,
        action=AuditEntry.Action.STATE,
        changes={"status": [before, Status(to).label], **(changes or {})},
        note=f"{before} → {Status(to).label}{note}",
    )


def _role_titles() -> dict:
    return {**DEFAULT_ROLE_TITLES, **settings.WITAN.get("APPROVAL_ROLE_TITLES", {})}


def approval_round_start(*, report: Report, by) -> None:
    """Start a new approval round: every role pending again, the report awaiting approvals.

    Called on submission and whenever a submitted or approved report is changed (an edit sends
    it back for approval). Earlier rounds are kept as history.
    """
    with transaction.atomic():
        _lock(report)
        _require_status(report, Report.EDITABLE_STATUSES, "sent for approval")
        report.approval_round += 1
        titles = _role_titles()
        Approval.objects.bulk_create(
            Approval(report=report, round=report.approval_round, role=role, role_title=titles[role])
            for role in ROLE_ORDER
        )
        suffix = f" (approval round {report.approval_round})" if report.approval_round > 1 else ""
        _transition(report, Status.SUBMITTED, by=by, note=suffix)


def report_submit(*, report: Report, by) -> Report:
    """Send a draft (or a returned report) for the Approvals Obtained sign-offs."""
    with transaction.atomic():
        _lock(report)
        _require_status(report, (Status.DRAFT, Status.RETURNED), "submitted")
        if not (sees_every_report(by) or is_report_author(by, report)):
            raise ReportError("Only the report's authors or democratic services can submit it.")
        missing = []
        if not report.title.strip():
            missing.append("a title")
        if report.director_id is None:
            missing.append("the director approving submission")
        if not report.recommendations.filter(parent__isnull=True).exists():
            missing.append("at least one recommendation")
        if missing:
            raise ReportError(f"Before submitting, add {_in_words(missing)}.")
        approval_round_start(report=report, by=by)
    return report


def _current_approvals(report: Report) -> list[Approval]:
    # Reads the prefetched approvals when the report came from `selectors.report_for_display`.
    rows = [a for a in report.approvals.all() if a.round == report.approval_round]
    return sorted(rows, key=lambda a: ROLE_ORDER.index(a.role))


def approval_record(
    *,
    report: Report,
    role: str,
    by,
    officer=None,
    officer_name: str = "",
    decided_on: date | None = None,
    not_applicable_reason: str = "",
    decision: str | None = None,
) -> Approval:
    """Record one sign-off of the current round: approved, or (procurement and HR only) not applicable.

    `decision` defaults to not applicable when a reason is given, otherwise approved. The
    director signs last; their approval makes the report ready for an agenda.
    """
    with transaction.atomic():
        _lock(report)
        if role not in Approval.Role.values:
            raise ReportError("Choose an approval from the Approvals Obtained block.")
        role = Approval.Role(role)
        if report.status != Status.SUBMITTED:
            raise ReportError(
                f"Approvals can only be recorded while the report is awaiting approvals; "
                f"it is “{report.get_status_display()}”."
            )
        holds_role = has_any_role(by, APPROVER_ROLE_FOR[role])
        on_behalf = has_any_role(by, Role.DEMOCRATIC_SERVICES)
        if not (holds_role or on_behalf):
            raise ReportError(f"You cannot sign for the {_role_titles()[role]}.")
        if role == Approval.Role.DIRECTOR and not on_behalf:
            # Only the director named on the Summary Sheet approves its submission.
            signer = getattr(by, "officer", None)
            if report.director_id is None or signer is None or signer.pk != report.director_id:
                raise ReportError("Only the director named on the report can approve its submission.")
        reason = not_applicable_reason.strip()
        if decision is None:
            decision = Approval.Decision.NOT_APPLICABLE if reason else Approval.Decision.APPROVED
        if decision not in (Approval.Decision.APPROVED, Approval.Decision.NOT_APPLICABLE):
            raise ReportError("Record the approval as approved or not applicable.")
        if decision == Approval.Decision.NOT_APPLICABLE:
            if role not in Approval.OPTIONAL_ROLES:
                raise ReportError(
                    f"The {_role_titles()[role]} must approve every report: it cannot be marked not applicable."
                )
            if not reason:
                raise ReportError("Say why this approval is not applicable.")
        approval = Approval.objects.select_for_update().get(
            report=report, round=report.approval_round, role=role
        )
        if approval.decision != Approval.Decision.PENDING:
            raise ReportError(
                f"The {approval.role_title or approval.get_role_display()} has already been recorded "
                "in this approval round."
            )
        if role == Approval.Role.DIRECTOR:
            waiting = [
                _ROLE_IN_WORDS[a.role]
                for a in _current_approvals(report)
                if a.role in Approval.STATUTORY_ROLES and a.decision == Approval.Decision.PENDING
            ]
            if waiting:
                raise ReportError(f"Waiting for {_in_words(waiting)} before the director can approve.")
        if officer is None and holds_role:
            # Recording on someone else's behalf (democratic services chasing sign-offs) names them.
            officer = officer_of(by)
        officer_name = (officer_name or (officer.name if officer else "")).strip()
        if not officer_name:
            raise ReportError("Name the officer who gave this approval.")

        before = field_values(approval)
        approval.decision = decision
        approval.officer = officer
        approval.officer_name = officer_name
        if decided_on and decided_on > timezone.localdate():
            raise ReportError("The date of an approval cannot be in the future.")
        approval.decided_on = decided_on or timezone.localdate()
        approval.not_applicable_reason = reason if decision == Approval.Decision.NOT_APPLICABLE else ""
        approval.recorded_by = signed_in_user(by)
        approval.recorded_at = timezone.now()
        approval.full_clean()
        approval.save()
        audit_record(
            obj=report,
            by=by,
            action=AuditEntry.Action.CHANGED,
            changes=changed_values(before, field_values(approval)),
            note=f"{approval.role_title}: {approval.get_decision_display().lower()} "
            f"(approval round {report.approval_round})",
        )
        if role == Approval.Role.DIRECTOR:
            _transition(report, Status.APPROVED, by=by)
    return approval


def report_return(*, report: Report, by, reason: str) -> Report:
    """An approver, the director or democratic services sends the report back for changes."""
    with transaction.atomic():
        _lock(report)
        _require_status(report, (Status.SUBMITTED, Status.APPROVED), "returned for changes")
        officer = officer_of(by)
        is_director = officer is not None and officer.pk == report.director_id
        if not (statutory_roles_of(by) or is_director or sees_every_report(by)):
            raise ReportError("Only an approver, the director or democratic services can return a report.")
        if not reason.strip():
            raise ReportError("Say why the report is being returned, so the author knows what to change.")
        _transition(
            report,
            Status.RETURNED,
            by=by,
            note=f": {reason.strip()}",
            changes={"reason": ["", reason.strip()]},
        )
    return report


def report_withdraw(*, report: Report, by, reason: str) -> Report:
    """The author or democratic services withdraw a report that has not been published."""
    with transaction.atomic():
        _lock(report)
        _require_status(report, _WITHDRAWABLE, "withdrawn")
        if not (sees_every_report(by) or is_report_author(by, report)):
            raise ReportError("Only the report's authors or democratic services can withdraw it.")
        if not reason.strip():
            raise ReportError("Say why the report is being withdrawn.")
        _transition(
            report,
            Status.WITHDRAWN,
            by=by,
            note=f": {reason.strip()}",
            changes={"reason": ["", reason.strip()]},
        )
    return report


def report_publish(*, report: Report, by) -> Report:
    """Publish an approved report with its agenda; its latest version is frozen for good."""
    with transaction.atomic():
        _lock(report)
        _require_status(report, (Status.APPROVED,), "published")
        latest = ReportVersion.objects.select_for_update().filter(report=report).order_by("-number").first()
        if latest is not None:
            latest.is_frozen = True
            latest.status = Status.PUBLISHED
            latest.save(update_fields=["is_frozen", "status"])
        _transition(report, Status.PUBLISHED, by=by)
    return report


def approvals_outstanding(report: Report) -> list[Approval]:
    """The current round's sign-offs still awaited, in the Approvals Obtained order.

    Only a report awaiting approvals has any: a returned or withdrawn report waits for nobody.
    """
    if report.status != Status.SUBMITTED:
        return []
    return [a for a in _current_approvals(report) if a.decision == Approval.Decision.PENDING]


def report_deadline(
    report: Report, *, calendar: WorkingDayCalendar | None = None, today: date | None = None
) -> dict:
    """R1: the date the target meeting's agenda must be published, and whether this report is at risk.

    At risk: not yet approved with `AT_RISK_WORKING_DAYS` or fewer working days left, or the deadline
    passed before it was published. Pass `calendar` when listing many reports (one read of closure days).
    """
    calendar = calendar or working_day_calendar()
    today = today or timezone.localdate()
    deadline = agenda_publication_deadline(report.meeting_date, calendar=calendar)
    left = calendar.working_days_remaining(today, deadline)
    awaiting = report.status in (Status.DRAFT, Status.RETURNED, Status.SUBMITTED)
    live = report.status not in (Status.PUBLISHED, Status.WITHDRAWN)
    return {
        "publication_deadline": deadline,
        "working_days_left": left,
        "at_risk": (awaiting and left <= AT_RISK_WORKING_DAYS) or (live and deadline < today),
    }
