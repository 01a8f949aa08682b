"""Writes to the organisation: each checks, saves inside one transaction, and is audited."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction

from council.models import AuditEntry, ClosureDay, Committee, Membership

from .audit import audit_record, changed_values, field_values


class OrganisationError(Exception):
    """A change to the organisation was refused; the message says why, in the user's words."""


def organisation_save(*, instance: models.Model, by) -> models.Model:
    """Create or update one organisation record (ward, party, councillor, committee…), audited.

    The instance is validated (`full_clean`) before anything is written; on a validation
    error nothing is saved and the error is raised for the form to show.
    """
    with transaction.atomic():
        creating = instance._state.adding
        if creating:
            before = {}
        else:
            stored = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
            before = field_values(stored)
        instance.full_clean()
        instance.save()
        changes = changed_values(before, field_values(instance))
        if creating or changes:
            audit_record(
                obj=instance,
                by=by,
                action=AuditEntry.Action.CREATED if creating else AuditEntry.Action.CHANGED,
                changes=changes,
            )
    return instance


def organisation_delete(*, instance: models.Model, by) -> None:
    """Delete a record that nothing else refers to; refuse with a clear message otherwise."""
    with transaction.atomic():
        snapshot = field_values(instance)
        audit_record(
            obj=instance,
            by=by,
            action=AuditEntry.Action.DELETED,
            changes={label: [value, None] for label, value in snapshot.items()},
        )
        try:
            instance.delete()
        except models.ProtectedError as error:
            in_use = ", ".join(sorted({str(obj) for obj in list(error.protected_objects)[:3]}))
            raise OrganisationError(
                f"{instance} is still in use ({in_use}) and cannot be deleted."
            ) from error


def membership_add(*, membership: Membership, by) -> Membership:
    """Appoint someone to a committee. Refuses overlapping dates for the same person and two chairs.

    The committee row is locked so that two clerks adding members at once cannot both pass the
    overlap check.
    """
    with transaction.atomic():
        Committee.objects.select_for_update().get(pk=membership.committee_id)
        if not membership._state.adding:
            raise OrganisationError("This membership already exists; end it and add a new one to change it.")
        if membership.co_optee is not None and membership.co_optee.pk is None:
            # A co-optee named on the appointment form is created with the membership, or not at all.
            membership.co_optee = organisation_save(instance=membership.co_optee, by=by)
        return organisation_save(instance=membership, by=by)


def membership_end(*, membership: Membership, end_date: date, by) -> Membership:
    """End a membership on `end_date` (the last day served). History is kept, never overwritten."""
    with transaction.atomic():
        locked = (
            Membership.objects.select_for_update()
            .select_related("municipal_year", "committee")
            .get(pk=membership.pk)
        )
        if locked.end_date and locked.end_date < end_date:
            raise OrganisationError(f"This membership already ended on {locked.end_date:%-d %B %Y}.")
        if end_date < locked.start_date:
            raise ValidationError({"end_date": "The end date cannot be before the start date."})
        locked.end_date = end_date
        return organisation_save(instance=locked, by=by)


def membership_change_role(*, membership: Membership, role: str, from_date: date, by) -> Membership:
    """A change of office mid-year: end the current row the day before, start a new one."""
    with transaction.atomic():
        Committee.objects.select_for_update().get(pk=membership.committee_id)
        ended = membership_end(membership=membership, end_date=from_date - timedelta(days=1), by=by)
        successor = Membership(
            committee=ended.committee,
            municipal_year=ended.municipal_year,
            councillor=ended.councillor,
            co_optee=ended.co_optee,
            role=role,
            start_date=from_date,
            is_voting=ended.is_voting,
            representing=ended.representing,
            is_statutory=ended.is_statutory,
            item_scope=ended.item_scope,
        )
        return organisation_save(instance=successor, by=by)


def closure_day_add(*, closure_day: ClosureDay, by) -> ClosureDay:
    return organisation_save(instance=closure_day, by=by)
