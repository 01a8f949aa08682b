"""The council's working-day calendar: counting clear days for statutory deadlines.

A working day is Monday to Friday that is neither an England & Wales bank holiday nor a council closure day.
No statute defines which days count as "clear days"; councils exclude weekends and bank holidays, and a
council may add its own closure days such as the Christmas shutdown (statutory-rules.md, "Counting days").

Clear days between two dates exclude both end days: the day of publication and the day of the meeting.

The arithmetic is closed-form: weekdays are counted from the ordinal of a date, and the non-working weekdays
(bank holidays and closure days falling Monday to Friday) are kept in one sorted list searched with `bisect`.
A page that lists hundreds of meetings therefore never walks the calendar day by day.
"""

import datetime
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

import holidays

_WEEKDAYS_PER_WEEK = 5
_DAYS_PER_WEEK = 7


def _weekdays_up_to(ordinal: int) -> int:
    """Number of Mondays to Fridays among the ordinals 1..`ordinal` inclusive (0 for ordinal 0).

    Ordinal 1 (1 January 0001) is a Monday, so a date's weekday is `(ordinal - 1) % 7`.
    """
    weeks, remainder = divmod(ordinal, _DAYS_PER_WEEK)
    return weeks * _WEEKDAYS_PER_WEEK + min(remainder, _WEEKDAYS_PER_WEEK)


def _ordinal_of_weekday_number(number: int) -> int:
    """Ordinal of the `number`-th weekday counted from 1 January 0001 (the inverse of `_weekdays_up_to`)."""
    weeks, remainder = divmod(number - 1, _WEEKDAYS_PER_WEEK)
    return weeks * _DAYS_PER_WEEK + remainder + 1


