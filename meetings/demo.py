"""Load the demo council's meetings (data in `meetings.demo_data`).

`MeetingsConfig.demo_loader` names `load_demo`, so `council.demo` calls it after loading the organisation, in
the same transaction, without importing this app. The committees (by slug) and the municipal years (by
date) are read from the database. Every body meets through the previous and the current municipal year:
a meeting before `today` was held, one on or after it is scheduled, except one cancelled meeting last year
and one postponed meeting to come (`meetings.demo_data`). Loading twice on one day changes nothing.

Meetings are written directly, as the calendar agreed months ago (R3: `convened_at`), because
`meeting_create` would start each agenda now. Their agendas come later, once the reports are loaded,
through the services (`meetings.demo_agendas`), which reopen a held meeting to replay its agenda.
"""

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from django.utils import timezone

from council.demo import DemoDataError, bank_holidays
from council.models import ClosureDay, Committee, MunicipalYear
from meetings import demo_data as data
from meetings.models import Meeting

FULL_COUNCIL = "full-council"


class _NotWorking:
    """Bank holidays and the council's closure days: `day in not_working`."""

    def __init__(self):
        self.bank_holidays = bank_holidays()
        self.closures = set(ClosureDay.objects.values_list("date", flat=True))

    def __contains__(self, day: date) -> bool:
        return day.weekday() >= 5 or day in self.bank_holidays or day in self.closures


def _is_meeting_day(day: date, *, regulatory: bool, not_working: _NotWorking) -> bool:
    christmas = (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 3)
    recess = day.month == 8 and not regulatory  # regulatory bodies have statutory time limits to meet
    return not (day in not_working or christmas or recess)


def _meeting_dates(
    *, committee: Committee, year: MunicipalYear, previous: bool, not_working: _NotWorking
) -> Iterator[tuple[date, str]]:
    """The (date, meeting kind) pairs of one body's meetings in one municipal year."""
    if committee.slug == FULL_COUNCIL:
        weeks = list(data.FULL_COUNCIL_WEEKS)
        if previous:
            weeks.append((data.EXTRAORDINARY_WEEK, Meeting.Kind.EXTRAORDINARY))
        for week, kind in sorted(weeks):
            day = year.start_date + timedelta(weeks=week)
            # The annual meeting opens the year on its own day; the others move on a week if need be.
            while week and not _is_meeting_day(day, regulatory=False, not_working=not_working):
                day += timedelta(weeks=1)
            yield day, kind
        return
    weekday, every_weeks, first_week = data.MEETING_CYCLES[committee.slug]
    regulatory = committee.kind == Committee.Kind.REGULATORY
    day = year.start_date + timedelta(weeks=first_week)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while True:
        while not _is_meeting_day(day, regulatory=regulatory, not_working=not_working):
            day += timedelta(weeks=1)
        if day > year.end_date:
            return
        yield day, Meeting.Kind.ORDINARY
        day += timedelta(weeks=every_weeks)


def _not_held(
    schedule: dict, *, previous: MunicipalYear, today: date
) -> dict[tuple[str, date], tuple[str, str]]:
    """{(slug, date): (status, reason)} for the one cancelled and the one postponed meeting."""
    slug, reason = data.CANCELLED
    new_year = date(previous.start_date.year + 1, 1, 1)
    after_new_year = sorted(day for s, day in schedule if s == slug and new_year <= day <= previous.end_date)
    if not after_new_year:
        raise DemoDataError(f"{slug} has no meeting after New Year in {previous.label} to cancel.")
    not_held = {(slug, after_new_year[0]): (Meeting.Status.CANCELLED, reason)}
    slug, reason = data.POSTPONED
    to_come = sorted(day for s, day in schedule if s == slug and day > today)
    later = [day for day in to_come if day > today + timedelta(days=data.POSTPONED_AFTER_DAYS)]
    if to_come:  # none only in the last weeks of a municipal year: then nothing is left to postpone
        not_held[(slug, later[0] if later else to_come[-1])] = (Meeting.Status.POSTPONED, reason)
    return not_held


def _save(meeting: Meeting, values: dict) -> bool:
    """Validate and save `meeting` with `values` if it is new or they differ; True if it was written."""
    if meeting.pk and all(getattr(meeting, field) == value for field, value in values.items()):
        return False
    for field, value in values.items():
        setattr(meeting, field, value)
    meeting.full_clean()  # a cancelled or postponed meeting needs its reason
    meeting.save()
    return True


def _convened_at(year: MunicipalYear) -> datetime:
    """R3: when the year's meetings were called, at the Council meeting that agreed the calendar."""
    day = year.start_date - data.CONVENED_BEFORE_YEAR
    return timezone.make_aware(datetime.combine(day, data.CONVENED_AT))


def load_demo(*, today: date, stdout=None) -> dict:
    """Create or refresh the demo meetings for `today`; returns {"meetings": how many exist}."""
    years = list(MunicipalYear.objects.filter(start_date__lte=today).order_by("-start_date")[:2])
    if len(years) < 2:
        raise DemoDataError("The demo meetings need the previous and the current municipal year.")
    current, previous = years
    slugs = [FULL_COUNCIL, *data.MEETING_CYCLES]
    committees = {committee.slug: committee for committee in Committee.objects.filter(slug__in=slugs)}
    if missing := sorted(set(slugs) - set(committees)):
        raise DemoDataError(f"The demo meetings need these committees: {', '.join(missing)}.")
    not_working = _NotWorking()
    schedule, convened = {}, {}
    for committee in committees.values():
        for year in (previous, current):
            dates = _meeting_dates(
                committee=committee, year=year, previous=year == previous, not_working=not_working
            )
            for day, kind in dates:
                if day in not_working:
                    raise DemoDataError(f"{committee} would meet on {day:%A %-d %B %Y}, not a working day.")
                schedule[(committee.slug, day)] = kind
                convened[(committee.slug, day)] = _convened_at(year)
    not_held = _not_held(schedule, previous=previous, today=today)

    existing = {
        (meeting.committee.slug, meeting.date, meeting.start_time): meeting
        for meeting in Meeting.objects.filter(committee__in=committees.values()).select_related("committee")
    }
    written = 0
    for (slug, day), kind in schedule.items():
        committee = committees[slug]
        meeting = existing.pop((slug, day, committee.default_start_time), None)
        meeting = meeting or Meeting(committee=committee, date=day, start_time=committee.default_start_time)
        usual = Meeting.Status.HELD if day < today else Meeting.Status.SCHEDULED
        status, reason = not_held.get((slug, day), (usual, ""))
        values = {
            "venue": committee.default_venue,
            "kind": kind,
            "status": status,
            "status_reason": reason,
            "convened_at": convened[(slug, day)],
        }
        written += _save(meeting, values)
    # Meetings of earlier years (from loading on an earlier day) keep their dates, but only today's
    # cancelled and postponed meetings stay so: the demo always shows one of each.
    for meeting in existing.values():
        status = Meeting.Status.HELD if meeting.date < today else Meeting.Status.SCHEDULED
        written += _save(meeting, {"status": status, "status_reason": ""})
    count = Meeting.objects.count()
    if stdout:
        stdout.write(f"Meetings loaded: {count} in all, {written} added or changed.")
    return {"meetings": count}
