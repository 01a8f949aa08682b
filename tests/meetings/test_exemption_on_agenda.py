"""R4 on the agenda: what Part B decides about a report, and what the public may read of it."""

import pytest

from meetings.models import AgendaChange, Part
from meetings.services import agenda_item_remove, agenda_missing, agenda_publish
from reports.models import Report
from tests.meetings.factories import clerk, meeting_called, report_item
from tests.meetings.test_meeting_page import (  # noqa: F401 (fixtures)
    _media,
    _meeting,
    _on_publication_day,
    approved_report,
    people,
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

    assert AgendaChange.objects.get().summary == "Item 8 withdrawn: Exempt item"
