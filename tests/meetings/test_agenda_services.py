"""Building an agenda: the committee's template, numbering through headings into Part B, where new
items go, Part B, reordering, and removing or withdrawing items."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from council.models import AuditEntry
from meetings.models import AgendaChange, AgendaItem, Meeting, PackBuild
from meetings.services import (
    AgendaError,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_set_part,
    agenda_publish,
    agenda_reorder,
    agenda_report_attach,
    agenda_report_detach,
    meeting_set_status,
    meetings_create_for_dates,
)
from reports.services import report_withdraw
from tests.factories import CommitteeFactory
from tests.reports.factories import report_approved

from .factories import (
    MEETING_DATE,
    agenda_lines,
    agenda_template_of,
    clerk,
    meeting_called,
    public_changes,
    report_item,
    travel_to,
)

pytestmark = pytest.mark.django_db

EXCLUSION = (
    "To consider whether the press and public should be excluded from the meeting during consideration "
    "of any part of the agenda"
)
URGENT = "To determine any item which the Chair is of the opinion should be considered as a matter of urgency"
QUESTIONS = "Questions from members of the public and the press"


@pytest.fixture(autouse=True)
def _before_the_deadline(time_machine):
    """Monday 2 June 2025: the agenda of 17 June can still go out in time (R1)."""
    travel_to(time_machine, date(2025, 6, 2))


@pytest.fixture
def by(db):
    return clerk()


@pytest.fixture
def scrutiny(db):
    """A body whose template takes the exclusion item early, then heads its reports (as some papers do)."""
    committee = CommitteeFactory(name="Improving Places Select Commission")
    agenda_template_of(
        committee,
        ("standard", "apologies"),
        ("standard", "declarations"),
        ("standard", "exclusion"),
        ("standard", "questions"),
        ("heading", "Items for Pre-Decision Scrutiny"),
        ("reports", ""),
        ("standard", "next_meeting"),
    )
    return committee


def _report(meeting, title):
    return report_approved(committee=meeting.committee, meeting_date=meeting.date, title=title)


def test_meeting_create_agenda_from_committee_template(scrutiny, by):
    entry = scrutiny.agenda_template.get(kind="heading")
    entry.preamble = "The Cabinet will consider these reports on 23 June."
    entry.save()

    meeting = meeting_called(committee=scrutiny, on=MEETING_DATE, by=by)

    assert agenda_lines(meeting) == [
        "1. Apologies for absence",
        "2. Declarations of interest",
        f"3. {EXCLUSION}",
        f"4. {QUESTIONS}",
        "Items for Pre-Decision Scrutiny",
        "5. Date and time of the next meeting",
    ]
    heading = meeting.items.get(kind=AgendaItem.Kind.HEADING)
    assert heading.description == "The Cabinet will consider these reports on 23 June."
    assert set(meeting.items.values_list("added_at", flat=True)) == {meeting.convened_at}


def test_meeting_create_agenda_default_order_without_template(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)

    assert agenda_lines(meeting) == [
        "1. Apologies for absence",
        "2. Declarations of interest",
        "3. Minutes of the previous meeting",
        f"4. {URGENT}",
        f"5. {QUESTIONS}",
        f"6. {EXCLUSION}",
        "7. Date and time of the next meeting",
    ]


def test_meetings_create_for_dates_whole_calendar_or_none(by):
    committee = CommitteeFactory(name="Licensing Board")
    meetings = meetings_create_for_dates(
        committee=committee, dates=[date(2025, 9, 9), date(2025, 7, 1), date(2025, 7, 1)], by=by
    )

    assert [m.date for m in meetings] == [date(2025, 7, 1), date(2025, 9, 9)]
    assert all(len(agenda_lines(m)) == 7 for m in meetings)
    with pytest.raises(AgendaError) as refused:
        meetings_create_for_dates(committee=committee, dates=[date(2025, 11, 4), date(2025, 9, 9)], by=by)
    assert str(refused.value) == "Licensing Board already meets at that time on 9 September 2025."
    assert Meeting.objects.filter(committee=committee).count() == 2


def test_agenda_item_add_reports_before_trailing_items_numbered_through_heading_into_part_b(scrutiny, by):
    meeting = meeting_called(committee=scrutiny, on=MEETING_DATE, by=by)

    report_item(meeting, report=_report(meeting, "Play Area Renewal"), by=by)
    report_item(meeting, report=_report(meeting, "Library Opening Hours"), by=by)
    report_item(meeting, report=_report(meeting, "Depot Sale"), part="B", exempt_paragraphs=[3], by=by)

    assert agenda_lines(meeting) == [
        "1. Apologies for absence",
        "2. Declarations of interest",
        f"3. {EXCLUSION}",
        f"4. {QUESTIONS}",
        "Items for Pre-Decision Scrutiny",
        "5. Play Area Renewal",
        "6. Library Opening Hours",
        "7. Date and time of the next meeting",
        "8. Depot Sale [Part B]",
    ]


def test_agenda_item_add_part_b_without_paragraph_refused(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)

    with pytest.raises(ValidationError) as refused:
        report_item(meeting, report=_report(meeting, "Depot Sale"), part="B", by=by)

    assert refused.value.message_dict == {
        "exempt_paragraphs": ["A Part B item must cite the paragraph(s) of Schedule 12A it is exempt under."]
    }


def test_agenda_item_set_part_b_needs_paragraphs_and_back_to_part_a(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)
    play = report_item(meeting, report=_report(meeting, "Play Area Renewal"), by=by)
    depot = report_item(meeting, report=_report(meeting, "Depot Sale"), by=by)

    with pytest.raises(ValidationError) as refused:
        agenda_item_set_part(item=depot, part="B", by=by)
    assert refused.value.message_dict == {
        "exempt_paragraphs": ["A Part B item must cite the paragraph(s) of Schedule 12A it is exempt under."]
    }

    agenda_item_set_part(item=depot, part="B", exempt_paragraphs=[3], by=by)
    agenda_item_set_part(item=play, part="B", exempt_paragraphs=[1, 2], by=by)
    assert agenda_lines(meeting)[-4:] == [
        f"6. {EXCLUSION}",
        "7. Date and time of the next meeting",
        "8. Depot Sale [Part B]",
        "9. Play Area Renewal [Part B]",
    ]
    assert meeting.items.get(pk=play.pk).exempt_paragraphs == [1, 2]

    # Back in Part A, the report goes before the standard items that close it, as a new one would.
    play = agenda_item_set_part(item=play, part="A", by=by)
    assert play.exempt_paragraphs == []
    assert agenda_lines(meeting)[-4:] == [
        "6. Play Area Renewal",
        f"7. {EXCLUSION}",
        "8. Date and time of the next meeting",
        "9. Depot Sale [Part B]",
    ]


def test_agenda_reorder_and_move(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)
    play = report_item(meeting, report=_report(meeting, "Play Area Renewal"), by=by)
    library = report_item(meeting, report=_report(meeting, "Library Opening Hours"), by=by)
    ids = list(meeting.items.filter(part="A").order_by("position").values_list("pk", flat=True))

    agenda_reorder(meeting=meeting, part="A", item_ids=[*ids[1:], ids[0]], by=by)
    assert agenda_lines(meeting)[0] == "1. Declarations of interest"
    assert agenda_lines(meeting)[-1] == "9. Apologies for absence"

    agenda_item_move(item=library, up=True, by=by)
    assert agenda_lines(meeting)[4:7] == [
        "5. Library Opening Hours",
        "6. Play Area Renewal",
        f"7. {EXCLUSION}",
    ]
    agenda_item_move(item=play, up=False, by=by)
    assert agenda_lines(meeting)[5:7] == [f"6. {EXCLUSION}", "7. Play Area Renewal"]

    with pytest.raises(AgendaError) as refused:
        agenda_reorder(meeting=meeting, part="A", item_ids=ids[1:], by=by)
    assert str(refused.value) == (
        "The agenda changed while you were reordering it: reload the page and try again."
    )


def test_agenda_item_remove_draft_item_deleted(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)
    item = report_item(meeting, report=_report(meeting, "Play Area Renewal"), by=by)

    agenda_item_remove(item=item, by=by)

    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    assert AuditEntry.objects.filter(object_id=str(item.pk), action=AuditEntry.Action.DELETED).exists()
    assert not AgendaChange.objects.exists()


def test_agenda_item_remove_published_item_withdrawn_and_listed(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)
    play = report_item(meeting, report=_report(meeting, "Play Area Renewal"), by=by)
    report_item(meeting, report=_report(meeting, "Library Opening Hours"), by=by)
    agenda_publish(meeting=meeting, by=by)
    PackBuild.objects.update(status=PackBuild.Status.SUCCEEDED)  # the publication build has run

    agenda_item_remove(item=play, by=by)

    play.refresh_from_db()
    assert play.is_withdrawn is True
    assert public_changes() == ["Item 6 withdrawn: Play Area Renewal"]
    assert agenda_lines(meeting)[5:] == [
        "6. Library Opening Hours",
        f"7. {EXCLUSION}",
        "8. Date and time of the next meeting",
    ]
    assert PackBuild.objects.get(status=PackBuild.Status.QUEUED).reason == (
        "Item 6 withdrawn: Play Area Renewal"
    )

    # The builder lists the items still on the agenda: reordering them works without the withdrawn one.
    visible = list(
        meeting.items.filter(part="A", is_withdrawn=False).order_by("-position").values_list("pk", flat=True)
    )
    agenda_reorder(meeting=meeting, part="A", item_ids=visible, by=by)
    assert agenda_lines(meeting)[0] == "1. Date and time of the next meeting"
    assert len(agenda_lines(meeting)) == 8


def test_agenda_item_add_withdrawn_report_refused(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report = _report(meeting, "Play Area Renewal")
    report_withdraw(report=report, by=by, reason="Deferred to the autumn.")

    with pytest.raises(AgendaError) as refused:
        report_item(meeting, report=report, by=by)

    assert str(refused.value) == "“Play Area Renewal” is withdrawn: it cannot go on an agenda."
    assert not meeting.items.filter(kind=AgendaItem.Kind.REPORTS).exists()


def test_agenda_report_attach_same_report_twice_refused(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report = _report(meeting, "Play Area Renewal")
    item = report_item(meeting, report=report, by=by)
    other = report_item(meeting, report=_report(meeting, "Library Opening Hours"), by=by)

    with pytest.raises(AgendaError) as refused:
        report_item(meeting, report=report, by=by)
    assert str(refused.value) == "“Play Area Renewal” is already on this agenda."
    with pytest.raises(AgendaError) as refused_attach:
        agenda_report_attach(item=other, report=report, by=by)
    assert str(refused_attach.value) == "“Play Area Renewal” is already on this agenda."

    assert [link.report for link in item.report_links.all()] == [report]
    assert meeting.items.filter(kind=AgendaItem.Kind.REPORTS).count() == 2


def test_agenda_report_attach_second_report_and_detach(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)
    item = report_item(meeting, report=_report(meeting, "Play Area Renewal"), by=by)
    briefing = _report(meeting, "Play Area Renewal: Consultation Responses")

    link = agenda_report_attach(item=item, report=briefing, by=by)

    assert [(lk.position, lk.report.title) for lk in item.report_links.all()] == [
        (1, "Play Area Renewal"),
        (2, "Play Area Renewal: Consultation Responses"),
    ]
    agenda_report_detach(link=link, by=by)
    with pytest.raises(AgendaError) as refused:
        agenda_report_detach(link=item.report_links.get(), by=by)
    assert str(refused.value) == "An item needs at least one report: remove the item instead."


def test_agenda_item_add_cancelled_meeting_refused(by):
    meeting = meeting_called(on=MEETING_DATE, by=by)
    meeting_set_status(meeting=meeting, status=Meeting.Status.CANCELLED, reason="No business.", by=by)

    with pytest.raises(AgendaError) as refused:
        agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.HEADING, title="For Decision", by=by)

    assert str(refused.value) == "This meeting has been cancelled: its agenda can no longer change."
