"""Forms for writing and approving reports."""

from .appendices import UploadedAppendixForm, WrittenAppendixForm
from .editor import ReportCreateForm
from .report_page import ReportEditorForms
from .workflow import ApprovalForm, ReasonForm

__all__ = [
    "ApprovalForm",
    "ReasonForm",
    "ReportCreateForm",
    "ReportEditorForms",
    "UploadedAppendixForm",
    "WrittenAppendixForm",
]
