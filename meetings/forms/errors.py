"""Carrying a service's refusal back to the form the user filled in."""

from django import forms
from django.core.exceptions import ValidationError

from ..services import AgendaError


def add_service_errors(form: forms.Form, error: ValidationError | AgendaError) -> None:
    """Put each error on the field it names when the form has that field, otherwise above the form
    (a service may check a field the form does not show, such as the model's own constraints)."""
    if isinstance(error, AgendaError):
        form.add_error(None, str(error))
        return
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        if field in form.fields:
            form.add_error(field, messages)
        else:
            form.add_error(None, messages)
