import ast
import io
from collections import Counter
from datetime import date
from pathlib import Path

import holidays
import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError, OutputWrapper
from django.db import transaction
from django.test import override_settings

import council
from council.demo import load_demo
from council.models import (
    AuditEntry,
    ClosureDay,
    Committee,
    CoOptee,
    Councillor,
    CouncilProfile,
    Directorate,
    Membership,
    MunicipalYear,
    Officer,
    Party,
    Ward,
)
from council.selectors import committee_members
from meetings.apps import MeetingsConfig
from meetings.models import Meeting

# The demo is dated relative to the day it is loaded; most tests pin that day.
TODAY = date(2026, 11, 22)

EXPECTED_COUNTS = {
    "wards": 20,
    "directorates": 5,
    "officers": 31,
    "parties": 3,
    "councillors": 41,
    "co_optees": 7,
    "committees": 11,
    "municipal_years": 2,
    "memberships": 257,
    "meetings": 191,
    "closure_days": 4,
    "users": 9,
}

EXPECTED_GROUPS = {
    "admin": "Administrator",
    "democratic": "Democratic services",
    "author": "Report author",
    "director": "Director",
    "finance": "Finance approver (chief finance officer)",
    "legal": "Legal approver",
    "procurement": "Procurement approver",
    "hr": "HR approver",
    "councillor": "Councillor",
}

POSTPONED_REASON = (
    "Postponed at the Chair's request so that the results of the waste collection survey can be considered."
)

# The real hasher costs half a second a password and the demo sets nine on every run.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def run_demo(**options) -> str:
    out = io.StringIO()
    call_command("demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module", params=[TODAY], ids=str)
