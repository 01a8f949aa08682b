"""Publishing an agenda: the deadline (R1, with bank holidays and closure days), late items (R2),
meetings called at short notice (R3), and what publishing does."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from council.models import AuditEntry, ClosureDay
from meetings.models import AgendaItem, AgendaItemReport, Meeting, PackBuild
from meetings.publication import item_is_late, publication_deadline
from meetings.services import (
    AgendaError,
    agenda_item_add,
    agenda_item_update,
    agenda_publish,
    meeting_create,
    meeting_set_status,
    supplementary_agenda_publish,
)
from reports.models import Report, ReportVersion
from reports.services import report_withdraw
from tests.factories import CommitteeFactory
from tests.reports.factories import report_approved, report_ready

from .factories import (
    MEETING_DATE,
    R1_DEADLINE,
    clerk,
    convened,
    meeting_called,
    public_changes,
    report_item,
    travel_to,
)

pytestmark = pytest.mark.django_db

R1_RULE = (
    "R1: the agenda must be published by Monday 9 June 2025, 5 clear working days before the meeting "
    "on Tuesday 17 June 2025"
)


@pytest.fixture
def by(db):
    return clerk()


def _agenda_with_reports(time_machine, by, *titles, on=date(2025, 6, 2)):
    """The meeting of 17 June 2025 (convened long before) with one report item per title, added on `on`."""
    travel_to(time_machine, on)
    meeting = meeting_called(on=MEETING_DATE, by=by)
    items = [
        report_item(
            meeting,
            report=report_approved(committee=meeting.committee, meeting_date=MEETING_DATE, title=title),
            by=by,
        )
        for title in titles
    ]
    return meeting, items


# -- R1: the deadline ---------------------------------------------------------------------------------


def test_publication_deadline_r1_five_clear_working_days(by):
    """R1: Tuesday 17 June 2025 needs publication by Monday 9 June (clear days 10-13 and 16 June)."""
    meeting = meeting_called(on=MEETING_DATE, by=by)

    deadline = publication_deadline(meeting)

    assert deadline.deadline == R1_DEADLINE
    assert deadline.short_notice is False
    assert deadline.rule == R1_RULE


def test_publication_deadline_r1_after_bank_holiday(by):
    """R1: Monday 26 May 2025 (spring bank holiday) is not a clear day, so a meeting on Tuesday
    27 May needs its agenda out by Friday 16 May, not Monday 19 May."""
    meeting = meeting_called(on=date(2025, 5, 27), by=by)

    deadline = publication_deadline(meeting)

    assert deadline.deadline == date(2025, 5, 16)
    assert deadline.rule == (
        "R1: the agenda must be published by Friday 16 May 2025, 5 clear working days before the "
        "meeting on Tuesday 27 May 2025"
    )


def test_publication_deadline_r1_closure_day_not_counted(by):
    """R1: a council closure day on Thursday 12 June 2025 moves the deadline back to Friday 6 June."""
    ClosureDay.objects.create(date=date(2025, 6, 12), reason="Office move")
    meeting = meeting_called(on=MEETING_DATE, by=by)

    assert publication_deadline(meeting).deadline == date(2025, 6, 6)


def test_agenda_publish_r1_on_deadline_day_succeeds(time_machine, by):
    meeting, [item] = _agenda_with_reports(time_machine, by, "Play Area Renewal")
    now = travel_to(time_machine, R1_DEADLINE, hour=16)

    agenda_publish(meeting=meeting, by=by)

    meeting.refresh_from_db()
    item.refresh_from_db()
    assert meeting.agenda_published_at == now
    assert item.published_at == now
    assert item.urgency_reason == ""


def test_agenda_publish_r1_after_deadline_refused_naming_rule_date_and_items(time_machine, by):
    """R1 missed: refused, naming the rule, the deadline and each item that needs the chair's reason
    (R2); once every late item has one, the agenda publishes."""
    meeting, [first, second] = _agenda_with_reports(
        time_machine, by, "Play Area Renewal", "Library Opening Hours"
    )
    travel_to(time_machine, date(2025, 6, 10))

    with pytest.raises(AgendaError) as refused:
        agenda_publish(meeting=meeting, by=by)

    assert str(refused.value) == (
        f"Too late to publish: {R1_RULE}, and today is Tuesday 10 June 2025. To publish now, record the "
        "chair's reason for urgency (R2, s.100B(4)) on item 6 (“Play Area Renewal”), "
        "item 7 (“Library Opening Hours”)."
    )

    agenda_item_update(item=first, urgency_reason="The contractor's price holds only until 20 June.", by=by)
    with pytest.raises(AgendaError) as still_refused:
        agenda_publish(meeting=meeting, by=by)
    assert str(still_refused.value).endswith("on item 7 (“Library Opening Hours”).")

    agenda_item_update(item=second, urgency_reason="The new hours must start before the summer.", by=by)
    agenda_publish(meeting=meeting, by=by)

    meeting.refresh_from_db()
    assert meeting.agenda_is_published
    assert set(meeting.items.values_list("urgency_reason", flat=True)) == {
        "",
        "The contractor's price holds only until 20 June.",
        "The new hours must start before the summer.",
    }


# -- R2: late items -----------------------------------------------------------------------------------


def test_agenda_item_add_r2_late_item_without_urgency_reason_refused(time_machine, by):
    meeting, _ = _agenda_with_reports(time_machine, by)
    travel_to(time_machine, date(2025, 6, 11))
    report = report_approved(committee=meeting.committee, meeting_date=MEETING_DATE, title="Bus Shelters")

    with pytest.raises(ValidationError) as refused:
        agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.REPORTS, reports=[report], by=by)

    assert refused.value.message_dict == {
        "urgency_reason": [
            f"This item is late ({R1_RULE}). Record why the chair accepts it as urgent by reason of "
            "special circumstances (R2, s.100B(4)); the minutes will carry it."
        ]
    }
    assert not meeting.items.filter(kind=AgendaItem.Kind.REPORTS).exists()


def test_agenda_item_add_r2_late_item_with_urgency_reason_added(time_machine, by):
    meeting, _ = _agenda_with_reports(time_machine, by)
    now = travel_to(time_machine, date(2025, 6, 11))
    report = report_approved(committee=meeting.committee, meeting_date=MEETING_DATE, title="Bus Shelters")

    item = agenda_item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.REPORTS,
        reports=[report],
        urgency_reason="  The grant offer lapses before the next meeting.  ",
        by=by,
    )

    item.refresh_from_db()
    assert item.urgency_reason == "The grant offer lapses before the next meeting."
    assert item.added_at == now
    assert item.added_by == by
    assert item.title == "Bus Shelters"
    assert [link.report for link in item.report_links.all()] == [report]


def test_agenda_item_add_r2_before_deadline_on_published_agenda_not_late(time_machine, by):
    """An item added on Wednesday 4 June to an agenda published on time is not late, and goes out on
    a supplementary agenda without a reason for urgency."""
    meeting, _ = _agenda_with_reports(time_machine, by, "Play Area Renewal")
    agenda_publish(meeting=meeting, by=by)
    travel_to(time_machine, date(2025, 6, 4))

    item = report_item(meeting, by=by)

    deadline = publication_deadline(meeting)
    assert item_is_late(item, deadline=deadline, published_on=date(2025, 6, 4)) is False
    assert item.urgency_reason == ""
    assert item.published_at is None


def test_item_is_late_r2_headings_and_procedural_items_never_late(time_machine, by):
    meeting, _ = _agenda_with_reports(time_machine, by, "Play Area Renewal")
    travel_to(time_machine, date(2025, 6, 12))
    heading = agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.HEADING, title="For Decision", by=by)
    standard = agenda_item_add(
        meeting=meeting, kind=AgendaItem.Kind.STANDARD, standard_item="communications", by=by
    )
    deadline = publication_deadline(meeting)

    late = {
        item.title: item_is_late(item, deadline=deadline, published_on=date(2025, 6, 12))
        for item in meeting.items.all()
    }

    assert heading.urgency_reason == standard.urgency_reason == ""
    assert late == {
        "Apologies for absence": False,
        "Declarations of interest": False,
        "Minutes of the previous meeting": False,
        "To determine any item which the Chair is of the opinion should be considered as a matter of "
        "urgency": False,
        "Questions from members of the public and the press": False,
        "Play Area Renewal": True,
        "For Decision": False,
        "Communications": False,
        "To consider whether the press and public should be excluded from the meeting during "
        "consideration of any part of the agenda": False,
        "Date and time of the next meeting": False,
    }


def test_agenda_publish_r2_only_procedural_items_late_succeeds(time_machine, by):
    """Procedural items carry no papers: an agenda of them alone publishes after the deadline."""
    travel_to(time_machine, date(2025, 6, 2))
    meeting = meeting_called(on=MEETING_DATE, by=by)
    travel_to(time_machine, date(2025, 6, 13))

    agenda_publish(meeting=meeting, by=by)

    meeting.refresh_from_db()
    assert meeting.agenda_is_published


# -- R3: short notice ---------------------------------------------------------------------------------


R3_RULE = (
    "R3: this meeting was convened on Wednesday 11 June 2025, after the R1 deadline of Monday 9 June 2025, "
    "so its papers are due from the time it was convened"
)


def _called_at_short_notice(time_machine, by):
    """An extraordinary meeting for Tuesday 17 June 2025, called at 9 a.m. on Wednesday 11 June (after
    the R1 deadline of 9 June), with the report it was called for added that afternoon."""
    committee = CommitteeFactory()
    called_at = travel_to(time_machine, date(2025, 6, 11), hour=9)
    meeting = meeting_create(committee=committee, date=MEETING_DATE, kind=Meeting.Kind.EXTRAORDINARY, by=by)
    travel_to(time_machine, date(2025, 6, 11), hour=15)
    report = report_approved(committee=committee, meeting_date=MEETING_DATE, title="Leisure Centre Roof")
    item = report_item(meeting, report=report, by=by)
    assert meeting.convened_at == called_at
    return meeting, item


def test_agenda_publish_r3_short_notice_items_on_it_when_convened_not_late(time_machine, by):
    """R3: the papers of a meeting called at short notice are due from when it was convened: the
    items it was called with go out that day without a reason for urgency; an item added the day
    after needs one (R2), and goes out on a supplementary agenda."""
    meeting, item = _called_at_short_notice(time_machine, by)
    deadline = publication_deadline(meeting)
    assert item.added_at == convened(date(2025, 6, 11), 15)
    assert (deadline.deadline, deadline.convened_on, deadline.short_notice) == (
        R1_DEADLINE,
        date(2025, 6, 11),
        True,
    )
    assert deadline.rule == R3_RULE

    published_at = travel_to(time_machine, date(2025, 6, 11), hour=16)
    agenda_publish(meeting=meeting, by=by)

    item.refresh_from_db()
    assert (item.published_at, item.urgency_reason) == (published_at, "")

    added_at = travel_to(time_machine, date(2025, 6, 12))
    later = report_approved(committee=meeting.committee, meeting_date=MEETING_DATE, title="Pool Closure")
    with pytest.raises(ValidationError) as refused:
        agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.REPORTS, reports=[later], by=by)
    assert refused.value.message_dict["urgency_reason"] == [
        f"This item is late ({R3_RULE}). Record why the chair accepts it as urgent by reason of "
        "special circumstances (R2, s.100B(4)); the minutes will carry it."
    ]
    late = agenda_item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.REPORTS,
        reports=[later],
        urgency_reason="The pool must close before the school holidays.",
        by=by,
    )
    supplement = supplementary_agenda_publish(meeting=meeting, by=by)
    late.refresh_from_db()
    assert (late.added_at, late.supplement, late.published_at) == (added_at, supplement, added_at)


def test_agenda_publish_r3_day_after_convening_refused(time_machine, by):
    """R3: published the day after the meeting was convened, even the items it was called with
    missed the time they were due, and need the chair's reason (R2)."""
    meeting, _ = _called_at_short_notice(time_machine, by)
    travel_to(time_machine, date(2025, 6, 12))

    with pytest.raises(AgendaError) as refused:
        agenda_publish(meeting=meeting, by=by)

    assert str(refused.value) == (
        f"Too late to publish: {R3_RULE}, and today is Thursday 12 June 2025. To publish now, record the "
        "chair's reason for urgency (R2, s.100B(4)) on item 6 (“Leisure Centre Roof”)."
    )


