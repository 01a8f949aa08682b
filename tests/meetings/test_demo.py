"""The demo council's agendas and packs (issue 4, point 8): a year of meetings with agendas, built and
published through the services on the days they would have been, and one pack of about 300 pages."""

import io
from datetime import date, datetime, time

import pytest
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from pypdf import PdfReader

from council.demo import load_demo
from council.models import AuditEntry, Committee
from council.working_days import agenda_publication_deadline, working_day_calendar
from meetings.agenda import numbered_agenda
from meetings.apps import MeetingsConfig
from meetings.models import (
    AgendaChange,
    AgendaItem,
    AgendaPack,
    AgendaTemplateEntry,
    Meeting,
    PackBuild,
    SupplementaryAgenda,
)
from meetings.publication import item_is_late, publication_deadline
from meetings.services import agenda_missing, pack_build_run
from reports.models import Report
from tests.meetings.factories import public_changes

TODAY = date(2026, 11, 22)  # a Sunday; the current municipal year began on Wednesday 20 May 2026
YEAR_START = date(2026, 5, 20)
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CALL_IN_URGENCY = (
    "The decision was called in after the agenda was published. The constitution requires the Board to "
    "consider a call-in within ten working days, before its next meeting, and the decision cannot be "
    "carried out until the Board has done so."
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo loaded once for this module on `TODAY`, rolled back afterwards (its packs are
    never built here: the builds wait for a commit that never comes)."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, DOCUMENTS_ROOT=media),
        transaction.atomic(),
    ):
        out = io.StringIO()
        counts = load_demo(today=TODAY, stdout=OutputWrapper(out))
        yield {"counts": counts, "output": out.getvalue()}
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def fast_hashers(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


def meeting(slug: str, day: date) -> Meeting:
    return Meeting.objects.select_related("committee").get(committee__slug=slug, date=day)


def agenda(m: Meeting) -> list[tuple]:
    """(number, part, title) of each entry, as the agenda prints it."""
    return [(e.number, e.item.part, e.item.title) for e in numbered_agenda(m.items.all())]


def template(slug: str) -> list[str]:
    return [
        e.standard_item or f"[{e.kind}] {e.title}".strip()
        for e in AgendaTemplateEntry.objects.filter(committee__slug=slug).order_by("position")
    ]


def london(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_demo_agendas_load_after_every_app_demo_loader():
    assert MeetingsConfig.demo_loader == "meetings.demo.load_demo"
    assert MeetingsConfig.demo_after_loader == "meetings.demo_agendas.load_demo"


@pytest.mark.django_db
def test_demo_counts_and_output(demo):
    counts = demo["counts"]

    assert (counts["agenda templates"], counts["published agendas"], counts["reports"]) == (11, 49, 27)
    assert counts["agenda items"] == AgendaItem.objects.count() == 911
    assert (
        "Agendas loaded: 49 published, 49 of them now; 46 drafts started; 15 reports written for them.\n"
        in demo["output"]
    )


@pytest.mark.django_db
def test_demo_bodies_have_their_own_agenda_templates(demo):
    """council-papers.md §2: the order differs between bodies."""
    assert template("children-and-families-select-commission") == [
        "exclusion",
        "urgent_business",
        "apologies",
        "declarations",
        "questions",
        "communications",
        "previous_minutes",
        "[heading] Pre-decision scrutiny",
        "[heading] For decision",
        "[reports]",
        "next_meeting",
    ]
    board = template("overview-and-scrutiny-management-board")
    assert board[:4] == ["apologies", "declarations", "exclusion", "questions"]
    assert board[-2:] == ["urgent_business", "next_meeting"]
    assert "previous_minutes" not in board
    assert template("licensing-committee") == [
        "apologies",
        "declarations",
        "previous_minutes",
        "[reports]",
        "urgent_business",
        "exclusion",
        "next_meeting",
    ]
    templates = {tuple(template(c.slug)) for c in Committee.objects.all()}
    # The three select commissions share one order, as do the two working groups (in their own words).
    assert len(templates) == 8


@pytest.mark.django_db
def test_demo_meetings_held_or_past_their_r1_deadline_have_published_agendas(demo):
    """R1: each such agenda went out on its deadline day; the meetings since held were marked held."""
    calendar = working_day_calendar()
    this_year = Meeting.objects.filter(date__gte=YEAR_START).select_related("committee")
    due = []
    for m in this_year:
        deadline = agenda_publication_deadline(m.date, calendar=calendar)
        if m.is_going_ahead and (m.date < TODAY or deadline < TODAY):
            due.append(m)
            assert m.agenda_published_at == london(deadline, 10), m
            assert m.agenda_published_by.username == "democratic"
            assert m.status == (Meeting.Status.HELD if m.date < TODAY else Meeting.Status.SCHEDULED), m
        else:
            assert m.agenda_published_at is None, m
            assert m.items.exists(), m  # a draft agenda
    assert len(due) == 49
    assert sorted((m.committee.slug, m.date) for m in due if m.date >= TODAY) == [
        ("cabinet", date(2026, 11, 30)),
        ("children-and-families-select-commission", date(2026, 11, 24)),
        ("overview-and-scrutiny-management-board", date(2026, 11, 25)),
        ("places-and-neighbourhoods-select-commission", date(2026, 11, 25)),
    ]
    # The previous year's meetings are history the demo does not replay.
    assert not Meeting.objects.filter(date__lt=YEAR_START, items__isnull=False).exists()


@pytest.mark.django_db
def test_demo_big_cabinet_agenda_in_order_with_part_b(demo):
    cabinet = meeting("cabinet", date(2026, 11, 30))

    assert agenda(cabinet) == [
        (1, "A", "Apologies for absence"),
        (2, "A", "Declarations of interest"),
        (3, "A", "Questions from residents and the press"),
        (4, "A", "Minutes of the previous Cabinet meeting held on 2 November 2026"),
        (5, "A", "Items to be taken in private, if any"),
        (None, "A", "Items for decision"),
        (6, "A", "Forward Plan of key decisions"),
        (7, "A", "Cabinet Member for Street Scene: portfolio update"),
        (8, "A", "A New Waste and Recycling Collection Schedule"),
        (9, "A", "Adult Social Care Provider Fee Uplift"),
        (10, "A", "Revenue Budget Monitoring: Position at the End of September"),
        (11, "A", "Capital Programme 2026/27 to 2029/30: Mid-Year Update"),
        (12, "A", "Treasury Management Mid-Year Review"),
        (13, "A", "Fees and Charges 2027/28"),
        (14, "A", "Council Plan Performance Report: Quarter 2"),
        (15, "A", "Household Support Fund: Allocation of the Winter Grant"),
        (16, "A", "Corporate Property Review and Asset Disposal Programme"),
        (17, "A", "Ravensmoor Town Centre Masterplan: Draft for Consultation"),
        (18, "A", "Local Flood Risk Management Strategy 2027-2033"),
        (19, "A", "Authority Monitoring Report: Local Plan Progress"),
        (20, "A", "LED Street Lighting: The Final Phase"),
        (21, "A", "Homelessness and Rough Sleeping Strategy 2027-2032"),
        (22, "A", "Home to School Transport Policy 2027/28"),
        (23, "A", "Access to GP Appointments: Response to the Scrutiny Review"),
        (24, "A", "Urgent items accepted by the Leader"),
        (25, "A", "Date and time of the next Cabinet meeting"),
        (26, "B", "Ravensmoor Market Hall: Leases of the Outer Units"),
    ]
    part_b = cabinet.items.get(part="B")
    report = part_b.reports.get()
    assert (part_b.exempt_paragraphs, report.is_exempt, report.exempt_paragraphs) == ([3], True, [3])
    # Publishing froze every report on it; the one still awaiting approvals stayed off.
    reports = Report.objects.filter(agenda_items__meeting=cabinet)
    assert set(reports.values_list("status", flat=True)) == {Report.Status.PUBLISHED}
    assert reports.count() == 17
    assert not cabinet.items.filter(title="Council Tax Support Scheme").exists()
    next_meeting = cabinet.items.get(standard_item="next_meeting")
    assert next_meeting.description == "Monday 4 January 2027 at 10 am"


@pytest.mark.django_db
def test_demo_late_call_in_goes_out_on_a_supplementary_agenda(demo):
    """R2: added the working day after the agenda went out, the call-in carries the chair's reason."""
    board = meeting("overview-and-scrutiny-management-board", date(2026, 11, 25))
    supplement = SupplementaryAgenda.objects.get()
    item = board.items.get(supplement=supplement)

    assert (supplement.meeting, supplement.number) == (board, 1)
    assert supplement.published_at == london(date(2026, 11, 18), 12)
    assert item.title == "Call-in: Parking Charges at Hollin Bridge District Centre"
    assert item.urgency_reason == CALL_IN_URGENCY
    assert item_is_late(item, deadline=publication_deadline(board), published_on=date(2026, 11, 18))
    assert public_changes() == [
        "Item 9 added by supplementary agenda 1: Call-in: Parking Charges at Hollin Bridge District Centre"
    ]
    # Pre-decision scrutiny: two of the Cabinet's reports, under their heading.
    assert agenda(board)[4:8] == [
        (None, "A", "Items for pre-decision scrutiny"),
        (5, "A", "Treasury Management Mid-Year Review"),
        (6, "A", "Fees and Charges 2027/28"),
        (None, "A", "Scrutiny business"),
    ]
    assert (
        board.pre_briefing_note == "There will be a pre-briefing for members at 10.15 am in Committee Room 2."
    )


@pytest.mark.django_db
def test_demo_minutes_bound_as_uploaded_pdfs(demo):
    commission = meeting("places-and-neighbourhoods-select-commission", date(2026, 11, 25))
    minutes = commission.items.get(standard_item="previous_minutes")

    assert minutes.title == "Minutes of the previous meeting held on 14 October 2026"
    assert minutes.minutes_of == meeting("places-and-neighbourhoods-select-commission", date(2026, 10, 14))
    with minutes.document.open("rb") as file:
        text = PdfReader(file).pages[0].extract_text()
    assert "PLACES AND NEIGHBOURHOODS SELECT COMMISSION" in text
    assert "18. TACKLING FLY-TIPPING: FINDINGS OF THE TASK AND FINISH GROUP" in text
    assert AgendaItem.objects.exclude(document="").count() == 24
    panel = meeting("corporate-parenting-scrutiny-panel", date(2026, 10, 30))
    assert agenda(panel)[7:9] == [
        (8, "A", "Minutes of the Care Leavers Sub-Panel held on 4 September 2026"),
        (9, "A", "Minutes of the Panel's previous meeting held on 4 September 2026"),
    ]


@pytest.mark.django_db
def test_demo_draft_agendas_ahead_show_what_is_missing(demo):
    cabinet = meeting("cabinet", date(2027, 1, 4))
    items = cabinet.items.prefetch_related("report_links__report")

    assert cabinet.agenda_published_at is None
    assert agenda_missing(items) == [
        "“Air Quality Action Plan” is not approved yet (returned for changes).",
        "“Children's Residential Care: Commissioning Local Children's Homes” is not approved yet "
        "(awaiting approvals).",
        "“Disposal of Land at the Former Tanners Cross Depot” is not approved yet (awaiting approvals).",
    ]
    land = cabinet.items.get(part="B")
    assert (land.title, land.exempt_paragraphs) == ("Disposal of Land at the Former Tanners Cross Depot", [3])


@pytest.mark.django_db
def test_demo_postponed_meeting_keeps_its_reason(demo):
    postponed = Meeting.objects.get(status=Meeting.Status.POSTPONED)

    assert (postponed.committee.slug, postponed.date) == (
        "places-and-neighbourhoods-select-commission",
        date(2027, 1, 6),
    )
    assert postponed.status_reason.startswith("Postponed at the Chair's request")
    assert postponed.items.exists() and postponed.agenda_published_at is None


@pytest.mark.django_db
def test_demo_loaded_twice_on_one_day_changes_nothing(demo):
    models = [
        AgendaItem,
        AgendaTemplateEntry,
        SupplementaryAgenda,
        AgendaChange,
        PackBuild,
        Report,
        AuditEntry,
    ]
    before = [model.objects.count() for model in models]
    out = io.StringIO()

    counts = load_demo(today=TODAY, stdout=OutputWrapper(out))

    assert [model.objects.count() for model in models] == before
    assert counts["published agendas"] == 49
    assert "Agendas loaded: 49 published, 0 of them now; 0 drafts started; 0 reports written for them.\n" in (
        out.getvalue()
    )


@pytest.mark.django_db
def test_demo_big_meeting_pack_runs_to_about_300_pages(demo):
    """The slow one: builds the next Cabinet's packs as the worker would."""
    cabinet = meeting("cabinet", date(2026, 11, 30))
    build = PackBuild.objects.get(meeting=cabinet, status=PackBuild.Status.QUEUED)

    assert pack_build_run(build_id=build.pk).status == PackBuild.Status.SUCCEEDED

    packs = {p.variant: p for p in AgendaPack.objects.filter(meeting=cabinet, supplement=None)}
    assert 280 <= packs["public"].page_count <= 330
    assert packs["confidential"].page_count > packs["public"].page_count  # Part B in full
    with packs["public"].file.open("rb") as file:
        public_text = "".join(page.extract_text() for page in PdfReader(file).pages[-3:])
    assert "Oakwell Bakery" not in public_text  # a bidder in the exempt report's appendix
