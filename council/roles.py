"""Who may do what. Roles are Django groups, one per role, created by a migration."""

from django.db import models


class Role(models.TextChoices):
    """The roles of Witan's users; the public are anonymous and have none."""

    COUNCILLOR = "councillor", "Councillor"
    REPORT_AUTHOR = "report_author", "Report author"
    DIRECTOR = "director", "Director"
    FINANCE_APPROVER = "finance_approver", "Finance approver (chief finance officer)"
    LEGAL_APPROVER = "legal_approver", "Legal approver"
    PROCUREMENT_APPROVER = "procurement_approver", "Procurement approver"
    HR_APPROVER = "hr_approver", "HR approver"
    DEMOCRATIC_SERVICES = "democratic_services", "Democratic services"
    ADMINISTRATOR = "administrator", "Administrator"

    @property
    def group_name(self) -> str:
        return self.label


STATUTORY_APPROVER_ROLES = (
    Role.FINANCE_APPROVER,
    Role.LEGAL_APPROVER,
    Role.PROCUREMENT_APPROVER,
    Role.HR_APPROVER,
)
OFFICER_ROLES = (Role.REPORT_AUTHOR, Role.DIRECTOR, *STATUTORY_APPROVER_ROLES, Role.DEMOCRATIC_SERVICES)
STAFF_ROLES = (*OFFICER_ROLES, Role.ADMINISTRATOR)

_GROUP_TO_ROLE = {role.label: role for role in Role}


def user_roles(user) -> frozenset[Role]:
    """The roles a user holds, read once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_witan_roles", None)
    if cached is None:
        names = user.groups.values_list("name", flat=True)
        roles = {_GROUP_TO_ROLE[name] for name in names if name in _GROUP_TO_ROLE}
        if user.is_superuser:
            roles.add(Role.ADMINISTRATOR)
        cached = frozenset(roles)
        user._witan_roles = cached
    return cached


# Group names as created by migration 0002; a test keeps the two in step.
ROLE_GROUP_NAMES = tuple(role.label for role in Role)
