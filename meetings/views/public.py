"""Public pages of the bodies that meet: the home page, committees, meetings and their packs.

The public see open papers only; a Part B item, an exempt report and the confidential pack are for
councillors and officers (R4). What each reader may see is worked out in `meetings.selectors`.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_GET, require_safe

from council.models import Committee
from council.selectors import committee_members, committees_active, today
from council.working_days import agenda_publication_deadline

from ..agenda import numbered_agenda
from ..models import AgendaItem, AgendaPack, Meeting, Part
from ..rules import can_manage_agendas, can_read_confidential_pack
from ..selectors import (
    committee_meetings,
    meeting_agenda_for,
    meeting_for_display,
    meetings_recent,
    meetings_upcoming,
)


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


def _pdf_response(request, *, file, filename: str, sha256: str, private: bool):
    """A stored PDF shown in the browser, revalidated by its hash. Confidential papers stay out of
    every cache (R4); public ones may be cached briefly, as the pack is rebuilt when the agenda changes."""
    etag = f'"{sha256}"' if sha256 else None
    response = get_conditional_response(request, etag=etag) if etag else None
    if response is None:
        response = FileResponse(file.open("rb"), content_type="application/pdf", filename=filename)
        if etag:
            response["ETag"] = etag
    if private:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response


def _published_meeting(pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    if not meeting.agenda_is_published:
        raise Http404("The agenda for this meeting has not been published.")
    return meeting


def _require_confidential_reader(request):
    """R4: the confidential pack is for councillors and officers; others are asked to sign in."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_read_confidential_pack(request.user):
        raise PermissionDenied("The confidential pack is for councillors and council officers.")
    return None


def _pack(request, pk: int, *, variant: str, number: int | None = None):
    confidential = variant == AgendaPack.Variant.CONFIDENTIAL
    if confidential and (refusal := _require_confidential_reader(request)) is not None:
        return refusal
    meeting = _published_meeting(pk)
    packs = AgendaPack.objects.filter(meeting=meeting, variant=variant)
    if number is None:
        pack = packs.filter(supplement__isnull=True).first()
    else:
        pack = packs.filter(supplement__number=number).first()
    if pack is None:
        raise Http404("This pack has not been built yet.")
    filename = f"{meeting.committee.slug}-{meeting.date:%Y-%m-%d}-agenda-pack"
    if number is not None:
        filename += f"-supplement-{number}"
    if confidential:
        filename += "-confidential"
    return _pdf_response(
        request, file=pack.file, filename=f"{filename}.pdf", sha256=pack.sha256, private=confidential
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
    """An item's own document (minutes, say): public on a published Part A item; a Part B item's only
    for councillors and officers (R4). Anyone else gets a 404, as if there were none."""
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting__committee").exclude(document=""),
        pk=item_pk,
        meeting_id=pk,
        published_at__isnull=False,
        is_withdrawn=False,
    )
    private = item.part == Part.B
    if private and not can_read_confidential_pack(request.user):
        raise Http404("No document has that address.")
    meeting = item.meeting
    published = meeting.items.filter(published_at__isnull=False)
    number = next((e.number for e in numbered_agenda(published) if e.item.pk == item.pk), None)
    filename = f"{meeting.committee.slug}-{meeting.date:%Y-%m-%d}-item-{number}.pdf"
    return _pdf_response(
        request, file=item.document, filename=filename, sha256=item.document_sha256, private=private
    )
