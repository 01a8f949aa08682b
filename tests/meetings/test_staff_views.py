"""The staff meeting pages: who may open them, the list of meetings, calling a meeting, a committee's
calendar and its agenda template."""

from datetime import date, time

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.roles import Role
from meetings.models import AgendaItem, AgendaTemplateEntry, Meeting, PackBuild, StandardItem
from meetings.services import agenda_publish
from tests.factories import CommitteeFactory, UserFactory
from tests.reports.factories import report_approved

from .factories import clerk, meeting_called, report_item
from .staff_pages import agenda_lines, builder_url, field_errors, field_value, page_text

pytestmark = pytest.mark.django_db

MEETING_DAY = date(2025, 6, 17)  # a Tuesday: R1 wants the agenda out by Monday 9 June 2025


def _staff_pages():
    """Every staff meeting page, for one meeting and one of its items."""
    meeting = meeting_called(on=MEETING_DAY)
    item = meeting.items.first()
    return [
        reverse("meetings_staff:meeting_list"),
        reverse("meetings_staff:meeting_call"),
        reverse("meetings_staff:meeting_calendar"),
        reverse("meetings_staff:agenda_template", args=[meeting.committee.slug]),
        reverse("meetings_staff:agenda_builder", args=[meeting.pk]),
        reverse("meetings_staff:agenda_item", args=[meeting.pk, item.pk]),
        reverse("meetings_staff:build_status", args=[meeting.pk]),
    ]


def test_staff_meeting_pages_anonymous_sent_to_login(client):
    for url in _staff_pages():
        response = client.get(url)

        assert response.status_code == 302, url
        assert response["Location"] == f"{reverse('login')}?next={url}"


def test_staff_meeting_pages_councillor_forbidden(client):
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))

    for url in _staff_pages():
        response = client.get(url)

        assert response.status_code == 403, url
        assert "You cannot open this page" in response.content.decode()


def test_agenda_actions_councillor_forbidden_and_nothing_changes(client):
    meeting = meeting_called(on=MEETING_DAY)
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))

    assert client.post(reverse("meetings_staff:agenda_publish", args=[meeting.pk])).status_code == 403
    assert client.post(reverse("meetings_staff:agenda_reorder", args=[meeting.pk]), {}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None


def test_meeting_list_report_author_forbidden(client):
    client.force_login(UserFactory(roles=[Role.REPORT_AUTHOR]))

    assert client.get(reverse("meetings_staff:meeting_list")).status_code == 403


@time_machine.travel(date(2025, 6, 2), tick=False)
def test_meeting_list_shows_agenda_state_deadline_and_build(clerk_client):
    planning = CommitteeFactory(name="Planning Board")
    draft = meeting_called(on=MEETING_DAY, committee=planning)
    published = meeting_called(on=date(2025, 6, 24), committee=CommitteeFactory(name="Cabinet"))
    report_item(published)
    agenda_publish(meeting=published, by=clerk())
    meeting_called(on=date(2025, 5, 20), committee=planning)  # past: not listed

    response = clerk_client.get(reverse("meetings_staff:meeting_list"))

    text = page_text(response)
    assert response.status_code == 200
    assert text.count("Draft") == 1
    assert "Planning Board, Tue 17 Jun 2025" in text
    assert 'Mon 9 Jun 2025 <span class="d-block small"> 6 working days left </span>' in text
    assert "Cabinet, Tue 24 Jun 2025" in text
    assert "Published 2 Jun 2025" in text
    assert "<td>Waiting to start</td>" in text
    assert "20 May 2025" not in text
    assert [m.pk for m in response.context["page"].object_list] == [draft.pk, published.pk]


@time_machine.travel(date(2025, 6, 2), tick=False)
def test_meeting_list_filters_by_committee_and_lists_past(clerk_client):
    planning = CommitteeFactory(name="Planning Board", slug="planning-board")
    meeting_called(on=MEETING_DAY, committee=planning)
    meeting_called(on=MEETING_DAY, committee=CommitteeFactory(name="Cabinet"))
    held = meeting_called(on=date(2025, 5, 20), committee=planning)

    upcoming = page_text(
        clerk_client.get(reverse("meetings_staff:meeting_list") + "?committee=planning-board")
    )
    past = clerk_client.get(reverse("meetings_staff:meeting_list") + "?when=past&committee=planning-board")

    assert "Planning Board, Tue 17 Jun 2025" in upcoming
    assert "Cabinet, Tue 17 Jun 2025" not in upcoming
    assert [m.pk for m in past.context["page"].object_list] == [held.pk]


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("meetings_staff:meeting_list"))
    assert response.status_code == 200
    return len(queries)


