"""Calling meetings: one at a time from the committee's agenda template, a year's calendar at once,
and postponing or cancelling."""

from collections.abc import Iterable
from datetime import date, datetime, time

from django.db import IntegrityError, transaction
from django.utils import timezone

from council.models import AuditEntry, Committee
from council.services import audit_record, changed_values, field_values, signed_in_user

from ..models import (
    STANDARD_ITEM_WORDING,
    AgendaChange,
    AgendaItem,
    AgendaTemplateEntry,
    Meeting,
    StandardItem,
)
from ..visibility import TITLE_PLACEHOLDER


class AgendaError(Exception):
    """A change to a meeting or its agenda was refused; the message says why, in the user's words."""


# The order in statutory-rules.md "Meetings practice", used for a body with no template of its own.
DEFAULT_TEMPLATE = (
    (AgendaTemplateEntry.Kind.STANDARD, StandardItem.APOLOGIES),
    (AgendaTemplateEntry.Kind.STANDARD, StandardItem.DECLARATIONS),
    (AgendaTemplateEntry.Kind.STANDARD, StandardItem.PREVIOUS_MINUTES),
    (AgendaTemplateEntry.Kind.STANDARD, StandardItem.URGENT_BUSINESS),
    (AgendaTemplateEntry.Kind.STANDARD, StandardItem.QUESTIONS),
    (AgendaTemplateEntry.Kind.REPORTS, ""),
    (AgendaTemplateEntry.Kind.STANDARD, StandardItem.EXCLUSION),
    (AgendaTemplateEntry.Kind.STANDARD, StandardItem.NEXT_MEETING),
)


def agenda_template(committee: Committee) -> list[AgendaTemplateEntry]:
    """The committee's template, or the default order if it has none."""
    entries = list(committee.agenda_template.all())
    if entries:
        return entries
    return [
        AgendaTemplateEntry(committee=committee, position=i, kind=kind, standard_item=standard)
        for i, (kind, standard) in enumerate(DEFAULT_TEMPLATE, start=1)
    ]


def trailing_standard_items(committee: Committee) -> list[str]:
    """The standard items the template puts after the reports (new reports go before them)."""
    entries = agenda_template(committee)
    places = [i for i, e in enumerate(entries) if e.kind == AgendaTemplateEntry.Kind.REPORTS]
    after = entries[places[-1] + 1 :] if places else []
    return [e.standard_item for e in after if e.kind == AgendaTemplateEntry.Kind.STANDARD]


def _items_from_template(meeting: Meeting, *, by) -> list[AgendaItem]:
    items = []
    position = 0
    for entry in agenda_template(meeting.committee):
        if entry.kind == AgendaTemplateEntry.Kind.REPORTS:
            continue
        position += 10
        if entry.kind == AgendaTemplateEntry.Kind.HEADING:
            kind, title = AgendaItem.Kind.HEADING, entry.title
        else:
            kind = AgendaItem.Kind.STANDARD
            title = entry.title or STANDARD_ITEM_WORDING[StandardItem(entry.standard_item)]
        items.append(
            AgendaItem(
                meeting=meeting,
                position=position,
                kind=kind,
                standard_item=entry.standard_item if kind == AgendaItem.Kind.STANDARD else "",
                title=title,
                description=entry.preamble,
                added_at=meeting.convened_at,
                added_by=signed_in_user(by),
            )
        )
    return AgendaItem.objects.bulk_create(items)


def meeting_create(
    *,
    committee: Committee,
    date: date,
    start_time: time | None = None,
    venue: str = "",
    kind: str = Meeting.Kind.ORDINARY,
    pre_briefing_note: str = "",
    convened_at: datetime | None = None,
    by,
) -> Meeting:
    """A meeting with its agenda started from the committee's template (R3: convened now)."""
    meeting = Meeting(
        committee=committee,
        date=date,
        start_time=start_time or committee.default_start_time,
        venue=venue or committee.default_venue,
        kind=kind,
        pre_briefing_note=pre_briefing_note,
        convened_at=convened_at or timezone.now(),
    )
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
        _items_from_template(meeting, by=by)
        audit_record(obj=meeting, by=by, action=AuditEntry.Action.CREATED, changes=field_values(meeting))
    return meeting


