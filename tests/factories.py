"""Factories for the organisation and meetings. Tests build exactly what they need with these."""

from datetime import date, time

import factory
from django.contrib.auth.models import Group, User

from council.models import (
    Committee,
    CoOptee,
    Councillor,
    Directorate,
    Membership,
    MunicipalYear,
    Officer,
    Party,
    Ward,
)
from council.roles import Role
from meetings.models import Meeting

TEST_PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Pat"
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            self.groups.add(Group.objects.get_or_create(name=Role(role).label)[0])
        if create:
            self.save()


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ward
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Ward {n}")
    slug = factory.Sequence(lambda n: f"ward-{n}")


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Party {n}")
    short_name = factory.Sequence(lambda n: f"P{n}")
    slug = factory.Sequence(lambda n: f"party-{n}")


class DirectorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directorate

    name = factory.Sequence(lambda n: f"Directorate {n}")
    slug = factory.Sequence(lambda n: f"directorate-{n}")


class CouncillorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Councillor

    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Member{n:03d}")
    slug = factory.Sequence(lambda n: f"alex-member{n:03d}")
    party = factory.SubFactory(PartyFactory)
    ward = factory.SubFactory(WardFactory)
    term_start = date(2024, 5, 2)


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    name = factory.Sequence(lambda n: f"Officer {n}")
    job_title = "Democratic Services Officer"
    directorate = factory.SubFactory(DirectorateFactory)


class CoOpteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoOptee

    honorific = "Mrs"
    name = factory.Sequence(lambda n: f"Co-optee {n}")


class MunicipalYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MunicipalYear
        django_get_or_create = ["start_date"]

    start_date = date(2026, 5, 20)
    end_date = date(2027, 5, 18)


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    name = factory.Sequence(lambda n: f"Select Commission {n}")
    slug = factory.Sequence(lambda n: f"select-commission-{n}")
    kind = Committee.Kind.SELECT_COMMISSION
    default_venue = "Town Hall, Committee Room 1"
    default_start_time = time(18, 0)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    committee = factory.SubFactory(CommitteeFactory)
    municipal_year = factory.SubFactory(MunicipalYearFactory)
    councillor = factory.SubFactory(CouncillorFactory)
    role = Membership.Role.MEMBER
    start_date = factory.LazyAttribute(lambda m: m.municipal_year.start_date)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    date = date(2026, 12, 8)
    start_time = time(18, 0)
    venue = "Town Hall, Committee Room 1"