@time_machine.travel(date(2025, 6, 2), tick=False)
def test_meeting_list_queries_do_not_grow_with_meetings(clerk_client):
    committee = CommitteeFactory()
    first = meeting_called(on=MEETING_DAY, committee=committee)
    PackBuild.objects.create(meeting=first, reason="Agenda published")
    one = _list_queries(clerk_client)
    for week in range(1, 20):
        meeting = meeting_called(on=date(2025, 6, 17 + week % 10), committee=CommitteeFactory())
        PackBuild.objects.create(meeting=meeting, reason="Agenda published")

    assert _list_queries(clerk_client) == one


def _two_heading_template(committee):
    entries = [
        ("standard", StandardItem.APOLOGIES, "", ""),
        ("standard", StandardItem.DECLARATIONS, "", ""),
        ("heading", "", "Items for Pre-Decision Scrutiny", "The Commission comments on Cabinet reports."),
        ("reports", "", "", ""),
        ("heading", "", "For Decision", ""),
        ("standard", StandardItem.NEXT_MEETING, "", ""),
    ]
    for position, (kind, standard, title, preamble) in enumerate(entries, start=1):
        AgendaTemplateEntry.objects.create(
            committee=committee,
            position=position,
            kind=kind,
            standard_item=standard,
            title=title,
            preamble=preamble,
        )


@time_machine.travel(date(2025, 5, 1), tick=False)
def test_call_meeting_starts_agenda_from_committee_template(clerk_client):
    committee = CommitteeFactory(
        name="Improving Places Select Commission",
        default_venue="Town Hall, Room 2",
        default_start_time=time(13, 30),
    )
    _two_heading_template(committee)

    response = clerk_client.post(
        reverse("meetings_staff:meeting_call"),
        {"committee": committee.pk, "date": "2025-06-17", "start_time": "", "venue": "", "kind": "ordinary"},
    )

    meeting = Meeting.objects.get(committee=committee)
    assert response.status_code == 302
    assert response["Location"] == builder_url(meeting)
    assert (meeting.date, meeting.start_time, meeting.venue) == (
        MEETING_DAY,
        time(13, 30),
        "Town Hall, Room 2",
    )
    builder = clerk_client.get(builder_url(meeting))
    assert agenda_lines(builder) == {
        "A": [
            "1. Apologies for absence",
            "2. Declarations of interest",
            "Items for Pre-Decision Scrutiny",
            "For Decision",
            "3. Date and time of the next meeting",
        ],
        "B": [],
    }
    assert "The Commission comments on Cabinet reports." in page_text(builder)
    assert "Agenda: Improving Places Select Commission" in page_text(builder)


def test_call_meeting_without_time_for_committee_without_usual_time_refused(clerk_client):
    committee = CommitteeFactory(name="Licensing Board", default_start_time=None)

    response = clerk_client.post(
        reverse("meetings_staff:meeting_call"),
        {
            "committee": committee.pk,
            "date": "2025-06-17",
            "start_time": "",
            "venue": "Town Hall",
            "kind": "ordinary",
        },
    )

    assert response.status_code == 400
    assert field_errors(response, "id_start_time") == ["Licensing Board has no usual start time: give one."]
    assert not Meeting.objects.exists()