# -- Publication --------------------------------------------------------------------------------------


def test_agenda_publish_report_not_approved_refused(time_machine, by):
    meeting, _ = _agenda_with_reports(time_machine, by, "Play Area Renewal")
    draft = report_ready(committee=meeting.committee, meeting_date=MEETING_DATE, title="Tree Strategy")
    report_item(meeting, report=draft, by=by)

    with pytest.raises(AgendaError) as refused:
        agenda_publish(meeting=meeting, by=by)

    assert str(refused.value) == (
        "The agenda cannot be published yet: “Tree Strategy” is not approved yet (draft)."
    )
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None
    assert not PackBuild.objects.exists()


def test_agenda_publish_report_withdrawn_since_attached_refused(time_machine, by):
    meeting, _ = _agenda_with_reports(time_machine, by, "Play Area Renewal")
    draft = report_ready(committee=meeting.committee, meeting_date=MEETING_DATE, title="Tree Strategy")
    report_item(meeting, report=draft, by=by)
    report_withdraw(report=draft, by=draft.created_by, reason="Held over to the autumn.")

    with pytest.raises(AgendaError) as refused:
        agenda_publish(meeting=meeting, by=by)

    assert str(refused.value) == (
        "The agenda cannot be published yet: “Tree Strategy” has been withdrawn: take it off the agenda."
    )


