from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from council.models import Membership
from tests.factories import (
    CommitteeFactory,
    CoOpteeFactory,
    CouncillorFactory,
    MeetingFactory,
    MembershipFactory,
    PartyFactory,
)

pytestmark = pytest.mark.django_db


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_committee_detail_lists_members_in_office_order(client, current_year):
    committee = CommitteeFactory(name="Improving Lives Select Commission", chair_title="Chairman")
    labour = PartyFactory(name="Labour")
    MembershipFactory(
        committee=committee,
        municipal_year=current_year,
        role=Membership.Role.MEMBER,
        councillor=CouncillorFactory(first_name="Amy", last_name="Abbott", party=labour),
    )
    MembershipFactory(
        committee=committee,
        municipal_year=current_year,
        role=Membership.Role.CHAIR,
        councillor=CouncillorFactory(first_name="Zoe", last_name="Young", party=labour),
    )
    MembershipFactory(
        committee=committee, municipal_year=current_year, role=Membership.Role.CO_OPTED, councillor=None,
        co_optee=CoOpteeFactory(honorific="Father", name="Luke Marsh"), representing="Diocesan Board",
        is_voting=False, is_statutory=True,
    )  # fmt: skip

    page = " ".join(client.get(committee.get_absolute_url()).content.decode().split())

    assert page.index("Zoe Young") < page.index("Amy Abbott") < page.index("Father Luke Marsh")
    assert "<td>Chairman</td> <td>Labour</td>" in page
    assert "<td>Co-opted member (statutory), non-voting</td> <td>Diocesan Board</td>" in page
    assert "Quorum: 3 voting members." in page


def test_committee_detail_ended_membership_not_shown(client, current_year):
    committee = CommitteeFactory()
    MembershipFactory(
        committee=committee,
        municipal_year=current_year,
        councillor=CouncillorFactory(first_name="Gone", last_name="Away"),
        end_date=current_year.start_date,
    )

    page = client.get(committee.get_absolute_url()).content.decode()

    assert "Gone Away" not in page
    assert "No members are appointed at present." in page


def test_committee_detail_constant_queries(client, current_year):
    committee = CommitteeFactory()
    today = timezone.localdate()

    def add(n, offset):
        for i in range(n):
            MembershipFactory(committee=committee, municipal_year=current_year)
            MeetingFactory(committee=committee, date=today + timedelta(days=offset + i))
            MeetingFactory(committee=committee, date=today - timedelta(days=offset + i + 1))

    add(1, 0)
    one = _query_count(client, committee.get_absolute_url())
    add(19, 10)
    twenty = _query_count(client, committee.get_absolute_url())

    assert one == twenty


def test_home_constant_queries(client):
    today = timezone.localdate()
    MeetingFactory(date=today + timedelta(days=1))
    one = _query_count(client, reverse("home"))
    for i in range(19):
        MeetingFactory(date=today + timedelta(days=i + 2))
        MeetingFactory(date=today - timedelta(days=i + 2))
    twenty = _query_count(client, reverse("home"))

    assert one == twenty


def test_home_shows_upcoming_and_recent_meetings(client):
    today = timezone.localdate()
    MeetingFactory(
        committee=CommitteeFactory(name="Cabinet"), date=today + timedelta(days=3), start_time=time(10, 0)
    )
    MeetingFactory(committee=CommitteeFactory(name="Planning Board"), date=today - timedelta(days=3))

    page = client.get(reverse("home")).content.decode()

    upcoming, recent = page.split('id="recent-heading"')
    assert "Cabinet, " in upcoming
    assert "at 10.00 a.m." in upcoming
    assert "Planning Board, " in recent


def test_meeting_detail_shows_r1_publication_deadline(client, settings):
    meeting = MeetingFactory(date=date(2099, 6, 16))  # a Tuesday

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "It is due by Monday 8 June 2099, five clear working days before the meeting." in page


def test_meeting_detail_cancelled_banner(client):
    meeting = MeetingFactory(status="cancelled", status_reason="Not quorate.")

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "This meeting has been cancelled" in page
    assert "Not quorate." in page


def test_committee_list_grouped_by_kind(client):
    CommitteeFactory(name="Cabinet", kind="executive")
    CommitteeFactory(name="Licensing Committee", kind="regulatory")

    page = client.get(reverse("committee_list")).content.decode()

    assert page.index("Cabinet / executive") < page.index("Cabinet<") < page.index("Regulatory committee")


def test_home_and_committee_mark_meetings_with_agenda_published(client):
    committee = CommitteeFactory(name="Cabinet")
    today = timezone.localdate()
    published = MeetingFactory(
        committee=committee, date=today + timedelta(days=3), agenda_published_at=timezone.now()
    )
    MeetingFactory(committee=committee, date=today + timedelta(days=30))

    for url in (reverse("home"), committee.get_absolute_url()):
        page = " ".join(client.get(url).content.decode().split())
        assert page.count("Agenda published") == 1
        marked = page.index(f'href="{published.get_absolute_url()}"')
        assert marked < page.index("Agenda published") < page.index("</li>", marked)