def demo(request, django_db_setup, django_db_blocker):
    """The demo loaded once for this module on `TODAY` (or the day a test passes with indirect
    parametrisation; pytest then tears one down before loading the next), rolled back afterwards.

    Each test still runs in its own savepoint, so a test that re-runs the load or changes a row leaves the
    loaded demo as it was for the next test, and nothing leaks into other modules.
    """
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
        out = io.StringIO()
        load_demo(today=request.param, stdout=OutputWrapper(out))
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def fast_hashers(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


def database_counts() -> dict:
    return {
        "wards": Ward.objects.count(),
        "directorates": Directorate.objects.count(),
        "officers": Officer.objects.count(),
        "parties": Party.objects.count(),
        "councillors": Councillor.objects.count(),
        "co_optees": CoOptee.objects.count(),
        "committees": Committee.objects.count(),
        "municipal_years": MunicipalYear.objects.count(),
        "memberships": Membership.objects.count(),
        "meetings": Meeting.objects.count(),
        "closure_days": ClosureDay.objects.count(),
        "users": get_user_model().objects.count(),
    }


def chairs_on(day: date) -> dict[str, list[str]]:
    return {
        committee.slug: [
            m.person_name
            for m in committee_members(committee=committee, on=day)
            if m.role == Membership.Role.CHAIR
        ]
        for committee in Committee.objects.all()
    }


def meetings_by_status(today: date) -> Counter:
    """How many meetings have each status, split into those before `today` and those from it on."""
    return Counter(
        (status, "past" if day < today else "to come")
        for status, day in Meeting.objects.values_list("status", "date")
    )


def not_held() -> list[tuple]:
    return list(
        Meeting.objects.exclude(status__in=[Meeting.Status.HELD, Meeting.Status.SCHEDULED])
        .order_by("date")
        .values_list("committee__slug", "date", "status", "status_reason")
    )


@pytest.mark.django_db
def test_demo_run_twice_on_one_day_changes_nothing(demo, settings):
    first_counts = database_counts()
    audit_entries = AuditEntry.objects.count()
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("changed-by-someone")
    admin.save()
    second_output = io.StringIO()

    returned = load_demo(today=TODAY, stdout=OutputWrapper(second_output))

    assert first_counts == database_counts() == EXPECTED_COUNTS
    assert AuditEntry.objects.count() == audit_entries  # the second run changed nothing
    header = (
        "Ravensmoor Borough Council, dated 22 November 2026 (municipal year 2026/27): "
        "organisation, memberships and log-ins loaded.\n"
    )
    assert (
        demo
        == header
        + "Meetings loaded: 191 in all, 191 added or changed.\nReports loaded: 12 in all, 12 added.\n"
        + "Agendas loaded: 49 published, 49 of them now; 46 drafts started; 15 reports written for them.\n"
    )
    assert second_output.getvalue() == (
        header
        + "Meetings loaded: 191 in all, 0 added or changed.\nReports loaded: 27 in all, 0 added.\n"
        + "Agendas loaded: 49 published, 0 of them now; 0 drafts started; 0 reports written for them.\n"
    )
    # The council's counts come first, then those of each app with a `demo_loader`.
    assert list(returned) == [
        *("wards", "directorates", "officers", "parties", "councillors", "co-opted members", "committees"),
        *("municipal years", "memberships", "closure days", "users", "meetings", "reports"),
        *("agenda templates", "agenda items", "published agendas"),
    ]
    assert (returned["memberships"], returned["meetings"]) == (257, 191)
    # A re-run resets the password, so the printed log-ins work.
    assert authenticate(username="admin", password=settings.WITAN["DEMO_PASSWORD"]).username == "admin"


@pytest.mark.django_db
def test_demo_council_profile_names_chief_executive_as_proper_officer(demo):
    profile = CouncilProfile.objects.get()
    assert profile.name == "Ravensmoor Borough Council"
    assert profile.website == "https://www.ravensmoor.example"
    assert profile.email == "democratic.services@ravensmoor.example"
    assert profile.proper_officer.name == "Alexandra Penrose"
    assert profile.proper_officer.job_title == "Chief Executive"
    assert profile.proper_officer_title == "Chief Executive"
    assert profile.accessibility_statement_prepared == date(2025, 9, 15)


@pytest.mark.django_db
def test_demo_dates_follow_today(demo):
    years = list(MunicipalYear.objects.order_by("start_date").values_list("start_date", "end_date"))
    terms = dict(Councillor.objects.values_list("last_name", "term_start").distinct())
    ends = dict(Councillor.objects.values_list("last_name", "term_end"))

    assert years == [(date(2025, 5, 21), date(2026, 5, 19)), (date(2026, 5, 20), date(2027, 5, 18))]
    assert (terms["Brannigan"], ends["Brannigan"]) == (date(2024, 5, 6), date(2028, 5, 7))
    assert (terms["Sedgwick"], ends["Sedgwick"]) == (date(2024, 5, 6), date(2025, 6, 2))
    assert (terms["Cole"], ends["Cole"]) == (date(2025, 7, 18), date(2028, 5, 7))
    assert Councillor.objects.filter(term_start=date(2024, 5, 6), term_end=date(2028, 5, 7)).count() == 39
    # 28 December 2026 is the substitute Boxing Day, a bank holiday already.
    assert list(ClosureDay.objects.values_list("date", "reason")) == [
        (date(2026, 12, 24), "Christmas closure"),
        (date(2026, 12, 29), "Christmas closure"),
        (date(2026, 12, 30), "Christmas closure"),
        (date(2026, 12, 31), "Christmas closure"),
    ]


@pytest.mark.django_db
def test_demo_committees_have_exactly_one_chair_on_any_date(demo):
    days = [date(2025, 5, 21), date(2025, 11, 22), date(2026, 5, 20), TODAY, date(2027, 5, 18)]

    chairs = {(slug, day): names for day in days for slug, names in chairs_on(day).items()}

    assert {key: len(names) for key, names in chairs.items()} == dict.fromkeys(chairs, 1)
    assert chairs[("full-council", date(2025, 11, 22))] == ["Maureen Tattersall"]
    assert chairs[("full-council", TODAY)] == ["Janet Hebden"]
    assert chairs[("planning-board", TODAY)] == ["Patrick Duggan"]


@pytest.mark.django_db
def test_demo_full_council_has_every_sitting_councillor(demo):
    full_council = Committee.objects.get(slug="full-council")

    members = committee_members(committee=full_council, on=TODAY)
    before_by_election = committee_members(committee=full_council, on=date(2025, 7, 1))

    assert len(members) == 40
    assert full_council.quorum_for(len(members)) == 10
    assert "Brian Sedgwick" not in {m.person_name for m in members}
    assert "Bethany Cole" in {m.person_name for m in members}
    assert len(before_by_election) == 39  # Lantern Green's seat was vacant
    assert "Bethany Cole" not in {m.person_name for m in before_by_election}


@pytest.mark.django_db
def test_demo_vice_chair_changes_mid_year_keep_history(demo):
    vice_chairs = list(
        Membership.objects.filter(
            committee__slug__in=[
                "children-and-families-select-commission",
                "health-and-wellbeing-select-commission",
            ],
            role=Membership.Role.VICE_CHAIR,
        )
        .order_by("committee__short_name", "start_date")
        .values_list("committee__short_name", "councillor__last_name", "start_date", "end_date")
    )

    assert vice_chairs == [
        ("CFSC", "Lambert", date(2025, 5, 21), date(2025, 9, 30)),
        ("CFSC", "Sutcliffe", date(2025, 10, 1), None),
        ("CFSC", "Sutcliffe", date(2026, 5, 20), None),
        ("HWSC", "Sandhu", date(2025, 5, 21), None),
        ("HWSC", "Brigg", date(2026, 5, 20), date(2026, 9, 30)),
        ("HWSC", "Cole", date(2026, 10, 1), None),
    ]


@pytest.mark.django_db
def test_demo_co_optees_vote_only_when_statutory(demo):
    co_opted = Membership.objects.filter(role=Membership.Role.CO_OPTED)
    older_people = co_opted.get(
        committee__slug="health-and-wellbeing-select-commission",
        municipal_year__start_date=date(2026, 5, 20),
        co_optee__name="Terence Ashby",
    )

    assert co_opted.count() == 18
    assert co_opted.filter(is_voting=True).count() == co_opted.filter(is_statutory=True).count() == 8
    assert older_people.representing == "Ravensmoor Older People's Forum"
    assert older_people.item_scope == "for items relating to older people's services"
    assert older_people.is_voting is False


@pytest.mark.django_db
def test_demo_full_council_meets_on_the_council_calendar(demo):
    meetings = list(
        Meeting.objects.filter(committee__slug="full-council").values_list("date", "kind", "status")
    )

    assert meetings == [
        (date(2025, 5, 21), "annual", "held"),
        (date(2025, 7, 16), "ordinary", "held"),
        (date(2025, 9, 17), "ordinary", "held"),
        (date(2025, 10, 8), "extraordinary", "held"),
        (date(2025, 11, 12), "ordinary", "held"),
        (date(2026, 1, 14), "ordinary", "held"),
        (date(2026, 2, 25), "budget", "held"),
        (date(2026, 4, 15), "ordinary", "held"),
        (date(2026, 5, 20), "annual", "held"),
        (date(2026, 7, 15), "ordinary", "held"),
        (date(2026, 9, 16), "ordinary", "held"),
        (date(2026, 11, 11), "ordinary", "held"),
        (date(2027, 1, 13), "ordinary", "scheduled"),
        (date(2027, 2, 24), "budget", "scheduled"),
        (date(2027, 4, 14), "ordinary", "scheduled"),
    ]


@pytest.mark.django_db
def test_demo_meetings_avoid_weekends_bank_holidays_and_closures(demo):
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=[2025, 2026, 2027])
    closed = set(ClosureDay.objects.values_list("date", flat=True))

    days = list(Meeting.objects.values_list("date", flat=True))

    assert [day for day in days if day.weekday() >= 5 or day in bank_holidays or day in closed] == []
    assert meetings_by_status(TODAY) == {
        ("held", "past"): 140,
        ("cancelled", "past"): 1,
        ("scheduled", "to come"): 49,
        ("postponed", "to come"): 1,
    }
    assert not_held() == [
        ("care-leavers-sub-panel", date(2026, 1, 9), "cancelled", "Not quorate"),
        ("places-and-neighbourhoods-select-commission", date(2027, 1, 6), "postponed", POSTPONED_REASON),
    ]


