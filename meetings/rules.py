"""Permission predicates for meetings and agendas, named by role."""

from council.roles import Role
from council.rules import has_any_role, is_member_or_staff


def can_manage_agendas(user) -> bool:
    """Call meetings, build and publish agendas, and rebuild packs: democratic services."""
    return has_any_role(user, Role.DEMOCRATIC_SERVICES, Role.ADMINISTRATOR)


def can_read_confidential_pack(user) -> bool:
    """R4: the confidential pack, with Part B and exempt papers, is for members and officers only."""
    return is_member_or_staff(user)
