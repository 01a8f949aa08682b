from .models import CouncilProfile
from .rules import can_manage_organisation, is_staff_user


def council(request):
    """The council's profile and the user's broad permissions, for the page chrome."""
    profile = getattr(request, "_witan_council", None)
    if profile is None:
        # Before the council is set up, an unsaved blank profile keeps every page working.
        profile = CouncilProfile.objects.filter(pk=1).first() or CouncilProfile(name="Witan")
        request._witan_council = profile
    user = getattr(request, "user", None)
    return {
        "council_profile": profile,
        "council_name": profile.name,
        "user_is_staff": bool(user and is_staff_user(user)),
        "user_can_manage_organisation": bool(user and can_manage_organisation(user)),
    }
