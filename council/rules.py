"""Permission predicates, named by role. Views and templates ask these, never group names."""

from .roles import STAFF_ROLES, Role, user_roles


def has_any_role(user, *roles: Role) -> bool:
    return bool(user_roles(user) & set(roles))


def is_staff_user(user) -> bool:
    """Any officer role, or an administrator: may use the staff area."""
    return has_any_role(user, *STAFF_ROLES)


def can_manage_organisation(user) -> bool:
    """Edit the council profile, wards, people, committees, memberships and closure days."""
    return has_any_role(user, Role.DEMOCRATIC_SERVICES, Role.ADMINISTRATOR)


def can_read_audit_log(user) -> bool:
    return has_any_role(user, Role.DEMOCRATIC_SERVICES, Role.ADMINISTRATOR)
