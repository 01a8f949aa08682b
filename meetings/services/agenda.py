"""Building an agenda: adding items (late ones with the chair's reason, R2), attaching reports,
ordering, moving between Part A and Part B, withdrawing.

Before publication these change the draft. After it, a new item waits for the next supplementary
agenda, and any other change is listed on the meeting page and rebuilds the packs.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from council.models import AuditEntry
from council.services import audit_record, changed_values, field_values, signed_in_user
from council.uploads import pdf_upload_checked
from reports.models import Report

from ..agenda import item_label
from ..models import STANDARD_ITEM_WORDING, AgendaItem, AgendaItemReport, Meeting, Part, StandardItem
from ..publication import item_is_late, publication_deadline
from ..visibility import stored_document_description
from .meetings import AgendaError, agenda_change_record, trailing_standard_items

_ATTACHABLE = (
    Report.Status.DRAFT,
    Report.Status.SUBMITTED,
    Report.Status.RETURNED,
    Report.Status.APPROVED,
    Report.Status.PUBLISHED,
)


def _lock_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _require_open(meeting: Meeting) -> None:
    if meeting.status == Meeting.Status.HELD:
        raise AgendaError("This meeting has been held: its agenda can no longer change.")
    if meeting.status == Meeting.Status.CANCELLED:
        raise AgendaError("This meeting has been cancelled: its agenda can no longer change.")


def _insert_position(meeting: Meeting, part: str) -> int:
    """Where a new item goes: in Part A before the standard items the template puts after the
    reports (exclusion, next meeting…), in Part B at the end."""
    items = list(meeting.items.filter(part=part, is_withdrawn=False).order_by("position", "pk"))
    if not items:
        return 10
    if part == Part.A:
        trailing = set(trailing_standard_items(meeting.committee))
        first_trailing = len(items)
        while (
            first_trailing > 0
            and items[first_trailing - 1].kind == AgendaItem.Kind.STANDARD
            and items[first_trailing - 1].standard_item in trailing
        ):
            first_trailing -= 1
        if first_trailing < len(items):
            position = items[first_trailing].position
            for later in items[first_trailing:]:
                later.position += 10
            AgendaItem.objects.bulk_update(items[first_trailing:], ["position"])
            return position
    return items[-1].position + 10


def agenda_item_add(
    *,
    meeting: Meeting,
    kind: str,
    title: str = "",
    standard_item: str = "",
    description: str = "",
    part: str = Part.A,
    exempt_paragraphs: list[int] | None = None,
    reports: list[Report] = (),
    document: UploadedFile | None = None,
    minutes_of: Meeting | None = None,
    urgency_reason: str = "",
    by,
) -> AgendaItem:
    """Add an item. A substantive item takes its title from its first report unless given one, a
    standard item its usual wording.

    R2: an item added once the agenda can no longer go out in time is late, and needs the chair's
    reason for urgency. R3: its papers are due from now (`added_at`). On a published agenda the item
    waits for the next supplementary agenda.
    """
    reports = list(reports)
    if kind == AgendaItem.Kind.REPORTS and not reports:
        raise AgendaError("Choose the report(s) this item considers.")
    if not title and standard_item in StandardItem.values:
        title = STANDARD_ITEM_WORDING[StandardItem(standard_item)]
    title = (title or (reports[0].title if reports else "")).strip()
    # Outside the transaction: checking and normalising a long PDF must not hold the meeting's lock.
    checked = None
    if document is not None:
        description = stored_document_description(AgendaItem(title=title), reports=reports)
        checked = pdf_upload_checked(document, field="document", describe=description)
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        _require_open(meeting)
        item = AgendaItem(
            meeting=meeting,
            kind=kind,
            standard_item=standard_item,
            title=title,
            description=description,
            part=part,
            exempt_paragraphs=sorted(exempt_paragraphs or []),
            minutes_of=minutes_of,
            urgency_reason=urgency_reason.strip(),
            added_at=timezone.now(),
            added_by=signed_in_user(by),
            position=0,
        )
        if checked is not None:
            item.document = checked.file
            item.document_pages, item.document_sha256 = checked.page_count, checked.sha256
        item.full_clean(exclude=["position"])
        deadline = publication_deadline(meeting)
        if (
            item_is_late(item, deadline=deadline, published_on=timezone.localdate())
            and not item.urgency_reason
        ):
            raise ValidationError(
                {
                    "urgency_reason": f"This item is late ({deadline.rule}). Record why the chair accepts it "
                    "as urgent by reason of special circumstances (R2, s.100B(4)); the minutes will carry it."
                }
            )
        item.position = _insert_position(meeting, part)
        item.save()
        for position, report in enumerate(reports, start=1):
            _attach(item, report, position=position)
        audit_record(obj=item, by=by, action=AuditEntry.Action.CREATED, changes=field_values(item))
    return item


def _attach(item: AgendaItem, report: Report, *, position: int) -> AgendaItemReport:
    if report.status not in _ATTACHABLE:
        raise AgendaError(
            f"“{report.title}” is {report.get_status_display().lower()}: it cannot go on an agenda."
        )
    if AgendaItemReport.objects.filter(item__meeting=item.meeting, report=report).exists():
        raise AgendaError(f"“{report.title}” is already on this agenda.")
    return AgendaItemReport.objects.create(item=item, report=report, position=position)


def agenda_report_attach(*, item: AgendaItem, report: Report, by) -> AgendaItemReport:
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        _require_open(meeting)
        if item.kind != AgendaItem.Kind.REPORTS:
            raise AgendaError("Reports go on a report item.")
        if item.is_published:
            raise AgendaError("This item is published: add a new item for another report.")
        position = (item.report_links.aggregate(n=Max("position"))["n"] or 0) + 1
        link = _attach(item, report, position=position)
        audit_record(
            obj=item, by=by, action=AuditEntry.Action.CHANGED, note=f"Report attached: {report.title}"
        )
    return link


def agenda_report_detach(*, link: AgendaItemReport, by) -> None:
    with transaction.atomic():
        meeting = _lock_meeting(link.item.meeting)
        _require_open(meeting)
        if link.item.is_published:
            raise AgendaError("This item is published: withdraw the item instead.")
        if link.item.report_links.count() == 1:
            raise AgendaError("An item needs at least one report: remove the item instead.")
        audit_record(
            obj=link.item, by=by, action=AuditEntry.Action.CHANGED, note=f"Report removed: {link.report}"
        )
        link.delete()


def agenda_item_update(*, item: AgendaItem, by, **values) -> AgendaItem:
    """Change an item's title, description, exempt paragraphs or urgency reason."""
    allowed = {"title", "description", "exempt_paragraphs", "urgency_reason"}
    if unknown := set(values) - allowed:
        raise AgendaError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        _require_open(meeting)
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        before = field_values(item)
        for name, value in values.items():
            setattr(item, name, value.strip() if isinstance(value, str) else value)
        item.full_clean()
        item.save()
        changes = changed_values(before, field_values(item))
        if changes:
            audit_record(obj=item, by=by, action=AuditEntry.Action.CHANGED, changes=changes)
            if item.is_published:
                agenda_change_record(
                    meeting=meeting, by=by, item=item, summary=f"{item_label(item)} changed: {{title}}"
                )
    return item


