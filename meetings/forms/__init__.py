"""Staff forms for meetings and agendas. Validation lives in the models and services; these shape
the input and carry the services' errors back to the fields they concern."""

from .agenda import (
    AgendaTemplateEntryForm,
    AttachReportForm,
    HeadingAddForm,
    ItemDocumentForm,
    ItemEditForm,
    MinutesAddForm,
    OtherItemAddForm,
    PartBForm,
    ReportChoices,
    ReportItemAddForm,
    StandardItemAddForm,
)
from .errors import add_service_errors
from .meetings import (
    MeetingCalendarForm,
    MeetingCallForm,
    MeetingDetailsForm,
    MeetingStatusForm,
    parse_meeting_date,
)

__all__ = [
    "AgendaTemplateEntryForm",
    "AttachReportForm",
    "HeadingAddForm",
    "ItemDocumentForm",
    "ItemEditForm",
    "MeetingCalendarForm",
    "MeetingCallForm",
    "MeetingDetailsForm",
    "MeetingStatusForm",
    "MinutesAddForm",
    "OtherItemAddForm",
    "PartBForm",
    "ReportChoices",
    "ReportItemAddForm",
    "StandardItemAddForm",
    "add_service_errors",
    "parse_meeting_date",
]
