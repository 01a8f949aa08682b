"""Publishing an agenda (R1, R2, R3) and supplementary agendas.

Publishing freezes the version of every report on the agenda (`reports.services.report_publish`),
makes the agenda, its open reports and its public pack public, records who and when, and queues the
pack build. It is refused, saying which rule and date, when the agenda is late and an item has no
reason for urgency, or when a report is not yet approved.
"""

from django.db import transaction
from django.utils import timezone

from council.models import AuditEntry
from council.services import audit_record, signed_in_user
from reports.models import Report, ReportVersion
from reports.services import report_exempt_for_agenda, report_publish

from ..agenda import numbered_agenda
from ..models import AgendaItem, Meeting, Part, SupplementaryAgenda
from ..publication import items_needing_urgency, publication_deadline
from .meetings import AgendaError, agenda_change_record
from .packs import pack_build_queue


def agenda_missing(items) -> list[str]:
    """What stops these items being published, in words: reports not yet approved or withdrawn
    since they were put on the agenda, items without reports. Expects `report_links__report`
    prefetched."""
    missing = []
    for item in items:
        if item.kind != AgendaItem.Kind.REPORTS or item.is_withdrawn:
            continue
        links = list(item.report_links.all())
        if not links:
            missing.append(f"“{item.title}” has no report.")
        for link in links:
            report = link.report
            if report.status == Report.Status.WITHDRAWN:
                missing.append(f"“{report.title}” has been withdrawn: take it off the agenda.")
            elif report.status not in (Report.Status.APPROVED, Report.Status.PUBLISHED):
                missing.append(
                    f"“{report.title}” is not approved yet ({report.get_status_display().lower()})."
                )
            elif item.part == Part.B and report.status == Report.Status.PUBLISHED and not report.is_exempt:
                # R4: it is public already; taking it in private would not make it exempt.
                missing.append(
                    f"“{report.title}” was published as an open report: it cannot be taken in Part B."
                )
    return missing


def _check_publishable(meeting: Meeting, items: list[AgendaItem]) -> None:
    if meeting.status != Meeting.Status.SCHEDULED:
        raise AgendaError(
            f"This meeting is {meeting.get_status_display().lower()}: its agenda cannot be published."
        )
    if meeting.date < timezone.localdate():
        raise AgendaError("This meeting has already taken place.")
    if not any(item.is_numbered for item in items):
        raise AgendaError("The agenda has no items.")
    if missing := agenda_missing(items):
        raise AgendaError("The agenda cannot be published yet: " + " ".join(missing))
    deadline = publication_deadline(meeting)
    today = timezone.localdate()
    if late := items_needing_urgency(items, deadline=deadline, published_on=today):
        numbers = {e.item.pk: e.number for e in numbered_agenda(meeting.items.all())}
        listed = ", ".join(
            f"item {numbers[i.pk]} (“{i.title}”)" if numbers.get(i.pk) else f"“{i.title}”" for i in late
        )
        raise AgendaError(
            f"Too late to publish: {deadline.rule}, and today is {today:%A %-d %B %Y}. "
            f"To publish now, record the chair's reason for urgency (R2, s.100B(4)) on {listed}."
        )


def _freeze_reports(items: list[AgendaItem], *, by) -> None:
    """Publish each approved report and pin the agenda to its frozen version (the pack prints it).

    R4: a report taken in Part B becomes exempt under the item's paragraphs first, so that its own
    page and PDF are closed to the public like the item.
    """
    for item in items:
        for link in item.report_links.all():
            report = link.report
            if report.status == Report.Status.APPROVED and item.part == Part.B:
                meeting = item.meeting
                context = f"Part B of the agenda of {meeting.committee.name}, {meeting.date.day} {meeting.date:%B %Y}"
                report_exempt_for_agenda(
                    report=report, paragraphs=item.exempt_paragraphs, context=context, by=by
                )
            if report.status == Report.Status.APPROVED:
                report_publish(report=report, by=by)
            link.version = (
                ReportVersion.objects.filter(report=report, is_frozen=True).order_by("-number").first()
            )
            link.save(update_fields=["version"])


def _pending_items(meeting: Meeting) -> list[AgendaItem]:
    return list(
        meeting.items.filter(published_at__isnull=True, is_withdrawn=False)
        .prefetch_related("report_links__report")
        .order_by("part", "position")
    )


def agenda_publish(*, meeting: Meeting, by) -> Meeting:
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
        if meeting.agenda_is_published:
            raise AgendaError("The agenda is already published: new items go on a supplementary agenda.")
        items = _pending_items(meeting)
        _check_publishable(meeting, items)
        _freeze_reports(items, by=by)
        now = timezone.now()
        AgendaItem.objects.filter(pk__in=[i.pk for i in items]).update(published_at=now)
        meeting.agenda_published_at = now
        meeting.agenda_published_by = signed_in_user(by)
        meeting.save(update_fields=["agenda_published_at", "agenda_published_by"])
        audit_record(obj=meeting, by=by, action=AuditEntry.Action.STATE, note="Agenda published")
        pack_build_queue(meeting=meeting, by=by, reason="Agenda published")
    return meeting


def supplementary_agenda_publish(*, meeting: Meeting, by) -> SupplementaryAgenda:
    """Publish the items added since the agenda went out, as the next supplementary agenda with its
    own pack; the main pack is rebuilt with them in place and the meeting page lists them."""
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
        if not meeting.agenda_is_published:
            raise AgendaError("Publish the agenda first: until then new items simply join it.")
        items = _pending_items(meeting)
        if not [i for i in items if i.is_numbered]:
            raise AgendaError("There are no new items to publish.")
        _check_publishable(meeting, items)
        _freeze_reports(items, by=by)
        number = meeting.supplements.count() + 1
        supplement = SupplementaryAgenda.objects.create(
            meeting=meeting,
            number=number,
            published_by=signed_in_user(by),
        )
        AgendaItem.objects.filter(pk__in=[i.pk for i in items]).update(
            published_at=supplement.published_at, supplement=supplement
        )
        numbers = {e.item.pk: e.number for e in numbered_agenda(meeting.items.all())}
        for item in items:
            if item.is_numbered:
                agenda_change_record(
                    meeting=meeting,
                    by=by,
                    item=item,
                    summary=f"Item {numbers[item.pk]} added by supplementary agenda {number}: {{title}}",
                    rebuild=False,
                )
        audit_record(obj=meeting, by=by, action=AuditEntry.Action.STATE, note=f"{supplement} published")
        pack_build_queue(meeting=meeting, by=by, reason=f"{supplement} published")
    return supplement
