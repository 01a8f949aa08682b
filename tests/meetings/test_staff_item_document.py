"""The item page binds a document to an existing item: the previous meeting's minutes on the
template's standard item, which the front sheet then gives its pages."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import StandardItem
from tests.reports.factories import pdf_upload

from .factories import meeting_called
from .staff_pages import field_errors, page_text

pytestmark = pytest.mark.django_db

MEETING_DAY = date(2026, 12, 8)


def _url(meeting, item):
    return reverse("meetings_staff:agenda_item_document", args=[meeting.pk, item.pk])


def test_minutes_uploaded_to_the_standard_item(clerk_client, time_machine):
    time_machine.move_to(date(2026, 11, 2))
    meeting = meeting_called(on=MEETING_DAY)
    previous = meeting_called(committee=meeting.committee, on=date(2026, 10, 13))
    item = meeting.items.get(standard_item=StandardItem.PREVIOUS_MINUTES)

    response = clerk_client.post(
        _url(meeting, item), {"document-document": pdf_upload(pages=2), "document-minutes_of": previous.pk}
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.document_pages, item.minutes_of) == (2, previous)
    page = page_text(clerk_client.get(reverse("meetings_staff:agenda_item", args=[meeting.pk, item.pk])))
    assert "Bound into the pack: a PDF of 2 pages, the minutes of" in page


def test_a_document_that_is_not_a_pdf_is_refused_and_nothing_changes(clerk_client):
    meeting = meeting_called(on=MEETING_DAY)
    item = meeting.items.get(standard_item=StandardItem.PREVIOUS_MINUTES)
    upload = SimpleUploadedFile("minutes.pdf", b"not a pdf at all", content_type="application/pdf")

    response = clerk_client.post(_url(meeting, item), {"document-document": upload})

    assert response.status_code == 400
    assert field_errors(response, "document-document") == ["The file is not a PDF."]
    item.refresh_from_db()
    assert not item.document
