"""Who may see and change a report. Views, selectors and services ask these."""

from council.roles import Role, user_roles
from council.rules import has_any_role, is_member_or_staff, is_staff_user

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


def can_see_exempt(user) -> bool:
    """R4: only councillors and staff ever see exempt reports, their appendices or exempt titles."""
    return is_member_or_staff(user)
