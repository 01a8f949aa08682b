from .models import CouncilProfile
from .rules import can_manage_organisation, is_staff_user


def council(request):
    """The council's profile and the user's broad permissions, for the page chrome."""
    profile = getattr(request, "_witan_council", None)
    if profile is None:
        profile = CouncilProfile.objects.filter(pk=1).first()
        request._witan_council = profile
    user = getattr(request, "user", None)
    return {
        "council_profile": profile,
        "council_name": profile.name if profile else "Witan",
        "user_is_staff": bool(user and is_staff_user(user)),
        "user_can_manage_organisation": bool(user and can_manage_organisation(user)),
    }
