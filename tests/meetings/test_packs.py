"""Agenda packs read back as a reader gets them: the front sheet's page ranges, the "Page N" stamps,
what the public and confidential packs carry (R4), bookmarks, metadata and tags, and the pack of a
supplementary agenda. Built by the task worker, for real."""

import hashlib
from datetime import date

import pytest

from council.models import Membership
from meetings.models import AgendaItem, AgendaPack, PackBuild
from meetings.packs.build import build_pack
from meetings.services import (
    agenda_item_add,
    agenda_item_set_part,
    agenda_publish,
    supplementary_agenda_publish,
)
from tests.factories import CommitteeFactory, CouncillorFactory, MembershipFactory, MunicipalYearFactory
from tests.reports.factories import pdf_upload

from .factories import (
    MEETING_DATE,
    PackRead,
    clerk,
    meeting_called,
    report_approved_with,
    report_item,
    run_queued_tasks,
    travel_to,
)

pytestmark = pytest.mark.django_db

EXEMPT_SUMMARY = "The Quarry Lane depot is surplus to operational requirements."
EXEMPT_BACKGROUND = "Three sealed bids were received for the Quarry Lane site."
NOTICE = (
    "AGENDA ITEM 10\n"
    "Depot Sale\n"
    "This report is not for publication.\n"
    "It contains exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A to the\n"
    "Local Government Act 1972, and is available to members and officers in the confidential\n"
    "agenda pack.\n"
    "Page 10"
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


@pytest.fixture
def by(db):
    return clerk()


def _run_worker():
    assert run_queued_tasks() == 1


def _pack(meeting, variant, supplement=None) -> tuple[AgendaPack, PackRead]:
    pack = AgendaPack.objects.get(meeting=meeting, variant=variant, supplement=supplement)
    with pack.file.open("rb") as file:
        data = file.read()
    assert (pack.size_bytes, pack.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    return pack, PackRead.of(data)


def _committee():
    committee = CommitteeFactory(name="Improving Places Select Commission")
    year = MunicipalYearFactory(start_date=date(2025, 5, 20), end_date=date(2026, 5, 19))
    for last_name, role in (("Young", Membership.Role.CHAIR), ("Abbott", Membership.Role.MEMBER)):
        MembershipFactory(
            committee=committee,
            municipal_year=year,
            role=role,
            councillor=CouncillorFactory(first_name="Sam", last_name=last_name),
        )
    return committee


def test_agenda_packs_page_ranges_stamps_exempt_item_bookmarks_and_tags(
    time_machine, by, django_capture_on_commit_callbacks
):
    """Three approved reports, one with a 3-page uploaded appendix and one moved to Part B under
    paragraph 3, published; the worker builds both packs."""
    travel_to(time_machine, date(2025, 6, 2))
    committee = _committee()
    meeting = meeting_called(committee=committee, on=MEETING_DATE, by=by)
    for title, fields in (
        ("Play Area Renewal", {}),
        ("Library Opening Hours", {"upload_pages": 3, "appendix_title": "Site plan"}),
        (
            "Depot Sale",
            {"summary": f"<p>{EXEMPT_SUMMARY}</p>", "sections": {2: f"<p>{EXEMPT_BACKGROUND}</p>"}},
        ),
    ):
        report = report_approved_with(committee=committee, meeting_date=MEETING_DATE, title=title, **fields)
        report_item(meeting, report=report, by=by)
    agenda_item_set_part(item=meeting.items.get(title="Depot Sale"), part="B", exempt_paragraphs=[3], by=by)
    with django_capture_on_commit_callbacks(execute=True):
        agenda_publish(meeting=meeting, by=by)

    _run_worker()

    build = PackBuild.objects.get()
    assert (build.status, build.steps_done, build.steps_total, build.error) == (
        PackBuild.Status.SUCCEEDED,
        2,
        2,
        "",
    )
    public_pack, public = _pack(meeting, AgendaPack.Variant.PUBLIC)
    confidential_pack, confidential = _pack(meeting, AgendaPack.Variant.CONFIDENTIAL)
    assert (public_pack.page_count, confidential_pack.page_count) == (11, 13)

    # One run of numbers after the unnumbered front sheet, on every page, the uploaded ones too.
    assert public.stamps == [None, *range(1, 11)]
    assert confidential.stamps == [None, *range(1, 13)]
    assert [confidential.text_of(n) for n in (7, 8, 9)] == ["Page 7", "Page 8", "Page 9"]

    # Each item's pages run from the page its first document starts on to the page before the next.
    for pack, last_page in ((public, 10), (confidential, 12)):
        starts = {
            6: pack.first_page_with("Report Title Play Area Renewal"),
            7: pack.first_page_with("Report Title Library Opening Hours"),
            10: pack.first_page_with("Depot Sale"),
        }
        assert pack.page_ranges == {
            6: ("Play Area Renewal", starts[6], starts[7] - 1),
            7: ("Library Opening Hours", starts[7], starts[10] - 1),
            10: ("Depot Sale", starts[10], last_page),
        }
    assert public.page_ranges == {
        6: ("Play Area Renewal", 1, 3),
        7: ("Library Opening Hours", 4, 9),
        10: ("Depot Sale", 10, 10),
    }
    assert confidential.page_ranges[10] == ("Depot Sale", 10, 12)
    front = public.texts[0]
    assert "IMPROVING PLACES SELECT COMMISSION" in front
    assert "Date: Tuesday, 17th June, 2025\nTime: 6.00 p.m." in front
    assert (
        "Part B – items likely to be considered in the absence of the press and public\n10. Depot Sale"
        in front
    )
    assert "Chair – Councillor Young\nCouncillors Abbott (2)." in front

    # R4: the public pack carries none of the Part B report, only a page saying why.
    for phrase in (EXEMPT_SUMMARY, EXEMPT_BACKGROUND, "Report Title Depot Sale", "NOT FOR PUBLICATION"):
        assert public.pages_with(phrase) == []
    assert public.text_of(10) == NOTICE
    # The confidential pack carries it, marked on every page of it and nowhere else.
    assert confidential.first_page_with(EXEMPT_SUMMARY) == 10
    assert confidential.first_page_with(EXEMPT_BACKGROUND) == 11
    assert confidential.pages_with("NOT FOR PUBLICATION") == [10, 11, 12]
    assert (
        "Confidential pack: contains exempt information (members and officers only)" in confidential.texts[0]
    )

    # A bookmark for every item: those without documents point at the front sheet that lists them.
    procedural = [
        "1. Apologies for absence",
        "2. Declarations of interest",
        "3. Minutes of the previous meeting",
        "4. To determine any item which the Chair is of the opinion should be considered as a matter of urgency",
        "5. Questions from members of the public and the press",
    ]
    closing = [
        "8. To consider whether the press and public should be excluded from the meeting during consideration "
        "of any part of the agenda",
        "9. Date and time of the next meeting",
    ]
    assert public.outline == [
        ("Agenda", None, []),
        *[(title, None, []) for title in procedural],
        ("6. Play Area Renewal", 1, [("Report", 1, [])]),
        ("7. Library Opening Hours", 4, [("Report", 4, []), ("Appendix 1 – Site plan", 7, [])]),
        *[(title, None, []) for title in closing],
        ("10. Depot Sale", 10, [("Report (exempt)", 10, [])]),
    ]
    assert [title for title, _, _ in confidential.outline] == [
        "Agenda",
        *procedural,
        "6. Play Area Renewal",
        "7. Library Opening Hours",
        *closing,
        "10. Depot Sale",
    ]
    # The front sheet's page references are links to those pages.
    assert public.links() == [("Page 1", 1), ("Page 4", 4), ("Page 10", 10)]

    root = public.reader.trailer["/Root"]
    assert public.reader.metadata.title == "Improving Places Select Commission, 17 June 2025: Agenda pack"
    assert confidential.reader.metadata.title == (
        "Improving Places Select Commission, 17 June 2025: Agenda pack (confidential)"
    )
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/ParentTree" in root["/StructTreeRoot"]


def test_supplementary_agenda_pack_numbered_from_one_and_main_pack_rebuilt(
    time_machine, by, settings, django_capture_on_commit_callbacks
):
    travel_to(time_machine, date(2025, 6, 2))
    meeting = meeting_called(on=MEETING_DATE, by=by)
    committee = meeting.committee
    report_item(
        meeting,
        report=report_approved_with(
            committee=committee, meeting_date=MEETING_DATE, title="Play Area Renewal"
        ),
        by=by,
    )
    agenda_item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.MINUTES,
        title="Minutes of the Health Select Commission",
        document=pdf_upload(pages=2, name="minutes.pdf"),
        by=by,
    )
    with django_capture_on_commit_callbacks(execute=True):
        agenda_publish(meeting=meeting, by=by)
    _run_worker()
    first_files = set(AgendaPack.objects.values_list("file", flat=True))

    travel_to(time_machine, date(2025, 6, 4))
    report = report_approved_with(
        committee=committee, meeting_date=MEETING_DATE, title="Bus Shelters", upload_pages=2
    )
    report_item(meeting, report=report, by=by)
    with django_capture_on_commit_callbacks(execute=True):
        supplementary_agenda_publish(meeting=meeting, by=by)
    _run_worker()

    assert list(PackBuild.objects.values_list("reason", "status")) == [
        ("Supplementary agenda 1 published", PackBuild.Status.SUCCEEDED),
        ("Agenda published", PackBuild.Status.SUCCEEDED),
    ]
    supplement = meeting.supplements.get()
    _, public_supplement = _pack(meeting, AgendaPack.Variant.PUBLIC, supplement)
    _, confidential_supplement = _pack(meeting, AgendaPack.Variant.CONFIDENTIAL, supplement)
    for pack in (public_supplement, confidential_supplement):
        assert "Supplementary agenda 1" in pack.texts[0]
        assert "Play Area Renewal" not in pack.texts[0]
        assert pack.page_ranges == {8: ("Bus Shelters", 1, 5)}
        assert pack.stamps == [None, 1, 2, 3, 4, 5]
        assert pack.first_page_with("Report Title Bus Shelters") == 1
        assert [title for title, _, _ in pack.outline] == ["Supplementary agenda 1", "8. Bus Shelters"]
    assert public_supplement.reader.metadata.title == (
        f"{committee.name}, 17 June 2025: Supplementary agenda 1"
    )

    # The main pack has the new item in place; the packs it replaced are gone from storage.
    _, main = _pack(meeting, AgendaPack.Variant.PUBLIC)
    assert main.page_ranges == {
        6: ("Play Area Renewal", 1, 3),
        7: ("Minutes of the Health Select Commission", 4, 5),
        8: ("Bus Shelters", 6, 10),
    }
    assert "9. To consider whether the press and public should be excluded" in main.texts[0]
    assert main.stamps == [None, *range(1, 11)]
    assert [main.text_of(n) for n in (4, 5)] == ["Page 4", "Page 5"]  # the uploaded minutes, stamped
    assert main.outline[7] == ("7. Minutes of the Health Select Commission", 4, [("Minutes", 4, [])])
    assert "membership" not in main.texts[0]  # the body has no members yet: no empty list
    assert first_files.isdisjoint(AgendaPack.objects.values_list("file", flat=True))
    stored = {
        path.relative_to(settings.DOCUMENTS_ROOT).as_posix()
        for path in settings.DOCUMENTS_ROOT.rglob("*.pdf")
    }
    assert first_files.isdisjoint(stored)
    assert set(AgendaPack.objects.values_list("file", flat=True)) <= stored


def test_agenda_pack_exempt_title_left_out_of_public_pack(time_machine, by):
    """R4: a report whose title is itself exempt is "Exempt item" in the public pack: on the front
    sheet, the bookmarks and the notice page."""
    travel_to(time_machine, date(2025, 6, 2))
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report = report_approved_with(
        committee=meeting.committee,
        meeting_date=MEETING_DATE,
        title="Disposal of 14 Mill Street",
        is_exempt=True,
        title_is_exempt=True,
        exempt_paragraphs=[3],
        public_interest_reason="Bidders' offers are commercially sensitive until contracts are exchanged.",
    )
    report_item(meeting, report=report, part="B", exempt_paragraphs=[3], by=by)
    agenda_publish(meeting=meeting, by=by)

    public = PackRead.of(build_pack(meeting=meeting, variant=AgendaPack.Variant.PUBLIC).assembled.pdf)
    confidential = PackRead.of(
        build_pack(meeting=meeting, variant=AgendaPack.Variant.CONFIDENTIAL).assembled.pdf
    )

    assert public.pages_with("Mill Street") == []
    assert public.page_ranges == {8: ("Exempt item", 1, 1)}
    assert public.text_of(1).splitlines()[:3] == [
        "AGENDA ITEM 8",
        "Exempt report",
        "This report is not for publication.",
    ]
    assert [title for title, _, _ in public.outline][-2:] == [
        "7. Date and time of the next meeting",
        "8. Exempt item",
    ]
    assert confidential.page_ranges[8][0] == "Disposal of 14 Mill Street"
    numbered = [n for n in confidential.stamps if n]
    assert confidential.pages_with("NOT FOR PUBLICATION") == numbered
