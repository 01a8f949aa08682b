"""Reads of reports that pages share. Visibility (drafts, exempt material) is decided here, once."""

from django.db.models import Prefetch, Q, QuerySet

from council.roles import Role
from council.rules import has_any_role, is_staff_user

from .models import Approval, Recommendation, Report
from .rules import approval_roles_of, officer_of, sees_every_report, statutory_roles_of
from .visibility import exempt_reports_readable_q


def reports_visible_to(user) -> QuerySet[Report]:
    """Reports this user may open.

    The public see published, open reports. Councillors and staff also see published exempt ones (R4:
    `visibility.exempt_reports_readable_q` says which).
    Authors see their own and shared drafts; directors and approvers see what is routed to them;
    democratic services see everything. Nobody else sees a draft (issue: reports, point 10).
    """
    reports = Report.objects.all()
    if sees_every_report(user):
        return reports
    visible = Q(status=Report.Status.PUBLISHED, is_exempt=False)
    exempt_readable = exempt_reports_readable_q(user)
    if exempt_readable is not None:
        visible |= Q(status=Report.Status.PUBLISHED) & exempt_readable
    if is_staff_user(user):
        visible |= Q(created_by=user) | Q(
            pk__in=Report.shared_with.through.objects.filter(user=user).values("report")
        )
        officer = officer_of(user)
        if officer is not None and has_any_role(user, Role.REPORT_AUTHOR, Role.DIRECTOR):
            visible |= Q(pk__in=Report.authors.through.objects.filter(officer=officer).values("report"))
            visible |= Q(director=officer)
        # Statutory approvers see what is routed to their role; a director only their own reports.
        roles = statutory_roles_of(user)
        if roles:
            routed = Approval.objects.filter(role__in=roles).values("report")
            visible |= Q(pk__in=routed)
    if exempt_readable is None:
        # R4, as a backstop: exempt reports never reach anyone without a councillor or staff role.
        visible &= Q(is_exempt=False)
    return reports.filter(visible)


def report_for_display(queryset: QuerySet[Report] | None = None) -> QuerySet[Report]:
    """Everything a report page, its PDF or its snapshot reads, in a fixed number of queries."""
    queryset = queryset if queryset is not None else Report.objects.all()
    return queryset.select_related("committee", "director__directorate", "created_by").prefetch_related(
        "authors__directorate",
        "accountable_officers__directorate",
        "wards",
        "shared_with",
        "sections",
        Prefetch(
            "recommendations", queryset=Recommendation.objects.select_related("parent").order_by("position")
        ),
        "appendices",
        "background_papers",
        "considerations__committee",
        Prefetch("approvals", queryset=Approval.objects.select_related("officer").order_by("round", "pk")),
    )


def report_list_for(user) -> QuerySet[Report]:
    return reports_visible_to(user).select_related("committee").order_by("meeting_date", "title")


IN_PROGRESS = (Report.Status.DRAFT, Report.Status.RETURNED, Report.Status.SUBMITTED, Report.Status.APPROVED)


def reports_in_progress_for(user) -> list[Report]:
    """The officer's dashboard: reports not yet published, soonest meeting first, with each
    one's pending approvals of the current round as `pending_approvals` (constant queries)."""
    pending = Approval.objects.filter(decision=Approval.Decision.PENDING).order_by("pk")
    reports = list(
        reports_visible_to(user)
        .filter(status__in=IN_PROGRESS)
        .select_related("committee")
        .prefetch_related(Prefetch("approvals", queryset=pending, to_attr="_pending"))
        .order_by("meeting_date", "title")
    )
    for report in reports:
        # Only a report awaiting approvals waits for anyone (a returned one waits for its author).
        awaiting = report.status == Report.Status.SUBMITTED
        report.pending_approvals = [
            a for a in report._pending if awaiting and a.round == report.approval_round
        ]
    return reports


def approval_inbox_for(user) -> tuple[list[Report], list[Report]]:
    """(waiting for this user, waiting for others first): reports with a pending approval of the
    current round in a role the user signs for. A director's approval waits for the statutory four."""
    roles = approval_roles_of(user)
    if not roles:
        return [], []
    reports = reports_in_progress_for(user)
    officer = officer_of(user)
    director_id = officer.pk if officer is not None else None
    ready, blocked = [], []
    for report in reports:
        if report.status != Report.Status.SUBMITTED:
            continue
        mine = [
            a
            for a in report.pending_approvals
            if a.role in roles and (a.role != Approval.Role.DIRECTOR or report.director_id == director_id)
        ]
        if not mine:
            continue
        statutory_pending = [a for a in report.pending_approvals if a.role in Approval.STATUTORY_ROLES]
        if all(a.role == Approval.Role.DIRECTOR for a in mine) and statutory_pending:
            blocked.append(report)
        else:
            ready.append(report)
    return ready, blocked
