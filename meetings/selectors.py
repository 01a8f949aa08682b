"""Reads of meetings that pages share."""

from datetime import date

from django.db.models import QuerySet

from council.models import Committee
from council.selectors import today

from .models import Meeting


def meetings_upcoming(*, from_date: date | None = None, limit: int = 10) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(date__gte=from_date or today())
        .select_related("committee")
        .order_by("date", "start_time")[:limit]
    )


def meetings_recent(*, before: date | None = None, limit: int = 10) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(date__lt=before or today())
        .select_related("committee")
        .order_by("-date", "-start_time")[:limit]
    )


def committee_meetings(*, committee: Committee) -> tuple[list[Meeting], list[Meeting]]:
    """(upcoming, past) meetings of one committee; upcoming soonest first, past latest first."""
    on = today()
    meetings = list(Meeting.objects.filter(committee=committee).order_by("date", "start_time"))
    upcoming = [m for m in meetings if m.date >= on]
    past = [m for m in reversed(meetings) if m.date < on]
    return upcoming, past
