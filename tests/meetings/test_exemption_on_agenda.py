"""R4 on the agenda: what Part B decides about a report, and what the public may read of it."""

import pytest
from django.test import Client

from council.roles import Role
from meetings.models import AgendaItem, Part
from meetings.services import (
    AgendaError,
    agenda_item_add,
    agenda_item_remove,
    agenda_item_set_part,
    agenda_missing,
    agenda_publish,
)
from reports.models import Report
from tests.factories import UserFactory
from tests.meetings.factories import clerk, meeting_called, public_changes, report_item
from tests.meetings.test_meeting_page import (  # noqa: F401 (fixtures)
    _media,
    _meeting,
    _on_publication_day,
    approved_report,
    people,
    text,
)

pytestmark = pytest.mark.django_db


def test_report_on_part_b_item_becomes_exempt_and_closed_to_the_public_r4(client, people):  # noqa: F811
    meeting = _meeting()
    report = approved_report(meeting, people, "Depot valuation")  # its author did not mark it exempt
    report_item(meeting, report=report, part=Part.B, exempt_paragraphs=[3])

    agenda_publish(meeting=meeting, by=clerk())

    report.refresh_from_db()
    assert (report.status, report.is_exempt, report.exempt_paragraphs) == (Report.Status.PUBLISHED, True, [3])
    assert report.public_interest_reason.startswith(
        "Taken in Part B of the agenda of Improving Lives Select Commission"
    )
    frozen = report.versions.get(is_frozen=True)
    assert (frozen.snapshot["is_exempt"], frozen.snapshot["exempt_paragraphs"]) == (True, [3])
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    assert client.get(f"/reports/{report.pk}/pdf/").status_code == 404


def test_open_published_report_cannot_be_taken_in_part_b_r4(people):  # noqa: F811
    earlier = _meeting()
    report = approved_report(earlier, people, "Depot valuation")
    report_item(earlier, report=report)
    agenda_publish(meeting=earlier, by=clerk())
    later = meeting_called(
        committee=earlier.committee, on=earlier.date, start_time=earlier.start_time.replace(hour=10)
    )
    item = report_item(later, report=report, part=Part.B, exempt_paragraphs=[3])

    assert agenda_missing([item]) == [
        "“Depot valuation” was published as an open report: it cannot be taken in Part B."
    ]


def test_agenda_change_never_records_an_exempt_title_r4(people):  # noqa: F811
    meeting = _meeting()
    report = approved_report(
        meeting, people, "Redundancy terms for the Head of Parks", exempt=True, title_is_exempt=True
    )
    item = report_item(meeting, report=report, part=Part.B, exempt_paragraphs=[1])
    agenda_publish(meeting=meeting, by=clerk())

    agenda_item_remove(item=item, by=clerk())

    assert public_changes() == ["Item 8 withdrawn: Exempt item"]


def test_published_open_report_cannot_move_into_part_b_r4(client, people):  # noqa: F811
    meeting = _meeting()
    report = approved_report(meeting, people, "Depot valuation")
    item = report_item(meeting, report=report)
    agenda_publish(meeting=meeting, by=clerk())

    with pytest.raises(AgendaError) as refusal:
        agenda_item_set_part(item=item, part=Part.B, exempt_paragraphs=[3], by=clerk())

    assert str(refusal.value) == (
        "“Depot valuation” was published as an open report, so its item cannot be taken in Part B. It is "
        "public already: to withhold part of it, publish an exempt appendix or a new exempt report on a "
        "Part B item."
    )
    item.refresh_from_db()
    assert (item.part, item.exempt_paragraphs) == (Part.A, [])
    # The Summary Sheet's answer and the access rule read the same state: open, and public.
    page = text(client.get(f"/reports/{report.pk}/"))
    assert "Exempt from the Press and Public No" in page


def test_part_b_item_urgency_reason_only_for_those_who_see_exempt_papers_r2_r4(client, people):  # noqa: F811
    meeting = _meeting()
    report = approved_report(meeting, people, "Depot valuation")
    agenda_item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.REPORTS,
        reports=[report],
        part=Part.B,
        exempt_paragraphs=[3],
        description="The bidder has asked for a rent-free year.",
        urgency_reason="The bidder withdraws on Friday unless terms are agreed.",
        by=clerk(),
    )
    agenda_publish(meeting=meeting, by=clerk())
    member = Client()
    member.force_login(UserFactory(roles=[Role.COUNCILLOR], password=None))

    public, councillor = (
        text(client.get(meeting.get_absolute_url())),
        text(member.get(meeting.get_absolute_url())),
    )

    assert "Urgent item The chair accepted this item as urgent." in public
    assert "withdraws on Friday" not in public
    assert "rent-free" not in public
    assert (
        "Urgent item Reason for urgency: The bidder withdraws on Friday unless terms are agreed."
        in councillor
    )
    assert "The bidder has asked for a rent-free year." in councillor
