"""Who is reading: the audiences that R4 tells apart.

Every surface that shows a paper (pages, packs, downloads, the changes list, and later minutes, search,
feeds and the API) first works out the reader's audience here, then asks the visibility rules
(`reports.visibility`, `meetings.visibility`) what that audience may see. Nothing else decides.

- the public: anyone not signed in, and signed-in users with no council role;
- a councillor of this body: a councillor with a membership of the meeting's committee (substitutes
  included: they may be called to sit) running on the meeting's date;
- another councillor;
- an officer: any staff role;
- democratic services (and administrators): who also see what is not yet published.

s.100F LGA 1972 gives every councillor access to the papers of any committee; councils that keep exempt
papers to the members of the body set `WITAN_EXEMPT_PAPERS_FOR_ALL_COUNCILLORS=false`.
"""

from datetime import date

from django.conf import settings
from django.db import models

from .roles import STAFF_ROLES, Role
from .rules import has_any_role
from .selectors import memberships_running


class Audience(models.TextChoices):
    PUBLIC = "public", "The public"
    OTHER_COUNCILLOR = "other_councillor", "A councillor who is not a member of the body"
    BODY_MEMBER = "body_member", "A councillor of the body"
    OFFICER = "officer", "An officer"
    DEMOCRATIC_SERVICES = "democratic_services", "Democratic services"

    @property
    def sees_exempt(self) -> bool:
        """R4: may read exempt (Part B) papers, exempt titles and the confidential pack."""
        if self == Audience.PUBLIC:
            return False
        if self == Audience.OTHER_COUNCILLOR:
            return exempt_papers_for_all_councillors()
        return True

    @property
    def sees_unpublished(self) -> bool:
        """May see items and documents of an agenda before it is published."""
        return self == Audience.DEMOCRATIC_SERVICES


def exempt_papers_for_all_councillors() -> bool:
    return settings.WITAN.get("EXEMPT_PAPERS_FOR_ALL_COUNCILLORS", True)


def councillor_of(user):
    """The user's councillor record, if they hold the councillor role and have one."""
    if not has_any_role(user, Role.COUNCILLOR):
        return None
    return getattr(user, "councillor", None)


def sits_on(user, *, committee_id: int, on: date) -> bool:
    """Whether the user is a councillor with a membership of the committee running on `on`."""
    councillor = councillor_of(user)
    if councillor is None:
        return False
    cache = user.__dict__.setdefault("_witan_sits_on", {})
    key = (committee_id, on)
    if key not in cache:
        cache[key] = (
            memberships_running(on=on).filter(committee_id=committee_id, councillor=councillor).exists()
        )
    return cache[key]


def audience_of(user, *, committee_id: int | None = None, on: date | None = None) -> Audience:
    """The audience `user` belongs to for papers of `committee_id`'s meeting on `on`.

    Without a committee (a page that lists papers of many bodies) a councillor counts as a councillor
    of the body only if every councillor may read exempt papers; otherwise as another councillor.
    """
    if has_any_role(user, Role.DEMOCRATIC_SERVICES, Role.ADMINISTRATOR):
        return Audience.DEMOCRATIC_SERVICES
    if has_any_role(user, *STAFF_ROLES):
        return Audience.OFFICER
    if has_any_role(user, Role.COUNCILLOR):
        if committee_id is not None and on is not None and sits_on(user, committee_id=committee_id, on=on):
            return Audience.BODY_MEMBER
        return Audience.OTHER_COUNCILLOR
    return Audience.PUBLIC
