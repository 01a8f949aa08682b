"""When an agenda and its items are due, and what makes an item late (R1, R2, R3).

- R1 (s.100B(3) LGA 1972): the agenda and open reports are published at least `AGENDA_CLEAR_DAYS`
  clear working days before the meeting.
- R3: a meeting convened at shorter notice has its papers due from the time it was convened, and an
  item added later from the time it was added.
- R2 (s.100B(4)): an item not published in time may only be considered if the chair accepts it as
  urgent "by reason of special circumstances", which the minutes record: the item's urgency reason.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from council.working_days import WorkingDayCalendar, agenda_publication_deadline, working_day_calendar

from .models import AgendaItem, Meeting


def clear_days() -> int:
    return settings.WITAN.get("AGENDA_CLEAR_DAYS", 5)


@dataclass(frozen=True)
class PublicationDeadline:
    """R1's date for one meeting, and whether R3 applies because it was called too late for R1."""

    meeting_date: date
    deadline: date  # the last day to publish with the full clear days (R1)
    convened_on: date
    short_notice: bool  # convened after the R1 deadline: papers are due as soon as it is convened (R3)

    def is_met_by(self, day: date) -> bool:
        return day <= self.deadline

    @property
    def rule(self) -> str:
        days = clear_days()
        if self.short_notice:
            return (
                f"R3: this meeting was convened on {self.convened_on:%A %-d %B %Y}, after the R1 deadline of "
                f"{self.deadline:%A %-d %B %Y}, so its papers are due from the time it was convened"
            )
        return (
            f"R1: the agenda must be published by {self.deadline:%A %-d %B %Y}, {days} clear working days "
            f"before the meeting on {self.meeting_date:%A %-d %B %Y}"
        )


def publication_deadline(
    meeting: Meeting, *, calendar: WorkingDayCalendar | None = None
) -> PublicationDeadline:
    deadline = agenda_publication_deadline(meeting.date, calendar=calendar or working_day_calendar())
    convened_on = timezone.localdate(meeting.convened_at)
    return PublicationDeadline(
        meeting_date=meeting.date,
        deadline=deadline,
        convened_on=convened_on,
        short_notice=convened_on > deadline,
    )


def item_is_late(item: AgendaItem, *, deadline: PublicationDeadline, published_on: date) -> bool:
    """R2: would this item, published on `published_on`, miss its clear days?

    Section headings and the procedural standard items carry no papers and are never late. On a
    meeting convened at short notice (R3), the papers are due from the time it was convened: items
    it was called with are in time if they go out on the day it was convened; items added after
    that, or published on a later day, are late.
    """
    if item.kind == AgendaItem.Kind.HEADING or (item.kind == AgendaItem.Kind.STANDARD and not item.document):
        return False
    if deadline.is_met_by(published_on):
        return False
    if deadline.short_notice:
        added_on = timezone.localdate(item.added_at)
        return added_on > deadline.convened_on or published_on > deadline.convened_on
    return True


def items_needing_urgency(items, *, deadline: PublicationDeadline, published_on: date) -> list[AgendaItem]:
    """Late items (R2) without the chair's reason for urgency: publishing them is refused."""
    return [
        item
        for item in items
        if item_is_late(item, deadline=deadline, published_on=published_on)
        and not item.urgency_reason.strip()
    ]
