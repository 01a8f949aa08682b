"""Public pages of the bodies that meet: the home page, committees and meetings."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from council.models import Committee
from council.selectors import committee_members, committees_active, today
from council.working_days import agenda_publication_deadline

from ..models import Meeting
from ..selectors import committee_meetings, meetings_recent, meetings_upcoming


@require_GET
def home(request):
    return render(
        request,
        "meetings/home.html",
        {"upcoming": meetings_upcoming(limit=8), "recent": meetings_recent(limit=8)},
    )


@require_GET
def committee_list(request):
    committees = list(committees_active())
    groups: dict[str, list[Committee]] = {}
    for committee in committees:
        groups.setdefault(committee.get_kind_display(), []).append(committee)
    kind_order = [label for _, label in Committee.Kind.choices]
    grouped = sorted(groups.items(), key=lambda item: kind_order.index(item[0]))
    return render(request, "meetings/committee_list.html", {"grouped_committees": grouped})


@require_GET
def committee_detail(request, slug):
    committee = get_object_or_404(Committee.objects.select_related("parent"), slug=slug)
    members = committee_members(committee=committee)
    upcoming, past = committee_meetings(committee=committee)
    voting = sum(1 for m in members if m.is_voting and m.role != m.Role.SUBSTITUTE)
    return render(
        request,
        "meetings/committee_detail.html",
        {
            "committee": committee,
            "members": members,
            "quorum": committee.quorum_for(voting),
            "upcoming": upcoming,
            "past": past[:12],
            "children": committee.children.filter(is_active=True),
        },
    )


@require_GET
def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    upcoming = meeting.date >= today() and meeting.status == Meeting.Status.SCHEDULED
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            # R1: the agenda is due five clear working days before the meeting.
            "publication_deadline": agenda_publication_deadline(meeting.date) if upcoming else None,
            "agenda_clear_days": settings.WITAN["AGENDA_CLEAR_DAYS"],
        },
    )
