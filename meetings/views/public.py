"""Public pages of the bodies that meet: the home page, committees, meetings and their packs.

The public see open papers only; a Part B item, an exempt report and the confidential pack are for
councillors and officers (R4). What each reader may see is decided in `meetings.visibility`; every
file is sent from private storage by `council.downloads`.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from council.downloads import document_response
from council.models import Committee
from council.selectors import committee_members, committees_active, today
from council.working_days import agenda_publication_deadline

from ..agenda import numbered_agenda
from ..models import AgendaItem, AgendaPack, Meeting
from ..rules import can_manage_agendas
from ..selectors import (
    PackOnPage,
    committee_meetings,
    meeting_agenda_for,
    meeting_for_display,
    meetings_recent,
    meetings_upcoming,
)
from ..visibility import (
    Audience,
    audience_for_meeting,
    item_document_is_shown_to,
    pack_is_shown_to,
)


@require_safe
def home(request):
    return render(
        request,
        "meetings/home.html",
        {"upcoming": meetings_upcoming(limit=8), "recent": meetings_recent(limit=8)},
    )


@require_safe
def committee_list(request):
    committees = list(committees_active())
    groups: dict[str, list[Committee]] = {}
    for committee in committees:
        groups.setdefault(committee.get_kind_display(), []).append(committee)
    kind_order = [label for _, label in Committee.Kind.choices]
    grouped = sorted(groups.items(), key=lambda item: kind_order.index(item[0]))
    return render(request, "meetings/committee_list.html", {"grouped_committees": grouped})


@require_safe
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


@require_safe
def meeting_detail(request, pk):
    try:
        meeting = meeting_for_display(pk)
    except Meeting.DoesNotExist:
        raise Http404("No meeting has that address.") from None
    upcoming = meeting.date >= today() and meeting.status == Meeting.Status.SCHEDULED
    published = meeting.agenda_is_published
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": meeting_agenda_for(meeting, request.user) if published else None,
            # R1: the agenda is due five clear working days before the meeting.
            "publication_deadline": agenda_publication_deadline(meeting.date)
            if upcoming and not published
            else None,
            "agenda_clear_days": settings.WITAN["AGENDA_CLEAR_DAYS"],
            "can_manage_agendas": can_manage_agendas(request.user),
        },
    )


def _published_meeting(pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    if not meeting.agenda_is_published:
        raise Http404("The agenda for this meeting has not been published.")
    return meeting


def _pack(request, pk: int, *, variant: str, number: int | None = None):
    meeting = _published_meeting(pk)
    if not pack_is_shown_to(variant, audience_for_meeting(request.user, meeting)):
        # R4: the confidential pack is for councillors and officers; others are asked to sign in.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied("The confidential pack is for councillors and council officers.")
    packs = AgendaPack.objects.filter(meeting=meeting, variant=variant).select_related("supplement")
    if number is None:
        pack = packs.filter(supplement__isnull=True).first()
    else:
        pack = packs.filter(supplement__number=number).first()
    if pack is None:
        raise Http404("This pack has not been built yet.")
    filename = f"{meeting.committee.slug}-{meeting.date:%Y-%m-%d}-agenda-pack"
    if number is not None:
        filename += f"-supplement-{number}"
    if pack.variant == AgendaPack.Variant.CONFIDENTIAL:
        filename += "-confidential"
    return document_response(
        request,
        file=pack.file,
        filename=f"{filename}.pdf",
        sha256=pack.sha256,
        private=not pack_is_shown_to(variant, Audience.PUBLIC),
        what=f"the {PackOnPage(pack).name.lower()}",
        back_url=meeting.get_absolute_url(),
        back_label="the meeting",
    )


@require_safe
def pack(request, pk):
    return _pack(request, pk, variant=AgendaPack.Variant.PUBLIC)


@require_safe
def pack_confidential(request, pk):
    return _pack(request, pk, variant=AgendaPack.Variant.CONFIDENTIAL)


@require_safe
def supplement_pack(request, pk, number):
    return _pack(request, pk, variant=AgendaPack.Variant.PUBLIC, number=number)


@require_safe
def supplement_pack_confidential(request, pk, number):
    return _pack(request, pk, variant=AgendaPack.Variant.CONFIDENTIAL, number=number)


@require_safe
def item_document(request, pk, item_pk):
    """An item's own document (minutes, say), as `visibility.item_document_is_shown_to` allows (R4):
    anyone else gets a 404, as if there were none."""
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting__committee").exclude(document=""),
        pk=item_pk,
        meeting_id=pk,
    )
    meeting = item.meeting
    audience = audience_for_meeting(request.user, meeting)
    if not item_document_is_shown_to(item, audience):
        raise Http404("No document has that address.")
    # Numbered as the published agenda numbers it (democratic services may also open a draft item's).
    numbered = meeting.items.filter(published_at__isnull=False) if item.is_published else meeting.items.all()
    number = next((e.number for e in numbered_agenda(numbered) if e.item.pk == item.pk), None)
    filename = f"{meeting.committee.slug}-{meeting.date:%Y-%m-%d}-item-{number}.pdf"
    return document_response(
        request,
        file=item.document,
        filename=filename,
        sha256=item.document_sha256,
        private=not item_document_is_shown_to(item, Audience.PUBLIC),
        what=f"the document of item {number}",
        back_url=meeting.get_absolute_url(),
        back_label="the meeting",
    )
