import datetime

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from council.models import ClosureDay
from council.working_days import WorkingDayCalendar, agenda_publication_deadline, working_day_calendar

D = datetime.date

# One calendar for the whole module: it is read-only from the tests' point of view, and sharing it means the
# property tests do not re-load bank holidays for every example.
CALENDAR = WorkingDayCalendar()

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))
# Up to about two years of working days: long enough to cross several Christmases and Easters.
steps = st.integers(min_value=1, max_value=520)
clear_day_counts = st.integers(min_value=0, max_value=30)

# The first lookup of a year builds that year's holidays, which can be slow on a cold start.
property_settings = hypothesis_settings(deadline=None)


# -- R1 statutory vector ---------------------------------------------------------------------------------


def test_latest_publication_date_r1_vector_june_2025():
    # statutory-rules.md: meeting Tuesday 17 June 2025, 5 clear days: 10, 11, 12, 13, 16 June.
    assert CALENDAR.latest_publication_date(D(2025, 6, 17), 5) == D(2025, 6, 9)


def test_clear_working_days_between_r1_vector_june_2025():
    assert CALENDAR.clear_working_days_between(D(2025, 6, 9), D(2025, 6, 17)) == 5


def test_clear_working_days_between_r1_one_day_later_is_too_late():
    assert CALENDAR.clear_working_days_between(D(2025, 6, 10), D(2025, 6, 17)) == 4


def test_agenda_publication_deadline_r1_uses_five_clear_days(settings):
    settings.WITAN = {**settings.WITAN, "AGENDA_CLEAR_DAYS": 5}
    assert agenda_publication_deadline(D(2025, 6, 17), calendar=CALENDAR) == D(2025, 6, 9)


def test_agenda_publication_deadline_r1_follows_setting(settings):
    settings.WITAN = {**settings.WITAN, "AGENDA_CLEAR_DAYS": 3}
    # Clear days 12, 13 and 16 June.
    assert agenda_publication_deadline(D(2025, 6, 17), calendar=CALENDAR) == D(2025, 6, 11)


# -- bank holidays ---------------------------------------------------------------------------------------


def test_latest_publication_date_r1_spring_bank_holiday_2025():
    # Monday 26 May 2025 is the Spring bank holiday, so the five clear days before Tuesday 27 May are
    # 19, 20, 21, 22 and 23 May, and the agenda must be out on Friday 16 May.
    assert CALENDAR.latest_publication_date(D(2025, 5, 27), 5) == D(2025, 5, 16)
    assert CALENDAR.clear_working_days_between(D(2025, 5, 16), D(2025, 5, 27)) == 5
    assert CALENDAR.clear_working_days_between(D(2025, 5, 19), D(2025, 5, 27)) == 4


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 4, 3),  # Good Friday
        D(2026, 4, 6),  # Easter Monday
        D(2025, 12, 25),  # Christmas Day (Thursday)
        D(2025, 12, 26),  # Boxing Day (Friday)
        D(2026, 12, 28),  # Boxing Day substitute (26 December 2026 is a Saturday)
        D(2027, 12, 27),  # Christmas Day substitute
        D(2027, 12, 28),  # Boxing Day substitute
        D(2028, 1, 3),  # New Year's Day substitute
        D(2025, 5, 26),  # Spring bank holiday
    ],
)
def test_is_working_day_false_on_bank_holiday(day):
    assert CALENDAR.is_working_day(day) is False


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 4, 2),  # Maundy Thursday
        D(2026, 4, 7),  # Tuesday after Easter
        D(2025, 12, 24),  # Christmas Eve is not a bank holiday
        D(2027, 12, 29),
        D(2028, 1, 4),
    ],
)
def test_is_working_day_true_on_ordinary_weekday(day):
    assert CALENDAR.is_working_day(day) is True


def test_add_working_days_skips_easter_2026():
    assert CALENDAR.add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)
    assert CALENDAR.add_working_days(D(2026, 4, 7), -1) == D(2026, 4, 2)


def test_clear_working_days_between_easter_2026():
    # Thursday 2 April to Wednesday 8 April 2026: only Tuesday 7 April is clear.
    assert CALENDAR.clear_working_days_between(D(2026, 4, 2), D(2026, 4, 8)) == 1


def test_latest_publication_date_r1_after_easter_2026():
    # Meeting Tuesday 14 April 2026: clear days 7, 8, 9, 10 and 13 April; Easter Monday does not count.
    assert CALENDAR.latest_publication_date(D(2026, 4, 14), 5) == D(2026, 4, 2)


