"""The agenda front sheet: the council's header, the items with their "(Pages X - Y)", the membership
and the signing officer (council-papers.md §2)."""

from datetime import date

from django.template.loader import render_to_string

from council.models import CouncilProfile, Membership
from council.selectors import committee_members

from ..models import AgendaItem, Meeting, StandardItem
from .contents import PackContents, PackItem


def ordinal_date(day: date) -> str:
    """ "Tuesday, 4th July, 2017", as the papers print it."""
    suffix = "th" if 11 <= day.day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day:%A}, {day.day}{suffix} {day:%B}, {day.year}"


def clock_time(value) -> str:
    """ "6.00 p.m." """
    hour = value.hour % 12 or 12
    return f"{hour}.{value.minute:02d} {'a.m.' if value.hour < 12 else 'p.m.'}"


def _next_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(committee=meeting.committee, date__gt=meeting.date)
        .exclude(status__in=Meeting.NOT_GOING_AHEAD)
        .order_by("date", "start_time")
        .first()
    )


def membership_lines(meeting: Meeting) -> dict:
    """Chair and vice-chair by title, councillors by surname with the count, co-optees with the body
    they represent, as on the papers' front sheets."""
    members = committee_members(committee=meeting.committee, on=meeting.date)
    officers, councillors, co_optees = [], [], []
    count = 0
    surnames = [m.councillor.last_name for m in members if m.councillor_id]
    for m in members:
        if m.role == Membership.Role.SUBSTITUTE:
            continue
        if m.councillor_id:
            c = m.councillor
            count += 1
            # Initials only where two members share a surname.
            name = c.last_name if surnames.count(c.last_name) == 1 else f"{c.first_name[:1]} {c.last_name}"
            if m.role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR):
                officers.append(f"{m.role_title()} – Councillor {name}")
            else:
                councillors.append(name)
        elif m.co_optee_id:
            line = m.co_optee.full_name + (f" ({m.representing})" if m.representing else "")
            if scope := m.item_scope.strip():
                line += f" {scope}" if scope.lower().startswith("for ") else f" for {scope}"
            co_optees.append(line)
    # The count includes the chair and vice-chair, as the papers' "(18)" does.
    return {"officers": officers, "councillors": sorted(councillors), "count": count, "co_optees": co_optees}


def _page_range(item: PackItem) -> str:
    if item.first_page is None:
        return ""
    return f"(Pages {item.first_page} - {item.last_page})"


def front_sheet_context(contents: PackContents, *, council: CouncilProfile) -> dict:
    from council.documents import PACK_PAGE_LINK as pack_page_link

    meeting = contents.meeting
    items = []
    for pack_item in contents.items:
        item = pack_item.item
        extra = ""
        if item.standard_item == StandardItem.NEXT_MEETING:
            following = _next_meeting(meeting)
            if following:
                extra = f"{ordinal_date(following.date)} at {clock_time(following.start_time)}"
        items.append(
            {
                "number": pack_item.number,
                "title": pack_item.title,
                "is_heading": item.kind == AgendaItem.Kind.HEADING,
                "description": pack_item.description,
                "part": item.part,
                "pages": _page_range(pack_item),
                "link": pack_page_link.format(number=pack_item.first_page) if pack_item.first_page else "",
                "extra": extra,
                "urgent": bool(item.urgency_reason),
                "exempt_reference": item.exempt_paragraphs,
            }
        )
    officer = council.proper_officer
    return {
        "council_name": council.name,
        "meeting": meeting,
        "date_line": ordinal_date(meeting.date),
        "time_line": clock_time(meeting.start_time),
        "supplement": contents.supplement,
        "confidential": contents.confidential,
        "items": items,
        "membership": membership_lines(meeting),
        "signing_officer": officer.name if officer else "",
        "signing_title": council.proper_officer_title,
    }


def front_sheet_html(contents: PackContents, *, council: CouncilProfile) -> str:
    return render_to_string("pdf/agenda_front_sheet.html", front_sheet_context(contents, council=council))
