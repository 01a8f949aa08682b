"""When the bodies of the demo council, Ravensmoor Borough Council, meet. `meetings.demo` loads it.

No date is fixed: every meeting is placed relative to the start of its municipal year (the annual meeting),
so the calendar fits whichever years `council.demo` loaded for the day the demo runs.

The agendas of those meetings (`meetings.demo_agendas`) read the other modules of this package:
`agendas` (each body's template, its business, the late item and the wording of minutes),
`cabinet_reports` (the reports written for the demo's biggest agenda) and `tables` (their long tables).
"""

from calendar import FRIDAY, MONDAY, THURSDAY, TUESDAY, WEDNESDAY
from datetime import time, timedelta

# Full Council meets on Wednesdays, this many weeks after the annual meeting that opens the year (week 0):
# about every eight weeks, with the budget meeting in late February. (weeks, meeting kind)
FULL_COUNCIL_WEEKS = [
    (0, "annual"),
    (8, "ordinary"),
    (17, "ordinary"),
    (25, "ordinary"),
    (34, "ordinary"),
    (40, "budget"),
    (47, "ordinary"),
]
# The previous municipal year also had an extraordinary meeting, in early October.
EXTRAORDINARY_WEEK = 20

# Other bodies meet on a cycle: committee slug: (weekday, every n weeks, first meeting n weeks into the year).
# A date on a bank holiday, a closure day, over Christmas or (except regulatory bodies) in the August recess
# moves on a week.
MEETING_CYCLES = {
    "cabinet": (MONDAY, 4, 3),
    "overview-and-scrutiny-management-board": (WEDNESDAY, 4, 2),
    "children-and-families-select-commission": (TUESDAY, 6, 4),
    "health-and-wellbeing-select-commission": (THURSDAY, 6, 4),
    "places-and-neighbourhoods-select-commission": (WEDNESDAY, 6, 5),
    "corporate-parenting-scrutiny-panel": (FRIDAY, 8, 3),
    "care-leavers-sub-panel": (FRIDAY, 8, 7),
    "planning-board": (THURSDAY, 3, 2),
    "licensing-committee": (TUESDAY, 8, 6),
    "fly-tipping-task-and-finish-group": (MONDAY, 6, 16),
}

# The one meeting that was cancelled: the sub-panel's first meeting after New Year in the previous year.
CANCELLED = ("care-leavers-sub-panel", "Not quorate")

# The one meeting postponed: this commission's first meeting more than POSTPONED_AFTER_DAYS days from today
# (or, late in the year, its last meeting still to come).
POSTPONED = (
    "places-and-neighbourhoods-select-commission",
    "Postponed at the Chair's request so that the results of the waste collection survey can be considered.",
)
POSTPONED_AFTER_DAYS = 30

# Council agrees each year's calendar at its budget meeting in February, so every meeting is convened (R3)
# this long before its municipal year begins, at the end of that afternoon's meeting.
CONVENED_BEFORE_YEAR = timedelta(weeks=12)
CONVENED_AT = time(17, 0)


def year_words(start_year: int) -> dict[str, str]:
    """How the demo's papers name the years around the municipal year that starts in `start_year`:
    `{this_fy}` is "2026/27" for 2026, `{next_fy}` "2027/28", `{y1}` "2027"..."""
    financial = {f"fy{n}": f"{start_year + n}/{(start_year + n + 1) % 100:02d}" for n in range(4)}
    return {
        "this_fy": financial["fy0"],
        "next_fy": financial["fy1"],
        **financial,
        **{f"y{n}": str(start_year + n) for n in range(8)},
        "ym1": str(start_year - 1),
        "ym2": str(start_year - 2),
    }
