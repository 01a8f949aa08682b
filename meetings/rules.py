"""Permission predicates for meetings and agendas, named by role."""

from council.roles import Role
from council.rules import has_any_role


def can_manage_agendas(user) -> bool:
    """Call meetings, build and publish agendas, and rebuild packs: democratic services."""
    return has_any_role(user, Role.DEMOCRATIC_SERVICES, Role.ADMINISTRATOR)