def test_agenda_publish_freezes_reports_records_and_queues_one_build(
    time_machine, by, django_capture_on_commit_callbacks
):
    meeting, [item] = _agenda_with_reports(time_machine, by, "Play Area Renewal")
    now = travel_to(time_machine, date(2025, 6, 5))

    with django_capture_on_commit_callbacks() as callbacks:
        agenda_publish(meeting=meeting, by=by)

    meeting.refresh_from_db()
    link = AgendaItemReport.objects.get(item=item)
    frozen = ReportVersion.objects.get(report=link.report, is_frozen=True)
    assert link.report.status == Report.Status.PUBLISHED
    assert link.version == frozen
    assert frozen.status == Report.Status.PUBLISHED
    assert frozen.snapshot["title"] == "Play Area Renewal"
    assert (meeting.agenda_published_at, meeting.agenda_published_by) == (now, by)
    assert set(meeting.items.values_list("published_at", flat=True)) == {now}
    entry = AuditEntry.objects.filter(object_id=str(meeting.pk), note="Agenda published").get()
    assert (entry.actor, entry.action) == (by, AuditEntry.Action.STATE)
    build = PackBuild.objects.get()
    assert (build.meeting, build.status, build.reason, build.requested_by) == (
        meeting,
        PackBuild.Status.QUEUED,
        "Agenda published",
        by,
    )
    assert len(callbacks) == 1  # the build is handed to the worker once, after commit

    with pytest.raises(AgendaError) as again:
        agenda_publish(meeting=meeting, by=by)
    assert str(again.value) == "The agenda is already published: new items go on a supplementary agenda."
    assert PackBuild.objects.count() == 1


