from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from council.models import AuditEntry, CoOptee, Membership
from council.services import membership_add, membership_change_role, membership_end
from tests.factories import CommitteeFactory, CoOpteeFactory, CouncillorFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_membership_add_records_audit_entry(current_year, democratic_services):
    committee = CommitteeFactory(name="Improving Places Select Commission")
    councillor = CouncillorFactory(first_name="Robin", last_name="Ash")
    membership = Membership(
        committee=committee,
        municipal_year=current_year,
        councillor=councillor,
        start_date=current_year.start_date,
    )

    membership_add(membership=membership, by=democratic_services)

    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.CREATED
    assert entry.actor == democratic_services
    assert entry.actor_name == "Dana Clerk"
    assert entry.object_repr == "Robin Ash, Member of Improving Places Select Commission"
    assert entry.changes["role"] == [None, "Member"]
    assert entry.changes["start date"] == [None, current_year.start_date.isoformat()]


def test_membership_add_overlapping_same_person_refused(current_year, democratic_services):
    existing = MembershipFactory(municipal_year=current_year)
    overlapping = Membership(
        committee=existing.committee,
        municipal_year=current_year,
        councillor=existing.councillor,
        start_date=current_year.start_date + timedelta(days=30),
    )

    with pytest.raises(ValidationError) as error:
        membership_add(membership=overlapping, by=democratic_services)

    assert "already has a membership of this committee" in error.value.messages[0]
    assert Membership.objects.count() == 1
    assert AuditEntry.objects.count() == 0


def test_membership_add_after_previous_ended_accepted(current_year, democratic_services):
    existing = MembershipFactory(
        municipal_year=current_year, end_date=current_year.start_date + timedelta(days=9)
    )
    later = Membership(
        committee=existing.committee,
        municipal_year=current_year,
        councillor=existing.councillor,
        start_date=current_year.start_date + timedelta(days=10),
    )

    membership_add(membership=later, by=democratic_services)

    assert Membership.objects.filter(councillor=existing.councillor).count() == 2


def test_membership_end_before_start_refused(current_year, democratic_services):
    membership = MembershipFactory(
        municipal_year=current_year, start_date=current_year.start_date + timedelta(days=5)
    )

    with pytest.raises(ValidationError):
        membership_end(membership=membership, end_date=current_year.start_date, by=democratic_services)

    membership.refresh_from_db()
    assert membership.end_date is None


def test_membership_second_chair_for_overlapping_dates_refused(current_year, democratic_services):
    chair = MembershipFactory(municipal_year=current_year, role=Membership.Role.CHAIR)
    rival = Membership(
        committee=chair.committee,
        municipal_year=current_year,
        councillor=CouncillorFactory(),
        role=Membership.Role.CHAIR,
        start_date=current_year.start_date + timedelta(days=60),
    )

    with pytest.raises(ValidationError) as error:
        membership_add(membership=rival, by=democratic_services)

    assert error.value.message_dict["role"] == [f"{chair.person_name} is Chair for overlapping dates."]


def test_membership_change_role_keeps_history(current_year, democratic_services):
    member = MembershipFactory(municipal_year=current_year)
    change_day = current_year.start_date + timedelta(days=100)

    vice = membership_change_role(
        membership=member, role=Membership.Role.VICE_CHAIR, from_date=change_day, by=democratic_services
    )

    member.refresh_from_db()
    assert member.role == Membership.Role.MEMBER
    assert member.end_date == change_day - timedelta(days=1)
    assert vice.role == Membership.Role.VICE_CHAIR
    assert vice.start_date == change_day
    assert vice.end_date is None
    assert list(Membership.objects.order_by("start_date").values_list("role", flat=True)) == [
        "member",
        "vice_chair",
    ]


