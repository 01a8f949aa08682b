"""Appendix forms: written in the editor, or an uploaded PDF."""

from django import forms

from ..models import Appendix
from .fields import ExemptionForm, rich_text_field


class AppendixForm(ExemptionForm):
    label = forms.CharField(label="Label", max_length=40, help_text="As printed, e.g. “Appendix 1”.")
    title = forms.CharField(label="Title", max_length=300)
    field_order = ["label", "title"]


class WrittenAppendixForm(AppendixForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = rich_text_field(Appendix, "body", label="Text of the appendix")
        self.order_fields(["label", "title", "body"])


class UploadedAppendixForm(AppendixForm):
    file = forms.FileField(
        label="PDF file",
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
        help_text="A PDF document; its pages are counted and it is merged into the agenda pack.",
    )
    field_order = ["label", "title", "file"]


# --- The editor page as one unit -------------------------------------------------------------
