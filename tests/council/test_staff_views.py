from datetime import timedelta

import pytest
from django.urls import reverse

from council.models import AuditEntry, Committee, CoOptee, Membership, Ward
from council.roles import Role
from tests.factories import CommitteeFactory, CouncillorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    ("staff:council_profile", {}),
    ("staff:register_list", {"register": "committees"}),
    ("staff:register_add", {"register": "wards"}),
    ("staff:register_list", {"register": "closure-days"}),
]


@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
@pytest.mark.parametrize("role", [Role.COUNCILLOR, Role.REPORT_AUTHOR, Role.FINANCE_APPROVER, Role.DIRECTOR])
def test_organisation_pages_without_role_forbidden(client, name, kwargs, role):
    client.force_login(UserFactory(roles=[role]))

    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


def test_committee_staff_page_without_role_forbidden(client):
    committee = CommitteeFactory()
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))

    response = client.post(reverse("staff:committee_detail", args=[committee.slug]), {"action": "end"})

    assert response.status_code == 403


@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
def test_organisation_pages_anonymous_sent_to_login(client, name, kwargs):
    url = reverse(name, kwargs=kwargs)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_dashboard_for_officer_without_organisation_role(client):
    client.force_login(UserFactory(roles=[Role.REPORT_AUTHOR]))

    response = client.get(reverse("staff:dashboard"))

    assert response.status_code == 200
    assert "Council profile" not in response.content.decode()


def test_dashboard_for_public_account_forbidden(client):
    client.force_login(UserFactory())

    assert client.get(reverse("staff:dashboard")).status_code == 403


def test_unknown_register_not_found(clerk_client):
    assert clerk_client.get("/staff/unicorns/").status_code == 404


def test_committee_add_duplicate_slug_refused_and_nothing_written(clerk_client):
    CommitteeFactory(name="Planning Board", slug="planning-board")
    typed = {
        "name": "Planning Board (Strategic)",
        "short_name": "PBS",
        "slug": "planning-board",
        "kind": "regulatory",
        "purpose": "Decides the largest planning applications.",
        "quorum_rule": "standard",
        "chair_title": "Chair",
        "vice_chair_title": "Vice-Chair",
        "is_active": "on",
    }

    response = clerk_client.post(reverse("staff:register_add", args=["committees"]), typed)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Another record already uses this web address." in page
    assert 'value="Planning Board (Strategic)"' in page
    assert "Decides the largest planning applications." in page
    assert Committee.objects.count() == 1
    assert AuditEntry.objects.count() == 0


def test_committee_add_slug_made_from_name_and_audited(clerk_client, democratic_services):
    response = clerk_client.post(
        reverse("staff:register_add", args=["committees"]),
        {
            "name": "Licensing Committee",
            "kind": "regulatory",
            "quorum_rule": "fixed",
            "quorum_fixed": "3",
            "chair_title": "Chairman",
            "vice_chair_title": "Vice-Chairman",
            "is_active": "on",
        },
    )

    committee = Committee.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:committee_detail", args=["licensing-committee"])
    assert committee.slug == "licensing-committee"
    entry = AuditEntry.objects.get()
    assert entry.actor == democratic_services
    assert entry.changes["name"] == [None, "Licensing Committee"]
    assert entry.changes["chair title"] == [None, "Chairman"]


def test_ward_edit_records_before_and_after_and_shows_history(clerk_client):
    ward = Ward.objects.create(name="Brookside", slug="brookside")

    clerk_client.post(
        reverse("staff:register_edit", args=["wards", ward.pk]), {"name": "Brookside East", "slug": ""}
    )
    response = clerk_client.get(reverse("staff:register_edit", args=["wards", ward.pk]))

    ward.refresh_from_db()
    assert ward.name == "Brookside East"
    assert ward.slug == "brookside-east"
    entry = AuditEntry.objects.get()
    assert entry.changes == {"name": ["Brookside", "Brookside East"], "slug": ["brookside", "brookside-east"]}
    page = response.content.decode()
    assert "Changed</strong> Brookside East by Dana Clerk" in page
    assert "<td>Brookside</td><td>Brookside East</td>" in page


def test_ward_in_use_cannot_be_deleted(clerk_client):
    councillor = CouncillorFactory()

    response = clerk_client.post(
        reverse("staff:register_edit", args=["wards", councillor.ward.pk]), {"delete": "1"}, follow=True
    )

    assert Ward.objects.filter(pk=councillor.ward.pk).exists()
    assert f"{councillor.ward} is still in use" in response.content.decode()
    assert AuditEntry.objects.count() == 0