@pytest.mark.parametrize(("status", "words"), [("cancelled", "cancelled"), ("postponed", "postponed")])
def test_agenda_publish_meeting_not_going_ahead_refused(time_machine, by, status, words):
    meeting, _ = _agenda_with_reports(time_machine, by, "Play Area Renewal")
    meeting_set_status(meeting=meeting, status=status, reason="The venue is flooded.", by=by)

    with pytest.raises(AgendaError) as refused:
        agenda_publish(meeting=meeting, by=by)

    assert str(refused.value) == f"This meeting is {words}: its agenda cannot be published."


def test_meeting_set_status_postpone_needs_reason(time_machine, by):
    meeting, _ = _agenda_with_reports(time_machine, by)

    with pytest.raises(AgendaError) as refused:
        meeting_set_status(meeting=meeting, status=Meeting.Status.POSTPONED, reason="  ", by=by)

    assert str(refused.value) == "Say why the meeting is postponed."
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED


def test_meeting_set_status_postponed_published_meeting_lists_change(time_machine, by):
    meeting, _ = _agenda_with_reports(time_machine, by, "Play Area Renewal")
    agenda_publish(meeting=meeting, by=by)
    PackBuild.objects.update(status=PackBuild.Status.SUCCEEDED)  # the publication build has run

    meeting_set_status(meeting=meeting, status=Meeting.Status.POSTPONED, reason="The chair is unwell.", by=by)

    meeting.refresh_from_db()
    assert (meeting.status, meeting.status_reason) == (Meeting.Status.POSTPONED, "The chair is unwell.")
    assert public_changes() == ["Meeting postponed: The chair is unwell."]
    # The packs are rebuilt so that they say so too.
    assert PackBuild.objects.filter(status=PackBuild.Status.QUEUED).get().reason == (
        "Meeting postponed: The chair is unwell."
    )
