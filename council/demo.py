"""Load the Ravensmoor demo council (data in `council.demo_data`) into the database.

The demo is dated relative to `today` (`DemoCalendar`), so it looks right whenever it is loaded. For a given
`today` the load is idempotent: records are found by natural keys (slug, name, e-mail, username, dates) and
written only when missing or different, so a second run adds nothing, not even audit entries. A later day
brings the demo up to date (a new municipal year after May, new terms). Writes go through the services
(`organisation_save`, `membership_add`...), so model validation runs and the audit log shows "System".

Other apps add their demo data through an extension point: an app config's `demo_loader` names a
`load_demo(*, today, stdout) -> dict`, called after the organisation, in `INSTALLED_APPS` order and in the
same transaction. So `council` imports none of them. An app whose demo needs another app's, loaded later
(agendas need the reports), also names a `demo_after_loader`, called once every `demo_loader` has run,
as `load(*, today, stdout, build_documents) -> dict`: `build_documents` says whether documents it queues
(agenda packs) are built before `load_demo` returns, or left to the task worker.
"""

from calendar import MONDAY, THURSDAY, WEDNESDAY
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.text import slugify

from council import demo_data as data
from council.models import (
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
from council.roles import Role
from council.services import membership_add, membership_end, organisation_delete, organisation_save

ONE_DAY = timedelta(days=1)


class DemoDataError(Exception):
    """The demo data contradicts itself (a bad date, an unknown name); fix the demo data module."""


def bank_holidays() -> holidays.HolidayBase:
    """England's bank holidays (as in settings), for `day in bank_holidays()`."""
    return _bank_holidays(settings.WITAN["BANK_HOLIDAY_COUNTRY"], settings.WITAN["BANK_HOLIDAY_SUBDIVISION"])


@lru_cache(maxsize=4)
def _bank_holidays(country: str, subdivision: str) -> holidays.HolidayBase:
    return holidays.country_holidays(country, subdiv=subdivision)  # slow to build, and it fills in lazily


# -- The demo's calendar ---------------------------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`-th `weekday` (calendar.MONDAY...) of a month: `_nth_weekday(2026, 5, WEDNESDAY, 3)` is 20 May."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7, weeks=n - 1)


def annual_meeting_day(year: int) -> date:
    """The annual meeting of the council, which opens the municipal year: the third Wednesday of May."""
    return _nth_weekday(year, 5, WEDNESDAY, 3)


class DemoCalendar:
    """When things happen in the demo, worked out from the day it is loaded, so it never goes stale.

    - The municipal year runs from the annual meeting to the day before the next. The current year is the one
      whose annual meeting is the latest on or before `today`; the demo loads it and the previous year.
    - The all-out election was on the first Thursday of May a year before the previous municipal year began.
      Councillors take office on the fourth day after an election and serve until the day before the fourth
      day after the next one, four years later, so both years lie inside the term.
    - Cllr Sedgwick's last day was the first Monday of June in the previous municipal year; the by-election was
      on the third Thursday of July and Cllr Cole took office the next day.
    - A mid-year change of office: the leaver serves to 30 September and the successor from 1 October. The
      current year's change is loaded only once 1 October has come.
    - The offices close on the working days among 24 and 27 to 31 December in the current municipal year.
    """

    def __init__(self, today: date):
        self.today = today
        start = today.year if annual_meeting_day(today.year) <= today else today.year - 1
        self.years = {
            "previous": (annual_meeting_day(start - 1), annual_meeting_day(start) - ONE_DAY),
            "current": (annual_meeting_day(start), annual_meeting_day(start + 1) - ONE_DAY),
        }
        election, next_election = (_nth_weekday(year, 5, THURSDAY, 1) for year in (start - 2, start + 2))
        term = (election + timedelta(days=4), next_election + timedelta(days=3))
        by_election = _nth_weekday(start - 1, 7, THURSDAY, 3)
        self.terms = {
            data.FULL: term,
            data.RESIGNED: (term[0], _nth_weekday(start - 1, 6, MONDAY, 1)),
            data.BY_ELECTION: (by_election + ONE_DAY, term[1]),
        }
        self.accessibility_statement_prepared = date(start - 1, 9, 15)
        self.christmas = date(start, 12, 25)

    @staticmethod
    def change_of_office(year_start: date) -> date:
        """The first day of a mid-year change of office: 1 October."""
        return date(year_start.year, 10, 1)

    def closure_days(self) -> list[date]:
        not_working = bank_holidays()
        days = [self.christmas - ONE_DAY] + [self.christmas + timedelta(days=n) for n in range(2, 7)]
        return [day for day in days if day.weekday() < 5 and day not in not_working]


# -- Writing records -------------------------------------------------------------------------------------


def _same(instance: models.Model, field: str, value) -> bool:
    if isinstance(value, models.Model):
        return getattr(instance, f"{field}_id") == value.pk
    return getattr(instance, field) == value


def _upsert(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Find by `lookup`, create or update with `values`, and save (validated, audited) only on a change."""
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
    elif all(_same(instance, field, value) for field, value in values.items()):
        return instance
    else:
        for field, value in values.items():
            setattr(instance, field, value)
    return organisation_save(instance=instance, by=None)


def _first_and_last_name(name: str) -> tuple[str, str]:
    first, *rest = (part for part in name.split() if part != "Dr")
    return first, " ".join(rest)


def _officer_email(name: str) -> str:
    first, last = _first_and_last_name(name)
    return f"{first}.{last}@{data.DOMAIN}".lower()


# -- The organisation ------------------------------------------------------------------------------------


def _load_people(calendar: DemoCalendar) -> dict:
    wards = {name: _upsert(Ward, {"slug": slugify(name)}, {"name": name}) for name in data.WARDS}
    directorates = {
        short: _upsert(Directorate, {"slug": slugify(name)}, {"name": name, "short_name": short})
        for name, short in data.DIRECTORATES
    }
    officers = {}
    for name, job_title, directorate, extension, _login in data.OFFICERS:
        officers[name] = _upsert(
            Officer,
            {"email": _officer_email(name)},
            {
                "name": name,
                "job_title": job_title,
                "directorate": directorates[directorate],
                "phone": f"01632 960{extension}",
                "is_active": True,
            },
        )
    parties = {
        short: _upsert(Party, {"slug": slugify(name)}, {"name": name, "short_name": short})
        for name, short in data.PARTIES
    }
    councillors = {}
    for number, (ward, title, first, last, party, term, _login) in enumerate(data.COUNCILLORS, start=1):
        if last in councillors:
            raise DemoDataError(f"Two demo councillors are called {last}; last names must be unique.")
        term_start, term_end = calendar.terms[term]
        councillors[last] = _upsert(
            Councillor,
            {"slug": slugify(f"{first} {last}")},
            {
                "title": title,
                "first_name": first,
                "last_name": last,
                "party": parties[party],
                "ward": wards[ward],
                "email": f"cllr.{first}.{last}@{data.DOMAIN}".lower(),
                "phone": f"07700 900{number:03d}",
                "term_start": term_start,
                "term_end": term_end,
            },
        )
    return {"officers": officers, "councillors": councillors}


def _load_organisation(calendar: DemoCalendar) -> dict:
    org = _load_people(calendar)
    _upsert(
        CouncilProfile,
        {"pk": 1},
        {
            **data.COUNCIL,
            "accessibility_statement_prepared": calendar.accessibility_statement_prepared,
            "proper_officer": org["officers"][data.PROPER_OFFICER],
        },
    )
    org["co_optees"] = {
        key: _upsert(CoOptee, {"name": name}, {"honorific": honorific, "email": "", "phone": ""})
        for key, honorific, name in data.CO_OPTEES
    }
    org["years"] = {
        which: _upsert(MunicipalYear, {"start_date": start}, {"end_date": end})
        for which, (start, end) in calendar.years.items()
    }
    committees = org["committees"] = {}
    for spec in data.COMMITTEES:
        values = {**data.COMMITTEE_DEFAULTS, **spec}
        values["parent"] = committees[values["parent"]] if values["parent"] else None
        committees[spec["slug"]] = _upsert(Committee, {"slug": values.pop("slug")}, values)
    for day in calendar.closure_days():
        _upsert(ClosureDay, {"date": day}, {"reason": data.CHRISTMAS_CLOSURE})
    return org


# -- Memberships -----------------------------------------------------------------------------------------


def _planned_memberships(org: dict, *, which: str, calendar: DemoCalendar) -> list[Membership]:
    """The memberships of the "previous" or "current" municipal year, unsaved, as the demo wants them."""
    year, committees, councillors = org["years"][which], org["committees"], org["councillors"]
    planned = []

    def seat(slug: str, last: str, role: str, *, start: date | None = None, end: date | None = None) -> None:
        """A councillor's seat for the part of the year they are in office (a by-election, a resignation)."""
        councillor = councillors[last]
        start = max(start or year.start_date, councillor.term_start)
        end = min(end or councillor.term_end, councillor.term_end, year.end_date)
        if start > end:
            return  # not in office during this year
        planned.append(
            Membership(
                committee=committees[slug],
                municipal_year=year,
                councillor=councillor,
                role=role,
                start_date=start,
                end_date=end if end < year.end_date else None,
            )
        )

    chair, vice = data.FULL_COUNCIL_CHAIRS[which]
    offices = {chair: Membership.Role.CHAIR, vice: Membership.Role.VICE_CHAIR}
    for last in councillors:
        seat("full-council", last, offices.get(last, Membership.Role.MEMBER))
    change_day = calendar.change_of_office(year.start_date)
    changes = [
        (slug, role, leaver, successor)
        for year_key, slug, role, leaver, successor in data.MID_YEAR_CHANGES
        if year_key == which and change_day <= calendar.today
    ]
    leaving = {(slug, leaver, role) for slug, role, leaver, _successor in changes}
    for slug, (chair, vice, members) in data.SEATS[which].items():
        seats = [(chair, Membership.Role.CHAIR), (vice, Membership.Role.VICE_CHAIR)]
        for last, role in seats + [(member, Membership.Role.MEMBER) for member in members]:
            seat(slug, last, role, end=change_day - ONE_DAY if (slug, last, role) in leaving else None)
        for key, representing, statutory, scope in data.CO_OPTED_SEATS.get(slug, []):
            planned.append(
                Membership(
                    committee=committees[slug],
                    municipal_year=year,
                    co_optee=org["co_optees"][key],
                    role=Membership.Role.CO_OPTED,
                    start_date=year.start_date,
                    representing=representing,
                    is_statutory=statutory,
                    is_voting=statutory,
                    item_scope=scope,
                )
            )
    for slug, role, _leaver, successor in changes:
        seat(slug, successor, role, start=change_day)
    return planned


_SEAT_DETAILS = ("is_voting", "representing", "is_statutory", "item_scope")


def _key(m: Membership) -> tuple:
    return (m.committee_id, m.councillor_id, m.co_optee_id, m.role, m.start_date)


def _reconcile_memberships(org: dict, *, year: MunicipalYear, planned: list[Membership]) -> None:
    """Make the demo committees' memberships in `year` match `planned`, writing only what differs.

    A row the demo no longer wants (after a year rolls over, or a term moves) is deleted, so that a
    planned row never overlaps it; a row the demo wants to stop earlier is ended; the rest are added.
    """
    wanted = {_key(membership): membership for membership in planned}
    matched, to_delete, to_end = set(), [], []
    existing = Membership.objects.filter(
        municipal_year=year, committee__in=list(org["committees"].values())
    ).select_related("committee", "municipal_year", "councillor", "co_optee")
    for row in existing:
        want = wanted.get(_key(row))
        if (
            want is None
            or _key(row) in matched
            or any(getattr(row, name) != getattr(want, name) for name in _SEAT_DETAILS)
        ):
            to_delete.append(row)
        elif row.end_date == want.end_date:
            matched.add(_key(row))
        elif want.end_date and (row.end_date is None or row.end_date > want.end_date):
            to_end.append((row, want.end_date))
            matched.add(_key(row))
        else:
            to_delete.append(row)
    for row in to_delete:
        organisation_delete(instance=row, by=None)
    for row, end_date in to_end:
        membership_end(membership=row, end_date=end_date, by=None)
    for key, membership in wanted.items():
        if key not in matched:
            membership_add(membership=membership, by=None)


# -- Log-ins ---------------------------------------------------------------------------------------------


def _load_logins(org: dict) -> None:
    User = get_user_model()
    people = {login: org["officers"][row[0]] for row in data.OFFICERS if (login := row[4])}
    people |= {login: org["councillors"][row[3]] for row in data.COUNCILLORS if (login := row[6])}
    for username, role_value in data.DEMO_LOGINS:
        role = Role(role_value)
        person = people[username]
        if isinstance(person, Officer):
            first, last = _first_and_last_name(person.name)
        else:
            first, last = person.first_name, person.last_name
        user = User.objects.filter(username=username).first() or User(username=username)
        user.first_name, user.last_name, user.email = first, last, person.email
        user.is_active = True
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        # Reset on every run so that the log-ins the command prints always work.
        user.set_password(settings.WITAN["DEMO_PASSWORD"])
        user.save()
        group, _created = Group.objects.get_or_create(name=role.group_name)
        user.groups.set([group])
        _upsert(type(person), {"pk": person.pk}, {"user": user})


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, password, role) for each demo log-in, as the command prints them."""
    password = settings.WITAN["DEMO_PASSWORD"]
    return [(username, password, Role(role).label) for username, role in data.DEMO_LOGINS]


# -- Loading ---------------------------------------------------------------------------------------------


def load_council_demo(*, today: date, stdout=None) -> dict:
    """The organisation, memberships and log-ins; returns how many of each record exist."""
    calendar = DemoCalendar(today)
    org = _load_organisation(calendar)
    for which, year in org["years"].items():
        planned = _planned_memberships(org, which=which, calendar=calendar)
        _reconcile_memberships(org, year=year, planned=planned)
    _load_logins(org)
    if stdout:
        stdout.write(
            f"{data.COUNCIL['name']}, dated {today:%-d %B %Y} (municipal year {org['years']['current']}): "
            "organisation, memberships and log-ins loaded."
        )
    counted = [
        ("wards", Ward),
        ("directorates", Directorate),
        ("officers", Officer),
        ("parties", Party),
        ("councillors", Councillor),
        ("co-opted members", CoOptee),
        ("committees", Committee),
        ("municipal years", MunicipalYear),
        ("memberships", Membership),
        ("closure days", ClosureDay),
        ("users", get_user_model()),
    ]
    return {label: model._default_manager.count() for label, model in counted}


def load_demo(*, today: date | None = None, stdout=None, build_documents: bool = True) -> dict:
    """Create or refresh the whole demo, dated relative to `today`, in one transaction.

    The council's own data comes first; then every installed app whose config names a `demo_loader` adds
    its own, in `INSTALLED_APPS` order, and after them every `demo_after_loader`, in the same order.
    Returns how many of each record exist, merged from every loader. Documents the loaders queue are
    built once the transaction commits, before this returns, unless `build_documents` is False (or an
    outer transaction never commits, as in tests).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        counts = load_council_demo(today=today, stdout=stdout)
        for config in apps.get_app_configs():
            if loader := getattr(config, "demo_loader", None):
                counts |= import_string(loader)(today=today, stdout=stdout)
        for config in apps.get_app_configs():
            if loader := getattr(config, "demo_after_loader", None):
                counts |= import_string(loader)(today=today, stdout=stdout, build_documents=build_documents)
    return counts
