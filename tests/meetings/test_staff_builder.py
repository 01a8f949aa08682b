"""The agenda builder: adding items (late ones with a reason, R2), Part B (R4), ordering, publishing
(R1), supplementary agendas, the meeting's status and the pack build panel."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import AgendaItem, AgendaPack, Meeting, PackBuild, Part
from meetings.services import agenda_item_add, agenda_publish
from tests.factories import CommitteeFactory
from tests.reports.factories import ReportFactory, officer_user, pdf_upload, report_approved

from .factories import clerk, convened, meeting_called, public_changes, report_item
from .staff_pages import agenda_lines, builder_url, field_errors, field_value, page_text

pytestmark = pytest.mark.django_db

MEETING_DAY = date(2025, 6, 17)  # a Tuesday: R1 wants the agenda out by Monday 9 June 2025
ON_TIME = date(2025, 6, 2)
AFTER_DEADLINE = date(2025, 6, 10)

DEFAULT_PART_A = [
    "1. Apologies for absence",
    "2. Declarations of interest",
    "3. Minutes of the previous meeting",
    "4. To determine any item which the Chair is of the opinion should be considered as a matter of urgency",
    "5. Questions from members of the public and the press",
]
TRAILING = [
    "To consider whether the press and public should be excluded from the meeting during consideration of any "
    "part of the agenda",
    "Date and time of the next meeting",
]


def _add(client, meeting, kind, data, **extra):
    return client.post(reverse("meetings_staff:agenda_item_add", args=[meeting.pk, kind]), data, **extra)


@pytest.fixture
def meeting():
    return meeting_called(
        on=MEETING_DAY, committee=CommitteeFactory(name="Improving Lives Select Commission")
    )


@time_machine.travel(ON_TIME, tick=False)
def test_add_report_item_shows_report_with_status(clerk_client, meeting):
    report = report_approved(
        committee=meeting.committee, meeting_date=MEETING_DAY, title="Home to School Transport"
    )

    response = _add(clerk_client, meeting, "report", {"report-report": report.pk, "report-title": ""})

    item = meeting.items.get(kind=AgendaItem.Kind.REPORTS)
    assert response.status_code == 302
    assert response["Location"] == f"{builder_url(meeting)}#item-{item.pk}"
    assert list(item.reports.all()) == [report]
    builder = clerk_client.get(builder_url(meeting))
    assert agenda_lines(builder)["A"] == [
        *DEFAULT_PART_A,
        "6. Home to School Transport",
        *(f"{n}. {t}" for n, t in zip((7, 8), TRAILING, strict=True)),
    ]
    assert (
        f'Report: <a href="/reports/{report.pk}/">Home to School Transport</a> '
        '<span class="badge text-bg-success">Approved, ready for an agenda</span>'
    ) in page_text(builder)


@time_machine.travel(ON_TIME, tick=False)
def test_add_report_choices_exclude_withdrawn_and_listed_approved_first(clerk_client, meeting):
    author = officer_user()
    draft = ReportFactory(committee=meeting.committee, title="A Draft Report", by=author)
    approved = report_approved(
        committee=meeting.committee, meeting_date=MEETING_DAY, title="Z Approved Report"
    )
    on_agenda = report_item(meeting).reports.get()
    cabinet = report_approved(committee=CommitteeFactory(name="Cabinet"), meeting_date=date(2025, 6, 23))

    form = next(
        a["form"]
        for a in clerk_client.get(builder_url(meeting)).context["add_forms"]
        if a["kind"] == "report"
    )

    assert [value for value, _ in form.fields["report"].choices] == ["", str(approved.pk), str(draft.pk)]
    assert str(on_agenda.pk) not in [value for value, _ in form.fields["report"].choices]
    assert form.fields["other_report"].choices[1] == (
        "Cabinet",
        [(str(cabinet.pk), f"{cabinet.title} (Approved, ready for an agenda, for 23 June 2025)")],
    )


@time_machine.travel(ON_TIME, tick=False)
def test_add_another_bodys_report_for_pre_decision_scrutiny(clerk_client, meeting):
    cabinet = report_approved(committee=CommitteeFactory(name="Cabinet"), meeting_date=date(2025, 6, 23))

    response = _add(clerk_client, meeting, "report", {"report-other_report": cabinet.pk})

    assert response.status_code == 302
    assert list(meeting.items.get(kind=AgendaItem.Kind.REPORTS).reports.all()) == [cabinet]
    assert "for Cabinet" in page_text(clerk_client.get(builder_url(meeting)))


@time_machine.travel(ON_TIME, tick=False)
def test_add_report_item_without_report_refused(clerk_client, meeting):
    response = _add(clerk_client, meeting, "report", {"report-title": "Something"})

    assert response.status_code == 400
    assert "Choose the report this item considers." in page_text(response)
    assert not meeting.items.filter(kind=AgendaItem.Kind.REPORTS).exists()


@time_machine.travel(AFTER_DEADLINE, tick=False)
def test_late_item_without_urgency_reason_refused_on_the_field_R2(clerk_client, meeting):
    report = report_approved(committee=meeting.committee, meeting_date=MEETING_DAY)

    response = _add(
        clerk_client, meeting, "report", {"report-report": report.pk, "report-title": "Library Opening Hours"}
    )

    assert response.status_code == 400
    assert field_errors(response, "id_report-urgency_reason") == [
        "This item is late (R1: the agenda must be published by Monday 9 June 2025, 5 clear working days before "
        "the meeting on Tuesday 17 June 2025). Record why the chair accepts it as urgent by reason of special "
        "circumstances (R2, s.100B(4)); the minutes will carry it."
    ]
    assert field_value(response, "id_report-title") == "Library Opening Hours"
    assert not meeting.items.filter(kind=AgendaItem.Kind.REPORTS).exists()


@time_machine.travel(AFTER_DEADLINE, tick=False)
def test_late_item_with_urgency_reason_added_and_marked_late_R2(clerk_client, meeting):
    report = report_approved(committee=meeting.committee, meeting_date=MEETING_DAY, title="Flood Grant Bid")
    reason = "The grant bid closes before the next meeting."

    response = _add(
        clerk_client, meeting, "report", {"report-report": report.pk, "report-urgency_reason": reason}
    )

    item = meeting.items.get(kind=AgendaItem.Kind.REPORTS)
    assert response.status_code == 302
    assert item.urgency_reason == reason
    text = page_text(clerk_client.get(builder_url(meeting)))
    assert '<span class="badge text-bg-danger">Late (R2)</span>' in text
    assert f"<strong>Reason for urgency:</strong> {reason}" in text


@time_machine.travel(ON_TIME, tick=False)
def test_add_heading_and_minutes_for_information(clerk_client, meeting):
    board = meeting_called(
        on=date(2025, 5, 12), committee=CommitteeFactory(name="Health and Wellbeing Board")
    )

    _add(
        clerk_client,
        meeting,
        "heading",
        {"heading-title": "For Information", "heading-description": "Noted only."},
    )
    response = _add(
        clerk_client,
        meeting,
        "minutes",
        {"minutes-minutes_of": board.pk, "minutes-document": pdf_upload(pages=4)},
    )

    assert response.status_code == 302
    minutes = meeting.items.get(kind=AgendaItem.Kind.MINUTES)
    assert (minutes.title, minutes.minutes_of, minutes.document_pages) == (
        "Minutes of the meeting of the Health and Wellbeing Board held on 12 May 2025",
        board,
        4,
    )
    builder = clerk_client.get(builder_url(meeting))
    assert agenda_lines(builder)["A"][5:7] == [
        "For Information",
        "6. Minutes of the meeting of the Health and Wellbeing Board held on 12 May 2025",
    ]
    assert f'<a href="/meetings/{meeting.pk}/items/{minutes.pk}/document.pdf">PDF, 4 pages</a>' in page_text(
        builder
    )


@time_machine.travel(ON_TIME, tick=False)
def test_add_minutes_not_a_pdf_refused_on_the_field(clerk_client, meeting):
    fake = pdf_upload()
    fake.file.write(b"")
    fake.seek(0)
    fake.file.truncate(0)
    fake.file.write(b"just some text")
    fake.seek(0)

    response = _add(
        clerk_client, meeting, "minutes", {"minutes-title": "Minutes of the Board", "minutes-document": fake}
    )

    assert response.status_code == 400
    assert field_errors(response, "id_minutes-document") == ["The file is not a PDF."]


@time_machine.travel(ON_TIME, tick=False)
def test_add_standard_item(clerk_client, meeting):
    response = _add(clerk_client, meeting, "standard", {"standard-standard_item": "communications"})

    assert response.status_code == 302
    assert agenda_lines(clerk_client.get(builder_url(meeting)))["A"][5:] == [
        "6. Communications",
        *(f"{n}. {t}" for n, t in zip((7, 8), TRAILING, strict=True)),
    ]


def _report_item_in_part_a(meeting):
    return report_item(
        meeting,
        report=report_approved(committee=meeting.committee, meeting_date=MEETING_DAY, title="Depot Sale"),
    )


@time_machine.travel(ON_TIME, tick=False)
def test_move_to_part_b_without_paragraph_refused_R4(clerk_client, meeting):
    item = _report_item_in_part_a(meeting)

    response = clerk_client.post(
        reverse("meetings_staff:agenda_item_part", args=[meeting.pk, item.pk]), {"part": "B"}
    )

    assert response.status_code == 400
    assert field_errors(response, "id_part-exempt_paragraphs") == [
        "Choose the paragraph(s) of Schedule 12A the item is exempt under."
    ]
    item.refresh_from_db()
    assert item.part == Part.A


@time_machine.travel(ON_TIME, tick=False)
def test_move_to_part_b_with_paragraph_3_numbered_after_part_a_R4(clerk_client, meeting):
    item = _report_item_in_part_a(meeting)

    response = clerk_client.post(
        reverse("meetings_staff:agenda_item_part", args=[meeting.pk, item.pk]),
        {"part": "B", "part-exempt_paragraphs": ["3"]},
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.part, item.exempt_paragraphs) == (Part.B, [3])
    builder = clerk_client.get(builder_url(meeting))
    assert agenda_lines(builder) == {
        "A": [*DEFAULT_PART_A, *(f"{n}. {t}" for n, t in zip((6, 7), TRAILING, strict=True))],
        "B": ["8. Depot Sale"],
    }
    assert "Exempt: paragraph 3" in page_text(builder)

    back = clerk_client.post(
        reverse("meetings_staff:agenda_item_part", args=[meeting.pk, item.pk]), {"part": "A"}
    )

    item.refresh_from_db()
    assert back.status_code == 302
    assert (item.part, item.exempt_paragraphs) == (Part.A, [])


@time_machine.travel(ON_TIME, tick=False)
def test_item_page_edit_saves_wording(clerk_client, meeting):
    item = meeting.items.get(standard_item="questions")
    url = reverse("meetings_staff:agenda_item", args=[meeting.pk, item.pk])

    shown = clerk_client.get(url)
    saved = clerk_client.post(
        url,
        {
            "item-title": "Public questions",
            "item-description": "Questions must arrive by noon.",
            "item-urgency_reason": "",
        },
    )

    assert "5. Questions from members of the public and the press" in page_text(shown)
    assert saved.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.description) == ("Public questions", "Questions must arrive by noon.")


@time_machine.travel(ON_TIME, tick=False)
def test_attach_another_report_to_item(clerk_client, meeting):
    item = _report_item_in_part_a(meeting)
    briefing = report_approved(
        committee=meeting.committee, meeting_date=MEETING_DAY, title="Depot Sale: Briefing"
    )

    response = clerk_client.post(
        reverse("meetings_staff:agenda_report_attach", args=[meeting.pk, item.pk]),
        {"attach-report": briefing.pk},
    )

    assert response.status_code == 302
    assert [r.title for r in item.reports.order_by("agenda_links__position")] == [
        "Depot Sale",
        "Depot Sale: Briefing",
    ]


def _ids(meeting, part=Part.A):
    return list(meeting.items.filter(part=part).order_by("position", "pk").values_list("pk", flat=True))


@time_machine.travel(ON_TIME, tick=False)
def test_move_item_up_and_down(clerk_client, meeting):
    before = _ids(meeting)
    minutes = meeting.items.get(standard_item="previous_minutes")
    url = reverse("meetings_staff:agenda_item_move", args=[meeting.pk, minutes.pk])

    up = clerk_client.post(url, {"direction": "up"})

    assert up.status_code == 302
    assert agenda_lines(clerk_client.get(builder_url(meeting)))["A"][:3] == [
        "1. Apologies for absence",
        "2. Minutes of the previous meeting",
        "3. Declarations of interest",
    ]
    clerk_client.post(url, {"direction": "down"})
    assert _ids(meeting) == before


@time_machine.travel(ON_TIME, tick=False)
def test_reorder_part_from_drag_and_drop_json(clerk_client, meeting):
    order = list(reversed(_ids(meeting)))

    response = clerk_client.post(
        reverse("meetings_staff:agenda_reorder", args=[meeting.pk]),
        {"part": "A", "items": order},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert response.json() == {"message": "Saved the order of Part A (open)."}
    assert _ids(meeting) == order
    assert (
        agenda_lines(clerk_client.get(builder_url(meeting)))["A"][0] == "1. Date and time of the next meeting"
    )


@time_machine.travel(ON_TIME, tick=False)
def test_reorder_part_with_an_item_missing_refused(clerk_client, meeting):
    before = _ids(meeting)

    response = clerk_client.post(
        reverse("meetings_staff:agenda_reorder", args=[meeting.pk]),
        {"part": "A", "items": before[1:]},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "error": "The agenda changed while you were reordering it: reload the page and try again."
    }
    assert _ids(meeting) == before


@time_machine.travel(ON_TIME, tick=False)
def test_reorder_published_agenda_with_withdrawn_item(clerk_client, meeting):
    withdrawn = _report_item_in_part_a(meeting)
    agenda_publish(meeting=meeting, by=clerk())
    clerk_client.post(reverse("meetings_staff:agenda_item_remove", args=[meeting.pk, withdrawn.pk]))
    shown = [pk for pk in _ids(meeting) if pk != withdrawn.pk]

    response = clerk_client.post(
        reverse("meetings_staff:agenda_reorder", args=[meeting.pk]),
        {"part": "A", "items": list(reversed(shown))},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert [pk for pk in _ids(meeting) if pk != withdrawn.pk] == list(reversed(shown))
    assert public_changes(meeting) == [
        "Item 6 withdrawn: Depot Sale",
        "Part A (open) items reordered",
    ]


@time_machine.travel(ON_TIME, tick=False)
def test_reorder_part_from_plain_form(clerk_client, meeting):
    order = list(reversed(_ids(meeting)))

    response = clerk_client.post(
        reverse("meetings_staff:agenda_reorder", args=[meeting.pk]), {"part": "A", "items": order}
    )

    assert response.status_code == 302
    assert _ids(meeting) == order


@time_machine.travel(ON_TIME, tick=False)
def test_remove_draft_item_deletes_it(clerk_client, meeting):
    item = _report_item_in_part_a(meeting)

    response = clerk_client.post(reverse("meetings_staff:agenda_item_remove", args=[meeting.pk, item.pk]))

    assert response.status_code == 302
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


@time_machine.travel(AFTER_DEADLINE, tick=False)
def test_publish_after_deadline_refused_with_rule_R1(clerk_client, meeting):
    report = report_approved(committee=meeting.committee, meeting_date=MEETING_DAY, title="Depot Sale")
    with time_machine.travel(ON_TIME, tick=False):
        report_item(meeting, report=report)

    response = clerk_client.post(reverse("meetings_staff:agenda_publish", args=[meeting.pk]))

    assert response.status_code == 400
    text = page_text(response)
    assert (
        '<div class="alert alert-danger" role="alert"> <p class="mb-0">Too late to publish: R1: the agenda must be '
        "published by Monday 9 June 2025, 5 clear working days before the meeting on Tuesday 17 June 2025, and "
        "today is Tuesday 10 June 2025."
    ) in text
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None


@time_machine.travel(ON_TIME, tick=False)
def test_publish_on_time_publishes_and_queues_build_R1(clerk_client, meeting, democratic_services):
    _report_item_in_part_a(meeting)
    before = clerk_client.get(builder_url(meeting))

    response = clerk_client.post(reverse("meetings_staff:agenda_publish", args=[meeting.pk]))

    meeting.refresh_from_db()
    assert "<strong>6 working days left</strong> to publish in time." in page_text(before)
    assert response.status_code == 302
    assert meeting.agenda_published_by == democratic_services
    assert meeting.agenda_published_at.date() == ON_TIME
    assert list(meeting.pack_builds.values_list("status", "reason")) == [("queued", "Agenda published")]
    text = page_text(clerk_client.get(builder_url(meeting)))
    assert "<strong>Published</strong> on Monday 2 June 2025, 01:00 by Dana Clerk." in text
    assert "<strong>Waiting to start</strong>: Agenda published" in text


@time_machine.travel(ON_TIME, tick=False)
def test_publish_with_unapproved_report_lists_what_is_missing(clerk_client, meeting):
    draft = ReportFactory(committee=meeting.committee, title="Street Lighting", by=officer_user())
    report_item(meeting, report=draft)

    builder = clerk_client.get(builder_url(meeting))
    response = clerk_client.post(reverse("meetings_staff:agenda_publish", args=[meeting.pk]))

    assert "<li>“Street Lighting” is not approved yet (draft).</li>" in page_text(builder)
    assert response.status_code == 400
    assert "The agenda cannot be published yet: “Street Lighting” is not approved yet (draft)." in page_text(
        response
    )


@time_machine.travel(ON_TIME, tick=False)
def test_supplementary_agenda_published_for_items_added_after_publication(clerk_client, meeting):
    _report_item_in_part_a(meeting)
    agenda_publish(meeting=meeting, by=clerk())
    late = report_approved(committee=meeting.committee, meeting_date=MEETING_DAY, title="Bus Lane Trial")
    _add(clerk_client, meeting, "report", {"report-report": late.pk})
    pending = clerk_client.get(builder_url(meeting))

    response = clerk_client.post(reverse("meetings_staff:supplementary_agenda_publish", args=[meeting.pk]))

    assert "<li>7. Bus Lane Trial</li>" in page_text(pending)
    assert "Publish supplementary agenda 1" in page_text(pending)
    assert response.status_code == 302
    item = meeting.items.get(title="Bus Lane Trial")
    assert item.supplement.number == 1
    text = page_text(clerk_client.get(builder_url(meeting)))
    assert "Item 7 added by supplementary agenda 1: Bus Lane Trial" in text
    assert '<span class="badge text-bg-info">Supplementary agenda 1</span>' in text


@time_machine.travel(ON_TIME, tick=False)
def test_supplementary_agenda_without_new_items_refused(clerk_client, meeting):
    _report_item_in_part_a(meeting)
    agenda_publish(meeting=meeting, by=clerk())

    response = clerk_client.post(reverse("meetings_staff:supplementary_agenda_publish", args=[meeting.pk]))

    assert response.status_code == 400
    assert "There are no new items to publish." in page_text(response)


@time_machine.travel(ON_TIME, tick=False)
def test_withdraw_published_item_listed_as_change(clerk_client, meeting):
    item = _report_item_in_part_a(meeting)
    agenda_publish(meeting=meeting, by=clerk())

    response = clerk_client.post(reverse("meetings_staff:agenda_item_remove", args=[meeting.pk, item.pk]))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_withdrawn
    assert public_changes(meeting) == ["Item 6 withdrawn: Depot Sale"]


@time_machine.travel(ON_TIME, tick=False)
def test_postpone_needs_a_reason(clerk_client, meeting):
    url = reverse("meetings_staff:meeting_status", args=[meeting.pk])

    refused = clerk_client.post(url, {"status-action": "postpone", "status-reason": " "})
    postponed = clerk_client.post(url, {"status-action": "postpone", "status-reason": "The chair is unwell."})

    assert refused.status_code == 400
    assert field_errors(refused, "id_status-reason") == ["Say why the meeting is postponed."]
    assert postponed.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.status_reason) == (Meeting.Status.POSTPONED, "The chair is unwell.")
    assert "<strong>This meeting is postponed</strong>: The chair is unwell." in page_text(
        clerk_client.get(builder_url(meeting))
    )


@time_machine.travel(ON_TIME, tick=False)
def test_reinstate_postponed_meeting(clerk_client, meeting):
    url = reverse("meetings_staff:meeting_status", args=[meeting.pk])
    clerk_client.post(url, {"status-action": "postpone", "status-reason": "The chair is unwell."})

    response = clerk_client.post(url, {"status-action": "reinstate", "status-reason": ""})

    meeting.refresh_from_db()
    assert response.status_code == 302
    assert (meeting.status, meeting.status_reason) == (Meeting.Status.SCHEDULED, "")


@time_machine.travel(ON_TIME, tick=False)
def test_meeting_details_changed(clerk_client, meeting):
    response = clerk_client.post(
        reverse("meetings_staff:meeting_details", args=[meeting.pk]),
        {
            "details-date": "2025-06-18",
            "details-start_time": "14:00",
            "details-venue": "Town Hall, Council Chamber",
            "details-kind": "extraordinary",
            "details-pre_briefing_note": "",
        },
    )

    meeting.refresh_from_db()
    assert response.status_code == 302
    assert (meeting.date, meeting.venue, meeting.kind) == (
        date(2025, 6, 18),
        "Town Hall, Council Chamber",
        "extraordinary",
    )


@time_machine.travel(ON_TIME, tick=False)
def test_build_status_partial_shows_progress_alone(clerk_client, meeting):
    PackBuild.objects.create(
        meeting=meeting,
        reason="Agenda published",
        status=PackBuild.Status.RUNNING,
        steps_done=1,
        steps_total=4,
        step="Public pack for the agenda: rendering",
    )

    response = clerk_client.get(reverse("meetings_staff:build_status", args=[meeting.pk]))

    text = page_text(response)
    assert response.status_code == 200
    assert "<html" not in text
    assert '<div class="build-status" data-build-active="true">' in text
    assert '<label class="d-block" for="build-progress">Public pack for the agenda: rendering</label>' in text
    assert (
        '<progress id="build-progress" class="build-progress" max="100" value="25">25%</progress> <span>25%</span>'
        in text
    )


@time_machine.travel(ON_TIME, tick=False)
def test_build_status_failed_build_keeps_previous_packs(clerk_client, meeting):
    AgendaPack.objects.create(
        meeting=meeting,
        variant="public",
        file="packs/2025/06/pack.pdf",
        page_count=48,
        size_bytes=1_572_864,
        sha256="0" * 64,
    )
    PackBuild.objects.create(
        meeting=meeting,
        reason="Rebuild",
        status=PackBuild.Status.FAILED,
        error="PdfError: the appendix is damaged",
    )

    text = page_text(clerk_client.get(reverse("meetings_staff:build_status", args=[meeting.pk])))

    assert 'data-build-active="false"' in text
    assert '<pre class="build-error mb-2">PdfError: the appendix is damaged</pre>' in text
    assert "The previous packs are still available." in text
    assert (
        f'<th scope="row"><a href="/meetings/{meeting.pk}/pack.pdf">Agenda: public pack</a></th> '
        "<td>48</td> <td>1.5 MB</td>"
    ) in text


def _builder_queries(client, meeting) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(builder_url(meeting))
    assert response.status_code == 200
    return len(queries)


def _meeting_with_items(count: int, author) -> Meeting:
    meeting = meeting_called(on=MEETING_DAY)
    by = clerk()
    for n in range(count):
        report = ReportFactory(committee=meeting.committee, title=f"Ward Budget {n}", by=author)
        agenda_item_add(meeting=meeting, kind=AgendaItem.Kind.REPORTS, reports=[report], by=by)
    agenda_item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.MINUTES,
        title="Minutes of the Board",
        document=pdf_upload(pages=2),
        minutes_of=meeting_called(on=date(2025, 5, 1)),
        by=by,
    )
    PackBuild.objects.create(meeting=meeting, reason="Agenda published")
    return meeting


@time_machine.travel(ON_TIME, tick=False)
def test_builder_queries_do_not_grow_with_items(clerk_client):
    author = officer_user()
    few = _meeting_with_items(5, author)
    many = _meeting_with_items(40, author)

    assert _builder_queries(clerk_client, many) == _builder_queries(clerk_client, few)


@time_machine.travel(AFTER_DEADLINE, tick=False)
def test_builder_short_notice_meeting_shows_R3(clerk_client):
    called = meeting_called(on=MEETING_DAY, convened_at=convened(AFTER_DEADLINE))

    text = page_text(clerk_client.get(builder_url(called)))

    assert (
        "R3: this meeting was convened on Tuesday 10 June 2025, after the R1 deadline of Monday 9 June 2025, "
        "so its papers are due from the time it was convened."
    ) in text
    assert "<strong>Publish as soon as you can:</strong>" in text