def test_membership_add_new_co_optee_created_with_membership(current_year, democratic_services):
    committee = CommitteeFactory()
    membership = Membership(
        committee=committee,
        municipal_year=current_year,
        co_optee=CoOptee(honorific="Father", name="Tom Reedy"),
        role=Membership.Role.CO_OPTED,
        representing="Diocesan Board of Education",
        is_statutory=True,
        start_date=current_year.start_date,
    )

    saved = membership_add(membership=membership, by=democratic_services)

    assert saved.co_optee.full_name == "Father Tom Reedy"
    assert CoOptee.objects.get().name == "Tom Reedy"
    assert sorted(AuditEntry.objects.values_list("object_repr", flat=True)) == [
        "Father Tom Reedy",
        f"Father Tom Reedy, Co-opted member of {committee.name}",
    ]


def test_membership_co_optee_cannot_chair(current_year, democratic_services):
    membership = Membership(
        committee=CommitteeFactory(),
        municipal_year=current_year,
        co_optee=CoOpteeFactory(),
        role=Membership.Role.CHAIR,
        start_date=current_year.start_date,
    )

    with pytest.raises(ValidationError) as error:
        membership_add(membership=membership, by=democratic_services)

    assert "role" in error.value.message_dict
    assert Membership.objects.count() == 0


def test_membership_start_outside_municipal_year_refused(current_year, democratic_services):
    membership = Membership(
        committee=CommitteeFactory(),
        municipal_year=current_year,
        councillor=CouncillorFactory(),
        start_date=current_year.start_date - timedelta(days=1),
    )

    with pytest.raises(ValidationError) as error:
        membership_add(membership=membership, by=democratic_services)

    assert error.value.message_dict["start_date"] == [
        f"The start date must fall within the municipal year {current_year.label}."
    ]


def test_membership_end_after_previous_end_refused(current_year, democratic_services):
    membership = MembershipFactory(
        municipal_year=current_year, end_date=current_year.start_date + timedelta(days=20)
    )

    with pytest.raises(Exception, match="already ended"):
        membership_end(
            membership=membership,
            end_date=current_year.start_date + timedelta(days=40),
            by=democratic_services,
        )


def test_quorum_rules_follow_meetings_practice(db):
    standard = CommitteeFactory()
    council = CommitteeFactory(quorum_rule="quarter")
    fixed = CommitteeFactory(quorum_rule="fixed", quorum_fixed=4)

    assert [standard.quorum_for(n) for n in (5, 12, 13, 18)] == [3, 3, 4, 5]
    assert council.quorum_for(63) == 16
    assert fixed.quorum_for(30) == 4


def test_municipal_year_label_spans_two_years(current_year):
    assert (
        current_year.label == f"{current_year.start_date.year}/{str(current_year.start_date.year + 1)[-2:]}"
    )
    assert date(current_year.start_date.year, 5, 20) == current_year.start_date


def test_membership_councillor_not_in_office_refused(current_year, democratic_services):
    councillor = CouncillorFactory(term_start=current_year.start_date + timedelta(days=60))
    membership = Membership(
        committee=CommitteeFactory(),
        municipal_year=current_year,
        councillor=councillor,
        start_date=current_year.start_date,
    )

    with pytest.raises(ValidationError) as error:
        membership_add(membership=membership, by=democratic_services)

    assert error.value.message_dict["start_date"] == [
        f"{councillor.full_name} is not in office on {current_year.start_date.day} {current_year.start_date:%B %Y}."
    ]


def test_membership_past_term_end_refused(current_year, democratic_services):
    term_end = current_year.start_date + timedelta(days=100)
    councillor = CouncillorFactory(term_end=term_end)
    membership = Membership(
        committee=CommitteeFactory(),
        municipal_year=current_year,
        councillor=councillor,
        start_date=current_year.start_date,
        end_date=term_end + timedelta(days=1),
    )

    with pytest.raises(ValidationError) as error:
        membership_add(membership=membership, by=democratic_services)

    assert "term of office ends on" in error.value.message_dict["end_date"][0]


def test_committee_reporting_loop_refused(db):
    commission = CommitteeFactory()
    task_group = CommitteeFactory(parent=commission)
    commission.parent = task_group

    with pytest.raises(ValidationError) as error:
        commission.full_clean()

    assert error.value.message_dict["parent"] == [
        "A committee cannot report to itself, directly or through another body."
    ]
