"""Downloading agenda packs and items' documents: public packs for everyone once the agenda is out,
confidential packs and Part B documents for councillors and officers only (R4).

The packs are stored rows made here directly: these tests are about the views (the builder is tested
with the pack build)."""

import hashlib
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import Client
from pypdf import PdfReader

from council.roles import Role
from meetings.models import AgendaItem, AgendaPack, Part
from meetings.services import (
    agenda_item_add,
    agenda_item_remove,
    agenda_publish,
    supplementary_agenda_publish,
)
from tests.factories import CommitteeFactory, UserFactory
from tests.meetings.factories import clerk, meeting_called
from tests.reports.factories import pdf_upload

pytestmark = pytest.mark.django_db

PUBLISHED_ON = datetime(2025, 6, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


@pytest.fixture(autouse=True)
def _on_publication_day():
    with time_machine.travel(PUBLISHED_ON, tick=False):
        yield


@pytest.fixture
def councillor_client(db):
    browser = Client()
    browser.force_login(UserFactory(roles=[Role.COUNCILLOR], password=None))
    return browser


@pytest.fixture
def resident_client(db):
    """Signed in, but with no role: a member of the public with an account."""
    browser = Client()
    browser.force_login(UserFactory(password=None))
    return browser


def _pdf(pages: int) -> bytes:
    return pdf_upload(pages=pages).read()


def _meeting(*, published=True):
    committee = CommitteeFactory(name="Cabinet", slug="cabinet")
    meeting = meeting_called(committee=committee, on=date(2025, 6, 17))
    if published:
        agenda_publish(meeting=meeting, by=clerk())
    return meeting


def _pack(meeting, variant=AgendaPack.Variant.PUBLIC, *, pages=2, supplement=None) -> bytes:
    data = _pdf(pages)
    AgendaPack.objects.create(
        meeting=meeting, supplement=supplement, variant=variant, file=ContentFile(data, name="pack.pdf"),
        page_count=pages, size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest(),
    )  # fmt: skip
    return data


def _supplement(meeting):
    agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.OTHER, title="Flood recovery", by=clerk())
    return supplementary_agenda_publish(meeting=meeting, by=clerk())


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_pack_public_served_with_headers(client):
    meeting = _meeting()
    data = _pack(meeting, pages=2)

    response = client.get(f"/meetings/{meeting.pk}/pack.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="cabinet-2025-06-17-agenda-pack.pdf"'
    assert response["Content-Length"] == str(len(data))
    assert response["ETag"] == f'"{hashlib.sha256(data).hexdigest()}"'
    assert response["Cache-Control"] == "public, max-age=300"
    body = _body(response)
    assert body == data
    assert len(PdfReader(io.BytesIO(body)).pages) == 2


def test_pack_public_unchanged_is_304(client):
    meeting = _meeting()
    data = _pack(meeting)

    response = client.get(
        f"/meetings/{meeting.pk}/pack.pdf", headers={"if-none-match": f'"{hashlib.sha256(data).hexdigest()}"'}
    )

    assert response.status_code == 304
    assert response["Cache-Control"] == "public, max-age=300"


def test_pack_public_404_before_publication(client):
    meeting = _meeting(published=False)
    _pack(meeting)  # a stale file must not leak out before the agenda is published

    assert client.get(f"/meetings/{meeting.pk}/pack.pdf").status_code == 404


def test_pack_public_404_until_built(client):
    meeting = _meeting()

    assert client.get(f"/meetings/{meeting.pk}/pack.pdf").status_code == 404


def test_pack_confidential_anonymous_sent_to_login_r4(client):
    meeting = _meeting()
    _pack(meeting, AgendaPack.Variant.CONFIDENTIAL)

    response = client.get(f"/meetings/{meeting.pk}/pack-confidential.pdf")

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/meetings/{meeting.pk}/pack-confidential.pdf"


def test_pack_confidential_without_role_forbidden_r4(resident_client):
    meeting = _meeting()
    _pack(meeting, AgendaPack.Variant.CONFIDENTIAL)

    response = resident_client.get(f"/meetings/{meeting.pk}/pack-confidential.pdf")

    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


def test_pack_confidential_councillor_served_privately_r4(councillor_client):
    meeting = _meeting()
    _pack(meeting, pages=2)
    data = _pack(meeting, AgendaPack.Variant.CONFIDENTIAL, pages=3)

    response = councillor_client.get(f"/meetings/{meeting.pk}/pack-confidential.pdf")

    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == 'inline; filename="cabinet-2025-06-17-agenda-pack-confidential.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Length"] == str(len(data))
    assert _body(response) == data


def test_supplement_pack_public_and_confidential(client, councillor_client):
    meeting = _meeting()
    supplement = _supplement(meeting)
    _pack(meeting)
    public = _pack(meeting, supplement=supplement, pages=1)
    confidential = _pack(meeting, AgendaPack.Variant.CONFIDENTIAL, supplement=supplement, pages=4)

    response = client.get(f"/meetings/{meeting.pk}/supplements/1/pack.pdf")
    member = councillor_client.get(f"/meetings/{meeting.pk}/supplements/1/pack-confidential.pdf")

    assert (
        response["Content-Disposition"]
        == 'inline; filename="cabinet-2025-06-17-agenda-pack-supplement-1.pdf"'
    )
    assert _body(response) == public
    assert member["Content-Disposition"] == (
        'inline; filename="cabinet-2025-06-17-agenda-pack-supplement-1-confidential.pdf"'
    )
    assert member["Cache-Control"] == "private, no-store"
    assert _body(member) == confidential
    assert client.get(f"/meetings/{meeting.pk}/supplements/2/pack.pdf").status_code == 404
    assert client.get(f"/meetings/{meeting.pk}/supplements/1/pack-confidential.pdf").status_code == 302


def _document_item(meeting, *, part=Part.A, title="Minutes of the Health Panel"):
    return agenda_item_add(
        meeting=meeting, kind=AgendaItem.Kind.MINUTES, title=title, part=part,
        exempt_paragraphs=[3] if part == Part.B else None, document=pdf_upload(pages=4), by=clerk(),
    )  # fmt: skip


def test_item_document_part_a_public_once_published(client):
    meeting = _meeting(published=False)
    item = _document_item(meeting)
    url = f"/meetings/{meeting.pk}/items/{item.pk}/document.pdf"

    before = client.get(url)
    agenda_publish(meeting=meeting, by=clerk())
    response = client.get(url)

    assert before.status_code == 404
    assert response.status_code == 200
    # 1 apologies … 5 questions, then the minutes before the exclusion and next-meeting items.
    assert response["Content-Disposition"] == 'inline; filename="cabinet-2025-06-17-item-6.pdf"'
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["ETag"] == f'"{item.document_sha256}"'
    assert len(PdfReader(io.BytesIO(_body(response))).pages) == 4


def test_item_document_added_after_publication_404_until_supplement(client):
    meeting = _meeting()
    item = _document_item(meeting)

    assert client.get(f"/meetings/{meeting.pk}/items/{item.pk}/document.pdf").status_code == 404


def test_item_document_withdrawn_404(client):
    meeting = _meeting(published=False)
    item = _document_item(meeting)
    agenda_publish(meeting=meeting, by=clerk())
    agenda_item_remove(item=item, by=clerk())

    assert client.get(f"/meetings/{meeting.pk}/items/{item.pk}/document.pdf").status_code == 404


def test_item_document_part_b_members_only_r4(client, resident_client, councillor_client):
    meeting = _meeting(published=False)
    item = _document_item(meeting, part=Part.B, title="Minutes of the Appeals Panel (exempt)")
    agenda_publish(meeting=meeting, by=clerk())
    url = f"/meetings/{meeting.pk}/items/{item.pk}/document.pdf"

    member = councillor_client.get(url)

    assert client.get(url).status_code == 404
    assert resident_client.get(url).status_code == 404
    assert member.status_code == 200
    assert member["Cache-Control"] == "private, no-store"
    assert len(PdfReader(io.BytesIO(_body(member))).pages) == 4


def test_item_document_of_another_meeting_404(client):
    meeting = _meeting(published=False)
    item = _document_item(meeting)
    agenda_publish(meeting=meeting, by=clerk())
    other = meeting_called(committee=meeting.committee, on=date(2025, 7, 15))

    assert client.get(f"/meetings/{other.pk}/items/{item.pk}/document.pdf").status_code == 404
