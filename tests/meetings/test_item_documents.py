"""An item's own document: the previous meeting's minutes bound to the template's standard item,
with its page range on the front sheet, and the change listed once the agenda is public."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from meetings.models import AgendaItem, AgendaPack, StandardItem
from meetings.packs.build import build_pack
from meetings.services import AgendaError, agenda_item_document_set, agenda_publish
from tests.reports.factories import pdf_upload

from .factories import (
    MEETING_DATE,
    PackRead,
    clerk,
    meeting_called,
    public_changes,
    report_approved_with,
    report_item,
    travel_to,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


def _minutes_item(meeting) -> AgendaItem:
    return meeting.items.get(standard_item=StandardItem.PREVIOUS_MINUTES)


def test_minutes_on_the_standard_item_get_their_pages_on_the_front_sheet(time_machine):
    travel_to(time_machine, date(2025, 6, 2))
    by = clerk()
    meeting = meeting_called(on=MEETING_DATE, by=by)
    previous = meeting_called(committee=meeting.committee, on=date(2025, 5, 6), by=by)
    report = report_approved_with(
        committee=meeting.committee, meeting_date=MEETING_DATE, title="Play Area Renewal"
    )
    report_item(meeting, report=report, by=by)

    item = agenda_item_document_set(
        item=_minutes_item(meeting), document=pdf_upload(pages=2), minutes_of=previous, by=by
    )
    agenda_publish(meeting=meeting, by=by)
    pack = PackRead.of(build_pack(meeting=meeting, variant=AgendaPack.Variant.PUBLIC).assembled.pdf)

    assert (item.document_pages, item.minutes_of) == (2, previous)
    assert pack.page_ranges[3] == ("Minutes of the previous meeting", 1, 2)
    assert pack.page_ranges[6][1:] == (3, 5)  # the report follows the minutes
    assert [pack.text_of(n) for n in (1, 2)] == ["Page 1", "Page 2"]


def test_document_replaced_on_a_published_agenda_is_listed_as_a_change(time_machine):
    travel_to(time_machine, date(2025, 6, 2))
    by = clerk()
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report_item(meeting, by=by)
    agenda_item_document_set(item=_minutes_item(meeting), document=pdf_upload(pages=2), by=by)
    agenda_publish(meeting=meeting, by=by)

    agenda_item_document_set(item=_minutes_item(meeting), document=pdf_upload(pages=3), by=by)

    assert public_changes() == ["Item 3 (Minutes of the previous meeting): document replaced"]
    assert _minutes_item(meeting).document_pages == 3


def test_document_must_be_a_whole_pdf_and_never_on_a_heading():
    by = clerk()
    meeting = meeting_called(on=MEETING_DATE, by=by)
    heading = AgendaItem.objects.create(
        meeting=meeting, position=5, kind=AgendaItem.Kind.HEADING, title="For decision"
    )

    with pytest.raises(ValidationError) as error:
        agenda_item_document_set(item=_minutes_item(meeting), document=pdf_upload(password="secret"), by=by)
    assert error.value.message_dict == {
        "document": ["This PDF is encrypted: upload a copy without a password or encryption."]
    }
    with pytest.raises(AgendaError, match=r"A section heading has no document\."):
        agenda_item_document_set(item=heading, document=pdf_upload(), by=by)
    assert not _minutes_item(meeting).document


def test_pack_counts_pages_again_when_a_stored_count_is_wrong(time_machine):
    """The front sheet's ranges come from the pages the pack has, even if an upload's stored count
    (taken by another PDF reader when it was uploaded) disagrees."""
    travel_to(time_machine, date(2025, 6, 2))
    by = clerk()
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report = report_approved_with(
        committee=meeting.committee, meeting_date=MEETING_DATE, title="Play Area Renewal"
    )
    report_item(meeting, report=report, by=by)
    agenda_item_document_set(item=_minutes_item(meeting), document=pdf_upload(pages=2), by=by)
    AgendaItem.objects.filter(standard_item=StandardItem.PREVIOUS_MINUTES).update(document_pages=5)
    agenda_publish(meeting=meeting, by=by)

    pack = PackRead.of(build_pack(meeting=meeting, variant=AgendaPack.Variant.PUBLIC).assembled.pdf)

    assert pack.page_ranges[3] == ("Minutes of the previous meeting", 1, 2)
    assert pack.page_ranges[6][1] == 3
