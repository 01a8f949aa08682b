"""Recording changes in the audit log. Every service that writes calls these inside its transaction."""

from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models

from council.models import AuditEntry


def _plain(value):
    """A JSON-safe, human-readable form of a field value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "name"):  # a FieldFile
        return value.name or ""
    return str(value)


def field_values(instance: models.Model) -> dict:
    """The instance's concrete editable fields, keyed by verbose name, as the audit log shows them."""
    values = {}
    for field in instance._meta.concrete_fields:
        if field.primary_key or not field.editable:
            continue
        if field.is_relation:
            related_id = getattr(instance, field.attname)
            value = str(getattr(instance, field.name)) if related_id is not None else None
        elif field.choices:
            raw = getattr(instance, field.attname)
            value = dict(field.flatchoices).get(raw, raw)
        else:
            value = _plain(getattr(instance, field.attname))
        values[str(field.verbose_name)] = _plain(value)
    return values


def changed_values(before: dict, after: dict) -> dict:
    """{label: [before, after]} for every value that differs."""
    return {label: [before.get(label), value] for label, value in after.items() if before.get(label) != value}


def signed_in_user(by):
    """The user behind a change, or None for the system (a command, the demo, a task)."""
    return by if getattr(by, "is_authenticated", False) else None


def audit_record(
    *,
    obj: models.Model,
    by,
    action: AuditEntry.Action,
    changes: dict | None = None,
    note: str = "",
) -> AuditEntry:
    actor = signed_in_user(by)
    actor_name = (actor.get_full_name() or actor.get_username()) if actor else "System"
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        actor=actor,
        actor_name=actor_name[:200],
        changes=changes or {},
        note=note[:300],
    )
