"""The public meeting page: details, the agenda as the front sheet numbers it, reports and packs, and
what the public may not see (R4)."""

import hashlib
import html
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from council.roles import Role
from meetings.models import AgendaItem, AgendaPack, AgendaTemplateEntry, PackBuild, Part, StandardItem
from meetings.services import (
    agenda_item_add,
    agenda_item_remove,
    agenda_item_set_part,
    agenda_publish,
    meeting_set_status,
    supplementary_agenda_publish,
)
from reports.models import Appendix, Approval
from reports.services import appendix_add, approval_record, report_submit
from tests.factories import CommitteeFactory, UserFactory
from tests.meetings.factories import clerk, meeting_called, report_item
from tests.reports.factories import approvers, officer_user, pdf_upload, report_edit, report_ready

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MEETING_DAY = date(2025, 6, 17)  # a Tuesday: R1 wants the agenda out by Monday 9 June
PUBLISHED_ON = datetime(2025, 6, 2, 10, 0, tzinfo=LONDON)
AFTER_DEADLINE = datetime(2025, 6, 12, 10, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


@pytest.fixture(autouse=True)
def _on_publication_day():
    with time_machine.travel(PUBLISHED_ON, tick=False) as traveller:
        yield traveller


@pytest.fixture
def people(db):
    """One author, director and set of approvers for every report of a test (users are slow to make)."""
    return {
        "author": officer_user(Role.REPORT_AUTHOR),
        "director": officer_user(Role.DIRECTOR, name="Marcus Feltham", job_title="Strategic Director"),
        **approvers(),
    }


@pytest.fixture
def councillor_client(db):
    """A second browser, signed in as a councillor (the `client` fixture stays anonymous)."""
    browser = Client()
    browser.force_login(UserFactory(roles=[Role.COUNCILLOR], password=None))
    return browser


def approved_report(meeting, people, title, *, exempt=False, title_is_exempt=False, appendix=False):
    """A report through the workflow to approved, optionally exempt (R4) and with an uploaded appendix."""
    author = people["author"]
    report = report_ready(committee=meeting.committee, meeting_date=meeting.date, title=title, by=author,
                          director=people["director"])  # fmt: skip
    if exempt:
        report = report_edit(report, by=author, is_exempt=True, exempt_paragraphs=[3], title_is_exempt=title_is_exempt,
                             public_interest_reason="Commercial terms still under negotiation.")  # fmt: skip
    if appendix:
        appendix_add(report=report, label="Appendix 1", title="Site plan", kind=Appendix.Kind.UPLOADED,
                     upload=pdf_upload(pages=3), by=author)  # fmt: skip
    return submitted_and_approved(report, people)


def submitted_and_approved(report, people):
    """Submit a draft and record every sign-off, by the `people` fixture's approvers."""
    report_submit(report=report, by=people["author"])
    for role in (Approval.Role.FINANCE, Approval.Role.LEGAL):
        approval_record(report=report, role=role, by=people[role])
    for role in Approval.OPTIONAL_ROLES:
        approval_record(report=report, role=role, by=people[role], not_applicable_reason="No impact.")
    approval_record(report=report, role=Approval.Role.DIRECTOR, by=people["director"])
    report.refresh_from_db()
    return report


def text(response) -> str:
    """The page as a reader hears it: tags dropped, entities decoded, whitespace collapsed."""
    assert response.status_code == 200
    inline = re.sub(r"</?(a|span|time|strong|em)\b[^>]*>", "", response.content.decode())
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def _meeting(**fields):
    committee = CommitteeFactory(name="Improving Lives Select Commission", slug="improving-lives")
    return meeting_called(committee=committee, on=MEETING_DAY, **fields)


def _pack(meeting, variant, *, pages, size, supplement=None):
    data = b"%PDF-1.7 a stored pack"
    return AgendaPack.objects.create(
        meeting=meeting, supplement=supplement, variant=variant, file=ContentFile(data, name="pack.pdf"),
        page_count=pages, size_bytes=size, sha256=hashlib.sha256(data).hexdigest(),
    )  # fmt: skip


def test_meeting_page_before_publication_says_when_due_r1(client):
    meeting = _meeting(pre_briefing_note="Members meet for a briefing between 4.00 and 5.30 pm.")

    page = text(client.get(meeting.get_absolute_url()))

    assert "Date Tuesday 17 June 2025 Time 6.00 pm Venue Town Hall, Committee Room 1" in page
    assert "Kind of meeting Ordinary Status Scheduled" in page
    assert "Pre-briefing Members meet for a briefing between 4.00 and 5.30 pm." in page
    assert (
        "The agenda for this meeting has not been published yet. It is due by Monday 9 June 2025, "
        "five clear working days before the meeting." in page
    )
    assert "Agenda published on" not in page
    assert "Apologies for absence" not in page  # the draft agenda stays private


def test_meeting_page_after_publication_numbers_through_headings_into_part_b(client, people):
    meeting = _meeting()
    agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.HEADING, title="For Decision", by=clerk())
    report_item(meeting, report=approved_report(meeting, people, "Library Opening Hours"))
    report_item(meeting, report=approved_report(meeting, people, "Depot Land Sale"), title="Sale of the depot",
                part=Part.B, exempt_paragraphs=[3])  # fmt: skip
    agenda_publish(meeting=meeting, by=clerk())

    response = client.get(meeting.get_absolute_url())
    page = text(response)

    assert "Agenda published on 2 June 2025." in page
    expected = [
        "1. Apologies for absence",
        "2. Declarations of interest",
        "3. Minutes of the previous meeting",
        "4. To determine any item which the Chair is of the opinion should be considered as a matter of urgency",
        "5. Questions from members of the public and the press",
        "For Decision 6. Library Opening Hours",
        "7. To consider whether the press and public should be excluded",
        "8. Date and time of the next meeting",
        "Part B: not for publication",
        "9. Sale of the depot Not for publication: exempt under Paragraph 3 of Part 1 of Schedule 12A "
        "to the Local Government Act 1972",
    ]
    positions = [page.index(line) for line in expected]
    assert positions == sorted(positions)
    content = response.content.decode()
    assert '<h2 id="agenda-heading">Agenda</h2>' in content
    assert '<h3 class="mt-4">For Decision</h3>' in content
    assert '<h3 id="part-b" class="mt-4">Part B: not for publication</h3>' in content


