"""Who may see and change a report. Views, selectors and services ask these."""

from council.roles import Role, user_roles
from council.rules import has_any_role, is_staff_user

from .models import Approval, Report

# The council role that may record each approval of the Approvals Obtained block.
APPROVER_ROLE_FOR = {
    Approval.Role.FINANCE: Role.FINANCE_APPROVER,
    Approval.Role.LEGAL: Role.LEGAL_APPROVER,
    Approval.Role.PROCUREMENT: Role.PROCUREMENT_APPROVER,
    Approval.Role.HR: Role.HR_APPROVER,
    Approval.Role.DIRECTOR: Role.DIRECTOR,
}


def sees_every_report(user) -> bool:
    return has_any_role(user, Role.DEMOCRATIC_SERVICES, Role.ADMINISTRATOR)


def approval_roles_of(user) -> list[str]:
    """The Approvals Obtained roles this user may sign for."""
    roles = user_roles(user)
    return [approval for approval, role in APPROVER_ROLE_FOR.items() if role in roles]


def statutory_roles_of(user) -> list[str]:
    """The statutory approvals (finance, legal, procurement, HR) this user signs: these are routed to
    the role. A director's approval is not: only the director named on a report signs it."""
    return [role for role in approval_roles_of(user) if role != Approval.Role.DIRECTOR]


def officer_of(user):
    return getattr(user, "officer", None) if getattr(user, "is_authenticated", False) else None


def is_report_author(user, report: Report) -> bool:
    """The report's creator, a colleague it is shared with, or a named author, while they hold a
    staff role (someone whose role is removed loses access to drafts and exempt material: R4)."""
    if not is_staff_user(user):
        return False
    if report.created_by_id == user.pk:
        return True
    if any(u.pk == user.pk for u in report.shared_with.all()):
        return True
    officer = officer_of(user)
    return officer is not None and any(a.pk == officer.pk for a in report.authors.all())


def can_edit_report(user, report: Report) -> bool:
    if not report.is_editable:
        return False
    return sees_every_report(user) or (
        has_any_role(user, Role.REPORT_AUTHOR) and is_report_author(user, report)
    )


def can_create_report(user) -> bool:
    return has_any_role(user, Role.REPORT_AUTHOR, Role.DEMOCRATIC_SERVICES, Role.ADMINISTRATOR)


def works_on_report(user, report: Report) -> bool:
    """Whether the user sees the report for a reason other than its publication.

    The same routes as `selectors.reports_visible_to` gives to unpublished reports: democratic services,
    its creator and the colleagues it is shared with, its authors and director, and the approvers it is
    routed to. Expects `shared_with` and `authors` prefetched.
    """
    if sees_every_report(user):
        return True
    if not is_staff_user(user):
        return False
    if report.created_by_id == user.pk or any(u.pk == user.pk for u in report.shared_with.all()):
        return True
    officer = officer_of(user)
    named = officer is not None and (
        report.director_id == officer.pk or any(a.pk == officer.pk for a in report.authors.all())
    )
    if named and has_any_role(user, Role.REPORT_AUTHOR, Role.DIRECTOR):
        return True
    roles = statutory_roles_of(user)
    return bool(roles) and report.approvals.filter(role__in=roles).exists()