def meetings_create_for_dates(
    *, committee: Committee, dates: Iterable[date], start_time: time | None = None, venue: str = "", by
) -> list[Meeting]:
    """A committee's calendar in one go: every date or none (a clash refuses the whole list)."""
    dates = sorted(set(dates))
    if not dates:
        raise AgendaError("Give at least one date.")
    taken = set(
        Meeting.objects.filter(
            committee=committee, date__in=dates, start_time=start_time or committee.default_start_time
        ).values_list("date", flat=True)
    )
    if taken:
        listed = ", ".join(f"{d:%-d %B %Y}" for d in sorted(taken))
        raise AgendaError(f"{committee.name} already meets at that time on {listed}.")
    try:
        with transaction.atomic():
            return [
                meeting_create(committee=committee, date=d, start_time=start_time, venue=venue, by=by)
                for d in dates
            ]
    except IntegrityError as error:  # a meeting added by someone else meanwhile
        raise AgendaError(f"{committee.name} already meets at one of those times.") from error


def meeting_update(*, meeting: Meeting, by, **values) -> Meeting:
    """Change the date, time, venue, kind or pre-briefing note; a published agenda lists the change."""
    allowed = {"date", "start_time", "venue", "kind", "pre_briefing_note"}
    if unknown := set(values) - allowed:
        raise AgendaError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        before = field_values(meeting)
        for name, value in values.items():
            setattr(meeting, name, value)
        meeting.full_clean()
        meeting.save()
        changes = changed_values(before, field_values(meeting))
        if not changes:
            return meeting
        audit_record(obj=meeting, by=by, action=AuditEntry.Action.CHANGED, changes=changes)
        if meeting.agenda_is_published:
            agenda_change_record(
                meeting=meeting, by=by, summary="Meeting details changed: " + ", ".join(changes).lower()
            )
    return meeting


def meeting_set_status(*, meeting: Meeting, status: str, reason: str = "", by) -> Meeting:
    """Postpone, cancel, reinstate or mark held. Postponed and cancelled need the reason, which
    every page of the meeting (and its packs, once rebuilt) shows."""
    status = Meeting.Status(status)
    reason = reason.strip()
    if status in Meeting.NOT_GOING_AHEAD and not reason:
        raise AgendaError(f"Say why the meeting is {status.label.lower()}.")
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.status == status and meeting.status_reason == reason:
            return meeting
        if meeting.status == Meeting.Status.HELD:
            raise AgendaError("This meeting has been held: its status cannot change.")
        if status == Meeting.Status.HELD and meeting.date > timezone.localdate():
            raise AgendaError("A meeting cannot be marked held before its date.")
        before = meeting.get_status_display()
        meeting.status = status
        meeting.status_reason = reason if status in Meeting.NOT_GOING_AHEAD else ""
        meeting.save(update_fields=["status", "status_reason"])
        audit_record(
            obj=meeting,
            by=by,
            action=AuditEntry.Action.STATE,
            changes={"status": [before, status.label]},
            note=reason,
        )
        if meeting.agenda_is_published and status != Meeting.Status.HELD:
            summary = f"Meeting {status.label.lower()}" + (f": {reason}" if reason else "")
            agenda_change_record(meeting=meeting, by=by, summary=summary)
    return meeting


def agenda_change_record(
    *, meeting: Meeting, by, summary: str, item: AgendaItem | None = None, rebuild: bool = True
) -> None:
    """List a change to a published agenda on the meeting page and (unless the caller will) rebuild
    its packs.

    R4: a summary that names `item` says "{title}" where its title goes; each reader's changes list
    fills it in as `meetings.visibility.change_summary_for` allows, so no exempt title is stored in it.
    """
    from .packs import pack_build_queue  # packs builds on this module

    AgendaChange.objects.create(meeting=meeting, item=item, made_by=signed_in_user(by), summary=summary[:400])
    if rebuild:
        staff_summary = summary.replace(TITLE_PLACEHOLDER, item.title) if item is not None else summary
        pack_build_queue(meeting=meeting, by=by, reason=staff_summary[:200])