def test_meeting_page_report_links_and_uploaded_appendix(client, people):
    meeting = _meeting()
    report = approved_report(meeting, people, "Library Opening Hours", appendix=True)
    report_item(meeting, report=report)
    agenda_publish(meeting=meeting, by=clerk())
    appendix = report.appendices.get()

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert f'<a href="/reports/{report.pk}/">Library Opening Hours</a>' in content
    assert (
        f'(<a href="/reports/{report.pk}/pdf/">PDF<span class="visually-hidden"> of Library Opening Hours</span></a>)'
        in content
    )
    assert (
        f'<a href="/reports/{report.pk}/appendices/{appendix.pk}/file/">Appendix 1 – Site plan (PDF, 3 pages)</a>'
        in content
    )


def test_meeting_page_item_documents_with_page_counts_part_b_for_members_r4(client, councillor_client):
    meeting = _meeting()
    minutes = agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.MINUTES, title="Minutes of the Health Panel",
                              document=pdf_upload(pages=4), by=clerk())  # fmt: skip
    private = agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.OTHER, title="Appeal against a care decision",
                              part=Part.B, exempt_paragraphs=[1], document=pdf_upload(pages=2), by=clerk())  # fmt: skip
    agenda_publish(meeting=meeting, by=clerk())

    public = client.get(meeting.get_absolute_url()).content.decode()
    member = councillor_client.get(meeting.get_absolute_url()).content.decode()

    minutes_link = (
        f'<a href="/meetings/{meeting.pk}/items/{minutes.pk}/document.pdf">Minutes'
        '<span class="visually-hidden"> for item 6</span> (PDF, 4 pages)</a>'
    )
    private_link = (
        f'<a href="/meetings/{meeting.pk}/items/{private.pk}/document.pdf">Document'
        '<span class="visually-hidden"> for item 9</span> (PDF, 2 pages)</a>'
    )
    assert minutes_link in public
    assert minutes_link in member
    assert "Appeal against a care decision" in public
    assert f"/items/{private.pk}/" not in public
    assert private_link in member


def test_meeting_page_part_b_reports_hidden_from_public_shown_to_councillor_r4(
    client, councillor_client, people
):
    meeting = _meeting()
    report = approved_report(meeting, people, "Valuation of the Depot Site", exempt=True, appendix=True)
    report_item(meeting, report=report, title="Sale of the depot", part=Part.B, exempt_paragraphs=[3])
    agenda_publish(meeting=meeting, by=clerk())

    public = client.get(meeting.get_absolute_url()).content.decode()
    member = councillor_client.get(meeting.get_absolute_url()).content.decode()

    assert "Sale of the depot" in public
    assert "Valuation of the Depot Site" not in public
    assert f"/reports/{report.pk}/" not in public
    assert f'<a href="/reports/{report.pk}/">Valuation of the Depot Site</a>' in member
    assert f'<a href="/reports/{report.pk}/pdf/">' in member
    assert f"/reports/{report.pk}/appendices/" in member