def test_latest_publication_date_r1_after_christmas_2025():
    # Meeting Friday 2 January 2026: clear days 23, 24, 29, 30 and 31 December 2025 (25, 26 December and
    # 1 January are bank holidays).
    assert CALENDAR.latest_publication_date(D(2026, 1, 2), 5) == D(2025, 12, 22)


def test_add_working_days_skips_christmas_substitutes_2027():
    # Friday 24 December 2027, then the weekend, then substitute days on 27 and 28 December.
    assert CALENDAR.add_working_days(D(2027, 12, 24), 1) == D(2027, 12, 29)


def test_add_working_days_skips_new_year_substitute_2028():
    # Friday 31 December 2027 -> Monday 3 January 2028 is the New Year's Day substitute.
    assert CALENDAR.add_working_days(D(2027, 12, 31), 1) == D(2028, 1, 4)
    assert CALENDAR.add_working_days(D(2028, 1, 4), -1) == D(2027, 12, 31)


# -- council closure days --------------------------------------------------------------------------------


def test_latest_publication_date_r1_closure_days_push_deadline_earlier():
    calendar = WorkingDayCalendar(closure_days=[D(2025, 12, 29), D(2025, 12, 30), D(2025, 12, 31)])
    # Clear days are now 18, 19, 22, 23 and 24 December; publication by Wednesday 17 December.
    assert calendar.latest_publication_date(D(2026, 1, 2), 5) == D(2025, 12, 17)
    assert calendar.is_working_day(D(2025, 12, 30)) is False


def test_clear_working_days_between_closure_day_on_weekend_counts_once():
    # A closure "day" on a Saturday changes nothing: the weekend was never a working day.
    calendar = WorkingDayCalendar(closure_days=[D(2025, 6, 14)])
    assert calendar.clear_working_days_between(D(2025, 6, 9), D(2025, 6, 17)) == 5


# -- weekends and edge cases ---------------------------------------------------------------------------------


def test_is_working_day_false_on_weekend():
    assert CALENDAR.is_working_day(D(2025, 6, 14)) is False
    assert CALENDAR.is_working_day(D(2025, 6, 15)) is False


def test_add_working_days_friday_to_monday():
    assert CALENDAR.add_working_days(D(2025, 6, 13), 1) == D(2025, 6, 16)


def test_add_working_days_from_weekend_backwards():
    assert CALENDAR.add_working_days(D(2025, 6, 15), -1) == D(2025, 6, 13)
    assert CALENDAR.add_working_days(D(2025, 6, 14), 1) == D(2025, 6, 16)


def test_add_working_days_zero_returns_same_day():
    assert CALENDAR.add_working_days(D(2025, 6, 14), 0) == D(2025, 6, 14)


def test_clear_working_days_between_zero_when_reversed_or_adjacent():
    assert CALENDAR.clear_working_days_between(D(2025, 6, 17), D(2025, 6, 9)) == 0
    assert CALENDAR.clear_working_days_between(D(2025, 6, 9), D(2025, 6, 9)) == 0
    assert CALENDAR.clear_working_days_between(D(2025, 6, 9), D(2025, 6, 10)) == 0
    assert CALENDAR.clear_working_days_between(D(2025, 6, 13), D(2025, 6, 16)) == 0


def test_latest_publication_date_r1_weekend_meeting():
    # Meeting Saturday 21 June 2025: clear days 16 to 20 June, so publish by Friday 13 June.
    assert CALENDAR.latest_publication_date(D(2025, 6, 21), 5) == D(2025, 6, 13)


def test_latest_publication_date_zero_clear_days_is_previous_working_day():
    assert CALENDAR.latest_publication_date(D(2025, 6, 16), 0) == D(2025, 6, 13)


def test_latest_publication_date_negative_clear_days_refused():
    with pytest.raises(ValueError, match="must not be negative"):
        CALENDAR.latest_publication_date(D(2025, 6, 16), -1)


def test_working_days_remaining_counts_today_and_deadline():
    # Monday 9 to Friday 13 June 2025 inclusive.
    assert CALENDAR.working_days_remaining(D(2025, 6, 9), D(2025, 6, 13)) == 5


def test_working_days_remaining_deadline_today():
    assert CALENDAR.working_days_remaining(D(2025, 6, 9), D(2025, 6, 9)) == 1


def test_working_days_remaining_over_weekend():
    # Saturday 14 June to Monday 16 June: only the Monday.
    assert CALENDAR.working_days_remaining(D(2025, 6, 14), D(2025, 6, 16)) == 1
    assert CALENDAR.working_days_remaining(D(2025, 6, 14), D(2025, 6, 15)) == 0