class WorkingDayCalendar:
    """Working days for one council: weekdays less bank holidays less the council's closure days."""

    def __init__(
        self,
        *,
        closure_days: Iterable[datetime.date] = (),
        country: str = "GB",
        subdivision: str = "ENG",
    ) -> None:
        # The maintained `holidays` calendar, not a hand list (statutory-rules.md): it knows substitute days
        # and one-off holidays such as a coronation. It expands year by year as dates are looked up.
        self._bank_holidays = holidays.country_holidays(country, subdiv=subdivision)
        # Only weekday exceptions matter: a closure or holiday on a weekend is not a working day anyway,
        # and keeping weekends out lets the weekday arithmetic subtract exceptions without double counting.
        self._exceptions: set[int] = {
            day.toordinal() for day in closure_days if day.weekday() < _WEEKDAYS_PER_WEEK
        }
        self._sorted_exceptions: list[int] = sorted(self._exceptions)
        self._loaded_years: set[int] = set()
        # A calendar may be shared between request threads; loading a year mutates the caches.
        self._lock = threading.Lock()

    # -- the calendar ------------------------------------------------------------------------------------

    def _load_years(self, first: int, last: int) -> None:
        """Make sure bank holidays for the years `first`..`last` are in the sorted exception list."""
        # One year either side as well: an observed (substitute) day can fall in a neighbouring year
        # in some countries, e.g. New Year's Day observed on the Friday 31 December before.
        wanted = range(max(first - 1, datetime.MINYEAR), min(last + 1, datetime.MAXYEAR) + 1)
        if all(year in self._loaded_years for year in wanted):
            return
        with self._lock:
            missing = [year for year in wanted if year not in self._loaded_years]
            if not missing:
                return
            for year in missing:
                # A membership test is the public way to make the lazy calendar populate a year.
                datetime.date(year, 1, 1) in self._bank_holidays  # noqa: B015
            self._exceptions.update(
                day.toordinal() for day in self._bank_holidays if day.weekday() < _WEEKDAYS_PER_WEEK
            )
            self._sorted_exceptions = sorted(self._exceptions)
            self._loaded_years.update(missing)

    def _exceptions_between(self, first: int, last: int) -> int:
        """Non-working weekdays among the ordinals `first`..`last` inclusive."""
        if last < first:
            return 0
        self._load_years(
            datetime.date.fromordinal(first).year,
            datetime.date.fromordinal(last).year,
        )
        exceptions = self._sorted_exceptions
        return bisect_right(exceptions, last) - bisect_left(exceptions, first)

    def _working_days_in(self, first: int, last: int) -> int:
        """Working days among the ordinals `first`..`last` inclusive (0 if the range is empty)."""
        if last < first:
            return 0
        weekdays = _weekdays_up_to(last) - _weekdays_up_to(first - 1)
        return weekdays - self._exceptions_between(first, last)

    def is_working_day(self, day: datetime.date) -> bool:
        """True if `day` is Monday to Friday and neither a bank holiday nor a council closure day."""
        if day.weekday() >= _WEEKDAYS_PER_WEEK:
            return False
        self._load_years(day.year, day.year)
        return day.toordinal() not in self._exceptions

    def clear_working_days_between(self, earlier: datetime.date, later: datetime.date) -> int:
        """Working days strictly between `earlier` and `later`, excluding both end days.

        These are the "clear days" of R1 (s.100B(3) LGA 1972): neither the day of publication nor the
        day of the meeting counts. Returns 0 when there are none, including when `later` is on or before
        `earlier`.
        """
        if later <= earlier:
            return 0
        return self._working_days_in(earlier.toordinal() + 1, later.toordinal() - 1)

    def add_working_days(self, day: datetime.date, n: int) -> datetime.date:
        """The `n`-th working day after `day` (or, for negative `n`, the `-n`-th working day before it).

        `n == 0` returns `day` itself, whether or not it is a working day. For `n != 0` the result is always a
        working day and `day` itself is never counted: `add_working_days(friday, 1)` is the next Monday when
        that Monday is a working day.
        """
        if n == 0:
            return day
        if n > 0:
            return self._working_day_after(day.toordinal(), n)
        return self._working_day_before(day.toordinal(), -n)

    def _working_day_after(self, start: int, n: int) -> datetime.date:
        # Jump to the n-th weekday after `start`; every exception jumped over costs one more weekday, so
        # jump again by that many. Exceptions are sparse, so this settles in a step or two.
        current, remaining = start, n
        while remaining:
            target = _ordinal_of_weekday_number(_weekdays_up_to(current) + remaining)
            remaining = self._exceptions_between(current + 1, target)
            current = target
        return datetime.date.fromordinal(current)

    def _working_day_before(self, start: int, n: int) -> datetime.date:
        # The mirror image of `_working_day_after`.
        current, remaining = start, n
        while remaining:
            target = _ordinal_of_weekday_number(_weekdays_up_to(current - 1) - remaining + 1)
            remaining = self._exceptions_between(target, current - 1)
            current = target
        return datetime.date.fromordinal(current)

    def latest_publication_date(self, meeting_date: datetime.date, clear_days: int) -> datetime.date:
        """The latest working day on which publishing leaves at least `clear_days` clear working days.

        R1 (s.100B(3) LGA 1972): the agenda is open to inspection at least five clear days before the meeting.
        Councils publish on working days, so the answer is always a working day strictly before the meeting;
        with `clear_days == 0` it is the last working day before the meeting.

        Publishing on the (k+1)-th working day before the meeting leaves the k working days after it clear,
        and publishing any later leaves fewer. Example: a meeting on Tuesday 17 June 2025 with 5 clear days
        needs publication by Monday 9 June 2025 (clear days 10, 11, 12, 13 and 16 June).
        """
        if clear_days < 0:
            raise ValueError(f"clear_days must not be negative, got {clear_days}")
        return self.add_working_days(meeting_date, -(clear_days + 1))

    def working_days_remaining(self, today: datetime.date, deadline: datetime.date) -> int:
        """Working days left until `deadline`, for "n working days left" and "n working days overdue".

        - `deadline >= today`: the working days from `today` up to and including `deadline`, counting `today`
          if it is a working day. A working-day deadline of today gives 1; a deadline with no working day
          left before it (e.g. today is Saturday and the deadline is Sunday) gives 0.
        - `deadline < today`: minus the working days after `deadline` up to and including `today`. Today a
          working day and the deadline the working day before gives -1; a deadline of Friday seen on the
          following Saturday gives 0, because no working day has yet been lost.

        So a positive number means working days still available, a negative number working days overdue, and
        0 that no working day is left to act in but none has yet been missed.
        """
        if deadline >= today:
            return self._working_days_in(today.toordinal(), deadline.toordinal())
        return -self._working_days_in(deadline.toordinal() + 1, today.toordinal())


def working_day_calendar() -> WorkingDayCalendar:
    """The council's calendar: bank holidays from settings and the closure days held in the database."""
    # Imported here so the calendar class itself needs only the standard library and `holidays`,
    # and can be used without Django being set up.
    from django.conf import settings

    from council.models import ClosureDay

    witan = settings.WITAN
    return WorkingDayCalendar(
        closure_days=ClosureDay.objects.values_list("date", flat=True),
        country=witan["BANK_HOLIDAY_COUNTRY"],
        subdivision=witan["BANK_HOLIDAY_SUBDIVISION"],
    )


def agenda_publication_deadline(
    meeting_date: datetime.date, *, calendar: WorkingDayCalendar | None = None
) -> datetime.date:
    """The last working day on which a meeting's agenda can be published in time.

    R1 (s.100B(3) LGA 1972): copies of the agenda are open to inspection at least `AGENDA_CLEAR_DAYS` (5)
    clear working days before the meeting. Pass `calendar` when computing many deadlines, so the closure
    days are read from the database once.
    """
    from django.conf import settings

    if calendar is None:
        calendar = working_day_calendar()
    clear_days = settings.WITAN.get("AGENDA_CLEAR_DAYS", 5)
    return calendar.latest_publication_date(meeting_date, clear_days)
