import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import Membership
from council.roles import ROLE_GROUP_NAMES, Role
from tests.factories import CommitteeFactory, CouncillorFactory, MembershipFactory, PartyFactory, WardFactory

pytestmark = pytest.mark.django_db


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_councillor_list_shows_name_ward_and_party(client):
    CouncillorFactory(
        first_name="Imran",
        last_name="Okafor",
        party=PartyFactory(name="Green Party"),
        ward=WardFactory(name="Riverside"),
    )

    page = client.get(reverse("councillor_list")).content.decode()

    assert "Imran Okafor</a></th><td>Riverside</td><td>Green Party</td>" in page


def test_councillor_list_filtered_by_ward(client):
    riverside = WardFactory(name="Riverside", slug="riverside")
    CouncillorFactory(first_name="Imran", last_name="Okafor", ward=riverside)
    CouncillorFactory(first_name="Hazel", last_name="Brook")

    page = client.get(reverse("councillor_list") + "?ward=riverside").content.decode()

    assert "Imran Okafor" in page
    assert "Hazel Brook" not in page
    assert "1 councillor match your choice." in page


@pytest.mark.parametrize("url_name", ["councillor_list", "committee_list"])
def test_list_pages_constant_queries(client, url_name, current_year):
    def add_rows(n):
        for _ in range(n):
            MembershipFactory(municipal_year=current_year)

    add_rows(1)
    one = _query_count(client, reverse(url_name))
    add_rows(19)
    twenty = _query_count(client, reverse(url_name))

    assert one == twenty


def test_councillor_detail_constant_queries_with_roles(client, current_year):
    councillor = CouncillorFactory()
    MembershipFactory(councillor=councillor, municipal_year=current_year)
    one = _query_count(client, councillor.get_absolute_url())
    for _ in range(19):
        MembershipFactory(councillor=councillor, municipal_year=current_year)
    twenty = _query_count(client, councillor.get_absolute_url())

    assert one == twenty


def test_councillor_detail_shows_current_roles_only(client, current_year):
    councillor = CouncillorFactory(first_name="Ruth", last_name="Penrose")
    MembershipFactory(
        councillor=councillor,
        municipal_year=current_year,
        role=Membership.Role.CHAIR,
        committee=CommitteeFactory(name="Licensing Committee", chair_title="Chairman"),
    )
    MembershipFactory(
        councillor=councillor,
        municipal_year=current_year,
        committee=CommitteeFactory(name="Planning Board"),
        end_date=current_year.start_date,
    )

    page = client.get(councillor.get_absolute_url()).content.decode()

    assert "Licensing Committee</a></th><td>Chairman</td>" in page
    assert "Planning Board" not in page


def test_councillor_detail_unknown_not_found(client):
    assert client.get(reverse("councillor_detail", args=["nobody"])).status_code == 404


def test_accessibility_statement_has_required_sections(client):
    page = client.get(reverse("accessibility")).content.decode()

    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Disproportionate burden",
        "Preparation of this accessibility statement",
    ):
        assert f"{heading}</h" in page


def test_every_page_links_accessibility_statement(client):
    page = client.get(reverse("home")).content.decode()

    assert f'<a href="{reverse("accessibility")}">Accessibility statement</a>' in page


def test_healthz_ok_when_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_security_headers_and_strict_csp(client):
    response = client.get(reverse("home"))

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_role_groups_exist_for_every_role():
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLE_GROUP_NAMES)
    assert len(ROLE_GROUP_NAMES) == len(Role)


def test_login_page_and_failed_login_message(client):
    response = client.post(reverse("login"), {"username": "nobody", "password": "wrong"})

    assert response.status_code == 200
    assert "Please enter a correct username and password." in response.content.decode()
    assert 'value="nobody"' in response.content.decode()


def test_password_reset_sends_email(client, mailoutbox, democratic_services):
    response = client.post(reverse("password_reset"), {"email": democratic_services.email})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "/accounts/reset/" in mailoutbox[0].body