def _refuse_public_reports_in_private(item: AgendaItem) -> None:
    """R4: a report published as open has been public: taking it in Part B would not make it exempt,
    and its page, PDF and the public pack would still say "Exempt from the Press and Public: No"."""
    for link in item.report_links.select_related("report"):
        report = link.report
        if report.status == Report.Status.PUBLISHED and not report.is_exempt:
            raise AgendaError(
                f"“{report.title}” was published as an open report, so its item cannot be taken in Part B. "
                "It is public already: to withhold part of it, publish an exempt appendix or a new exempt "
                "report on a Part B item."
            )


def agenda_item_set_part(
    *, item: AgendaItem, part: str, exempt_paragraphs: list[int] | None = None, by
) -> AgendaItem:
    """Move an item into Part B (citing Schedule 12A paragraphs, R4) or back to Part A; it goes where
    a new item of that part would: at the end of Part B, or in Part A before the standard items that
    close it (exclusion of the press and public, next meeting)."""
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        _require_open(meeting)
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if item.part == part:
            return item
        if part == Part.B:
            _refuse_public_reports_in_private(item)
        before = field_values(item)
        item.part = part
        item.exempt_paragraphs = sorted(exempt_paragraphs or []) if part == Part.B else []
        item.position = _insert_position(meeting, part)
        item.full_clean()
        item.save()
        audit_record(
            obj=item,
            by=by,
            action=AuditEntry.Action.CHANGED,
            changes=changed_values(before, field_values(item)),
        )
        if item.is_published:
            agenda_change_record(
                meeting=meeting, by=by, item=item, summary=f"“{{title}}” moved to {Part(part).label}"
            )
    return item


def agenda_reorder(*, meeting: Meeting, part: str, item_ids: list[int], by) -> None:
    """Put one part's items in the given order (drag and drop sends the whole list). Withdrawn items
    are no longer on the agenda, so the list leaves them out."""
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        _require_open(meeting)
        items = {i.pk: i for i in meeting.items.filter(part=part, is_withdrawn=False)}
        if sorted(item_ids) != sorted(items):
            raise AgendaError(
                "The agenda changed while you were reordering it: reload the page and try again."
            )
        order_before = [i.pk for i in sorted(items.values(), key=lambda i: (i.position, i.pk))]
        if order_before == list(item_ids):
            return
        for position, pk in enumerate(item_ids, start=1):
            items[pk].position = position * 10
        AgendaItem.objects.bulk_update(items.values(), ["position"])
        audit_record(
            obj=meeting, by=by, action=AuditEntry.Action.CHANGED, note=f"{Part(part).label} reordered"
        )
        if meeting.agenda_is_published:
            agenda_change_record(meeting=meeting, by=by, summary=f"{Part(part).label} items reordered")


def agenda_item_move(*, item: AgendaItem, up: bool, by) -> None:
    """The plain-form fallback for drag and drop: swap the item with its neighbour in its part."""
    ids = list(
        item.meeting.items.filter(part=item.part, is_withdrawn=False)
        .order_by("position", "pk")
        .values_list("pk", flat=True)
    )
    if item.pk not in ids:
        raise AgendaError("This item has been withdrawn: it is no longer on the agenda.")
    index = ids.index(item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
        agenda_reorder(meeting=item.meeting, part=item.part, item_ids=ids, by=by)


def agenda_item_remove(*, item: AgendaItem, by) -> None:
    """Before publication an item is deleted; a published one is withdrawn, and the meeting page says so."""
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        _require_open(meeting)
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if not item.is_published:
            audit_record(obj=item, by=by, action=AuditEntry.Action.DELETED, changes=field_values(item))
            item.delete()
            return
        summary = f"{item_label(item)} withdrawn: {{title}}"
        item.is_withdrawn = True
        item.save(update_fields=["is_withdrawn"])
        audit_record(obj=item, by=by, action=AuditEntry.Action.STATE, note="Withdrawn from the agenda")
        agenda_change_record(meeting=meeting, by=by, item=item, summary=summary)
