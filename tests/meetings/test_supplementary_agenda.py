"""Supplementary agendas: items added after the agenda was published wait for the next one, which
gets the next number, slots its items into the main agenda and lists them as changes (R2 still
applies to each)."""

from datetime import date

import pytest

from meetings.models import AgendaChange, AgendaItem, PackBuild, SupplementaryAgenda
from meetings.services import (
    AgendaError,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    agenda_publish,
    supplementary_agenda_publish,
)
from tests.reports.factories import report_approved

from .factories import (
    MEETING_DATE,
    agenda_lines,
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


@pytest.fixture
def by(db):
    return clerk()


@pytest.fixture
def published(time_machine, by):
    """The meeting of 17 June 2025 with one report, its agenda published on Monday 2 June and the
    publication build done."""
    travel_to(time_machine, date(2025, 6, 2))
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report_item(meeting, report=_report(meeting, "Play Area Renewal"), by=by)
    agenda_publish(meeting=meeting, by=by)
    # The publication build has run; a later change queues a build of its own.
    PackBuild.objects.update(status=PackBuild.Status.SUCCEEDED)
    return meeting


def _report(meeting, title):
    return report_approved(committee=meeting.committee, meeting_date=meeting.date, title=title)


def test_supplementary_agenda_publish_numbers_items_in_place_and_lists_them(
    time_machine, by, published, django_capture_on_commit_callbacks
):
    meeting = published
    travel_to(time_machine, date(2025, 6, 4))
    bus = report_item(meeting, report=_report(meeting, "Bus Shelters"), by=by)

    assert bus.published_at is None
    assert bus.supplement is None
    assert not AgendaChange.objects.exists()
    assert PackBuild.objects.filter(status=PackBuild.Status.QUEUED).count() == 0

    now = travel_to(time_machine, date(2025, 6, 5))
    with django_capture_on_commit_callbacks() as callbacks:
        first = supplementary_agenda_publish(meeting=meeting, by=by)

    bus.refresh_from_db()
    assert (first.number, first.published_at, first.published_by) == (1, now, by)
    assert (bus.supplement, bus.published_at) == (first, now)
    assert agenda_lines(meeting)[5:] == [
        "6. Play Area Renewal",
        "7. Bus Shelters",
        f"8. {EXCLUSION}",
        "9. Date and time of the next meeting",
    ]
    assert public_changes() == ["Item 7 added by supplementary agenda 1: Bus Shelters"]
    build = PackBuild.objects.get(status=PackBuild.Status.QUEUED)
    assert build.reason == "Supplementary agenda 1 published"
    assert len(callbacks) == 1

    # The second supplementary agenda: two items, one of them in Part B.
    PackBuild.objects.update(status=PackBuild.Status.SUCCEEDED)
    travel_to(time_machine, date(2025, 6, 6))
    depot = report_item(
        meeting, report=_report(meeting, "Depot Sale"), part="B", exempt_paragraphs=[3], by=by
    )
    verges = report_item(meeting, report=_report(meeting, "Verge Planting"), by=by)
    with django_capture_on_commit_callbacks() as callbacks:
        second = supplementary_agenda_publish(meeting=meeting, by=by)

    assert second.number == 2
    assert set(second.items.all()) == {depot, verges}
    assert set(first.items.all()) == {bus}
    assert agenda_lines(meeting)[5:] == [
        "6. Play Area Renewal",
        "7. Bus Shelters",
        "8. Verge Planting",
        f"9. {EXCLUSION}",
        "10. Date and time of the next meeting",
        "11. Depot Sale [Part B]",
    ]
    assert public_changes() == [
        "Item 7 added by supplementary agenda 1: Bus Shelters",
        "Item 8 added by supplementary agenda 2: Verge Planting",
        "Item 11 added by supplementary agenda 2: Depot Sale",
    ]
    assert PackBuild.objects.filter(status=PackBuild.Status.QUEUED).count() == 1
    assert len(callbacks) == 1
    assert SupplementaryAgenda.objects.filter(meeting=meeting).count() == 2


def test_supplementary_agenda_publish_r2_item_late_by_then_needs_urgency(time_machine, by, published):
    """An item added on time (Wednesday 4 June) but only published on Tuesday 10 June, after the R1
    deadline, is late (R2) and needs the chair's reason like any other late item."""
    meeting = published
    travel_to(time_machine, date(2025, 6, 4))
    bus = report_item(meeting, report=_report(meeting, "Bus Shelters"), by=by)
    travel_to(time_machine, date(2025, 6, 10))

    with pytest.raises(AgendaError) as refused:
        supplementary_agenda_publish(meeting=meeting, by=by)

    assert str(refused.value) == (
        "Too late to publish: R1: the agenda must be published by Monday 9 June 2025, 5 clear working days "
        "before the meeting on Tuesday 17 June 2025, and today is Tuesday 10 June 2025. To publish now, "
        "record the chair's reason for urgency (R2, s.100B(4)) on item 7 (“Bus Shelters”)."
    )
    assert not SupplementaryAgenda.objects.exists()

    agenda_item_update(item=bus, urgency_reason="The shelters' lease ends on 30 June.", by=by)
    supplement = supplementary_agenda_publish(meeting=meeting, by=by)
    assert list(supplement.items.values_list("title", "urgency_reason")) == [
        ("Bus Shelters", "The shelters' lease ends on 30 June.")
    ]


def test_supplementary_agenda_publish_nothing_new_refused(time_machine, by, published):
    travel_to(time_machine, date(2025, 6, 4))
    agenda_item_add(meeting=published, kind=AgendaItem.Kind.HEADING, title="For Information", by=by)

    with pytest.raises(AgendaError) as refused:
        supplementary_agenda_publish(meeting=published, by=by)

    assert str(refused.value) == "There are no new items to publish."


def test_supplementary_agenda_publish_before_agenda_refused(by):
    meeting = meeting_called(on=date(2030, 6, 18), by=by)
    report_item(meeting, by=by)

    with pytest.raises(AgendaError) as refused:
        supplementary_agenda_publish(meeting=meeting, by=by)

    assert str(refused.value) == "Publish the agenda first: until then new items simply join it."


def test_agenda_item_remove_waiting_item_deleted_not_listed(time_machine, by, published):
    """An item added after publication but not yet on a supplementary agenda was never published:
    removing it deletes it, and no change is listed."""
    travel_to(time_machine, date(2025, 6, 4))
    bus = report_item(published, report=_report(published, "Bus Shelters"), by=by)

    agenda_item_remove(item=bus, by=by)

    assert not AgendaItem.objects.filter(pk=bus.pk).exists()
    assert not AgendaChange.objects.exists()


def test_agenda_item_move_withdrawn_item_refused(time_machine, by, published):
    item = published.items.get(kind=AgendaItem.Kind.REPORTS)
    agenda_item_remove(item=item, by=by)

    with pytest.raises(AgendaError) as refused:
        agenda_item_move(item=item, up=True, by=by)

    assert str(refused.value) == "This item has been withdrawn: it is no longer on the agenda."
