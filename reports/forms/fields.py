"""Form building blocks for reports: rich text, officer pickers, the exemption fields."""

import re

from django import forms
from django.forms.boundfield import BoundField
from django.utils.html import linebreaks
from django_prose_editor.fields import ProseEditorFormField

from ..models import SCHEDULE_12A_PARAGRAPHS, Report

# Blank rows for new recommendations, papers and bodies when the page works without JavaScript.
EXTRA_ROWS = 3

# A leading "(a)", "a)", "•", "-" or "*" typed before a sub-point: numbering is automatic.
SUB_POINT_MARKER = re.compile(r"^\s*(?:\([a-z]{1,2}\)|[a-z]\)|[•*\-–])\s+")


# Anything that looks like a tag: the editor always sends HTML ("<p>…</p>").
HTML_TAG = re.compile(r"<[a-z!/]", re.IGNORECASE)


class RichTextFormField(ProseEditorFormField):
    """Without JavaScript the editor is a plain textarea: plain text typed there becomes paragraphs."""

    def to_python(self, value):
        value = super().to_python(value)
        if value.strip() and not HTML_TAG.search(value):
            value = linebreaks(value.strip(), autoescape=True)
        return value


def rich_text_field(model, name: str, **kwargs):
    """The model's django-prose-editor form field (same toolbar and nh3 allowlist), sanitised here too."""
    return model._meta.get_field(name).formfield(
        form_class=RichTextFormField, sanitize=True, required=False, **kwargs
    )


def sanitise_rich_text(html: str) -> str:
    """What the model stores: nh3 with the report allowlist, so it is safe to show."""
    return Report._meta.get_field("summary").sanitize(html or "")


class SavedTextBoundField(BoundField):
    """A field that can show, read-only, what someone else saved meanwhile (issue 3, point 7)."""

    @property
    def saved_text(self):
        return self.form.saved_text.get(self.name)


class EditorForm(forms.Form):
    bound_field_class = SavedTextBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_text: dict[str, str] = {}


class OfficerMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ExemptionForm(EditorForm):
    """R4: exempt from the press and public, the Schedule 12A paragraph(s) and the public-interest reason."""

    is_exempt = forms.BooleanField(label="Exempt from the press and public", required=False)
    exempt_paragraphs = forms.TypedMultipleChoiceField(
        label="Schedule 12A paragraph(s)",
        choices=[(number, f"Paragraph {number}: {text}") for number, text in SCHEDULE_12A_PARAGRAPHS.items()],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Part 1 of Schedule 12A to the Local Government Act 1972.",
    )
    public_interest_reason = forms.CharField(
        label="Public-interest reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the public interest in keeping it exempt outweighs the public interest in disclosure.",
    )