def test_membership_form_end_before_start_shows_error_and_keeps_input(clerk_client, current_year):
    committee = CommitteeFactory()
    councillor = CouncillorFactory()
    start = current_year.start_date + timedelta(days=40)

    response = clerk_client.post(
        reverse("staff:committee_detail", args=[committee.slug]),
        {
            "action": "councillor",
            "cllr-councillor": councillor.pk,
            "cllr-role": "member",
            "cllr-start_date": start.isoformat(),
            "cllr-end_date": (start - timedelta(days=1)).isoformat(),
            "cllr-is_voting": "on",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "The end date cannot be before the start date." in page
    assert f'value="{start.isoformat()}"' in page
    assert Membership.objects.count() == 0


def test_membership_form_overlap_shows_error(clerk_client, current_year):
    existing = MembershipFactory(municipal_year=current_year)

    response = clerk_client.post(
        reverse("staff:committee_detail", args=[existing.committee.slug]),
        {
            "action": "councillor",
            "cllr-councillor": existing.councillor.pk,
            "cllr-role": "vice_chair",
            "cllr-start_date": (current_year.start_date + timedelta(days=3)).isoformat(),
        },
    )

    assert response.status_code == 400
    assert (
        f"{existing.councillor.full_name} already has a membership of this committee"
        in response.content.decode()
    )
    assert Membership.objects.count() == 1


def test_membership_form_no_municipal_year_shows_error(clerk_client):
    committee = CommitteeFactory()

    response = clerk_client.post(
        reverse("staff:committee_detail", args=[committee.slug]),
        {
            "action": "councillor",
            "cllr-councillor": CouncillorFactory().pk,
            "cllr-role": "member",
            "cllr-start_date": "2031-06-01",
        },
    )

    assert response.status_code == 400
    assert "No municipal year covers 1 June 2031. Add the municipal year first." in response.content.decode()


def test_co_opted_member_added_with_new_person(clerk_client, current_year):
    committee = CommitteeFactory(name="Improving Lives Select Commission")

    response = clerk_client.post(
        reverse("staff:committee_detail", args=[committee.slug]),
        {
            "action": "co_optee",
            "coopt-new_honorific": "Mrs",
            "coopt-new_name": "Joan Fairley",
            "coopt-representing": "Older People's Forum",
            "coopt-item_scope": "for items relating to older people's services",
            "coopt-start_date": current_year.start_date.isoformat(),
        },
        follow=True,
    )

    membership = Membership.objects.get()
    assert membership.role == Membership.Role.CO_OPTED
    assert membership.co_optee.full_name == "Mrs Joan Fairley"
    assert membership.is_voting is False
    assert "Added Mrs Joan Fairley as Co-opted member." in response.content.decode()


def test_co_opted_member_both_existing_and_new_refused(clerk_client, current_year):
    committee = CommitteeFactory()
    existing = CoOptee.objects.create(name="Sam Reed")

    response = clerk_client.post(
        reverse("staff:committee_detail", args=[committee.slug]),
        {
            "action": "co_optee",
            "coopt-co_optee": existing.pk,
            "coopt-new_name": "Someone Else",
            "coopt-start_date": current_year.start_date.isoformat(),
        },
    )

    assert response.status_code == 400
    assert "Choose an existing co-opted member or name a new one, not both." in response.content.decode()
    assert CoOptee.objects.count() == 1
    assert Membership.objects.count() == 0


def test_end_membership_from_committee_page(clerk_client, current_year):
    membership = MembershipFactory(municipal_year=current_year)
    last_day = current_year.start_date + timedelta(days=50)

    clerk_client.post(
        reverse("staff:committee_detail", args=[membership.committee.slug]),
        {"action": "end", "membership": membership.pk, "end_date": last_day.isoformat()},
    )

    membership.refresh_from_db()
    assert membership.end_date == last_day


def test_change_role_from_committee_page_keeps_history(clerk_client, current_year):
    membership = MembershipFactory(municipal_year=current_year)
    from_day = current_year.start_date + timedelta(days=30)

    response = clerk_client.post(
        reverse("staff:committee_detail", args=[membership.committee.slug]),
        {
            "action": "change_role",
            "membership": membership.pk,
            "role": "vice_chair",
            "from_date": from_day.isoformat(),
        },
        follow=True,
    )

    rows = list(Membership.objects.order_by("start_date").values_list("role", "start_date", "end_date"))
    assert rows == [
        ("member", current_year.start_date, from_day - timedelta(days=1)),
        ("vice_chair", from_day, None),
    ]
    assert (
        f"{membership.person_name} is Vice-Chair from {from_day.day} {from_day:%B %Y}."
        in response.content.decode()
    )


def test_councillor_photo_not_an_image_refused(clerk_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    councillor = CouncillorFactory()
    data = {
        "first_name": councillor.first_name,
        "last_name": councillor.last_name,
        "slug": councillor.slug,
        "party": councillor.party.pk,
        "ward": councillor.ward.pk,
        "term_start": "2024-05-02",
        "photo": SimpleUploadedFile("photo.jpg", b"%PDF-1.7 not an image", content_type="image/jpeg"),
    }

    response = clerk_client.post(reverse("staff:register_edit", args=["councillors", councillor.pk]), data)

    assert response.status_code == 400
    assert "Upload a valid image." in response.content.decode()
    councillor.refresh_from_db()
    assert not councillor.photo


@pytest.mark.parametrize("membership_id", ["abc", "", "999999"])
def test_end_membership_bad_id_not_found(clerk_client, membership_id):
    committee = CommitteeFactory()

    response = clerk_client.post(
        reverse("staff:committee_detail", args=[committee.slug]),
        {"action": "end", "membership": membership_id, "end_date": "2026-06-01"},
    )

    assert response.status_code == 404
