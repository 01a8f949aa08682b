"""R4, as a table: audience × state × surface, answered by the one visibility rule
(`council.audience`, `reports.visibility`, `meetings.visibility`).

Each row is a state of an item (its part, its reports, its appendix, document, urgency) and a surface
(what a page or pack shows), with what each of the five audiences gets. Another councillor reads as a
councillor of the body where every councillor may read exempt papers (the default, s.100F LGA 1972),
and as the public where the council keeps them to the body (`EXEMPT_PAPERS_FOR_ALL_COUNCILLORS`).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from council.audience import Audience, audience_of
from council.roles import Role
from meetings.models import AgendaChange, AgendaItem, AgendaPack, Part
from meetings.visibility import (
    change_summary_for,
    item_description_for,
    item_document_is_shown_to,
    item_title_for,
    item_urgency_for,
    pack_is_shown_to,
    report_bookmark_for,
    report_is_shown_on_item,
)
from reports.models import Appendix, Report
from reports.visibility import appendix_is_shown_to, report_title_for
from tests.factories import (
    CommitteeFactory,
    CouncillorFactory,
    MembershipFactory,
    MunicipalYearFactory,
    UserFactory,
)
from tests.meetings.factories import meeting_called, report_item
from tests.reports.factories import report_approved

AUDIENCES = [
    Audience.PUBLIC,
    Audience.OTHER_COUNCILLOR,
    Audience.BODY_MEMBER,
    Audience.OFFICER,
    Audience.DEMOCRATIC_SERVICES,
]


def _report(kind: str) -> Report:
    return Report(
        title="Dismissal appeal, Head of Parking" if kind == "exempt_title" else "Depot sale",
        is_exempt=kind in ("exempt", "exempt_title"),
        exempt_paragraphs=[1] if kind in ("exempt", "exempt_title") else [],
        title_is_exempt=kind == "exempt_title",
    )


def _item(part: str, *, document: bool = False, published: bool = True) -> AgendaItem:
    return AgendaItem(
        part=part,
        kind=AgendaItem.Kind.REPORTS,
        title="Item as titled",
        description="A note on the item.",
        urgency_reason="The lease ends on Friday.",
        exempt_paragraphs=[1] if part == Part.B else [],
        document="agenda-documents/minutes.pdf" if document else "",
        published_at=timezone.now() if published else None,
    )


def _surface(surface: str, state: str, audience: Audience):
    part, kind = state.split(" / ")
    item = _item(Part.B if part == "Part B" else Part.A, document=True)
    report = _report(kind)
    if surface == "item title":
        return item_title_for(item, [report], audience)
    if surface == "item description":
        return item_description_for(item, [report], audience)
    if surface == "urgency reason":
        return item_urgency_for(item, [report], audience)
    if surface == "report text":
        return report_is_shown_on_item(item, report, audience)
    if surface == "report title":
        return report_title_for(report, audience)
    if surface == "bookmark (two reports)":
        return report_bookmark_for(report, audience, multiple=True)
    if surface == "item document":
        return item_document_is_shown_to(item, audience)
    raise AssertionError(surface)


T, F = True, False
WITHHELD = "Exempt item"
SHOWN = "Item as titled"
SECRET = "Dismissal appeal, Head of Parking"
# (state, surface): (public, other councillor, councillor of the body, officer, democratic services)
TABLE = {
    ("Part A / open", "item title"): (SHOWN, SHOWN, SHOWN, SHOWN, SHOWN),
    ("Part A / open", "item description"): ("A note on the item.",) * 5,
    ("Part A / open", "urgency reason"): ("The lease ends on Friday.",) * 5,
    ("Part A / open", "report text"): (T, T, T, T, T),
    ("Part A / open", "item document"): (T, T, T, T, T),
    ("Part A / exempt", "item title"): (SHOWN, SHOWN, SHOWN, SHOWN, SHOWN),
    ("Part A / exempt", "report text"): (F, T, T, T, T),
    ("Part A / exempt", "report title"): ("Depot sale",) * 5,
    ("Part A / exempt_title", "item title"): (WITHHELD, SHOWN, SHOWN, SHOWN, SHOWN),
    ("Part A / exempt_title", "item description"): ("", *("A note on the item.",) * 4),
    ("Part A / exempt_title", "urgency reason"): ("", *("The lease ends on Friday.",) * 4),
    ("Part A / exempt_title", "report text"): (F, T, T, T, T),
    ("Part A / exempt_title", "report title"): ("Exempt report", SECRET, SECRET, SECRET, SECRET),
    ("Part A / exempt_title", "bookmark (two reports)"): (
        "Report: Exempt report",
        *(f"Report: {SECRET}",) * 4,
    ),
    ("Part B / open", "item title"): (SHOWN, SHOWN, SHOWN, SHOWN, SHOWN),
    ("Part B / open", "item description"): ("", *("A note on the item.",) * 4),
    ("Part B / open", "urgency reason"): ("", *("The lease ends on Friday.",) * 4),
    ("Part B / open", "report text"): (F, T, T, T, T),
    ("Part B / open", "item document"): (F, T, T, T, T),
    ("Part B / exempt_title", "item title"): (WITHHELD, SHOWN, SHOWN, SHOWN, SHOWN),
    ("Part B / exempt_title", "bookmark (two reports)"): (
        "Report: Exempt report",
        *(f"Report: {SECRET}",) * 4,
    ),
}

CASES = [
    pytest.param(state, surface, audience, expected[i], id=f"{state}|{surface}|{audience.value}")
    for (state, surface), expected in TABLE.items()
    for i, audience in enumerate(AUDIENCES)
]


@pytest.mark.parametrize(("state", "surface", "audience", "expected"), CASES)
def test_visibility_table_r4(state, surface, audience, expected):
    assert _surface(surface, state, audience) == expected


@pytest.mark.parametrize(("state", "surface"), list(TABLE))
def test_visibility_table_other_councillor_reads_as_public_when_kept_to_the_body_r4(settings, state, surface):
    settings.WITAN = {**settings.WITAN, "EXEMPT_PAPERS_FOR_ALL_COUNCILLORS": False}
    public, other = TABLE[(state, surface)][:2]

    assert _surface(surface, state, Audience.OTHER_COUNCILLOR) == public
    if other != public:  # the default: every councillor reads exempt papers
        settings.WITAN = {**settings.WITAN, "EXEMPT_PAPERS_FOR_ALL_COUNCILLORS": True}
        assert _surface(surface, state, Audience.OTHER_COUNCILLOR) == other


@pytest.mark.parametrize(
    ("appendix_exempt", "report_kind", "expected"),
    [
        (False, "open", (T, T, T, T, T)),
        (True, "open", (F, T, T, T, T)),
        (False, "exempt", (F, T, T, T, T)),  # an exempt report's appendices are exempt with it
    ],
)
def test_visibility_table_appendix_r4(appendix_exempt, report_kind, expected):
    appendix = Appendix(label="Appendix 1", title="Bids", is_exempt=appendix_exempt)
    report = _report(report_kind)

    assert tuple(appendix_is_shown_to(appendix, report=report, audience=a) for a in AUDIENCES) == expected


def test_visibility_table_unpublished_and_withdrawn_documents_r4():
    draft, withdrawn = _item(Part.A, document=True, published=False), _item(Part.A, document=True)
    withdrawn.is_withdrawn = True

    assert [item_document_is_shown_to(draft, a) for a in AUDIENCES] == [F, F, F, F, T]
    assert [item_document_is_shown_to(withdrawn, a) for a in AUDIENCES] == [F, F, F, F, F]


def test_visibility_table_packs_r4():
    assert [pack_is_shown_to(AgendaPack.Variant.PUBLIC, a) for a in AUDIENCES] == [T] * 5
    assert [pack_is_shown_to(AgendaPack.Variant.CONFIDENTIAL, a) for a in AUDIENCES] == [F, T, T, T, T]


@pytest.mark.django_db
@time_machine.travel(datetime(2025, 6, 2, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False)
def test_visibility_table_change_entry_names_the_item_as_each_reader_may_r4():
    meeting = meeting_called(committee=CommitteeFactory(), on=date(2025, 6, 17))
    report = report_approved(committee=meeting.committee, meeting_date=meeting.date, title=SECRET)
    Report.objects.filter(pk=report.pk).update(is_exempt=True, exempt_paragraphs=[1], title_is_exempt=True)
    item = report_item(meeting, report=Report.objects.get(pk=report.pk), part=Part.B, exempt_paragraphs=[1])
    change = AgendaChange.objects.create(meeting=meeting, item=item, summary="Item 8 withdrawn: {title}")

    assert [change_summary_for(change, a) for a in AUDIENCES] == [
        "Item 8 withdrawn: Exempt item",
        *[f"Item 8 withdrawn: {SECRET}"] * 4,
    ]


@pytest.mark.django_db
def test_audience_of_each_reader(settings):
    committee = CommitteeFactory()
    on = date(2025, 6, 17)
    member, other = CouncillorFactory(), CouncillorFactory()
    for councillor in (member, other):
        councillor.user = UserFactory(roles=[Role.COUNCILLOR], password=None)
        councillor.save()
    year = MunicipalYearFactory(start_date=date(2025, 5, 20), end_date=date(2026, 5, 19))
    MembershipFactory(committee=committee, councillor=member, municipal_year=year, start_date=year.start_date)
    readers = {
        "anonymous": AnonymousUser(),
        "resident with an account": UserFactory(password=None),
        "councillor of the body": member.user,
        "another councillor": other.user,
        "report author": UserFactory(roles=[Role.REPORT_AUTHOR], password=None),
        "democratic services": UserFactory(roles=[Role.DEMOCRATIC_SERVICES], password=None),
        "administrator": UserFactory(roles=[Role.ADMINISTRATOR], password=None),
    }

    assert {name: audience_of(user, committee_id=committee.pk, on=on) for name, user in readers.items()} == {
        "anonymous": Audience.PUBLIC,
        "resident with an account": Audience.PUBLIC,
        "councillor of the body": Audience.BODY_MEMBER,
        "another councillor": Audience.OTHER_COUNCILLOR,
        "report author": Audience.OFFICER,
        "democratic services": Audience.DEMOCRATIC_SERVICES,
        "administrator": Audience.DEMOCRATIC_SERVICES,
    }
