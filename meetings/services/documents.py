"""An item's own document: the PDF bound into the pack with it, such as the minutes of the previous
meeting on the template's standard item ("Minutes of the previous meeting (Pages 1 - 13)")."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from council.models import AuditEntry
from council.services import audit_record
from council.uploads import normalised_note, pdf_upload_checked

from ..agenda import item_label
from ..models import AgendaItem, Meeting
from ..visibility import stored_document_description
from .meetings import AgendaError, agenda_change_record


def agenda_item_document_set(
    *, item: AgendaItem, document: UploadedFile, minutes_of: Meeting | None = None, by
) -> AgendaItem:
    """Bind a PDF (checked: a whole, unencrypted PDF within the size and page limits, normalised
    for publishing: `council.uploads`, issue 8) to an item, replacing any it had. On a published
    agenda the change is listed and the packs are rebuilt."""
    # Outside the transaction: checking a long PDF takes a while, and must not hold the meeting's lock.
    checked = pdf_upload_checked(document, field="document", describe=stored_document_description(item))
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
        if meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
            raise AgendaError(
                f"This meeting is {meeting.get_status_display().lower()}: its agenda cannot change."
            )
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if item.kind == AgendaItem.Kind.HEADING:
            raise AgendaError("A section heading has no document.")
        if item.is_withdrawn:
            raise AgendaError("This item has been withdrawn.")
        replaced = bool(item.document)
        old_name = item.document.name
        item.document = checked.file
        item.document_pages, item.document_sha256 = checked.page_count, checked.sha256
        if minutes_of is not None:
            item.minutes_of = minutes_of
        item.full_clean()
        item.save()
        audit_record(
            obj=item,
            by=by,
            action=AuditEntry.Action.CHANGED,
            changes={"document": [old_name, item.document.name]},
            note=f"Document {'replaced' if replaced else 'added'} ({checked.page_count} pages)"
            + normalised_note(checked),
        )
        if item.is_published:
            verb = "replaced" if replaced else "added"
            agenda_change_record(
                meeting=meeting, by=by, item=item, summary=f"{item_label(item)} ({{title}}): document {verb}"
            )
    return item