def test_calendar_from_dates_calls_every_meeting(clerk_client):
    committee = CommitteeFactory(name="Planning Board", slug="planning-board")

    response = clerk_client.post(
        reverse("meetings_staff:meeting_calendar"),
        {
            "committee": committee.pk,
            "dates": "17/06/2025\n15-07-2025\n\n2025-09-16\n14 October 2025\nTuesday 11 November 2025",
            "start_time": "10:00",
            "venue": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("meetings_staff:meeting_list") + "?committee=planning-board"
    meetings = Meeting.objects.filter(committee=committee).order_by("date")
    assert [m.date for m in meetings] == [
        date(2025, 6, 17),
        date(2025, 7, 15),
        date(2025, 9, 16),
        date(2025, 10, 14),
        date(2025, 11, 11),
    ]
    assert {(m.start_time, m.venue) for m in meetings} == {(time(10, 0), "Town Hall, Committee Room 1")}
    assert (
        AgendaItem.objects.filter(meeting__committee=committee).count() == 5 * 7
    )  # the default standard items


def test_calendar_bad_line_names_it_keeps_text_and_creates_nothing(clerk_client):
    committee = CommitteeFactory()
    typed = "17/06/2025\n31/02/2025\nnext Tuesday"

    response = clerk_client.post(
        reverse("meetings_staff:meeting_calendar"),
        {"committee": committee.pk, "dates": typed, "start_time": "", "venue": ""},
    )

    assert response.status_code == 400
    assert field_errors(response, "id_dates") == [
        "Line 2 (“31/02/2025”) is not a date: write it like 17/06/2025 or 17 June 2025.",
        "Line 3 (“next Tuesday”) is not a date: write it like 17/06/2025 or 17 June 2025.",
    ]
    assert field_value(response, "id_dates").strip() == typed
    assert not Meeting.objects.exists()


def test_calendar_date_already_taken_creates_nothing(clerk_client):
    committee = CommitteeFactory(name="Planning Board")
    meeting_called(on=date(2025, 7, 15), committee=committee)

    response = clerk_client.post(
        reverse("meetings_staff:meeting_calendar"),
        {"committee": committee.pk, "dates": "17/06/2025\n15/07/2025", "start_time": "", "venue": ""},
    )

    assert response.status_code == 400
    assert "Planning Board already meets at that time on 15 July 2025." in page_text(response)
    assert Meeting.objects.filter(committee=committee).count() == 1


def test_agenda_template_default_shown_until_first_change(clerk_client):
    committee = CommitteeFactory(name="Audit Committee", slug="audit")
    url = reverse("meetings_staff:agenda_template", args=["audit"])

    shown = clerk_client.get(url)
    added = clerk_client.post(
        url, {"entry-kind": "heading", "entry-title": "For Information", "entry-preamble": ""}
    )

    assert "Audit Committee has no template of its own" in page_text(shown)
    assert added.status_code == 302
    assert [str(e) for e in committee.agenda_template.all()] == [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the previous meeting",
        "Urgent business",
        "Questions from members of the public and the press",
        "reports",
        "Exclusion of the press and public",
        "Date and time of the next meeting",
        "For Information",
    ]


def test_agenda_template_move_and_remove(clerk_client):
    committee = CommitteeFactory(slug="audit")
    _two_heading_template(committee)
    url = reverse("meetings_staff:agenda_template", args=["audit"])

    clerk_client.post(url, {"action": "up", "position": "5"})
    clerk_client.post(url, {"action": "remove", "position": "2"})

    assert [str(e) for e in committee.agenda_template.all()] == [
        "Apologies for absence",
        "Items for Pre-Decision Scrutiny",
        "For Decision",
        "reports",
        "Date and time of the next meeting",
    ]
    assert list(committee.agenda_template.values_list("position", flat=True)) == [1, 2, 3, 4, 5]


def test_agenda_template_heading_without_words_refused(clerk_client):
    committee = CommitteeFactory(slug="audit")
    _two_heading_template(committee)

    response = clerk_client.post(
        reverse("meetings_staff:agenda_template", args=["audit"]),
        {"entry-kind": "heading", "entry-title": ""},
    )

    assert response.status_code == 400
    assert field_errors(response, "id_entry-title") == ["A section heading needs its wording."]
    assert committee.agenda_template.count() == 6


def test_agenda_template_standard_item_twice_refused(clerk_client):
    committee = CommitteeFactory(slug="audit")
    _two_heading_template(committee)

    response = clerk_client.post(
        reverse("meetings_staff:agenda_template", args=["audit"]),
        {"entry-kind": "standard", "entry-standard_item": "apologies"},
    )

    assert response.status_code == 400
    assert field_errors(response, "id_entry-standard_item") == [
        "“Apologies for absence” is already on the template."
    ]


def test_agenda_template_reorder_by_drag_and_drop(clerk_client):
    committee = CommitteeFactory(slug="audit")
    _two_heading_template(committee)
    ids = list(committee.agenda_template.values_list("pk", flat=True))

    response = clerk_client.post(
        reverse("meetings_staff:agenda_template", args=["audit"]),
        {"items": list(reversed(ids))},
        content_type="application/json",
    )

    assert response.json() == {"message": "Saved the order of the template."}
    assert list(committee.agenda_template.values_list("pk", flat=True)) == list(reversed(ids))


def test_new_meeting_report_goes_before_trailing_items(clerk_client):
    """The template's place for the reports decides where a report item goes."""
    committee = CommitteeFactory(slug="audit")
    _two_heading_template(committee)
    meeting = meeting_called(on=MEETING_DAY, committee=committee)
    report = report_approved(committee=committee, meeting_date=MEETING_DAY, title="Grass Verges Review")

    with time_machine.travel(date(2025, 6, 2), tick=False):
        clerk_client.post(
            reverse("meetings_staff:agenda_item_add", args=[meeting.pk, "report"]),
            {"report-report": report.pk},
        )
        builder = clerk_client.get(builder_url(meeting))

    assert agenda_lines(builder)["A"] == [
        "1. Apologies for absence",
        "2. Declarations of interest",
        "Items for Pre-Decision Scrutiny",
        "For Decision",
        "3. Grass Verges Review",
        "4. Date and time of the next meeting",
    ]


def test_call_meeting_form_starts_with_committee_time_and_venue(clerk_client):
    CommitteeFactory(slug="licensing", default_venue="Town Hall, Room 4", default_start_time=time(10, 30))

    response = clerk_client.get(reverse("meetings_staff:meeting_call") + "?committee=licensing")

    assert (field_value(response, "id_start_time"), field_value(response, "id_venue")) == (
        "10:30",
        "Town Hall, Room 4",
    )
