"""Editing a committee's agenda template: the standard items, section headings and the place for
the reports that every new meeting of the committee starts from.

A committee without a template of its own uses the default order (`agenda_template`); the first
change copies that default into rows, so the change applies to what the clerk was shown.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from council.models import AuditEntry, Committee
from council.services import audit_record, field_values

from ..models import AgendaTemplateEntry
from .meetings import agenda_template


def _entries_locked(committee: Committee, *, by) -> list[AgendaTemplateEntry]:
    """The committee's rows in order, locked; the default order saved first if it has none."""
    Committee.objects.select_for_update().get(pk=committee.pk)
    entries = list(committee.agenda_template.select_for_update().order_by("position", "pk"))
    if entries:
        return entries
    entries = agenda_template(committee)
    for entry in entries:
        entry.save()
    audit_record(obj=committee, by=by, action=AuditEntry.Action.CHANGED, note="Agenda template started")
    return entries


def _renumber(entries: list[AgendaTemplateEntry]) -> None:
    for position, entry in enumerate(entries, start=1):
        entry.position = position
    AgendaTemplateEntry.objects.bulk_update(entries, ["position"])


def agenda_template_entry_add(
    *, committee: Committee, kind: str, standard_item: str = "", title: str = "", preamble: str = "", by
) -> AgendaTemplateEntry:
    """Add a standard item, a section heading or the place for the reports, at the end."""
    with transaction.atomic():
        entries = _entries_locked(committee, by=by)
        entry = AgendaTemplateEntry(
            committee=committee,
            position=len(entries) + 1,
            kind=kind,
            standard_item=standard_item if kind == AgendaTemplateEntry.Kind.STANDARD else "",
            title=title.strip(),
            preamble=preamble.strip(),
        )
        entry.full_clean()
        # The reports go in one place, and each standard item appears once, as on the papers.
        if kind == AgendaTemplateEntry.Kind.REPORTS and any(e.kind == kind for e in entries):
            raise ValidationError({"kind": "The template already has a place for the reports."})
        if kind == AgendaTemplateEntry.Kind.STANDARD and any(
            e.standard_item == entry.standard_item for e in entries
        ):
            raise ValidationError({"standard_item": f"“{entry}” is already on the template."})
        entry.save()
        audit_record(obj=entry, by=by, action=AuditEntry.Action.CREATED, changes=field_values(entry))
    return entry


def agenda_template_reorder(*, committee: Committee, entry_ids: list[int], by) -> None:
    """Put the committee's template in the given order (every entry, each once)."""
    with transaction.atomic():
        entries = {e.pk: e for e in _entries_locked(committee, by=by)}
        if sorted(entry_ids) != sorted(entries):
            raise ValidationError("The template changed while you were reordering it: reload the page.")
        _renumber([entries[pk] for pk in entry_ids])
        audit_record(obj=committee, by=by, action=AuditEntry.Action.CHANGED, note="Agenda template reordered")


def agenda_template_entry_move(*, committee: Committee, position: int, up: bool, by) -> None:
    """Swap the entry at `position` (1-based, as shown) with its neighbour: the button alternative to
    dragging. Positions, not ids, because the default template has no rows until the first change."""
    with transaction.atomic():
        entries = _entries_locked(committee, by=by)
        index = position - 1
        other = index - 1 if up else index + 1
        if not (0 <= index < len(entries) and 0 <= other < len(entries)):
            return
        entries[index], entries[other] = entries[other], entries[index]
        _renumber(entries)
        audit_record(obj=committee, by=by, action=AuditEntry.Action.CHANGED, note="Agenda template reordered")


def agenda_template_entry_remove(*, committee: Committee, position: int, by) -> None:
    """Remove the entry at `position` (1-based, as shown). Meetings already called keep their items."""
    with transaction.atomic():
        entries = _entries_locked(committee, by=by)
        if not 0 < position <= len(entries):
            return
        entry = entries.pop(position - 1)
        audit_record(obj=entry, by=by, action=AuditEntry.Action.DELETED, changes=field_values(entry))
        entry.delete()
        _renumber(entries)
