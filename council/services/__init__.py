from .audit import audit_record, changed_values, field_values, signed_in_user
from .organisation import (
    OrganisationError,
    closure_day_add,
    membership_add,
    membership_change_role,
    membership_end,
    organisation_delete,
    organisation_save,
)

__all__ = [
    "OrganisationError",
    "audit_record",
    "changed_values",
    "closure_day_add",
    "field_values",
    "membership_add",
    "membership_change_role",
    "membership_end",
    "organisation_delete",
    "organisation_save",
    "signed_in_user",
]
