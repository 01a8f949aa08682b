"""The minutes of a demo meeting, written up as the clerk would and printed to PDF for the next pack.

Until minutes are written in Witan, a body's minutes reach its next agenda as an uploaded PDF. The demo
writes them from what it knows: who sat on the body that day (`committee_members`), and the business on
the meeting's published agenda, or, for a meeting from before the demo's agendas, the body's usual
topics. Minute numbers run on through the municipal year and start again in May (council-papers.md §4).
"""

from datetime import date, time

from council.models import CouncilProfile, Membership, MunicipalYear
from council.selectors import committee_members

from .agenda import numbered_agenda
from .demo_data import agendas as data
from .demo_data import year_words
from .demo_documents import Minute, minutes_pdf
from .models import AgendaItem, Meeting, Part, StandardItem

_NO_MINUTE = {
    StandardItem.APOLOGIES,
    StandardItem.EXCLUSION,
    StandardItem.URGENT_BUSINESS,
    StandardItem.COMMUNICATIONS,
}


def clock(at: time) -> str:
    """ "1.30 pm", "2 pm": the time as council papers print it."""
    hour, suffix = at.hour % 12 or 12, "am" if at.hour < 12 else "pm"
    return f"{hour}.{at.minute:02d} {suffix}" if at.minute else f"{hour} {suffix}"


def _when(meeting: Meeting) -> str:
    return f"{long_date(meeting.date)} at {clock(meeting.start_time)}"


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _business(meeting: Meeting) -> list[tuple[str, str, str]]:
    """(item kind, standard item, title) of each numbered item the meeting took in public, in order."""
    items = list(meeting.items.filter(published_at__isnull=False))
    if items:
        return [
            (entry.item.kind, entry.item.standard_item, entry.item.title)
            for entry in numbered_agenda(items)
            if entry.number and entry.item.part == Part.A
        ]
    # A meeting from before the demo's agendas: its body's usual business and one of its topics.
    topics = data.TOPICS.get(meeting.committee.slug, [])
    picked = [topics[meeting.date.toordinal() % len(topics)]] if topics else []
    words = year_words(meeting.date.year if meeting.date.month > 5 else meeting.date.year - 1)
    standard = AgendaItem.Kind.STANDARD
    return [
        (standard, StandardItem.DECLARATIONS, ""),
        (standard, StandardItem.QUESTIONS, ""),
        (standard, StandardItem.PREVIOUS_MINUTES, ""),
        *(
            (AgendaItem.Kind.OTHER, "", title.format_map(words))
            for title, _ in [*data.REGULAR_BUSINESS[meeting.committee.slug], *picked]
        ),
        (standard, StandardItem.NEXT_MEETING, ""),
    ]


def _body(meeting: Meeting) -> str:
    """How the minutes name the body: "the Commission", "the Panel", "Cabinet"."""
    last_word = meeting.committee.name.split()[-1]
    return "Cabinet" if last_word == "Cabinet" else f"the {last_word}"


def _minutes_of(meeting: Meeting, *, previous: Meeting | None, following: Meeting | None) -> list[tuple]:
    """(title, paragraphs) of each minute, before numbering."""
    wording, body = data.MINUTES_WORDING, _body(meeting)
    written = []
    for kind, standard, title in _business(meeting):
        if standard in _NO_MINUTE:
            continue
        if standard == StandardItem.DECLARATIONS:
            written.append(("Declarations of interest", [wording["no_declarations"]]))
        elif standard == StandardItem.QUESTIONS:
            written.append(("Questions from the public and the press", [wording["no_questions"]]))
        elif standard == StandardItem.PREVIOUS_MINUTES:
            if previous is not None:
                text = wording["previous_minutes"].format(date=long_date(previous.date))
                written.append(("Minutes of the previous meeting", [text]))
        elif standard == StandardItem.NEXT_MEETING:
            if following is not None:
                text = wording["next_meeting"].format(
                    date=long_date(following.date), time=clock(following.start_time)
                )
                written.append(("Date and time of the next meeting", [text]))
        elif kind == AgendaItem.Kind.REPORTS:
            resolved = " ".join(f"({n}) {text}" for n, text in enumerate(wording["item_resolved"], start=1))
            considered = wording["item"].format(body=body[0].upper() + body[1:], title=f"“{title}”")
            written.append((title, [considered, f"Resolved:- {resolved}"]))
        elif kind == AgendaItem.Kind.MINUTES:
            written.append((title, [wording["minutes_noted"]]))
        else:
            discussed = wording["discussed"].format(body=body[0].upper() + body[1:], title=title)
            written.append((title, [discussed, wording["other_resolved"]]))
    return written