def test_working_days_remaining_negative_when_passed():
    # Deadline Friday 13 June; today Tuesday 17 June: 16 and 17 June have gone by.
    assert CALENDAR.working_days_remaining(D(2025, 6, 17), D(2025, 6, 13)) == -2


def test_working_days_remaining_zero_on_weekend_after_friday_deadline():
    assert CALENDAR.working_days_remaining(D(2025, 6, 14), D(2025, 6, 13)) == 0


def test_working_days_remaining_skips_bank_holiday():
    # Thursday 2 April to Tuesday 7 April 2026: 2 and 7 April.
    assert CALENDAR.working_days_remaining(D(2026, 4, 2), D(2026, 4, 7)) == 2


# -- properties ----------------------------------------------------------------------------------------------


@property_settings
@given(dates, steps)
def test_add_working_days_lands_on_working_day(day, n):
    assert CALENDAR.is_working_day(CALENDAR.add_working_days(day, n))
    assert CALENDAR.is_working_day(CALENDAR.add_working_days(day, -n))


@property_settings
@given(dates, steps)
def test_clear_working_days_between_after_add_is_n_minus_one(day, n):
    assert CALENDAR.clear_working_days_between(day, CALENDAR.add_working_days(day, n)) == n - 1


@property_settings
@given(dates, clear_day_counts)
def test_latest_publication_date_r1_is_latest_working_day_leaving_enough_clear_days(meeting, clear_days):
    published = CALENDAR.latest_publication_date(meeting, clear_days)
    assert CALENDAR.is_working_day(published)
    assert published < meeting
    assert CALENDAR.clear_working_days_between(published, meeting) >= clear_days
    # Publishing on the next working day would be too late (or, with no clear days required, on or after
    # the meeting itself).
    next_working_day = CALENDAR.add_working_days(published, 1)
    assert CALENDAR.clear_working_days_between(next_working_day, meeting) < clear_days or (
        next_working_day >= meeting
    )


@property_settings
@given(dates, dates, st.integers(min_value=0, max_value=400))
def test_clear_working_days_between_monotone_in_later(earlier, later, extra):
    further = later + datetime.timedelta(days=extra)
    assert CALENDAR.clear_working_days_between(earlier, later) <= CALENDAR.clear_working_days_between(
        earlier, further
    )


@property_settings
@given(dates, steps)
def test_add_working_days_round_trips_from_working_day(day, n):
    start = CALENDAR.add_working_days(day, 1)
    assert CALENDAR.add_working_days(CALENDAR.add_working_days(start, n), -n) == start
    assert CALENDAR.add_working_days(CALENDAR.add_working_days(start, -n), n) == start


@property_settings
@given(dates, dates)
def test_clear_working_days_between_matches_day_by_day_count(earlier, later):
    # The closed-form count against the obvious loop, kept to short spans so the loop stays cheap.
    later = min(later, earlier + datetime.timedelta(days=60))
    expected = sum(
        CALENDAR.is_working_day(earlier + datetime.timedelta(days=offset))
        for offset in range(1, (later - earlier).days)
    )
    assert CALENDAR.clear_working_days_between(earlier, later) == expected


@property_settings
@given(dates, dates)
def test_working_days_remaining_matches_day_by_day_count(today, deadline):
    deadline = min(max(deadline, today - datetime.timedelta(days=60)), today + datetime.timedelta(days=60))
    if deadline >= today:
        span = [today + datetime.timedelta(days=k) for k in range((deadline - today).days + 1)]
        expected = sum(CALENDAR.is_working_day(day) for day in span)
    else:
        span = [deadline + datetime.timedelta(days=k) for k in range(1, (today - deadline).days + 1)]
        expected = -sum(CALENDAR.is_working_day(day) for day in span)
    assert CALENDAR.working_days_remaining(today, deadline) == expected


# -- the council's calendar from the database ----------------------------------------------------------


@pytest.mark.django_db
def test_working_day_calendar_includes_closure_day_from_database():
    ClosureDay.objects.create(date=D(2025, 12, 29), reason="Christmas closure")
    calendar = working_day_calendar()
    assert calendar.is_working_day(D(2025, 12, 29)) is False
    assert calendar.is_working_day(D(2025, 12, 30)) is True


@pytest.mark.django_db
def test_agenda_publication_deadline_r1_reads_closure_days_from_database(settings):
    settings.WITAN = {**settings.WITAN, "AGENDA_CLEAR_DAYS": 5}
    for day in (29, 30, 31):
        ClosureDay.objects.create(date=D(2025, 12, day), reason="Christmas closure")
    assert agenda_publication_deadline(D(2026, 1, 2)) == D(2025, 12, 17)