@pytest.mark.django_db
def test_demo_users_have_role_groups_and_authenticate(demo, settings):
    users = get_user_model().objects.prefetch_related("groups")

    assert {user.username: [group.name for group in user.groups.all()] for user in users} == {
        username: [group] for username, group in EXPECTED_GROUPS.items()
    }
    for username in EXPECTED_GROUPS:
        assert authenticate(username=username, password=settings.WITAN["DEMO_PASSWORD"]).username == username
    assert get_user_model().objects.get(username="admin").is_superuser is True
    assert Officer.objects.get(user__username="finance").job_title == (
        "Strategic Director of Finance and Customer Services"
    )
    assert Councillor.objects.get(user__username="councillor").last_name == "Chadwick"


def assert_current_on(
    today: date, *, year: tuple, term: tuple, statuses: dict, not_held_on: tuple, closed: list
):
    """The demo as seen on `today`: a current year, one chair each, past meetings held, one of each not held."""
    current = MunicipalYear.objects.get(start_date__lte=today, end_date__gte=today)
    full_council = Committee.objects.get(slug="full-council")

    assert (current.start_date, current.end_date) == year
    assert chairs_on(today) == {
        "cabinet": ["Samuel Okafor"],
        "care-leavers-sub-panel": ["Linda Wragg"],
        "children-and-families-select-commission": ["Sophie Chadwick"],
        "corporate-parenting-scrutiny-panel": ["Helen Brigg"],
        "fly-tipping-task-and-finish-group": ["Peter Lumb"],
        "full-council": ["Janet Hebden"],
        "health-and-wellbeing-select-commission": ["Marcus Ellery"],
        "licensing-committee": ["Grace Adeyemi"],
        "overview-and-scrutiny-management-board": ["Eileen Brannigan"],
        "places-and-neighbourhoods-select-commission": ["Stuart Renshaw"],
        "planning-board": ["Patrick Duggan"],
    }
    assert len(committee_members(committee=full_council, on=today)) == 40
    assert Councillor.objects.filter(term_start=term[0], term_end=term[1]).count() == 39
    assert meetings_by_status(today) == statuses
    assert not_held() == [
        ("care-leavers-sub-panel", not_held_on[0], "cancelled", "Not quorate"),
        ("places-and-neighbourhoods-select-commission", not_held_on[1], "postponed", POSTPONED_REASON),
    ]
    assert (
        list(ClosureDay.objects.filter(date__gte=current.start_date).values_list("date", flat=True)) == closed
    )