def _minute_count(meeting: Meeting) -> int:
    return len(_minutes_of(meeting, previous=meeting, following=meeting))


def minutes_for_pack(meeting: Meeting) -> bytes:
    """The minutes of `meeting` (held) as a PDF."""
    body_meetings = list(
        Meeting.objects.filter(committee=meeting.committee, status=Meeting.Status.HELD).order_by("date")
    )
    index = next(i for i, m in enumerate(body_meetings) if m.pk == meeting.pk)
    previous = body_meetings[index - 1] if index else None
    following = (
        Meeting.objects.filter(committee=meeting.committee, date__gt=meeting.date)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("date")
        .first()
    )
    year = MunicipalYear.objects.filter(start_date__lte=meeting.date).order_by("-start_date").first()
    earlier = [m for m in body_meetings[:index] if year is None or m.date >= year.start_date]
    first_number = 1 + sum(_minute_count(m) for m in earlier)
    written = _minutes_of(meeting, previous=previous, following=following)
    minutes = [Minute(first_number + n, title, texts) for n, (title, texts) in enumerate(written)]
    # A declaration now and then, on the first substantive item, as real minutes have.
    substantive = [m for m in minutes if any(p.startswith("Resolved:- (1)") for p in m.paragraphs)]
    members = committee_members(committee=meeting.committee, on=meeting.date)
    councillors = [m for m in members if m.councillor_id]
    chair = next((m for m in councillors if m.role == Membership.Role.CHAIR), None)
    ordinary = [m for m in councillors if m is not chair]
    absent = ordinary[meeting.date.toordinal() % len(ordinary)] if len(ordinary) > 3 else None
    declarations = minutes[0] if minutes and minutes[0].title == "Declarations of interest" else None
    if declarations and substantive and meeting.date.toordinal() % 3 == 0 and len(councillors) > 2:
        declarer = next(m for m in councillors if m is not absent and m is not chair)
        declarations.paragraphs = [
            data.MINUTES_WORDING["declaration"].format(
                name=declarer.councillor.last_name, number=substantive[0].number, title=substantive[0].title
            )
        ]
    others = [m.councillor.last_name for m in councillors if m is not chair and m is not absent]
    present = f"Councillor {chair.councillor.last_name} (in the Chair); " if chair else ""
    if others:
        present += (
            f"Councillors {', '.join(others[:-1])} and {others[-1]}."
            if len(others) > 1
            else f"Councillor {others[0]}."
        )
    apologies = (
        f"Apologies for absence were received from Councillor {absent.councillor.last_name}."
        if absent
        else "There were no apologies for absence."
    )
    council = CouncilProfile.objects.filter(pk=1).values_list("name", flat=True).first() or ""
    return minutes_pdf(
        body=meeting.committee.name,
        held=f"{_when(meeting)}, {meeting.venue}",
        present=present,
        apologies=apologies,
        minutes=minutes,
        council=council,
    )


def minutes_title(item_title: str, meeting: Meeting) -> str:
    """The agenda's wording for a minutes item, with the date of the meeting it minutes."""
    return f"{item_title} held on {meeting.date.day} {meeting.date:%B %Y}"