def test_meeting_page_exempt_report_on_part_a_item_not_linked_for_public_r4(
    client, councillor_client, people
):
    meeting = _meeting()
    report = approved_report(meeting, people, "Leisure Centre Contract Prices", exempt=True, appendix=True)
    report_item(meeting, report=report, title="Leisure centre contract")
    agenda_publish(meeting=meeting, by=clerk())

    public = client.get(meeting.get_absolute_url())
    member = councillor_client.get(meeting.get_absolute_url())

    assert (
        "6. Leisure centre contract Leisure Centre Contract Prices Not for publication: exempt under Paragraph 3 "
        "of Part 1 of Schedule 12A to the Local Government Act 1972 7." in text(public)
    )
    assert f"/reports/{report.pk}/" not in public.content.decode()
    assert f'<a href="/reports/{report.pk}/">Leisure Centre Contract Prices</a>' in member.content.decode()
    assert f"/reports/{report.pk}/appendices/" in member.content.decode()


def test_meeting_page_exempt_title_never_shown_to_public_r4(client, councillor_client, people):
    meeting = _meeting()
    secret = "Redundancy terms for the Head of Parks"
    report = approved_report(meeting, people, secret, exempt=True, title_is_exempt=True)
    item = report_item(meeting, report=report, part=Part.B, exempt_paragraphs=[1])
    withdrawn = report_item(meeting, report=approved_report(meeting, people, "Parks restructure", exempt=True,
                                                            title_is_exempt=True), part=Part.B, exempt_paragraphs=[1])  # fmt: skip
    agenda_publish(meeting=meeting, by=clerk())
    agenda_item_remove(item=withdrawn, by=clerk())  # recorded as "Item 9 withdrawn: Exempt item"
    agenda_item_set_part(item=item, part=Part.A, by=clerk())  # recorded with the item's title

    public = text(client.get(meeting.get_absolute_url()))
    member = text(councillor_client.get(meeting.get_absolute_url()))

    assert secret not in public
    assert "Parks restructure" not in public
    assert "Exempt item" in public
    assert "2 June 2025: Item 9 withdrawn: Exempt item" in public
    assert "2 June 2025: “Exempt item” moved to Part A (open)" in public
    # R4: each reader's changes list names the item as that reader may see it.
    assert "2 June 2025: Item 9 withdrawn: Parks restructure" in member
    assert secret in member


def test_meeting_page_late_item_on_supplementary_agenda_marked_urgent_r2(client, people, _on_publication_day):
    meeting = _meeting()
    agenda_publish(meeting=meeting, by=clerk())
    _on_publication_day.move_to(AFTER_DEADLINE)
    report_item(meeting, report=approved_report(meeting, people, "Flood Recovery Grant"),
                urgency_reason="The grant offer lapses before the next meeting.")  # fmt: skip
    supplementary_agenda_publish(meeting=meeting, by=clerk())

    page = text(client.get(meeting.get_absolute_url()))

    assert (
        "6. Flood Recovery Grant Urgent item Reason for urgency: The grant offer lapses before the next meeting. "
        "Flood Recovery Grant (PDF of Flood Recovery Grant) Added by supplementary agenda 1, published on "
        "12 June 2025." in page
    )
    assert (
        "Supplementary agendas Supplementary agenda 1 Published on 12 June 2025. 6. Flood Recovery Grant"
        in page
    )
    assert (
        "Changes since publication 12 June 2025: Item 6 added by supplementary agenda 1: Flood Recovery Grant"
        in page
    )


def test_meeting_page_postponed_banner_on_published_agenda(client):
    meeting = _meeting()
    agenda_publish(meeting=meeting, by=clerk())
    meeting_set_status(meeting=meeting, status="postponed", reason="The chair is unwell.", by=clerk())

    page = text(client.get(meeting.get_absolute_url()))

    assert "This meeting has been postponed The chair is unwell." in page
    assert "Status Postponed" in page
    assert "2 June 2025: Meeting postponed: The chair is unwell." in page


