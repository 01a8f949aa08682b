"""Every write to meetings and agendas. Views call these; each checks the state, writes in one
transaction, records an audit entry and refuses with `AgendaError` (a message for the user)."""

from .agenda import (
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_set_part,
    agenda_item_update,
    agenda_reorder,
    agenda_report_attach,
    agenda_report_detach,
)
from .agenda_templates import (
    agenda_template_entry_add,
    agenda_template_entry_move,
    agenda_template_entry_remove,
    agenda_template_reorder,
)
from .documents import agenda_item_document_set
from .meetings import (
    AgendaError,
    agenda_change_record,
    agenda_template,
    meeting_create,
    meeting_set_status,
    meeting_update,
    meetings_create_for_dates,
)
from .packs import pack_build_queue, pack_build_run
from .publication import agenda_missing, agenda_publish, supplementary_agenda_publish

__all__ = [
    "AgendaError",
    "agenda_change_record",
    "agenda_item_add",
    "agenda_item_document_set",
    "agenda_item_move",
    "agenda_item_remove",
    "agenda_item_set_part",
    "agenda_item_update",
    "agenda_missing",
    "agenda_publish",
    "agenda_reorder",
    "agenda_report_attach",
    "agenda_report_detach",
    "agenda_template",
    "agenda_template_entry_add",
    "agenda_template_entry_move",
    "agenda_template_entry_remove",
    "agenda_template_reorder",
    "meeting_create",
    "meeting_set_status",
    "meeting_update",
    "meetings_create_for_dates",
    "pack_build_queue",
    "pack_build_run",
    "supplementary_agenda_publish",
]