ON_10_JUNE_2027 = {
    "year": (date(2027, 5, 19), date(2028, 5, 16)),
    "term": (date(2025, 5, 5), date(2029, 5, 6)),  # elected on 1 May 2025
    "not_held_on": (date(2027, 1, 8), date(2027, 9, 1)),
    "closed": [date(2027, 12, 24), date(2027, 12, 29), date(2027, 12, 30), date(2027, 12, 31)],
}
ON_1_FEBRUARY_2030 = {
    "year": (date(2029, 5, 16), date(2030, 5, 14)),
    "term": (date(2027, 5, 10), date(2031, 5, 4)),  # elected on 6 May 2027
    "not_held_on": (date(2029, 1, 5), date(2030, 4, 3)),
    "closed": [date(2029, 12, 24), date(2029, 12, 27), date(2029, 12, 28), date(2029, 12, 31)],
}


@pytest.mark.parametrize("demo", [date(2030, 2, 1)], indirect=True, ids=str)
@pytest.mark.django_db
def test_demo_loaded_years_later_is_current_then(demo):
    """Loaded afresh in 2030. (10 June 2027 is checked after a roll-over below: a fresh load costs seconds.)"""
    statuses = {("held", "past"): 159, ("cancelled", "past"): 1, ("scheduled", "to come"): 27}

    assert database_counts() == {**EXPECTED_COUNTS, "meetings": 188}
    assert_current_on(
        date(2030, 2, 1), statuses={**statuses, ("postponed", "to come"): 1}, **ON_1_FEBRUARY_2030
    )


@pytest.mark.django_db
def test_demo_reloaded_after_the_year_rolls_over_is_current_then(demo):
    """Loaded in November 2026, then on 1 May and again on 10 June 2027, after the annual meeting."""
    load_demo(today=date(2027, 5, 1))
    may = not_held()

    load_demo(today=date(2027, 6, 10))

    years = MunicipalYear.objects.order_by("start_date").values_list("start_date", flat=True)
    assert may[1] == (
        "places-and-neighbourhoods-select-commission",
        date(2027, 5, 12),  # the last meeting of the year: none is more than 30 days away
        "postponed",
        POSTPONED_REASON,
    )
    assert list(years) == [date(2025, 5, 21), date(2026, 5, 20), date(2027, 5, 19)]
    # The two years now loaded hold what a fresh load on 10 June 2027 would (October's change is to come).
    assert Membership.objects.filter(municipal_year__start_date__gte=date(2026, 5, 20)).count() == 256
    assert Meeting.objects.filter(date__gte=date(2026, 5, 20)).count() == 191
    assert_current_on(
        date(2027, 6, 10),
        statuses={
            ("held", "past"): 194,  # 2025/26's cancelled meeting now shows as held: one of each, always
            ("cancelled", "past"): 1,
            ("scheduled", "to come"): 91,
            ("postponed", "to come"): 1,
        },
        **ON_10_JUNE_2027,
    )


def test_demo_council_imports_no_later_app():
    """council imports none of meetings, reports, decisions: they add demo data through `demo_loader`."""
    source = Path(council.__file__).with_name("demo.py").read_text()
    imported = {
        name.split(".")[0]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in ([alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module])
    }

    assert imported.isdisjoint({"meetings", "reports", "decisions"})
    assert MeetingsConfig.demo_loader == "meetings.demo.load_demo"


@pytest.mark.django_db
def test_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    before = database_counts()  # empty, or the module's demo if that is loaded already

    with pytest.raises(CommandError, match="Refusing to load demo data because DEBUG is off"):
        run_demo()

    assert database_counts() == before


@pytest.mark.django_db
def test_demo_command_loads_when_debug_on_and_prints_counts_and_logins(demo, settings):
    settings.DEBUG = True

    output = run_demo()  # dated today, whatever day the tests run

    counts = database_counts()
    for label, key in [
        ("memberships", "memberships"),
        ("meetings", "meetings"),
        ("co-opted members", "co_optees"),
    ]:
        assert f"  {label:<18} {counts[key]:>5}\n" in output
    assert "  users                  9\n" in output
    password = settings.WITAN["DEMO_PASSWORD"].ljust(len("Password"))  # the column is as wide as its widest
    assert f"  finance      {password}  Finance approver (chief finance officer)\n" in output
    assert "Demo log-ins:" in output