def test_meeting_page_packs_listed_public_and_confidential(client, councillor_client):
    meeting = _meeting()
    agenda_publish(meeting=meeting, by=clerk())
    _pack(meeting, AgendaPack.Variant.PUBLIC, pages=312, size=4_404_020)
    _pack(meeting, AgendaPack.Variant.CONFIDENTIAL, pages=330, size=900_000)

    public = client.get(meeting.get_absolute_url()).content.decode()
    member = councillor_client.get(meeting.get_absolute_url()).content.decode()

    assert f'<a href="/meetings/{meeting.pk}/pack.pdf">Agenda pack (PDF, 312 pages, 4.2 MB)</a>' in public
    assert "pack-confidential.pdf" not in public
    assert (
        f'<a href="/meetings/{meeting.pk}/pack-confidential.pdf">Confidential agenda pack (PDF, 330 pages, 879 KB)</a>'
        in member
    )


def test_meeting_page_pack_rebuilding_keeps_previous(client):
    meeting = _meeting()
    agenda_publish(meeting=meeting, by=clerk())  # queues a build
    _pack(meeting, AgendaPack.Variant.PUBLIC, pages=12, size=80_000)

    page = text(client.get(meeting.get_absolute_url()))
    PackBuild.objects.update(status=PackBuild.Status.SUCCEEDED)
    built = text(client.get(meeting.get_absolute_url()))

    assert (
        "The pack is being updated; the previous version is available below. Agenda pack (PDF, 12 pages, 78 KB)"
        in page
    )
    assert "The pack is being updated" not in built


def test_meeting_page_builder_link_for_democratic_services_only(clerk_client, councillor_client):
    meeting = _meeting()

    staff = clerk_client.get(meeting.get_absolute_url()).content.decode()
    member = councillor_client.get(meeting.get_absolute_url()).content.decode()
    public = Client().get(meeting.get_absolute_url()).content.decode()

    assert f'href="/staff/meetings/{meeting.pk}/">Open in the agenda builder</a>' in staff
    assert "Open in the agenda builder" not in member
    assert "Open in the agenda builder" not in public


def _agenda_of(people, reports: int):
    """A published agenda with `reports` report items (every third in Part B, each report with an
    uploaded appendix), a section heading, minutes, and a supplementary agenda with one more item."""
    committee = CommitteeFactory()
    AgendaTemplateEntry.objects.bulk_create(
        [
            AgendaTemplateEntry(committee=committee, position=1, kind="standard", standard_item=StandardItem.APOLOGIES),
            AgendaTemplateEntry(committee=committee, position=2, kind="heading", title="For Decision"),
            AgendaTemplateEntry(committee=committee, position=3, kind="reports"),
            AgendaTemplateEntry(committee=committee, position=4, kind="standard", standard_item=StandardItem.NEXT_MEETING),
        ]
    )  # fmt: skip
    meeting = meeting_called(committee=committee, on=MEETING_DAY)
    agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.MINUTES, title="Minutes of the panel",
                    document=pdf_upload(pages=4), by=clerk())  # fmt: skip
    for n in range(reports):
        private = n % 3 == 2
        report = approved_report(meeting, people, f"Report {n}", exempt=private, appendix=True)
        report_item(meeting, report=report, part=Part.B if private else Part.A,
                    exempt_paragraphs=[3] if private else None)  # fmt: skip
    agenda_publish(meeting=meeting, by=clerk())
    report_item(meeting, report=approved_report(meeting, people, "Late report", appendix=True))
    supplement = supplementary_agenda_publish(meeting=meeting, by=clerk())
    for variant in AgendaPack.Variant.values:
        _pack(meeting, variant, pages=40, size=300_000)
        _pack(meeting, variant, pages=5, size=30_000, supplement=supplement)
    return meeting


@pytest.mark.parametrize(("reader", "bound"), [("public", 11), ("councillor", 15)])
def test_meeting_page_constant_queries_5_or_40_items(
    client, people, django_assert_max_num_queries, reader, bound
):
    if reader == "councillor":
        client.force_login(UserFactory(roles=[Role.COUNCILLOR], password=None))
    short = _agenda_of(people, 5)
    long = _agenda_of(people, 40)

    with CaptureQueriesContext(connection) as five:
        assert client.get(short.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(bound) as forty:
        page = text(client.get(long.get_absolute_url()))

    assert len(five) == len(forty)
    # Part A: apologies, minutes, 27 reports, the late one, next meeting; then Part B's 13 reports.
    assert "For Decision 2. Minutes of the panel" in page
    assert "30. Late report" in page
    assert "31. Date and time of the next meeting Part B: not for publication" in page
    assert "44. Report 38" in page
